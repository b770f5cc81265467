"""The report model: what the parser understood of a report's text.

Everything here is an immutable dataclass. Spans are ``(start, end)`` offsets, in
code points, into the *original* text, so a diagnostic or a fix can point at the
exact characters. Nothing in this module parses; see :mod:`gailint.parse`.
"""

from __future__ import annotations

import bisect
from dataclasses import field
from datetime import date
from typing import Literal

from gailint.frozen import frozen
from gailint.read import LINE_BREAK_RE
from gailint.read.textmap import IDENTITY, TextMap
from gailint.template import T3_RESULTS, TABLE3_GROUPS, table3_row_name

IssuerKind = Literal["department", "government", "township"]
CellKind = Literal["number", "blank", "na", "text"]
LineKind = Literal["blank", "heading", "title", "table", "prose", "furniture"]


@frozen
class Span:
    """[start, end) in code points; start <= end (the parser guarantees it and the
    property tests check it, so it is not re-validated on every one of thousands)."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@frozen
class LineIndex:
    """Offsets of line starts; turns an offset into a 0-based (line, column)."""

    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> "LineIndex":
        # \r\n, \n and a lone \r all end a line, as in LSP.
        starts = [0]
        starts.extend(m.end() for m in LINE_BREAK_RE.finditer(text))
        return cls(tuple(starts), len(text))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """0-based line and column (code points) of ``offset``."""
        offset = max(0, min(offset, self.length))
        line = self.line_of(offset)
        return line, offset - self.starts[line]

    def offset(self, line: int, column: int) -> int:
        if line >= len(self.starts):
            return self.length
        start = self.starts[max(line, 0)]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else self.length
        return min(start + max(column, 0), end)

    def line_span(self, line: int, text: str) -> Span:
        """The span of line ``line`` without its line break."""
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else self.length
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return Span(start, end)


@frozen
class Line:
    """One line of the text, classified by the parser."""

    number: int  # 0-based
    span: Span  # without the line break
    text: str
    kind: LineKind
    # The break before this line is the reader's, not the file's: the line continues
    # a line of the file (a web page scraped onto one line, an HTML paragraph).
    joined: bool = False
    # For a furniture line: what left it (page-number, crawler, separator, tool).
    furniture: str | None = None


@frozen
class Title:
    text: str
    span: Span
    issuer: str | None
    year: int | None
    year_span: Span | None


@frozen
class DateRef:
    """A date written in the text (2022年1月25日, 2024-02-09)."""

    value: date
    span: Span
    # cutoff: a date the text gives its figures "as of" (截至2023年12月31日).
    source: Literal["published", "signature", "text", "cutoff"] = "text"


@frozen
class YearRef:
    """A year written in the prose (2023年), with a little context for rules."""

    year: int
    span: Span  # the digits only
    line: int


@frozen
class Period:
    """The statistics period statement (统计期限为2023年1月1日至2023年12月31日)."""

    text: str
    span: Span
    start: date | None
    end: date | None
    # Spans of each number written, so a fix can replace only the wrong one.
    start_year_span: Span | None = None
    end_year_span: Span | None = None


@frozen
class Section:
    """One of the six sections of the report (§3 of the template)."""

    number: int  # 1..6
    heading: str  # the heading as written, stripped of Markdown
    span: Span  # the heading's characters (without Markdown markers)
    line: int
    body: Span  # from after the heading line to the next heading or the end
    standard: str  # the template's heading for this number
    numeral: int | None = None  # the 一…六 written before the words, if any
    # "standard": the template's words; "variant": an accepted variant (§3);
    # "other": recognised by its key words only.
    wording: Literal["standard", "variant", "other"] = "standard"


@frozen
class Label:
    """A table label as written, and the template label it was matched to."""

    text: str
    span: Span
    template: str
    exact: bool  # equal to the template after NFKC and whitespace removal


@frozen
class Cell:
    text: str
    span: Span
    kind: CellKind
    value: int | float | None  # None for blank, n/a and text cells
    split: bool = False  # read by splitting a run of digits (cells that ran together)

    @property
    def number(self) -> int | float:
        """The value, with 0 for a cell that holds none (blank, n/a or text)."""
        return self.value if self.value is not None else 0

    @property
    def arith(self) -> int | float | None:
        """The value for the identities: a blank cell counts as 0; a text or n/a cell
        cannot be used (None), so the arithmetic rules skip that column."""
        if self.kind == "blank":
            return 0
        return self.value if self.kind == "number" else None


def format_number(value: int | float) -> str:
    """2.0 → "2", 0.5 → "0.5": how a cell value is written in messages and fixes."""
    if isinstance(value, int):
        return str(value)  # exact, however long (float() of a 400-digit count overflows)
    return str(int(value)) if value.is_integer() else f"{value:g}"


@frozen
class Row:
    index: int  # position in the template's row list (0-based)
    label: Label
    cells: tuple[Cell, ...]  # the value cells, in template column order
    stray: tuple[Cell, ...] = ()  # blank cells recorded but not counted
    expected: int = 7
    # Digits that ran together and could not be read as this row's cells (GAI208).
    unread: Span | None = None
    # Where the cells were read by splitting digit runs: the values of every reading
    # kept (``cells`` shows the one chosen); empty for a row read directly.
    readings: tuple[tuple[int | float, ...], ...] = ()

    @property
    def complete(self) -> bool:
        return len(self.cells) >= self.expected

    @property
    def split(self) -> bool:
        return bool(self.readings)

    def possible(self, column: int) -> frozenset[int | float] | None:
        """Every value the cell in ``column`` has in some reading of the row (one,
        for a row read directly); None when the cell cannot be used (missing, text)."""
        if self.readings:
            return frozenset(r[column] for r in self.readings if column < len(r))
        if not self.complete or column >= len(self.cells):
            return None
        value = self.cells[column].arith
        return None if value is None else frozenset((value,))


@frozen
class Split:
    """How a table whose digits ran together was read (see gailint.parse.split)."""

    rows: tuple[int, ...]  # rows whose cells came from splitting digit runs
    best: int  # joint readings sharing the fewest broken identities (1: one reading)
    exhaustive: bool  # every joint reading was examined

    @property
    def unique(self) -> bool:
        """The reading shown is the only best one: a cell may be pointed at and fixed."""
        return self.best == 1 and self.exhaustive


@frozen
class Table:
    """A parsed table. ``rows`` follows the template order; a missing row is None."""

    name: Literal["table2", "table3", "table4"]
    span: Span
    rows: tuple[Row | None, ...]
    headers: tuple[Label, ...] = ()
    notes: tuple[str, ...] = ()
    unread: tuple[Span, ...] = ()  # digit runs that could not be read as cells (GAI208)
    old_template: tuple[Span, ...] = ()  # rows only the 2019 format has (§8)
    split: Split | None = None  # set when some cells were read by splitting digit runs
    template: Literal["2021", "2019"] = "2021"  # whose rows ``rows`` follows (table 二)
    # Table 三's note (the 勾稽关系 sentence) as written. ``headers`` holds its column
    # headers; one whose words are no template header has an empty ``template``.
    note: Label | None = None

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    @property
    def found_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r is not None)

    @property
    def certain(self) -> bool:
        """Every cell read directly, or the splitting's best reading is unique."""
        return self.split is None or self.split.unique

    def possible(self, row: int, column: int) -> frozenset[int | float] | None:
        """Every value cell (row, column) takes in some reading (see Row.possible)."""
        r = self.row(row)
        return None if r is None else r.possible(column)

    # Table 三 in the 2019 format has one （六）其他处理 row (kept at index 20) instead
    # of its three sub-rows.
    @property
    def one_row_other(self) -> bool:
        return self.name == "table3" and self.template == "2019"

    @property
    def result_rows(self) -> tuple[int, ...]:
        """Table 三's rows that （七）总计 adds up."""
        return tuple(i for i in T3_RESULTS if not (self.one_row_other and i in (21, 22)))

    def expected_row(self, index: int) -> bool:
        """Whether the table's format has row ``index`` at all."""
        return not (self.one_row_other and index in (21, 22))

    def row_name(self, index: int) -> str:
        """The name of a row in messages: table 三's path, or table 二's label."""
        if self.name == "table3":
            return TABLE3_GROUPS[-1] if self.one_row_other and index == 20 else table3_row_name(index)
        row = self.row(index)
        return row.label.template if row is not None else str(index)


