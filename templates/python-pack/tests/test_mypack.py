"""The pack, as its users run it: a config selecting it, a report, the findings."""

from __future__ import annotations

from gailint.config import Settings
from gailint.engine.linter import Linter

REPORT = """某镇人民政府2023年政府信息公开工作年度报告
本报告所列数据统计期限为2023年1月1日至2023年12月31日。
第二十条第（八）项
信息内容	本年收费金额（单位：万元）
行政事业性收费	7816
"""


def lint(text: str, **settings):
    linter = Linter.create()
    return linter.lint(text, "report.txt", Settings(packs=("mypack",), **settings))[1]


def test_a_fee_in_yuan_is_reported_at_the_cell():
    (d,) = [d for d in lint(REPORT) if d.code == "MYP001"]
    assert REPORT[d.span.start : d.span.end] == "7816"
    assert d.severity.label == "info"


def test_the_limit_is_an_option():
    diags = lint(REPORT, rule_options={"MYP001": {"max-wan-yuan": 10000.0}})
    assert not [d for d in diags if d.code == "MYP001"]


def test_the_pack_adds_a_typo_to_the_national_list():
    text = "一、总体情况\n群众可通过帐号登录网站。\n"
    (d,) = [d for d in lint(text) if d.code == "GAI706"]
    assert text[d.span.start : d.span.end] == "帐号" and d.fix.edits[0].new == "账号"


def test_a_report_that_does_not_select_the_pack_gets_nothing_from_it():
    linter = Linter.create()
    _, diags = linter.lint(REPORT, "report.txt", Settings())
    assert not [d for d in diags if d.code.startswith("MYP")]
