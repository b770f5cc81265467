"""Rule packs in the editor: selected by the workspace's config or the editor's
settings; a broken pack is shown to the user and the document is still checked."""

from __future__ import annotations

from pathlib import Path

from lsp_helpers import FIXTURES, RawClient

HENAN_SEED = (FIXTURES / "000_d63fade97a3a65e1.txt").read_text(encoding="utf-8")


def open_and_collect(folder: Path, options: dict | None = None) -> tuple[set[str], list[str]]:
    """Open report.txt in ``folder``; the codes published for it and the messages shown."""
    client = RawClient(cwd=folder)
    messages: list[str] = []
    try:
        params = {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}}
        if options is not None:
            params["initializationOptions"] = options
        client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": params})
        client.response(1)
        client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        uri = (folder / "report.txt").as_uri()
        doc = {"uri": uri, "languageId": "plaintext", "version": 1, "text": HENAN_SEED}
        client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": doc}})
        while True:
            msg = client.read()
            if msg.get("method") == "window/showMessage":
                messages.append(msg["params"]["message"])
            elif msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return {d["code"] for d in msg["params"]["diagnostics"]}, messages
            elif "id" in msg and "method" in msg:
                client.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
    finally:
        client.close()


def test_the_workspace_config_selects_a_pack(tmp_path):
    (tmp_path / "gailint.toml").write_text('packs = ["henan"]\n', encoding="utf-8")
    codes, messages = open_and_collect(tmp_path)
    assert "HEN002" in codes and messages == []


def test_the_editor_settings_select_a_pack(tmp_path):
    codes, _ = open_and_collect(tmp_path, {"gailint": {"packs": ["sichuan"]}})
    assert {"SCH001", "SCH002"} <= codes and "HEN002" not in codes
    codes, _ = open_and_collect(tmp_path)
    assert not any(c.startswith(("HEN", "SCH")) for c in codes)


def test_a_broken_pack_is_shown_and_the_document_is_still_checked(tmp_path):
    (tmp_path / "ours.toml").write_text('[pack]\nname = "ours"\nversion = "1"\nflavour = "x"\n', encoding="utf-8")
    (tmp_path / "gailint.toml").write_text('packs = ["ours.toml", "henan"]\n', encoding="utf-8")
    codes, messages = open_and_collect(tmp_path)
    assert f"{tmp_path / 'ours.toml'}:4: pack.flavour: 未知的键；可用的有：name, version, description, province, overrides, sources" in messages
    assert "HEN002" in codes and "GAI401" in codes
