"""Suppression comments: ``<!-- gailint-disable GAI701 -->`` and friends.

Markdown reports can carry HTML comments; plain-text reports cannot (they are
published as is), so they use ``per-file-ignores`` in the config instead.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Literal

from gailint.frozen import frozen
from gailint.model import LineIndex, Span

SuppressionKind = Literal["disable", "enable", "disable-next-line", "disable-file"]

# Linear on any text: the codes run possessively to the next “>” and never past a
# “<”, so a thousand unclosed “<!-- gailint-disable” are each read to the next one
# only (a lazy “.*?-->” re-read the rest of the text from every one of them). The
# comment must end in “-->”: checked on the match.
COMMENT_RE = re.compile(
    r"<!--\s*+gailint-(disable-next-line|disable-file|disable|enable)\b([^<>]*+)>",
    re.IGNORECASE,
)
_CODE_SPLIT_RE = re.compile(r"[\s,，]+")
_OPEN_RE = re.compile("<!--")
_CLOSE_RE = re.compile("-->")


@frozen
class Suppression:
    kind: SuppressionKind
    codes: tuple[str, ...]  # empty: every rule
    span: Span  # the comment
    line: int


def find_suppressions(text: str, index: LineIndex) -> tuple[Suppression, ...]:
    if "gailint-" not in text:
        return ()
    out = []
    for m in COMMENT_RE.finditer(text):
        body = m.group(2)
        if not body.endswith("--"):
            continue  # “<!-- gailint-disable GAI701 >”: not a comment
        codes = tuple(c.upper() for c in _CODE_SPLIT_RE.split(body[:-2].strip()) if c)
        out.append(Suppression(m.group(1).lower(), codes, Span(m.start(), m.end()), index.line_of(m.start())))  # type: ignore[arg-type]
    return tuple(out)


def comment_closers(text: str) -> Callable[[int], bool]:
    """A test for "-->" at an offset: does it close an ``<!--`` opened before it on
    ``text``? Both marks are found once (not searched for again at every "-->")."""
    if "<!--" not in text:
        return lambda at: False
    opens = [m.start() for m in _OPEN_RE.finditer(text)]
    closes = [m.start() for m in _CLOSE_RE.finditer(text)]

    def closing(at: int) -> bool:
        i = bisect.bisect_left(opens, at)
        j = bisect.bisect_left(closes, at)
        return i > 0 and (j == 0 or closes[j - 1] < opens[i - 1])

    return closing
