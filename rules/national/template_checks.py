"""GAI202, GAI203, GAI205–GAI207: template version, missing tables and cell values
(template-2021.md §4–8)."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Edit, Fix, Report, RuleContext, Span, Table, Violation, rule
from gailint.model import Cell, Row
from gailint.parse.normalize import norm
from gailint.template import (
    FEE_LABEL_VARIANTS,
    FEE_ROW,
    OLD_2019_EXACT_LABEL,
    TABLE2_2019_FREE_COLUMNS,
    TABLE2_2019_GROUPS,
    TABLE2_GROUPS,
    TABLE2_ROWS,
    TABLE3_COLUMNS,
    table3_row_name,
    table4_cell_name,
)
from gailint_rules.national._shared import first_line_span

_TABLES = {
    "table2": ("表二（主动公开政府信息情况）", 2),
    "table3": ("表三（收到和处理政府信息公开申请情况）", 3),
    "table4": ("表四（政府信息公开行政复议、行政诉讼情况）", 4),
}
_FEE_INDEX = TABLE2_ROWS.index(FEE_ROW)
_T2_COLUMNS = {row: group[1][1:] for group in TABLE2_GROUPS for row in group[2]}
_T2_2019_COLUMNS = {row: group[1][1:] for group in TABLE2_2019_GROUPS for row in group[2]}
_OLD_LABEL = norm(OLD_2019_EXACT_LABEL)
_FEE_4DP = frozenset(norm(v) for v in FEE_LABEL_VARIANTS if "4位小数" in v)
_NEW_FORMAT_YEAR = 2021


def _row_name(table: Table, row: Row) -> str:
    if table.name == "table3":
        return table.row_name(row.index)
    if table.name == "table2":
        return row.label.template
    return "行政复议、行政诉讼"


def _column_name(table: Table, row: Row, column: int) -> str:
    if table.name == "table3":
        return TABLE3_COLUMNS[column] if column < len(TABLE3_COLUMNS) else f"第 {column + 1} 列"
    if table.name == "table4":
        return table4_cell_name(column) if column < 15 else f"第 {column + 1} 个"
    names = (_T2_2019_COLUMNS if table.template == "2019" else _T2_COLUMNS).get(row.label.template, ())
    return names[column] if column < len(names) else f"第 {column + 1} 列"


def _amount(table: Table, row: Row, column: int) -> bool:
    """Table 二 cells that are amounts or signed changes, not counts."""
    if table.template == "2019":
        names = _T2_2019_COLUMNS.get(row.label.template, ())
        return column < len(names) and names[column] in TABLE2_2019_FREE_COLUMNS
    return row.label.template == FEE_ROW


def _where(table: Table, row: Row, column: int) -> str:
    return f"{_TABLES[table.name][0][:2]}“{_row_name(table, row)}”的“{_column_name(table, row, column)}”"


def _cells(report: Report) -> Iterator[tuple[Table, Row, int, Cell]]:
    for table in (report.table2, report.table3, report.table4):
        if table is None:
            continue
        for row in table.found_rows:
            for i, cell in enumerate(row.cells):
                yield table, row, i, cell


@rule(code="GAI202", name="old-template", severity="error", tags=("tables", "template"))
def old_template(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """2021 年及以后的报告仍使用已废止的 2019 年试行格式。

    ## 检查内容
    报告年度为 2021 年或以后时，查找 2019 年试行格式（国办公开办函〔2019〕60号）特有的内容：
    “本年新制作数量”“本年新公开数量”“对外公开总数量”“上一年项目数量”“本年增/减”
    “其他对外管理服务事项”“第二十条第（九）项”“政府集中采购”“采购项目数量”“采购总金额”，
    以及表二中恰为“处理决定数量”（没有“本年”）的表头。
    2019、2020 年度的报告使用试行格式是正确的，不报告。

    ## 为什么是问题
    国办公开办函〔2021〕30号印发的新格式自 2021 年度报告起施行，旧格式的统计项
    （如政府集中采购）已被取消；沿用旧表格说明报告照搬了往年的模板。

    ## 示例
    ```
    第二十条第（九）项
    信息内容	采购项目数量	采购总金额
    政府集中采购	0	0
    ```

    ## 应改为
    使用 2021 年格式的表二：第二十条第（一）（五）（六）（八）项，
    如“信息内容	本年收费金额（单位：万元）”“行政事业性收费	0”。

    ## 修复说明
    无自动修复：需要按新格式重新填写表格。

    ## 依据
    国办公开办函〔2021〕30号（2021年9月印发，适用于2021年度及以后的报告）；
    国办公开办函〔2019〕60号《年度报告格式（试行）》。
    """
    if report.year is None or report.year < _NEW_FORMAT_YEAR:
        return
    found: list[tuple[Span, str]] = [(span, span.text(report.text)) for span in report.old_template]
    if report.table2 is not None:
        found.extend((h.span, h.text) for h in report.table2.headers if norm(h.text) == _OLD_LABEL)
    for span, text in sorted(found, key=lambda f: f[0].start):
        yield Violation(
            span,
            f"“{text}”是已废止的2019年试行格式的内容；{report.year}年度报告应使用国办公开办函〔2021〕30号格式",
        )


@rule(code="GAI203", name="missing-table", severity="error", tags=("tables",))
def missing_table(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """缺少表二、表三或表四，或表中缺少一行。

    ## 检查内容
    报告应有三张统计表：表二（主动公开政府信息情况，6 行）、表三（收到和处理政府信息公开申请情况，
    25 个数值行）、表四（行政复议、行政诉讼情况）。表格整张缺失或缺少某一行时报告。
    2019、2020 年度的报告和仍用旧格式的报告不检查（旧格式由 GAI202 报告）。

    ## 为什么是问题
    三张表是年度报告的核心数据；缺表或缺行，数据就不完整，勾稽关系也无法核对。

    ## 示例
    ```
    三、收到和处理政府信息公开申请情况
    本年度未收到政府信息公开申请。
    ```

    ## 应改为
    即使全为 0，也应按模板完整列出表三的 25 行（每行 7 个数值）。

    ## 修复说明
    无自动修复：表格内容需要作者填写。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    if report.format == "2019" or (report.year is not None and report.year < _NEW_FORMAT_YEAR):
        return
    for name in ("table2", "table3", "table4"):
        title, number = _TABLES[name]
        table: Table | None = getattr(report, name)
        if table is None:
            section = report.section(number)
            span = section.span if section is not None else first_line_span(report)
            yield Violation(span, f"缺少{title}")
            continue
        if name == "table4":
            continue  # one row, found with the table: its size is GAI204's business
        labels = [r.label.span if r is not None else None for r in table.rows]
        for i, row in enumerate(table.rows):
            if row is not None or not table.expected_row(i):
                continue
            what = table3_row_name(i) if name == "table3" else TABLE2_ROWS[i]
            yield Violation(_anchor(labels, i, table), f"{title[:2]}缺少“{what}”一行")


