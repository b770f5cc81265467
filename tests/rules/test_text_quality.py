"""GAI702–GAI706: placeholders, back-end links, markup, broken lines, typos;
and what seed-findings.md expects of GAI5xx, GAI6xx and GAI702–706 on the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from gailint.engine.diagnostics import Edit
from gailint.engine.fixes import apply_edits
from gailint.engine.rule import RuleContext
from gailint.parse import parse
from gailint_rules.national.text_quality import typo

from .conftest import line_of, lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}

TITLE = "西平县人和乡2021年政府信息公开工作年度报告\n"


def fix_clears(text, code, path="report.txt", which=0):
    """Apply one diagnostic's fix; it must change only its edits and clear that diagnostic."""
    before = only(lint(text, path, select=[code]), code)
    d = before[which]
    assert d.fix is not None
    new = apply_edits(text, d.fix.edits)
    lo = min(e.start for e in d.fix.edits)
    hi = max(e.end for e in d.fix.edits)
    tail = len(text) - hi
    assert new[:lo] == text[:lo] and new[len(new) - tail :] == text[hi:]
    after = only(lint(new, path, select=[code]), code)
    assert len(after) == len(before) - 1
    return new


# ---------------------------------------------------------------- GAI702


def test_placeholders():
    text = "XX镇人民政府202X年政府信息公开工作年度报告\n本年度共收到××件申请，由XXX单位办理。\n联系人：【】\n"
    found = [(span_text(text, d), d.message) for d in only(lint(text, select=["GAI702"]), "GAI702")]
    assert found == [
        ("XX", "未填写的模板占位符“XX”：应替换为实际内容"),
        ("202X", "年份占位符“202X”未填写：应写明实际年份"),
        ("××", "未填写的模板占位符“××”：应替换为实际内容"),
        ("XXX", "未填写的模板占位符“XXX”：应替换为实际内容"),
        ("【】", "未填写的模板占位符“【】”：应替换为实际内容"),
    ]


