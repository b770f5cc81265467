"""GAI501–GAI502: counts in the prose against tables 三 and 四; and the prose extraction."""

from __future__ import annotations

from pathlib import Path

from gailint.parse import parse
from gailint.parse.prose import clauses, count_statements

from .conftest import line_of, lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S001, S003, S004 = SEEDS["001"], SEEDS["003"], SEEDS["004"]  # 13 / 2 / 11 new applications

APPLIED = "全年共受理群众政府信息公开申请11件"  # seed 004 L11
FEE_ROW = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"


def statements(text):
    return [(s.topic, s.value, text[s.span.start : s.span.end]) for s in count_statements(parse(text).prose_lines())]


# ---------------------------------------------------------------- extraction


def test_counts_in_real_phrasing():
    assert statements("（二）完善依申请公开工作程序。全年共受理群众政府信息公开申请11件，均按规定时间予以答复。\n") == [
        ("application", 11, "11")
    ]
    assert statements("2023年共办理依申请公开13件，全部按时办结，回复到位。\n") == [("application", 13, "13")]
    assert statements("2021 年我镇共有两名申请人提出政府信息公开申请，我单位及时公开相应文件及政策。\n") == [
        ("application", 2, "两")
    ]
    assert statements("本年度共收到十三件政府信息公开申请。\n") == [("application", 13, "十三")]


def test_counts_of_review_and_litigation_each_take_their_own_number():
    text = "本年度发生政府信息公开行政复议1起、行政诉讼2起。\n"
    assert statements(text) == [("review", 1, "1"), ("litigation", 2, "2")]


def test_zero_statements():
    assert statements("本年度未收到政府信息公开申请。\n") == [("application", 0, "未收到")]
    assert statements("本年度未发生政府信息公开行政复议、行政诉讼案件。\n") == [
        ("litigation", 0, "未发生"),
        ("review", 0, "未发生"),
    ]


def test_numbers_not_about_applications_are_not_counts():
    # Seed 001: a leaders' mailbox, then a bare number.
    assert statements("高质量办理各级领导信箱留言,全年共受理147件,办结率100%办结民生平台民生事项5563件。\n") == []
    assert statements("全年在新绛县政府信息公开网上公开政务信息共 134 条。\n") == []
    # Breakdowns, comparisons and rates are not the year's total.
    assert statements("其中依申请公开3件。\n") == []
    assert statements("政府信息公开申请较上年增加5件。\n") == []
    assert statements("依申请公开按时办结率100%。\n") == []
    # A county-wide figure is not the issuer's own table.
    assert statements("全县共受理政府信息公开申请120件。\n") == []
    # An applicant count yields to an explicit application count in the same clause.
    assert statements("共有15名申请人提出28件政府信息公开申请。\n") == [("application", 28, "28")]


def test_clauses_keep_exact_spans():
    text = "标题\n 全年共受理群众政府信息公开申请11件，均按规定时间予以答复。\n"
    found = list(clauses(parse(text).prose_lines()))
    assert [text[c.span.start : c.span.end] for c in found] == [c.text for c in found]
    assert "全年共受理群众政府信息公开申请11件" in [c.text for c in found]


# ---------------------------------------------------------------- GAI501


def test_prose_count_differs_from_table3():
    text = S004.replace(APPLIED, "全年共受理群众政府信息公开申请15件")
    (d,) = only(lint(text, select=["GAI501"]), "GAI501")
    assert span_text(text, d) == "15"
    assert line_of(text, d) == 11
    assert d.message == "正文称政府信息公开申请 15 件，与表格不符：表三“一、本年新收政府信息公开申请数量”总计为 11"


def test_chinese_numeral_count_differs():
    text = S003.replace("共有两名申请人", "共有三名申请人")
    (d,) = only(lint(text, select=["GAI501"]), "GAI501")
    assert span_text(text, d) == "三"
    assert "“三”（3）" in d.message and "总计为 2" in d.message


def test_matching_counts_pass():
    for text in (S001, S003, S004):
        assert only(lint(text, select=["GAI501"]), "GAI501") == []


def test_mailbox_count_is_not_an_application_count():
    # Seed 001 says 受理147件 of mailbox messages and 13 applications; only the 13 is compared.
    text = S001.replace("2023年共办理依申请公开13件", "2023年共办理依申请公开12件")
    (d,) = only(lint(text, select=["GAI501"]), "GAI501")
    assert span_text(text, d) == "12"
    assert "总计为 13" in d.message


def test_count_of_another_year_is_not_compared():
    text = S004.replace(APPLIED, "2020年共受理群众政府信息公开申请15件")
    assert only(lint(text, select=["GAI501"]), "GAI501") == []


def test_zero_statement_against_table():
    text = S004.replace(APPLIED, "本年度未收到政府信息公开申请")
    (d,) = only(lint(text, select=["GAI501"]), "GAI501")
    assert span_text(text, d) == "未收到"
    assert "总计为 11" in d.message


def test_review_count_against_table4():
    text = S004.replace("均按规定时间予以答复。", "均按规定时间予以答复。本年度发生政府信息公开行政复议1起。")
    (d,) = only(lint(text, select=["GAI501"]), "GAI501")
    assert span_text(text, d) == "1"
    assert d.message == "正文称政府信息公开行政复议 1 件，与表格不符：表四“行政复议·总计”为 0"


