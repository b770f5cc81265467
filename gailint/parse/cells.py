"""Split one line of a table into tokens: label text, values and blank cells.

Works for every layout the seeds show: tab-separated rows (cells may shift), space-
separated rows, one cell per line, ``|`` fragments with empty ``|||`` runs and
Markdown pipe tables. Hard separators are tabs and pipes; inside a piece, words
that are numbers become values and the rest stays as one text token, so labels
with spaces ("1. 属于国家秘密", "商业 企业") are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Literal, NamedTuple

from gailint.model import Span

TokenKind = Literal["text", "value", "blank"]

_SEP_RE = re.compile(r"[\t|｜]")
_WORD_RE = re.compile(r"[^\s]+")
_INNER_WS_RE = re.compile(r"\s")
# A count or an amount; "1." (a list marker) is not a value.
NUMBER_RE = re.compile(r"^[+\-−]?\d[\d,，]*(?:[.．]\d+)?$")
NA_VALUES = frozenset({"—", "——", "-", "--", "/", "／", "－", "一一"})
_MARKDOWN_RULE_RE = re.compile(r"^:?-{2,}:?$")
_FILLER_RE = re.compile("[\u00a0\u3000]+")


class Token(NamedTuple):
    """A parser-internal token (a tuple: cheap, since a report has thousands)."""

    kind: TokenKind
    text: str
    start: int
    end: int
    line: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


# make_token((kind, text, start, end, line)): a Token without NamedTuple's __new__,
# a Python function called for each of the thousands of tokens of a report (the
# tuple is built in C: about half the cost).
make_token: Callable[[tuple[TokenKind, str, int, int, int]], Token] = partial(tuple.__new__, Token)


def _is_value(word: str) -> bool:
    # isdecimal() is exactly \d+ (Unicode Nd), the common case, without the regex.
    return word.isdecimal() or word in NA_VALUES or NUMBER_RE.match(word) is not None


def tokenize_line(text: str, start: int, line: int) -> list[Token]:
    """Tokens of one line whose first character is at offset ``start``."""
    if text.isdecimal():  # a count alone on its line (one cell per line)
        return [make_token(("value", text, start, start + len(text), line))]
    stripped = text.strip()
    if not stripped:
        # A line of non-breaking or ideographic spaces is a blank cell in the
        # one-cell-per-line layout; an empty line only separates cells.
        if text and any(ch in "\u00a0\u3000" for ch in text):
            return [make_token(("blank", "", start, start + len(text), line))]
        return []
    has_sep = "\t" in text or "|" in text or "｜" in text  # _SEP_RE, by `in` (in C, no regex call)
    if not has_sep and not _INNER_WS_RE.search(stripped):
        value = _is_value(stripped)
        if value or not _HAS_DIGIT_RE.search(stripped):
            # The common case (one cell per line, a label, a number): one token.
            a = start + text.index(stripped)
            return [make_token(("value" if value else "text", stripped, a, a + len(stripped), line))]
    if not has_sep:
        return _words(text, 0, len(text), start, line)
    tokens: list[Token] = []
    # str.split is several times faster than the regex, which only mixed separators need.
    if "|" not in text and "｜" not in text:
        parts = text.split("\t")
    elif "\t" not in text and "｜" not in text:
        parts = text.split("|")
    else:
        parts = _SEP_RE.split(text)
    last = len(parts) - 1
    pos = 0
    cells = 0  # tokens that are not blank
    for k, part in enumerate(parts):
        a = pos
        pos += len(part) + 1
        if part.isdecimal():  # a count with no padding: most cells of a tab-separated table
            tokens.append(make_token(("value", part, start + a, start + a + len(part), line)))
            cells += 1
            continue
        st = part.strip()
        if st.isdecimal():
            b = start + a + len(part) - len(part.lstrip())
            tokens.append(make_token(("value", st, b, b + len(st), line)))
            cells += 1
            continue
        if not st:
            # An empty piece between two separators is a blank cell; the edges of a
            # line (before the first or after the last separator) are not.
            if 0 < k < last:
                # A blank cell: its &nbsp; (or ideographic space), which a fix of 0
                # replaces; else the empty place right after the separator.
                m = _FILLER_RE.search(part)
                x, y = (a + m.start(), a + m.end()) if m else (a, a)
                tokens.append(make_token(("blank", "", start + x, start + y, line)))
            continue
        if _INNER_WS_RE.search(st) or (_HAS_DIGIT_RE.search(st) and not _is_value(st)):
            words = _words(text, a, a + len(part), start, line)
            tokens.extend(words)
            cells += len(words)
            continue
        if _MARKDOWN_RULE_RE.match(st):
            continue  # |---|---| under a Markdown table header
        b = start + a + len(part) - len(part.lstrip())
        tokens.append(make_token(("value" if _is_value(st) else "text", st, b, b + len(st), line)))
        cells += 1
    if not cells:
        return []  # "|||" or a row of tabs: separator noise, not cells
    # Tabs before a label only indent it (rows shifted right), they are no cells.
    lead = 0
    while lead < len(tokens) and tokens[lead].kind == "blank":
        lead += 1
    if lead and lead < len(tokens) and tokens[lead].kind == "text":
        tokens = tokens[lead:]
    return tokens


# A number glued to words ("规章000行政规范性文件0011"): a run of digits, with a sign
# or a decimal part. A digit right before "." or "、" and a word is a list marker
# ("00000002.其他法律…" is 0000000 and the label "2.其他法律…").
_GLUED_NUMBER_RE = re.compile(r"[+\-−]?\d+(?:[.．]\d+)?")
_HAS_DIGIT_RE = re.compile(r"\d")
_MARKER_AFTER = frozenset(".．、")
_TEXT_AFTER = frozenset("年月日号时")  # 2023年: a date in words, not a cell
_OPEN, _CLOSE = "（(〔[【", "）)〕]】"


def _pieces(word: str) -> list[tuple[bool, int, int]]:
    """(is value, start, end) pieces of one word; digits inside brackets, list
    markers and dates stay text."""
    if _is_value(word):
        return [(True, 0, len(word))]
    if not _HAS_DIGIT_RE.search(word):
        return [(False, 0, len(word))]
    out: list[tuple[bool, int, int]] = []
    depth = 0
    text_from = 0
    pos = 0
    for m in _GLUED_NUMBER_RE.finditer(word):
        for ch in word[pos : m.start()]:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE and depth:
                depth -= 1
        pos = m.start()
        a, b = m.start(), m.end()
        nxt = word[b : b + 1]
        if depth or nxt in _TEXT_AFTER or (a > 0 and word[a] in "+-−" and not word[a - 1].isdigit()):
            continue
        if nxt in _MARKER_AFTER and not word[b + 1 : b + 2].isdigit():
            b -= 1  # the last digit numbers the label after it
            if b <= a or word[b - 1] in "+-−":
                continue
        if a > text_from:
            out.append((False, text_from, a))
        out.append((True, a, b))
        text_from = b
    if text_from < len(word):
        out.append((False, text_from, len(word)))
    return out


def _words(text: str, a: int, b: int, start: int, line: int) -> list[Token]:
    """Tokens of text[a:b], a piece without separators: numbers become values, the
    words between them one text token (labels keep their spaces)."""
    out: list[Token] = []
    run_start = run_end = -1
    for m in _WORD_RE.finditer(text, a, b):
        word = m.group()
        if word.isdecimal():  # a count, the common word: _pieces' own first case
            if run_start >= 0:
                out.append(make_token(("text", text[run_start:run_end], start + run_start, start + run_end, line)))
                run_start = -1
            x = m.start()
            out.append(make_token(("value", word, start + x, start + x + len(word), line)))
            continue
        if word[0] in ":-" and _MARKDOWN_RULE_RE.match(word):
            continue
        for is_value, x, y in _pieces(word):
            x, y = m.start() + x, m.start() + y
            if is_value:
                if run_start >= 0:
                    out.append(make_token(("text", text[run_start:run_end], start + run_start, start + run_end, line)))
                    run_start = -1
                out.append(make_token(("value", text[x:y], start + x, start + y, line)))
            else:
                if run_start < 0:
                    run_start = x
                run_end = y
    if run_start >= 0:
        out.append(make_token(("text", text[run_start:run_end], start + run_start, start + run_end, line)))
    return out


# Every character int() or float() accepts (digits, signs, separators, exponents,
# inf/infinity/nan, underscores, spaces) and the separators replaced below.
_NUMERIC_CHARS_RE = re.compile(r"[\s\d+\-−.．,，_eEiInNfFtTyYaA]+")


def parse_number(text: str) -> int | float | None:
    """The numeric value of a value token; None for n/a marks."""
    if text.isdecimal():
        return int(text)  # the common case; int() also reads full-width digits
    if not _NUMERIC_CHARS_RE.fullmatch(text):
        return None  # a label: neither int() nor float() could read it (no exceptions raised)
    try:
        return int(text)
    except ValueError:
        pass
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
