"""“禁用 GAIxxx（本文件）” for text reports: a new gailint.toml via CreateFile when the
client can create files, a plain edit of an existing config otherwise."""

from __future__ import annotations

import shutil

from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import SEEDS, apply_text_edits, disable_actions, open_doc, start, uri_of, wait_published

SEED_003 = next(p for p in SEEDS if p.name.startswith("003"))


async def test_disable_creates_gailint_toml_when_the_client_can(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path)  # documentChanges + create
    report = tmp_path / "sub" / "report.txt"
    report.parent.mkdir()
    shutil.copy(SEED_003, report)
    uri = uri_of(report)
    open_doc(client, uri, report.read_text(encoding="utf-8"))
    published = await wait_published(client, uri, 1)
    (action,) = await disable_actions(client, uri, published, "GAI201")
    create, edit = action.edit.document_changes
    config_uri = uri_of(tmp_path / "gailint.toml")
    assert isinstance(create, types.CreateFile) and create.uri == config_uri
    assert isinstance(edit, types.TextDocumentEdit) and edit.text_document.uri == config_uri
    (tmp_path / "gailint.toml").write_text(apply_text_edits("", list(edit.edits), "utf-16"), encoding="utf-8")
    # The editor saves the new file and tells the server: GAI201 is gone.
    n = len(client.published)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config_uri, type=types.FileChangeType.Created)])
    )
    again = await wait_published(client, uri, 1, after=n)
    assert "GAI201" not in {d.code for d in again.diagnostics}


async def test_no_create_action_for_a_client_that_cannot_create_files(client: LanguageClient, tmp_path):
    await start(client, "neovim@0.7", root=tmp_path)  # no documentChanges
    report = tmp_path / "report.txt"
    shutil.copy(SEED_003, report)
    uri = uri_of(report)
    open_doc(client, uri, report.read_text(encoding="utf-8"))
    published = await wait_published(client, uri, 1)
    assert await disable_actions(client, uri, published, "GAI201") == []
    # With a config file to edit, the action is a plain text edit in `changes`.
    (tmp_path / "gailint.toml").write_text("", encoding="utf-8")
    (action,) = await disable_actions(client, uri, published, "GAI201")
    assert action.edit.document_changes is None and list(action.edit.changes) == [uri_of(tmp_path / "gailint.toml")]