@frozen
class Report:
    """A report as gailint understood it. Built once by :func:`gailint.parse.parse`."""

    text: str
    path: str | None
    lines: tuple[Line, ...]
    index: LineIndex
    title: Title | None
    issuer: str | None
    issuer_kind: IssuerKind | None
    year: int | None
    year_source: str | None  # title / period / prose / config / filename
    period: Period | None
    published: DateRef | None
    sections: tuple[Section, ...]
    table2: Table | None
    table3: Table | None
    table4: Table | None
    years: tuple[YearRef, ...] = ()
    dates: tuple[DateRef, ...] = ()
    format: Literal["2021", "2019"] | None = None
    old_template: tuple[Span, ...] = ()  # fingerprints of the 2019 format (§8)
    notes: tuple[str, ...] = field(default=())
    # The file's own text when the reader changed it (None: ``text`` is the file), and
    # the map from ``text`` back to it; every span above is an offset into ``text``.
    source: str | None = None
    textmap: TextMap = IDENTITY
    layout: Literal["text", "markdown", "html"] = "text"
    issuer_kind_source: str | None = None  # how issuer_kind was decided (for inspect)
    # prose_lines(), worked out on first use: most rules ask for it, each walking
    # every line of the report to pick the prose out again cost ~3 % of a lint.
    _prose: tuple[Line, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _content: tuple[Line, ...] | None = field(default=None, init=False, repr=False, compare=False)  # content_lines()

    @property
    def source_text(self) -> str:
        """The file's text (what diagnostics, fixes and editors count in)."""
        return self.text if self.source is None else self.source

    def source_line(self, offset: int) -> int:
        """1-based line number in the file of ``offset`` (an offset into ``text``),
        for messages that name a line (“与第 12 行重复”)."""
        if self.source is None:
            return self.index.line_of(offset) + 1
        s = self.textmap.to_source(offset)
        return self.source[:s].count("\n") + self.source[:s].count("\r") - self.source[:s].count("\r\n") + 1

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    @property
    def is_markdown(self) -> bool:
        return self.layout == "markdown" or (bool(self.path) and self.path.lower().endswith((".md", ".markdown")))

    def line_at(self, offset: int) -> Line:
        return self.lines[min(self.index.line_of(offset), len(self.lines) - 1)]

    def section_at(self, offset: int) -> Section | None:
        """The section whose heading or body holds ``offset``."""
        found = None
        for s in self.sections:
            if s.span.start <= offset:
                found = s
        return found

    def content_lines(self) -> tuple[Line, ...]:
        """Every line that is not blank, in order (worked out on first use, as prose_lines())."""
        lines = self._content
        if lines is None:
            lines = tuple([ln for ln in self.lines if ln.kind != "blank"])
            object.__setattr__(self, "_content", lines)  # a cache, not a change
        return lines

    def prose_lines(self, section: int | None = None) -> tuple[Line, ...]:
        """Lines of running text (one paragraph a line), optionally of one section."""
        lines = self._prose
        if lines is None:
            lines = tuple([ln for ln in self.lines if ln.kind == "prose"])
            object.__setattr__(self, "_prose", lines)  # a cache, not a change: the report stays as built
        if section is None:
            return lines
        s = self.section(section)
        if s is None:
            return ()
        return tuple(ln for ln in lines if s.body.start <= ln.span.start < s.body.end)

    def section_text(self, number: int) -> str:
        s = self.section(number)
        return "" if s is None else self.text[s.body.start : s.body.end]
