"""GAI202, GAI203, GAI205, GAI206, GAI207: template version, missing tables, cell values."""

from __future__ import annotations

from pathlib import Path

import pytest

from gailint.engine.diagnostics import Severity
from gailint.engine.fixes import apply_edits

from .conftest import lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S001 = SEEDS["001"]  # one cell per line
S004 = SEEDS["004"]  # tab-separated, 2021, Henan fee header

MY_CODES = ("GAI202", "GAI203", "GAI205", "GAI206", "GAI207")
OLD_GROUP = "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t0\t0\n"


# ---------------------------------------------------------------- GAI202


def test_2019_fingerprints_in_a_2021_report():
    text = S004.replace("第二十条第（八）项", OLD_GROUP + "第二十条第（八）项")
    diags = only(lint(text, select=["GAI202"]), "GAI202")
    assert [span_text(text, d) for d in diags] == ["第二十条第（九）项", "采购项目数量", "采购总金额", "政府集中采购"]
    assert diags[0].message == "“第二十条第（九）项”是已废止的2019年试行格式的内容；2021年度报告应使用国办公开办函〔2021〕30号格式"


def test_old_header_without_ben_nian():
    text = S004.replace("信息内容\t本年处理决定数量\t\t\n行政许可", "信息内容\t处理决定数量\t\t\n行政许可")
    (d,) = only(lint(text, select=["GAI202"]), "GAI202")
    assert span_text(text, d) == "处理决定数量"
    assert d.message.startswith("“处理决定数量”是已废止的2019年试行格式的内容")


def test_old_format_is_correct_for_2020():
    text = S004.replace("第二十条第（八）项", OLD_GROUP + "第二十条第（八）项").replace(
        "办公室2021年政府信息公开工作年度报告", "办公室2020年政府信息公开工作年度报告"
    )
    assert only(lint(text, select=["GAI202"]), "GAI202") == []


def test_new_format_passes():
    assert only(lint(S004, select=["GAI202"]), "GAI202") == []


# ---------------------------------------------------------------- GAI203


def test_missing_table_four():
    a, b = S004.index("行政复议\t"), S004.index("五、存在的主要问题")
    text = S004[:a] + S004[b:]
    (d,) = only(lint(text, select=["GAI203"]), "GAI203")
    assert span_text(text, d) == "四、政府信息公开行政复议、行政诉讼情况"
    assert d.message == "缺少表四（政府信息公开行政复议、行政诉讼情况）"


def test_missing_row_of_table_three():
    text = S004.replace("\t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0\n", "")
    (d,) = only(lint(text, select=["GAI203"]), "GAI203")
    assert span_text(text, d) == "1.信访举报投诉类申请"  # where the row belongs
    assert d.message == "表三缺少“（四）无法提供3.补正后申请内容仍不明确”一行"


def test_missing_row_of_table_two():
    text = S004.replace("行政强制\t0\t\t\n", "")
    (d,) = only(lint(text, select=["GAI203"]), "GAI203")
    assert d.message == "表二缺少“行政强制”一行"
    assert span_text(text, d) == "行政事业性收费"


def test_complete_tables_pass():
    assert only(lint(S004, select=["GAI203"]), "GAI203") == []


# ---------------------------------------------------------------- GAI205


def _blank_in_tab_row():
    return S004.replace("\t\t3.其他\t1\t0\t0\t0\t0\t0\t1", "\t\t3.其他\t1\t0\t\t0\t0\t0\t1")


def test_blank_cell_between_tabs():
    text = _blank_in_tab_row()
    (d,) = only(lint(text, select=["GAI205"]), "GAI205")
    assert span_text(text, d) == ""  # zero-width: between the two tabs
    assert text[d.span.start - 3 : d.span.start + 1] == "\t0\t\t"
    assert d.severity == Severity.INFO
    assert d.message == "表三“（六）其他处理3.其他”的“科研机构”为空，应填写数字（没有的填 0）"


def _blank_in_cell_lines():
    # Seed 001 puts one cell a line; a line of NBSP is a blank cell.
    i = S001.index("一、本年新收政府信息公开申请数量")
    return S001[:i] + S001[i:].replace("\n\n0\n\n", "\n\n\u00a0\n\n", 1)


def test_blank_cell_of_nbsp_in_one_cell_a_line_layout():
    text = _blank_in_cell_lines()
    (d,) = only(lint(text, select=["GAI205"]), "GAI205")
    assert span_text(text, d) == "\u00a0"
    assert d.message == "表三“一、本年新收政府信息公开申请数量”的“商业企业”为空，应填写数字（没有的填 0）"


