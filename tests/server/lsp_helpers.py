"""Helpers for the language-server tests.

Position conversion here is deliberately independent of gailint.positions (it
works line by line with str.encode), so the tests check the server against a
second implementation rather than against itself.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))
SERVER_COMMAND = [sys.executable, "-m", "gailint", "server"]

_BREAK = re.compile(r"\r\n|\r|\n")


# ------------------------------------------------------------------ positions


def units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    return len(s)


def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def line_content_end(text: str, starts: list[int], line: int) -> int:
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    while end > starts[line] and text[end - 1] in "\r\n":
        end -= 1
    return end


def position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    starts = line_starts(text)
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line, units(text[starts[line] : offset], encoding)


def offset(text: str, line: int, character: int, encoding: str) -> int:
    starts = line_starts(text)
    if line >= len(starts):
        return len(text)
    start = starts[line]
    end = line_content_end(text, starts, line)
    i = start
    while i < end and units(text[start : i + 1], encoding) <= character:
        i += 1
    return i


def lsp_range(text: str, start: int, end: int, encoding: str) -> types.Range:
    return types.Range(types.Position(*position(text, start, encoding)), types.Position(*position(text, end, encoding)))


def apply_text_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """Apply LSP text edits (ranges refer to the original text), like a client."""
    spans = []
    for e in edits:
        s = offset(text, e.range.start.line, e.range.start.character, encoding)
        t = offset(text, e.range.end.line, e.range.end.character, encoding)
        spans.append((s, t, e.new_text))
    for s, t, new in sorted(spans, key=lambda x: (x[0], x[1]), reverse=True):
        text = text[:s] + new + text[t:]
    return text


def edits_for(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    out: list[types.TextEdit] = []
    if edit.changes:
        out.extend(edit.changes.get(uri, []))
    for change in edit.document_changes or []:
        if isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri:
            out.extend(change.edits)  # type: ignore[arg-type]
    return out


# ------------------------------------------------------------------ client


def make_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics (with its version)."""
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)  # type: ignore[attr-defined]
        client.diagnostics[params.uri] = params.diagnostics

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    client.published = []  # type: ignore[attr-defined]
    client.registrations = []  # type: ignore[attr-defined]
    return client


def capabilities(name: str = "visual-studio-code", encodings: list[str] | None = None) -> types.ClientCapabilities:
    if name == "bare":
        caps = types.ClientCapabilities()
    else:
        caps = client_capabilities(name)
    if encodings is not None:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return caps


async def start(
    client: LanguageClient,
    caps: types.ClientCapabilities | str = "visual-studio-code",
    root: Path | None = None,
    options: Any = None,
) -> types.InitializeResult:
    if isinstance(caps, str):
        caps = capabilities(caps)
    root_uri = from_fs_path(str(root)) if root else None
    folders = [types.WorkspaceFolder(uri=root_uri, name=root.name)] if root and root_uri else None
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=root_uri,
            workspace_folders=folders,
            initialization_options=options,
        )
    )


def uri_of(path: Path | str) -> str:
    uri = from_fs_path(str(path))
    assert uri is not None
    return uri


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1, language: str = "plaintext") -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text))
    )


def change_doc(
    client: LanguageClient, uri: str, version: int, changes: list[tuple[types.Range | None, str]]
) -> None:
    content = [
        types.TextDocumentContentChangeWholeDocument(text=t)
        if r is None
        else types.TextDocumentContentChangePartial(range=r, text=t)
        for r, t in changes
    ]
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=content
        )
    )


async def wait_published(
    client: LanguageClient, uri: str, version: int | None = None, timeout: float = 15, after: int = 0
) -> types.PublishDiagnosticsParams:
    """The first publishDiagnostics for ``uri`` (at ``version``) received after the
    ``after``-th one."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        for p in client.published[after:]:  # type: ignore[attr-defined]
            if p.uri == uri and (version is None or p.version == version):
                return p
        if loop.time() > deadline:
            raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout}s")
        await asyncio.sleep(0.01)


async def document_text(client: LanguageClient, uri: str) -> tuple[int, str]:
    res = await client.protocol.send_request_async("gailint/documentText", {"uri": uri})
    return res.version, res.text


def expected_diagnostics(text: str, path: str | None, encoding: str, settings=None) -> list[tuple]:
    """What `gailint check` finds, as (code, range, severity label, message)."""
    from gailint.engine.linter import Linter

    linter = Linter.create()
    _, diags = linter.lint(text, path, settings)
    return [
        (d.code, _rng_tuple(lsp_range(text, d.span.start, d.span.end, encoding)), d.severity.label, d.message)
        for d in diags
    ]


_SEV = {1: "error", 2: "warning", 3: "info", 4: "hint"}


def _rng_tuple(r: types.Range) -> tuple[int, int, int, int]:
    return (r.start.line, r.start.character, r.end.line, r.end.character)


def got_diagnostics(diags: list[types.Diagnostic]) -> list[tuple]:
    return [(d.code, _rng_tuple(d.range), _SEV[int(d.severity)], d.message) for d in diags]


async def disable_actions(client: LanguageClient, uri: str, published, code: str) -> list[types.CodeAction]:
    """The "禁用 CODE（本文件）" actions offered on ``code``'s first diagnostic."""
    diag = next(d for d in published.diagnostics if d.code == code)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    return [a for a in actions if a.title == f"禁用 {code}（本文件）"]


# ------------------------------------------------------------------ raw JSON-RPC


class RawClient:
    """A bare JSON-RPC client over the server's stdio (no LSP library in between)."""

    def __init__(self, cwd=None, command=None, stderr=subprocess.DEVNULL) -> None:
        self.proc = subprocess.Popen(
            command or SERVER_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, cwd=cwd
        )
        self.timer = threading.Timer(30, self.proc.kill)  # never hang the suite
        self.timer.start()

    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, obj: dict) -> None:
        self.send_raw(json.dumps(obj).encode("utf-8"))

    def read(self) -> dict:
        assert self.proc.stdout is not None
        length = 0
        while True:
            line = self.proc.stdout.readline()
            assert line, "server closed its output"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def response(self, id_: int) -> dict:
        while True:
            msg = self.read()
            if msg.get("id") == id_ and "method" not in msg:
                return msg

    def close(self) -> None:
        self.timer.cancel()
        self.proc.kill()
        self.proc.wait()


def raw_diagnostics(c: RawClient, uri: str) -> list[dict]:
    """The next diagnostics published for ``uri``, answering the server's requests."""
    while True:
        msg = c.read()
        if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
            return msg["params"]["diagnostics"]
        if "id" in msg and "method" in msg:  # a request from the server: answer it
            c.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
