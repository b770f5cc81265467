"""GAI305, GAI307: checks against the same issuer's report of the year before
(template-2021.md §1, §7). They need ``ctx.neighbours``; without it they do nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gailint import Report, RuleContext, Violation, rule
from gailint.template import T3_CARRIED, T3_NEXT, TABLE3_COLUMNS, table3_row_name
from gailint_rules.national._shared import first_line_span, fmt

# Clauses, so that one edited word only loses its clause, not the whole sentence.
_CLAUSE_RE = re.compile(r"[，,。；;！!？?：:、\n\r]+")
_DIGITS_RE = re.compile(r"\d+(?:[.．]\d+)?")
_MIN_CLAUSE = 6  # shorter clauses ("一是", "全年") say nothing about copying
_MIN_PROSE = 200  # characters of prose below which a comparison means little
COPY_THRESHOLD = 0.9


def last_year(report: Report, ctx: RuleContext) -> Report | None:
    """The same issuer's report of the year before. The engine decides what "the
    same issuer" is (small differences in the name, the config's file map)."""
    if ctx.neighbours is None or report.year is None:
        return None
    for other in ctx.neighbours(report, year=report.year - 1):
        if other is not report and other.year == report.year - 1:
            return other
    return None


def _file(report: Report) -> str:
    return f"（{report.path}）" if report.path else ""


@rule(code="GAI305", name="carry-over", severity="warning", tags=("arithmetic", "table3", "cross-year"))
def carry_over(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致。

    ## 检查内容
    同一机关上一年度的报告在同一仓库或工作区中时，逐列比较本年表三
    “二、上年结转政府信息公开申请数量”与上年表三“四、结转下年度继续办理”，
    信息中写明上年报告的文件和数值。找不到上年报告（同一发布机关、年度为本年减一）
    时不检查。机关名称的细微差别不影响匹配（“XX县人民政府办公室”与“XX县政府办公室”、
    爬虫加的“标题：”前缀）；名称差别较大时（机构更名），可在配置的 `[issuers]`
    表中按文件指定发布机关，`gailint inspect` 显示用于匹配的机关键。

    ## 为什么是问题
    上年结转到下一年继续办理的申请，就是本年的“上年结转”；两者不一致，
    说明有申请在两个年度之间丢失或重复计算。评估机构会跨年度核对这一项。

    ## 示例
    2022 年报告：`四、结转下年度继续办理	3	0	0	0	0	0	3`；
    2023 年报告：`二、上年结转政府信息公开申请数量	0	0	0	0	0	0	0`。

    ## 应改为
    2023 年报告：`二、上年结转政府信息公开申请数量	3	0	0	0	0	0	3`
    （并相应核对本年的办理结果）。

    ## 修复说明
    无自动修复：哪一年的数字错了需要作者核实。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表三；template-2021.md §7“carry-over across years”。
    """
    before = last_year(report, ctx)
    if before is None:
        return
    t3, old = report.table3, before.table3
    if t3 is None or old is None or not t3.certain or not old.certain:
        return
    row, prev = t3.row(T3_CARRIED), old.row(T3_NEXT)
    if row is None or prev is None:
        return
    for col, name in enumerate(TABLE3_COLUMNS):
        if col >= len(row.cells) or col >= len(prev.cells):
            break
        cell, was = row.cells[col], prev.cells[col]
        if cell.kind not in ("number", "blank") or was.kind not in ("number", "blank"):
            continue
        if cell.number != was.number:
            yield Violation(
                cell.span,
                f"表三“{table3_row_name(T3_CARRIED)}”的“{name}”应为 {fmt(was.number)}"
                f"（{before.year}年报告{_file(before)}“{table3_row_name(T3_NEXT)}”为 {fmt(was.number)}），"
                f"实为 {fmt(cell.number)}",
            )


# The clauses of the last few reports: checking a series year by year, each report
# is compared twice (as this year's, then as last year's), and split once.
_RECENT: dict[int, tuple[Report, dict[str, int]]] = {}


def _clauses(report: Report) -> dict[str, int]:
    """Prose clauses (digits masked: copied reports change years and counts) → length.
    Set lookups keep the comparison linear in the text."""
    hit = _RECENT.get(id(report))
    if hit is not None and hit[0] is report:
        return hit[1]
    # Whitespace removed from each line by str.split() (in C, a few times faster than a
    # regex over the text); the lines are joined by the \n that ends a clause.
    text = _DIGITS_RE.sub("#", "\n".join(["".join(line.text.split()) for line in report.prose_lines()]))
    clauses = {c: len(c) for c in _CLAUSE_RE.split(text) if len(c) >= _MIN_CLAUSE}
    if len(_RECENT) >= 4:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[id(report)] = (report, clauses)  # the report itself keeps its id from being reused
    return clauses


def similarity(report: Report, other: Report) -> tuple[float, int]:
    """(share of this report's prose, by characters, found verbatim in ``other``, prose size)."""
    mine, theirs = _clauses(report), _clauses(other)
    total = sum(mine.values())
    if not total:
        return 0.0, 0
    same = sum(n for c, n in mine.items() if c in theirs)
    return same / total, total


@rule(code="GAI307", name="copied-report", severity="warning", tags=("content", "cross-year", "costly"))
def copied_report(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """报告正文与同一机关上一年度的报告高度雷同。

    ## 检查内容
    同一机关上一年度的报告在同一仓库或工作区中时，按分句比较两年的正文（不含表格；
    数字和年份不计，因为照抄的报告往往只改了年份和数字）。本年正文有 90% 以上
    （按字数）与上年相同时报告。找不到上年报告时不检查。

    ## 为什么是问题
    年度报告应反映本年度的实际工作；年度报告格式明确把“内容雷同”列为
    依照条例第四十七条追究责任的情形之一。

    ## 示例
    2023 年报告的总体情况、存在问题和改进措施与 2022 年报告逐句相同，
    只把“2022年”改成了“2023年”。

    ## 应改为
    按本年度的实际工作重写：本年做了什么、本年发现了什么问题、上年问题整改得怎样。

    ## 修复说明
    无自动修复。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式结语（“内容雷同”）；《中华人民共和国政府信息公开条例》第四十七条。
    """
    before = last_year(report, ctx)
    if before is None:
        return
    share, size = similarity(report, before)
    if size < _MIN_PROSE or share < COPY_THRESHOLD:
        return
    span = report.title.span if report.title is not None else first_line_span(report)
    yield Violation(
        span,
        f"正文与{before.year}年度报告{_file(before)}有 {share:.0%} 相同（按分句比较，不计数字），内容雷同；"
        f"应按{report.year}年度的实际情况撰写（相同部分应低于 {COPY_THRESHOLD:.0%}）",
    )


RULES = [carry_over, copied_report]
