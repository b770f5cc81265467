"""`gailint inspect` reproduces spec/seed-tables.json on every real seed layout."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from _support import SEEDS

GAILINT = [sys.executable, "-m", "gailint"]


def inspect(path) -> dict:
    out = subprocess.run([*GAILINT, "inspect", "--output-format", "json", str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def inspected():
    return {p.name: inspect(p) for p in SEEDS}


@pytest.mark.parametrize("seed", [p.name for p in SEEDS])
def test_inspect_reproduces_the_seed_tables(seed, inspected, seed_tables):
    got, want = inspected[seed], seed_tables[seed]
    assert got["year"] == want["year"]
    assert got["tables"]["table2"] == want["table2"]
    assert got["tables"]["table3"] == want["table3"]
    assert got["tables"]["table4"] == want["table4"]


def test_one_cell_per_line_seed_records_the_stray_nbsp_cells(inspected):
    notes = inspected["001_c88faac3643766a2.txt"]["notes"]
    assert any("第 21 行" in n and "空白" in n for n in notes)
    assert any("第 22 行" in n and "空白" in n for n in notes)
    assert any("表四只有 9 个数值" in n for n in notes)


def test_nonstandard_row_label_is_still_located_as_row_6():
    from gailint.parse import parse

    report = parse((SEEDS[4]).read_text(encoding="utf-8"))
    row = report.table3.rows[5]
    assert row.label.text == "2.其他法律法规禁止公开"
    assert row.label.template == "2.其他法律行政法规禁止公开"
    assert not row.label.exact


@pytest.mark.parametrize(
    "seed, title, issuer, kind, period",
    [
        ("000", None, None, None, None),
        ("001", "定西市通渭县人民政府2023年政府信息公开工作年度报告", "定西市通渭县人民政府", "government", ("2023-01-01", "2023-12-31")),
        ("002", None, None, None, None),
        ("003", "新绛县三泉镇人民政府 2021 年 政府信息公开工作年度报告", "新绛县三泉镇人民政府", "township", ("2021-01-01", "2021-12-31")),
        ("004", "宜阳县人民政府办公室2021年政府信息公开工作年度报告", "宜阳县人民政府办公室", "department", None),
    ],
)
def test_title_issuer_and_period(seed, title, issuer, kind, period, inspected):
    (got,) = [v for k, v in inspected.items() if k.startswith(seed)]
    assert (got["title"] or {}).get("text") == title
    assert got["issuer"] == issuer
    assert got["issuer_kind"] == kind
    assert (None if got["period"] is None else (got["period"]["from"], got["period"]["to"])) == period


@pytest.mark.parametrize("seed, numbers", [("000", [2, 3, 4, 5, 6]), ("001", [1, 2, 3, 4, 5, 6]), ("003", [1, 2, 3, 4, 5, 6])])
def test_sections_found_and_table3_row_four_is_not_section_four(seed, numbers, inspected):
    (got,) = [v for k, v in inspected.items() if k.startswith(seed)]
    assert [s["number"] for s in got["sections"]] == numbers
    assert all("结转" not in s["title"] for s in got["sections"])


def test_year_is_inferred_from_prose_when_there_is_no_title_or_period(inspected):
    assert inspected["000_d63fade97a3a65e1.txt"]["year_source"] == "prose"
    assert inspected["002_93c87546c824c53b.txt"]["year"] == 2025


def test_signature_date_is_the_publication_date():
    from gailint.parse import parse

    report = parse(SEEDS[3].read_text(encoding="utf-8"))
    assert str(report.published.value) == "2022-01-25"
    assert report.published.source == "signature"


def test_year_mentions_skip_years_inside_longer_numbers():
    from gailint.model import LineIndex
    from gailint.parse.dates import find_years

    text = "2023年，12023年，1.2019年，２０２２年，2021 年度，x2020\u3000年。"
    years = [(y.year, text[y.span.start : y.span.end]) for y in find_years(text, LineIndex.of(text))]
    # A year glued after a digit or a decimal point is part of that number; full-width
    # digits are no 19xx/20xx the reader counts (they are read as text elsewhere).
    assert years == [(2023, "2023"), (2021, "2021"), (2020, "2020")]
