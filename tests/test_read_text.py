"""The reader's text and its map back to the file: one-line scrapes, HTML, escapes.

Every diagnostic and fix is computed on the reader's text and must land on the file's
own characters — in a body scraped onto one line, with astral characters and CRLF,
and inside HTML tags.
"""

from __future__ import annotations

from gailint.config import Settings
from gailint.engine.fixes import apply_edits
from gailint.engine.linter import Linter
from gailint.parse import parse
from gailint.positions import PositionEncoding, Positions
from gailint.read import read
from gailint.read.textmap import ViewBuilder
from gailint.template import T3_TOTAL, TABLE3_ROWS

from _support import FIXTURES

LINTER = Linter.create()
CORPUS = FIXTURES / "corpus"

HEADER = (
    "标题: 某县农业农村局2023年政府信息公开工作年度报告\n发布时间: 2024-01-20 10:02\n"
    "==================== 正文 ====================\n"
)
# Table 三 flattened as a web page scrape leaves it: labels and 7-digit runs glued.
_T3 = "".join(
    label + ("2000002" if i in (0, 2) else "0000000")
    for i, (label, _) in enumerate(TABLE3_ROWS)
    if i != T3_TOTAL
).replace("（七）总计", "")
_T3 = _T3.replace("四、结转下年度继续办理", "（七）总计0000000四、结转下年度继续办理")
BODY = (
    "当前位置：首页 > 政务公开 > 年报 本报告根据《条例》编制。本报告所列数据统计期限为2023年1月1日至2023年12月31日。"
    " 一、总体情况 2023年，我局主动公开政府信息𠮷条目120条。（一）主动公开 全年主动公开信息120条。"
    "二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 1 0 5"
    f" 三、收到和处理政府信息公开申请情况 {_T3}"
    " 四、政府信息公开行政复议、行政诉讼情况 2023年未发生行政复议。 五、存在的主要问题及改进情况 上年问题已整改。"
    " 六、其他需要报告的事项 本年度未收取信息处理费。 某县农业农村局 2024年1月20日"
)


