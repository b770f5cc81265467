"""Raw JSON-RPC over stdio: malformed messages never stop the server."""

from __future__ import annotations

import json
import subprocess
import threading

from lsp_helpers import SERVER_COMMAND


class RawClient:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(SERVER_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
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
