"""GAI3xx: the identities of tables 三 and 四 (勾稽关系, template-2021.md §7)."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Edit, Fix, Report, RuleContext, Row, Table, Violation, rule
from gailint.template import (
    T3_CARRIED,
    T3_NEW,
    T3_NEXT,
    T3_TOTAL,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
    TABLE4_SIZE,
)
from gailint_rules.national._shared import can_equal, fmt, split_note


def _value(row: Row | None, column: int) -> float | None:
    """A cell's value for arithmetic (blank = 0); None when it cannot be used."""
    if row is None or column >= len(row.cells) or not row.complete:
        return None
    return row.cells[column].arith


def _set_total(cell, value: float, what: str) -> Fix | None:
    """Set a total to the sum of its parts. In digits that ran together the edit must
    keep the run's length, or the row would read differently afterwards."""
    new = fmt(value)
    if cell.split and len(new) != len(cell.text):
        return None
    return Fix(f"把{what}改为 {new}", (Edit.replace(cell.span, new),))


def _where(table: Table, cell) -> tuple:
    """(span, may fix): a cell when the table was read unambiguously, else the table."""
    if table.certain:
        return cell.span, True
    return table.span, False


@rule(code="GAI301", name="application-identity", severity="error", tags=("arithmetic", "table3"))
def application_identity(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表三：本年新收 + 上年结转 ≠ （七）总计 + 结转下年度继续办理。

    ## 检查内容
    表三每一列（自然人……总计）都应满足模板注明的勾稽关系：
    “第一项加第二项之和，等于第三项加第四项之和”，即
    一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。

    ## 为什么是问题
    收到的申请要么办结、要么结转，数字对不上说明有申请被漏记或重复计算；
    这是评估机构核对的第一项。

    ## 示例
    本年新收 2、上年结转 0，而（七）总计 0、结转下年度 0：2 + 0 ≠ 0 + 0。

    ## 应改为
    （七）总计 2（若确实办结了 2 件）。

    ## 修复说明
    无自动修复：哪一边错了无法判断；GAI302 会在（七）总计与各项之和不符时给出修复。

    ## 依据
    国办公开办函〔2021〕30号，表三注“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”。
    """
    t3 = report.table3
    if t3 is None:
        return
    rows = [t3.row(i) for i in (T3_NEW, T3_CARRIED, T3_TOTAL, T3_NEXT)]
    for col, name in enumerate(TABLE3_COLUMNS):
        vals = [_value(r, col) for r in rows]
        if any(v is None for v in vals):
            continue
        if vals[0] + vals[1] == vals[2] + vals[3]:  # type: ignore[operator]
            continue  # the values shown are one reading: it keeps the identity
        holds = can_equal(
            [t3.possible(T3_NEW, col), t3.possible(T3_CARRIED, col)],
            [t3.possible(T3_TOTAL, col), t3.possible(T3_NEXT, col)],
        )
        if holds is not False:
            continue
        new, carried, total, nxt = vals
        cells = [r.cells[col] for r in rows]  # type: ignore[union-attr]
        span, _ = _where(t3, cells[2])
        yield Violation(
            span,
            f"表三“{name}”列勾稽关系不成立：本年新收 {fmt(new)} + 上年结转 {fmt(carried)} = {fmt(new + carried)}，"
            f"而（七）总计 {fmt(total)} + 结转下年度 {fmt(nxt)} = {fmt(total + nxt)}{split_note(*cells)}",
        )


@rule(code="GAI302", name="results-total", severity="error", fix="always", fix_safety="unsafe", tags=("arithmetic", "table3"))
def results_total(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表三：（七）总计 ≠ 21 个办理结果行之和。

    ## 检查内容
    表三每一列的“（七）总计”应等于（一）予以公开至（六）其他处理全部 21 个办理结果行之和。

    ## 为什么是问题
    总计与各项不符，说明某项漏填或总计抄错，表格自相矛盾。

    ## 示例
    （一）予以公开 2，其余各项 0，（七）总计 0。

    ## 应改为
    （七）总计 2。

    ## 修复说明
    把（七）总计改为各项之和，只改动该单元格。若各项本身有误，修复后 GAI301 仍会提示。
    这是**不安全的修复**：它改变一个数字，而错的也可能是某一项；`--fix` 不应用它，
    需要 `--unsafe-fixes`（编辑器中作为快速修复提供，但不在“应用所有安全的修复”和保存时修复中）。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表三；template-2021.md §7“results total”。
    """
    t3 = report.table3
    if t3 is None:
        return
    total_row = t3.row(T3_TOTAL)
    results = [t3.row(i) for i in t3.result_rows]
    if total_row is None or any(r is None for r in results):
        return
    for col, name in enumerate(TABLE3_COLUMNS):
        total = _value(total_row, col)
        parts = [_value(r, col) for r in results]
        if total is None or any(p is None for p in parts):
            continue
        if total == sum(parts):  # type: ignore[arg-type]
            continue  # the values shown are one reading: it keeps the identity
        holds = can_equal([t3.possible(T3_TOTAL, col)], [t3.possible(i, col) for i in t3.result_rows])
        if holds is not False:
            continue
        expected = sum(parts)  # type: ignore[arg-type]
        cell = total_row.cells[col]
        span, may_fix = _where(t3, cell)
        yield Violation(
            span,
            f"（七）总计（{name}）应为 {fmt(expected)}，实为 {fmt(total)}{split_note(cell)}",
            _set_total(cell, expected, f"（七）总计（{name}）") if may_fix else None,
        )


@rule(code="GAI303", name="applicant-total", severity="error", fix="always", fix_safety="unsafe", tags=("arithmetic", "table3"))
def applicant_total(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表三：某行的“总计”≠ 六类申请人之和。

    ## 检查内容
    表三每一行的“总计”列应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、
    其他六列之和。

    ## 为什么是问题
    行总计与各申请人数量不符，说明某格漏填或总计抄错。

    ## 示例
    一、本年新收：自然人 10，商业企业 1，总计 10。

    ## 应改为
    总计 11。

    ## 修复说明
    把该行的总计改为六列之和，只改动该单元格。
    这是**不安全的修复**：它改变一个数字，而错的也可能是某一列；只在 `--unsafe-fixes` 时应用。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表三；template-2021.md §7“applicant total”。
    """
    t3 = report.table3
    if t3 is None:
        return
    for row in t3.found_rows:
        if not row.complete or len(row.cells) < 7:
            continue  # (what _value() would say of the row's cells)
        vals = [c.arith for c in row.cells[:7]]
        if any(v is None for v in vals):
            continue
        if any(r[6] == sum(r[:6]) for r in row.readings):
            continue  # some reading of digits that ran together keeps the row's total
        expected = sum(vals[:6])  # type: ignore[arg-type]
        if vals[6] != expected:
            cell = row.cells[6]
            name = t3.row_name(row.index)
            certain = t3.certain and len(row.readings) <= 1
            yield Violation(
                cell.span if certain else t3.span,
                f"“{name}”的总计应为 {fmt(expected)}，实为 {fmt(vals[6])}{split_note(cell)}",
                _set_total(cell, expected, f"“{name}”的总计") if certain else None,
            )


@rule(code="GAI304", name="review-litigation-total", severity="error", fix="always", fix_safety="unsafe", tags=("arithmetic", "table4"))
def review_litigation_total(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表四：结果维持 + 结果纠正 + 其他结果 + 尚未审结 ≠ 总计。

    ## 检查内容
    表四的三组（行政复议、未经复议直接起诉、复议后起诉）各自的总计应等于
    结果维持、结果纠正、其他结果、尚未审结四项之和。

    ## 为什么是问题
    总计与各项不符，表格自相矛盾。

    ## 示例
    行政复议：0 1 0 0 总计 0。

    ## 应改为
    行政复议：0 1 0 0 总计 1。

    ## 修复说明
    把该组的总计改为四项之和，只改动该单元格。表四不完整（GAI204）时不检查。
    这是**不安全的修复**：它改变一个数字，而错的也可能是某一项；只在 `--unsafe-fixes` 时应用。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表四；template-2021.md §7“review/litigation totals”。
    """
    t4 = report.table4
    if t4 is None or not t4.rows or t4.rows[0] is None:
        return
    row = t4.rows[0]
    if len(row.cells) < TABLE4_SIZE:
        return
    width = len(TABLE4_COLUMNS)
    for g, group in enumerate(TABLE4_GROUPS):
        vals = [_value(row, g * width + k) for k in range(width)]
        if any(v is None for v in vals):
            continue
        a = g * width
        if any(r[a + 4] == sum(r[a : a + 4]) for r in row.readings):
            continue  # some reading of digits that ran together keeps this total
        expected = sum(vals[:4])  # type: ignore[arg-type]
        if vals[4] != expected:
            cell = row.cells[g * width + 4]
            certain = len(row.readings) <= 1
            yield Violation(
                cell.span if certain else t4.span,
                f"表四“{group}”的总计应为 {fmt(expected)}，实为 {fmt(vals[4])}{split_note(cell)}",
                _set_total(cell, expected, f"“{group}”的总计") if certain else None,
            )


@rule(code="GAI306", name="regulation-stock", severity="warning", tags=("arithmetic", "table2"))
def regulation_stock(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表二：现行有效件数少于本年制发件数减本年废止件数。

    ## 检查内容
    表二“规章”“行政规范性文件”两行：现行有效件数应不少于本年制发件数 − 本年废止件数。
    本年制发的文件（未被废止的）年底仍然有效，现行有效件数至少包括它们。

    ## 为什么是问题
    制发 1 件、废止 0 件、现行有效 0 件，说明“现行有效件数”漏填或口径有误
    （常见的是只填了本年新增，或把全部存量误填为 0）。评估机构把它当作数据不实。

    ## 示例
    ```
    行政规范性文件	1	0	0
    ```

    ## 应改为
    ```
    行政规范性文件	1	0	15
    ```
    （现行有效件数为截至年底仍有效的全部件数，至少为 1。）

    ## 修复说明
    无自动修复：现行有效的存量只有作者知道。这是合理性检查，不是模板规定的等式。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二第二十条第（一）项；template-2021.md §7“regulation stock”。
    """
    t2 = report.table2
    if t2 is None or t2.template != "2021":
        return  # the 2019 format's columns are 新制作/新公开/对外公开总数量: no stock
    for index in (0, 1):
        row = t2.row(index)
        issued, repealed, current = (_value(row, c) for c in range(3))
        if issued is None or repealed is None or current is None:
            continue
        if current < issued - repealed:
            yield Violation(
                row.cells[2].span,
                f"“{row.label.template}”现行有效件数 {fmt(current)} 少于本年制发 {fmt(issued)} − 本年废止 {fmt(repealed)}"
                f" = {fmt(issued - repealed)}：应至少为 {fmt(issued - repealed)}",
            )


RULES = [application_identity, results_total, applicant_total, review_litigation_total, regulation_stock]
