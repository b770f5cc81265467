"""Declarative packs (*.toml): read, validated and turned into rules; no code runs.

A province's office writes one file, lists it in ``packs`` and gets rules with their
own codes, replace fixes, word lists for the national rules and overrides of national
severities and options. A broken file is reported with file, line and key; a
catastrophic regular expression cannot hang the run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gailint.config import Settings
from gailint.engine.diagnostics import Severity
from gailint.engine.fixes import apply_edits, fix_to_point
from gailint.engine.linter import Linter

from _support import FIXTURES, seed_text

GAILINT = [sys.executable, "-m", "gailint"]

OURS = """\
[pack]
name = "ours"
version = "0.3.0"
description = "某市的补充要求"
province = "某省某市"
overrides = ["GAI404", "GAI603"]
sources = ["某市政务公开办关于年度报告的通知"]

[severity]
GAI603 = "info"

[rules.GAI404]
township-deadline = "01-20"

[vocabulary]
residue = ["扫一扫在手机打开当前页"]

[vocabulary.typos]
"帐号" = "账号"

[vocabulary.labels]
"本年废止件数" = ["本年度废止件数"]

[[forbidden]]
code = "OUR001"
name = "office-short-name"
pattern = "政务公开办"
replace = "政务公开办公室"
message = "“{match}”是简称，正式文件应写“{replace}”"

[[forbidden]]
code = "OUR002"
name = "old-report-name"
patterns = ['(\\d{4})年度政府信息公开年报']
regex = true
replace = '\\1年政府信息公开工作年度报告'
sections = [1]
safe-fix = false

[[required]]
code = "OUR101"
name = "contact-phone"
section = 6
pattern = '(联系|咨询)电话'
regex = true
message = "{section}应写明咨询电话"
"""

REPORT = """某镇人民政府2023年政府信息公开工作年度报告
本报告所列数据统计期限为2023年1月1日至2023年12月31日。
一、总体情况
本镇政务公开办认真落实2023年度政府信息公开年报的要求。政务公开办公室负责日常工作。
群众可通过帐号登录门户网站。
六、其他需要报告的事项
本年度未收取信息处理费。
2023年度政府信息公开年报已按时发布。
扫一扫在手机打开当前页
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint_with(pack: Path, text: str, path: str = "report.txt", **settings):
    linter = Linter.create()
    diags = linter.lint(text, path, Settings(packs=(str(pack),), **settings))[1]
    return linter, diags


def only(diags, code):
    return [d for d in diags if d.code == code]


def at(text, d):
    return text[d.span.start : d.span.end]


@pytest.fixture
def ours(tmp_path) -> Path:
    return write(tmp_path, "ours.toml", OURS)


# ------------------------------------------------------------ rules of the pack


def test_a_forbidden_phrase_is_a_rule_with_its_own_code_and_a_replace_fix(ours):
    linter, diags = lint_with(ours, REPORT)
    assert linter.pack_errors == []
    # 政务公开办公室 (the right wording) holds 政务公开办 but is not reported.
    (d,) = only(diags, "OUR001")
    assert at(REPORT, d) == "政务公开办" and d.severity == Severity.WARNING
    assert d.message == "“政务公开办”是简称，正式文件应写“政务公开办公室”"
    assert d.fix.safe and apply_edits(REPORT, d.fix.edits).count("政务公开办公室") == 2


def test_a_regex_phrase_replaces_with_its_groups_and_stays_in_its_sections(ours):
    _, diags = lint_with(ours, REPORT)
    # Only section 一 is searched: the same words in section 六 are left alone.
    (d,) = only(diags, "OUR002")
    assert at(REPORT, d) == "2023年度政府信息公开年报"
    assert d.fix.edits[0].new == "2023年政府信息公开工作年度报告"
    assert not d.fix.safe  # safe-fix = false: offered, never applied by --fix


def test_fixing_applies_the_safe_replacement_only_and_removes_its_diagnostic(ours):
    linter = Linter.create()
    settings = Settings(packs=(str(ours),))
    lint = lambda t: linter.lint(t, "report.txt", settings)[1]  # noqa: E731
    result = fix_to_point(REPORT, lint)
    assert "本镇政务公开办公室认真落实" in result.text
    assert "2023年度政府信息公开年报的要求" in result.text  # the unsafe fix waited
    after = [d.code for d in lint(result.text)]
    assert "OUR001" not in after and "OUR002" in after


