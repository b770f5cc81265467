"""Engine diagnostics → LSP diagnostics, and offsets ↔ LSP ranges and edits.

Every range that leaves the server is made here, with :class:`Positions` in the
negotiated encoding. A diagnostic carries its fix in ``data`` (title, edits as
code-point offsets, and the document version they apply to), so a code action
can build the edit without linting again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from lsprotocol import types

from gailint.engine.diagnostics import Diagnostic, Edit, Fix, Severity
from gailint.positions import PositionEncoding, Positions

SOURCE = "gailint"

SEVERITIES: dict[Severity, types.DiagnosticSeverity] = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def lsp_range(positions: Positions, start: int, end: int, encoding: PositionEncoding) -> types.Range:
    (sl, sc), (el, ec) = positions.to_range(start, end, encoding)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def offset_of(positions: Positions, position: Any, encoding: PositionEncoding) -> int:
    """Code-point offset of an incoming LSP position (clamped to the text)."""
    return positions.to_offset(int(position.line), int(position.character), encoding)


def safe_edit(text: str, edit: Edit) -> Edit:
    """The same change, with no end between the \\r and \\n of a CRLF.

    An offset inside a CRLF has no LSP position (it would be sent as the \\r), so
    the edit is widened over the half line break and puts it back itself.
    """
    start, end, new = edit.start, edit.end, edit.new
    n = len(text)
    if 0 < start < n and text[start - 1] == "\r" and text[start] == "\n":
        start -= 1
        new = "\r" + new
    if 0 < end < n and text[end - 1] == "\r" and text[end] == "\n":
        end += 1
        new = new + "\n"
    if start > end:  # an insert inside a CRLF: start moved back, end forward
        start, end = end, start
    return Edit(start, end, new)


def text_edit(positions: Positions, edit: Edit, encoding: PositionEncoding) -> types.TextEdit:
    e = safe_edit(positions.text, edit)
    return types.TextEdit(lsp_range(positions, e.start, e.end, encoding), e.new)


def text_edits(positions: Positions, edits: Iterable[Edit], encoding: PositionEncoding) -> list[types.TextEdit]:
    return [text_edit(positions, e, encoding) for e in sorted(edits, key=lambda e: (e.start, e.end))]


def fix_data(fix: Fix | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {"title": fix.title, "safe": fix.safe, "edits": [[e.start, e.end, e.new] for e in fix.edits]}


def fix_from_data(data: Any) -> Fix | None:
    """The fix a diagnostic's ``data`` carries (None when absent or malformed)."""
    if not isinstance(data, dict):
        return None
    raw = data.get("fix")
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str) or not isinstance(raw.get("edits"), list):
        return None
    edits = []
    for item in raw["edits"]:
        if (
            not isinstance(item, (list, tuple))
            or len(item) != 3
            or not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in item[:2])
            or not isinstance(item[2], str)
            or item[0] > item[1]
        ):
            return None
        edits.append(Edit(item[0], item[1], item[2]))
    return Fix(raw["title"], tuple(edits), bool(raw.get("safe", True)))


def to_lsp(
    diagnostic: Diagnostic, positions: Positions, encoding: PositionEncoding, version: int
) -> types.Diagnostic:
    data: dict[str, Any] = {"version": version, "name": diagnostic.name}
    fix = fix_data(diagnostic.fix)
    if fix is not None:
        data["fix"] = fix
    return types.Diagnostic(
        range=lsp_range(positions, diagnostic.span.start, diagnostic.span.end, encoding),
        message=diagnostic.message,
        severity=SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.code,
        code_description=types.CodeDescription(href=diagnostic.url) if diagnostic.url else None,
        source=SOURCE,
        data=data,
    )


def to_lsp_all(
    diagnostics: Sequence[Diagnostic], positions: Positions, encoding: PositionEncoding, version: int
) -> list[types.Diagnostic]:
    return [to_lsp(d, positions, encoding, version) for d in diagnostics]
