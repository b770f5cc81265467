"""``path:line:col: CODE [*] message``, one line per diagnostic, then the summary line."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from gailint.output import FileResult, RenderOptions, Totals
from gailint.output.style import summary_line
from gailint.output.text import header


def render(r: FileResult, opts: RenderOptions) -> str:
    positions = r.positions()
    out = []
    for d in r.diagnostics:
        line, col = positions.line_col(d.span.start, opts.column_unit) if positions is not None else (1, 1)
        out.append(header(r.path, line, col, d, r.unsafe, opts.color))
    return "".join(out)


def write(parts: Iterable[str], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    for part in parts:
        stream.write(part)
    stream.write(summary_line(totals, fix_hint=opts.fix_hint))
