"""Settings the editor integrations rely on: run on save, a forced position
encoding (ALE counts bytes without saying so), and the parsed model request."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import (
    SEEDS,
    capabilities,
    change_doc,
    expected_diagnostics,
    got_diagnostics,
    open_doc,
    start,
    uri_of,
    wait_published,
)

SEED_003 = next(p for p in SEEDS if p.name.startswith("003"))
INSERT_JUNK = "当前位置：首页 > 政务公开\n"


def _save(client: LanguageClient, uri: str) -> None:
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))


def _pull(client: LanguageClient, uri: str, previous: str | None = None):
    return client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri), previous_result_id=previous)
    )


async def test_ale_like_client_gets_utf8_columns_when_asked(client: LanguageClient, tmp_path):
    # ALE announces no position encoding (so LSP says UTF-16) but counts bytes.
    result = await start(client, "bare", root=tmp_path, options={"gailint": {"position-encoding": "utf-8"}})
    assert result.capabilities.position_encoding == "utf-8"
    text = SEED_003.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    published = await wait_published(client, uri, 1)
    assert got_diagnostics(published.diagnostics) == expected_diagnostics(text, str(tmp_path / "report.txt"), "utf-8")
    label = next(d for d in published.diagnostics if d.code == "GAI201")
    line = text.splitlines()[label.range.start.line].encode("utf-8")
    assert line[label.range.start.character : label.range.end.character].decode("utf-8") == "本年度止件数"


async def test_a_bad_position_encoding_is_reported_and_negotiation_kept(client: LanguageClient, tmp_path):
    result = await start(client, "visual-studio-code", root=tmp_path, options={"position-encoding": "bytes"})
    assert result.capabilities.position_encoding == "utf-16"
    await asyncio.sleep(0.2)
    assert any("position-encoding" in m.message for m in client.messages), client.messages


async def test_run_on_save_pushes_at_open_and_save_only(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"run": "onSave", "debounce": 0}})
    text = SEED_003.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    first = await wait_published(client, uri, 1)
    assert "GAI701" not in {d.code for d in first.diagnostics}
    n = len(client.published)
    change_doc(client, uri, 2, [(types.Range(types.Position(1, 0), types.Position(1, 0)), INSERT_JUNK)])
    await asyncio.sleep(0.6)
    assert client.published[n:] == []  # typing does not lint
    _save(client, uri)
    saved = await wait_published(client, uri, 2, after=n)
    assert "GAI701" in {d.code for d in saved.diagnostics}


async def test_run_on_save_pull_keeps_the_saved_result_until_the_next_save(client: LanguageClient, tmp_path):
    caps = capabilities("neovim")
    await start(client, caps, root=tmp_path, options={"gailint": {"run": "onSave"}})
    text = SEED_003.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    first = await _pull(client, uri)
    assert first.kind == "full" and "GAI701" not in {d.code for d in first.items}
    change_doc(client, uri, 2, [(types.Range(types.Position(1, 0), types.Position(1, 0)), INSERT_JUNK)])
    typed = await _pull(client, uri, first.result_id)
    assert typed.kind == "unchanged" and typed.result_id == first.result_id
    _save(client, uri)
    saved = await _pull(client, uri, first.result_id)
    assert saved.kind == "full" and "GAI701" in {d.code for d in saved.items}


async def test_run_on_type_pull_follows_every_version(client: LanguageClient, tmp_path):
    await start(client, "neovim", root=tmp_path, options={"gailint": {"run": "onType"}})
    text = SEED_003.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    first = await _pull(client, uri)
    change_doc(client, uri, 2, [(types.Range(types.Position(1, 0), types.Position(1, 0)), INSERT_JUNK)])
    typed = await _pull(client, uri, first.result_id)
    assert typed.kind == "full" and "GAI701" in {d.code for d in typed.items}


async def test_a_bad_run_mode_is_reported_and_typing_still_lints(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"run": "sometimes", "debounce": 0}})
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, SEED_003.read_text(encoding="utf-8"))
    await wait_published(client, uri, 1)
    change_doc(client, uri, 2, [(types.Range(types.Position(1, 0), types.Position(1, 0)), INSERT_JUNK)])
    typed = await wait_published(client, uri, 2)
    assert "GAI701" in {d.code for d in typed.diagnostics}
    assert any("run" in m.message and "onSave" in m.message for m in client.messages)


async def test_inspect_request_returns_what_the_cli_prints_for_the_buffer(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path)
    path = tmp_path / "report.txt"
    text = SEED_003.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    open_doc(client, uri, text)
    got = await client.protocol.send_request_async("gailint/inspect", {"uri": uri})
    cli = subprocess.run([sys.executable, "-m", "gailint", "inspect", str(path)], capture_output=True, text=True)
    assert got.text == cli.stdout
    assert got.model.tables.table3 is not None
    # The unsaved buffer is what is shown: the title edited in the editor only.
    changed = text.replace("# 新绛县三泉镇人民政府", "# 某某镇人民政府", 1)
    assert changed != text
    change_doc(client, uri, 2, [(None, changed)])
    again = await client.protocol.send_request_async("gailint/inspect", {"uri": uri})
    assert "某某镇人民政府" in again.text and "某某镇人民政府" not in got.text
    assert await client.protocol.send_request_async("gailint/inspect", {"uri": "file:///nowhere.txt"}) is None
