"""Small helpers the national rules share (formatting, line edits)."""

from __future__ import annotations

import re

from gailint import Report, Span
from gailint.engine.diagnostics import Edit
from gailint.model import format_number as fmt

__all__ = ["FEE_RE", "delete_line", "first_line_span", "fmt", "newline_of"]

# A statement about the 信息处理费 (GAI502, GAI602 both look for one).
FEE_RE = re.compile(r"信息处理费|处理费|收费|收取.{0,6}费")


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
