"""GAI103–GAI106: order, wording and content of the six sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from gailint.engine.diagnostics import Severity
from gailint.engine.fixes import apply_edits

from .conftest import lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S004 = SEEDS["004"]  # 宜阳县人民政府办公室 2021: six standard plain-text headings

MY_CODES = ("GAI103", "GAI104", "GAI105", "GAI106")

# A short report in real phrasing (from seeds 001 and 003), every section with content.
PARTS = {
    1: "一、总体情况\n（一）主动公开情况。2023年全县主动公开政府信息2.8万条。\n"
    "（二）依申请公开情况。2023年共办理依申请公开13件，全部按时办结。\n"
    "（三）政府信息管理情况。严格落实公示公开内容“三审三校”制度。\n"
    "（四）政府信息公开平台建设情况。加强政府门户网站与政务新媒体的联动。\n"
    "（五）监督保障情况。将考核成绩纳入各单位年度综合考核。\n",
    2: "二、主动公开政府信息情况\n第二十条第（一）项\n规章\t0\t0\t0\n",
    3: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13\n",
    4: "四、政府信息公开行政复议、行政诉讼情况\n0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    5: "五、存在的主要问题及改进情况\n存在的主要问题：政策解读形式较为单一。上年度问题已全部整改到位。\n",
    6: "六、其他需要报告的事项\n本年度未收取信息处理费。\n",
}
TITLE = "定西市通渭县人民政府2023年政府信息公开工作年度报告\n"


def report(*order: int) -> str:
    return TITLE + "".join(PARTS[n] for n in order)


# ---------------------------------------------------------------- GAI103


def test_ordered_sections_pass():
    assert only(lint(report(1, 2, 3, 4, 5, 6), select=["GAI103"]), "GAI103") == []


def test_swapped_sections_name_the_one_to_move():
    text = report(1, 3, 2, 4, 5, 6)
    (d,) = only(lint(text, select=["GAI103"]), "GAI103")
    assert span_text(text, d) == "二、主动公开政府信息情况"
    assert d.message == "第二部分“二、主动公开政府信息情况”顺序不对，应排在第三部分之前（六个部分应按一至六的顺序排列）"


def test_a_section_moved_to_the_end_is_the_only_one_reported():
    text = report(2, 3, 4, 5, 6, 1)
    (d,) = only(lint(text, select=["GAI103"]), "GAI103")
    assert span_text(text, d) == "一、总体情况"
    assert d.message == "第一部分“一、总体情况”顺序不对，应排在第二部分之前（六个部分应按一至六的顺序排列）"


def test_a_repeated_section_is_reported_at_its_second_heading():
    text = report(1, 2, 3, 4, 5, 6) + PARTS[6]
    (d,) = only(lint(text, select=["GAI103"]), "GAI103")
    assert span_text(text, d) == "六、其他需要报告的事项"
    assert d.span.start == text.rindex("六、其他需要报告的事项")
    assert d.message.startswith("第六部分“六、其他需要报告的事项”重复出现（第 ")
    assert d.message.endswith("行已有该部分标题），每个部分应只出现一次")


# ---------------------------------------------------------------- GAI104


def test_reworded_heading_is_a_warning_with_the_template_title():
    text = S004.replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请的情况")
    (d,) = only(lint(text, select=["GAI104"]), "GAI104")
    assert span_text(text, d) == "三、收到和处理政府信息公开申请的情况"
    assert d.severity == Severity.WARNING
    assert d.message == "部分标题“三、收到和处理政府信息公开申请的情况”与模板不一致，应为“三、收到和处理政府信息公开申请情况”"


def test_accepted_variant_is_only_an_info():
    text = S004.replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况")
    (d,) = only(lint(text, select=["GAI104"]), "GAI104")
    assert span_text(text, d) == "五、政府信息公开工作存在的主要问题及改进情况"
    assert d.severity == Severity.INFO
    assert d.message == "部分标题“五、政府信息公开工作存在的主要问题及改进情况”是可接受的写法，模板原文为“五、存在的主要问题及改进情况”"


def test_wrong_numeral_is_reported():
    # Section 四 dropped, and 五/六 renumbered: 六's words under the numeral 五.
    text = report(1, 2, 3, 5, 6).replace("六、其他需要报告的事项", "五、其他需要报告的事项")
    diags = only(lint(text, select=["GAI104"]), "GAI104")
    assert [span_text(text, d) for d in diags] == ["五、其他需要报告的事项"]
    assert diags[0].message.endswith("应为“六、其他需要报告的事项”")


@pytest.mark.parametrize(
    "heading",
    ["一.总体情况", "一，总体情况", "一、 总体情况", "一、总体情况：", "## **一、总体情况**", "一、总体情况。"],
)
def test_numbering_punctuation_spacing_and_markdown_are_accepted(heading):
    text = report(1, 2, 3, 4, 5, 6).replace("一、总体情况", heading)
    assert only(lint(text, select=["GAI104"]), "GAI104") == []


@pytest.mark.parametrize(
    "old",
    ["三、收到和处理政府信息公开申请的情况", "五、存在问题及改进情况", "## 四、政府信息公开行政复议和行政诉讼情况"],
)
def test_fix_replaces_only_the_heading_and_clears_the_finding(old):
    standard = {"三": "三、收到和处理政府信息公开申请情况", "五": "五、存在的主要问题及改进情况", "四": "四、政府信息公开行政复议、行政诉讼情况"}
    key = old.lstrip("# ")[0]
    text = S004.replace(standard[key], old)
    (d,) = only(lint(text, select=["GAI104"]), "GAI104")
    fixed = apply_edits(text, d.fix.edits)
    assert fixed == text[: d.span.start] + standard[key] + text[d.span.end :]
    assert only(lint(fixed, select=["GAI104"]), "GAI104") == []


# ---------------------------------------------------------------- GAI105


def test_all_five_topics_pass():
    assert only(lint(report(1, 2, 3, 4, 5, 6), select=["GAI105"]), "GAI105") == []


def test_missing_topics_are_named():
    text = report(1, 2, 3, 4, 5, 6).replace("（四）政府信息公开平台建设情况。加强政府门户网站与政务新媒体的联动。\n", "")
    text = text.replace("（五）监督保障情况。将考核成绩纳入各单位年度综合考核。\n", "")
    (d,) = only(lint(text, select=["GAI105"]), "GAI105")
    assert span_text(text, d) == "一、总体情况"
    assert d.message == (
        "总体情况未涉及政府信息公开平台建设、监督保障；应分别说明主动公开、依申请公开、政府信息管理、"
        "政府信息公开平台建设、监督保障五个方面"
    )


def test_reasonable_wordings_count():
    text = (
        TITLE
        + "一、总体情况\n（一）主动公开。全年主动公开政府信息134条。\n（二）依申请公开。全年收到申请2件。\n"
        "（三）信息管理。健全信息发布审核机制。\n（四）平台建设。利用政府网站集约化平台发布信息。\n"
        "（五）监督保障。列入年终考核。\n"
        + "".join(PARTS[n] for n in (2, 3, 4, 5, 6))
    )
    assert only(lint(text, select=["GAI105"]), "GAI105") == []


def test_no_section_one_is_left_to_gai102():
    assert only(lint(report(2, 3, 4, 5, 6), select=["GAI105"]), "GAI105") == []


# ---------------------------------------------------------------- GAI106


def test_section_without_content():
    a, b = S004.index("四、政府信息公开行政复议"), S004.index("五、存在的主要问题")
    text = S004[:a] + "四、政府信息公开行政复议、行政诉讼情况\n\n" + S004[b:]
    (d,) = only(lint(text, select=["GAI106"]), "GAI106")
    assert span_text(text, d) == "四、政府信息公开行政复议、行政诉讼情况"
    assert d.message == "第四部分“四、政府信息公开行政复议、行政诉讼情况”下没有内容，应填写该部分的情况"


def test_last_section_without_content():
    text = S004.rstrip().removesuffix("无").rstrip() + "\n"
    (d,) = only(lint(text, select=["GAI106"]), "GAI106")
    assert span_text(text, d) == "六、其他需要报告的事项"


def test_sections_with_content_pass():
    assert only(lint(report(1, 2, 3, 4, 5, 6), select=["GAI106"]), "GAI106") == []


# ---------------------------------------------------------------- seeds


EXPECTED = {
    "000": set(),  # no 一、总体情况 heading at all: GAI102, not GAI105
    "001": set(),
    "002": {("GAI105", "一、总体情况", ("主动公开", "依申请公开", "政府信息公开平台建设"))},
    "003": set(),  # Markdown headings (## **六、…**) are this file's format
    "004": {("GAI105", "一、总体情况", ("政府信息管理", "政府信息公开平台建设", "监督保障"))},
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_findings(seed):
    text = SEEDS[seed]
    diags = [d for d in lint(text, path=f"{seed}.txt", select=MY_CODES) if d.code in MY_CODES]
    found = set()
    for d in diags:
        topics = tuple(t for t in ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障") if t in d.message.split("；")[0])
        found.add((d.code, span_text(text, d), topics))
    assert found == EXPECTED[seed]


def test_documents_counted_by_disclosure_type_do_not_cover_the_application_topic(lint):
    text = (
        "一、总体情况\n（一）主动公开。全年主动公开政府信息160条，依申请公开信息1504条。\n"
        "（二）政府信息管理。落实信息发布审核制度。\n（三）平台建设。用好门户网站平台。\n（四）监督保障。开展考核。\n"
    )
    (d,) = [x for x in lint(text) if x.code == "GAI105"]
    assert d.message.startswith("总体情况未涉及依申请公开")
    handled = text.replace("依申请公开信息1504条。", "依申请公开方面，全年受理申请3件。")
    assert [x for x in lint(handled) if x.code == "GAI105"] == []


def test_section_five_planning_for_next_year_is_still_section_five(lint):
    text = "五、存在的主要问题及明年工作计划\n一是……\n"
    from gailint.parse import parse

    (s,) = parse(text).sections
    assert s.number == 5 and s.wording == "other"
    (d,) = [x for x in lint(text) if x.code == "GAI104"]
    assert d.message == "部分标题“五、存在的主要问题及明年工作计划”与模板不一致，应为“五、存在的主要问题及改进情况”"
