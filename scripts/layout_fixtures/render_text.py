"""Plain-text layouts of a Report, modelled on the corpus and the seeds.

- one_line(): a crawler header like /work/shared/corpus/*.txt, then the whole body on one
  line; table cells glued into digit runs (cells="glued") or separated by single spaces;
  blocks separated by a space, or run together (runin=True) as in corpus 101/104.
- tabbed(): one paragraph a line, table rows as tab-separated cells with empty fields where
  a merged cell covers the column (seed 003/004 style).
- cell_per_line(): every table cell on its own line with blank lines between, split header
  words, ASCII punctuation and a stray NBSP cell (seed 001 style).
"""
from __future__ import annotations

from grid import GRIDS, Cell
from model import Report

CRAWLER_RULE = "==================== 正文 ===================="


def crawler_header(r: Report, published: str, page_id: str, ym: str) -> str:
    url = f"https://www.linhe.example.cn/zwgk/zfxxgk/zfxxgknb/{ym}/t{published[:10].replace('-', '')}_{page_id}.htm"
    return "\n".join([
        f"标题: {r.title}",
        f"发布时间: {published}",
        "文号: ",
        f"发布机构: {r.issuer}",
        "栏目: 政府信息公开年报",
        f"原文链接: {url}",
        f"本地目录: zwgk/zfxxgk/zfxxgknb/{ym}/{page_id}_{r.title}",
        "页面链接与图片详见 links.tsv(同目录)",
        CRAWLER_RULE,
    ]) + "\n"


def _table_text(r: Report, which: str, sep: str) -> str:
    parts = []
    for row in GRIDS[which](r):
        parts.append(sep.join(c.text for c in row if c.text != "" or sep == ""))
    return sep.join(parts)


def body_blocks(r: Report, cells: str) -> list[str]:
    """Blocks of the body in reading order; each table is one block."""
    sep = "" if cells == "glued" else " "
    out = list(r.preamble)
    for s in r.sections:
        out.append(s.heading)
        for b in s.blocks:
            out.append(_table_text(r, b.text, sep) if b.kind == "table" else b.text)
    out.append(r.signature)
    out.append(r.date)
    return out


def one_line(r: Report, *, cells: str, runin: bool, chrome: str = "", tail: str = "",
             published: str = "2024-01-23 09:15", page_id: str = "91234", ym: str = "202401") -> str:
    blocks = body_blocks(r, cells)
    if runin:
        # headings, paragraphs and tables run together; only the signature keeps its space
        body = "".join(blocks[:-2]) + " " + blocks[-2] + " " + blocks[-1]
    else:
        body = " ".join(blocks)
    # like the corpus files: no newline after the one-line body
    return crawler_header(r, published, page_id, ym) + chrome + body + tail


def _positions(grid: list[list[Cell]]) -> list[list[str]]:
    """Each row as fields: a cell, then '' for each extra column it spans or that a
    rowspan from above covers (Word's copy-as-text keeps those tabs)."""
    ncols = sum(c.colspan for c in grid[0]) if grid else 0
    covered: dict[tuple[int, int], bool] = {}
    out = []
    for i, row in enumerate(grid):
        fields: list[str] = []
        col = 0
        it = iter(row)
        while col < ncols:
            if covered.get((i, col)):
                fields.append("")
                col += 1
                continue
            c = next(it, None)
            if c is None:
                break
            fields.append(c.text)
            fields += [""] * (c.colspan - 1)
            for dr in range(c.rowspan):
                for dc in range(c.colspan):
                    if dr:
                        covered[(i + dr, col + dc)] = True
            col += c.colspan
        out.append(fields)
    return out


def tabbed(r: Report) -> str:
    lines = ["", r.title, ""]
    for p in r.preamble:
        lines += [p, ""]
    for s in r.sections:
        lines += [s.heading, ""]
        for b in s.blocks:
            if b.kind == "table":
                lines += ["\t".join(f) for f in _positions(GRIDS[b.text](r))]
                lines.append("")
            else:
                lines += [b.text, ""]
    lines += [r.signature, "", r.date]
    return "\n".join(lines)  # no final newline, like seed 003


ASCII = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";"})
SPLIT_HEADERS = {"商业企业": "商业\n\n企业", "科研机构": "科研\n\n机构",
                 "结果纠正": "结果\n纠正", "其他结果": "其他\n结果", "尚未审结": "尚未\n审结"}


def cell_per_line(r: Report, *, stray_nbsp_before_total_of: str | None = None) -> str:
    lines = ["当前位置:首页", " > 政务公开 > 政府信息公开工作年度报告", r.title, "", "",
             "发布时间:2023-01-19 10:26 字号:[ ] 视力保护色:", "", ""]
    for p in r.preamble:
        lines += [p.translate(ASCII), ""]
    for s in r.sections:
        lines += [s.heading, ""]
        for b in s.blocks:
            if b.kind != "table":
                lines += [b.text.translate(ASCII), ""]
                continue
            for row in GRIDS[b.text](r):
                label = next((c.text for c in row if c.kind == "label"), None)
                for c in row:
                    if c.kind == "value" and c is row[-1] and label == stray_nbsp_before_total_of:
                        lines += ["\u00a0", ""]
                    text = SPLIT_HEADERS.get(c.text, c.text) if c.kind == "header" else c.text
                    lines += [text.translate(ASCII), ""]
    lines += ["", r.signature, r.date, ""]
    return "\n".join(lines)
