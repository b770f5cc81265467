"""The language server: state and the work behind the handlers.

State lives on :class:`GailintServer`: the open documents, the latest lint result
per document (valid for one document version and one settings generation), the
pending debounce task per document, the settings per document. Linting runs in a
worker thread so typing is never blocked; a result computed for a version that is
no longer current is never published.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lsprotocol import types
from lsprotocol.types import ResponseError
from pygls.capabilities import ServerCapabilitiesBuilder, get_capability
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import JsonRPCNotification, LanguageServerProtocol, lsp_method

INVALID_REQUEST = -32600  # JSON-RPC's code, which LSP uses for requests after shutdown
_IGNORED = "$/gailint/ignored"

from gailint import __version__
from gailint.config import ConfigError, Settings, error_at
from gailint.engine.diagnostics import Diagnostic
from gailint.engine.linter import Linter
from gailint.importpath import forget_import_paths
from gailint.engine.runner import internal_error
from gailint.model import Report
from gailint.positions import PositionEncoding, Positions
from gailint.server.diagnostics import to_lsp_all
from gailint.server.documents import Document, uri_to_path
from gailint.server.limits import BIG_DOCUMENT, lighter
from gailint.server.neighbours import WorkspaceReports
from gailint.server.settings import (
    ClientSettings,
    apply_client_table,
    config_stamp,
    parse_client_settings,
    plugin_settings,
)

logger = logging.getLogger("gailint.server")

# Every *.toml: the config files, and the declarative packs a config may name.
CONFIG_GLOBS = ("**/gailint.toml", "**/.gailint.toml", "**/pyproject.toml", "**/*.toml")
# Other reports: last year's report changing changes this year's GAI305/GAI307.
REPORT_GLOBS = ("**/*.txt", "**/*.md", "**/*.markdown", "**/*.html", "**/*.htm")
CONFIG_FILE_NAMES = ("gailint.toml", ".gailint.toml", "pyproject.toml")


@dataclass(frozen=True)
class LintResult:
    """One lint of one version of one document, with everything the features need."""

    uri: str
    serial: int
    version: int
    generation: int
    text: str
    positions: Positions
    report: Report | None
    diagnostics: list[Diagnostic]
    lsp: list[types.Diagnostic]
    settings: Settings
    path: str | None

    @property
    def result_id(self) -> str:
        return f"{self.serial}.{self.generation}.{self.version}"


class GailintProtocol(LanguageServerProtocol):
    """pygls's protocol, minus its own document store, plus robust parsing."""

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams):
        result = yield from super().lsp_initialize(params)
        self._server.adjust_capabilities(result.capabilities)  # type: ignore[attr-defined]
        return result

    # The builtin handlers would also update pygls's workspace with pygls's own
    # position conversion; gailint keeps the text itself (documents.py). These are
    # plain functions, not generators: pygls 2.1 keeps a Future for every
    # notification a generator handler takes (2 MB per 1,000 keystrokes).
    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            handler(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            handler(params)

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            handler(params)

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):  # type: ignore[override]
        """pygls files the Future of a notification handled by a coroutine or a
        generator (and of each step of a generator) under a made-up id and never
        takes it out again: drop every Future once it is done, on the event loop
        (never while pygls iterates over them at shutdown)."""
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        future = self._request_futures.get(msg_id)
        if future is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None

        def forget(_: Any) -> None:
            if self._request_futures.get(msg_id) is future:
                del self._request_futures[msg_id]

        def done(_: Any) -> None:
            if loop is not None and not loop.is_closed():
                loop.call_soon_threadsafe(forget, None)
            else:
                forget(None)

        future.add_done_callback(done)

    @lsp_method(types.EXIT)
    def lsp_exit(self, *args):
        # pygls ends with sys.exit(code), which its own IO loop swallows: keep the
        # code for main() (the spec: 0 after shutdown, 1 without).
        self._server.exit_code = 0 if self._shutdown else 1  # type: ignore[attr-defined]
        yield from super().lsp_exit(*args)

    def handle_message(self, message) -> None:
        """After ``shutdown`` a request gets InvalidRequest, as the spec says (pygls
        drops it, and the client waits for ever); notifications are ignored."""
        method = getattr(message, "method", None)
        if method == _IGNORED:
            return  # a malformed request, already answered (structure_message)
        if self._shutdown and method is not None and method != types.EXIT and getattr(message, "id", None) is not None:
            self._send_response(
                message.id, error=ResponseError(code=INVALID_REQUEST, message=f"{method}: 服务器已收到 shutdown，不再处理请求")
            )
            return
        super().handle_message(message)

    def structure_message(self, data: dict[str, Any]):
        """A request whose params cannot be read gets an error response (pygls would
        drop it and leave the client waiting); the message itself is then ignored."""
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "method" in data and isinstance(data.get("id"), (int, str)):
                try:
                    self._send_response(data["id"], error=exc.to_response_error())
                except Exception:  # pragma: no cover - a broken transport
                    logger.exception("cannot answer a malformed request")
                return JsonRPCNotification(method=_IGNORED, jsonrpc="2.0", params=None)
            raise


class GailintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "gailint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=GailintProtocol,
        )
        self.documents: dict[str, Document] = {}
        self.results: dict[str, LintResult] = {}  # the latest result per uri (version inside)
        self.encoding = PositionEncoding.UTF16
        self.pull = False  # the client pulls diagnostics (textDocument/diagnostic)
        self.generation = 0  # bumped when any config or editor setting changes
        self.client = ClientSettings()
        self.roots: list[Path] = []
        self.linter: Linter | None = None
        self._init_options: Any = None
        self._config_layer: Any = None
        self._pending: dict[str, asyncio.Task] = {}  # the publishing task per uri
        self._timers: dict[str, asyncio.TimerHandle] = {}  # the debounce per uri
        self._inflight: dict[tuple, asyncio.Future] = {}
        self._published: dict[str, tuple[int, int, int]] = {}
        self._doc_settings: dict[str, tuple[int, Settings]] = {}
        self._doc_configs: dict[str, Path | None] = {}
        # run = onSave with a pulling client: the result pulls are answered with, per
        # document, until the next save (pushing clients get publishes at open/save).
        self._snapshots: dict[str, LintResult] = {}
        self._stamps: dict[Path, int | None] = {}
        self._shown: set[str] = set()
        self.reports = WorkspaceReports(self.root_for, self._unsaved_text)
        # One worker: lints run one at a time (the GIL would serialise them anyway),
        # and a queued lint of an outdated version returns at once. Big documents
        # have a worker of their own, so a report's hover never waits behind them.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gailint-lint")
        self.exit_code = 0  # set by the exit notification
        self.big_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gailint-lint-big")

    # ------------------------------------------------------------ capabilities

    def client_supports(self, field: str, default: Any = None) -> Any:
        try:
            return get_capability(self.client_capabilities, field, default)
        except Exception:
            return default

    def initialize(self, params: types.InitializeParams) -> None:
        caps = params.capabilities
        self._init_options = params.initialization_options
        self.client = parse_client_settings(self._init_options)
        for error in self.client.errors:
            self.show_error(error)
        chosen = ServerCapabilitiesBuilder.choose_position_encoding(caps)
        try:
            self.encoding = PositionEncoding(str(getattr(chosen, "value", chosen)))
        except ValueError:
            self.encoding = PositionEncoding.UTF16
        if self.client.position_encoding is not None:
            # The user knows better than a client that counts bytes but says nothing (ALE).
            self.encoding = self.client.position_encoding
        self.pull = get_capability(caps, "text_document.diagnostic", None) is not None
        self.roots = self._roots_of(params)
        forget_import_paths(self.roots)
        self.linter = self._build_linter()

    def adjust_capabilities(self, caps: types.ServerCapabilities) -> None:
        caps.position_encoding = self.encoding.value
        if not self.pull:
            caps.diagnostic_provider = None  # a push-only client gets publishDiagnostics

    @staticmethod
    def _roots_of(params: types.InitializeParams) -> list[Path]:
        roots: list[Path] = []
        for folder in params.workspace_folders or []:
            path = uri_to_path(folder.uri)
            if path:
                roots.append(Path(path))
        if not roots:
            path = uri_to_path(params.root_uri) if params.root_uri else params.root_path
            if path:
                roots.append(Path(path))
        return roots

    def root_for(self, path: str | None) -> Path | None:
        """The workspace folder holding ``path`` (the deepest one)."""
        if not path:
            return None
        p = Path(path)
        best = None
        for root in self.roots:
            try:
                p.relative_to(root)
            except ValueError:
                continue
            if best is None or len(root.parts) > len(best.parts):
                best = root
        return best

    async def initialized(self) -> None:
        await self._register_watchers()
        fetched = await self.fetch_configuration()
        if fetched is not None:
            self._config_layer = fetched
            self.update_client_settings()

    async def _register_watchers(self) -> None:
        registrations = []
        if self.client_supports("workspace.did_change_watched_files.dynamic_registration", False):
            registrations.append(
                types.Registration(
                    id="gailint-config-watch",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=[types.FileSystemWatcher(glob_pattern=g) for g in CONFIG_GLOBS + REPORT_GLOBS]
                    ),
                )
            )
        if self.client_supports("workspace.did_change_configuration.dynamic_registration", False):
            registrations.append(
                types.Registration(id="gailint-config-settings", method=types.WORKSPACE_DID_CHANGE_CONFIGURATION)
            )
        if registrations:
            try:
                await asyncio.wait_for(
                    self.client_register_capability_async(types.RegistrationParams(registrations=registrations)), 10
                )
            except Exception as exc:  # a client that refuses: config changes are seen on save
                logger.info("client/registerCapability failed: %s", exc)

    async def fetch_configuration(self) -> Any | None:
        if not self.client_supports("workspace.configuration", False):
            return None
        scope = None
        if self.roots:
            from pygls.uris import from_fs_path

            scope = from_fs_path(str(self.roots[0]))
        try:
            result = await asyncio.wait_for(
                self.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(scope_uri=scope, section="gailint")])
                ),
                10,
            )
        except Exception as exc:
            logger.info("workspace/configuration failed: %r", exc)
            return None
        if isinstance(result, (list, tuple)) and result:  # pygls may hand back a tuple
            return result[0]
        return None

    # ------------------------------------------------------------ settings

    def update_client_settings(self) -> None:
        """Re-read the editor's settings; relint everything when they changed."""
        new = parse_client_settings(self._init_options, self._config_layer)
        for error in new.errors:
            self.show_error(error)
        changed = new.table != self.client.table or new.run != self.client.run
        self.client = new
        if changed:
            self.reload()

    def _build_linter(self) -> Linter:
        settings, errors = plugin_settings(self.roots[0] if self.roots else None, self.client.table)
        for error in errors:
            self.show_error(error)
        try:
            linter = Linter.create(settings)
        except Exception as exc:  # a pack that breaks loading: run with the defaults
            self.show_error(f"gailint：加载规则包失败（{type(exc).__name__}: {exc}），使用默认规则")
            linter = Linter.create(Settings())
        unknown = linter.registry.unknown_packs(settings.plugins_allow)
        if unknown:
            # Allowing only packs that do not exist would turn every rule off: say so,
            # and run the installed packs instead.
            message = linter.registry.unknown_packs_message(unknown) + "；已改用全部已安装的规则包"
            if "plugins" in self.client.table or settings.source is None:
                self.show_error(str(ConfigError("编辑器设置（gailint）", "plugins.allow", message)))
            else:
                self.show_error(str(error_at(settings.source, "plugins.allow", message)))
            linter = Linter.create(replace(settings, plugins_allow=None))
        # Files with no config get the defaults, not the workspace root's config.
        linter.base = Settings()
        for error in linter.registry.errors:
            self.show_error(error, types.MessageType.Warning)
        return linter

    def settings_for(self, doc: Document) -> Settings:
        cached = self._doc_settings.get(doc.uri)
        if cached is not None and cached[0] == self.generation:
            return cached[1]
        linter = self.linter or self._ensure_linter()
        try:
            base = linter.settings_for(doc.path)
        except ConfigError as exc:
            self.show_error(str(exc))
            base = linter.base
        except OSError as exc:
            self.show_error(f"{doc.path}: {exc}")
            base = linter.base
        try:
            settings = apply_client_table(self.client.table, base, linter.known_codes)
        except ConfigError as exc:
            self.show_error(str(exc))
            settings = base
        # Load the packs it selects now (not in the worker), and say what is wrong
        # with any of them; the document is still linted with the others.
        linter.packs_for(settings)
        for error in linter.new_pack_errors():
            self.show_error(error)
        self._doc_settings[doc.uri] = (self.generation, settings)
        return settings

    def _ensure_linter(self) -> Linter:
        if self.linter is None:
            self.linter = self._build_linter()
        return self.linter

    def check_config(self, doc: Document) -> None:
        """Notice a config file edited or created (also without file watchers)."""
        config, stamp = config_stamp(doc.path)
        if self._doc_configs.get(doc.uri, config) != config:
            self._doc_settings.pop(doc.uri, None)  # a nearer config appeared (or went)
        self._doc_configs[doc.uri] = config
        if config is None:
            return
        old = self._stamps.get(config, stamp)
        self._stamps[config] = stamp
        if old != stamp:
            self.reload()

    def reload(self) -> None:
        """Config or settings changed: new linter, new generation, relint all."""
        self.generation += 1
        self._shown.clear()
        self._doc_settings.clear()
        self.linter = self._build_linter()
        if self.pull:
            self.refresh_pulled()
        else:
            for uri in list(self.documents):
                self.schedule(uri, 0)

    def show_error(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        """Tell the user once (per settings generation), and log it."""
        logger.warning("%s", message)
        if message in self._shown:
            return
        self._shown.add(message)
        try:
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))
        except Exception:  # before the transport is up
            pass

    def report_server_error(self, error: Exception, source: Any) -> None:
        # A malformed message is logged, not shown in a popup, and never fatal.
        logger.warning("ignored a message the server could not handle: %s", error)
        try:
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Warning, message=f"gailint: {error}")
            )
        except Exception:
            pass

    # ------------------------------------------------------------ documents

    def open_document(self, uri: str, text: str, version: int | None, language_id: str) -> Document:
        doc = Document.open(uri, text, version, language_id)
        self.documents[uri] = doc
        self.results.pop(uri, None)
        self._published.pop(uri, None)
        self.check_config(doc)
        self.schedule(uri, 0)
        return doc

    def change_document(self, uri: str, changes: Any, version: int | None) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            logger.info("didChange for a document that is not open: %s", uri)
            return
        doc.apply(changes or (), version, self.encoding)
        if not self.client.on_save:
            self.schedule(uri, self.client.debounce)

    def close_document(self, uri: str) -> None:
        self.documents.pop(uri, None)
        self.results.pop(uri, None)
        self._doc_settings.pop(uri, None)
        self._doc_configs.pop(uri, None)
        self._snapshots.pop(uri, None)
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if not self.pull and self._published.pop(uri, None) is not None:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def saved_document(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        if self._is_pack_file(uri):
            self.reload()  # a declarative pack edited in the editor itself
            return
        if doc.path:
            self.reports_changed([(doc.path, False)])  # other years' reports may compare with it
        generation = self.generation
        self.check_config(doc)
        if not self.client.on_save or generation != self.generation:
            return  # linted while typing, or just reloaded (which relints everything)
        self._snapshots.pop(uri, None)
        if not self.pull:
            self.schedule(uri, 0)
        else:
            self.refresh_pulled()

    def refresh_pulled(self) -> None:
        """Ask a pulling client to pull again (when it can be asked)."""
        if self.client_supports("workspace.diagnostics.refresh_support", False):
            try:
                self.workspace_diagnostic_refresh(None)
            except Exception:  # pragma: no cover
                logger.exception("workspace/diagnostic/refresh failed")

    def watched_files_changed(self, uris: list[str], deleted: set[str] = frozenset()) -> None:
        if any(u.rsplit("/", 1)[-1] in CONFIG_FILE_NAMES or self._is_pack_file(u) for u in uris):
            self._stamps.clear()
            self._doc_configs.clear()
            self.reload()
            return
        changed = [(path, u in deleted) for u in uris if (path := uri_to_path(u))]
        if changed:
            self.reports_changed(changed)

    # ------------------------------------------------------------ other reports

    def _unsaved_text(self, path: str) -> str | None:
        """An open document's text, for the index (called on the lint worker)."""
        for doc in list(self.documents.values()):
            if doc.path and (doc.path == path or os.path.realpath(doc.path) == os.path.realpath(path)):
                return doc.text
        return None

    def reports_changed(self, changed: list[tuple[str, bool]]) -> None:
        """Report files changed on disk: update the index (on the lint worker),
        then lint again the open reports of the same issuers."""
        loop = asyncio.get_running_loop()

        def update() -> None:
            keys = self.reports.changed(changed)
            if keys:
                loop.call_soon_threadsafe(self._relint_issuers, keys)

        self.executor.submit(update)

    def _relint_issuers(self, keys: set[str]) -> None:
        stale = []
        for uri, result in list(self.results.items()):
            if result.report is not None and self.reports.key_of(result.report.issuer, result.path) in keys:
                stale.append(uri)
        for uri in stale:
            self.results.pop(uri, None)
            self._snapshots.pop(uri, None)
            self._published.pop(uri, None)
            self.schedule(uri, 0)
        if stale and self.pull:
            self.refresh_pulled()

    def _is_pack_file(self, uri: str) -> bool:
        if self.linter is None or not uri.endswith(".toml"):
            return False
        path = uri_to_path(uri)
        return path is not None and Path(path).resolve() in self.linter.registry.files

    # ------------------------------------------------------------ linting

    def is_current(self, result: LintResult) -> bool:
        doc = self.documents.get(result.uri)
        return (
            doc is not None
            and doc.serial == result.serial
            and doc.version == result.version
            and result.generation == self.generation
        )

    def cached_result(self, uri: str) -> LintResult | None:
        result = self.results.get(uri)
        return result if result is not None and self.is_current(result) else None

    def _lint_future(self, doc: Document) -> asyncio.Future:
        key = (doc.uri, doc.serial, doc.version, self.generation)
        future = self._inflight.get(key)
        if future is not None:
            return future
        linter = self._ensure_linter()
        settings = self.settings_for(doc)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(
            self.big_executor if len(doc.text) >= BIG_DOCUMENT else self.executor,
            self._compute,
            linter,
            doc,
            doc.text,
            doc.version,
            settings,
            self.generation,
            self.encoding,
        )
        self._inflight[key] = future

        def done(f: asyncio.Future, key: tuple = key) -> None:
            self._inflight.pop(key, None)
            if f.cancelled() or f.exception() is not None:
                return
            result = f.result()
            if result is not None and self.is_current(result):
                self.results[result.uri] = result

        future.add_done_callback(done)
        return future

    def _compute(
        self,
        linter: Linter,
        doc: Document,
        text: str,
        version: int,
        settings: Settings,
        generation: int,
        encoding: PositionEncoding,
    ) -> LintResult | None:
        """Runs in the worker thread."""
        if self.documents.get(doc.uri) is not doc or doc.version != version or generation != self.generation:
            return None  # queued behind a newer edit: nobody wants this result
        report: Report | None
        started = time.perf_counter()
        try:
            settings, note = lighter(linter, settings, len(text), doc.path)
            report, diagnostics = linter.lint(text, doc.path, settings, neighbours=self.reports.provider(linter))
            if note is not None:
                diagnostics = [note, *diagnostics]
            # The report's line index is of the reader's text when it changed the file.
            positions = Positions(text, report.index if report.source is None else None)
        except Exception as exc:  # the parser itself failed: say so, never crash
            logger.error("lint failed for %s:\n%s", doc.uri, traceback.format_exc())
            report, positions = None, Positions(text)
            diagnostics = [internal_error(f"gailint 无法检查此文档：{type(exc).__name__}: {exc}", doc.path)]
        lsp = to_lsp_all(diagnostics, positions, encoding, version)
        logger.debug("linted %s v%s: %d diagnostics in %.1f ms", doc.uri, version, len(lsp), 1000 * (time.perf_counter() - started))
        return LintResult(
            doc.uri, doc.serial, version, generation, text, positions, report, diagnostics, lsp, settings, doc.path
        )

    async def current_result(self, uri: str) -> LintResult | None:
        """The result for the document's current version (linting it if needed).

        If the document keeps changing while it is linted, the newest result that
        could be computed is returned after a few rounds.
        """
        latest: LintResult | None = None
        for _ in range(5):
            doc = self.documents.get(uri)
            if doc is None:
                return None
            cached = self.cached_result(uri)
            if cached is not None:
                return cached
            result = await asyncio.shield(self._lint_future(doc))
            if result is not None:
                latest = result
                if self.is_current(result):
                    return result
        return latest

    async def pulled_result(self, uri: str) -> LintResult | None:
        """What a pull (textDocument/diagnostic) is answered with: the current
        version's result, or with ``run = onSave`` the result of the text as last
        opened or saved (the same result id, so the client keeps its markers)."""
        if not self.client.on_save:
            return await self.current_result(uri)
        doc = self.documents.get(uri)
        snapshot = self._snapshots.get(uri)
        if doc is not None and snapshot is not None and snapshot.serial == doc.serial and snapshot.generation == self.generation:
            return snapshot
        result = await self.current_result(uri)
        if result is not None and self.documents.get(uri) is doc:
            self._snapshots[uri] = result
        return result

    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the document's debounce: lint after ``delay`` seconds, then publish.

        A keystroke only moves a timer (no task is made and cancelled per keystroke:
        over weeks of typing their cancelled frames were garbage the collector sees
        late); the publishing task, once started, publishes the newest version.
        """
        if self.pull:
            return  # the client asks (textDocument/diagnostic)
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if delay > 0:
            self._timers[uri] = asyncio.get_running_loop().call_later(delay, self._start_publishing, uri)
        else:
            self._start_publishing(uri)

    def _start_publishing(self, uri: str) -> None:
        self._timers.pop(uri, None)
        task = self._pending.get(uri)
        if task is not None and not task.done():
            return  # still linting: it goes on to the newest version when done
        self._pending[uri] = asyncio.ensure_future(self._publish_latest(uri))

    async def _publish_latest(self, uri: str) -> None:
        me = asyncio.current_task()
        try:
            while True:
                result = await self.current_result(uri)
                if result is None:
                    return
                if self.is_current(result):
                    self.publish(result)
                    return
                if uri in self._timers:
                    return  # still being typed: its debounce starts the next round
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.error("diagnostics for %s failed:\n%s", uri, traceback.format_exc())
        finally:
            if self._pending.get(uri) is me:
                del self._pending[uri]

    def publish(self, result: LintResult) -> None:
        if not self.is_current(result):
            return  # computed for an older version: never shown
        key = (result.serial, result.generation, result.version)
        if self._published.get(result.uri) == key:
            return
        self._published[result.uri] = key
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=result.uri, diagnostics=result.lsp, version=result.version)
        )

    def shutdown(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        for task in self._pending.values():
            task.cancel()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.big_executor.shutdown(wait=False, cancel_futures=True)
        super().shutdown()
