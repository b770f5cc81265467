"""Language-server benchmark (a script, not a test; the README states the figures).

    python bench/server_bench.py

- latency from didChange to the publishDiagnostics of that version, debounce 0,
  p50 and p95 over 200 single-character edits, on a 10 KB and on a 1 MB report;
- resident memory (RSS) of the server process with 20 reports open.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("0*.txt"))


class Client:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gailint", "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.published: dict[tuple[str, int], float] = {}
        self.responses: dict[int, dict] = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = 0
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length"):
                    length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            with self.cond:
                if msg.get("method") == "textDocument/publishDiagnostics":
                    p = msg["params"]
                    self.published[(p["uri"], p.get("version"))] = time.perf_counter()
                elif "id" in msg and "method" not in msg:
                    self.responses[msg["id"]] = msg
                elif "id" in msg:  # a request from the server (registerCapability…)
                    self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                self.cond.notify_all()

    def send(self, obj: dict) -> None:
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, id_: int, method: str, params: dict) -> dict:
        self.send({"jsonrpc": "2.0", "id": id_, "method": method, "params": params})
        with self.cond:
            self.cond.wait_for(lambda: id_ in self.responses, timeout=30)
            return self.responses[id_]

    def wait_published(self, uri: str, version: int, timeout: float = 60) -> float:
        with self.cond:
            self.cond.wait_for(lambda: (uri, version) in self.published, timeout=timeout)
            return self.published[(uri, version)]

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        self.proc.kill()


def start() -> Client:
    c = Client()
    c.request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": {"gailint": {"debounce": 0}}})
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    return c


def report_of(size: int) -> str:
    """A report of about ``size`` bytes: seed 003 followed by numbered paragraphs of
    real report prose (the same text `bench.py` lints as its 1 MB report)."""
    text = SEEDS[3].read_text(encoding="utf-8")
    prose = [ln for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines() if len(ln) > 60]
    parts, total, i = [text], len(text.encode("utf-8")), 0
    while total < size:
        line = prose[i % len(prose)] + f"（第{i}段）\n"
        parts.append(line)
        total += len(line.encode("utf-8"))
        i += 1
    return "".join(parts)


def latency(c: Client, name: str, text: str, edits: int = 200) -> list[float]:
    uri = f"file:///bench/{name}.txt"
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
    c.wait_published(uri, 1)
    rnd = random.Random(1)
    lines = text.count("\n")
    times = []
    for v in range(2, edits + 2):
        line = rnd.randrange(lines)
        sent = time.perf_counter()
        c.send({
            "jsonrpc": "2.0",
            "method": "textDocument/didChange",
            "params": {
                "textDocument": {"uri": uri, "version": v},
                "contentChanges": [{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "政"}],
            },
        })
        times.append(c.wait_published(uri, v) - sent)
    return times


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))] * 1000


def main() -> None:
    c = start()
    try:
        for name, size in (("10kb", 10_000), ("1mb", 1_000_000)):
            text = report_of(size)
            t = latency(c, name, text, 200)
            print(f"{name}: {len(text.encode('utf-8')) / 1000:.0f} KB, didChange→publishDiagnostics "
                  f"p50 {pct(t, 0.5):.1f} ms, p95 {pct(t, 0.95):.1f} ms over {len(t)} edits")
    finally:
        c.close()
    c = start()
    try:
        for i in range(20):
            text = SEEDS[i % len(SEEDS)].read_text(encoding="utf-8")
            uri = f"file:///bench/open{i}.txt"
            c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
            c.wait_published(uri, 1)
        print(f"memory with 20 open reports: {c.rss_mb():.0f} MB RSS")
    finally:
        c.close()


if __name__ == "__main__":
    main()
