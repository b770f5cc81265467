"""The report model: what the parser understood of a report's text.

Everything here is an immutable dataclass. Spans are ``(start, end)`` offsets, in
code points, into the *original* text, so a diagnostic or a fix can point at the
exact characters. Nothing in this module parses; see :mod:`gailint.parse`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

_BREAK_RE = re.compile(r"\r\n|\r|\n")

IssuerKind = Literal["department", "government", "township"]
CellKind = Literal["number", "blank", "na", "text"]
LineKind = Literal["blank", "heading", "title", "table", "prose"]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Offsets of line starts; turns an offset into a 0-based (line, column)."""

    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> "LineIndex":
        # \r\n, \n and a lone \r all end a line, as in LSP.
        starts = [0]
        starts.extend(m.end() for m in _BREAK_RE.finditer(text))
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


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text, classified by the parser."""

    number: int  # 0-based
    span: Span  # without the line break
    text: str
    kind: LineKind


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    span: Span
    issuer: str | None
    year: int | None
    year_span: Span | None


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date written in the text (2022年1月25日, 2024-02-09)."""

    value: date
    span: Span
    source: Literal["published", "signature", "text"] = "text"


@dataclass(frozen=True, slots=True)
class YearRef:
    """A year written in the prose (2023年), with a little context for rules."""

    year: int
    span: Span  # the digits only
    line: int


@dataclass(frozen=True, slots=True)
class Period:
    """The statistics period statement (统计期限为2023年1月1日至2023年12月31日)."""

    text: str
    span: Span
    start: date | None
    end: date | None
    # Spans of each number written, so a fix can replace only the wrong one.
    start_year_span: Span | None = None
    end_year_span: Span | None = None


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Label:
    """A table label as written, and the template label it was matched to."""

    text: str
    span: Span
    template: str
    exact: bool  # equal to the template after NFKC and whitespace removal


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    span: Span
    kind: CellKind
    value: int | float | None  # None for blank, n/a and text cells

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
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True, slots=True)
class Row:
    index: int  # position in the template's row list (0-based)
    label: Label
    cells: tuple[Cell, ...]  # the value cells, in template column order
    stray: tuple[Cell, ...] = ()  # blank cells recorded but not counted
    expected: int = 7

    @property
    def complete(self) -> bool:
        return len(self.cells) >= self.expected


@dataclass(frozen=True, slots=True)
class Table:
    """A parsed table. ``rows`` follows the template order; a missing row is None."""

    name: Literal["table2", "table3", "table4"]
    span: Span
    rows: tuple[Row | None, ...]
    headers: tuple[Label, ...] = ()
    notes: tuple[str, ...] = ()
    unseparated: Span | None = None  # where cells ran together (GAI208)
    old_template: tuple[Span, ...] = ()  # rows only the 2019 format has (§8)

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    @property
    def found_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r is not None)


@dataclass(frozen=True, slots=True)
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

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    @property
    def is_markdown(self) -> bool:
        return bool(self.path) and self.path.lower().endswith((".md", ".markdown"))

    def line_at(self, offset: int) -> Line:
        return self.lines[min(self.index.line_of(offset), len(self.lines) - 1)]

    def section_at(self, offset: int) -> Section | None:
        """The section whose heading or body holds ``offset``."""
        found = None
        for s in self.sections:
            if s.span.start <= offset:
                found = s
        return found

    def prose_lines(self, section: int | None = None) -> tuple[Line, ...]:
        """Lines of running text (one paragraph a line), optionally of one section."""
        lines = tuple(ln for ln in self.lines if ln.kind == "prose")
        if section is None:
            return lines
        s = self.section(section)
        if s is None:
            return ()
        return tuple(ln for ln in lines if s.body.start <= ln.span.start < s.body.end)

    def section_text(self, number: int) -> str:
        s = self.section(number)
        return "" if s is None else self.text[s.body.start : s.body.end]
