"""Code actions: quick-fixes, “禁用 GAIxxx（本文件）”, fix-all, insert the tables.

Every action is a plain workspace edit (no client-side command), so it works in
any editor. A quick-fix comes from the diagnostic's ``data`` when that is for the
current version, from the current lint result otherwise.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from gailint.config import find_config
from gailint.engine.diagnostics import Edit, Fix
from gailint.engine.fixes import fix_to_point
from gailint.positions import Positions
from gailint.server.diagnostics import SOURCE, fix_from_data, lsp_range, text_edit, text_edits
from gailint.server.suppress import markdown_disable_edit, per_file_ignore_edit
from gailint.server.tables import all_tables_text

if TYPE_CHECKING:
    from gailint.server.documents import Document
    from gailint.server.server import GailintServer, LintResult

QUICKFIX = types.CodeActionKind.QuickFix.value
FIX_ALL = "source.fixAll.gailint"
INSERT_TABLES = "source.gailint.insertTables"
KINDS = [QUICKFIX, FIX_ALL, INSERT_TABLES]

FIX_ALL_TITLE = "gailint：应用所有安全的修复"
# An unsafe fix (it changes a number or states a fact) is offered on its own,
# marked, never preferred and never part of fix-all or fix-on-save.
UNSAFE_SUFFIX = "（不安全：会改变数字或陈述事实，请核实）"
INSERT_TABLES_TITLE = "插入三张标准表格（表二、表三、表四，空表）"


def _kind_str(kind: Any) -> str:
    return str(getattr(kind, "value", kind))


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    if only is None:
        return True
    return any(kind == o or kind.startswith(o + ".") or o == "" for o in only)


def document_edit(server: "GailintServer", uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """A workspace edit of one document; versioned when the client allows it, so a
    client applies it only to the text it was computed for."""
    if server.client_supports("workspace.workspace_edit.document_changes", False):
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                    edits=edits,
                )
            ]
        )
    return types.WorkspaceEdit(changes={uri: edits})


def minimal_edit(old: str, new: str) -> Edit | None:
    """One edit turning ``old`` into ``new``: the changed region between the common
    prefix and suffix (compared in slices, so a 1 MB text stays fast)."""
    if old == new:
        return None
    limit = min(len(old), len(new))
    lo, hi = 0, limit
    while lo < hi:  # longest common prefix, by bisection on slices
        mid = (lo + hi + 1) // 2
        if old[:mid] == new[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, limit - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid :] == new[len(new) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    suffix = lo
    return Edit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def _fix_for(diagnostic: types.Diagnostic, doc: "Document", result: "LintResult | None", server: "GailintServer") -> Fix | None:
    data = diagnostic.data
    if isinstance(data, dict) and data.get("version") == doc.version:
        fix = fix_from_data(data)
        if fix is not None and all(e.end <= len(doc.text) for e in fix.edits):
            return fix
        if fix is None and "fix" not in data:
            return None
    if result is None or result.version != doc.version:
        return None
    # Stale or missing data: find the same diagnostic in the current result.
    for d in result.diagnostics:
        if d.code == diagnostic.code and d.fix is not None:
            if lsp_range(result.positions, d.span.start, d.span.end, server.encoding) == diagnostic.range:
                return d.fix
    return None


def quick_fixes(
    server: "GailintServer", doc: "Document", result: "LintResult | None", diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    actions = []
    positions = doc.positions
    for diagnostic in diagnostics:
        fix = _fix_for(diagnostic, doc, result, server)
        if fix is None or not fix.edits:
            continue
        edits = text_edits(positions, fix.edits, server.encoding)
        actions.append(
            types.CodeAction(
                title=fix.title if fix.safe else fix.title + UNSAFE_SUFFIX,
                kind=QUICKFIX,
                diagnostics=[diagnostic],
                is_preferred=True if fix.safe else None,
                edit=document_edit(server, doc.uri, doc.version, edits),
            )
        )
    return actions


def _can_create_files(server: "GailintServer") -> bool:
    if not server.client_supports("workspace.workspace_edit.document_changes", False):
        return False
    ops = server.client_supports("workspace.workspace_edit.resource_operations", None) or []
    return any(_kind_str(op) == "create" for op in ops)


def disable_actions(
    server: "GailintServer", doc: "Document", diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    from pygls.uris import from_fs_path

    codes = sorted({d.code for d in diagnostics if isinstance(d.code, str)})
    actions = []
    for code in codes:
        related = [d for d in diagnostics if d.code == code]
        title = f"禁用 {code}（本文件）"
        edit: types.WorkspaceEdit | None = None
        if doc.is_markdown:
            e = markdown_disable_edit(doc.text, code, doc.newline)
            if e is not None:
                edit = document_edit(server, doc.uri, doc.version, [text_edit(doc.positions, e, server.encoding)])
        elif doc.path:
            try:
                config = find_config(Path(doc.path))
            except OSError:
                continue
            root = server.root_for(doc.path)
            plan = per_file_ignore_edit(doc.path, code, config, root)
            if plan is None:
                continue
            uri = from_fs_path(str(plan.path))
            if uri is None:
                continue
            if plan.create:
                if not _can_create_files(server):
                    continue  # the client cannot create gailint.toml: no action
                edit = types.WorkspaceEdit(
                    document_changes=[
                        types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True)),
                        types.TextDocumentEdit(
                            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                            edits=[types.TextEdit(range=types.Range(types.Position(0, 0), types.Position(0, 0)), new_text=plan.edit.new)],
                        ),
                    ]
                )
            else:
                positions = Positions(plan.text)
                edit = document_edit(server, uri, None, [text_edit(positions, plan.edit, server.encoding)])
        if edit is not None:
            actions.append(types.CodeAction(title=title, kind=QUICKFIX, diagnostics=related, edit=edit))
    return actions


async def fix_all_edit(server: "GailintServer", doc: "Document", result: "LintResult") -> types.WorkspaceEdit | None:
    """Every safe fix applied to a fix-point, as one edit of the changed region."""
    if not any(d.fix is not None and d.fix.safe for d in result.diagnostics):
        return None
    linter = server.linter
    if linter is None:
        return None
    settings, path, text = result.settings, result.path, result.text

    def run() -> str:
        return fix_to_point(text, lambda t: linter.lint(t, path, settings)[1], list(result.diagnostics)).text

    new_text = await asyncio.get_running_loop().run_in_executor(server.executor, run)
    if server.documents.get(doc.uri) is not doc or doc.version != result.version:
        return None  # the text changed meanwhile
    edit = minimal_edit(text, new_text)
    if edit is None:
        return None
    return document_edit(server, doc.uri, doc.version, [text_edit(result.positions, edit, server.encoding)])


def _supports_resolve(server: "GailintServer") -> bool:
    props = server.client_supports("text_document.code_action.resolve_support.properties", None) or []
    return "edit" in props


def insert_tables_action(server: "GailintServer", doc: "Document", line: int) -> types.CodeAction:
    positions = doc.positions
    offset = positions.to_offset(line, 0, server.encoding)
    insert = all_tables_text(doc.newline)
    if offset == len(doc.text) and doc.text and not doc.text.endswith(("\n", "\r")):
        insert = doc.newline + insert  # after a last line without a line break
    edit = text_edit(positions, Edit(offset, offset, insert), server.encoding)
    return types.CodeAction(
        title=INSERT_TABLES_TITLE, kind=INSERT_TABLES, edit=document_edit(server, doc.uri, doc.version, [edit])
    )


async def code_actions(server: "GailintServer", params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    doc = server.documents.get(uri)
    if doc is None:
        return []
    only = [_kind_str(k) for k in params.context.only] if params.context.only else None
    result = await server.current_result(uri)
    if doc is not server.documents.get(uri):
        return []
    if result is not None and result.version != doc.version:
        result = None
    ours = [d for d in params.context.diagnostics or [] if d.source == SOURCE]
    if not ours and result is not None and only is None:
        # Some clients send no diagnostics in the context: use those in the range.
        start = doc.positions.to_offset(params.range.start.line, params.range.start.character, server.encoding)
        end = doc.positions.to_offset(params.range.end.line, params.range.end.character, server.encoding)
        ours = [
            lsp
            for d, lsp in zip(result.diagnostics, result.lsp)
            if d.span.start <= end and start <= d.span.end
        ]
    actions: list[types.CodeAction] = []
    if wanted(QUICKFIX, only):
        actions.extend(quick_fixes(server, doc, result, ours))
        actions.extend(disable_actions(server, doc, ours))
    if result is not None and wanted(FIX_ALL, only) and any(d.fix and d.fix.safe for d in result.diagnostics):
        if only is None and _supports_resolve(server):
            # Lightbulb requests come on every cursor move: compute the edit on resolve.
            actions.append(
                types.CodeAction(
                    title=FIX_ALL_TITLE, kind=FIX_ALL, data={"uri": uri, "version": doc.version, "action": "fixAll"}
                )
            )
        else:
            edit = await fix_all_edit(server, doc, result)
            if edit is not None:
                actions.append(types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL, edit=edit))
    if wanted(INSERT_TABLES, only):
        report = result.report if result is not None else None
        missing = report is not None and (report.table2 is None or report.table3 is None or report.table4 is None)
        if only is not None or missing:
            actions.append(insert_tables_action(server, doc, params.range.start.line))
    return actions


async def resolve(server: "GailintServer", action: types.CodeAction) -> types.CodeAction:
    data = action.data
    if action.edit is not None or not isinstance(data, dict) or data.get("action") != "fixAll":
        return action
    uri = data.get("uri")
    doc = server.documents.get(uri) if isinstance(uri, str) else None
    if doc is None or data.get("version") != doc.version:
        return action
    result = await server.current_result(uri)
    if result is not None and result.version == doc.version:
        action.edit = await fix_all_edit(server, doc, result)
    return action
