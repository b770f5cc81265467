"""GAI209 and GAI210: table 三's column headers and its note, against the template;
and GAI201 for a 2019 row left in a 2021 table."""

from __future__ import annotations

from gailint.engine.fixes import apply_edits

from .conftest import lint, only, span_text

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
HEADER = "申请人情况\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
ROW = "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"


def table3(note=NOTE, header=HEADER):
    return "三、收到和处理政府信息公开申请情况\n" + note + "\n" + header + ROW


def test_the_standard_header_and_note_are_fine():
    diags = lint(table3())
    assert only(diags, "GAI209") == [] and only(diags, "GAI210") == []


def test_a_header_flattened_in_column_order_is_fine():
    header = "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
    assert only(lint(table3(header=header)), "GAI209") == []


def test_two_columns_swapped():
    text = table3(header=HEADER.replace("商业企业\t科研机构", "科研机构\t商业企业"))
    (d,) = only(lint(text), "GAI209")
    assert span_text(text, d) == "科研机构"
    assert d.message == "表三“法人或其他组织”下的列标题顺序与模板不同：应为商业企业、科研机构、社会公益组织、法律服务机构、其他，实为科研机构、商业企业、社会公益组织、法律服务机构、其他"


def test_a_missing_column():
    text = table3(header=HEADER.replace("\t法律服务机构", ""))
    (d,) = only(lint(text), "GAI209")
    assert d.message.startswith("表三缺少列标题“法律服务机构”")


def test_a_renamed_column_is_a_label_to_fix():
    text = table3(header=HEADER.replace("商业企业", "商业单位"))
    (d,) = only(lint(text), "GAI201")
    assert span_text(text, d) == "商业单位"
    assert apply_edits(text, d.fix.edits) == table3()


def test_generic_column_names_from_a_converter():
    header = "| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
    text = table3(header=header)
    (d,) = only(lint(text, "r.md"), "GAI209")
    assert d.message.startswith("表三的列标题是“项目”“数据1”“数据2”")


def test_the_note_misspelt():
    text = table3(note=NOTE.replace("勾稽", "钩稽"))
    (d,) = only(lint(text), "GAI210")
    assert span_text(text, d) == NOTE.replace("勾稽", "钩稽")
    assert apply_edits(text, d.fix.edits) == table3()


def test_the_note_reworded():
    text = table3(note="（本列数据关系为：第一项加第二项之和等于第三项加第四项之和）")
    (d,) = only(lint(text), "GAI210")
    assert d.message.endswith(f"应为“{NOTE}”")


def test_the_note_in_ascii_punctuation_is_the_same_note():
    text = table3(note="(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)")
    assert only(lint(text), "GAI210") == []


def test_the_2019_row_label_in_a_2021_table():
    text = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t0\t0\t0\n规范性文件\t1\t0\t6\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t2\n"
    )
    diags = lint(text)
    (d,) = only(diags, "GAI201")
    assert span_text(text, d) == "规范性文件"
    assert apply_edits(text, d.fix.edits) == text.replace("规范性文件\t", "行政规范性文件\t")
    # The rest of the table is still read and checked.
    assert only(diags, "GAI204") == [] and only(diags, "GAI306") == []


def test_a_header_pasted_twice_is_reported_once_and_its_order_read_from_the_first():
    text = table3(header=HEADER + HEADER)
    (d,) = only(lint(text), "GAI209")
    assert d.message == "表三的列标题“自然人”、“总计”、“商业企业”、“科研机构”、“社会公益组织”、“法律服务机构”、“其他”重复出现：表头只应有一行"
    assert text[d.span.start : d.span.end].startswith("自然人") and d.span.start > text.index(HEADER) + len(HEADER) - 1
