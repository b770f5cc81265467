"""GAI5xx: what the prose says against what the tables hold."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gailint import Cell, Report, Row, RuleContext, Span, Violation, rule
from gailint.parse.prose import BreakdownStatement, CountStatement, breakdown_statements, count_statements
from gailint.template import T3_CARRIED, T3_FEE_UNPAID, T3_NEW, T3_TOTAL, TABLE4_SIZE, table3_row_name
from gailint_rules.national._shared import FEE_RE, fmt

_TOTAL = 6  # table 三's 总计 column
_RECEIVED_RE = re.compile(r"收到|新收|接到|接收")
_T4_REVIEW, _T4_DIRECT, _T4_AFTER = 4, 9, 14  # the three 总计 cells of table 四


def _cell(row: Row | None, column: int) -> Cell | None:
    if row is None or not row.complete or column >= len(row.cells):
        return None
    cell = row.cells[column]
    return cell if cell.kind in ("number", "blank") else None


def _table3_total(report: Report, index: int) -> int | None:
    t3 = report.table3
    if t3 is None or not t3.certain:
        return None
    cell = _cell(t3.row(index), _TOTAL)
    return None if cell is None else int(cell.number)


def _expected(report: Report) -> dict[str, tuple[set[int], str]]:
    """Per topic: the values the prose may state, and how to name them."""
    out: dict[str, tuple[set[int], str]] = {}
    new = _table3_total(report, T3_NEW)
    if new is not None:
        carried = _table3_total(report, T3_CARRIED)
        total = _table3_total(report, T3_TOTAL)
        # 收到 = 本年新收; 办理 may also count the carried-over ones, or the handled ones.
        allowed = {new} | ({new + carried} if carried is not None else set()) | ({total} if total is not None else set())
        said = f"表三“一、本年新收政府信息公开申请数量”总计为 {new}"
        if carried:
            said += f"（加上年结转 {carried} 共 {new + carried}）"
        out["application"] = (allowed, said)
    t4 = report.table4
    row = t4.row(0) if t4 is not None and t4.certain else None
    if row is not None and len(row.cells) >= TABLE4_SIZE:
        cells = [_cell(row, i) for i in (_T4_REVIEW, _T4_DIRECT, _T4_AFTER)]
        if all(c is not None for c in cells):
            review, direct, after = (int(c.number) for c in cells)  # type: ignore[union-attr]
            out["review"] = ({review}, f"表四“行政复议·总计”为 {review}")
            out["litigation"] = (
                {direct + after},
                f"表四行政诉讼“未经复议直接起诉·总计”{direct} 与“复议后起诉·总计”{after} 合计 {direct + after}",
            )
    return out


_WHAT = {"application": "政府信息公开申请", "review": "政府信息公开行政复议", "litigation": "政府信息公开行政诉讼"}


def _relevant(report: Report, s: CountStatement) -> bool:
    if s.years and (report.year is None or any(y != report.year for y in s.years)):
        return False  # a count of another year (2022年共受理…) is no claim about this one
    if s.topic == "application":
        return True
    section = report.section_at(s.span.start)
    return s.disclosure or (section is not None and section.number == 4)


@rule(
    code="GAI501",
    name="prose-count",
    severity="warning",
    tags=("prose", "table3", "table4"),
    options={"received-includes-carried-over": True},
)
def prose_count(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """正文所述申请、行政复议、行政诉讼件数与表格不一致。

    ## 检查内容
    正文中明确说明政府信息公开申请、行政复议或行政诉讼件数的句子（阿拉伯数字或汉字数字，
    “两名申请人”按 2 计），与表三“一、本年新收政府信息公开申请数量”的总计（或加上年结转、
    或“（七）总计”）、表四各“总计”比较。只看明确说到申请的分句：“领导信箱留言……全年共受理
    147件”不是政府信息公开申请数；含“其中”“同比”“上年”“累计”等的分句、写明其他年份的分句不比较；
    “未发生因政府信息公开申请被纠错的情况”不是“收到 0 件申请”。
    选项 `received-includes-carried-over`（默认 true）：为 false 时，说“收到”“新收”“接到”
    申请的句子只与“本年新收”比较，不再接受“本年新收 + 上年结转”。

    ## 为什么是问题
    正文与表格说法不一，读者无法判断哪个数字可信，评估时按“数据不准确”扣分。

    ## 示例
    ```
    （二）依申请公开情况。全年共受理群众政府信息公开申请15件，均按规定时间予以答复。
    ```
    而表三“一、本年新收政府信息公开申请数量”总计为 11。

    ## 应改为
    ```
    （二）依申请公开情况。全年共受理群众政府信息公开申请11件，均按规定时间予以答复。
    ```

    ## 修复说明
    无自动修复：无法判断是正文错还是表格错，请核对台账后改正。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号：年度报告
    “发布内容不准确不全面”的，依条例第四十七条追责。
    """
    expected = _expected(report)
    if not expected:
        return
    strict = not ctx.options.get("received-includes-carried-over", True)
    for s in count_statements(report.prose_lines()):
        if s.topic not in expected or not _relevant(report, s):
            continue
        allowed, said = expected[s.topic]
        if strict and s.topic == "application" and _RECEIVED_RE.search(s.clause.text):
            allowed = {_table3_total(report, T3_NEW)}  # 收到: this year's new ones only
        if s.value not in allowed:
            written = report.text[s.span.start : s.span.end]
            shown = fmt(s.value) if written == fmt(s.value) else f"“{written}”（{fmt(s.value)}）"
            yield Violation(s.span, f"正文称{_WHAT[s.topic]} {shown} 件，与表格不符：{said}")


@rule(code="GAI502", name="fee-not-reported", severity="warning", tags=("prose", "table3", "fee"))
def fee_not_reported(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表三有因逾期未缴费而不再处理的申请，“其他需要报告的事项”却未说明信息处理费。

    ## 检查内容
    表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”
    总计大于 0，说明本年度发出过收费通知；此时“六、其他需要报告的事项”应说明信息处理费的收取情况。
    没有第六部分时检查全文的正文。

    ## 为什么是问题
    格式要求在第六部分报告收取信息处理费的情况；既发出收费通知又只字不提收费，报告前后不一致。

    ## 示例
    表三该行总计为 2，而第六部分只写：
    ```
    六、其他需要报告的事项
    无。
    ```

    ## 应改为
    ```
    六、其他需要报告的事项
    本年度向2名申请人发出收费通知，申请人均未缴纳，共收取信息处理费0元。
    ```

    ## 修复说明
    无自动修复：收费金额和件数只有报告单位知道。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式第六部分“收取信息处理费情况在此处报告”；
    《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
    """
    t3 = report.table3
    if t3 is None or not t3.certain or t3.one_row_other:
        return  # the 2019 format has no 逾期未缴费 row
    cell = _cell(t3.row(T3_FEE_UNPAID), _TOTAL)
    if cell is None or cell.number <= 0:
        return
    lines = report.prose_lines(6) if report.section(6) is not None else report.prose_lines()
    if any(FEE_RE.search(line.text) for line in lines):
        return
    yield Violation(
        Span(cell.span.start, cell.span.end),
        f"表三“{table3_row_name(T3_FEE_UNPAID)}”总计为 {fmt(cell.number)}，"
        "但“六、其他需要报告的事项”未说明信息处理费的收取情况：应写明本年度收取信息处理费的件数和金额",
    )


