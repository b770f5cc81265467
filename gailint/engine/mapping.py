"""Diagnostics from the reader's text back onto the file.

Rules see the reader's text (see :mod:`gailint.read`); users, editors and ``--fix``
see the file. This is the one place where a diagnostic's span and its fix's edits
cross over, after every rule has run.
"""

from __future__ import annotations

import html
from dataclasses import replace

from gailint.engine.diagnostics import Diagnostic, Edit, Fix
from gailint.model import Report, Span
from gailint.textio import dominant_newline


def _fix(report: Report, fix: Fix) -> Fix | None:
    textmap = report.textmap
    edits: list[Edit] = []
    for e in fix.edits:
        new = e.new
        if report.layout == "html":
            if "\n" in new or "\r" in new:
                return None  # a new line of text is a new element: not a plain edit
            removed = report.text[e.start : e.end]
            if "\n" in removed or "\r" in removed:
                return None  # so is joining two lines: the elements make the break
            new = html.escape(new, quote=False)
        elif (
            e.start == e.end
            and new.endswith(("\n", "\r"))
            and report.text[e.start - 1 : e.start] == "\n"
            and textmap.replaced(e.start - 1)
        ):
            # A whole line inserted where the reader broke a long line (a scraped
            # page on one line): in the file it needs a line break before it too.
            new = dominant_newline(report.source_text) + new
        edits.extend(Edit(a, b, t) for a, b, t in textmap.edit_to_source(e.start, e.end, new))
    if not edits:
        return None
    return replace(fix, edits=tuple(edits))


def to_source(report: Report, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` (offsets into ``report.text``) in offsets into the file."""
    if report.source is None:
        return diagnostics
    textmap = report.textmap
    out = []
    for d in diagnostics:
        a, b = textmap.range_to_source(d.span.start, d.span.end)
        fix = _fix(report, d.fix) if d.fix is not None else None
        out.append(Diagnostic(d.code, d.name, d.severity, d.message, Span(a, b), fix, d.path, d.url, d.data))
    return out