def test_a_required_phrase_is_reported_at_its_section_heading(ours):
    _, diags = lint_with(ours, REPORT)
    (d,) = only(diags, "OUR101")
    assert at(REPORT, d) == "六、其他需要报告的事项" and d.severity == Severity.INFO
    assert d.message == "“六、其他需要报告的事项”应写明咨询电话"
    _, diags = lint_with(ours, REPORT.replace("本年度未收取", "咨询电话：0394-1234567。本年度未收取"))
    assert only(diags, "OUR101") == []
    # Without section 六 there is nothing to look in (GAI102 reports the section).
    _, diags = lint_with(ours, REPORT.split("六、")[0])
    assert only(diags, "OUR101") == []


def test_pack_rules_are_documented_like_every_rule(ours):
    linter, _ = lint_with(ours, REPORT)
    rule = linter.registry.get("OUR002")
    assert rule.pack == "ours" and rule.fix == "always"
    for heading in ("## 检查内容", "## 为什么是问题", "## 示例", "## 应改为", "## 修复说明", "## 依据"):
        assert heading in rule.docs
    assert "某市政务公开办关于年度报告的通知" in rule.docs and "不安全的修复" in rule.docs


# ------------------------------------------------------------ vocabulary and overrides


def test_word_lists_reach_the_national_rules_only_where_the_pack_is_used(ours):
    text = REPORT
    _, diags = lint_with(ours, text)
    assert [at(text, d) for d in only(diags, "GAI706")] == ["帐号"]
    assert [at(text, d) for d in only(diags, "GAI701")] == ["扫一扫在手机打开当前页"]
    _, plain = Linter.create().lint(text, "report.txt", Settings())
    assert only(plain, "GAI706") == [] and only(plain, "GAI701") == []


def test_a_label_variant_is_reported_without_a_pack_that_accepts_it():
    text = seed_text("003").replace("本年度止件数", "本年度废止件数")
    linter = Linter.create()
    (d,) = only(linter.lint(text, "r.txt", Settings())[1], "GAI201")
    assert at(text, d) == "本年度废止件数"


def test_the_labels_list_silences_that_variant(ours):
    text = seed_text("003").replace("本年度止件数", "本年度废止件数")
    _, diags = lint_with(ours, text)
    assert [at(text, d) for d in only(diags, "GAI201")] == []


def test_overrides_change_national_severity_and_options_and_the_user_config_wins(ours):
    s003 = seed_text("003")  # a township's report signed 2022年1月25日
    _, diags = lint_with(ours, s003)
    (late,) = only(diags, "GAI404")
    assert "2022年1月20日" in late.message  # the pack's township deadline
    _, diags = lint_with(ours, s003, rule_options={"GAI404": {"township-deadline": "01-31"}})
    assert only(diags, "GAI404") == []  # the user's config has the last word
    repeated = seed_text("000")  # seed 000 repeats passages (GAI603, a warning)
    _, diags = lint_with(ours, repeated)
    assert {d.severity for d in only(diags, "GAI603")} == {Severity.INFO}
    _, diags = lint_with(ours, repeated, severity={"GAI603": Severity.ERROR})
    assert {d.severity for d in only(diags, "GAI603")} == {Severity.ERROR}


# ------------------------------------------------------------ from the command line


def run(*args, cwd):
    return subprocess.run([*GAILINT, *args], capture_output=True, text=True, cwd=cwd)


def test_a_toml_pack_works_from_a_path_in_the_config(tmp_path):
    write(tmp_path, "rules/ours.toml", OURS)
    write(tmp_path, "gailint.toml", 'packs = ["rules/ours.toml"]\n')
    write(tmp_path, "reports/r.txt", REPORT)
    out = run("check", "--output-format", "json", "reports/r.txt", cwd=tmp_path)
    assert out.returncode == 1 and out.stderr == ""
    codes = {d["code"] for d in json.loads(out.stdout)}
    assert {"OUR001", "OUR002", "OUR101", "GAI706"} <= codes
    packs = run("packs", cwd=tmp_path / "reports").stdout
    assert "ours 0.3.0 · TOML · 已启用（gailint.toml）" in packs
    listed = json.loads(run("rules", "--output-format", "json", cwd=tmp_path).stdout)
    (rule,) = [r for r in listed if r["code"] == "OUR001"]
    assert rule["pack"] == "ours" and rule["pack_version"] == "0.3.0" and rule["enabled"]


