"""Suppression comments: ``<!-- gailint-disable GAI701 -->`` and friends.

Markdown reports can carry HTML comments; plain-text reports cannot (they are
published as is), so they use ``per-file-ignores`` in the config instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gailint.model import LineIndex, Span

SuppressionKind = Literal["disable", "enable", "disable-next-line", "disable-file"]

# Linear on any text: the codes run possessively to the next “>” and never past a
# “<”, so a thousand unclosed “<!-- gailint-disable” are each read to the next one
# only (a lazy “.*?-->” re-read the rest of the text from every one of them). The
# comment must end in “-->”: checked on the match.
_COMMENT_RE = re.compile(
    r"<!--\s*+gailint-(disable-next-line|disable-file|disable|enable)\b([^<>]*+)>",
    re.IGNORECASE,
)
_CODE_SPLIT_RE = re.compile(r"[\s,，]+")


@dataclass(frozen=True, slots=True)
class Suppression:
    kind: SuppressionKind
    codes: tuple[str, ...]  # empty: every rule
    span: Span  # the comment
    line: int


def find_suppressions(text: str, index: LineIndex) -> tuple[Suppression, ...]:
    if "gailint-" not in text:
        return ()
    out = []
    for m in _COMMENT_RE.finditer(text):
        body = m.group(2)
        if not body.endswith("--"):
            continue  # “<!-- gailint-disable GAI701 >”: not a comment
        codes = tuple(c.upper() for c in _CODE_SPLIT_RE.split(body[:-2].strip()) if c)
        out.append(Suppression(m.group(1).lower(), codes, Span(m.start(), m.end()), index.line_of(m.start())))  # type: ignore[arg-type]
    return tuple(out)
