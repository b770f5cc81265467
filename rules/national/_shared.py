"""Small helpers the national rules share (formatting, line edits)."""

from __future__ import annotations

import re

from gailint import Report, Span
from gailint.engine.diagnostics import Edit
from gailint.model import format_number as fmt
from gailint.textio import dominant_newline

__all__ = ["FEE_RE", "can_equal", "delete_line", "first_line_span", "fmt", "newline_of", "split_note"]

# A statement about the 信息处理费 (GAI502, GAI602 both look for one).
FEE_RE = re.compile(r"信息处理费|处理费|收费|收取.{0,6}费")


def newline_of(report: Report) -> str:
    """The file's own line ending (CRLF, LF, or a lone CR in old Mac files), so an
    inserted line matches its neighbours."""
    return dominant_newline(report.source_text)


def first_line_span(report: Report) -> Span:
    """Where to point a finding about the whole document: its first non-blank line."""
    for line in report.lines:
        if line.kind != "blank":
            return Span(line.span.start, line.span.end)
    return Span(0, 0)


def delete_line(report: Report, number: int, last: int | None = None) -> Edit:
    """Delete line ``number`` (through line ``last``) with its line break."""
    starts = report.index.starts
    start = starts[number]
    stop = number if last is None else last
    end = starts[stop + 1] if stop + 1 < len(starts) else len(report.text)
    return Edit(start, end, "")


_MAX_SUMS = 4096


def _sums(sets: "list[frozenset]") -> "frozenset | None":
    """Every sum of one value from each set; None when there are too many to list."""
    out = frozenset((0,))
    for values in sets:
        out = frozenset(a + b for a in out for b in values)
        if len(out) > _MAX_SUMS:
            return None
    return out


def can_equal(left: "list[frozenset | None]", right: "list[frozenset | None]") -> bool | None:
    """Whether some reading makes sum(left) == sum(right): each item is the set of
    values a cell takes across the readings of its table (one value for a cell read
    directly). None when a cell cannot be used (missing, text): nothing to say.

    An identity is reported only when this is False — no reading of cells that ran
    together keeps it — so splitting digit runs never invents an error.
    """
    if any(s is None for s in left) or any(s is None for s in right):
        return None
    a, b = _sums(left), _sums(right)  # type: ignore[arg-type]
    if a is None or b is None:
        return True
    return not a.isdisjoint(b)


def split_note(*cells) -> str:
    """A clause telling that the numbers were read from digits run together."""
    if any(getattr(c, "split", False) for c in cells):
        return "（表中数字连写，按单元格拆分读出）"
    return ""
