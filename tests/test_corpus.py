"""What gailint understands of 40 real reports scraped from a government portal.

``tests/fixtures/corpus/`` holds the development corpus (INDEX.md there says what each
file is): web pages saved by a crawler, each with its whole body on one line and its
tables flattened into runs of digits. This test states, per file, what the reader
found and which structural and arithmetic findings gailint reports; each finding is a
real defect of that report (the comments say which), and every report whose sections
and tables are there draws no GAI102/GAI203.
"""

from __future__ import annotations

from collections import Counter

import pytest

from gailint.engine.linter import Linter

from _support import FIXTURES

CORPUS = FIXTURES / "corpus"
LINTER = Linter.create()

# file: (sections found, template, table 三 rows read, GAI1xx–GAI3xx findings)
# The 2019 format has 23 table-三 rows (one （六）其他处理 row). A template title with
# its body glued on ("六、其他需要报告的事项无其他需要报告的事项") is the title and then
# the body, not a renamed title (GAI104's fix used to delete the body's first words).
EXPECTED = {
    "101": ("123456", "2021", 25, {"GAI201": 1}),  # 2019 row label 规范性文件 in a 2021 table
    "102": ("123456", "2019", 23, {"GAI208": 1}),  # 政府集中采购 "161089059": count and amount glued
    "103": ("123456", "2019", 23, {"GAI105": 1}),  # 总体情况 never names 依申请公开 etc.
    "104": ("123456", "2021", 25, {"GAI104": 1}),  # 五、…改进措施
    "105": ("123456", "2021", 25, {"GAI208": 1}),  # 行政规范性文件 "25032" has several readings
    "106": ("123456", "2019", 23, {"GAI105": 1, "GAI208": 2}),
    "107": ("123456", "2021", 25, {"GAI208": 1}),  # "34089": 34/0/89? 3/40/89?
    # 新收 3 and 本机关不掌握 3, but （七）总计 0: the identity fails in every reading.
    "108": ("123456", "2021", 25, {"GAI104": 1, "GAI208": 1, "GAI301": 2, "GAI302": 2}),
    "109": ("123456", "2019", 23, {"GAI105": 1, "GAI208": 1}),  # a title with its body glued on
    "110": ("123456", "2019", 23, {"GAI105": 1, "GAI208": 1}),  # a title with its body glued on
    # 结转 row "0 00000": six digits for seven cells, a cell is missing.
    "111": ("123456", "2021", 24, {"GAI104": 1, "GAI201": 1, "GAI208": 1}),
    "112": ("123456", "2021", 24, {"GAI104": 1, "GAI203": 1, "GAI208": 1}),  # no 规章 row; "000000"
    # No 六、其他需要报告的事项: its 五 is 信息处理费收取情况 and its 六 the problems.
    "113": ("12345", "2021", 25, {"GAI102": 1, "GAI104": 1, "GAI201": 1, "GAI203": 1}),
    # 新收 2, 予以公开 2, （七）总计 0.
    "114": ("123456", "2019", 23, {"GAI104": 1, "GAI208": 3, "GAI301": 3, "GAI302": 3}),  # one GAI104 fewer: a title with its body glued on
    "115": ("123456", "2021", 25, {}),
    "116": ("123456", "2021", 25, {"GAI302": 3}),  # 本机关不掌握 "3000025" left from 2021
    "117": ("123456", "2021", 25, {"GAI201": 3}),  # 其他法律和行政法规…, 不再受理
    # Seven parts with headings of its own; 规范性文件 row, no 规章 row.
    "118": ("123456", "2021", 25, {"GAI104": 3, "GAI201": 4, "GAI203": 1}),
    "119": ("123456", "2019", 23, {}),  # a title with its body glued on
    "120": ("123456", "2021", 25, {"GAI101": 1, "GAI105": 1}),  # title lacks 工作
    "121": ("123456", "2021", 25, {"GAI105": 1}),
    "122": ("12345", "2021", 25, {"GAI102": 1, "GAI104": 1}),  # as 113
    "123": ("12345", "2021", 25, {"GAI102": 1, "GAI104": 1}),  # as 113
    "124": ("123456", "2019", 23, {"GAI105": 1}),
    "125": ("123456", "2021", 23, {"GAI104": 1, "GAI204": 2}),  # two rows with six values
    "126": ("123456", "2021", 25, {"GAI104": 1}),
    "127": ("123456", "2021", 25, {"GAI104": 1, "GAI301": 2}),  # 新收 3, all outcomes 0
    "128": ("123456", "2019", 23, {"GAI105": 1, "GAI208": 1}),
    # 总体情况 names 依申请公开 only in "依申请公开信息数0条", a count of documents.
    "129": ("123456", "2021", 25, {"GAI105": 1}),
    "130": ("123456", "2021", 25, {"GAI208": 1}),
    "131": ("123456", "2021", 25, {"GAI208": 1}),
    "132": ("123456", "2019", 23, {"GAI105": 1, "GAI208": 2}),  # a title with its body glued on
    "133": ("123456", "2019", 23, {"GAI105": 1, "GAI208": 2}),  # a title with its body glued on
    "134": ("123456", "2021", 25, {"GAI208": 1}),  # a title with its body glued on
    "135": ("123456", "2021", 25, {"GAI208": 1}),
    "136": ("123456", "2021", 25, {"GAI208": 1}),
    "137": ("12345", "2021", 25, {"GAI102": 1, "GAI105": 1}),  # section 六 missing: 五 runs into the signature
    "138": ("123456", "2021", 25, {"GAI105": 1}),
    "139": ("123456", "2021", 25, {"GAI105": 1}),
    "140": ("123456", "2021", 25, {}),
}
STRUCTURE = ("GAI1", "GAI2", "GAI3")


def test_the_corpus_is_all_here():
    assert sorted(p.stem for p in CORPUS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_what_is_read_of_each_real_report(name):
    sections, template, rows, findings = EXPECTED[name]
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    report, diagnostics = LINTER.lint(text, f"{name}.txt")
    assert "".join(str(n) for n in sorted({s.number for s in report.sections})) == sections
    assert report.table2 is not None and report.table3 is not None and report.table4 is not None
    assert report.format == template
    assert sum(1 for row in report.table3.rows if row is not None and row.complete) == rows
    assert len(report.table4.rows[0].cells) == 15
    got = Counter(d.code for d in diagnostics if d.code.startswith(STRUCTURE))
    assert dict(sorted(got.items())) == findings


def test_glued_tables_are_mostly_read_uniquely():
    split = unique = unread = read = 0
    for path in sorted(CORPUS.glob("*.txt")):
        report = LINTER.lint(path.read_text(encoding="utf-8"), path.name)[0]
        for table in (report.table2, report.table3, report.table4):
            if table.split is not None:
                split += 1
                unique += table.certain
            for row in table.found_rows:
                if row.unread is not None:
                    unread += 1
                else:
                    read += 1
    assert split >= 100 and unique == split
    assert unread / (read + unread) < 0.03
