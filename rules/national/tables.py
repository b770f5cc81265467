"""GAI2xx: table labels and completeness (template-2021.md §4–6)."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Edit, Fix, Report, RuleContext, Span, Violation, rule
from gailint.template import TABLE4_SIZE

_TABLE_NAMES = {"table2": "表二（主动公开政府信息情况）", "table3": "表三（收到和处理政府信息公开申请情况）", "table4": "表四（行政复议、行政诉讼情况）"}


@rule(code="GAI201", name="nonstandard-label", severity="error", fix="always", tags=("tables", "labels"))
def nonstandard_label(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格标签与模板不一致。

    ## 检查内容
    表二、表三的每个行标签和表头，在 Unicode NFKC 规范化并去掉空白后与 2021 年模板比较；
    相近但不同的标签（错字、漏字）被报告。河南省的“本年收费金额（单位：万元，保留4位小数）”
    是已知的省级变体，不报告。

    ## 为什么是问题
    模板的标签是统计口径的定义；改动标签（如“其他法律法规禁止公开”少了“行政”）
    会改变口径，评估机构按“表格不规范”扣分。

    ## 示例
    ```
    信息内容	本年制发件数	本年度止件数	现行有效件数
    ```

    ## 应改为
    ```
    信息内容	本年制发件数	本年废止件数	现行有效件数
    ```

    ## 修复说明
    把标签替换为模板原文，只改动该标签的字符。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    for table in (report.table2, report.table3):
        if table is None:
            continue
        labels = list(table.headers) + [r.label for r in table.found_rows]
        for label in sorted(labels, key=lambda lb: lb.span.start):
            if label.exact:
                continue
            if not label.text:
                # The row's numbers stand where the template puts this row, without a label.
                row = next(r for r in table.found_rows if r.label is label)
                where = Span(row.cells[0].span.start, row.cells[-1].span.end) if row.cells else label.span
                yield Violation(where, f"这一行数字没有标签：按位置应为“{label.template}”，请补上行标签")
                continue
            yield Violation(
                label.span,
                f"表格标签“{label.text}”与模板不一致，应为“{label.template}”",
                Fix(f"改为“{label.template}”", (Edit.replace(label.span, label.template),)),
            )


@rule(code="GAI204", name="incomplete-table", severity="error", tags=("tables",))
def incomplete_table(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格的数值少于模板规定的个数。

    ## 检查内容
    表二每行的数值个数（规章、行政规范性文件各 3 个，其余各 1 个），表三每行 7 个
    （自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），表四 15 个。

    ## 为什么是问题
    少了数值，读者无法知道哪一格缺失，勾稽关系也无法核对；常见于从网页复制时丢了单元格。

    ## 示例
    表四只有一行 `0 1 0 0 1 0 0 0 0`（9 个数值）。

    ## 应改为
    补齐 15 个数值：行政复议 5 个，未经复议直接起诉 5 个，复议后起诉 5 个。

    ## 修复说明
    无自动修复：缺了哪一格只有作者知道。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    for table in (report.table2, report.table3, report.table4):
        if table is None:
            continue
        for row in table.found_rows:
            if row.complete or row.unread is not None:
                continue  # digits that ran together: GAI208 says why they were not read
            found = len(row.cells)
            if table.name == "table4":
                where = _TABLE_NAMES["table4"]
                span = Span(row.cells[0].span.start, row.cells[-1].span.end) if row.cells else row.label.span
                yield Violation(span, f"{where}应有 {TABLE4_SIZE} 个数值，只找到 {found} 个")
            else:
                name = table.row_name(row.index)
                yield Violation(row.label.span, f"{_TABLE_NAMES[table.name]}“{name}”一行应有 {row.expected} 个数值，只找到 {found} 个")


@rule(code="GAI208", name="unseparated-cells", severity="info", tags=("tables",))
def unseparated_cells(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格的数字连在一起，无法分辨各单元格。

    ## 检查内容
    表格单元格之间没有任何分隔（如“行政许可15130000154”），无法确定每格的数值。
    这时 gailint 不猜测，该表的勾稽关系不再检查，只报告一次。

    ## 为什么是问题
    从网页或 PDF 复制时表格被压扁，读者同样无法读出数值；发布前应恢复表格。

    ## 示例
    ```
    行政许可15130000154
    ```

    ## 应改为
    ```
    行政许可	1513
    ```

    ## 修复说明
    无自动修复：数字如何拆分无法确定。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    for table in (report.table2, report.table3, report.table4):
        if table is None:
            continue
        rows = {r.unread: r for r in table.found_rows if r.unread is not None}
        for span in table.unread:
            run = span.text(report.text)
            row = rows.get(span)
            digits = sum(ch.isdigit() for ch in run)
            if row is None:
                where, why = f"{_TABLE_NAMES[table.name]}中", "无法分辨各单元格"
            else:
                name = table.row_name(row.index)
                where = f"{_TABLE_NAMES[table.name][:2]}“{name}”一行"
                if digits < row.expected:
                    why = f"只有 {digits} 位数字，少于该行的 {row.expected} 个单元格，至少缺了一格"
                else:
                    why = f"可以拆成不止一种 {row.expected} 个单元格的读法，无法确定"
            yield Violation(span, f"{where}的数字“{run}”连在一起，{why}；涉及它的勾稽关系未检查")


RULES = [nonstandard_label, incomplete_table, unseparated_cells]