# Which table cells a breakdown in the prose adds up: (table, rows or cells, name shown).
_T3_CATEGORY_ROWS: dict[str, tuple[tuple[int, ...], str]] = {
    "disclosed": ((2,), "（一）予以公开"),
    "partly": ((3,), "（二）部分公开"),
    "disclosed-or-partly": ((2, 3), "（一）予以公开与（二）部分公开"),
    "withheld": (tuple(range(4, 12)), "（三）不予公开各项"),
    "unavailable": ((12, 13, 14), "（四）无法提供各项"),
    "not-processed": (tuple(range(15, 20)), "（五）不予处理各项"),
    "other-processing": ((20, 21, 22), "（六）其他处理各项"),
}
_T4_RESULT_CELLS = {"upheld": 0, "corrected": 1, "pending": 3}
_T4_GROUP_FIRST = {"review": (0,), "litigation": (5, 10)}
_RESULT_NAMES = {"upheld": "结果维持", "corrected": "结果纠正", "pending": "尚未审结"}
_PARENT_NAMES = {"review": "行政复议", "litigation": "行政诉讼"}


def _breakdown_value(report: Report, s: BreakdownStatement) -> tuple[int, str] | None:
    """The table's number for a breakdown, and how to name it; None when unknown."""
    if s.category in _T4_RESULT_CELLS:
        t4 = report.table4
        row = t4.row(0) if t4 is not None and t4.certain else None
        if row is None or len(row.cells) < TABLE4_SIZE:
            return None
        cells = [_cell(row, first + _T4_RESULT_CELLS[s.category]) for first in _T4_GROUP_FIRST[s.parent]]
        if any(c is None for c in cells):
            return None
        name = f"表四{_PARENT_NAMES[s.parent]}“{_RESULT_NAMES[s.category]}”"
        return int(sum(c.number for c in cells)), name  # type: ignore[union-attr]
    t3 = report.table3
    if t3 is None or not t3.certain:
        return None
    rows, name = _T3_CATEGORY_ROWS[s.category]
    rows = tuple(i for i in rows if t3.expected_row(i))
    cells = [_cell(t3.row(i), _TOTAL) for i in rows]
    if any(c is None for c in cells):
        return None
    return int(sum(c.number for c in cells)), f"表三“{name}”总计"  # type: ignore[union-attr]


