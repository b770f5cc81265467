"""Diagnostics end to end: push (VS Code), pull (Neovim), versions, close, config."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import (
    SEEDS,
    capabilities,
    change_doc,
    document_text,
    expected_diagnostics,
    got_diagnostics,
    open_doc,
    start,
    uri_of,
    wait_published,
)

SEED_IDS = [p.name[:3] for p in SEEDS]


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
async def test_seed_diagnostics_pushed_to_vscode(client: LanguageClient, seed):
    result = await start(client, "visual-studio-code", root=seed.parent)
    assert result.capabilities.position_encoding == "utf-16"
    assert result.capabilities.diagnostic_provider is None  # VS Code 1.65 does not pull
    text = seed.read_text(encoding="utf-8")
    uri = uri_of(seed)
    open_doc(client, uri, text, version=7)
    published = await wait_published(client, uri, 7)
    assert got_diagnostics(published.diagnostics) == expected_diagnostics(text, str(seed), "utf-16")
    assert published.diagnostics, "every seed has findings"
    for d in published.diagnostics:
        assert d.source == "gailint"
        assert d.code_description is not None and d.code_description.href.endswith(f"{d.code}.html")
        assert d.data["version"] == 7


async def test_seed_003_label_spot_check(client: LanguageClient):
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    await start(client, "visual-studio-code", root=seed.parent)
    text = seed.read_text(encoding="utf-8")
    uri = uri_of(seed)
    open_doc(client, uri, text)
    published = await wait_published(client, uri, 1)
    label = [d for d in published.diagnostics if d.code == "GAI201"]
    assert len(label) == 1
    d = label[0]
    assert d.range.start.line == 25  # line 26, 1-based
    line = text.splitlines()[25]
    assert line[d.range.start.character : d.range.end.character] == "本年度止件数"  # all BMP: UTF-16 = code points
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.data["fix"]["title"] == "改为“本年废止件数”"
    start_offset = text.index("本年度止件数")
    assert d.data["fix"]["edits"] == [[start_offset, start_offset + 6, "本年废止件数"]]


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
async def test_seed_diagnostics_pulled_by_neovim(client: LanguageClient, seed):
    result = await start(client, "neovim", root=seed.parent)
    # Neovim 0.11 offers utf-8 first: the server takes the client's preference.
    assert result.capabilities.position_encoding == "utf-8"
    assert result.capabilities.diagnostic_provider is not None
    text = seed.read_text(encoding="utf-8")
    uri = uri_of(seed)
    open_doc(client, uri, text)
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))
    )
    assert report.kind == "full"
    assert got_diagnostics(report.items) == expected_diagnostics(text, str(seed), "utf-8")
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri), previous_result_id=report.result_id)
    )
    assert again.kind == "unchanged" and again.result_id == report.result_id
    assert client.published == []  # a pull client gets no pushes


async def test_only_last_version_is_published_and_close_clears(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"debounce": 0.3}})
    seed = SEEDS[3]
    text = seed.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    await wait_published(client, uri, 1)
    n = len(client.published)
    # Five quick edits inside the debounce window: only version 6 is linted and shown.
    for v in range(2, 7):
        change_doc(client, uri, v, [(types.Range(types.Position(0, 0), types.Position(0, 0)), "甲")])
    published = await wait_published(client, uri, 6, after=n)
    await asyncio.sleep(0.4)
    assert [p.version for p in client.published[n:]] == [6]
    assert got_diagnostics(published.diagnostics) == expected_diagnostics("甲" * 5 + text, str(tmp_path / "report.txt"), "utf-16")
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    cleared = await wait_published(client, uri, None, after=n + 1)
    assert list(cleared.diagnostics) == []


async def test_config_file_change_relints_open_documents(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path)
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    path = tmp_path / "report.txt"
    shutil.copy(seed, path)
    (tmp_path / "gailint.toml").write_text('ignore = ["GAI7"]\n', encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    uri = uri_of(path)
    open_doc(client, uri, text)
    first = await wait_published(client, uri, 1)
    codes = {d.code for d in first.diagnostics}
    assert "GAI201" in codes and not any(c.startswith("GAI7") for c in codes)
    n = len(client.published)
    (tmp_path / "gailint.toml").write_text('ignore = ["GAI7", "GAI201"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(tmp_path / "gailint.toml"), type=types.FileChangeType.Changed)]
        )
    )
    second = await wait_published(client, uri, 1, after=n)
    assert {d.code for d in second.diagnostics} == codes - {"GAI201"}
    # The server asked to watch the config files.
    watch = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watch and "**/gailint.toml" in str(watch[0].register_options)


async def test_config_change_seen_on_save_without_watchers(client: LanguageClient, tmp_path):
    await start(client, "neovim@0.7", root=tmp_path)
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    path = tmp_path / "report.txt"
    shutil.copy(seed, path)
    config = tmp_path / "gailint.toml"
    config.write_text("", encoding="utf-8")
    uri = uri_of(path)
    open_doc(client, uri, path.read_text(encoding="utf-8"))
    first = await wait_published(client, uri, 1)
    assert "GAI201" in {d.code for d in first.diagnostics}
    n = len(client.published)
    await asyncio.sleep(0.02)  # a different modification time
    config.write_text('ignore = ["GAI201"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    second = await wait_published(client, uri, 1, after=n)
    assert "GAI201" not in {d.code for d in second.diagnostics}


async def test_pull_client_gets_refresh_on_config_change(client: LanguageClient, tmp_path):
    caps = capabilities("neovim")
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    await start(client, caps, root=tmp_path)
    (tmp_path / "gailint.toml").write_text("", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=uri_of(tmp_path / "gailint.toml"), type=types.FileChangeType.Created)]
        )
    )
    for _ in range(200):
        if client.diagnostic_refresh_count:
            break
        await asyncio.sleep(0.02)
    assert client.diagnostic_refresh_count == 1


async def test_client_settings_override_config(client: LanguageClient, tmp_path):
    client.set_configuration({"ignore": ["GAI3"], "severity": {"GAI201": "warning"}}, section="gailint")
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"ignore": ["GAI7"]}})
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    text = seed.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    await asyncio.sleep(0.3)  # workspace/configuration answered
    open_doc(client, uri, text)
    published = await wait_published(client, uri, 1)
    codes = {d.code for d in published.diagnostics}
    # workspace/configuration wins over initializationOptions: GAI3 ignored, GAI7 back.
    assert not any(c.startswith("GAI3") for c in codes)
    assert any(c.startswith("GAI7") for c in codes)
    label = next(d for d in published.diagnostics if d.code == "GAI201")
    assert label.severity == types.DiagnosticSeverity.Warning
    # The user changes the setting: everything is linted again.
    n = len(client.published)
    client.set_configuration({"ignore": ["GAI201"]}, section="gailint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    again = await wait_published(client, uri, 1, after=n)
    codes = {d.code for d in again.diagnostics}
    assert "GAI201" not in codes and "GAI302" in codes


async def test_broken_settings_are_shown_and_defaults_used(client: LanguageClient, tmp_path):
    (tmp_path / "gailint.toml").write_text("select = [\n", encoding="utf-8")  # a TOML syntax error
    await start(
        client, "visual-studio-code", root=tmp_path, options={"select": ["NOPE9"], "debounce": "fast"}
    )
    seed = next(p for p in SEEDS if p.name.startswith("003"))
    text = seed.read_text(encoding="utf-8")
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    published = await wait_published(client, uri, 1)
    assert "GAI201" in {d.code for d in published.diagnostics}  # still linting, with defaults
    messages = [m.message for m in client.messages if m.type == types.MessageType.Error]
    assert any("gailint.toml" in m and "TOML" in m for m in messages), messages
    assert any("NOPE9" in m for m in messages), messages
    assert any("debounce" in m for m in messages), messages
    # The server is alive and well.
    version, current = await document_text(client, uri)
    assert (version, current) == (1, text)
