"""The pack's rules. A rule reads the report model (tables, sections, dates, each with
its exact span) and yields violations; it never re-reads the raw text."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Report, RuleContext, Violation, rule
from gailint.template import FEE_ROW, TABLE2_ROWS

FEE_INDEX = TABLE2_ROWS.index(FEE_ROW)


@rule(code="MYP001", name="fee-in-yuan", severity="info", options={"max-wan-yuan": 1000.0})
def fee_in_yuan(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """收费金额大得不合常理，可能是按“元”而不是“万元”填写的。

    ## 检查内容
    表二“行政事业性收费”的金额（单位：万元）大于选项 `max-wan-yuan`（默认 1000，
    即一千万元）时提示。

    ## 为什么是问题
    表头的单位是万元；把 7816 元写成 7816，报告里就成了七千八百多万元。

    ## 示例
    ```
    信息内容	本年收费金额（单位：万元）
    行政事业性收费	7816
    ```

    ## 应改为
    ```
    信息内容	本年收费金额（单位：万元）
    行政事业性收费	0.7816
    ```

    ## 修复说明
    无自动修复：换算金额会改动事实，需要作者核对。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二第二十条第（八）项。
    """
    table = report.table2
    if table is None or table.template != "2021":
        return
    row = table.row(FEE_INDEX)
    if row is None or not row.cells or row.cells[0].value is None:
        return
    cell = row.cells[0]
    limit = float(ctx.options["max-wan-yuan"])
    if cell.value > limit:
        yield Violation(cell.span, f"收费金额“{cell.text}”万元超过 {limit:g} 万元，请核对单位是否为万元")
