"""Small helpers the national rules share (formatting, line edits)."""

from __future__ import annotations

from gailint import Report, Span
from gailint.engine.diagnostics import Edit


def newline_of(report: Report) -> str:
    """The document's own line ending, so an inserted line matches its neighbours."""
    return "\r\n" if "\r\n" in report.text else "\n"


def first_line_span(report: Report) -> Span:
    """Where to point a finding about the whole document: its first non-blank line."""
    for line in report.lines:
        if line.kind != "blank":
            return Span(line.span.start, line.span.end)
    return Span(0, 0)


def delete_line(report: Report, number: int) -> Edit:
    """Delete line ``number`` with its line break."""
    starts = report.index.starts
    start = starts[number]
    end = starts[number + 1] if number + 1 < len(starts) else len(report.text)
    return Edit(start, end, "")


def fmt(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
