"""GAI701, GAI707, GAI708: what a web page, a PDF converter or a crawler left behind —
found where it stands, and deleted without touching the report's own words."""

from __future__ import annotations

from gailint.engine.fixes import apply_edits

from pathlib import Path

from .conftest import lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

TITLE = "某县农业农村局2023年政府信息公开工作年度报告\n"


def fixed(text, d):
    return apply_edits(text, d.fix.edits)


# ---------------------------------------------------------------- GAI701 anywhere


def test_breadcrumb_before_the_preamble_on_the_same_line():
    text = TITLE + "当前位置：首页 > 政务公开 > 年报 本报告根据《中华人民共和国政府信息公开条例》编制。\n"
    (d,) = only(lint(text), "GAI701")
    assert span_text(text, d) == "当前位置：首页 > 政务公开 > 年报"
    assert fixed(text, d) == TITLE + "本报告根据《中华人民共和国政府信息公开条例》编制。\n"


def test_a_trail_continued_on_a_line_of_its_own_mid_document_is_found():
    # No trigger word on it and far from the edges: the ">" opening it is what finds it.
    body = [f"第{i}段：本机关依法做好政府信息公开工作。\n" for i in range(12)]
    text = TITLE + "".join(body[:6]) + "  > 政务公开 > 年度报告\n" + "".join(body[6:])
    (d,) = only(lint(text, select=["GAI701"]), "GAI701")
    assert span_text(text, d) == "> 政务公开 > 年度报告"
    assert "> 政务公开" not in fixed(text, d)


def test_a_scraped_trail_whose_items_ran_together_is_deleted_to_its_end():
    # Scrapes drop the "›" between menu items: the trail is one long glued name.
    trail = "当前位置： 首页政务公开政府信息公开某县农业农村局政府信息公开年报"
    text = TITLE + trail + " 本报告根据《中华人民共和国政府信息公开条例》编制。\n"
    (d,) = only(lint(text), "GAI701")
    assert span_text(text, d) == trail


def test_a_trail_runs_into_no_sentence_after_it():
    # No separator after "首页 >" and no space: the words glued on are a sentence of the
    # report (sentence punctuation, or longer than any menu trail), never a menu item.
    prose = "本年度我局坚持以习近平新时代中国特色社会主义思想为指导深入贯彻落实党中央国务院关于全面推进政务公开工作的决策部署"
    text = TITLE + "当前位置：首页 >" + prose + "。\n"
    (d,) = only(lint(text), "GAI701")
    assert span_text(text, d) == "当前位置：首页 >"
    assert fixed(text, d) == TITLE + prose + "。\n"


def test_a_glued_run_of_stray_comment_ends_goes_in_one_fix():
    text = TITLE + "-->-->--> 本报告根据《中华人民共和国政府信息公开条例》编制。\n"
    (d,) = only(lint(text), "GAI701")
    assert span_text(text, d) == "-->-->-->"
    assert fixed(text, d) == TITLE + "本报告根据《中华人民共和国政府信息公开条例》编制。\n"


def test_print_button_in_the_middle_of_a_paragraph():
    text = TITLE + "一、总体情况\n全年主动公开政府信息120条。【打印本页】 依申请公开方面，全年受理申请3件。\n"
    (d,) = only(lint(text), "GAI701")
    assert span_text(text, d) == "【打印本页】"
    assert fixed(text, d) == TITLE + "一、总体情况\n全年主动公开政府信息120条。依申请公开方面，全年受理申请3件。\n"


def test_share_buttons_and_versions_after_the_last_sentence():
    text = TITLE + "六、其他需要报告的事项\n本年度未收取信息处理费。 分享到：微信 微博 QQ空间 全真版 文字版\n"
    (d,) = only(lint(text), "GAI701")
    assert span_text(text, d) == "分享到：微信 微博 QQ空间 全真版 文字版"
    assert fixed(text, d) == TITLE + "六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def test_a_one_line_scrape_loses_its_page_chrome_and_keeps_every_sentence():
    body = (
        "当前位置： 首页政务公开年报 某县农业农村局2023年政府信息公开工作年度报告 来源： 时间：2024-01-02 12:42 --> "
        "微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： 根据《条例》编制本报告。本报告所列数据统计期限为2023年1月1日至2023年12月31日。"
        " 一、总体情况 全年主动公开政府信息120条。 二、主动公开政府信息情况 无。 某县农业农村局 2024年1月2日 附件下载"
    )
    text = TITLE + body
    found = only(lint(text), "GAI701")
    result = text
    for d in sorted(found, key=lambda d: -d.span.start):
        result = fixed(result, d)
    for sentence in ("根据《条例》编制本报告。", "本报告所列数据统计期限为2023年1月1日至2023年12月31日。", "全年主动公开政府信息120条。"):
        assert sentence in result
    for chrome in ("当前位置", "来源：", "-->", "QQ空间", "全真版", "文件下载", "相关链接", "附件下载"):
        assert chrome not in result
    assert result.count("\n") == text.count("\n")


