"""The three standard tables as empty, tab-separated text (for a snippet or a code action).

Built from :mod:`gailint.template`, so the labels are the template's exact labels;
every value is 0. The layout (group labels in their own cells, values after the
label) is one the parser reads back into complete tables — a test checks that.
"""

from __future__ import annotations

from gailint.template import (
    TABLE2_GROUPS,
    TABLE3_COLUMNS,
    TABLE3_GROUPS,
    TABLE3_NOTE,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
)

_T = "\t"


def table2_lines() -> list[str]:
    lines: list[str] = []
    for caption, header, rows in TABLE2_GROUPS:
        lines.append(caption)
        lines.append(_T.join(header))
        width = len(header) - 1
        lines.extend(_T.join([row] + ["0"] * width) for row in rows)
    return lines


def table3_lines() -> list[str]:
    applicants = TABLE3_COLUMNS  # 自然人 … 其他, 总计
    lines = [
        TABLE3_NOTE,
        _T.join(["", "", "申请人情况"]),
        _T.join(["", "", applicants[0], "法人或其他组织", "", "", "", applicants[5], applicants[6]]),
        _T.join(["", "", "", *applicants[1:5]]),
    ]
    zeros = ["0"] * len(TABLE3_COLUMNS)
    seen_groups: set[str] = set()
    for label, group in TABLE3_ROWS:
        if group is None:
            lines.append(_T.join([label, "", *zeros]))
            continue
        cells = ["", "", ""]
        if group == TABLE3_GROUPS[0]:
            # 三、本年度办理结果 ·（一）…（七）: the top group opens the first of its rows.
            if group not in seen_groups:
                cells[0] = group
            cells[1] = label
            lines.append(_T.join([c for c in cells[:2]] + zeros))
        else:
            if group not in seen_groups:
                cells[1] = group
            cells[2] = label
            lines.append(_T.join(cells + zeros))
        seen_groups.add(group)
    return lines


def table4_lines() -> list[str]:
    width = len(TABLE4_COLUMNS)
    review, direct, after = TABLE4_GROUPS
    lines = [
        _T.join([review] + [""] * (width - 1) + ["行政诉讼"]),
        _T.join([""] * width + [direct.split("/", 1)[1]] + [""] * (width - 1) + [after.split("/", 1)[1]]),
        _T.join(list(TABLE4_COLUMNS) * len(TABLE4_GROUPS)),
        _T.join(["0"] * (width * len(TABLE4_GROUPS))),
    ]
    return lines


TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}
TABLE_TITLES = {
    "table2": "主动公开政府信息情况",
    "table3": "收到和处理政府信息公开申请情况",
    "table4": "政府信息公开行政复议、行政诉讼情况",
}
_BUILDERS = {"table2": table2_lines, "table3": table3_lines, "table4": table4_lines}


def table_text(name: str, newline: str = "\n") -> str:
    """One empty table, ending with a line break."""
    return newline.join(_BUILDERS[name]()) + newline


def all_tables_text(newline: str = "\n") -> str:
    """The three tables, a blank line between them, ending with a line break."""
    return newline.join(table_text(name, newline) for name in _BUILDERS)
