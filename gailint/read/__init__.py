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
from typing import Literal

from gailint.read.textmap import IDENTITY, TextMap, ViewBuilder

__all__ = ["Reading", "read", "TextMap", "is_html"]

Layout = Literal["text", "markdown", "html"]

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_START_RE = re.compile(r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Reading:
    """What the reader made of a file: the text the parser reads, and the map."""

    text: str
    map: TextMap = IDENTITY
    layout: Layout = "text"
    notes: tuple[str, ...] = field(default=())


def is_html(text: str, path: str | None) -> bool:
    """An HTML file: by its name, or by its first tag (a page saved as .txt)."""
    if path and path.lower().endswith(_HTML_SUFFIXES):
        return True
    return bool(_HTML_START_RE.match(text[:2048]))


def read(text: str, path: str | None = None) -> Reading:
    if is_html(text, path):
        from gailint.read.html import read_html

        return read_html(text)
    layout: Layout = "markdown" if path and path.lower().endswith(_MARKDOWN_SUFFIXES) else "text"
    from gailint.read.segment import MIN_LENGTH

    if len(text) < MIN_LENGTH:
        return Reading(text, IDENTITY, layout)
    from gailint.read.segment import breaks, structured

    builder: ViewBuilder | None = None
    split = 0
    pos = 0
    for m in _LINE_RE.finditer(text):
        line = m.group().rstrip("\r\n")
        if len(line) >= MIN_LENGTH and structured(line):
            if builder is None:
                builder = ViewBuilder(text)
            split += 1
            for a, b in breaks(line):
                builder.replace(pos + a, pos + b, "\n")
        pos = m.end()
        if pos >= len(text):
            break
    if builder is None:
        return Reading(text, IDENTITY, layout)
    view, textmap = builder.finish()
    note = f"正文有 {split} 行连成一行（网页抓取的文本），已按章节、句子和表格分行阅读"
    return Reading(view, textmap, layout, (note,))
