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


def _messages_until_diagnostics(c: RawClient, uri: str) -> tuple[list[str], list[dict]]:
    """(window/showMessage texts, then the diagnostics published for ``uri``)."""
    shown = []
    while True:
        msg = c.read()
        if msg.get("method") == "window/showMessage":
            shown.append(msg["params"]["message"])
        elif msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
            return shown, msg["params"]["diagnostics"]
        elif "id" in msg and "method" in msg:
            c.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})


def _start_in(tmp_path) -> tuple[RawClient, str, list[str]]:
    """A server initialised on ``tmp_path`` with r.txt open, and what it showed so far."""
    c = RawClient(cwd=tmp_path)
    c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
    shown = []
    while True:
        msg = c.read()
        if msg.get("method") == "window/showMessage":
            shown.append(msg["params"]["message"])
        elif msg.get("id") == 1:
            assert "result" in msg and "capabilities" in msg["result"], msg
            break
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = (tmp_path / "r.txt").as_uri()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": "当前位置：首页\n"}}})
    return c, uri, shown


def test_a_gbk_workspace_config_does_not_fail_initialize(tmp_path):
    # The workspace's pyproject.toml saved as GBK: initialize still succeeds, the
    # error is shown in one line naming the file, and linting runs with defaults.
    (tmp_path / "pyproject.toml").write_bytes("[tool.gailint]\n# 年报\nselect = ['GAI2']\n".encode("gbk"))
    c, uri, shown = _start_in(tmp_path)
    try:
        later, diagnostics = _messages_until_diagnostics(c, uri)
        shown += later
        assert any("pyproject.toml" in m and "UTF-8" in m and "\n" not in m for m in shown), shown
        assert "GAI701" in {d["code"] for d in diagnostics}
    finally:
        c.close()


def test_a_pack_allowed_but_not_installed_is_shown_and_the_defaults_run(tmp_path):
    (tmp_path / "gailint.toml").write_text("[plugins]\nallow = ['nope']\n", encoding="utf-8")
    c, uri, shown = _start_in(tmp_path)
    try:
        later, diagnostics = _messages_until_diagnostics(c, uri)
        shown += later
        assert any("nope" in m and "gailint.toml" in m for m in shown), shown
        assert "GAI701" in {d["code"] for d in diagnostics}
    finally:
        c.close()



# ------------------------------------------------------------------ the end of a session


def _initialized(c: RawClient) -> None:
    c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    c.response(1)
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})


def test_a_request_after_shutdown_gets_invalid_request_and_exit_then_exits_0():
    c = RawClient()
    try:
        _initialized(c)
        c.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        assert c.response(2)["result"] is None
        # The spec: "requests after a shutdown request should error with InvalidRequest".
        c.send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///r.txt"}, "position": {"line": 0, "character": 0}}})
        assert c.response(3)["error"]["code"] == -32600
        c.send({"jsonrpc": "2.0", "method": "exit"})
        assert c.proc.wait(timeout=10) == 0
    finally:
        c.close()


def test_exit_without_shutdown_exits_1():
    c = RawClient()
    try:
        _initialized(c)
        c.send({"jsonrpc": "2.0", "method": "exit"})
        assert c.proc.wait(timeout=10) == 1
    finally:
        c.close()


def test_malformed_messages_are_logged_in_one_line_each(tmp_path):
    log = (tmp_path / "stderr.txt").open("w+b")
    c = RawClient(stderr=log)
    try:
        _initialized(c)
        c.send_raw(b"{not json")
        c.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": 3}, "position": "x"}})
        assert "error" in c.response(2)
        c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///x.txt"}, "contentChanges": "nonsense"}})
        c.send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
        c.response(3)
        c.send({"jsonrpc": "2.0", "method": "exit"})
        c.proc.wait(timeout=10)
    finally:
        c.close()
    log.seek(0)
    lines = log.read().decode("utf-8", "replace").splitlines()
    assert lines, "nothing was logged about the malformed messages"
    assert not [ln for ln in lines if "Traceback" in ln or ln.startswith((" ", "\t"))], "\n".join(lines)
    assert all(ln.startswith("gailint: ") for ln in lines), "\n".join(lines)