def test_carried_over_applications_may_be_included():
    carried = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
    assert carried in S004
    text = S004.replace(carried, carried[: -len("0\t0\t0\t0\t0\t0\t0")] + "1\t0\t0\t0\t0\t0\t1")
    text = text.replace(APPLIED, "全年共受理群众政府信息公开申请12件")
    assert only(lint(text, select=["GAI501"]), "GAI501") == []


# ---------------------------------------------------------------- GAI502


def _with_unpaid_fee(text):
    assert FEE_ROW in text
    return text.replace(FEE_ROW, FEE_ROW[: -len("0\t0\t0\t0\t0\t0\t0")] + "1\t0\t0\t0\t0\t0\t1")


def test_fee_notice_without_fee_statement():
    text = _with_unpaid_fee(S004)
    (d,) = only(lint(text, select=["GAI502"]), "GAI502")
    assert span_text(text, d) == "1"
    assert line_of(text, d) == 59
    assert d.message.startswith("表三“（六）其他处理2.申请人逾期未按收费通知要求缴纳费用")
    assert "总计为 1，但“六、其他需要报告的事项”未说明信息处理费的收取情况" in d.message


def test_fee_notice_with_fee_statement_passes():
    text = _with_unpaid_fee(S004).replace("六、其他需要报告的事项\n\n无", "六、其他需要报告的事项\n\n本年度发出收费通知1件，申请人未缴纳，未收取信息处理费。")
    assert only(lint(text, select=["GAI502"]), "GAI502") == []


def test_no_fee_notice_no_finding():
    assert only(lint(S004, select=["GAI502"]), "GAI502") == []


# ---------------------------------------------------------------- beyond the totals


def test_a_correction_that_never_happened_is_no_count_of_applications():
    assert statements("本年度未发生因政府信息公开申请被纠错的情况。\n") == []
    assert statements("本年度未发生政府信息公开申请被行政复议纠错的情况。\n") == []


def test_documents_by_disclosure_type_are_no_applications():
    assert statements("全年主动公开政府信息160条，依申请公开信息1504条。\n") == []
    assert statements("依申请公开信息数14件，不予公开信息数2件。\n") == []


def test_applications_counted_in_tiao():
    assert statements("2023年，共收到政府信息公开申请3条。\n") == [("application", 3, "3")]


def test_received_may_or_may_not_count_the_carried_over_ones():
    # 10 new and 1 carried over: "收到11件" counts both, unless the option says not to.
    text = "一、总体情况\n全年共收到政府信息公开申请11件。\n" + _table3({0: 10, 1: 1, 2: 11, 23: 11})
    assert only(lint(text), "GAI501") == []
    (d,) = only(lint(text, rule_options={"GAI501": {"received-includes-carried-over": False}}), "GAI501")
    assert d.message == "正文称政府信息公开申请 11 件，与表格不符：表三“一、本年新收政府信息公开申请数量”总计为 10（加上年结转 1 共 11）"
    # "办理" is not "收到": it may still count the carried-over ones.
    handled = text.replace("收到", "办理")
    assert only(lint(handled, rule_options={"GAI501": {"received-includes-carried-over": False}}), "GAI501") == []


def _table3(rows: dict[int, int]) -> str:
    from gailint.template import TABLE3_ROWS

    body = "".join(
        f"{label}\t{rows.get(i, 0)}\t0\t0\t0\t0\t0\t{rows.get(i, 0)}\n" for i, (label, _) in enumerate(TABLE3_ROWS)
    )
    return "三、收到和处理政府信息公开申请情况\n" + body


# 16 new: 予以公开 6, 部分公开 4, 国家秘密 2 (不予公开), 不掌握 3 (无法提供), 重复申请 1 (不予处理).
T3 = _table3({0: 16, 2: 6, 3: 4, 4: 2, 12: 3, 16: 1, 23: 16})
T4 = "行政复议\t行政诉讼\n2\t1\t0\t0\t3\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0\n"


def test_breakdown_that_matches_the_table():
    text = "一、总体情况\n全年收到申请16件，其中予以公开及部分公开10件，不予公开2件，无法提供3件，不予处理1件。\n" + T3
    assert only(lint(text), "GAI503") == []


def test_breakdown_that_does_not():
    text = "一、总体情况\n全年收到申请16件，其中予以公开及部分公开12件，不予公开2件。\n" + T3
    (d,) = only(lint(text), "GAI503")
    assert span_text(text, d) == "12"
    assert d.message == "正文称予以公开及部分公开 12 件，与表格不符：表三“（一）予以公开与（二）部分公开”总计为 10"


def test_review_results_in_the_prose():
    text = "四、政府信息公开行政复议、行政诉讼情况\n本年度发生行政复议3件，其中维持1件、纠正1件。\n" + T4
    (d,) = only(lint(text), "GAI503")
    assert d.message == "正文称行政复议维持 1 件，与表格不符：表四行政复议“结果维持”为 2"


def test_counts_of_documents_and_other_matters_are_left_alone():
    text = "一、总体情况\n不予公开信息数137条，全年维持稳定，纠正错别字3处。\n" + T3
    assert only(lint(text), "GAI503") == []
