"""GAI601–GAI604: sections 五 and 六, and passages written twice."""

from __future__ import annotations

import time
from pathlib import Path

from gailint.config import Settings
from gailint.parse import parse
from gailint.parse.prose import repeated_passages

from .conftest import LINTER, line_of, lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S000, S004 = SEEDS["000"], SEEDS["004"]

TITLE = "宜阳县人民政府办公室2021年政府信息公开工作年度报告\n"
FIVE = "五、存在的主要问题及改进情况\n"
SIX = "六、其他需要报告的事项\n"
PROBLEMS = "存在的主要问题：一是县域政务新媒体较多，监管力度不够；二是政策文件解读方式单一。\n"
PLANS = "下一步工作打算：一是加强领导，落实责任；二是坚持问题导向，抓好问题整改。\n"


# ---------------------------------------------------------------- GAI601


def test_no_rectification_of_last_year():
    text = TITLE + FIVE + PROBLEMS + PLANS + SIX + "本年度未收取信息处理费。\n"
    (d,) = only(lint(text, select=["GAI601"]), "GAI601")
    assert span_text(text, d) == "五、存在的主要问题及改进情况"
    assert d.message == "第五部分未说明上年度（2020年度）存在问题的整改情况：应写明上年度问题的整改落实情况"


def test_rectification_stated_passes():
    for said in (
        "针对上年度报告中指出的政策解读形式单一问题，本年度已全部整改到位。\n",
        "2020年度存在的新媒体更新不及时问题，已于6月底前整改完毕。\n",
        "去年指出的问题。已通过制定政务新媒体管理办法加以解决。\n",  # the next sentence
    ):
        text = TITLE + FIVE + said + PROBLEMS + PLANS + SIX + "本年度未收取信息处理费。\n"
        assert only(lint(text, select=["GAI601"]), "GAI601") == [], said


def test_rectification_words_alone_are_not_enough():
    # Seed 004 says 抓好问题整改 about this year's plan: still no word on last year's problems.
    assert len(only(lint(S004, select=["GAI601"]), "GAI601")) == 1


# ---------------------------------------------------------------- GAI602


def test_other_matters_only_none():
    for body in ("无", "无。", "无其他需要报告的事项", "无其他需报告的事项。", "本年度无其他需要报告的事项。"):
        text = TITLE + SIX + body + "\n"
        (d,) = only(lint(text, select=["GAI602"]), "GAI602")
        assert span_text(text, d) == body
        assert d.message == f"第六部分只写了“{body}”：应说明本年度收取信息处理费的情况（未收取也应写明“本年度未收取信息处理费”）"


def test_other_matters_stating_the_fee_pass():
    for body in ("本年度依申请公开收费为零。", "本年度未收取信息处理费。", "无。\n本年度未收取信息处理费。"):
        text = TITLE + SIX + body + "\n"
        assert only(lint(text, select=["GAI602"]), "GAI602") == [], body


def test_seed_000_states_the_fee():
    assert only(lint(S000, select=["GAI602"]), "GAI602") == []


def test_markdown_heading_and_bare_none():
    text = "## **六、其他需要报告的事项**\n\n无\n\n新绛县三泉镇人民政府\n\n2022年1月25日\n"
    (d,) = only(lint(text, select=["GAI602"]), "GAI602")
    assert span_text(text, d) == "无"


# ---------------------------------------------------------------- GAI603

REPEATED = (
    "(三)政府信息管理及规范化建设情况\n"
    "四是拓宽政府信息公开渠道,在利用各种传统公开方式的同时,加强网上公开,方便群众了解相关信息。\n"
    "2、充实信息内容,及时发布到位。督促各部门落实信息上报任务,及时反映有关重大活动、工作进展等情况。\n"
    "3、创新公开形式,提高宣传力度。拓宽政府信息公开渠道,在利用各种传统公开方式的同时,加强网上公开,方便群众了解相关信息。\n"
)


