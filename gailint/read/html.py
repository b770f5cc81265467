"""HTML reports: a saved web page, a bare fragment, or Word's "Save as Web Page".

The page is tokenized by the standard library's :class:`html.parser.HTMLParser` —
the one HTML parser that reports where in the source each tag, entity and piece of
text stands (lxml, html5lib and selectolax build trees without source offsets; see
``bench/html_parsers.py``), so every character of the reader's text maps back to the
page. From the tokens:

- block elements (``<p>``, ``<div>``, ``<h1>``, ``<li>``, ``<tr>``, ``<br>``…) end lines;
  ``<td>``/``<th>`` become tab-separated cells (``&nbsp;`` alone is a blank cell);
  inside a cell, paragraphs only separate words;
- entities become their characters; tags, comments (Word's ``<!--[if …]-->`` too),
  scripts and styles become nothing; runs of spaces and line breaks in the source
  become one space, as a browser shows them;
- a full page keeps only the report: the smallest element holding its section headings
  (the article body), and the title just above it. Navigation, the breadcrumb, the
  information table, "打印本页" and the footer are left out, not reported; the page's
  发布时间 is kept as the report's publication date.
"""

from __future__ import annotations

import bisect

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html.entities import html5, name2codepoint
from html.parser import HTMLParser

from gailint.frozen import frozen
from gailint.read import Reading
from gailint.read.textmap import ViewBuilder

__all__ = ["read_html"]

_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dir div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary table tbody tfoot thead title tr ul".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIP = frozenset("script style head noscript template select option textarea button iframe svg object xml".split())
_CELLS = frozenset(("td", "th"))
_CLOSES_P = frozenset("address article aside blockquote div dl fieldset footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul".split())
_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
_PAGE_DATE_RE = re.compile(r"(?:发布时间|发布日期|PubDate)\D{0,12}?((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})")


@frozen
class _Event:
    kind: str  # start, void, end, data, entity, charref, markup
    start: int
    end: int
    tag: str = ""
    data: str = ""


class _Tokens(HTMLParser):
    """Every construct of the page with its source offsets (they tile the text)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.raw: list[tuple[str, int, str, str]] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs) -> None:
        self.raw.append(("void" if tag in _VOID else "start", self._at(), tag, ""))

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.raw.append(("void", self._at(), tag, ""))

    def handle_endtag(self, tag: str) -> None:
        self.raw.append(("end", self._at(), tag, ""))

    def handle_data(self, data: str) -> None:
        self.raw.append(("data", self._at(), "", data))

    def handle_entityref(self, name: str) -> None:
        self.raw.append(("entity", self._at(), "", name))

    def handle_charref(self, name: str) -> None:
        self.raw.append(("charref", self._at(), "", name))

    def _markup(self, *_: object) -> None:
        self.raw.append(("markup", self._at(), "", ""))

    handle_comment = handle_decl = handle_pi = unknown_decl = _markup

    def events(self) -> list[_Event]:
        self.feed(self._text)
        self.close()
        out: list[_Event] = []
        raw = sorted(self.raw, key=lambda e: e[1])
        for i, (kind, start, tag, data) in enumerate(raw):
            end = raw[i + 1][1] if i + 1 < len(raw) else len(self._text)
            if end > start or kind in ("start", "end", "void"):
                out.append(_Event(kind, start, max(start, end), tag, data))
        return out


def _entity(kind: str, name: str, raw: str) -> str | None:
    """The character an entity stands for; None when it names none (kept as written)."""
    try:
        if kind == "charref":
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else None
    except ValueError:
        return None
    if name in name2codepoint:
        return chr(name2codepoint[name])
    return html5.get(name + ";") if raw.endswith(";") else html5.get(name)


@dataclass
class _Element:
    tag: str
    first: int  # index of its start event
    last: int  # index of its end event (or of the last event inside it)
    view_start: int
    view_end: int = -1


class _Renderer:
    """Events → the reader's text, through a ViewBuilder (one pass)."""

    def __init__(self, text: str, keep: Callable[[int], bool] | None = None) -> None:
        self.text = text
        self.keep = keep
        self.b = ViewBuilder(text)
        self.last = "\n"
        self.skip = 0
        self.cells = 0  # depth of open table cells
        self.cell_in_row = 0
        self.pre = 0
        self.length = 0
        self.elements: list[_Element] = []
        self.stack: list[_Element] = []
        # Open elements per tag: a page of thousands of unclosed tags must not make
        # every closing tag search the whole stack (quadratic on a fuzzed page).
        self.open: dict[str, int] = {}

    def _emit(self, e: _Event, shown: str, markup: bool) -> None:
        if shown == self.text[e.start : e.end] and not markup:
            self.b.copy_to(e.end)
        else:
            self.b.replace(e.start, e.end, shown, markup=markup)
        if shown:
            self.last = shown[-1]
            self.length += len(shown)

    def _break(self) -> str:
        if self.cells:
            return "" if self.last in " \t" else " "
        return "" if self.last == "\n" else "\n"

    def _close_to(self, tag: str, index: int, stop: frozenset[str] = frozenset()) -> None:
        if not self.open.get(tag):
            return
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag in stop:
                return
            if self.stack[k].tag == tag:
                for el in self.stack[k:]:
                    el.last, el.view_end = index, self.length
                    self.open[el.tag] -= 1
                del self.stack[k:]
                return

    def event(self, i: int, e: _Event) -> None:
        if self.keep is not None and not self.keep(i):
            self._emit(e, "", True)
            return
        if e.kind == "start":
            self._start(i, e)
        elif e.kind == "void":
            shown = self._break() if e.tag == "br" and not self.skip else ""
            self._emit(e, shown, True)
        elif e.kind == "end":
            self._end(i, e)
        elif self.skip or e.kind == "markup":
            self._emit(e, "", True)
        elif e.kind == "data":
            self._data(e)
        else:
            raw = self.text[e.start : e.end]
            char = _entity(e.kind, e.data, raw)
            if char is None:
                self._emit(e, raw, False)
            else:
                self._emit(e, char, False)

    def _start(self, i: int, e: _Event) -> None:
        tag = e.tag
        if tag in _CLOSES_P:
            self._close_to("p", i, frozenset(("td", "th", "table")))
        if tag == "li":
            self._close_to("li", i, frozenset(("ul", "ol")))
        if tag in _CELLS:
            self._close_to("td", i, frozenset(("tr", "table")))
            self._close_to("th", i, frozenset(("tr", "table")))
        if tag == "tr":
            self._close_to("tr", i, frozenset(("table",)))
        shown = ""
        if tag in _SKIP:
            self.skip += 1
        elif not self.skip:
            if tag == "tr":
                self.cell_in_row = 0
                shown = self._break()
            elif tag in _CELLS:
                shown = "\t" if self.cell_in_row else self._break()
                self.cell_in_row += 1
                self.cells += 1
            elif tag in _BLOCK:
                shown = self._break()
            if tag == "pre":
                self.pre += 1
        self._emit(e, shown, True)
        el = _Element(tag, i, i, self.length)
        self.stack.append(el)
        self.open[tag] = self.open.get(tag, 0) + 1
        self.elements.append(el)

    def _end(self, i: int, e: _Event) -> None:
        tag = e.tag
        if not self.open.get(tag):
            self._emit(e, "", True)  # a stray end tag
            return
        shown = ""
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif not self.skip:
            if tag in _CELLS:
                self.cells = max(0, self.cells - 1)
            elif tag in _BLOCK and not self.cells:
                shown = self._break()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        self._emit(e, shown, True)
        self._close_to(tag, i)

    def _data(self, e: _Event) -> None:
        data = self.text[e.start : e.end]
        if self.pre:
            self._emit(e, data, False)
            return
        pos = e.start
        for m in _SPACE_RE.finditer(data):
            a, b = e.start + m.start(), e.start + m.end()
            if a > pos:
                self.b.copy_to(a)
                self.last = self.text[a - 1]
                self.length += a - pos
            shown = "" if self.last in "\n\t " else " "
            if shown != m.group():
                self.b.replace(a, b, shown)
            else:
                self.b.copy_to(b)
            if shown:
                self.last = shown
                self.length += 1
            pos = b
        if pos < e.end:
            self.b.copy_to(e.end)
            self.last = self.text[e.end - 1]
            self.length += e.end - pos

    def finish(self) -> tuple[str, object]:
        for el in self.stack:
            el.view_end = self.length
        return self.b.finish()


