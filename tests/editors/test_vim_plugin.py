"""editors/vim in the real Vim, headless (vim -Nu NONE -es): the compiler and
quickfix list, report detection, finding gailint, and ALE's highlights."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from programs import (
    REPORT_NAME,
    ROOT,
    SEED_003,
    VENV_BIN,
    byte_col,
    cli_diagnostics,
    env_with_gailint,
    lua,
    missing,
    report_copy,
    run_script,
)

PLUGIN = ROOT / "editors" / "vim"
ALE_PACK = Path("/usr/share/vim/vimfiles")  # Debian's vim-ale: `packadd ale` finds it here


@pytest.fixture(scope="module")
def vim() -> str:
    path = shutil.which("vim")
    if path is None:
        missing("Vim", "apt-get install vim")
    return path


def run_vim(vim: str, tmp_path: Path, body: str, env=None, packs: str = "") -> dict:
    """Run ``body`` (Vim script that fills g:out) in a headless Vim with the plugin."""
    out = tmp_path / "out.json"
    script = tmp_path / "test.vim"
    script.write_text(
        f"set rtp^={PLUGIN}\n{packs}filetype plugin on\nlet g:out = {{}}\n{body}\n"
        f"call writefile([json_encode(g:out)], {lua(str(out))})\nqa!\n",
        encoding="utf-8",
    )
    return run_script([vim, "-Nu", "NONE", "-es", "-S", str(script)], out, tmp_path, env or env_with_gailint())


def test_make_fills_the_quickfix_list_with_byte_columns(vim, tmp_path):
    report = report_copy(tmp_path)
    got = run_vim(
        vim,
        tmp_path,
        f"""
edit {REPORT_NAME}
let g:out.filetype = &filetype
silent make!
let g:out.qf = getqflist()
" Jump to the label diagnostic: the cursor must sit on the wrong label.
let s:i = index(map(copy(g:out.qf), 'v:val.text =~# "^GAI201 "'), 1)
execute 'cc' (s:i + 1)
let g:out.cursor = [line('.'), col('.')]
let g:out.under_cursor = strpart(getline('.'), col('.') - 1, 18)
""",
    )
    assert got["filetype"] == "text.gailint"
    lines = report.read_text(encoding="utf-8").splitlines()
    expected = [
        (d["start"]["line"], byte_col(lines[d["start"]["line"] - 1], d["start"]["column"]), d["code"], d["message"])
        for d in cli_diagnostics(report)
    ]
    got_items = [(q["lnum"], q["col"], *q["text"].split(" ", 1)) for q in got["qf"] if q["valid"]]
    assert got_items == expected
    assert all(q["bufnr"] == got["qf"][0]["bufnr"] for q in got["qf"])
    # Line 26 is Chinese: byte column 33 is character 13, where 本年度止件数 starts.
    assert got["cursor"] == [26, 33]
    assert got["under_cursor"] == "本年度止件数"


def test_report_detection_by_name_and_by_config_folder(vim, tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "project" / "drafts").mkdir(parents=True)
    (tmp_path / "project" / "gailint.toml").write_text("ignore = []\n", encoding="utf-8")
    (tmp_path / "py").mkdir()
    (tmp_path / "py" / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    (tmp_path / "pygl").mkdir()
    (tmp_path / "pygl" / "pyproject.toml").write_text("[tool.gailint]\nignore = []\n", encoding="utf-8")
    files = {
        "plain/" + REPORT_NAME: "text.gailint",
        "plain/2023年报.md": "markdown.gailint",
        "plain/某区年度报告.html": "html.gailint",
        "plain/notes.txt": "text",
        "plain/notes.md": "markdown",
        "project/drafts/notes.txt": "text.gailint",
        "project/drafts/notes.md": "markdown.gailint",
        "py/notes.txt": "text",
        "pygl/notes.txt": "text.gailint",
    }
    body = "\n".join(f"edit {name}\nlet g:out[{lua(name)}] = [&filetype, &l:makeprg]" for name in files)
    got = run_vim(vim, tmp_path, body)
    assert {name: ft for name, (ft, _) in got.items()} == files
    # Report buffers get the compiler; other text files keep Vim's default makeprg.
    assert "--column-unit byte" in got["plain/" + REPORT_NAME][1]
    assert "gailint" not in got["plain/notes.txt"][1]


def test_gailint_found_in_the_project_venv_or_a_clear_warning(vim, tmp_path):
    project = tmp_path / "project"
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / "reports").mkdir()
    gailint = project / ".venv" / "bin" / "gailint"
    gailint.symlink_to(VENV_BIN / "gailint")
    shutil.copy(SEED_003, project / "reports" / REPORT_NAME)
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(SEED_003, tmp_path / "elsewhere" / REPORT_NAME)
    got = run_vim(
        vim,
        tmp_path,
        f"""
edit project/reports/{REPORT_NAME}
let g:out.venv_makeprg = &l:makeprg
let g:out.venv_server = gailint#server_command()
silent make!
let g:out.venv_codes = len(getqflist())
edit elsewhere/{REPORT_NAME}
let g:out.none_server = gailint#server_command()
let g:out.messages = execute('messages')
""",
        env=env_with_gailint(None),
    )
    assert got["venv_makeprg"].startswith(str(gailint))
    assert got["venv_server"] == [str(gailint), "server"]
    assert got["venv_codes"] > 5
    assert got["none_server"] == []
    assert "找不到 gailint 程序" in got["messages"] and "elsewhere" in got["messages"]


def test_ale_highlights_land_on_the_reported_chinese_characters(vim, tmp_path):
    if not (ALE_PACK / "pack" / "dist-bundle" / "opt" / "ale").is_dir():
        missing("ALE", "apt-get install vim-ale")
    report = report_copy(tmp_path)
    got = run_vim(
        vim,
        tmp_path,
        f"""
let g:ale_lint_on_enter = 1
edit {REPORT_NAME}
let s:n = 0
while s:n < 300 && empty(ale#engine#GetLoclist(bufnr('')))
  sleep 100m
  let s:n += 1
endwhile
sleep 300m
let g:out.loclist = ale#engine#GetLoclist(bufnr(''))
let g:out.matches = filter(getmatches(), 'v:val.group =~# "^ALE"')
""",
        packs=f"set packpath^={ALE_PACK}\npackadd ale\n",
    )
    lines = report.read_text(encoding="utf-8").splitlines()
    cli = cli_diagnostics(report)
    assert sorted((d["code"], d["lnum"], d["col"]) for d in got["loclist"]) == sorted(
        (d["code"], d["start"]["line"], byte_col(lines[d["start"]["line"] - 1], d["start"]["column"])) for d in cli
    )
    # The highlight of the label on line 26 covers exactly 本年度止件数 (18 bytes).
    (label,) = [m for m in got["matches"] if m["pos1"][0] == 26]
    line, col, length = label["pos1"]
    assert lines[25].encode("utf-8")[col - 1 : col - 1 + length].decode("utf-8") == "本年度止件数"
    for d in got["loclist"]:
        if d["lnum"] == d.get("end_lnum", d["lnum"]) and "end_col" in d:
            text = lines[d["lnum"] - 1].encode("utf-8")
            cli_item = next(c for c in cli if c["code"] == d["code"] and c["start"]["line"] == d["lnum"])
            if cli_item["end"]["line"] == cli_item["start"]["line"]:
                want = lines[d["lnum"] - 1][cli_item["start"]["column"] - 1 : cli_item["end"]["column"] - 1]
                assert text[d["col"] - 1 : d["end_col"]].decode("utf-8") == want
