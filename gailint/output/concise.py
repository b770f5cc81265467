"""``path:line:col: CODE message``, one line per diagnostic."""

from __future__ import annotations

from typing import Any, TextIO

from gailint.positions import Positions


def write(results: list, stream: TextIO, **_: Any) -> None:
    for r in results:
        positions = Positions(r.text)
        for d in r.diagnostics:
            line, col = positions.line_col(d.span.start)
            stream.write(f"{r.path}:{line}:{col}: {d.code} {d.message}\n")
