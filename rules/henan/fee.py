"""HEN001, HEN002: table 二's fee (第二十条第（八）项) as Henan writes it."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Edit, Fix, Report, RuleContext, Violation, rule
from gailint.model import Cell, Label
from gailint.parse.normalize import norm
from gailint.template import FEE_LABEL, FEE_LABEL_VARIANTS, FEE_ROW, TABLE2_ROWS

HENAN_FEE_LABEL = next(v for v in FEE_LABEL_VARIANTS if "4位小数" in v)
DECIMALS = 4
_FEE_INDEX = TABLE2_ROWS.index(FEE_ROW)


def _fee_header(report: Report) -> Label | None:
    t2 = report.table2
    if t2 is None or t2.template != "2021":
        return None  # the 2019 format has no fee header (GAI202 reports it)
    return next((h for h in t2.headers if h.template == FEE_LABEL), None)


def _fee_cell(report: Report) -> Cell | None:
    t2 = report.table2
    if t2 is None or t2.template != "2021":
        return None
    row = t2.row(_FEE_INDEX)
    if row is None or not row.cells or row.split:
        return None  # digits read out of a run: how they were written is unknown
    cell = row.cells[0]
    return cell if cell.kind == "number" and cell.value is not None else None


@rule(code="HEN001", name="henan-fee-label", severity="warning", fix="always", tags=("henan", "fee"))
def fee_label(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """收费金额的表头不是河南省的写法“本年收费金额（单位：万元，保留4位小数）”。

    ## 检查内容
    表二第二十条第（八）项的表头写成了全国模板的“本年收费金额（单位：万元）”。
    河南省的年度报告统一使用“本年收费金额（单位：万元，保留4位小数）”。
    表头有错字时由 GAI201 报告，单位不是万元时由 GAI207 报告，本规则不重复报告。

    ## 为什么是问题
    河南省汇总全省年度报告时按统一的表头和精度核对收费金额；表头不同，
    金额的精度也就无从核对。

    ## 示例
    ```
    第二十条第（八）项
    信息内容	本年收费金额（单位：万元）
    ```

    ## 应改为
    ```
    第二十条第（八）项
    信息内容	本年收费金额（单位：万元，保留4位小数）
    ```

    ## 修复说明
    把表头替换为河南省的写法，只改动表头这几个字（金额由 HEN002 检查）。

    ## 依据
    河南省年度报告表二的表头；国办公开办函〔2021〕30号年度报告格式，表二第二十条第（八）项。
    """
    header = _fee_header(report)
    if header is None or norm(header.text) != norm(FEE_LABEL):
        return
    yield Violation(
        header.span,
        f"河南省的收费金额表头应为“{HENAN_FEE_LABEL}”，实为“{header.text}”",
        Fix(f"改为“{HENAN_FEE_LABEL}”", (Edit.replace(header.span, HENAN_FEE_LABEL),)),
    )


@rule(code="HEN002", name="henan-fee-decimals", severity="warning", fix="sometimes", tags=("henan", "fee"))
def fee_decimals(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """收费金额没有保留4位小数。

    ## 检查内容
    表二“行政事业性收费”的金额（万元）应正好写 4 位小数，如 `0.0000`、`12.3456`，
    不论表头怎样写。“—”“/”等表示不适用的写法不检查。

    ## 为什么是问题
    河南省要求收费金额保留4位小数（精确到元）；写成 `0` 或 `12.3`，读者无法判断
    金额是否精确到元，汇总时也与其他报告不一致。

    ## 示例
    `行政事业性收费	0`、`行政事业性收费	1.25`、`行政事业性收费	0.123456`

    ## 应改为
    `行政事业性收费	0.0000`、`行政事业性收费	1.2500`（金额请作者核对）、`行政事业性收费	0.1235`

    ## 修复说明
    改写为 4 位小数。金额为 0 时这是安全的修复（`0` → `0.0000`，数值不变）；其他金额
    补零会声称精确到元、多于 4 位时要舍入，都会改动事实，所以只在编辑器中提供，
    `gailint check --fix` 不自动应用。

    ## 依据
    河南省年度报告表二的表头“本年收费金额（单位：万元，保留4位小数）”；
    《河南省人民政府办公厅关于政府信息公开信息处理费征收有关问题的通知》。
    """
    cell = _fee_cell(report)
    if cell is None:
        return
    digits = cell.text.strip().replace("．", ".")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    if decimals == DECIMALS:
        return
    want = f"{cell.value:.{DECIMALS}f}"
    # Zero is exact: 0 → 0.0000 states nothing new. Any other amount would gain
    # a precision (or lose digits) that only the author can vouch for.
    safe = cell.value == 0 and decimals < DECIMALS
    yield Violation(
        cell.span,
        f"河南省要求收费金额保留4位小数：“{cell.text.strip()}”应写作“{want}”",
        Fix(f"改为“{want}”", (Edit.replace(cell.span, want),), safe=safe),
    )
