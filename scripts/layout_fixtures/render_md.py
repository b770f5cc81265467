"""A HAND-MADE converter-style Markdown file.

markitdown, pandoc and mammoth (see md/) produce some converter defects but not all the ones
issue 7 lists; this file shows the missing ones at once, modelled on markitdown's PDF output
(pdfplumber tables) and on OCR/AI document converters:
  - a `正文` line under the title;
  - tool headings `## 表二` / `## 表三` / `## 表四` before the tables;
  - section numbering turned into list numbers that restart after each table
    (1. 总体情况, 2. 主动公开…, 1. 收到和处理…, 1. …行政诉讼情况, 1. 存在…, 2. 其他…);
  - table 三's three header rows replaced by generated names (项目 | 数据1 … 数据6 | 总计);
  - table 三 cut in two at a page break, the page number "— 3 —" as a row inside the first
    fragment, the second fragment's first data row promoted to its header row;
  - value rows whose label was lost (one entirely, one split off into a value-less row);
  - a page number "-4-" between paragraphs, outside any table.
"""
from __future__ import annotations

from grid import fmt
from model import NOTE, Report, row_label

LOST_LABEL = "2.重复申请"
SPLIT_LABEL = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
CUT_AFTER = "2.没有现成信息需要另行制作"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _sep(n: int) -> str:
    return "|" + "|".join([" --- "] * n) + "|"


def handmade(r: Report) -> str:
    out = [f"# {r.title}", "", "正文", ""]
    out += [p + "\n" for p in r.preamble]
    numbers = {0: "1.", 1: "2.", 2: "1.", 3: "1.", 4: "1.", 5: "2."}
    for k, s in enumerate(r.sections):
        out += [f"{numbers[k]} {s.heading.split('、', 1)[1]}", ""]
        for b in s.blocks:
            if b.kind == "h":
                out += [f"**{b.text}**", ""]
            elif b.kind == "p":
                out += [b.text, ""]
                if "针对上述问题" in b.text:
                    out += ["-4-", ""]
            elif b.text == "二":
                out += ["## 表二", ""] + _table2(r) + [""]
            elif b.text == "三":
                out += ["## 表三", "", NOTE, ""] + _table3(r) + [""]
            else:
                out += ["## 表四", ""] + _table4(r) + [""]
    out += [r.signature, "", r.date, ""]
    return "\n".join(out)


def _table2(r: Report) -> list[str]:
    lines = [_row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]), _sep(4)]
    vals = iter(r.table2)
    for cap, hdr, rows in r.table2_spec:
        lines.append(_row([f"**{cap}**", "", "", ""]))
        if hdr[1] != "本年制发件数":
            lines.append(_row([hdr[0], hdr[1], "", ""]))
        for label, n in rows:
            vs = [fmt(next(vals)) for _ in range(n)]
            lines.append(_row([label] + vs + [""] * (3 - n)))
    return lines


def _table3(r: Report) -> list[str]:
    lines = [_row(["项目", "数据1", "数据2", "数据3", "数据4", "数据5", "数据6", "总计"]), _sep(8)]
    for k, spec in enumerate(r.table3_rows):
        label = row_label(spec)
        if spec[1] is not None and spec[2] is not None and spec[2].startswith("1."):
            label = f"{spec[1]}{label}"  # the group label glued to its first sub-row
        vs = [fmt(v) for v in r.table3[k]]
        if label == LOST_LABEL:
            lines.append(_row([""] + vs))
        elif row_label(spec) == SPLIT_LABEL:
            lines.append(_row(["（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其"] + [""] * 7))
            lines.append(_row(["政府信息公开申请"] + vs))
        else:
            lines.append(_row([label] + vs))
        if row_label(spec) == CUT_AFTER:
            lines.append(_row(["— 3 —"] + [""] * 7))
            lines.append("")
            lines.append("<!-- cut -->")
    # second fragment: the first data row after the cut becomes a header row
    i = lines.index("<!-- cut -->")
    head = lines[i + 1]
    lines[i:i + 2] = [head, _sep(8)]
    return lines


def _table4(r: Report) -> list[str]:
    hdr = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        _row(["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9), _sep(15),
        _row(hdr + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4),
        _row([""] * 5 + hdr * 2),
        _row([fmt(v) for v in r.table4]),
    ]
