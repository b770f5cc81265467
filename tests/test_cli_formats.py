"""Output for CI and for people: SARIF (valid against the official schema),
GitHub annotations, GitLab code quality, JUnit, statistics, the per-issuer
summary, colour, exit codes and safe/unsafe fixes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from _support import FIXTURES, output_on_a_terminal, seed_text

GAILINT = [sys.executable, "-m", "gailint"]
SEED_003 = FIXTURES / "003_bfabfd0488fd8ed4.txt"
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit")


def run(*args, cwd=None, env=None):
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(env or {})
    return subprocess.run([*GAILINT, *args], capture_output=True, text=True, cwd=cwd, env=environ)


@pytest.fixture()
def report(tmp_path) -> Path:
    p = tmp_path / "三泉镇.txt"
    shutil.copy(SEED_003, p)
    return p


# ---------------------------------------------------------------- SARIF


def test_sarif_is_valid_and_carries_rules_regions_and_fixes(report, tmp_path):
    out = run("check", "--output-format", "sarif", "三泉镇.txt", cwd=tmp_path)
    assert out.returncode == 1
    assert "表格标签“本年度止件数”" in out.stdout  # Chinese written as is, not \\u escapes
    log = json.loads(out.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert rules["GAI201"]["name"] == "nonstandard-label" and "## 检查内容" in rules["GAI201"]["help"]["markdown"]
    assert rules["GAI201"]["helpUri"].endswith("/GAI201.html")
    (label,) = [r for r in run_["results"] if r["ruleId"] == "GAI201"]
    assert run_["tool"]["driver"]["rules"][label["ruleIndex"]]["id"] == "GAI201"
    location = label["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "%E4%B8%89%E6%B3%89%E9%95%87.txt", "uriBaseId": "%SRCROOT%"}
    assert {k: location["region"][k] for k in ("startLine", "startColumn", "endLine", "endColumn")} == {
        "startLine": 26, "startColumn": 13, "endLine": 26, "endColumn": 19,
    }
    (fix,) = label["fixes"]
    assert fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "本年废止件数"
    total = [r for r in run_["results"] if r["ruleId"] == "GAI302"]
    assert total and all(r["fixes"][0]["properties"]["applicability"] == "unsafe" for r in total)


def test_sarif_of_a_missing_file_is_valid_too(tmp_path):
    out = run("check", "--output-format", "sarif", "missing.txt", cwd=tmp_path)
    assert out.returncode == 2
    log = json.loads(out.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "GAI003" and result["level"] == "error"


# ---------------------------------------------------------------- GitHub, GitLab, JUnit


def test_github_annotations(report, tmp_path):
    out = run("check", "--output-format", "github", "--select", "GAI201,GAI604", "三泉镇.txt", cwd=tmp_path)
    lines = out.stdout.splitlines()
    assert lines[0] == (
        "::error title=gailint (GAI201),file=三泉镇.txt,line=26,col=13,endLine=26,endColumn=19::"
        "三泉镇.txt:26:13: GAI201 [*] 表格标签“本年度止件数”与模板不一致，应为“本年废止件数”"
    )
    assert lines[1].startswith("::notice title=gailint (GAI604),file=三泉镇.txt,line=81,")  # info → notice
    assert len(lines) == 2  # nothing but annotations


def test_github_escapes_what_would_break_a_command(tmp_path):
    p = tmp_path / "a,b:c%.txt"
    shutil.copy(SEED_003, p)
    out = run("check", "--output-format", "github", "--select", "GAI201", p.name, cwd=tmp_path)
    assert out.stdout.startswith("::error title=gailint (GAI201),file=a%2Cb%3Ac%25.txt,line=26,")


def test_gitlab_code_quality(report, tmp_path):
    out = run("check", "--output-format", "gitlab", "三泉镇.txt", cwd=tmp_path)
    items = json.loads(out.stdout)
    assert items and {i["severity"] for i in items} <= {"info", "minor", "major", "critical", "blocker"}
    assert len({i["fingerprint"] for i in items}) == len(items)
    (label,) = [i for i in items if i["check_name"] == "GAI201"]
    assert label["description"].startswith("GAI201 表格标签")
    assert label["location"] == {
        "path": "三泉镇.txt",
        "lines": {"begin": 26, "end": 26},
        "positions": {"begin": {"line": 26, "column": 13}, "end": {"line": 26, "column": 19}},
    }
    again = json.loads(run("check", "--output-format", "gitlab", "--no-cache", "三泉镇.txt", cwd=tmp_path).stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in items]


def test_junit_has_a_suite_per_file_and_a_passing_case_for_a_clean_one(report, tmp_path):
    clean = tmp_path / "clean.txt"
    shutil.copy(SEED_003, clean)
    out = run("check", "--output-format", "junit", "--select", "GAI201", "--ignore", "GAI201", "clean.txt", "三泉镇.txt", cwd=tmp_path)
    root = ET.fromstring(out.stdout)
    assert root.tag == "testsuites" and root.get("failures") == "0"
    out = run("check", "--output-format", "junit", "--select", "GAI201", "三泉镇.txt", cwd=tmp_path)
    (suite,) = ET.fromstring(out.stdout)
    assert suite.get("name") == "三泉镇.txt" and suite.get("failures") == "1"
    (case,) = suite
    assert case.get("name") == "GAI201 (26:13)" and case.find("failure").get("message").startswith("表格标签")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_missing_file_is_a_diagnostic_in_every_format(fmt, report, tmp_path):
    out = run("check", "--output-format", fmt, "--select", "GAI201", "三泉镇.txt", "gone.txt", cwd=tmp_path)
    assert out.returncode == 2
    assert "GAI003" in out.stdout and "gone.txt" in out.stdout
    assert "\n未发现问题" not in "\n" + out.stdout  # never "no problems" beside a file not checked


# ---------------------------------------------------------------- statistics, summary


def test_statistics_counts_per_rule(report, tmp_path):
    out = run("check", "--statistics", "--select", "GAI201,GAI302,GAI706", "三泉镇.txt", cwd=tmp_path)
    assert out.stdout.splitlines() == [
        "2\tGAI302\t[-] results-total",
        "2\tGAI706\t[*] typo",
        "1\tGAI201\t[*] nonstandard-label",
    ]
    data = json.loads(run("check", "--statistics", "--output-format", "json", "--select", "GAI302", "三泉镇.txt", cwd=tmp_path).stdout)
    assert data == [
        {"code": "GAI302", "name": "results-total", "count": 2, "fixable": False, "fixable_count": 0, "unsafe_fixable_count": 2}
    ]


def test_summary_per_issuer_and_year(tmp_path):
    s004 = seed_text("004")
    (tmp_path / "2021").mkdir()
    (tmp_path / "2022").mkdir()
    (tmp_path / "2021" / "宜阳.txt").write_text(s004, encoding="utf-8")
    (tmp_path / "2022" / "宜阳.txt").write_text(s004.replace("2021", "2022"), encoding="utf-8")
    (tmp_path / "2021" / "三泉.txt").write_text(seed_text("003"), encoding="utf-8")
    rows = json.loads(run("check", "--summary", "--output-format", "json", ".", cwd=tmp_path).stdout)
    assert [(r["issuer"], r["year"], r["files"]) for r in rows] == [
        ("宜阳县人民政府办公室", 2021, 1),
        ("宜阳县人民政府办公室", 2022, 1),
        ("新绛县三泉镇人民政府", 2021, 1),
    ]
    sanquan = rows[2]
    assert sanquan["errors"] == 5 and sanquan["fixable"] == 6 and sanquan["unsafe_fixable"] == 2
    assert sanquan["codes"]["GAI302"] == 2
    assert "GAI307" in rows[1]["codes"]  # the 2022 report copies 2021's
    text = run("check", "--summary", ".", cwd=tmp_path).stdout.splitlines()
    assert text[0].split() == ["发布机关", "年度", "文件", "错误", "警告", "提示", "可修复", "需核实"]
    assert text[4].split() == ["新绛县三泉镇人民政府", "2021", "1", "5", "2", "6", "6", "2"]
    assert "共 3 份报告，2 个发布机关" in text[-1]


# ---------------------------------------------------------------- exit codes, files


def test_exit_zero(report, tmp_path):
    assert run("check", "--exit-zero", "三泉镇.txt", cwd=tmp_path).returncode == 0
    assert run("check", "--exit-zero", "gone.txt", cwd=tmp_path).returncode == 2  # not checked is not "passed"


def test_diff_exits_1_when_it_would_change_something(report, tmp_path):
    out = run("check", "--diff", "--select", "GAI201", "三泉镇.txt", cwd=tmp_path)
    assert out.returncode == 1 and "+信息内容\t本年制发件数\t本年废止件数" in out.stdout
    unsafe_only = run("check", "--diff", "--select", "GAI302", "三泉镇.txt", cwd=tmp_path)
    assert unsafe_only.returncode == 0 and unsafe_only.stdout == ""
    assert run("check", "--diff", "--unsafe-fixes", "--select", "GAI302", "三泉镇.txt", cwd=tmp_path).returncode == 1


def test_output_file(report, tmp_path):
    out = run("check", "--output-format", "json", "--output-file", "out.json", "--select", "GAI201", "三泉镇.txt", cwd=tmp_path)
    assert out.returncode == 1 and out.stdout == ""
    (item,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert item["code"] == "GAI201"


# ---------------------------------------------------------------- safe and unsafe fixes


def test_fix_applies_safe_fixes_only_unless_asked(report, tmp_path):
    out = run("check", "--fix", "--select", "GAI201,GAI302", "三泉镇.txt", cwd=tmp_path)
    text = report.read_text(encoding="utf-8")
    assert "本年废止件数" in text and "(七) 总计\t\t0\t0" in text  # the label fixed, the total left
    assert out.returncode == 1 and "GAI302 [-]" in out.stdout
    out = run("check", "--fix", "--unsafe-fixes", "--select", "GAI201,GAI302", "三泉镇.txt", cwd=tmp_path)
    assert out.returncode == 0 and "(七) 总计\t\t2\t0" in report.read_text(encoding="utf-8")


def test_unsafe_fixes_from_the_config(report, tmp_path):
    (tmp_path / "gailint.toml").write_text("unsafe-fixes = true\n", encoding="utf-8")
    no = run("check", "--fix", "--no-unsafe-fixes", "--select", "GAI302", "三泉镇.txt", cwd=tmp_path)
    assert no.returncode == 1
    yes = run("check", "--fix", "--select", "GAI302", "三泉镇.txt", cwd=tmp_path)
    assert yes.returncode == 0 and "(七) 总计\t\t2\t0" in report.read_text(encoding="utf-8")
    (tmp_path / "gailint.toml").write_text('unsafe-fixes = "yes"\n', encoding="utf-8")
    bad = run("check", "三泉镇.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "unsafe-fixes: 应为 true 或 false" in bad.stderr


def test_show_fixes(report, tmp_path):
    out = run("check", "--show-fixes", "--select", "GAI201", "三泉镇.txt", cwd=tmp_path)
    assert "   = 修复：改为“本年废止件数”\n   - 信息内容    本年制发件数    本年度止件数    现行有效件数\n" in out.stdout
    assert "   + 信息内容    本年制发件数    本年废止件数    现行有效件数\n" in out.stdout
    fixed = run("check", "--fix", "--show-fixes", "--select", "GAI201,GAI706", "三泉镇.txt", cwd=tmp_path)
    assert "已修复 3 个问题：\n- 三泉镇.txt:\n    1 × GAI201（nonstandard-label）\n    2 × GAI706（typo）\n" in fixed.stderr


@pytest.mark.parametrize("code", ["GAI205", "GAI302", "GAI303", "GAI304", "GAI401", "GAI402"])
def test_explain_says_which_fixes_are_unsafe(code):
    out = run("explain", code).stdout
    assert "修复是不安全的（会改变数字或陈述事实）" in out and "不安全的修复" in out


def test_explain_says_a_safe_fix_is_safe():
    assert "修复是安全的" in run("explain", "GAI201").stdout


# ---------------------------------------------------------------- colour


def _on_a_terminal(args, env, cwd) -> str:
    """What gailint prints with its standard output on a pseudo-terminal."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(env)
    return output_on_a_terminal([*GAILINT, *args], cwd, env=environ)[1]


