"""GitHub Actions workflow commands: one annotation per diagnostic, shown on the
pull request's changed lines (``::error file=…,line=…::message``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from gailint.engine.diagnostics import Severity
from gailint.output.escape import visible
from gailint.output import FileResult, RenderOptions, Totals, fix_mark

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice", Severity.HINT: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(r: FileResult, opts: RenderOptions) -> str:
    positions = r.positions()
    out = []
    path = r.path.replace("\\", "/")
    for d in r.diagnostics:
        (line, col), (end_line, end_col) = (
            (positions.line_col(d.span.start), positions.line_col(d.span.end)) if positions is not None else ((1, 1), (1, 1))
        )
        props = ",".join(
            f"{k}={escape_property(str(v))}"
            for k, v in (
                ("title", f"gailint ({d.code})"),
                ("file", path),
                ("line", line),
                ("col", col),
                ("endLine", end_line),
                ("endColumn", end_col),
            )
        )
        message = f"{visible(path)}:{line}:{col}: {d.code}{fix_mark(d, r.unsafe)} {visible(d.message)}"
        out.append(f"::{_LEVEL.get(d.severity, 'warning')} {props}::{escape_data(message)}\n")
    return "".join(out)


def write(parts: Iterable[str], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    for part in parts:
        stream.write(part)
