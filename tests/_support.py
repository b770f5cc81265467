"""Shared helpers of the top-level tests: the seed reports and a lint shortcut."""

from __future__ import annotations

from pathlib import Path

from gailint.config import Settings
from gailint.engine.linter import Linter

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


def seed_text(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def lint_text(linter: Linter, text: str, path: str = "report.txt", select=("GAI",), **settings):
    return linter.lint(text, path, Settings(select=tuple(select), **settings))[1]


def output_on_a_terminal(command: list[str], cwd, *, stream: str = "stdout", env: dict | None = None) -> tuple[int, str]:
    """Run ``command`` with ``stream`` (stdout or stderr) on a pseudo-terminal, the
    other one discarded; return its exit code and what it wrote there."""
    import os
    import pty
    import subprocess

    master, slave = pty.openpty()
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: slave}
    proc = subprocess.Popen(command, cwd=cwd, env=env, **streams)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait()
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")