def test_sentences_that_name_a_source_or_a_download_are_not_residue():
    text = TITLE + "一、总体情况\n信息来源于各部门报送，首页改版后栏目更清晰，并提供附件下载服务。\n"
    assert only(lint(text), "GAI701") == []


def test_the_end_of_an_html_comment_is_not_page_residue():
    text = TITLE + "（三）不予公开<!--[if !supportLists]--> 0 0 0\n正文。 <!-- 说明 -->\n"
    assert only(lint(text), "GAI701") == []


# ---------------------------------------------------------------- GAI707


def test_a_page_number_between_paragraphs_is_deleted():
    text = TITLE + "一、总体情况\n全年主动公开政府信息120条。\n— 3 —\n依申请公开方面……\n"
    (d,) = only(lint(text), "GAI707")
    assert span_text(text, d) == "— 3 —" and d.message == "页码“— 3 —”不是报告的内容：应删除这一行"
    assert fixed(text, d) == TITLE + "一、总体情况\n全年主动公开政府信息120条。\n依申请公开方面……\n"


def test_a_page_number_inside_a_table_is_reported_and_not_read_as_a_cell():
    text = (
        TITLE + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
        "第 2 页 共 7 页\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
    )
    diags = lint(text)
    assert [span_text(text, d) for d in only(diags, "GAI707")] == ["第 2 页 共 7 页"]
    assert only(diags, "GAI204") == []


def test_converter_lines():
    text = TITLE + "正文\n一、总体情况\n## 表三：收到和处理政府信息公开申请情况\n(数据项目)\n"
    assert [span_text(text, d) for d in only(lint(text, "r.md"), "GAI707")] == ["正文", "## 表三：收到和处理政府信息公开申请情况", "(数据项目)"]


# ---------------------------------------------------------------- GAI708

CRAWLED = (
    "标题: 某县农业农村局2023年政府信息公开工作年度报告\n"
    "发布时间: 2024-01-20 10:02\n"
    "原文链接: https://www.example.gov.cn/art/2024/1/20/art_1.html\n"
    "采集时间：2024-02-01\n"
    "==================== 正文 ====================\n"
    "本报告根据《条例》编制。\n"
)


def test_the_crawler_header_is_one_finding_and_its_fix_keeps_the_title():
    (d,) = only(lint(CRAWLED), "GAI708")
    assert d.message.startswith("开头 5 行是网页抓取工具写入的信息（“标题”、“发布时间”、“原文链接”、“采集时间”")
    assert fixed(CRAWLED, d) == "某县农业农村局2023年政府信息公开工作年度报告\n本报告根据《条例》编制。\n"
    # Its lines are no web residue of their own.
    assert only(lint(CRAWLED), "GAI701") == []


def test_a_title_key_written_twice_goes_with_its_repeat():
    text = CRAWLED.replace("标题: ", "标题:标题: ", 1)
    (d,) = only(lint(text), "GAI708")
    assert fixed(text, d) == "某县农业农村局2023年政府信息公开工作年度报告\n本报告根据《条例》编制。\n"


def test_a_publication_line_inside_the_report_is_not_the_crawlers():
    text = TITLE + "发布时间：2024-01-20\n一、总体情况\n"
    assert only(lint(text), "GAI708") == [] and len(only(lint(text), "GAI701")) == 1


def test_the_literal_scan_misses_no_furniture_the_full_pattern_finds():
    from gailint_rules.national.residue import _TRIGGER_RE, _piece_re

    from .conftest import LINTER  # noqa: F401  (the packs are loaded)

    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "corpus").glob("*.txt"))]
    texts += [CRAWLED, "【打印本页】 [ 打印本页 | 关闭窗口 ] 字号：[大 中 小] 视力保护色 -->"]
    for text in texts:
        full = [m.span() for m in _piece_re().finditer(text) if m.end() > m.start()]
        starts = {t.start() for t in _TRIGGER_RE.finditer(text)}
        assert all(a in starts for a, _ in full)