def test_a_broken_pack_is_reported_with_file_line_and_key_and_the_others_still_load(tmp_path):
    write(tmp_path, "ours.toml", OURS)
    write(
        tmp_path,
        "broken.toml",
        '[pack]\nname = "broken"\nversion = "1"\n\n[[forbidden]]\ncode = "BRK001"\nname = "x"\n'
        'pattern = "("\nregex = true\n\n[[forbidden]]\ncode = "GAI999"\nname = "y"\npattern = "y"\n',
    )
    write(tmp_path, "gailint.toml", 'packs = ["broken.toml", "ours.toml", "henam"]\n')
    write(tmp_path, "r.txt", REPORT)
    out = run("check", "--output-format", "concise", "r.txt", cwd=tmp_path)
    assert out.returncode == 2
    errors = out.stderr.splitlines()
    broken = tmp_path / "broken.toml"
    assert f"gailint: error: {broken}:8: forbidden[1].pattern: '('：正则表达式有误：missing ) at position 1" in errors
    assert any(e.startswith(f"gailint: error: {broken}:12: forbidden[2].code: GAI 开头的代码保留给 gailint") for e in errors)
    config = tmp_path / "gailint.toml"
    assert any(e.startswith(f"gailint: error: {config}:1: packs: 未知的规则包“henam”") for e in errors)
    assert "Traceback" not in out.stderr
    assert " OUR001 " in out.stdout  # the good pack still ran


def test_a_toml_syntax_error_names_the_line(tmp_path):
    pack = write(tmp_path, "p.toml", '[pack]\nname = "p"\nversion = 1.0.0\n')
    linter, _ = lint_with(pack, REPORT)
    (error,) = linter.pack_errors
    assert error.startswith(f"{pack}:3: TOML 语法错误")


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        ('[pack]\nname = "p"\n', "1: pack.version", "缺少这一项"),
        ('[pack]\nname = "P q"\nversion = "1"\n', "2: pack.name", "不是有效的规则包名"),
        ('[pack]\nname = "p"\nversion = "1"\ncolour = "red"\n', "4: pack.colour", "未知的键"),
        ('[pack]\nname = "p"\nversion = "1"\n\n[severity]\nGAI401 = "error"\n', "6: severity.GAI401", "不在 pack.overrides 中"),
        ('[pack]\nname = "p"\nversion = "1"\noverrides = ["GAI401"]\n\n[severity]\nGAI401 = "loud"\n', "7: severity.GAI401", "不是有效的级别"),
        ('[pack]\nname = "p"\nversion = "1"\n\n[[required]]\ncode = "PK001"\nname = "a"\npattern = "x"\n', "5: required[1].message", "缺少这一项"),
        ('[pack]\nname = "p"\nversion = "1"\n\n[[forbidden]]\ncode = "PK001"\nname = "a"\npattern = "x*"\nregex = true\n', "8: forbidden[1].pattern", "可以匹配空字符串"),
        ('[pack]\nname = "p"\nversion = "1"\n\n[[forbidden]]\ncode = "PK001"\nname = "a"\npattern = "(x)"\nregex = true\nreplace = "\\\\2"\n', "10: forbidden[1].replace", "第 2 组"),
        ('[pack]\nname = "p"\nversion = "1"\n\n[[forbidden]]\ncode = "HEN900"\nname = "a"\npattern = "x"\n', None, "前缀 HEN 已属于 gailint 自带的规则"),
    ],
)
def test_pack_problems_name_the_line_and_key(tmp_path, body, where, message):
    pack = write(tmp_path, "p.toml", body)
    linter, _ = lint_with(pack, REPORT)
    assert linter.pack_errors, "the problem was not reported"
    error = linter.pack_errors[0]
    if where is not None:
        assert error.startswith(f"{pack}:{where}:"), error
    assert message in error


def test_an_unknown_option_of_a_national_rule_names_its_line(tmp_path):
    body = '[pack]\nname = "p"\nversion = "1"\noverrides = ["GAI404"]\n\n[rules.GAI404]\ntownship-deadlin = "03-31"\n'
    pack = write(tmp_path, "p.toml", body)
    linter, _ = lint_with(pack, REPORT)
    (error,) = linter.pack_errors
    assert error.startswith(f"{pack}:7: rules.GAI404.township-deadlin: 规则 GAI404 没有这个选项")


