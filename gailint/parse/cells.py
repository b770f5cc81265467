"""Split one line of a table into tokens: label text, values and blank cells.

Works for every layout the seeds show: tab-separated rows (cells may shift), space-
separated rows, one cell per line, ``|`` fragments with empty ``|||`` runs and
Markdown pipe tables. Hard separators are tabs and pipes; inside a piece, words
that are numbers become values and the rest stays as one text token, so labels
with spaces ("1. 属于国家秘密", "商业 企业") are kept whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gailint.model import Span

TokenKind = Literal["text", "value", "blank"]

_SEP_RE = re.compile(r"[\t|｜]")
_WORD_RE = re.compile(r"[^\s]+")
_INNER_WS_RE = re.compile(r"\s")
# A count or an amount; "1." (a list marker) is not a value.
NUMBER_RE = re.compile(r"^[+\-−]?\d[\d,，]*(?:[.．]\d+)?$")
NA_VALUES = frozenset({"—", "——", "-", "--", "/", "／", "－", "一一"})
_MARKDOWN_RULE_RE = re.compile(r"^:?-{2,}:?$")


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    text: str
    span: Span
    line: int


def _is_value(word: str) -> bool:
    return bool(NUMBER_RE.match(word)) or word in NA_VALUES


def tokenize_line(text: str, start: int, line: int) -> list[Token]:
    """Tokens of one line whose first character is at offset ``start``."""
    stripped = text.strip()
    if not stripped:
        # A line of non-breaking or ideographic spaces is a blank cell in the
        # one-cell-per-line layout; an empty line only separates cells.
        if text and any(ch in "\u00a0\u3000" for ch in text):
            return [Token("blank", "", Span(start, start + len(text)), line)]
        return []
    if not _SEP_RE.search(text):
        if not _INNER_WS_RE.search(stripped):
            # The common case (one cell per line, a label, a number): one token.
            a = start + text.index(stripped)
            kind: TokenKind = "value" if _is_value(stripped) else "text"
            return [Token(kind, stripped, Span(a, a + len(stripped)), line)]
        return _piece_tokens(text, start, line)
    pieces: list[tuple[int, int]] = []
    pos = 0
    has_sep = False
    for m in _SEP_RE.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
        has_sep = True
    pieces.append((pos, len(text)))
    tokens: list[Token] = []
    last = len(pieces) - 1
    for k, (a, b) in enumerate(pieces):
        piece = text[a:b]
        if not piece.strip():
            # An empty piece between two separators is a blank cell; the edges of a
            # line (before the first or after the last separator) are not.
            if has_sep and 0 < k < last:
                tokens.append(Token("blank", "", Span(start + a, start + a), line))
            continue
        tokens.extend(_piece_tokens(piece, start + a, line))
    if has_sep and all(t.kind == "blank" for t in tokens):
        return []  # "|||" or a row of tabs: separator noise, not cells
    # Tabs before a label only indent it (rows shifted right), they are no cells.
    lead = 0
    while lead < len(tokens) and tokens[lead].kind == "blank":
        lead += 1
    if lead and lead < len(tokens) and tokens[lead].kind == "text":
        tokens = tokens[lead:]
    return tokens


def _piece_tokens(piece: str, base: int, line: int) -> list[Token]:
    out: list[Token] = []
    text_start = text_end = -1
    for m in _WORD_RE.finditer(piece):
        word = m.group()
        if _MARKDOWN_RULE_RE.match(word):
            continue  # |---|---| under a Markdown table header
        if _is_value(word):
            if text_start >= 0:
                out.append(Token("text", piece[text_start:text_end], Span(base + text_start, base + text_end), line))
                text_start = -1
            out.append(Token("value", word, Span(base + m.start(), base + m.end()), line))
        else:
            if text_start < 0:
                text_start = m.start()
            text_end = m.end()
    if text_start >= 0:
        out.append(Token("text", piece[text_start:text_end], Span(base + text_start, base + text_end), line))
    return out


def parse_number(text: str) -> int | float | None:
    """The numeric value of a value token; None for n/a marks."""
    if text in NA_VALUES:
        return None
    s = text.replace(",", "").replace("，", "").replace("．", ".").replace("−", "-")
    try:
        return int(s)
    except ValueError:
        try:
            return float(s)
        except ValueError:
            return None