def test_duplicate_passage_reports_the_second_copy():
    (d,) = only(lint(REPEATED, select=["GAI603"]), "GAI603")
    assert span_text(REPEATED, d) == "拓宽政府信息公开渠道,在利用各种传统公开方式的同时,加强网上公开,方便群众了解相关信息"
    assert line_of(REPEATED, d) == 4
    assert d.message == "这段文字（43 字）与第 2 行重复：“拓宽政府信息公开渠道,在…群众了解相关信息”，应删除重复内容或改写"


def test_repeated_sentence_with_other_enumeration_markers():
    # Seed 000 L6/L7: 一是…。二是… written again as one sentence.
    text = (
        "一是明确责任,指定专人负责信息公开工作。二是严格按照“三审”制度审核信息。\n"
        "1、强化组织领导,责任落实到位。明确责任,指定专人负责信息公开工作,严格按照“三审”制度审核信息。\n"
    )
    (d,) = only(lint(text, select=["GAI603"]), "GAI603")
    assert span_text(text, d) == "明确责任,指定专人负责信息公开工作,严格按照“三审”制度审核信息"
    assert "与第 1 行重复" in d.message


def test_enumeration_markers_are_blanked_where_they_open_the_line_or_follow_a_stop():
    from gailint.parse.prose import _blank_markers

    assert _blank_markers("一是明确责任。二、强化，（三）落实；4．完善") == "  明确责任。  强化，   落实；  完善"
    assert _blank_markers("  1、开头的空白也算") == "    开头的空白也算"
    assert _blank_markers("统一是标准，十是") == "统一是标准，  "  # 统一是: no marker inside a word
    assert _blank_markers("没有编号的一句话。") == "没有编号的一句话。"


def test_short_common_phrases_are_not_duplicates():
    text = (
        "严格贯彻《中华人民共和国政府信息公开条例》,认真做好政府信息公开工作。\n"
        "对照《中华人民共和国政府信息公开条例》规定主动公开的内容,编制发布政务公开事项标准目录。\n"
    )
    assert only(lint(text, select=["GAI603"]), "GAI603") == []


def test_min_chars_option():
    s = Settings(select=("GAI603",), rule_options={"GAI603": {"min_chars": 60, "min_sentence": 60}})
    assert only(LINTER.lint(REPEATED, "report.txt", s)[1], "GAI603") == []


def test_repeats_are_found_in_linear_time():
    # 4000 distinct numbered sentences plus one repeat: no quadratic blow-up.
    body = "".join(f"第{i}项工作按计划推进，完成率达到百分之{i % 97}，群众满意度第{i * 7}名。\n" for i in range(4000))
    text = REPEATED + body
    report = parse(text)
    t0 = time.perf_counter()
    found = repeated_passages(report.prose_lines(), text)
    assert time.perf_counter() - t0 < 2.0
    assert any(text[r.span.start : r.span.end].startswith("拓宽政府信息公开渠道") for r in found)


def test_short_and_long_prose_find_the_same_earlier_copies():
    # A report's prose is searched with str.find, a long text through an index of every
    # window; both give, for every 4th window, its first occurrence wholly before it.
    import random

    from gailint.parse import prose

    def every_window(content: str, w: int) -> list[tuple[int, int]]:
        first: dict[str, int] = {}
        for i in range(len(content) - w + 1):
            first.setdefault(content[i : i + w], i)
        return [(i, first[content[i : i + w]]) for i in range(0, len(content) - w + 1, 4) if first[content[i : i + w]] + w <= i]

    rnd = random.Random(4)
    for size in (0, 11, 12, 300, prose._FIND_MAX, prose._FIND_MAX + 1, 3 * prose._FIND_MAX):
        pieces = ["".join(rnd.choice("政府信息公开年度报告工作") for _ in range(rnd.randrange(5, 40))) for _ in range(6)]
        content = "".join(rnd.choice(pieces) for _ in range(size))[:size]
        assert prose._earlier_copies(content, 12) == every_window(content, 12), size


