"""The first rules (structure, labels, completeness, arithmetic, period, residue):
failing and passing texts in real report phrasing, and fix round trips."""

from __future__ import annotations

from gailint.engine.fixes import apply_edits
from gailint.template import TABLE3_ROWS

from .conftest import LINTER, lint, span_text

TITLE = "某县交通运输局2023年政府信息公开工作年度报告\n"
PERIOD = "本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n"


def codes(text, code, path="report.txt"):
    return [d for d in lint(text, path, select=[code]) if d.code == code]


def fixed(text, d):
    return apply_edits(text, d.fix.edits)


def table3(values: dict[int, list[int]]) -> str:
    rows = []
    for i, (label, _) in enumerate(TABLE3_ROWS):
        vals = values.get(i, [0] * 7)
        rows.append(label + "\t" + "\t".join(str(v) for v in vals))
    return "三、收到和处理政府信息公开申请情况\n" + "\n".join(rows) + "\n"


# GAI101 missing-title


def test_title_present_passes():
    assert not codes(TITLE + PERIOD, "GAI101")


def test_no_title_fails_at_the_first_line():
    text = "（一）主动公开情况\n全年共主动公开政府信息89条。\n"
    (d,) = codes(text, "GAI101")
    assert span_text(text, d) == "（一）主动公开情况"


def test_title_without_issuer_names_what_is_missing():
    text = "2023年政府信息公开工作年度报告\n"
    (d,) = codes(text, "GAI101")
    assert "发布机关" in d.message


# GAI102 missing-section


def test_missing_section_fix_inserts_the_standard_heading_before_the_next():
    text = TITLE + "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n正文。\n"
    found = codes(text, "GAI102")
    two = [d for d in found if "二、主动公开政府信息情况" in d.message][0]
    after = fixed(text, two)
    assert after == TITLE + "一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n正文。\n"
    assert not [d for d in codes(after, "GAI102") if "二、" in d.message]


def test_missing_section_fix_keeps_markdown_style_and_crlf():
    text = "# 某局2023年政府信息公开工作年度报告\r\n## 一、总体情况\r\n正文。\r\n## 三、收到和处理政府信息公开申请情况\r\n"
    two = [d for d in codes(text, "GAI102", "r.md") if "二、" in d.message][0]
    assert "## 二、主动公开政府信息情况\r\n## 三、" in fixed(text, two)


# GAI201 nonstandard-label


def test_near_miss_row_label_is_replaced_by_the_template_label():
    text = table3({})
    bad = text.replace("2.其他法律行政法规禁止公开", "2.其他法律法规禁止公开")
    (d,) = codes(bad, "GAI201")
    assert span_text(bad, d) == "2.其他法律法规禁止公开"
    assert d.message == "表格标签“2.其他法律法规禁止公开”与模板不一致，应为“2.其他法律行政法规禁止公开”"
    assert fixed(bad, d) == text
    assert not codes(text, "GAI201")


def test_henan_fee_header_is_an_accepted_variant():
    text = "二、主动公开政府信息情况\n信息内容\t本年收费金额（单位：万元，保留4位小数）\n行政事业性收费\t0.0000\n"
    assert not codes(text, "GAI201")


# GAI204 incomplete-table


def test_row_with_six_values_is_incomplete():
    text = table3({0: [1, 0, 0, 0, 0, 1]})
    (d,) = codes(text, "GAI204")
    assert span_text(text, d) == "一、本年新收政府信息公开申请数量"
    assert "应有 7 个数值，只找到 6 个" in d.message


def test_table_four_with_fifteen_values_is_complete():
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n" + "\t".join(["0"] * 15) + "\n"
    assert not codes(text, "GAI204")


# GAI208 unseparated-cells


def test_numbers_run_together_are_reported_once_and_not_guessed():
    text = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容本年处理决定数量\n行政许可15130000154\n"
    (d,) = codes(text, "GAI208")
    assert span_text(text, d) == "15130000154"
    assert d.severity.label == "info"


# GAI301 / GAI302 / GAI303


def test_application_identity_holds():
    text = table3({0: [2, 0, 0, 0, 0, 0, 2], 2: [2, 0, 0, 0, 0, 0, 2], 23: [2, 0, 0, 0, 0, 0, 2]})
    assert not codes(text, "GAI301") and not codes(text, "GAI302") and not codes(text, "GAI303")


def test_application_identity_broken_in_two_columns():
    text = table3({0: [2, 0, 0, 0, 0, 0, 2], 2: [2, 0, 0, 0, 0, 0, 2]})
    found = codes(text, "GAI301")
    assert len(found) == 2
    assert found[0].message.startswith("表三“自然人”列勾稽关系不成立：本年新收 2 + 上年结转 0 = 2")


