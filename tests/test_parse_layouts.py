"""The parser on layouts beyond the seeds, written from real report text."""

from __future__ import annotations

from gailint.parse import parse
from gailint.template import TABLE3_ROWS

T3_LABELS = [label for label, _ in TABLE3_ROWS]


def _markdown_report() -> str:
    rows = "\n".join(
        f"| {label} | {'1' if i in (0, 2, 23) else '0'} | 0 | 0 | 0 | 0 | 0 | {'1' if i in (0, 2, 23) else '0'} |"
        for i, label in enumerate(T3_LABELS)
    )
    return f"""# 某市生态环境局2023年政府信息公开工作年度报告

本报告所列数据统计期限为2023年1月1日至2023年12月31日。

## 一、总体情况

2023年，我局坚持以公开为常态、不公开为例外。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
| --- | --- | --- | --- |
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 3 | 1 | 12 |

| 第二十条第（五）项 | |
| --- | --- |
| 信息内容 | 本年处理决定数量 |
| 行政许可 | 1513 |

| 第二十条第（六）项 | |
| --- | --- |
| 信息内容 | 本年处理决定数量 |
| 行政处罚 | 27 |
| 行政强制 | 0 |

| 第二十条第（八）项 | |
| --- | --- |
| 信息内容 | 本年收费金额（单位：万元） |
| 行政事业性收费 | 0 |

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
| --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

## 四、政府信息公开行政复议、行政诉讼情况

| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

上年度指出的问题已全部整改。

## **六、其他需要报告的事项**

本年度未收取信息处理费。
"""


def test_markdown_pipe_tables():
    r = parse(_markdown_report(), "report.md")
    assert r.year == 2023 and r.title.issuer == "某市生态环境局"
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert [c.value for c in r.table2.rows[1].cells] == [3, 1, 12]
    assert r.table2.rows[2].cells[0].value == 1513
    assert [c.value for c in r.table3.rows[0].cells] == [1, 0, 0, 0, 0, 0, 1]
    assert all(row is not None and row.complete for row in r.table3.rows)
    assert [c.value for c in r.table4.rows[0].cells] == [1, 0, 0, 0, 1] + [0] * 10


SPACE_TABLE = """三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 5 1 0 0 0 0 6
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年度办理结果 (一)予以公开 3 1 0 0 0 0 4
(二)部分公开(区分处理的,只计这一情形,不计其他情形) 0 0 0 0 0 0 0
(三)不予公开 1.属于国家秘密 0 0 0 0 0 0 0
2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
"""


def test_space_separated_rows_with_group_label_on_the_same_line():
    r = parse(SPACE_TABLE)
    assert [c.value for c in r.table3.rows[0].cells] == [5, 1, 0, 0, 0, 0, 6]
    assert [c.value for c in r.table3.rows[2].cells] == [3, 1, 0, 0, 0, 0, 4]
    assert r.table3.rows[4].label.text == "1.属于国家秘密"
    assert r.table3.rows[10] is None  # rows not written are recorded as missing


def test_label_span_points_at_the_exact_characters():
    text = SPACE_TABLE
    r = parse(text)
    label = r.table3.rows[3].label
    assert text[label.span.start : label.span.end] == "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"
    cell = r.table3.rows[0].cells[6]
    assert text[cell.span.start : cell.span.end] == "6"


def test_tab_rows_shifted_right_and_a_stray_trailing_tab():
    text = "三、收到和处理政府信息公开申请情况\n\t\t\t（七）总计\t1\t0\t0\t0\t0\t0\t1\t\t\n\t\t四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\n"
    r = parse(text)
    assert [c.value for c in r.table3.rows[23].cells] == [1, 0, 0, 0, 0, 0, 1]
    assert [c.value for c in r.table3.rows[24].cells] == [0] * 7
    assert r.notes == ()


def test_a_line_seen_before_is_placed_where_it_stands_now():
    # Table lines are tokenized once per text and placed at each occurrence: the
    # same rows at other offsets, on other lines, point at their own characters.
    rows = "\n一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
    for prefix in ("", "前言。\n\n\n", "𠮷" * 7 + "\n"):
        text = prefix + "三、收到和处理政府信息公开申请情况" + rows
        table = parse(text).table3
        for row in (table.rows[0], table.rows[1]):
            assert text[row.label.span.start : row.label.span.end] == row.label.text
            assert all(text[c.span.start : c.span.end] == c.text for c in row.cells)
        assert table.rows[0].cells[0].span.start == text.index("数量\t2") + 3


