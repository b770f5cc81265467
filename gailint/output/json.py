"""The JSON contract (stable; tests pin it). Columns and offsets are code points."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from gailint.engine.diagnostics import Diagnostic
from gailint.output import FileResult, RenderOptions, Totals
from gailint.output.escape import COMPACT_AFTER, json_text


def _point(positions: Any, offset: int) -> dict[str, int]:
    line, column = positions.line_col(offset) if positions is not None else (1, 1)
    return {"line": line, "column": column, "offset": offset}


def fix_dict(d: Diagnostic) -> dict[str, Any] | None:
    if d.fix is None:
        return None
    return {
        "title": d.fix.title,
        "applicability": "safe" if d.fix.safe else "unsafe",
        "edits": [{"start": e.start, "end": e.end, "text": e.new} for e in d.fix.edits],
    }


def diagnostic_dict(d: Diagnostic, positions: Any, path: str) -> dict[str, Any]:
    return {
        "path": path,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "start": _point(positions, d.span.start),
        "end": _point(positions, d.span.end),
        "fix": fix_dict(d),
        "url": d.url,
    }


def render(r: FileResult, opts: RenderOptions) -> list[dict[str, Any]]:
    positions = r.positions()
    return [diagnostic_dict(d, positions, r.path) for d in r.diagnostics]


def write(parts: Iterable[list[dict[str, Any]]], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    # Streamed file by file (a folder of 20,000 reports is never one list), in the
    # layout json.dump(items, indent=2) would give (compact items past COMPACT_AFTER).
    first = True
    for items in parts:
        # Indented for a person; one line an item for a file with more than 10,000
        # (a page scraped onto one line can hold 500,000), where Python's indenting
        # encoder would take half a minute (the compact one is C).
        if not items:
            continue
        if len(items) <= COMPACT_AFTER:
            # One indenting encoder call for the file's items: each call builds its
            # own closures, a reference cycle, and one call an item left the cyclic
            # collector ~30 objects a diagnostic to sweep (a third of the time).
            body = json_text(items, stream, indent=2)[2:-2]  # without "[\n" and "\n]"
            stream.write(("[\n" if first else ",\n") + body)
        else:
            for item in items:  # no raw control character, whatever the stream's encoding
                stream.write(("[\n  " if first else ",\n  ") + json_text(item, stream))
                first = False
        first = False
    stream.write("[]\n" if first else "\n]\n")
