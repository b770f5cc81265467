"""The reader on every layout real reports arrive in, against what each file holds.

The fixtures in ``tests/fixtures/layouts/`` were rendered from one report model through
the real tools (python-docx → LibreOffice → pdftotext; markitdown, pandoc, mammoth;
LibreOffice's and Word's HTML; one-line scrapes) — see its INDEX.md. ``expected.json``
states, per file, the title, year, sections and every table value; the reader must
find all of it, and gailint must report nothing on the clean files and exactly the
broken identities on the defect files.
"""

from __future__ import annotations

import json
import re

import pytest

from gailint.config import Settings
from gailint.engine.linter import Linter
from gailint.model import Report
from gailint.parse import parse
from gailint.textio import read_source

from _support import FIXTURES

LAYOUTS = FIXTURES / "layouts"
EXPECTED = {k: v for k, v in json.loads((LAYOUTS / "expected.json").read_text(encoding="utf-8")).items() if not k.startswith("_")}
# pdftotext without -layout writes a table column by column: its table 二 cannot be
# read row by row (see README, "What the reader does not read").
COLUMN_ORDER = {"pdf/report-2023.raw.txt", "pdf/report-2023-defect.raw.txt"}
FILES = sorted(k for k in EXPECTED if k not in COLUMN_ORDER)
LINTER = Linter.create()


def _read(name: str) -> tuple[str, Report]:
    src = read_source(LAYOUTS / name)
    return src.text, parse(src.text, name)


def _table3(report: Report) -> list:
    t = report.table3
    return [None if row is None else [c.value for c in row.cells] for row in t.rows]


def _expected_table3(exp: dict) -> list:
    rows = exp["table3"]
    if len(rows) == 23:  # the 2019 format: one （六）其他处理 row, kept in place of 1.–3.
        return rows[:21] + [None, None] + rows[21:]
    if "table3_old_rows" in exp:  # a 2021 report that kept the 2019 one-row （六）
        (old,) = exp["table3_old_rows"].values()
        return rows[:20] + [old, None, None] + rows[23:]
    return rows


def _table2(report: Report) -> list:
    out = []
    for row in report.table2.rows:
        out.extend(["unread"] * row.expected if row.unread else [c.value for c in row.cells])
    return out


def _expected_table2(exp: dict) -> list:
    values = list(exp["table2"])
    for run in exp.get("glued", {}).get("table2", []):
        if run["expect"].startswith("unread"):
            i = {"规章": 0, "行政规范性文件": 3}[run["row"]]
            values[i : i + 3] = ["unread"] * 3
    return values


@pytest.mark.parametrize("name", FILES)
def test_reads_title_year_sections_and_period(name):
    exp = EXPECTED[name]
    _, r = _read(name)
    assert r.year == exp["year"]
    assert r.issuer == exp["issuer"]
    assert sorted({s.number for s in r.sections}) == [1, 2, 3, 4, 5, 6]
    assert r.period is not None and (r.period.start.year, r.period.end.year) == (exp["year"], exp["year"])


@pytest.mark.parametrize("name", FILES)
def test_reads_every_table_value(name):
    exp = EXPECTED[name]
    _, r = _read(name)
    assert _table2(r) == _expected_table2(exp)
    assert _table3(r) == _expected_table3(exp)
    assert [c.value for c in r.table4.rows[0].cells] == exp["table4"]


@pytest.mark.parametrize("name", FILES)
def test_every_cell_points_at_its_own_characters_in_the_file(name):
    text, r = _read(name)
    source = r.source_text
    assert source == text
    for table in (r.table2, r.table3, r.table4):
        for row in table.found_rows:
            for cell in row.cells:
                if cell.kind != "number":
                    continue
                assert r.text[cell.span.start : cell.span.end] == cell.text
                a, b = r.textmap.range_to_source(cell.span.start, cell.span.end)
                # The file's characters there: the digits, with at most markup between
                # them (a Word run boundary) or a Markdown escape before a decimal point.
                shown = re.sub(r"<[^>]*>|\\", "", source[a:b])
                assert shown == cell.text, (name, row.label.template, source[a:b], cell.text)