def test_blank_cell_inside_a_row_is_kept_as_blank():
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t\t0\t0\t0\t0\t2\n"
    row = parse(text).table3.rows[0]
    assert [c.kind for c in row.cells] == ["number", "blank", "number", "number", "number", "number", "number"]
    assert row.cells[1].number == 0


def test_unseparated_cells_are_marked_not_guessed():
    text = "二、主动公开政府信息情况\n第二十条第(五)项\n信息内容本年处理决定数量\n行政许可15130000154\n"
    r = parse(text)
    (run,) = r.table2.unread
    assert text[run.start : run.end] == "15130000154"
    assert r.table2.rows[2].cells == () and r.table2.rows[2].unread == run


def test_full_width_punctuation_and_numbering_variants():
    text = "三、收到和处理政府信息公开申请情况\n（三）不予公开\t1、属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2．其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n"
    r = parse(text)
    assert r.table3.rows[4].label.exact and r.table3.rows[5].label.exact


def test_heading_numbering_styles_and_markdown_wrapping():
    text = "一.总体情况\n正文。\n二，主动公开政府信息情况\n## **三、收到和处理政府信息公开申请情况**\n#### 四、政府信息公开行政复议、行政诉讼情况\n五、存在问题及改进情况\n六、其他需要报告的事项\n"
    r = parse(text)
    assert [s.number for s in r.sections] == [1, 2, 3, 4, 5, 6]
    assert r.sections[2].heading == "三、收到和处理政府信息公开申请情况"
    assert r.sections[4].heading == "五、存在问题及改进情况"


def test_sub_heading_is_not_a_section():
    r = parse("(一)主动公开政府信息的情况\n全年共主动公开政府信息89条。\n")
    assert r.sections == ()


def test_spaced_digits_in_title_and_period():
    text = "# 新绛县三泉镇人民政府 2022 年 政府信息公开工作年度报告\n报告中所列数据统计期限为 2022 年 1 月 1 日至 2022 年 12 月 31 日。\n"
    r = parse(text)
    assert r.year == 2022 and r.year_source == "title"
    assert (str(r.period.start), str(r.period.end)) == ("2022-01-01", "2022-12-31")


def test_period_phrasings_from_real_reports():
    for phrase, end in [
        ("统计期限为2022年1月1日至12月31日", "2022-12-31"),
        ("从2022年1月1日起至2022年12月31日止", "2022-12-31"),
        ("自2023年1月1日至2023年12月31日", "2023-12-31"),
        ("2017年1月1日-2017 年12月31日", "2017-12-31"),
    ]:
        r = parse(f"本报告{phrase}。\n")
        assert r.period is not None, phrase
        assert str(r.period.end) == end


def test_crlf_text_keeps_offsets_on_the_original_characters():
    text = "某县人民政府2023年政府信息公开工作年度报告\r\n一、总体情况\r\n正文。\r\n"
    r = parse(text)
    s = r.sections[0]
    assert text[s.span.start : s.span.end] == "一、总体情况"


def test_year_falls_back_to_config_then_file_name():
    assert parse("正文。\n", year=2024).year_source == "config"
    r = parse("正文。\n", "reports/2022年度报告.txt")
    assert (r.year, r.year_source) == (2022, "filename")


def test_issuer_kind_is_inferred_and_overridable():
    r = parse("某县某镇人民政府2023年政府信息公开工作年度报告\n")
    assert r.issuer_kind == "township"
    assert parse("某县某镇人民政府2023年政府信息公开工作年度报告\n", issuer_kind="government").issuer_kind == "government"


def test_chinese_numerals():
    from gailint.parse.numerals import chinese_to_int

    assert chinese_to_int("两") == 2
    assert chinese_to_int("十三") == 13
    assert chinese_to_int("一百零五") == 105
    assert chinese_to_int("二十") == 20
    assert chinese_to_int("名") is None


