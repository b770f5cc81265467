"""``path:line:col: CODE message``, one line per diagnostic."""

from __future__ import annotations

from typing import Any, TextIO

from gailint.output.escape import visible
from gailint.positions import PositionEncoding, Positions


def write(results: list, stream: TextIO, *, column_unit: PositionEncoding | None = None, **_: Any) -> None:
    """``column_unit`` None counts code points; UTF-8 gives Vim's byte columns."""
    for r in results:
        positions = Positions(r.text)
        for d in r.diagnostics:
            line, col = positions.line_col(d.span.start, column_unit)
            stream.write(f"{visible(r.path)}:{line}:{col}: {d.code} {visible(d.message)}\n")