def _render(text: str, events: list[_Event], keep: Callable[[int], bool] | None = None) -> _Renderer:
    r = _Renderer(text, keep)
    for i, e in enumerate(events):
        r.event(i, e)
    return r


def _heading_positions(view: str) -> list[int]:
    from gailint.model import Line, Span
    from gailint.parse.structure import heading_of

    out = []
    pos = 0
    for n, line in enumerate(view.split("\n")):
        if line.strip():
            h = heading_of(Line(n, Span(pos, pos + len(line)), line, "prose"))
            if h is not None and h.number:
                out.append(pos)
        pos += len(line) + 1
    return out


_TITLE_SPAN = 1000  # characters an element above the body may span and still be the title


def _select(view: str, elements: list[_Element]) -> tuple[_Element, _Element | None] | None:
    """The element holding the report's headings, and the title above it."""
    heads = _heading_positions(view)
    if len(heads) < 3:
        return None
    best: _Element | None = None
    best_count = 0
    for el in elements:
        # Headings inside the element, by binary search (heads are in order): a page
        # of thousands of nested elements costs no more than reading it.
        count = bisect.bisect_left(heads, el.view_end) - bisect.bisect_left(heads, el.view_start)
        if count > best_count or (count == best_count and best is not None and el.view_end - el.view_start < best.view_end - best.view_start):
            best, best_count = el, count
    if best is None or best_count < len(heads) * 0.8:
        return None
    # The title: the nearest short element above the body that names the report.
    titles = [
        el
        for el in elements
        if el.view_end <= best.view_start
        and el.view_end - el.view_start <= _TITLE_SPAN  # short first: nested elements hold the whole page
        and "年度报告" in view[el.view_start : el.view_end]
        and len(view[el.view_start : el.view_end].strip()) <= 100
    ]
    title = max(titles, key=lambda el: (el.view_end, el.view_start), default=None)
    return best, title


def read_html(text: str) -> Reading:
    events = _Tokens(text).events()
    whole = _render(text, events)
    view, textmap = whole.finish()
    chosen = _select(view, whole.elements)
    notes = ["HTML 文件：已去掉标签，按段落和表格单元格阅读"]
    page_date: date | None = None
    if chosen is not None:
        body, title = chosen
        ranges = [(body.first, body.last)] + ([(title.first, title.last)] if title is not None else [])
        if body.first > 0 or body.last < len(events) - 1:
            outside = view[: (title or body).view_start] + "\n" + view[body.view_end :]
            m = _PAGE_DATE_RE.search(outside)
            if m:
                try:
                    page_date = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    page_date = None
            kept = _render(text, events, lambda i: any(a <= i <= b for a, b in ranges))
            view, textmap = kept.finish()
            notes.append("网页的导航、页眉页脚等页面元素不属于报告，已略去")
    return Reading(view, textmap, "html", tuple(notes), page_date)  # type: ignore[arg-type]
