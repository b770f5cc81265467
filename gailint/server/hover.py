"""Hover: a rule's documentation on a diagnostic; what a table number is, and what
a total should equal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gailint.engine.diagnostics import Diagnostic
from gailint.engine.plugins import Registry
from gailint.model import Cell, Report, Row, Span, Table
from gailint.model import format_number as fmt
from gailint.template import (
    T3_TOTAL,
    TABLE2_2019_GROUPS,
    TABLE2_GROUPS,
    TABLE3_COLUMNS,
    TABLE3_GROUPS,
    TABLE4_COLUMNS,
    table3_row_path,
    table4_cell_name,
)

_T2_GROUP = {row: (caption, header) for caption, header, rows in TABLE2_GROUPS for row in rows}
_T2_GROUP_2019 = {row: (caption, header) for caption, header, rows in TABLE2_2019_GROUPS for row in rows}
APPLICANTS = len(TABLE3_COLUMNS) - 1  # the six applicant columns before 总计




def _shown(cell: Cell) -> str:
    if cell.kind == "number" and cell.value is not None:
        return fmt(cell.value)
    if cell.kind == "blank":
        return "空白（按 0 计）"
    if cell.kind == "na":
        return f"{cell.text}（不适用）"
    return f"“{cell.text}”（不是数字）"


def _number(cell: Cell | None) -> float | None:
    return None if cell is None else cell.arith


def _sum(cells: Iterable[Cell | None]) -> float | None:
    total = 0.0
    for cell in cells:
        value = _number(cell)
        if value is None:
            return None
        total += value
    return total


def _cell(row: Row | None, column: int) -> Cell | None:
    if row is None or column >= len(row.cells):
        return None
    return row.cells[column]


def _should_equal(what: str, expected: float | None, cell: Cell) -> str:
    if expected is None:
        return f"应等于 {what}（有单元格缺失或不是数字，无法计算）"
    line = f"应等于 {what} = {fmt(expected)}"
    actual = _number(cell)
    if actual is not None and actual != expected:
        line += f"（实为 {fmt(actual)}）"
    return line


def _find_cell(report: Report, offset: int) -> tuple[Table, Row, int, Cell] | None:
    """The table cell at ``offset`` (a cell's end counts, for one-character cells)."""
    loose = None
    for table in (report.table2, report.table3, report.table4):
        if table is None or not (table.span.start <= offset <= table.span.end):
            continue
        for row in table.found_rows:
            for column, cell in enumerate(row.cells):
                if cell.span.start <= offset < cell.span.end:
                    return table, row, column, cell
                if loose is None and offset == cell.span.end and cell.span.start < cell.span.end:
                    loose = (table, row, column, cell)
    return loose


def describe_cell(report: Report, offset: int) -> tuple[str, Span] | None:
    """“表三 · … · 自然人 = 2”, plus what a total should equal. ``offset`` and the
    span returned are offsets into the file."""
    found = _describe_cell(report, report.textmap.to_view(offset))
    if found is None or report.source is None:
        return found
    text, span = found
    return text, Span(*report.textmap.range_to_source(span.start, span.end))


def _describe_cell(report: Report, offset: int) -> tuple[str, Span] | None:
    found = _find_cell(report, offset)
    if found is None:
        return None
    table, row, column, cell = found
    lines: list[str] = []
    if table.name == "table3":
        name = TABLE3_COLUMNS[column] if column < len(TABLE3_COLUMNS) else f"第 {column + 1} 列"
        path = f"{TABLE3_GROUPS[0]} · {TABLE3_GROUPS[-1]}" if table.one_row_other and row.index == 20 else table3_row_path(row.index)
        lines.append(f"表三 · {path} · {name} = {_shown(cell)}")
        if row.index == T3_TOTAL:
            parts = [_cell(table.row(i), column) for i in table.result_rows]
            lines.append(_should_equal("本年度办理结果各项之和", _sum(parts), cell))
        if column == len(TABLE3_COLUMNS) - 1:
            parts = [_cell(row, c) for c in range(APPLICANTS)]
            lines.append(_should_equal("六类申请人之和", _sum(parts), cell))
    elif table.name == "table4":
        if column >= len(TABLE4_COLUMNS) * 3:
            return None
        lines.append(f"表四 · {table4_cell_name(column)} = {_shown(cell)}")
        group, col = divmod(column, len(TABLE4_COLUMNS))
        if col == len(TABLE4_COLUMNS) - 1:
            first = group * len(TABLE4_COLUMNS)
            parts = [_cell(row, first + c) for c in range(len(TABLE4_COLUMNS) - 1)]
            lines.append(_should_equal(" + ".join(TABLE4_COLUMNS[:-1]), _sum(parts), cell))
    else:
        label = row.label.template
        caption, header = (_T2_GROUP_2019 if table.template == "2019" else _T2_GROUP)[label]
        name = header[1 + column] if 1 + column < len(header) else f"第 {column + 1} 列"
        lines.append(f"表二 · {caption} · {label} · {name} = {_shown(cell)}")
    if cell.split:
        ways = f"该行有 {len(row.readings)} 种读法，这里是按勾稽关系选定的一种" if len(row.readings) > 1 else "只有这一种读法"
        lines.append(f"（表中数字连写，按单元格拆分读出：{ways}）")
    return "\n\n".join(lines), cell.span


def describe_diagnostics(diagnostics: Sequence[Diagnostic], offset: int, registry: Registry) -> tuple[str, Span] | None:
    """The documentation of the rules whose diagnostics cover ``offset``."""
    hits = [
        d
        for d in diagnostics
        if d.span.start <= offset < d.span.end or (d.span.start == d.span.end == offset)
    ]
    if not hits:
        return None
    parts: list[str] = []
    seen: set[str] = set()
    for d in hits:
        if d.code in seen:
            continue
        seen.add(d.code)
        rule = registry.get(d.code)
        head = f"**{d.code}** `{d.name}`"
        if rule is None or not rule.docs:
            parts.append(f"{head}\n\n{d.message}")
            continue
        link = f"\n\n[规则文档]({rule.docs_url})" if rule.docs_url else ""
        parts.append(f"{head}\n\n{rule.docs}{link}")
    span = Span(min(d.span.start for d in hits), max(d.span.end for d in hits))
    return "\n\n---\n\n".join(parts), span
