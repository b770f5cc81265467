"""GitLab Code Quality report (a JSON array; ``artifacts:reports:codequality``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any, TextIO

from gailint.engine.diagnostics import Severity
from gailint.output import FileResult, RenderOptions, Totals
from gailint.output.escape import COMPACT_AFTER, dump_json

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info", Severity.HINT: "info"}


def render(r: FileResult, opts: RenderOptions) -> list[dict[str, Any]]:
    positions = r.positions()
    path = r.path.replace("\\", "/")
    seen: dict[str, int] = {}
    out = []
    for d in r.diagnostics:
        (line, col), (end_line, end_col) = (
            (positions.line_col(d.span.start), positions.line_col(d.span.end)) if positions is not None else ((1, 1), (1, 1))
        )
        # Stable across runs and line moves: file, code, message, and which
        # occurrence of that message it is.
        base = f"{path}\0{d.code}\0{d.message}"
        seen[base] = seen.get(base, 0) + 1
        fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        out.append(
            {
                "type": "issue",
                "check_name": d.code,
                "description": f"{d.code} {d.message}",
                "categories": ["Style"],
                "severity": _SEVERITY.get(d.severity, "minor"),
                "fingerprint": fingerprint,
                "location": {
                    "path": path,
                    "lines": {"begin": line, "end": end_line},
                    "positions": {"begin": {"line": line, "column": col}, "end": {"line": end_line, "column": end_col}},
                },
            }
        )
    return out


def write(parts: Iterable[list[dict[str, Any]]], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    items = [item for part in parts for item in part]
    # Indented for a person; compact past 10,000 results, where Python's indenting
    # encoder would take seconds (the compact one is C).
    dump_json(items, stream, indent=2 if len(items) <= COMPACT_AFTER else None)
    stream.write("\n")