def _anchor(labels: list[Span | None], i: int, table: Table) -> Span:
    """Where a missing row belongs: the label of the next row found, else the previous."""
    for span in labels[i + 1 :]:
        if span is not None:
            return span
    for span in reversed(labels[:i]):
        if span is not None:
            return span
    return Span(table.span.start, table.span.start)


@rule(code="GAI205", name="blank-cell", severity="info", fix="always", tags=("tables",))
def blank_cell(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格中应填数字的单元格是空的。

    ## 检查内容
    表二、表三、表四中应填数值的单元格留空（两个制表符或两个 `|` 之间什么也没有，
    或单独一行只有不换行空格）。勾稽关系的检查把它当作 0。
    行首行尾因排版错位多出的空单元格不算。

    ## 为什么是问题
    空格子让读者无法分辨是 0 还是漏填；模板要求每一格都填数字，没有的填 0。

    ## 示例
    ```
    （七）总计	2	0		0	0	0	2
    ```

    ## 应改为
    ```
    （七）总计	2	0	0	0	0	0	2
    ```

    ## 修复说明
    在空单元格处填入 0（单元格只有空白时替换为 0），不改动其他字符。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    for table, row, i, cell in _cells(report):
        if cell.kind != "blank":
            continue
        yield Violation(
            cell.span,
            f"{_where(table, row, i)}为空，应填写数字（没有的填 0）",
            Fix("填入 0", (Edit.replace(cell.span, "0"),)),
        )


@rule(code="GAI206", name="invalid-number", severity="error", tags=("tables",))
def invalid_number(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """件数不是非负整数：负数、小数或不是数字。

    ## 检查内容
    表三、表四的每个数值和表二中的件数（规章、行政规范性文件、行政许可、行政处罚、行政强制）
    都应是非负整数。负数、小数（如 2.5）、表三表四中的“—”“/”等都报告。
    表二的“行政事业性收费”是金额（万元），可以有小数；表二中的“—”“/”表示不适用，不报告。

    ## 为什么是问题
    件数只能是 0、1、2……；出现负数或小数说明填写或复制出错，勾稽关系也会因此失真。

    ## 示例
    ```
    一、本年新收政府信息公开申请数量	2.5	0	0	0	0	0	2.5
    ```

    ## 应改为
    ```
    一、本年新收政府信息公开申请数量	2	0	0	0	0	0	2
    ```

    ## 修复说明
    无自动修复：正确的数值只有作者知道。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四；template-2021.md §5“每个数值都是非负整数”。
    """
    for table, row, i, cell in _cells(report):
        if cell.kind == "blank":
            continue  # GAI205
        if table.name == "table2" and (_amount(table, row, i) or cell.kind == "na"):
            continue
        value = cell.value
        if cell.kind == "number" and value is not None and value >= 0 and float(value).is_integer():
            continue
        if cell.kind == "number" and value is not None and value < 0:
            why = "是负数"
        elif cell.kind == "number":
            why = "是小数"
        else:
            why = "不是数字"
        yield Violation(cell.span, f"{_where(table, row, i)}为“{cell.text}”，{why}；件数应为非负整数（没有的填 0）")


@rule(code="GAI207", name="fee-format", severity="info", tags=("tables", "fee"), options={"label-decimals": True})
def fee_format(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """收费金额不是以万元为单位，或没有按表头要求保留 4 位小数。

    ## 检查内容
    表二“行政事业性收费”的表头应为“本年收费金额（单位：万元）”。表头的单位不是万元时报告。
    河南省的表头“本年收费金额（单位：万元，保留4位小数）”要求金额写 4 位小数，
    如 `0.0000`、`12.3456`；写成 `0` 或 `12.3` 时给出提示。选项 `label-decimals = false`
    关闭这项位数检查（henan 规则包用更严格的 HEN002 代替它）。

    ## 为什么是问题
    单位不统一，各地的收费金额无法汇总比较；表头自己要求 4 位小数而数值没有，
    说明表格没有按要求填写。

    ## 示例
    ```
    信息内容	本年收费金额（单位：万元，保留4位小数）
    行政事业性收费	0
    ```

    ## 应改为
    ```
    信息内容	本年收费金额（单位：万元，保留4位小数）
    行政事业性收费	0.0000
    ```

    ## 修复说明
    无自动修复：改写单位或位数需要作者核对金额。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二第二十条第（八）项；河南省年度报告表二的表头。
    """
    t2 = report.table2
    if t2 is None or t2.template != "2021":
        return
    header = next((h for h in t2.headers if h.template.startswith("本年收费金额")), None)
    if header is None:
        return
    text = norm(header.text)
    if "万元" not in text:
        yield Violation(header.span, f"收费金额的单位应为万元：表头“{header.text}”应为“本年收费金额（单位：万元）”")
        return
    row = t2.row(_FEE_INDEX)
    if not ctx.options.get("label-decimals", True) or text not in _FEE_4DP or row is None or not row.cells:
        return
    cell = row.cells[0]
    if cell.kind != "number" or cell.value is None:
        return
    digits = cell.text.replace("．", ".")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    if decimals != 4:
        yield Violation(
            cell.span,
            f"表头要求保留4位小数，收费金额“{cell.text}”应写作“{cell.value:.4f}”",
        )


RULES = [old_template, missing_table, blank_cell, invalid_number, fee_format]