@pytest.mark.parametrize("name", [n for n in FILES if EXPECTED[n]["identities_hold"]])
def test_identities_that_hold_are_not_reported(name):
    text, _ = _read(name)
    found = LINTER.lint(text, name, Settings(select=("GAI3",)))[1]
    assert found == []


@pytest.mark.parametrize("name", [n for n in FILES if not EXPECTED[n]["identities_hold"]])
def test_the_broken_identity_is_reported_on_every_layout(name):
    text, r = _read(name)
    found = LINTER.lint(text, name, Settings(select=("GAI3",)))[1]
    assert {d.code for d in found} == {"GAI301", "GAI302", "GAI303"}
    # The model's （七）总计 / 总计 is 17 where the parts add up to 16.
    assert any(d.message == "（七）总计（总计）应为 16，实为 17" or d.message.startswith("（七）总计（总计）应为 16，实为 17（") for d in found)


@pytest.mark.parametrize(
    "name",
    [
        "pdf/report-2023.layout.txt",
        "md/report-2023.markitdown-docx.md",
        "md/report-2023.markitdown-pdf.md",
        "md/report-2023.pandoc-gfm.md",
        "md/report-2023.mammoth.md",
        "html/page-2023.html",
        "html/fragment-2023.html",
        "html/libreoffice-2023.html",
        "html/word-2023.htm",
        "html/glued-cells-2023.html",
    ],
)
def test_a_clean_report_in_any_layout_draws_no_finding_at_all(name):
    """The model report is clean; what a converter or a web page did to it is no defect
    of the report (page furniture outside the body, wrapped lines, Markdown escapes)."""
    text, _ = _read(name)
    found = LINTER.lint(text, name)[1]
    if name == "html/page-2023.html":
        # The page leaves three 规章 cells as &nbsp; — real blank cells of that table.
        assert {d.code for d in found} == {"GAI205"} and len(found) == 3
    elif name in ("pdf/report-2023.layout.txt", "md/report-2023.markitdown-pdf.md", "html/libreoffice-2023.html"):
        # Page numbers of the PDF (or of the exported footer) are left in the text: GAI707.
        assert {d.code for d in found} == {"GAI707"}
        assert all(d.message.startswith("页码") for d in found)
    else:
        assert found == [], [(d.code, d.message) for d in found]


def test_pdf_text_wrapped_labels_and_page_numbers():
    text, r = _read("pdf/report-2023.layout.txt")
    # "5.要求行政机关确" / "认或重新出具已获" / values / "取信息": one label, exact.
    row = r.table3.rows[19]
    assert row.label.exact and [c.value for c in row.cells] == [0] * 7
    # Page numbers "—3—" stand between rows without ending the table.
    assert any(ln.kind == "furniture" and ln.text.strip() == "—3—" for ln in r.lines)
    # The title is wrapped onto two lines.
    assert r.title.text.replace(" ", "") == "滨江市临河区住房和城乡建设局2023年政府信息公开工作年度报告"
    assert "折行" in " ".join(r.notes)


def test_html_page_furniture_is_left_out_and_its_date_kept():
    _, r = _read("html/page-2023.html")
    assert "当前位置" not in r.text and "打印本页" not in r.text and "版权所有" not in r.text
    assert r.published is not None and r.published.value.isoformat() == "2024-01-23"
    assert r.layout == "html"


def test_word_html_year_split_across_runs_is_one_year():
    text, r = _read("html/word-2023.htm")
    assert r.year == 2023 and r.title.year == 2023
    a, b = r.textmap.range_to_source(r.title.year_span.start, r.title.year_span.end)
    assert "20" in text[a:b] and "23" in text[a:b] and "<" in text[a:b]  # 20</span><span…>23


def test_glued_digits_inside_html_cells_are_split():
    _, r = _read("html/glued-cells-2023.html")
    assert r.table3.split is not None and r.table3.split.unique
    assert [c.value for c in r.table3.rows[0].cells] == [12, 2, 0, 0, 0, 0, 14]