def test_each_placeholder_pattern_runs_only_on_a_text_holding_one_of_its_characters():
    # The characters are a pattern's necessary condition: every match holds one.
    import random

    from gailint_rules.national.text_quality import _PLACEHOLDER_PATTERNS

    pieces = ["XX", "x", "ｘＸ", "202", "×", "××", "（单位名称）", "(单位全称)", "此处填写", "请填写", "【 】", "（文字描述，此处）", "在", "年", " ", "/"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for kind, pattern, _, chars in _PLACEHOLDER_PATTERNS:
        matched = 0
        for text in texts:
            for m in pattern.finditer(text):
                matched += 1
                assert any(ch in m.group() for ch in chars), (kind, m.group())
        assert matched, kind  # the pieces reach every pattern


def test_placeholder_year_names_the_report_year():
    text = TITLE + "一、总体情况\n20XX年，我乡认真贯彻落实《条例》。\n"
    (d,) = only(lint(text, select=["GAI702"]), "GAI702")
    assert span_text(text, d) == "20XX"
    assert d.message == "年份占位符“20XX”未填写：应写明实际年份（2021）"


def test_template_instruction_and_its_fix():
    text = TITLE + "六、其他需要报告的事项\n（文字描述，收取信息处理费情况在此处报告。）本年度未收取信息处理费。\n"
    (d,) = only(lint(text, select=["GAI702"]), "GAI702")
    assert span_text(text, d) == "（文字描述，收取信息处理费情况在此处报告。）"
    assert d.message == "格式模板的填写说明“（文字描述，收取信息处理费情况在此处报告。）”未删除：应删除，并写入实际内容"
    new = fix_clears(text, "GAI702")
    assert new == TITLE + "六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def test_an_instruction_pasted_inside_another_goes_with_it():
    # Deleting the inner one alone would close the outer one up into a new instruction.
    text = TITLE + "六、其他需要报告的事项\n（文字描（文字描述）述）本年度未收取信息处理费。\n"
    (d,) = only(lint(text, select=["GAI702"]), "GAI702")
    assert span_text(text, d) == "（文字描述）"
    assert fix_clears(text, "GAI702") == TITLE + "六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def test_xx_inside_words_and_urls_is_not_a_placeholder():
    text = (
        TITLE
        + "通过政务公开专栏（http://www.xx.gov.cn/xxgk/index.html）发布信息。\n"
        + "栏目代码XXGK01，路径 /xx/zwgk/，邮箱 xxzx@126.com，型号 MAXX。\n"
        + "发布时间:2024-02-09 17:14 字号:[ ] 视力保护色:\n"
    )
    assert only(lint(text, select=["GAI702"]), "GAI702") == []


# ---------------------------------------------------------------- GAI703

LINK = "我乡公开政府信息依托“西平县政府门户网”(/cms/cmsadmin/main/main.jsp)作为政务公开第一平台,加强政府网站信息发布审核。\n"


def test_backend_link_with_brackets():
    text = TITLE + LINK
    (d,) = only(lint(text, select=["GAI703"]), "GAI703")
    assert span_text(text, d) == "(/cms/cmsadmin/main/main.jsp)"
    assert d.message == "网站后台链接“/cms/cmsadmin/main/main.jsp”不应出现在报告中：应删除"
    new = fix_clears(text, "GAI703")
    assert new == TITLE + "我乡公开政府信息依托“西平县政府门户网”作为政务公开第一平台,加强政府网站信息发布审核。\n"


def test_javascript_link():
    text = TITLE + "详见附件 javascript:void(0); 下载。\n"
    (d,) = only(lint(text, select=["GAI703"]), "GAI703")
    assert span_text(text, d) == "javascript:void(0);"
    fix_clears(text, "GAI703")


def test_public_urls_are_not_backend_links():
    text = TITLE + "解读链接:http://www.tongwei.gov.cn/art/2024/2/10/art_2150_1715991.html\n"
    assert only(lint(text, select=["GAI703"]), "GAI703") == []


# ---------------------------------------------------------------- GAI704


def test_pipe_fragments_one_finding_per_region():
    text = SEEDS["002"]
    found = only(lint(text, select=["GAI704"]), "GAI704")
    assert [(line_of(text, d), d.message) for d in found] == [
        (6, "第 6–60 行是网页表格转换留下的“|”分隔碎片：应整理为制表符分隔的表格（或改存为 .md 文件）"),
        (62, "第 62–332 行是网页表格转换留下的“|”分隔碎片：应整理为制表符分隔的表格（或改存为 .md 文件）"),
        (334, "第 334–375 行是网页表格转换留下的“|”分隔碎片：应整理为制表符分隔的表格（或改存为 .md 文件）"),
    ]
    assert all(d.severity.label == "info" and d.fix is None for d in found)
    assert span_text(text, found[0]).startswith("|\n第二十条第(一)项 |")


def test_html_residue_and_fix():
    text = TITLE + "本年度共收到&nbsp;政府信息公开申请<br>11件。\n<p>均按期答复。</p>\n\n正文。\n表格 0&nbsp;0\n"
    found = only(lint(text, select=["GAI704"]), "GAI704")
    assert [span_text(text, d) for d in found] == [
        "&nbsp;政府信息公开申请<br>11件。\n<p>均按期答复。</p>",
        "&nbsp;",
    ]
    assert found[0].message == "HTML 残留“&nbsp;”“<br>”“<p>”“</p>”（共 4 处）：应删除"
    new = apply_edits(text, [e for d in found for e in d.fix.edits])
    assert new == TITLE + "本年度共收到政府信息公开申请11件。\n均按期答复。\n\n正文。\n表格 0 0\n"
    assert only(lint(new, select=["GAI704"]), "GAI704") == []
    fix_clears(text, "GAI704")


def test_markup_is_the_format_of_a_markdown_file():
    assert only(lint(SEEDS["002"], "report.md", select=["GAI704"]), "GAI704") == []


def test_not_markup():
    text = TITLE + (
        "依据《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》编制。\n"
        "[  打印本页  |  关闭窗口  ]\n## 一、总体情况\n"
    )
    assert only(lint(text, select=["GAI704"]), "GAI704") == []


# ---------------------------------------------------------------- GAI705

BROKEN = (
    "（三）政府信息管理情况。由于人事变动，我镇及时调整了分工，进一步明确政务公开工\n"
    "\n"
    "作的分管领导，确保政务公开工作的延续性。\n"
)


def test_broken_line_and_fix():
    text = TITLE + BROKEN
    (d,) = only(lint(text, select=["GAI705"]), "GAI705")
    assert span_text(text, d) == "工\n\n作"
    assert d.message == "“…政务公开工”与下一行“作的分管领导…”之间断行，一句话被拆成两行：应合并为一行"
    new = fix_clears(text, "GAI705")
    assert new == TITLE + "（三）政府信息管理情况。由于人事变动，我镇及时调整了分工，进一步明确政务公开工作的分管领导，确保政务公开工作的延续性。\n"


@pytest.mark.parametrize(
    "text",
    [
        "(一)主动公开政府信息的情况\n全年共主动公开政府信息89条。\n",  # a sub-heading
        "### （一）做好政务公开两化建设，提高公开质量\n\n对内容继续细化充实，不仅在信息发布的范围上求广。\n",
        "（一）做好政务公开两化建设，提高公开质量\n对内容继续细化充实，不仅在信息发布的范围上求广。\n",
        "为推动美丽和谐新三泉再上新台阶。\n\n新绛县三泉镇人民政府\n\n2022年1月25日\n",  # signature
        "一是加强领导，落实责任，紧紧围绕工作中心和年度目标任务推进\n二是坚持问题导向，抓好问题整改。\n",
        "改进计划：针对以上问题，持续提升政务公开工作整体水平\n六、其他需要报告的事项\n无\n",  # heading next
        "确保政务公开工作正常化、规范化，接受群众监督：\n一方面及时充实工作力量。\n",
        "确保政务公开工作正常化、规范化，接受群众对政府工作的监督\n存在问题：信息发布时效性不足。\n",
    ],
)
def test_not_broken_lines(text):
    assert only(lint(TITLE + text, select=["GAI705"]), "GAI705") == []


# ---------------------------------------------------------------- GAI706


def test_builtin_typos_and_fix():
    text = TITLE + "针对存在的问题认真分析研究，找准结症，结合印发的工作制度。当前信息收集范围不足，内容较为平乏。\n"
    found = only(lint(text, select=["GAI706"]), "GAI706")
    assert [(span_text(text, d), d.message) for d in found] == [
        ("结症", "疑似错别字“结症”：应为“症结”"),
        ("平乏", "疑似错别字“平乏”：应为“贫乏”"),
    ]
    new = fix_clears(text, "GAI706")
    assert "找准症结，" in new and "平乏" in new


def test_typo_fixes_give_the_right_words():
    text = TITLE + "及时报送工作动态息严格执行公开审查程序。充分发挥政务公开对政府工作推进落的支撑作用。\n"
    found = only(lint(text, select=["GAI706"]), "GAI706")
    new = apply_edits(text, [e for d in found for e in d.fix.edits])
    assert "工作动态信息严格执行" in new and "推进落实的支撑作用" in new
    assert only(lint(new, select=["GAI706"]), "GAI706") == []


def test_a_typo_run_whose_fix_would_spell_it_again_gets_no_fix():
    # 结结症: correcting 结症 makes 结症结 — the typo again, with the 结 before it (found
    # by bench/fuzz.py in a mutated run 结症结结症结症…). It is still reported, without a fix.
    text = TITLE + "坚持遵循“谁结结症公开、谁负责”原则；找准结症，制定措施。\n"
    found = only(lint(text, select=["GAI706"]), "GAI706")
    assert [(span_text(text, d), d.fix is None) for d in found] == [("结症", True), ("结症", False)]
    assert apply_edits(text, [Edit.replace(found[0].span, "症结")]).count("结症") == 2  # what a fix would do
    fixed = apply_edits(text, found[1].fix.edits)
    assert "找准症结，" in fixed and len(only(lint(fixed, select=["GAI706"]), "GAI706")) == 1


def test_pack_vocabulary_extends_the_list():
    text = TITLE + "在公开栏木及时更新。\n"
    report = parse(text)
    ctx = RuleContext(options={}, vocabulary={"typos": {"公开栏木": "公开栏目", "落实": "落实", "": "x", "坏": 1}})
    (v,) = list(typo.check(report, ctx))
    assert text[v.span.start : v.span.end] == "公开栏木"
    assert v.message == "疑似错别字“公开栏木”：应为“公开栏目”"


def test_typos_are_looked_for_in_prose_headings_and_the_title_only():
    # One scan of the whole text; a hit in a table row is no typo of the prose, and a
    # pack word spanning a line break can never lie within a line.
    text = TITLE + "一、总体情况结症\n找准结症，内容平\n乏。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\t结症\n"
    ctx = RuleContext(options={}, vocabulary={"typos": {"平\n乏": "贫乏"}})
    found = list(typo.check(parse(text), ctx))
    assert [(text[v.span.start : v.span.end], line_of(text, v)) for v in found] == [("结症", 2), ("结症", 3)]


def test_vocabulary_wrong_inside_right_is_not_flagged_again():
    text = TITLE + "认真贯彻落实各项要求。\n"
    ctx = RuleContext(options={}, vocabulary={"typos": {"贯彻落": "贯彻落实"}})
    assert list(typo.check(parse(text), ctx)) == []


# ---------------------------------------------------------------- the seeds

MY_CODES = ["GAI501", "GAI502", "GAI601", "GAI602", "GAI603", "GAI604", "GAI702", "GAI703", "GAI704", "GAI705", "GAI706"]


def seed_findings(name):
    text = SEEDS[name]
    diags = lint(text, f"{name}.txt", select=MY_CODES)
    return text, {code: [(line_of(text, d), span_text(text, d), d.message) for d in only(diags, code)] for code in MY_CODES}


def test_seed_000():
    text, f = seed_findings("000")
    assert [(ln, s) for ln, s, _ in f["GAI703"]] == [(11, "(/cms/cmsadmin/main/main.jsp)")]
    assert [(ln, s) for ln, s, _ in f["GAI603"]] == [
        (7, "明确责任,指定专人负责信息公开工作,严格按照“三审”制度审核信息"),
        (9, "拓宽政府信息公开渠道,在利用各种传统公开方式的同时,加强网上公开,方便群众了解相关信息"),
    ]
    assert all("与第 6 行重复" in m for _, _, m in f["GAI603"])
    assert [(ln, s) for ln, s, _ in f["GAI706"]] == [(6, "动态息")]
    assert len(f["GAI601"]) == 1
    # must not: section 六 "本年度依申请公开收费为零。" states the fee; tables are all zeros.
    assert f["GAI602"] == [] and f["GAI501"] == [] and f["GAI502"] == []


def test_seed_001():
    text, f = seed_findings("001")
    ((ln, _, msg),) = f["GAI603"]
    assert ln == 613 and "与第 32 行重复" in msg
    assert len(f["GAI601"]) == 1
    assert [(ln, s) for ln, s, _ in f["GAI602"]] == [(617, "无。")]
    # must not: 领导信箱留言…受理147件 is not an application count; 依申请公开13件 matches.
    assert f["GAI501"] == []
    # The web residue (解读链接, [ 打印本页 | 关闭窗口 ]) belongs to GAI701, not to these rules.
    assert f["GAI703"] == [] and f["GAI704"] == [] and f["GAI702"] == []


def test_seed_002():
    text, f = seed_findings("002")
    assert len(f["GAI704"]) == 3
    assert len(f["GAI601"]) == 1
    assert [(ln, s) for ln, s, _ in f["GAI602"]] == [(380, "无其他需报告的事项。")]
    assert f["GAI501"] == [] and f["GAI502"] == []


def test_seed_003():
    text, f = seed_findings("003")
    breaks = [(ln, s) for ln, s, _ in f["GAI705"]]
    assert (13, "工\n\n作") in breaks and (19, "政\n\n府") in breaks
    # L99/L101 (…更好 / 的按分工提供…) is the same page-break split of one sentence.
    assert [ln for ln, _ in breaks] == [13, 19, 99]
    assert [(ln, s) for ln, s, _ in f["GAI706"]] == [(81, "平乏"), (93, "推进落的")]
    assert len(f["GAI601"]) == 1
    assert [(ln, s) for ln, s, _ in f["GAI602"]] == [(105, "无")]
    # must not: 两名申请人 = 2 matches the table; Markdown headings are this file's format.
    assert f["GAI501"] == [] and f["GAI704"] == []


def test_seed_004():
    text, f = seed_findings("004")
    assert [(ln, s) for ln, s, _ in f["GAI706"]] == [(79, "结症")]
    assert len(f["GAI601"]) == 1
    assert [(ln, s) for ln, s, _ in f["GAI602"]] == [(83, "无")]
    # must not: 全年共受理群众政府信息公开申请11件 matches table 三.
    assert f["GAI501"] == [] and f["GAI502"] == []


def test_no_placeholders_or_stray_findings_on_seeds():
    for name in SEEDS:
        _, f = seed_findings(name)
        assert f["GAI702"] == [], name
        assert (f["GAI703"] != []) == (name == "000"), name
        assert (f["GAI704"] != []) == (name == "002"), name
        assert (f["GAI705"] != []) == (name == "003"), name
        assert len(f["GAI601"]) == 1, name


def test_word_comments_and_style_sheet_pasted_into_the_text(lint):
    text = (
        "某局2021年度政府信息公开工作年度报告\n"
        "<!--[if !supportLists]-->（三）<!--[endif]-->突出抓好政府采购信息公开。\n"
        "Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE /* Style Definitions */ "
        "table.MsoNormalTable {mso-style-name:普通表格; mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}\n"
    )
    found = [d for d in lint(text) if d.code == "GAI704"]
    (d,) = found  # adjacent lines: one finding
    from gailint.engine.fixes import apply_edits

    assert apply_edits(text, d.fix.edits) == "某局2021年度政府信息公开工作年度报告\n（三）突出抓好政府采购信息公开。\n\n"