def test_an_edited_pack_file_is_read_again(tmp_path):
    pack = write(tmp_path, "p.toml", '[pack]\nname = "p"\nversion = "1"\n\n[[forbidden]]\ncode = "PK001"\nname = "a"\npattern = "政务公开办"\n')
    linter = Linter.create()
    name, problems = linter.registry.load_file(pack)
    assert name == "p" and problems == [] and linter.registry.get("PK001") is not None
    pack.write_text(pack.read_text(encoding="utf-8").replace("PK001", "PK002"), encoding="utf-8")
    stamp = pack.stat().st_mtime_ns
    import os

    os.utime(pack, ns=(stamp + 10**9, stamp + 10**9))  # a later modification time
    assert linter.registry.load_file(pack) == ("p", [])
    assert linter.registry.get("PK001") is None and linter.registry.get("PK002").pack == "p"


# ------------------------------------------------------------ untrusted regular expressions


CATASTROPHIC = """[pack]
name = "cat"
version = "1"

[[forbidden]]
code = "CAT001"
name = "catastrophic"
pattern = '(a|aa)+$'
regex = true

[[forbidden]]
code = "CAT002"
name = "ordinary"
pattern = "政务公开办"
"""


def test_a_catastrophic_regex_does_not_hang_the_run(tmp_path):
    # (a|aa)+$ on 40 a's and a b: about 2**28 steps without a time limit.
    pack = write(tmp_path, "cat.toml", CATASTROPHIC)
    text = "政务公开办\n" + "a" * 40 + "b\n"
    linter = Linter.create()
    settings = Settings(packs=(str(pack),))
    started = time.perf_counter()
    runs = [linter.lint(text, f"r{i}.txt", settings)[1] for i in range(5)]
    elapsed = time.perf_counter() - started
    assert elapsed < 5, f"five lints took {elapsed:.1f} s"
    for diags in runs:
        (internal,) = only(diags, "GAI001")
        assert "CAT001" in internal.message and "停用" in internal.message
        assert len(only(diags, "CAT002")) == 1  # the pack's other rule still ran
    assert "超过 0.2 秒" in only(runs[0], "GAI001")[0].message


def test_a_catastrophic_regex_does_not_hang_the_cli(tmp_path):
    write(tmp_path, "cat.toml", CATASTROPHIC)
    write(tmp_path, "gailint.toml", 'packs = ["cat.toml"]\n')
    for i in range(3):
        write(tmp_path, f"r{i}.txt", "政务公开办\n" + "a" * 40 + "b\n")
    started = time.perf_counter()
    out = subprocess.run([*GAILINT, "check", "--output-format", "concise", "."], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert time.perf_counter() - started < 20
    assert out.stdout.count("GAI001") == 3 and out.stdout.count("CAT002") == 3


# ------------------------------------------------------------ the example file users copy


def test_the_toml_pack_template_loads_and_finds_what_it_documents():
    template = FIXTURES.parent.parent / "templates" / "toml-pack" / "pack.toml"
    text = REPORT.replace("本镇政务公开办", "本镇依据《中华人民共和国政府信息公开条例》（国务院令第492号），政务公开办")
    linter, diags = lint_with(template, text)
    assert linter.pack_errors == []
    (old,) = only(diags, "CITY001")
    assert at(text, old) == "国务院令第492号" and not old.fix.safe
    (name,) = only(diags, "CITY002")
    assert name.fix.edits[0].new == "2023年度政府信息公开工作年度报告"
    assert [at(text, d) for d in only(diags, "CITY101")] == ["六、其他需要报告的事项"]
    assert [at(text, d) for d in only(diags, "GAI706")] == ["帐号"]


def test_the_readme_example_pack_loads_and_works(tmp_path):
    readme = (FIXTURES.parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n# rules/ours.toml\n", 1)[1].split("```", 1)[0]
    pack = write(tmp_path, "ours.toml", block)
    linter, diags = lint_with(pack, REPORT)
    assert linter.pack_errors == []
    assert [at(REPORT, d) for d in only(diags, "OUR001")] == ["政务公开办"]
    assert [at(REPORT, d) for d in only(diags, "OUR101")] == ["六、其他需要报告的事项"]