def test_results_total_fix_sets_the_sum():
    text = table3({0: [2, 0, 0, 0, 0, 0, 2], 2: [2, 0, 0, 0, 0, 0, 2]})
    found = codes(text, "GAI302")
    assert [d.message for d in found] == ["（七）总计（自然人）应为 2，实为 0", "（七）总计（总计）应为 2，实为 0"]
    after = fixed(text, found[0])
    assert len(codes(after, "GAI302")) == 1
    assert after.replace("（七）总计\t2", "（七）总计\t0", 1) == text


def test_applicant_total_fix():
    text = table3({0: [10, 1, 0, 0, 0, 0, 10]})
    (d,) = [d for d in codes(text, "GAI303") if "本年新收" in d.message]
    assert d.message == "“一、本年新收政府信息公开申请数量”的总计应为 11，实为 10"
    assert "一、本年新收政府信息公开申请数量\t10\t1\t0\t0\t0\t0\t11" in fixed(text, d)


# GAI304 review-litigation-total


def test_review_total_fix():
    values = ["0", "1", "0", "0", "0"] + ["0"] * 10
    text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n" + "\t".join(values) + "\n"
    (d,) = codes(text, "GAI304")
    assert d.message == "表四“行政复议”的总计应为 1，实为 0"
    assert not codes(fixed(text, d), "GAI304")


# GAI401 / GAI402 / GAI405


def test_missing_period_fix_inserts_the_sentence_after_the_title():
    text = TITLE + "一、总体情况\n"
    (d,) = codes(text, "GAI401")
    after = fixed(text, d)
    assert after == TITLE.rstrip("\n") + "\n本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n一、总体情况\n"
    assert not codes(after, "GAI401")


def test_period_of_the_wrong_year_fix_replaces_only_the_years():
    text = TITLE + "本报告所列数据统计期限为2022年1月1日至2022年12月31日。\n"
    (d,) = codes(text, "GAI402")
    assert d.message == "统计期限应为2023年1月1日至2023年12月31日，实为“2022年1月1日至2022年12月31日”"
    assert fixed(text, d) == TITLE + PERIOD
    assert not codes(TITLE + PERIOD, "GAI402")


def test_period_with_wrong_days_is_replaced_whole():
    text = TITLE + "统计期限为2023年1月1日至2023年11月30日。\n"
    (d,) = codes(text, "GAI402")
    assert not codes(fixed(text, d), "GAI402")


def test_unknown_year_is_an_info():
    (d,) = codes("正文。\n", "GAI405")
    assert d.severity.label == "info"
    assert not codes("正文。\n", "GAI405", "reports/2023.txt")


# GAI701 web-residue


def test_page_furniture_line_is_deleted_whole():
    text = "当前位置：首页 > 政务公开\n" + TITLE + "正文。\n打印本页 关闭窗口\n"
    found = codes(text, "GAI701")
    assert [span_text(text, d) for d in found] == ["当前位置：首页 > 政务公开", "打印本页 关闭窗口"]
    assert fixed(text, found[0]) == TITLE + "正文。\n打印本页 关闭窗口\n"


def test_body_words_like_laiyuan_are_not_residue():
    text = TITLE + "一、总体情况\n信息来源于各部门报送，首页改版后栏目更清晰。\n"
    assert not codes(text, "GAI701")


def test_a_missing_section_is_reported_where_it_belongs():
    text = TITLE + "四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议。\n六、其他需要报告的事项\n无。\n"
    (five,) = [d for d in codes(text, "GAI102") if "五、" in d.message]
    # At the end of section 四's content, not on section 六's heading.
    end = text.index("本年度未发生行政复议。") + len("本年度未发生行政复议。")
    assert (five.span.start, five.span.end) == (end, end)


def test_inserted_lines_use_a_cr_only_files_own_line_ending():
    # Old Mac-style files end lines with a lone CR: an inserted heading or statistics
    # period must end with CR too, not add the first LF of the file.
    from gailint.config import Settings
    from gailint.engine.fixes import fix_to_point

    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "fixtures" / "003_bfabfd0488fd8ed4.txt"
    text = seed.read_text(encoding="utf-8").replace("\n", "\r")
    text = text.replace("## **六、其他需要报告的事项**\r", "")
    settings = Settings(select=("GAI102", "GAI401"))
    result = fix_to_point(text, lambda t: LINTER.lint(t, "r.txt", settings)[1])
    assert result.applied and "六、其他需要报告的事项\r" in result.text
    assert "\n" not in result.text
