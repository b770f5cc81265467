"""SARIF 2.1.0 (OASIS): for GitHub code scanning and other security dashboards.

One run; the driver lists every registered rule with its documentation; each
result has its rule, level, message, exact region (columns in Unicode code
points, declared with ``columnKind``) and its fix. Validated against the official
schema in the tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

from gailint.engine.diagnostics import Diagnostic, Severity
from gailint.output import FileResult, RenderOptions, Totals
from gailint.output.escape import COMPACT_AFTER, dump_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def level(severity: Severity) -> str:
    return _LEVEL.get(severity, "warning")


def artifact(path: str) -> dict[str, str]:
    """A relative path against the source root (as code scanning wants it), else a file URI."""
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace("\\", "/"))}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": "%SRCROOT%"}


def _region(positions: Any, start: int, end: int) -> dict[str, int]:
    if positions is None:
        return {"startLine": 1, "startColumn": 1}
    (sl, sc), (el, ec) = positions.line_col(start), positions.line_col(end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec, "charOffset": start, "charLength": end - start}


def _fix(d: Diagnostic, location: dict[str, str]) -> dict[str, Any]:
    assert d.fix is not None
    return {
        "description": {"text": d.fix.title},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start}, "insertedContent": {"text": e.new}}
                    for e in d.fix.edits
                ],
            }
        ],
        "properties": {"applicability": "safe" if d.fix.safe else "unsafe"},
    }


def render(r: FileResult, opts: RenderOptions) -> list[dict[str, Any]]:
    positions = r.positions()
    location = artifact(r.path)
    index = {rule["id"]: i for i, rule in enumerate(opts.rules)}
    out = []
    for d in r.diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": level(d.severity),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(positions, d.span.start, d.span.end)}}],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.fix is not None and d.fix.edits:
            result["fixes"] = [_fix(d, location)]
        out.append(result)
    return out


def rule_descriptor(rule) -> dict[str, Any]:
    """A rule's reportingDescriptor: its code, name, summary, documentation and link."""
    d: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.docs, "markdown": rule.docs},
        "defaultConfiguration": {"level": level(rule.severity)},
        "properties": {"tags": list(rule.tags), "fix": rule.fix, "fixSafety": rule.fix_safety, "pack": rule.pack},
    }
    if rule.docs_url:
        d["helpUri"] = rule.docs_url
    return d


def write(parts: Iterable[list[dict[str, Any]]], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    results = [item for part in parts for item in part]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "gailint", "version": opts.version, "rules": opts.rules}},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _cwd_uri()}},
                "results": results,
            }
        ],
    }
    # Indented for a person; compact past 10,000 results, where Python's indenting
    # encoder would take seconds (the compact one is C).
    dump_json(log, stream, indent=2 if len(results) <= COMPACT_AFTER else None)
    stream.write("\n")


def _cwd_uri() -> str:
    return "file://" + quote(os.getcwd().replace("\\", "/").rstrip("/") + "/")