def test_2019_format_fingerprints_are_recorded():
    text = (
        "二、主动公开政府信息情况\n信息内容\t本年新制作数量\n规范性文件\t1\t2\n"
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
        "（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t0\t0\t0\t0\t0\t0\t0\n"
    )
    r = parse(text)
    assert [text[s.start : s.end] for s in r.old_template] == ["本年新制作数量", "规范性文件", "（六）其他处理"]
    assert r.format == "2019"


def test_a_sentence_starting_with_yi_shi_is_not_a_heading():
    r = parse("一是政策解读形式较为单一。上年度问题已全部整改到位。\n五、存在的主要问题及改进情况\n")
    assert [s.number for s in r.sections] == [5]


def test_a_table_ends_at_the_next_section_heading_whatever_its_number():
    text = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n六、其他需要报告的事项\n打印本页\n"
    r = parse(text)
    assert [ln.kind for ln in r.lines] == ["heading", "table", "table", "heading", "prose"]


def test_section_records_its_numeral_and_wording():
    r = parse("一、总体情况\n五、存在问题及改进情况\n五、其他需要报告的事项\n四、政府信息公开行政复议和行政诉讼情况\n")
    got = [(s.number, s.numeral, s.wording) for s in r.sections]
    assert got == [(1, 1, "standard"), (5, 5, "variant"), (6, 5, "standard"), (4, 4, "other")]


def test_only_a_short_line_naming_a_section_word_is_tried_as_a_heading():
    from gailint.parse.structure import may_be_heading

    assert may_be_heading("一、总体情况") and may_be_heading("（六）其他需要报告的事项")
    assert not may_be_heading("")  # a blank line
    assert not may_be_heading("一、本年新收政府信息公开申请数量\t1\t0")  # a table row
    assert not may_be_heading("| 四、结转下年度继续办理 | 0 |")
    assert not may_be_heading("二、" + "主动公开政府信息情况" * 9)  # past 80 characters
    assert not may_be_heading("三、收到和处理政府信息公开申请")  # no section word


def test_lines_left_by_tools_are_told_from_labels_and_counts():
    from gailint.parse.furniture import furniture_kind

    kinds = {
        "- 3 -": "page-number", "— 12 —": "page-number", "第 2 页 共 7 页": "page-number", "2/7": "page-number",
        "Page 3 of 9": "page-number", "==== 正文 ====": "separator", "---正文---": "separator",
        "## 表三 收到和处理政府信息公开申请情况": "tool", "（数据项目）": "tool", "正文": "tool",
        "0": None, "12": None, "0\t0\t1": None, "3 件": None, "12 / 30": "page-number", "一、总体情况": None, "自然人": None, "本年度共收到申请12件。": None, "---": None,
    }
    for text, kind in kinds.items():
        assert furniture_kind(text) == kind, text
    assert furniture_kind("发布时间：2024-01-05", header=True) == "crawler"
    assert furniture_kind("发布时间：2024-01-05") is None  # below the header block: the residue rule's


def test_dates_written_with_dashes_slashes_or_dots_but_not_inside_longer_numbers():
    from gailint.parse.dates import find_dates

    text = "截至2023-12-31，2024/1/5 发布。"
    found = [(r.value.isoformat(), r.span.text(text)) for r in find_dates(text)]
    assert found == [("2023-12-31", "2023-12-31"), ("2024-01-05", "2024/1/5")]
    assert find_dates("编号12023-01-02与2023.13.01") == []  # a longer number; no 13th month
    text = "编号120231-01-02，2023-01-02"
    assert [r.span.text(text) for r in find_dates(text)] == ["2023-01-02"]


def test_a_condition_on_the_character_before_a_match_reads_as_a_lookbehind():
    import random
    import re

    from gailint.parse.scan import matches_not_after

    rnd = random.Random(7)
    plain, behind = re.compile(r"\d{2}-\d"), re.compile(r"(?<!\d)\d{2}-\d")
    for _ in range(3000):
        text = "".join(rnd.choice("12-x") for _ in range(rnd.randrange(12)))
        found = [m.span() for m in matches_not_after(plain, text, str.isdecimal)]
        assert found == [m.span() for m in behind.finditer(text)], text
