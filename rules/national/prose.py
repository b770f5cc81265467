"""GAI5xx: what the prose says against what the tables hold."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Cell, Report, Row, RuleContext, Span, Violation, rule
from gailint.parse.prose import CountStatement, count_statements
from gailint.template import T3_CARRIED, T3_FEE_UNPAID, T3_NEW, T3_TOTAL, TABLE4_SIZE, table3_row_name
from gailint_rules.national._shared import FEE_RE, fmt

_TOTAL = 6  # table 三's 总计 column
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


@rule(code="GAI501", name="prose-count", severity="warning", tags=("prose", "table3", "table4"))
def prose_count(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """正文所述申请、行政复议、行政诉讼件数与表格不一致。

    ## 检查内容
    正文中明确说明政府信息公开申请、行政复议或行政诉讼件数的句子（阿拉伯数字或汉字数字，
    “两名申请人”按 2 计），与表三“一、本年新收政府信息公开申请数量”的总计（或加上年结转、
    或“（七）总计”）、表四各“总计”比较。只看明确说到申请的分句：“领导信箱留言……全年共受理
    147件”不是政府信息公开申请数；含“其中”“同比”“上年”“累计”等的分句、写明其他年份的分句不比较。

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
    for s in count_statements(report.prose_lines()):
        if s.topic not in expected or not _relevant(report, s):
            continue
        allowed, said = expected[s.topic]
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


RULES = [prose_count, fee_not_reported]
