"""GAI305, GAI307: checks against the same issuer's report of the year before."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from gailint.config import Settings
from gailint_rules.national.crossyear import similarity

from .conftest import LINTER, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S003, S004 = SEEDS["003"], SEEDS["004"]

MY_CODES = ("GAI305", "GAI307")
SETTINGS = Settings(select=MY_CODES)
CARRIED = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
NEXT = "\t\t四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0"


def parse(text: str, path: str):
    return LINTER.parse(text, path, SETTINGS)


def lint(text: str, path: str = "2022.txt", others=(), neighbours=True):
    reports = [parse(t, p) for t, p in others]
    nb = (lambda report: reports) if neighbours else None
    return [d for d in LINTER.lint(text, path, SETTINGS, neighbours=nb)[1] if d.code in MY_CODES]


def next_year(text: str) -> str:
    """The same issuer's report one year on, as a copier writes it: years bumped."""
    return text.replace("2021", "2022")


# 2021: 1 application by a 自然人 carried over to 2022.
LAST = S004.replace(NEXT, "\t\t四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1")


# ---------------------------------------------------------------- GAI305


def test_carried_over_differs_from_last_years_next_year_row():
    text = next_year(S004)
    diags = [d for d in lint(text, others=[(LAST, "2021.txt")]) if d.code == "GAI305"]
    assert len(diags) == 2  # 自然人 and 总计
    row = text.index(CARRIED)
    assert all(span_text(text, d) == "0" and row < d.span.start < row + len(CARRIED) for d in diags)
    assert diags[0].message == (
        "表三“二、上年结转政府信息公开申请数量”的“自然人”应为 1"
        "（2021年报告“四、结转下年度继续办理”为 1），实为 0"
    )
    assert "“总计”应为 1" in diags[1].message


def test_matching_carry_over_passes():
    text = next_year(S004).replace(CARRIED, "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1")
    assert [d for d in lint(text, others=[(LAST, "2021.txt")]) if d.code == "GAI305"] == []


def test_needs_the_same_issuer_and_the_year_before():
    text = next_year(S004)
    other_issuer = LAST.replace("宜阳县人民政府办公室2021年", "洛宁县人民政府办公室2021年")
    two_years = LAST.replace("办公室2021年政府信息", "办公室2020年政府信息")
    for other in (other_issuer, two_years):
        assert [d for d in lint(text, others=[(other, "old.txt")]) if d.code == "GAI305"] == []


def test_nothing_without_neighbours():
    assert lint(next_year(S004), neighbours=False) == []
    assert lint(next_year(S004), others=[]) == []


# ---------------------------------------------------------------- GAI307


def test_copied_report_is_reported_on_the_title():
    # Years bumped and a few counts changed: still the same text.
    text = next_year(S004).replace("6000余条", "6500余条").replace("申请11件", "申请9件")
    (d,) = [d for d in lint(text, others=[(S004, "2021.txt")]) if d.code == "GAI307"]
    assert span_text(text, d) == "宜阳县人民政府办公室2022年政府信息公开工作年度报告"
    assert d.message == (
        "正文与2021年度报告有 100% 相同（按分句比较，不计数字），内容雷同；"
        "应按2022年度的实际情况撰写（相同部分应低于 90%）"
    )


def test_rewritten_report_passes():
    # Same issuer and tables, but the prose of another report (seed 003).
    a = S003.index("## 一、总体情况")
    text = "宜阳县人民政府办公室2022年政府信息公开工作年度报告\n\n" + S003[a:]
    assert [d for d in lint(text, others=[(S004, "2021.txt")]) if d.code == "GAI307"] == []


def test_partly_rewritten_report_below_the_threshold_passes():
    text = next_year(S004)
    i = text.index("存在的主要问题：")
    j = text.index("六、其他需要报告的事项")
    text = text[:i] + S003[S003.index("2021年我镇政务公开工作") : S003.index("## **六")] + text[j:]
    share, _ = similarity(parse(text, "2022.txt"), parse(S004, "2021.txt"))
    assert share < 0.9
    assert [d for d in lint(text, others=[(S004, "2021.txt")]) if d.code == "GAI307"] == []


def test_similarity_is_fast_on_long_texts():
    # Linear: 50 copies of a report's prose compare in well under a second.
    big = S004 + "\n".join(re.sub(r"\d", str(k % 10), S004) for k in range(50))
    a, b = parse(big, "a.txt"), parse(big.replace("政务", "政府"), "b.txt")
    t0 = time.perf_counter()
    similarity(a, b)
    assert time.perf_counter() - t0 < 0.5


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seeds_have_no_last_year_report(seed):
    others = [(t, f"{k}.txt") for k, t in SEEDS.items() if k != seed]
    assert lint(SEEDS[seed], path=f"{seed}.txt", others=others) == []