def test_colour_on_a_terminal_unless_no_color(report, tmp_path):
    args = ["check", "--select", "GAI201", "三泉镇.txt"]
    assert "\x1b[1;31mGAI201\x1b[0m" in _on_a_terminal(args, {}, tmp_path)
    assert "\x1b[" not in _on_a_terminal(args, {"NO_COLOR": "1"}, tmp_path)
    assert "\x1b[" not in run(*args, cwd=tmp_path).stdout  # a pipe
    assert "\x1b[" in run(*args, cwd=tmp_path, env={"FORCE_COLOR": "1"}).stdout


def test_no_ansi_in_machine_formats_even_when_forced(report, tmp_path):
    out = run("check", "--output-format", "json", "三泉镇.txt", cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert not re.search("\x1b\\[", out.stdout)


def test_json_of_a_file_with_more_than_ten_thousand_diagnostics_is_one_line_an_item(tmp_path):
    # A page scraped onto one line can hold 500,000 findings: Python's indenting
    # encoder took half a minute for them; past 10,000 each item is one compact line.
    import io

    from gailint.config import Settings
    from gailint.engine.linter import Linter
    from gailint.output import FileResult, RenderOptions, Totals, module

    text = seed_text("003").replace("\n", "") + "结症" * 10_500
    _, diags = Linter.create().lint(text, "r.txt", Settings(select=("GAI706",)))  # a typo each
    assert len(diags) > 10_000
    json_format = module("json")
    out = io.StringIO()
    items = json_format.render(FileResult("r.txt", text, diags), RenderOptions())
    json_format.write([items], out, Totals(), RenderOptions())
    lines = out.getvalue().splitlines()
    assert len(lines) == len(diags) + 2  # "[", one line an item, "]"
    assert json.loads(out.getvalue()) == json.loads(json.dumps(items, indent=2))
    # A file with fewer stays indented in the same stream.
    small = io.StringIO()
    json_format.write([items[:3]], small, Totals(), RenderOptions())
    assert json.loads(small.getvalue()) == items[:3] and len(small.getvalue().splitlines()) > 3 * 10


def _json_items(n: int) -> list[dict]:
    return [{"path": "r.txt", "code": "GAI706", "start": {"line": i, "column": 1}, "fix": None} for i in range(n)]


def test_json_of_several_files_is_laid_out_as_one_indented_list():
    import io

    from gailint.output import RenderOptions, Totals, module

    files = [_json_items(2), [], _json_items(3), []]
    out = io.StringIO()
    module("json").write(files, out, Totals(), RenderOptions())
    assert out.getvalue() == json.dumps([i for items in files for i in items], indent=2) + "\n"
    empty = io.StringIO()
    module("json").write([[], []], empty, Totals(), RenderOptions())
    assert empty.getvalue() == "[]\n"


def test_json_output_leaves_no_garbage_per_diagnostic():
    # Each call of Python's indenting encoder builds closures that refer to each
    # other; one call per diagnostic left the cyclic collector ~30 objects a finding
    # (a third of the output's time, and a time that jumped with the heap's size).
    import gc
    import io

    from gailint.output import RenderOptions, Totals, module

    items = _json_items(2_000)
    gc.collect()
    gc.disable()
    try:
        module("json").write([items], io.StringIO(), Totals(), RenderOptions())
        left = gc.collect()
    finally:
        gc.enable()
    assert left < 100
