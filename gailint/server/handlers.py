"""The LSP handlers: thin functions over :class:`GailintServer` and the feature
modules. Every request handler returns something sensible for an unknown document
or a position out of range, so no message can stop the server."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from gailint.server import actions, hover, outline
from gailint.server.inspect import model_report
from gailint.server.diagnostics import lsp_range, offset_of
from gailint.server.server import GailintServer

DOCUMENT_TEXT = "gailint/documentText"  # custom request used by the tests
INSPECT = "gailint/inspect"  # the parsed model, for the editors' "show parsed model" command


def _markup(ls: GailintServer, value: str) -> types.MarkupContent:
    formats = ls.client_supports("text_document.hover.content_format", None) or []
    markdown = not formats or any(str(getattr(f, "value", f)) == "markdown" for f in formats)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.MarkupContent(kind=kind, value=value)


_SYMBOL_KINDS = {"section": types.SymbolKind.Namespace, "table": types.SymbolKind.Struct}


def create_server() -> GailintServer:
    server = GailintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: GailintServer, params: types.InitializeParams) -> None:
        ls.initialize(params)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: GailintServer, params: types.InitializedParams) -> None:
        await ls.initialized()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GailintServer, params: types.DidOpenTextDocumentParams) -> None:
        d = params.text_document
        ls.open_document(d.uri, d.text, d.version, d.language_id)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GailintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.change_document(params.text_document.uri, params.content_changes, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GailintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close_document(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GailintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved_document(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: GailintServer, params: types.DidChangeConfigurationParams) -> None:
        fetched = await ls.fetch_configuration()
        ls._config_layer = fetched if fetched is not None else params.settings
        ls.update_client_settings()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: GailintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.watched_files_changed([c.uri for c in params.changes])

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(identifier="gailint", inter_file_dependencies=False, workspace_diagnostics=False),
    )
    async def diagnostic(ls: GailintServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        result = await ls.pulled_result(params.text_document.uri)
        if result is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        if params.previous_result_id == result.result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result.result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=result.lsp, result_id=result.result_id)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=list(actions.KINDS), resolve_provider=True),
    )
    async def code_action(ls: GailintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await actions.code_actions(ls, params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: GailintServer, params: types.CodeAction) -> types.CodeAction:
        return await actions.resolve(ls, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: GailintServer, params: types.HoverParams) -> types.Hover | None:
        result = await ls.current_result(params.text_document.uri)
        if result is None:
            return None
        offset = offset_of(result.positions, params.position, ls.encoding)
        parts: list[str] = []
        span = None
        if result.report is not None:
            cell = hover.describe_cell(result.report, offset)
            if cell is not None:
                parts.append(cell[0])
                span = cell[1]
        linter = ls.linter
        if linter is not None:
            docs = hover.describe_diagnostics(result.diagnostics, offset, linter.registry)
            if docs is not None:
                parts.append(docs[0])
                span = span or docs[1]
        if not parts or span is None:
            return None
        return types.Hover(
            contents=_markup(ls, "\n\n---\n\n".join(parts)),
            range=lsp_range(result.positions, span.start, span.end, ls.encoding),
        )

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbol(ls: GailintServer, params: types.DocumentSymbolParams) -> Any:
        result = await ls.current_result(params.text_document.uri)
        if result is None or result.report is None:
            return []
        found = outline.symbols(result.report)

        def rng(span):
            return lsp_range(result.positions, span.start, span.end, ls.encoding)

        if ls.client_supports("text_document.document_symbol.hierarchical_document_symbol_support", False):

            def convert(s: outline.Symbol) -> types.DocumentSymbol:
                return types.DocumentSymbol(
                    name=s.name,
                    kind=_SYMBOL_KINDS[s.kind],
                    range=rng(s.span),
                    selection_range=rng(s.selection),
                    children=[convert(c) for c in s.children] or None,
                )

            return [convert(s) for s in found]
        flat: list[types.SymbolInformation] = []
        for s in found:
            flat.append(types.SymbolInformation(name=s.name, kind=_SYMBOL_KINDS[s.kind], location=types.Location(result.uri, rng(s.span))))
            for c in s.children:
                flat.append(
                    types.SymbolInformation(
                        name=c.name,
                        kind=_SYMBOL_KINDS[c.kind],
                        location=types.Location(result.uri, rng(c.span)),
                        container_name=s.name,
                    )
                )
        return flat

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["、", "（"]))
    async def completion(ls: GailintServer, params: types.CompletionParams) -> types.CompletionList | None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is None:
            return None
        positions = doc.positions
        offset = offset_of(positions, params.position, ls.encoding)
        line_start = positions.index.starts[positions.index.line_of(offset)]
        result = ls.cached_result(doc.uri)  # no need to wait: only the section matters
        report = result.report if result is not None else None
        start, items = outline.completions(report, doc.text, line_start, offset, doc.newline)
        if not items:
            return None
        snippets = bool(ls.client_supports("text_document.completion.completion_item.snippet_support", False))
        rng = lsp_range(positions, start, offset, ls.encoding)
        out = []
        for item in items:
            snippet = item.snippet and snippets
            text = _snippet_escape(item.insert) + "$0" if snippet else item.insert
            out.append(
                types.CompletionItem(
                    label=item.label,
                    kind={
                        "heading": types.CompletionItemKind.Module,
                        "row": types.CompletionItemKind.EnumMember,
                        "table": types.CompletionItemKind.Snippet,
                    }[item.kind],
                    detail=item.detail,
                    sort_text=item.sort,
                    filter_text=item.label,
                    insert_text_format=types.InsertTextFormat.Snippet if snippet else types.InsertTextFormat.PlainText,
                    text_edit=types.TextEdit(range=rng, new_text=text),
                )
            )
        return types.CompletionList(is_incomplete=False, items=out)

    @server.feature(INSPECT)
    async def inspect_model(ls: GailintServer, params: Any) -> dict[str, Any] | None:
        """What ``gailint inspect`` prints, for the editor's (unsaved) buffer."""
        uri = getattr(params, "uri", None)
        result = await ls.current_result(uri) if isinstance(uri, str) else None
        if result is None or result.report is None:
            return None
        return model_report(result.report, result.path or uri)

    @server.feature(DOCUMENT_TEXT)
    def document_text(ls: GailintServer, params: Any) -> dict[str, Any] | None:
        uri = getattr(params, "uri", None)
        doc = ls.documents.get(uri) if isinstance(uri, str) else None
        if doc is None:
            return None
        return {"uri": doc.uri, "version": doc.version, "text": doc.text}

    return server


def _snippet_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}")