# ---------------------------------------------------------------- GAI604

VAGUE = (
    "2021年,我乡政府信息公开工作虽取得了一定成效,但离人民群众的要求还有一定的差距,一是政务信息公开力度有待进一步加大,"
    "二是政务信息公开的内容还不够全面,三是信息公开更新还不够及时。对此,我乡高度重视,下一步,将采取多项措施促进政府信息公开工作。\n"
)


def test_vague_problems():
    text = TITLE + FIVE + VAGUE
    (d,) = only(lint(text, select=["GAI604"]), "GAI604")
    assert d.severity.label == "info"
    assert span_text(text, d) == "还有一定的差距"
    assert d.message == (
        "第五部分所列问题多为套话（“还有一定的差距”“有待进一步加大”“还不够全面”“还不够及时”），"
        "没有具体的数字、名称或日期：应写明具体是什么问题、涉及哪些栏目或多少件"
    )


def test_concrete_problems_pass():
    concrete = "一是乡镇板块有14个栏目超过3个月未更新，更新还不够及时；二是全年仅发布政策解读2篇，力度有待进一步加大。下一步……\n"
    assert only(lint(TITLE + FIVE + concrete, select=["GAI604"]), "GAI604") == []


def test_boilerplate_in_the_plans_is_not_a_problem_statement():
    text = TITLE + FIVE + "一是乡镇板块有14个栏目超过3个月未更新。下一步，将针对有待进一步加强、还不够及时的环节加大力度。\n"
    assert only(lint(text, select=["GAI604"]), "GAI604") == []


def test_a_paragraph_repeated_word_for_word_is_reported_whole():
    para = "严格落实信息发布审核制度，坚持先审后发，确保公开信息准确无误。"
    text = TITLE + "一、总体情况\n" + para + "\n其他内容。\n" + para + "\n"
    (d,) = only(lint(text, select=["GAI603"]), "GAI603")
    assert span_text(text, d) == para
    assert line_of(text, d) == 5 and "第 3 行" in d.message


def test_a_pasted_paragraph_with_changed_numbers_is_still_a_copy():
    para = "通过政府网站主动公开信息{}条，通过公告栏及宣传栏公开信息{}条，及时回应群众关切。"
    text = TITLE + "一、总体情况\n" + para.format(89, 105) + "\n其他内容。\n" + para.format(91, 12) + "\n"
    (d,) = only(lint(text, select=["GAI603"]), "GAI603")
    assert span_text(text, d) == para.format(91, 12)


def test_a_repeated_document_title_or_template_wording_is_no_copied_passage(lint):
    title = "《平潭综合实验区管委会办公室关于做好2019年政府信息公开工作年度报告编制公布工作的通知》"
    text = (
        "某局2019年政府信息公开工作年度报告\n"
        f"根据《中华人民共和国政府信息公开条例》、{title}要求，编制本报告。\n"
        f"一、总体情况\n我局深入贯彻落实{title}，按时完成报告编制。\n"
        "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况。\n"
        "六、其他需要报告的事项\n报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况。\n"
    )
    assert [d for d in lint(text) if d.code == "GAI603"] == []


def test_a_style_sheet_pasted_twice_is_markup_not_a_passage(lint):
    css = "Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE /* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; mso-tstyle-rowband-size:0; mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}"
    text = f"某局2021年政府信息公开工作年度报告\n{css}\n一、总体情况\n正文。\n{css}\n"
    assert [d for d in lint(text) if d.code == "GAI603"] == []


def test_the_line_named_is_the_files_line_in_a_one_line_scrape(lint):
    para = "我局始终坚持把政务公开工作摆在重要位置，建立健全工作机制，明确专人负责，确保各项工作落到实处。"
    text = "标题: 某局2023年政府信息公开工作年度报告\n" + f"一、总体情况 {para} 二、主动公开政府信息情况 {para}"
    (d,) = [d for d in lint(text) if d.code == "GAI603"]
    assert "与第 2 行重复" in d.message
