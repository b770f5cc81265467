"""Paragraphs a PDF text layer wrapped at the page width.

``pdftotext`` writes a paragraph as lines of the page's width: every line but the
last ends mid-sentence. The parser reads one paragraph a line, so the reader joins a
line that reaches the page width without ending its sentence to the line below it
(when that line starts no new item), as the page showed them. A file whose lines do
not run to a common width — typed text, one paragraph a line — is left alone, so a
real break inside a word stays visible to the broken-line rule (GAI705).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Lines with column gaps, tabs or pipes are table rows, not prose.
_TABLE_LINE_RE = re.compile(r"\S[ \u3000]{3,}\S|\t|\|")


def _table_line(s: str) -> bool:
    # The pattern opens with \S, so the regex engine tries it at every character; most
    # lines have no tab, no pipe and no two spaces in a row (every gap of three holds
    # two), which `in` sees in C.
    if "\t" in s or "|" in s:
        return True
    return (
        len(s) >= 5
        and ("  " in s or "\u3000\u3000" in s or " \u3000" in s or "\u3000 " in s)
        and _TABLE_LINE_RE.search(s) is not None
    )


_ENDS_SENTENCE = frozenset("。！？；：”’）)」』》.!?;:")
_NEW_ITEM_RE = re.compile(
    r"[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}[、是．.]|\d{1,2}[.、．]\D|第[一二三四五六七八九十]|#"
)
_MIN_WRAPPED = 5  # full lines ending mid-sentence before a file counts as wrapped
_MAX_LINE = 240  # characters: no page is wider; longer lines are never wrapped ones


def joins(starts: Sequence[int], lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """Edits ``(start, end, new)`` that join wrapped lines. ``lines``: the text of
    every line of the file without its break; ``starts``: where each begins.

    A line's width is its display width: East Asian wide characters take two columns
    (GB18030 writes them in two bytes or more, ASCII in one)."""
    # A wrapped file has many lines ending mid-sentence; most files have few.
    open_ends = len([t for t in lines if 10 <= len(t) <= _MAX_LINE and t.rstrip()[-1:] not in _ENDS_SENTENCE])
    if open_ends < _MIN_WRAPPED:
        return []
    chosen = [(i, s) for i, t in enumerate(lines) if len(t) <= _MAX_LINE and (s := t.strip()) and not _table_line(s)]
    # Every width from one encoding of the lines joined by \n (no GB18030 sequence holds
    # the byte 0x0A), not an encoder call per line.
    encoded = "\n".join([s for _, s in chosen]).encode("gb18030", "replace").split(b"\n")
    prose = list(zip([i for i, _ in chosen], map(len, encoded)))
    if len(prose) < _MIN_WRAPPED:
        return []
    widths = sorted(w for _, w in prose)
    page = widths[int(len(widths) * 0.95)]
    if not 30 <= page <= 200:
        return []  # one paragraph a line (or one cell a line): no page width
    full = {i for i, w in prose if w >= 0.85 * page}
    candidates = []
    for i in sorted(full):
        if i + 1 >= len(lines):
            continue
        a_off, a, b_off, b = starts[i], lines[i], starts[i + 1], lines[i + 1]
        tail, head = a.rstrip(), b.lstrip(" \t\u3000\f")
        if not tail or not head or tail[-1] in _ENDS_SENTENCE or _table_line(b.strip()):
            continue
        if _NEW_ITEM_RE.match(head) or not (head[0].isalnum() or head[0] in "“‘《（(、，"):
            continue
        candidates.append((a_off + len(tail), b_off + (len(b) - len(head)), tail[-1], head[0]))
    if len(candidates) < _MIN_WRAPPED:
        return []
    out = []
    for start, end, last, first in candidates:
        # Two Latin letters or digits met at the break were two words.
        new = " " if last.isascii() and last.isalnum() and first.isascii() and first.isalnum() else ""
        out.append((start, end, new))
    return out