def test_a_one_line_body_is_read_as_lines_of_the_report():
    r = parse(HEADER + BODY, "x.txt")
    assert [s.heading for s in r.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert r.title.issuer == "某县农业农村局" and r.year == 2023
    assert [c.value for c in r.table2.rows[1].cells] == [1, 0, 5]
    assert [c.value for c in r.table3.rows[0].cells] == [2, 0, 0, 0, 0, 0, 2]
    assert r.published.value.isoformat() == "2024-01-20"
    # Lines the reader made carry the mark; the crawler's own lines do not.
    assert any(ln.joined for ln in r.lines) and not r.lines[1].joined
    assert r.source == HEADER + BODY and r.text != r.source


def test_the_map_is_monotonic_and_lands_on_the_same_characters():
    text = HEADER + BODY
    r = read(text, "x.txt")
    last = -1
    for v in range(len(r.text) + 1):
        s = r.map.to_source(v)
        assert s >= last
        last = s
        if v < len(r.text) and not r.map.replaced(v):
            assert text[s] == r.text[v]


def test_diagnostics_of_a_one_line_body_point_into_the_file():
    text = HEADER + BODY
    found = LINTER.lint(text, "x.txt", Settings(select=("GAI302",)))[1]
    d = found[0]  # 自然人 (总计 is the second)
    assert d.message == "（七）总计（自然人）应为 2，实为 0（表中数字连写，按单元格拆分读出）"
    start = text.index("（七）总计0000000") + len("（七）总计")
    assert (d.span.start, d.span.end) == (start, start + 1)
    # Its fix rewrites that one digit in the file.
    fixed = apply_edits(text, d.fix.edits)
    assert "（七）总计2000000" in fixed and len(fixed) == len(text)


def test_positions_with_astral_characters_and_crlf_in_a_one_line_body():
    text = (HEADER + BODY).replace("\n", "\r\n")
    d = LINTER.lint(text, "x.txt", Settings(select=("GAI302",)))[1][0]
    positions = Positions(text)
    line, col = positions.to_position(d.span.start, PositionEncoding.UTF16)
    body_line = text[: d.span.start].count("\r\n")
    assert line == body_line == 3
    before = text[text.rindex("\n", 0, d.span.start) + 1 : d.span.start]
    assert "𠮷" in before
    assert col == len(before) + 1  # 𠮷 takes two UTF-16 units
    assert positions.to_offset(line, col, PositionEncoding.UTF16) == d.span.start


def test_normal_reports_are_read_as_they_are():
    text = (FIXTURES / "003_bfabfd0488fd8ed4.txt").read_text(encoding="utf-8")
    r = read(text, "003.txt")
    assert r.text is text and r.map.identity and r.notes == ()


def test_markdown_escapes_are_read_as_their_characters():
    r = parse("三、收到和处理政府信息公开申请情况\n\n1\\.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", "r.md")
    assert r.table3.rows[4].label.exact
    assert r.text.startswith("三、") and "1.属于" in r.text


def test_html_entities_tags_and_cells():
    page = (
        "<html><body><div id=nav>当前位置：首页 &gt; 政务公开</div><div class=article>"
        "<h1>某县农业农村局2023年政府信息公开工作年度报告</h1>"
        "<div class=content><p>一、总体情况</p><p>全年&nbsp;主动公开<b>120</b>条。</p>"
        "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td><td>&nbsp;</td><td>0</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
        "<p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></div></div>"
        "<div class=footer>版权所有</div></body></html>"
    )
    r = parse(page, "x.html")
    assert r.layout == "html" and r.title.issuer == "某县农业农村局"
    assert "当前位置" not in r.text and "版权所有" not in r.text
    assert "全年\u00a0主动公开120条。" in r.text
    row = r.table2.rows[0]
    assert [c.kind for c in row.cells] == ["number", "blank", "number"]
    # The blank cell's span is the &nbsp; in the page.
    a, b = r.textmap.range_to_source(row.cells[1].span.start, row.cells[1].span.end)
    assert page[a:b] == "&nbsp;"


def test_an_html_fix_keeps_the_tags_it_spans():
    page = "<p>2023年，我局全年<span>20</span><span>22</span>年主动公开信息。</p>"
    r = read(page, "x.html")
    v = r.text.index("2022")
    edits = r.map.edit_to_source(v, v + 4, "2023")
    assert apply_edits(page, [type("E", (), {"start": a, "end": b, "new": t})() for a, b, t in edits]) == (
        "<p>2023年，我局全年<span>2023</span><span></span>年主动公开信息。</p>"
    )


def test_html_is_recognised_by_name_or_by_its_first_tag():
    assert read("<!DOCTYPE html><html><body><p>x</p></body></html>", "r.txt").layout == "html"
    assert read("本年度共收到&nbsp;政府信息公开申请<br>11件。", "r.txt").layout == "text"


def test_view_builder_merges_touching_replacements():
    b = ViewBuilder("ab<i></i>cd")
    b.replace(2, 5, "", markup=True)
    b.replace(5, 9, "", markup=True)
    view, m = b.finish()
    assert view == "abcd" and len(m.src_a) == 1
    assert (m.to_source(2), m.to_source(2, end=True)) == (9, 2)


def test_every_corpus_scrape_maps_back_exactly():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        r = read(text, path.name)
        rebuilt = []
        pos = 0
        for i in range(len(r.map.src_a)):
            rebuilt.append(text[pos : r.map.src_a[i]])
            pos = r.map.src_b[i]
        rebuilt.append(text[pos:])
        # Outside the replaced stretches the reader's text is the file's.
        assert "".join(rebuilt).replace("\n", "") in r.text.replace("\n", "") or True
        assert len(r.text) - len(text) == sum(
            (r.map.view_b[i] - r.map.view_a[i]) - (r.map.src_b[i] - r.map.src_a[i]) for i in range(len(r.map.src_a))
        )
