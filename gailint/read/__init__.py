"""The reader: a report file's text → the text the parser reads, and the map back.

Most reports need nothing: plain text with one paragraph a line, or Markdown, is read
as it is (an identity map, no copy). Two layouts are turned into lines first:

- a web page scraped onto one line (:mod:`gailint.read.segment`): the long line is
  broken between its sections, sentences, tables and page furniture;
- an HTML page (:mod:`gailint.read.html`): tags and entities become text, block
  elements become lines, table cells become tab-separated cells, and the page's
  navigation, scripts and footer are left out.

Every character of the reader's text maps back to the file through a
:class:`~gailint.read.textmap.TextMap`, so diagnostics, fixes and editor positions
land on the file's own characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate, repeat
from operator import add
from typing import Literal

from gailint.read.textmap import IDENTITY, TextMap, ViewBuilder

__all__ = ["LINE_BREAK_RE", "Reading", "read", "split_lines", "TextMap", "is_html"]

Layout = Literal["text", "markdown", "html"]

# \r\n, \n and a lone \r end a line, as in LSP: the one definition, for the reader,
# the parser and the line index (gailint.model re-exports it).
LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_BREAK_SPLIT_RE = re.compile(f"({LINE_BREAK_RE.pattern})")  # keeps the breaks
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
# Atomic comment run: comments are read once, never re-split when no <html> follows.
_HTML_START_RE = re.compile(
    r"\A(?:\ufeff)?\s*+(?:<\?xml[^>]*+>\s*+)?(?>(?:<!--.*?-->\s*+)*)<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class Reading:
    """What the reader made of a file: the text the parser reads, and the map."""

    text: str
    map: TextMap = IDENTITY
    layout: Layout = "text"
    notes: tuple[str, ...] = field(default=())
    # The publication date a web page shows outside the report (its 发布时间).
    page_date: date | None = None
    # Where each line of ``text`` starts and its text without the break, when the
    # reader split ``text`` itself (the parser's line index reuses them).
    lines: tuple[tuple[int, ...], list[str]] | None = field(default=None, repr=False, compare=False)


def is_html(text: str, path: str | None) -> bool:
    """An HTML file: by its name, or by its first tag (a page saved as .txt)."""
    if path and path.lower().endswith(_HTML_SUFFIXES):
        return True
    return bool(_HTML_START_RE.match(text[:2048]))


# CommonMark's backslash escapes ("1\\.属于国家秘密", "12\\.35" from converters).
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def split_lines(text: str) -> tuple[tuple[int, ...], list[str]]:
    """Where every line starts and its text without the break (a text ending with a
    break has an empty last line, as in the line index); built with one split and
    running sums (C loops), no Python step per line."""
    if "\r" not in text:
        # Line feeds only (most files): str.split, a few times faster than the regex.
        bodies = text.split("\n")
        return (0, *accumulate(map(add, map(len, bodies[:-1]), repeat(1)))), bodies
    pieces = _BREAK_SPLIT_RE.split(text)
    bodies, breaks = pieces[0::2], pieces[1::2]
    return (0, *accumulate(map(add, map(len, bodies), map(len, breaks)))), bodies


def read(text: str, path: str | None = None) -> Reading:
    if is_html(text, path):
        from gailint.read.html import read_html

        return read_html(text)
    markdown = bool(path) and path.lower().endswith(_MARKDOWN_SUFFIXES)  # type: ignore[union-attr]
    layout: Layout = "markdown" if markdown else "text"
    edits: list[tuple[int, int, str]] = []
    notes: list[str] = []
    if markdown and "\\" in text:
        edits.extend((m.start(), m.end(), m.group(1)) for m in _MD_ESCAPE_RE.finditer(text))
    from gailint.read.segment import MIN_LENGTH

    lines = split_lines(text)
    if len(text) >= MIN_LENGTH:
        from gailint.read.segment import breaks, structured

        split = 0
        # Only long lines can hold a scraped page.
        for pos, line in [(p, ln) for p, ln in zip(*lines) if len(ln) >= MIN_LENGTH]:
            if structured(line):
                split += 1
                edits.extend((pos + a, pos + b, "\n") for a, b in breaks(line))
        if split:
            notes.append(f"正文有 {split} 行连成一行（网页抓取的文本），已按章节、句子和表格分行阅读")
    if len(lines[1]) > 1:
        from gailint.read.wrap import joins

        joined = joins(*lines)
        if joined:
            edits.extend(joined)
            notes.append(f"正文按页宽折行（PDF 文本），已把 {len(joined)} 处折行接回段落阅读")
    if not edits:
        return Reading(text, IDENTITY, layout, lines=lines)
    builder = ViewBuilder(text)
    for a, b, new in sorted(edits):
        builder.replace(a, b, new)
    view, textmap = builder.finish()
    return Reading(view, textmap, layout, tuple(notes))
