"""The JSON contract (stable; tests pin it). Columns and offsets are code points."""

from __future__ import annotations

from typing import Any, TextIO

from gailint.engine.diagnostics import Diagnostic
from gailint.output.escape import dump_json
from gailint.positions import Positions


def _point(positions: Positions, offset: int) -> dict[str, int]:
    line, column = positions.line_col(offset)
    return {"line": line, "column": column, "offset": offset}


def diagnostic_dict(d: Diagnostic, positions: Positions, path: str) -> dict[str, Any]:
    return {
        "path": path,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "start": _point(positions, d.span.start),
        "end": _point(positions, d.span.end),
        "fix": None
        if d.fix is None
        else {
            "title": d.fix.title,
            "edits": [{"start": e.start, "end": e.end, "text": e.new} for e in d.fix.edits],
        },
        "url": d.url,
    }


def write(results: list, stream: TextIO, **_: Any) -> None:
    items = []
    for r in results:
        positions = Positions(r.text)
        items.extend(diagnostic_dict(d, positions, r.path) for d in r.diagnostics)
    dump_json(items, stream, indent=2)  # no raw control character, any stream encoding
    stream.write("\n")
