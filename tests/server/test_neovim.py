"""A real client: headless Neovim with editors/neovim attaches `gailint server`, opens
each seed, and `vim.diagnostic.get()` must show the CLI's codes at the CLI's places."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lsp_helpers import ROOT, SEEDS

NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (apt-get install neovim; .ci/run does)")

INIT = """
vim.opt.runtimepath:prepend({plugin})
vim.opt.swapfile = false
require("gailint").setup({{ cmd = {{ {python}, "-m", "gailint", "server" }} }})
"""

COLLECT = """
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
vim.wait(500)
local out = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, {{ code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), lnum = d.lnum, col = d.col, source = d.source }})
end
vim.fn.writefile({{ vim.fn.json_encode({{ ok = ok, items = out }}) }}, {out})
vim.cmd("qa!")
"""


def _lua(s: str) -> str:
    return json.dumps(s)  # a JSON string is a valid Lua string literal here


def expected(seed: Path) -> list[tuple[str, int, int]]:
    """(code, 0-based line, 0-based byte column) of what `gailint check` reports."""
    out = subprocess.run(
        [sys.executable, "-m", "gailint", "check", "--output-format", "json", str(seed)], capture_output=True, text=True
    )
    text = seed.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for d in json.loads(out.stdout):
        line = d["start"]["line"] - 1
        col = len(lines[line][: d["start"]["column"] - 1].encode("utf-8"))
        found.append((d["code"], line, col))
    return sorted(found)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_neovim_shows_the_cli_diagnostics(tmp_path, seed):
    report = tmp_path / seed.name
    shutil.copy(seed, report)
    (tmp_path / "gailint.toml").write_text("", encoding="utf-8")  # makes every .txt here a report
    init = tmp_path / "init.lua"
    init.write_text(INIT.format(plugin=_lua(str(ROOT / "editors" / "neovim")), python=_lua(sys.executable)), encoding="utf-8")
    collect = tmp_path / "collect.lua"
    result = tmp_path / "result.json"
    collect.write_text(COLLECT.format(out=_lua(str(result))), encoding="utf-8")
    proc = subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-u", str(init), str(report), "-c", f"luafile {collect}"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.exists(), proc.stderr
    data = json.loads(result.read_text(encoding="utf-8"))
    assert data["ok"], "no diagnostics arrived"
    got = sorted((d["code"], d["lnum"], d["col"]) for d in data["items"])
    assert got == expected(report)
    assert {d["source"] for d in data["items"]} == {"gailint"}