_CATEGORY_WORDS = {
    "disclosed": "予以公开",
    "partly": "部分公开",
    "disclosed-or-partly": "予以公开及部分公开",
    "withheld": "不予公开",
    "unavailable": "无法提供",
    "not-processed": "不予处理",
    "other-processing": "其他处理",
    "upheld": "维持",
    "corrected": "纠正",
    "pending": "尚未审结",
}


@rule(code="GAI503", name="prose-breakdown", severity="warning", tags=("prose", "table3", "table4"))
def prose_breakdown(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """正文所述各类办理结果或复议、诉讼结果的件数与表格不一致。

    ## 检查内容
    正文中说明申请如何办理的件数（予以公开、部分公开、“予以公开及部分公开”、不予公开、
    无法提供、不予处理、其他处理），与表三相应各行“总计”之和比较；说明行政复议、行政诉讼
    结果的件数（维持、纠正、尚未审结，如“行政复议3件，其中维持2件”），与表四相应单元格比较。
    “不予公开信息数137条”这样按公开属性统计的信息条数不是申请数，不比较；写明其他年份的句子
    不比较。

    ## 为什么是问题
    正文与表格对同一件事给出两个数字，读者无法判断哪个可信；评估时按“数据不准确”扣分。

    ## 示例
    ```
    全年共办结申请16件，其中予以公开及部分公开12件，不予公开2件。
    ```
    而表三“（一）予以公开”与“（二）部分公开”的总计之和为 10。

    ## 应改为
    ```
    全年共办结申请16件，其中予以公开及部分公开10件，不予公开2件。
    ```

    ## 修复说明
    无自动修复：无法判断是正文错还是表格错，请核对台账后改正。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号：年度报告
    “发布内容不准确不全面”的，依条例第四十七条追责。
    """
    for s in breakdown_statements(report.prose_lines()):
        if s.years and (report.year is None or any(y != report.year for y in s.years)):
            continue
        found = _breakdown_value(report, s)
        if found is None or found[0] == s.value:
            continue
        value, name = found
        what = _CATEGORY_WORDS[s.category]
        if s.parent != "application":
            what = f"{_PARENT_NAMES[s.parent]}{what}"
        yield Violation(s.span, f"正文称{what} {fmt(s.value)} 件，与表格不符：{name}为 {fmt(value)}")


RULES = [prose_count, fee_not_reported, prose_breakdown]
