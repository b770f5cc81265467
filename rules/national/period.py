"""GAI4xx: the report year and the statistics period (template-2021.md §9)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from gailint import Edit, Fix, Report, RuleContext, Violation, rule
from gailint_rules.national._shared import first_line_span, newline_of


def _standard_period(year: int) -> str:
    return f"{year}年1月1日至{year}年12月31日"


@rule(code="GAI401", name="missing-period", severity="warning", fix="sometimes", fix_safety="unsafe", tags=("period",))
def missing_period(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """报告没有说明数据的统计期限。

    ## 检查内容
    报告应写明统计期限，如“本报告所列数据统计期限为2023年1月1日至2023年12月31日”。
    识别的写法包括“统计期限为2022年1月1日至12月31日”“从2022年1月1日起至2022年12月31日止”
    “自2023年1月1日至2023年12月31日”以及数字间带空格的写法。

    ## 为什么是问题
    年度报告的数据口径是一个自然年度；不写期限，读者无法确认数据所属年度。

    ## 示例
    标题之后直接进入“一、总体情况”，全文没有统计期限。

    ## 应改为
    ```
    本报告所列数据统计期限为2021年1月1日至2021年12月31日。
    ```

    ## 修复说明
    报告年度已知时，在标题之后（没有标题时在正文开头）插入上面这句话，作为单独一段。
    这是**不安全的修复**：它替作者陈述了一个事实（统计期限），年度是推断的（标题、正文或文件名）；
    只在 `--unsafe-fixes` 时应用。

    ## 依据
    《中华人民共和国政府信息公开条例》第四十九条、第五十条；DB51/T 2660—2019
    “年度报告统计时间段为上一年度1月1日至12月31日”。
    """
    if report.period is not None:
        return
    year = report.year
    span = report.title.span if report.title else first_line_span(report)
    if year is None:
        yield Violation(span, "未写明统计期限（应为报告年度的1月1日至12月31日）")
        return
    sentence = f"本报告所列数据统计期限为{_standard_period(year)}。"
    nl = newline_of(report)
    if report.title is not None:
        line = report.index.line_of(report.title.span.end)
        end = report.lines[line].span.end
        edit = Edit.insert(end, nl + sentence)
    else:
        edit = Edit.insert(0, sentence + nl)
    yield Violation(span, f"未写明统计期限，应为{_standard_period(year)}", Fix("插入统计期限", (edit,)))


@rule(code="GAI402", name="period-year", severity="error", fix="always", fix_safety="unsafe", tags=("period",))
def period_year(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """统计期限不是报告年度的1月1日至12月31日。

    ## 检查内容
    统计期限的起止日期应为报告年度（取自标题）的1月1日和12月31日。

    ## 为什么是问题
    期限年份写错（常见于沿用上年报告未改），数据的所属年度就成了错的。

    ## 示例
    标题“……2023年政府信息公开工作年度报告”，正文“统计期限为2022年1月1日至2022年12月31日”。

    ## 应改为
    “统计期限为2023年1月1日至2023年12月31日”。

    ## 修复说明
    只有年份错时只替换错的年份数字；月日也错时替换整个期限。
    这是**不安全的修复**：它改变日期中的数字，以标题的年度为准，而错的也可能是标题；
    只在 `--unsafe-fixes` 时应用。

    ## 依据
    《中华人民共和国政府信息公开条例》第四十九条；template-2021.md §9。
    """
    period, year = report.period, report.year
    if period is None or year is None or report.year_source == "period":
        return
    start, end = period.start, period.end
    if start is not None and end is not None and start.year == year and end.year == year and (
        (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    ):
        return
    expected = _standard_period(year)
    message = f"统计期限应为{expected}，实为“{period.text.strip()}”"
    edits: list[Edit] = []
    if start is not None and end is not None and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year != year and period.start_year_span is not None:
            edits.append(Edit.replace(period.start_year_span, str(year)))
        if end.year != year and period.end_year_span is not None:
            edits.append(Edit.replace(period.end_year_span, str(year)))
    if not edits:
        edits = [Edit.replace(period.span, expected)]
    yield Violation(period.span, message, Fix(f"改为{expected}", tuple(edits)))


@rule(code="GAI405", name="unknown-year", severity="info", tags=("period",))
def unknown_year(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """无法确定报告年度。

    ## 检查内容
    依次从标题、统计期限、正文（如“2025年，我镇……”）、配置项 `year` 和文件名推断报告年度；
    都找不到时报告本条，依赖年度的检查（GAI402、GAI403、GAI404）不再进行。

    ## 为什么是问题
    年度报告必须能看出是哪一年的；gailint 也需要年度来核对期限和日期。

    ## 示例
    没有标题、没有统计期限、正文也没有年份的报告。

    ## 应改为
    补上标题“××2023年政府信息公开工作年度报告”，或在配置中设置 `year = 2023`。

    ## 修复说明
    无自动修复。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条。
    """
    if report.year is None:
        yield Violation(first_line_span(report), "无法确定报告年度：请在标题中写明年度，或在配置中设置 year")


@rule(code="GAI406", name="cutoff-date", severity="warning", tags=("period", "dates"))
def cutoff_date(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """正文所写的数据截止日期与统计期限不一致。

    ## 检查内容
    正文中“截至……”“截止到……”的日期，与统计期限（没有写统计期限时为报告年度的12月31日）
    比较：报告年度之内、却早于统计期限结束日的截止日期（截至2023年11月30日），和上一年度的
    年底（截至2022年12月31日）都报告。统计期限之后的日期（截至2024年1月20日，已整改到位）
    说的是写报告时的进展，不报告。

    ## 为什么是问题
    年度报告的数字应统计到统计期限的最后一天；正文说截至别的日子，读者无法判断表格里的数字
    统计到哪一天，也常是沿用了上一年报告的句子。

    ## 示例
    ```
    本报告所列数据统计期限为2023年1月1日至2023年12月31日。……截至2023年11月30日，共受理申请12件。
    ```

    ## 应改为
    ```
    截至2023年12月31日，共受理申请12件。
    ```

    ## 修复说明
    无自动修复：截止日期是事实，应核对数字统计到哪一天后改正。

    ## 依据
    《中华人民共和国政府信息公开条例》第四十九条、第五十条；template-2021.md §9。
    """
    year = report.year
    if year is None or report.year_source not in ("title", "period", "config"):
        return
    period = report.period
    end = period.end if period is not None and period.end is not None else date(year, 12, 31)
    inside = (lambda s: period.span.start <= s.start < period.span.end) if period is not None else (lambda s: False)
    for d in report.dates:
        if d.source != "cutoff" or inside(d.span) or d.value >= end:
            continue
        previous_year_end = (d.value.month, d.value.day) == (12, 31) and d.value.year == end.year - 1
        if d.value.year != end.year and not previous_year_end:
            continue  # history ("截至2019年底，累计……")
        shown = f"{d.value.year}年{d.value.month}月{d.value.day}日"
        yield Violation(
            d.span,
            f"正文的数据截止日期 {shown} 与统计期限不一致：本报告的数字应统计到 {end.year}年{end.month}月{end.day}日",
        )


RULES = [missing_period, period_year, unknown_year, cutoff_date]
