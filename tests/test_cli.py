"""The command line, run as a user would: exit codes, formats and the JSON contract."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


from _support import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
GAILINT = [sys.executable, "-m", "gailint"]
SEED_003 = FIXTURES / "003_bfabfd0488fd8ed4.txt"


def run(*args: str, cwd: Path | None = None, input: str | bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*GAILINT, *args], capture_output=True, cwd=cwd, input=input, text=not isinstance(input, bytes)
    )


def test_json_contract_is_stable():
    out = run("check", "--output-format", "json", "--select", "GAI201", str(SEED_003))
    assert out.returncode == 1
    (item,) = json.loads(out.stdout)
    assert item == {
        "path": str(SEED_003),
        "code": "GAI201",
        "name": "nonstandard-label",
        "severity": "error",
        "message": "表格标签“本年度止件数”与模板不一致，应为“本年废止件数”",
        "start": {"line": 26, "column": 13, "offset": item["start"]["offset"]},
        "end": {"line": 26, "column": 19, "offset": item["start"]["offset"] + 6},
        "fix": {
            "title": "改为“本年废止件数”",
            "applicability": "safe",
            "edits": [{"start": item["start"]["offset"], "end": item["start"]["offset"] + 6, "text": "本年废止件数"}],
        },
        "url": (ROOT / "gailint" / "docs" / "GAI201.html").as_uri(),
    }
    text = SEED_003.read_text(encoding="utf-8")
    assert text[item["start"]["offset"] : item["end"]["offset"]] == "本年度止件数"


def test_concise_format_is_path_line_col_code_message():
    out = run("check", "--output-format", "concise", "--select", "GAI302,GAI201", str(SEED_003))
    assert out.stdout.splitlines() == [
        f"{SEED_003}:26:13: GAI201 [*] 表格标签“本年度止件数”与模板不一致，应为“本年废止件数”",
        f"{SEED_003}:69:10: GAI302 [-] （七）总计（自然人）应为 2，实为 0",
        f"{SEED_003}:69:22: GAI302 [-] （七）总计（总计）应为 2，实为 0",
        "共发现 3 个问题（错误 3）。其中 1 个可用 `gailint check --fix` 自动修复（[*]）。"
        "另有 2 个不安全的修复（[-]：会改变数字或陈述事实），核实后可用 `--unsafe-fixes` 应用。",
    ]
    unsafe = run("check", "--output-format", "concise", "--unsafe-fixes", "--select", "GAI302", str(SEED_003))
    assert unsafe.stdout.splitlines()[0] == f"{SEED_003}:69:10: GAI302 [*] （七）总计（自然人）应为 2，实为 0"


def test_concise_byte_columns_count_utf8_bytes_for_vim():
    # Vim's errorformat %c is a byte column: 二、 and the table text before the cell
    # are three bytes a character, so the byte column differs from the character one.
    out = run("check", "--output-format", "concise", "--column-unit", "byte", "--select", "GAI201", str(SEED_003))
    ((line, col),) = [tuple(map(int, l.split(":")[1:3])) for l in out.stdout.splitlines()[:-1]]  # not the summary
    source = SEED_003.read_text(encoding="utf-8").splitlines()[line - 1]
    assert (line, col) == (26, 33)
    assert source.encode("utf-8")[col - 1 :].decode("utf-8").startswith("本年度止件数")


def test_utf16_columns_and_default_code_points():
    text = "𠮷 问题的结症在于\n"  # 𠮷: 1 code point, 2 UTF-16 units, 4 bytes
    for unit, col in (("code-point", 6), ("utf-16", 7), ("byte", 15)):
        out = run("check", "--output-format", "concise", "--column-unit", unit, "--select", "GAI706", "-", input=text)
        assert out.stdout.split(":")[2] == str(col), (unit, out.stdout)


def test_column_unit_is_refused_with_json():
    out = run("check", "--output-format", "json", "--column-unit", "byte", str(SEED_003))
    assert out.returncode == 2
    assert "--column-unit" in out.stderr and out.stdout == ""


def test_text_format_marks_the_characters():
    out = run("check", "--select", "GAI201", str(SEED_003))
    lines = out.stdout.splitlines()
    assert lines[0] == f"{SEED_003}:26:13: GAI201 [*] 表格标签“本年度止件数”与模板不一致，应为“本年废止件数”"
    source, carets = lines[2], lines[3]
    # CJK characters are two cells wide: the carets sit under 本年度止件数 exactly.
    start = source.index("本年度止件数")
    prefix_width = sum(2 if ord(c) > 0x2E80 else 1 for c in source[:start])
    assert carets[prefix_width : prefix_width + 12] == "^" * 12
    assert "共发现 1 个问题" in out.stdout


def test_display_width_counts_wide_blocks_at_once_and_the_rest_per_character():
    import unicodedata

    from gailint.output import text

    # Every character of the blocks counted in one go is two cells wide.
    for a, b in text.KNOWN_WIDE:
        for c in range(ord(a), ord(b) + 1):
            assert unicodedata.east_asian_width(chr(c)) in "WF" and not unicodedata.combining(chr(c)), hex(c)
    for s in ["abc", "本年度止件数", "“当前位置”：首页 > 公开", "e\u0301 à 𠮷 ㊀ Ａ１", "\t表\u3000三\x1b[31m", ""]:
        assert text._cells(s) == sum(text._width(c) for c in text._display(s)), s


def test_exit_codes_follow_fail_on(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("政府信息公开工作年度报告\n正文。\n", encoding="utf-8")  # no year: GAI405 (info)
    assert run("check", "--select", "GAI405", str(clean)).returncode == 0  # info only
    assert run("check", "--select", "GAI405", "--fail-on", "info", str(clean)).returncode == 1
    assert run("check", "--select", "GAI201", str(SEED_003)).returncode == 1
    assert run("check", "--select", "GAI9").returncode == 2  # unknown code: usage error


def test_folder_is_walked_for_reports(tmp_path):
    shutil.copy(SEED_003, tmp_path / "a.txt")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    out = run("check", "--output-format", "json", "--select", "GAI201", str(tmp_path))
    assert {Path(d["path"]).name for d in json.loads(out.stdout)} == {"a.txt"}


def test_stdin_with_a_file_name_for_config_lookup(tmp_path):
    (tmp_path / "gailint.toml").write_text('ignore = ["GAI302"]\n', encoding="utf-8")
    out = run(
        "check", "--output-format", "concise", "--select", "GAI3", "--stdin-filename", str(tmp_path / "r.txt"),
        input=SEED_003.read_text(encoding="utf-8"),
    )
    assert "GAI301" in out.stdout and "GAI302" not in out.stdout


def test_gb18030_and_crlf_files_are_read(tmp_path):
    text = SEED_003.read_text(encoding="utf-8").replace("\n", "\r\n")
    p = tmp_path / "gbk.txt"
    p.write_bytes(text.encode("gb18030"))
    out = run("check", "--output-format", "json", "--select", "GAI201", str(p))
    (item,) = json.loads(out.stdout)
    assert item["start"]["line"] == 26
    assert text[item["start"]["offset"] : item["end"]["offset"]] == "本年度止件数"


def test_undecodable_file_is_a_clear_error(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\xff\xfe\xfa\x00\x81")
    out = run("check", "--output-format", "concise", str(p))
    assert out.returncode == 2
    assert out.stdout.startswith(f"{p}:1:1: GAI003 无法读取文件：编码无法识别（应为 UTF-8 或 GB18030）")
    assert "Traceback" not in out.stderr


def test_missing_path_is_exit_2():
    out = run("check", "--output-format", "concise", "no/such/file.txt")
    assert out.returncode == 2
    assert out.stdout.splitlines()[0] == "no/such/file.txt:1:1: GAI003 无法读取文件：文件或文件夹不存在"


def test_broken_config_is_one_line_with_file_line_and_key(tmp_path):
    cfg = tmp_path / "gailint.toml"
    cfg.write_text('select = ["GAI"]\n\n[severity]\nGAI603 = "loud"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("正文。\n", encoding="utf-8")
    out = run("check", "r.txt", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"gailint: error: {cfg.resolve()}:4: severity.GAI603: “loud”不是有效的级别；应为 off、hint、info、warning 或 error"
    ]


def test_broken_toml_names_the_line(tmp_path):
    (tmp_path / "gailint.toml").write_text('select = ["GAI"\nyear = 2023\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text("正文。\n", encoding="utf-8")
    out = run("check", "r.txt", cwd=tmp_path)
    assert out.returncode == 2 and "gailint.toml:" in out.stderr and "Traceback" not in out.stderr


def test_inspect_json_shape():
    out = run("inspect", "--output-format", "json", str(SEED_003))
    d = json.loads(out.stdout)
    assert set(d) >= {"path", "year", "issuer", "issuer_kind", "format", "title", "period", "sections", "tables"}
    assert d["format"] == "2021"
    assert set(d["title"]) == {"text", "start", "end"}
    assert set(d["period"]) == {"text", "start", "end", "from", "to"}
    assert set(d["sections"][0]) == {"number", "title", "start", "end"}
    assert len(d["tables"]["table3"]) == 25


def test_inspect_text_is_readable():
    out = run("inspect", str(SEED_003))
    assert "年度：2021（来源：title）" in out.stdout
    assert "（七）总计: 0 0 0 0 0 0 0" in out.stdout


def test_rules_lists_every_rule_with_its_pack():
    rules = json.loads(run("rules", "--output-format", "json").stdout)
    by_code = {r["code"]: r for r in rules}
    assert by_code["GAI302"] == {**by_code["GAI302"], "name": "results-total", "severity": "error", "fixable": True, "pack": "national"}
    assert by_code["GAI001"]["pack"] == "core"


def test_explain_prints_the_rule_documentation():
    out = run("explain", "GAI302")
    assert out.stdout.startswith("# results-total (GAI302)")
    assert "## 检查内容" in out.stdout and "## 依据" in out.stdout
    assert run("explain", "results-total").stdout == out.stdout
    assert run("explain", "GAI999").returncode == 2


def test_fix_writes_atomically_and_keeps_encoding_and_line_endings(tmp_path):
    original = SEED_003.read_text(encoding="utf-8").replace("\n", "\r\n")
    p = tmp_path / "r.txt"
    p.write_bytes(original.encode("gb18030"))
    out = run("check", "--fix", "--unsafe-fixes", "--select", "GAI201,GAI302", str(p))
    assert out.returncode == 0, out.stdout  # everything selected was fixed
    assert "已修复 3 个问题" in out.stderr
    fixed = p.read_bytes().decode("gb18030")
    assert "本年废止件数" in fixed and "本年度止件数" not in fixed
    assert fixed.count("\r\n") == original.count("\r\n")
    # Only the named characters changed.
    assert fixed.replace("本年废止件数", "本年度止件数").replace("(七) 总计\t\t2\t0\t0\t0\t0\t0\t2", "(七) 总计\t\t0\t0\t0\t0\t0\t0\t0") == original
    again = run("check", "--fix", "--unsafe-fixes", "--select", "GAI201,GAI302", str(p))
    assert again.returncode == 0 and p.read_bytes().decode("gb18030") == fixed
    assert not list(tmp_path.glob(".*tmp"))


def test_diff_prints_instead_of_writing(tmp_path):
    p = tmp_path / "r.txt"
    shutil.copy(SEED_003, p)
    before = p.read_bytes()
    out = run("check", "--diff", "--select", "GAI201", str(p))
    assert "-信息内容\t本年制发件数\t本年度止件数\t现行有效件数" in out.stdout
    assert "+信息内容\t本年制发件数\t本年废止件数\t现行有效件数" in out.stdout
    assert p.read_bytes() == before


def test_no_fix_means_file_untouched(tmp_path):
    p = tmp_path / "r.txt"
    shutil.copy(FIXTURES / "001_c88faac3643766a2.txt", p)
    before = p.stat().st_mtime_ns
    run("check", "--fix", "--select", "GAI204", str(p))
    assert p.stat().st_mtime_ns == before


def test_cli_does_not_import_pygls():
    code = "import sys; from gailint.cli import main; main(['rules']); print('pygls' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_explain_works_for_every_registered_rule(capsys):
    from gailint.cli import main
    from gailint.engine.plugins import load_registry

    for rule in load_registry().sorted():
        assert main(["explain", rule.code]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"# {rule.name} ({rule.code})") and "## 检查内容" in out


# ------------------------------------------------------------------ hostile config files


def _one_line_error(out: subprocess.CompletedProcess, *words: str) -> None:
    assert out.returncode == 2
    err = out.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    for w in words:
        assert w in err


def test_a_gbk_pyproject_is_one_line_not_a_traceback(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEED_003, report)
    (tmp_path / "pyproject.toml").write_bytes("[project]\nname = '年报'\n".encode("gbk"))
    out = run("check", "--select", "GAI201", str(report), cwd=tmp_path)
    assert out.returncode == 1 and "GAI201" in out.stdout and "Traceback" not in out.stderr
    (tmp_path / "pyproject.toml").write_bytes("[tool.gailint]\n# 年报\nselect = ['GAI2']\n".encode("gbk"))
    _one_line_error(run("check", str(report), cwd=tmp_path), "pyproject.toml", "UTF-8")


def test_a_deeply_nested_config_is_one_line_not_a_traceback(tmp_path):
    (tmp_path / "gailint.toml").write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    shutil.copy(SEED_003, tmp_path / "r.txt")
    _one_line_error(run("check", "r.txt", cwd=tmp_path), "gailint.toml")


def test_a_pack_allowed_but_not_installed_is_an_error_not_every_rule_off(tmp_path):
    (tmp_path / "gailint.toml").write_text("[plugins]\nallow = ['nope']\n", encoding="utf-8")
    shutil.copy(SEED_003, tmp_path / "r.txt")
    _one_line_error(run("check", "r.txt", cwd=tmp_path), "gailint.toml:2", "plugins.allow", "nope", "national")


# ------------------------------------------------------------------ --fix and what it writes


def test_fix_on_a_read_only_file_leaves_it_and_reports_the_text_on_disk(tmp_path):
    import os

    p = tmp_path / "r.txt"
    shutil.copy(SEED_003, p)
    os.chmod(p, 0o444)
    before = p.read_bytes()
    out = run("check", "--fix", "--select", "GAI201", str(p))
    assert out.returncode == 2
    assert "只读" in out.stderr and str(p) in out.stderr and "已修复" not in out.stderr
    assert "GAI201" in out.stdout  # the diagnostic of the text still on disk
    assert p.read_bytes() == before


def test_fix_that_cannot_write_prints_no_fixed_line_and_the_text_on_disk(tmp_path, monkeypatch, capsys):
    # E.g. a read-only folder and file, or a full disk: the write fails.
    from gailint import textio
    from gailint.cli import main

    p = tmp_path / "r.txt"
    shutil.copy(SEED_003, p)

    def refuse(source, text):
        raise textio.SourceError(source.path, "Permission denied")

    monkeypatch.setattr(textio, "write_source", refuse)
    code = main(["check", "--fix", "--select", "GAI201", "--output-format", "concise", str(p)])
    out = capsys.readouterr()
    assert code == 2
    assert "Permission denied" in out.err and "已修复" not in out.err
    assert "GAI201" in out.out  # the label is still wrong on disk, and it says so


@pytest.mark.parametrize("encoding, bom", [("gb18030", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_stdin_fix_writes_back_in_the_input_encoding_and_bom(encoding, bom):
    text = SEED_003.read_text(encoding="utf-8")
    out = subprocess.run([*GAILINT, "check", "-", "--fix", "--select", "GAI201"], input=bom + text.encode(encoding), capture_output=True)
    assert out.stdout.startswith(bom) if bom else not out.stdout.startswith(b"\xef\xbb\xbf")
    fixed = out.stdout[len(bom) :].decode(encoding)
    assert fixed == text.replace("本年度止件数", "本年废止件数")


# ------------------------------------------------------------------ untrusted folders and terminals


def test_python_m_gailint_never_imports_packs_planted_in_the_working_folder(tmp_path):
    # `python -m` puts the working folder first on sys.path: a checkout of someone's
    # reports could hold a folder named like the shipped pack, or a fake installed
    # distribution declaring a pack. Neither may run.
    marker = tmp_path / "ran.txt"
    run_me = f"open({str(marker)!r}, 'w').write('x')\n"
    (tmp_path / "gailint_rules" / "national").mkdir(parents=True)
    (tmp_path / "gailint_rules" / "__init__.py").write_text(run_me, encoding="utf-8")
    (tmp_path / "gailint_rules" / "national" / "__init__.py").write_text(run_me, encoding="utf-8")
    (tmp_path / "evil_pack.py").write_text(run_me, encoding="utf-8")
    dist = tmp_path / "evil-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gailint]\nevil = evil_pack\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT_TITLE + "当前位置：首页\n", encoding="utf-8")
    out = run("check", "r.txt", cwd=tmp_path)
    assert not marker.exists(), "code from the working folder ran"
    assert out.returncode == 1 and "GAI701" in out.stdout
    rules = run("rules", cwd=tmp_path)
    assert not marker.exists() and "evil" not in rules.stdout


# Terminal escapes (clear screen, set the window title, 8-bit CSI) and a bidi override,
# in a line of page furniture and in a paragraph written twice (quoted in GAI603's message).
_TRAP = "\u202e\x9b31m\x1b[2J\x1b]0;pwned\x07反转"
_PARAGRAPH = f"{_TRAP}本机关严格落实政府信息公开工作各项要求，不断完善公开制度和工作机制，切实保障群众知情权。"
# A title, so the file looks like a report and is checked (others are skipped).
REPORT_TITLE = "XX县人民政府2023年政府信息公开工作年度报告\n"
HOSTILE = f"{REPORT_TITLE}当前位置：首页{_TRAP}\n{_PARAGRAPH}\n{_PARAGRAPH}\n"


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "gitlab", "github"])
def test_report_text_is_printed_with_control_characters_escaped(tmp_path, fmt):
    (tmp_path / "r.txt").write_text(HOSTILE, encoding="utf-8")
    out = run("check", "--select", "GAI701,GAI603", "--output-format", fmt, "r.txt", cwd=tmp_path)
    assert out.returncode == 1
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out.stdout, (fmt, out.stdout)
    # JSON formats escape on the wire and give back the same text once read.
    if fmt == "json":
        assert any("\x1b[2J" in d["message"] for d in json.loads(out.stdout))
    elif fmt == "sarif":
        results = json.loads(out.stdout)["runs"][0]["results"]
        assert any("\x1b[2J" in r["message"]["text"] for r in results)
    elif fmt == "gitlab":
        assert any("\x1b[2J" in d["description"] for d in json.loads(out.stdout))
    else:
        assert "\\x1b[2J" in out.stdout and "\\u202e" in out.stdout


def test_inspect_escapes_control_characters(tmp_path):
    (tmp_path / "r.txt").write_text("某局\x1b[31m2023年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    out = run("inspect", "r.txt", cwd=tmp_path)
    assert "\x1b" not in out.stdout and "\\x1b[31m" in out.stdout


def test_text_output_carets_still_line_up_after_escaping(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT_TITLE + "\x1b当前位置：首页\n", encoding="utf-8")
    out = run("check", "--select", "GAI701", "r.txt", cwd=tmp_path)
    lines = out.stdout.splitlines()
    source, carets = lines[2], lines[3]
    assert "\\x1b" in source
    assert carets.index("^") == source.index("当前位置")  # after the 4 cells of "\x1b"


@pytest.mark.parametrize("encoding", ["ascii", "gbk", "latin-1"])
def test_output_to_a_non_utf8_terminal_never_crashes(tmp_path, encoding):
    import os

    (tmp_path / "r.txt").write_text(REPORT_TITLE + "当前位置：首页 𠮷😀\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for fmt in ("text", "concise", "json"):
        out = subprocess.run([*GAILINT, "check", "--output-format", fmt, "r.txt"], cwd=tmp_path, env=env, capture_output=True)
        err = out.stderr.decode(encoding, "replace")
        assert out.returncode == 1 and "Traceback" not in err, err
        assert b"GAI701" in out.stdout
        if fmt == "json":
            assert any(d["code"] == "GAI701" for d in json.loads(out.stdout.decode(encoding)))


def test_diff_on_a_terminal_escapes_control_characters_and_stays_exact_in_a_pipe(tmp_path, monkeypatch, capsys):
    import io

    from gailint.cli import main

    p = tmp_path / "r.txt"
    p.write_text(REPORT_TITLE + "当前位置：首页\x1b[2J\n正文。\n", encoding="utf-8")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    main(["check", "--diff", "--select", "GAI701", str(p)])
    assert "\x1b" not in screen.getvalue() and "-当前位置：首页\\x1b[2J" in screen.getvalue()
    monkeypatch.undo()
    main(["check", "--diff", "--select", "GAI701", str(p)])
    assert "-当前位置：首页\x1b[2J\n" in capsys.readouterr().out  # a patch keeps the bytes