@pytest.mark.parametrize("make", [_blank_in_tab_row, _blank_in_cell_lines])
def test_fill_in_zero_fix(make):
    text = make()
    (d,) = only(lint(text, select=["GAI205"]), "GAI205")
    fixed = apply_edits(text, d.fix.edits)
    assert fixed == text[: d.span.start] + "0" + text[d.span.end :]
    assert only(lint(fixed, select=["GAI205"]), "GAI205") == []


def test_stray_blank_cells_are_not_reported():
    # Seed 001's （六）1 and 2 carry a lone NBSP line besides their 7 values.
    assert only(lint(S001, select=["GAI205"]), "GAI205") == []


# ---------------------------------------------------------------- GAI206


def test_negative_fractional_and_non_numbers():
    text = (
        S004.replace("一、本年新收政府信息公开申请数量\t\t10\t1", "一、本年新收政府信息公开申请数量\t\t10\t-1")
        .replace("\t\t2.没有现成信息需要另行制作\t1\t0", "\t\t2.没有现成信息需要另行制作\t1.5\t0")
        .replace("\t\t3.补正后申请内容仍不明确\t0", "\t\t3.补正后申请内容仍不明确\t—")
    )
    diags = only(lint(text, select=["GAI206"]), "GAI206")
    assert [span_text(text, d) for d in diags] == ["-1", "1.5", "—"]
    assert diags[0].message == "表三“一、本年新收政府信息公开申请数量”的“商业企业”为“-1”，是负数；件数应为非负整数（没有的填 0）"
    assert diags[1].message == "表三“（四）无法提供2.没有现成信息需要另行制作”的“自然人”为“1.5”，是小数；件数应为非负整数（没有的填 0）"
    assert "不是数字" in diags[2].message


def test_counts_of_table_two_and_four():
    text = S004.replace("行政许可\t0", "行政许可\t2.5").replace(
        "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n", "0\t0\t0\t0\t-3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
    )
    diags = only(lint(text, select=["GAI206"]), "GAI206")
    assert [span_text(text, d) for d in diags] == ["2.5", "-3"]
    assert diags[0].message.startswith("表二“行政许可”的“本年处理决定数量”为“2.5”，是小数")
    assert diags[1].message.startswith("表四“行政复议、行政诉讼”的“行政复议 · 总计”为“-3”，是负数")


def test_fee_amount_and_not_applicable_in_table_two_pass():
    text = S004.replace("行政事业性收费\t0", "行政事业性收费\t0.5").replace("行政许可\t0", "行政许可\t—")
    assert only(lint(text, select=["GAI206"]), "GAI206") == []


# ---------------------------------------------------------------- GAI207


def test_henan_header_asks_for_four_decimals():
    (d,) = only(lint(S004, select=["GAI207"]), "GAI207")
    assert span_text(S004, d) == "0"
    assert d.span.start == S004.index("行政事业性收费\t0") + len("行政事业性收费\t")
    assert d.severity == Severity.INFO
    assert d.message == "表头要求保留4位小数，收费金额“0”应写作“0.0000”"


def test_four_decimals_pass():
    text = S004.replace("行政事业性收费\t0", "行政事业性收费\t0.0000")
    assert only(lint(text, select=["GAI207"]), "GAI207") == []


def test_fee_not_in_wan_yuan():
    text = S004.replace("本年收费金额（单位：万元，保留4位小数）", "本年收费金额（单位：元）")
    (d,) = only(lint(text, select=["GAI207"]), "GAI207")
    assert span_text(text, d) == "本年收费金额（单位：元）"
    assert d.message == "收费金额的单位应为万元：表头“本年收费金额（单位：元）”应为“本年收费金额（单位：万元）”"


def test_national_header_needs_no_decimals():
    assert only(lint(SEEDS["003"], select=["GAI207"]), "GAI207") == []


# ---------------------------------------------------------------- seeds

EXPECTED = {
    # 000: Henan fee header with "0": at most this info; tables all zero and consistent.
    "000": {("GAI207", "0", Severity.INFO)},
    # 001: table 四 short (GAI204's business); the （六） rows' stray NBSP cells are no blanks.
    "001": set(),
    # 002: `|` fragments parse into complete, standard tables.
    "002": set(),
    "003": set(),
    "004": {("GAI207", "0", Severity.INFO)},
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_findings(seed):
    text = SEEDS[seed]
    diags = [d for d in lint(text, path=f"{seed}.txt", select=MY_CODES) if d.code in MY_CODES]
    assert {(d.code, span_text(text, d), d.severity) for d in diags} == EXPECTED[seed]
