"""Raw JSON-RPC over stdio: malformed messages never stop the server."""

from __future__ import annotations

from lsp_helpers import RawClient, raw_diagnostics as _diagnostics


def test_malformed_messages_are_answered_or_ignored_and_the_server_keeps_going():
    c = RawClient()
    try:
        c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        assert "capabilities" in c.response(1)["result"]
        c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        c.send_raw(b"{not json")
        c.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": 3}, "position": "x"}})
        assert "error" in c.response(2)
        c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///x.txt"}, "contentChanges": "nonsense"}})
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///x.txt"}}})
        c.send({"jsonrpc": "2.0", "id": 3, "method": "no/such/method", "params": {}})
        assert "error" in c.response(3)
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///r.txt", "languageId": "plaintext", "version": 1, "text": "当前位置：首页\n"}}})
        c.send({"jsonrpc": "2.0", "id": 4, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "file:///r.txt"}}})
        assert "result" in c.response(4)
        assert c.proc.poll() is None
    finally:
        c.close()


def test_rule_packs_are_never_imported_from_the_workspace(tmp_path):
    # A report repository holding a folder named like the shipped pack: importing it
    # would run the repository's code. The server must load the installed pack.
    evil = tmp_path / "gailint_rules"
    (evil / "national").mkdir(parents=True)
    (evil / "__init__.py").write_text("raise SystemExit('workspace code ran')\n", encoding="utf-8")
    (evil / "national" / "__init__.py").write_text("raise SystemExit('workspace code ran')\n", encoding="utf-8")
    c = RawClient(cwd=tmp_path)
    try:
        root = tmp_path.as_uri()
        c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": root, "capabilities": {}}})
        c.response(1)
        c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        uri = (tmp_path / "r.txt").as_uri()
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "当前位置：首页\n"}}})
        codes = {d["code"] for d in _diagnostics(c, uri)}
        assert "GAI701" in codes and c.proc.poll() is None
    finally:
        c.close()


def test_the_allow_list_limits_the_packs_the_server_loads(tmp_path):
    c = RawClient(cwd=tmp_path)
    try:
        options = {"gailint": {"plugins": {"allow": ["core"]}}}
        c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}, "initializationOptions": options}})
        c.response(1)
        c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        uri = (tmp_path / "r.txt").as_uri()
        c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "当前位置：首页\n"}}})
        codes = {d["code"] for d in _diagnostics(c, uri)}
        assert not any(code.startswith(("GAI1", "GAI7")) for code in codes)
    finally:
        c.close()
