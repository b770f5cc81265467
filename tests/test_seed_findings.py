"""The real seeds: what spec/seed-findings.md lists is found at the named text,
and none of its *must not* traps fire. (Codes of the foundation rules; the rule
pack's own tests pin the rest.)"""

from __future__ import annotations

import pytest

from _support import lint_text, seed_text


def found(linter, seed: str, code: str) -> list[str]:
    text = seed_text(seed)
    return [text[d.span.start : d.span.end] for d in lint_text(linter, text, f"{seed}.txt") if d.code == code]


def test_000_has_no_title_no_section_one_and_no_period(linter):
    assert len(found(linter, "000", "GAI101")) == 1
    assert found(linter, "000", "GAI102") == ["(一)主动公开政府信息的情况"]
    assert len(found(linter, "000", "GAI401")) == 1
    assert not found(linter, "000", "GAI405")  # the year 2021 is inferred from the prose


def test_001_web_residue_lines(linter):
    got = found(linter, "001", "GAI701")
    assert got[0] == "当前位置:首页"
    assert got[1].startswith("> 政务公开")
    assert got[2].startswith("发布时间:2024-02-09 17:14 字号:[ ] 视力保护色:")
    assert any(g.startswith("解读链接:http://") for g in got)
    assert any(g.startswith("责任编辑:通渭县管理员") for g in got)
    assert "分享到:" in got
    assert got[-1].startswith("[") and "打印本页" in got[-1] and "关闭窗口" in got[-1]


def test_001_table_four_is_incomplete_but_table_three_is_not(linter):
    text = seed_text("001")
    diags = [d for d in lint_text(linter, text, "001.txt") if d.code == "GAI204"]
    assert len(diags) == 1 and "只找到 9 个" in diags[0].message


def test_001_must_not(linter):
    for code in ("GAI402", "GAI404", "GAI301", "GAI302", "GAI303", "GAI101", "GAI102", "GAI401"):
        assert not found(linter, "001", code), code


def test_002_title_period_and_last_line_residue(linter):
    assert len(found(linter, "002", "GAI101")) == 1
    assert len(found(linter, "002", "GAI401")) == 1
    assert found(linter, "002", "GAI701") == ["当前位置:"]
    for code in ("GAI201", "GAI204", "GAI301", "GAI302", "GAI303", "GAI304"):
        assert not found(linter, "002", code), code


def test_003_label_and_identities(linter):
    assert found(linter, "003", "GAI201") == ["本年度止件数"]
    assert len(found(linter, "003", "GAI301")) == 2
    diags = [d for d in lint_text(linter, seed_text("003"), "003.txt") if d.code == "GAI302"]
    assert [d.message for d in diags] == ["（七）总计（自然人）应为 2，实为 0", "（七）总计（总计）应为 2，实为 0"]
    assert all(d.fix.edits[0].new == "2" for d in diags)


def test_003_must_not(linter):
    for code in ("GAI402", "GAI404", "GAI101", "GAI401", "GAI704"):
        assert not found(linter, "003", code), code


def test_004_label_and_missing_period(linter):
    assert found(linter, "004", "GAI201") == ["2.其他法律法规禁止公开"]
    assert len(found(linter, "004", "GAI401")) == 1
    for code in ("GAI301", "GAI302", "GAI303", "GAI204"):
        assert not found(linter, "004", code), code


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_internal_errors_on_the_seeds(linter, seed):
    assert not found(linter, seed, "GAI001")


def test_004_regulation_stock_issued_one_none_valid(linter):
    text = seed_text("004")
    (d,) = [d for d in lint_text(linter, text, "004.txt") if d.code == "GAI306"]
    assert d.message == "“行政规范性文件”现行有效件数 0 少于本年制发 1 − 本年废止 0 = 1：应至少为 1"
    line = text[: d.span.start].count("\n") + 1
    assert line == 20 and text[d.span.start : d.span.end] == "0"


def test_regulation_stock_holds_when_the_stock_covers_new_documents(linter):
    text = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t4\n"
    assert not [d for d in lint_text(linter, text) if d.code == "GAI306"]
