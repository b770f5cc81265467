"""Finding the real editors the integration tests drive, and running them.

Locally a missing editor skips its tests; under CI (CI=true) it fails them, because
.ci/run installs every one of them and a skipped editor test would prove nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED_003 = FIXTURES / "003_bfabfd0488fd8ed4.txt"
VENV_BIN = Path(sys.executable).parent  # holds the gailint script of this install
REPORT_NAME = "某区2022年政府信息公开工作年度报告.txt"  # matched by the default name pattern


def missing(what: str, how: str) -> None:
    """Skip (or, under CI, fail) a test whose program is not installed."""
    message = f"{what} is not installed ({how})"
    if os.environ.get("CI"):
        pytest.fail(message + "; .ci/run must install it")
    pytest.skip(message)


def lua(s: str) -> str:
    """A Lua or Vim string literal (LuaJIT knows no \\u escapes: keep UTF-8 as is)."""
    return json.dumps(s, ensure_ascii=False)


def env_with_gailint(path_first: Path | None = VENV_BIN) -> dict[str, str]:
    """The environment, with ``path_first`` (the venv's bin by default) first on PATH,
    or with no folder holding a gailint program at all when it is None."""
    env = dict(os.environ)
    parts = [p for p in env.get("PATH", "").split(os.pathsep) if p and not (Path(p) / "gailint").exists()]
    if path_first is not None:
        parts.insert(0, str(path_first))
    env["PATH"] = os.pathsep.join(parts)
    env.pop("VIRTUAL_ENV", None)
    return env


def run_script(argv: list[str], out: Path, cwd: Path, env: dict[str, str] | None = None, timeout: float = 90) -> dict:
    """Run an editor that writes a JSON result to ``out``; return that result."""
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env, stdin=subprocess.DEVNULL)
    assert out.exists(), f"{argv[0]} wrote no result (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


def report_copy(folder: Path) -> Path:
    """Seed 003 copied into ``folder`` under a report name."""
    report = folder / REPORT_NAME
    shutil.copy(SEED_003, report)
    return report


def cli_diagnostics(path: Path) -> list[dict]:
    """What `gailint check` reports for ``path`` (JSON)."""
    out = subprocess.run(
        [sys.executable, "-m", "gailint", "check", "--output-format", "json", str(path)], capture_output=True, text=True
    )
    return json.loads(out.stdout)


def byte_col(line: str, column: int) -> int:
    """1-based UTF-8 byte column of 1-based code-point ``column`` in ``line``."""
    return len(line[: column - 1].encode("utf-8")) + 1
