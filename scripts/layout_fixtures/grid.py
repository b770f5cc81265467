"""Tables 二/三/四 of a Report as grids of cells with rowspan/colspan, the way Word lays them.

Renderers for HTML and plain text read these grids, so every layout shows the same table.
"""
from __future__ import annotations

from dataclasses import dataclass
from model import NOTE, T3_COLUMNS, T4_COLUMNS, Num, Report


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    kind: str = "label"  # label | header | caption | value
    value: Num = None


def fmt(v: Num) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}" if v == int(v) else f"{v:g}"
    return str(v)


def V(v: Num, colspan: int = 1) -> Cell:
    return Cell(fmt(v), colspan=colspan, kind="value", value=v)


def table2_grid(r: Report) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    vals = iter(r.table2)
    for cap, hdr, labels in r.table2_spec:
        rows.append([Cell(cap, colspan=4, kind="caption")])
        n = len(hdr) - 1
        if n == 3:
            rows.append([Cell(h, kind="header") for h in hdr])
        elif n == 2:
            rows.append([Cell(hdr[0], kind="header"), Cell(hdr[1], kind="header"),
                         Cell(hdr[2], colspan=2, kind="header")])
        else:
            rows.append([Cell(hdr[0], kind="header"), Cell(hdr[1], colspan=3, kind="header")])
        for label, k in labels:
            vs = [next(vals) for _ in range(k)]
            if k == 3:
                rows.append([Cell(label)] + [V(v) for v in vs])
            elif k == 2:
                rows.append([Cell(label), V(vs[0]), V(vs[1], colspan=2)])
            else:
                rows.append([Cell(label), V(vs[0], colspan=3)])
    return rows


def table3_grid(r: Report) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [Cell(NOTE, rowspan=3, colspan=3, kind="header"), Cell("申请人情况", colspan=7, kind="header")],
        [Cell("自然人", rowspan=2, kind="header"), Cell("法人或其他组织", colspan=5, kind="header"),
         Cell("总计", rowspan=2, kind="header")],
        [Cell(c, kind="header") for c in T3_COLUMNS[1:6]],
    ]
    spec = r.table3_rows
    count: dict[tuple[int, str], int] = {}
    for l1, l2, l3 in spec:
        if l2 is not None:
            count[(0, l1)] = count.get((0, l1), 0) + 1
            if l3 is not None:
                count[(1, l2)] = count.get((1, l2), 0) + 1
    seen: set[tuple[int, str]] = set()
    for k, (l1, l2, l3) in enumerate(spec):
        row: list[Cell] = []
        if l2 is None:
            row.append(Cell(l1, colspan=3))
        else:
            if (0, l1) not in seen:
                seen.add((0, l1))
                row.append(Cell(l1, rowspan=count[(0, l1)]))
            if l3 is None:
                row.append(Cell(l2, colspan=2))
            else:
                if (1, l2) not in seen:
                    seen.add((1, l2))
                    row.append(Cell(l2, rowspan=count[(1, l2)]))
                row.append(Cell(l3))
        row += [V(v) for v in r.table3[k]]
        rows.append(row)
    return rows


def table4_grid(r: Report) -> list[list[Cell]]:
    return [
        [Cell("行政复议", colspan=5, kind="header"), Cell("行政诉讼", colspan=10, kind="header")],
        [Cell(c, rowspan=2, kind="header") for c in T4_COLUMNS]
        + [Cell("未经复议直接起诉", colspan=5, kind="header"), Cell("复议后起诉", colspan=5, kind="header")],
        [Cell(c, kind="header") for c in T4_COLUMNS * 2],
        [V(v) for v in r.table4],
    ]


GRIDS = {"二": table2_grid, "三": table3_grid, "四": table4_grid}