def test_converter_markdown_quirks():
    text, r = _read("md/handmade-converter-2023.md")
    # "## 表三" and "正文" are the converter's, not the report's.
    furniture = {ln.text.strip() for ln in r.lines if ln.kind == "furniture"}
    assert any(t.startswith("## 表") for t in furniture) and "正文" in furniture
    # A value row whose label was lost is placed by position, and reported at its values.
    found = LINTER.lint(text, "md/handmade-converter-2023.md", Settings(select=("GAI201",)))[1]
    (d,) = found
    assert d.message == "这一行数字没有标签：按位置应为“2.重复申请”，请补上行标签"
    assert text[d.span.start : d.span.end].startswith("1")


def test_one_line_scrape_with_glued_cells_reads_by_arithmetic():
    text, r = _read("txt/oneline-glued-2023.txt")
    assert r.table3.split is not None and r.table3.split.unique
    total = r.table3.rows[23]
    assert [c.value for c in total.cells] == [13, 2, 0, 0, 1, 0, 16] and len(total.readings) == 2
    found = LINTER.lint(text, "txt/oneline-glued-2023.txt", Settings(select=("GAI208",)))[1]
    (d,) = found  # table 二's "3117" has three readings: left unread, said once
    assert text[d.span.start : d.span.end] == "3117"


def test_2019_template_reads_its_own_rows():
    text, r = _read("txt/template2019-2020.txt")
    assert r.format == "2019" and r.table2.template == "2019" and r.table3.one_row_other
    assert [c.value for c in r.table2.rows[2].cells] == [14, -1, 236]  # 本年增/减 may be negative
    assert LINTER.lint(text, "txt/template2019-2020.txt")[1] == []


def test_2021_report_keeping_the_2019_row_is_one_old_template_finding():
    text, r = _read("txt/template2021-keeps-2019-row-2022.txt")
    found = LINTER.lint(text, "x.txt", Settings(select=("GAI2", "GAI3")))[1]
    assert [d.code for d in found] == ["GAI202"]
    assert text[found[0].span.start : found[0].span.end] == "(六)其他处理"


def test_inspect_tells_which_tables_were_read_by_splitting(capsys):
    from gailint.cli import main

    path = LAYOUTS / "txt" / "oneline-glued-2023.txt"
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "表三：25 行的数字连写，按勾稽关系拆分读出（唯一）" in out
    assert "表二：连写的数字“3117”无法拆分，未读" in out
    assert main(["inspect", "--output-format", "json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    # （七）总计 "132001016" keeps its row total two ways; the column identities pick one.
    assert data["reading"]["table3"]["row_readings"] == {"23": 2} and data["reading"]["table3"]["unique"]
    assert data["reading"]["table2"]["unread"] == ["3117"]


def test_a_table_row_is_told_from_prose_by_a_gap_a_tab_or_a_pipe():
    import re

    from gailint.read.wrap import _TABLE_LINE_RE, _table_line

    rows = ["自然人   法人", "一、本年新收\u3000\u3000\u30000", "商业 \u3000 企业", "a\tb", "|", "x|"]
    prose = ["本年度共收到申请12件。", "两个  空格", "a", "", "首\u00a0   尾", "   开头的空白", "结尾的空白   "]
    for s in rows + prose:
        assert _table_line(s) == (s in rows) == bool(_TABLE_LINE_RE.search(s)), repr(s)
    assert re.search(r"\S[ \u3000]{3,}\S", "首\u00a0   尾") is None  # a no-break space is not \S


def test_wrapped_lines_are_measured_in_display_columns_whatever_their_characters():
    # Widths come from one GB18030 encoding of the lines: a wide character counts two
    # columns, one outside the BMP (𠮷, four bytes) four, ASCII one. Lines of one page
    # width in any mix of them are all full lines, and joined.
    from gailint.read.wrap import joins

    page = ["政府信息公开工作稳步推进，各项制度不断完善，公开质量持续提升，群众满意度进一", "步提高，𠮷𠮷信息化平台建设取得新成效，Web 端与移动端同步发布各类政府信息内", "容，并按照条例规定做好依申请公开工作，答复及时规范，全年未发生行政复议和诉"] * 3 + ["讼。"]
    starts, pos = [], 0
    for line in page:
        starts.append(pos)
        pos += len(line) + 1
    found = joins(starts, page)
    assert len(found) == len(page) - 1  # every break inside the paragraph
    assert all(new == "" for _, _, new in found)
