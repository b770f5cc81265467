#!/usr/bin/env python3
"""Regenerate the layout fixtures (tests/fixtures/layouts/) from the report models in
model.py: PDF text layers, converter Markdown, HTML pages, one-line scrapes.

Run (from this folder):  .venv/bin/python make_fixtures.py
Needs: soffice (libreoffice-writer), pdftotext (poppler-utils), pandoc (Debian packages);
python-docx, markitdown[docx,pdf], mammoth (PyPI, in .venv).  See INDEX.md.

Writes pdf/, md/, html/, txt/ and expected.json under tests/fixtures/layouts/ (the
.docx and .pdf it makes on the way stay out of git).  Every exact string recorded in
expected.json (title, period, headings, quirks) is checked against the file it describes;
a string a converter no longer produces is reported as a WARNING (tool versions differ),
a string missing from a file this script writes itself is an error.
"""
from __future__ import annotations

import copy
import html.parser
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parents[1] / "tests" / "fixtures" / "layouts"  # where the fixtures go
sys.path.insert(0, str(SCRIPTS))

from grid import fmt  # noqa: E402
from model import (T3_COLUMNS, TABLE3_2021, Report, check_identities, defect_report,  # noqa: E402
                   main_report, report_2019, report_mixed, row_label)
from render_docx import build_docx  # noqa: E402
from render_html import fragment, glued_cells, page, word_html  # noqa: E402
from render_md import handmade  # noqa: E402
from render_text import cell_per_line, one_line, tabbed  # noqa: E402

VENV_BIN = SCRIPTS / ".venv" / "bin"
WARNINGS: list[str] = []


# ------------------------------------------------------------------------------ tools
def run(cmd: list[str], stdout_to: Path | None = None) -> None:
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"command failed ({res.returncode}): {' '.join(map(str, cmd))}\n{res.stderr}")
    if stdout_to is not None:
        stdout_to.write_text(res.stdout, encoding="utf-8")


def soffice(src: Path, fmt_: str, outdir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", fmt_, "--outdir", str(outdir), str(src)])
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / (src.stem + "." + fmt_.split(":")[0])


def tool_versions() -> dict[str, str]:
    def first_line(cmd):
        try:
            res = subprocess.run(cmd, capture_output=True, text=True)
            return (res.stdout or res.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "?"
    pip = subprocess.run([str(VENV_BIN / "pip"), "list", "--format=freeze"], capture_output=True, text=True).stdout
    pkgs = {l.split("==")[0].lower(): l.split("==")[1] for l in pip.splitlines() if "==" in l}
    return {
        "libreoffice": first_line(["soffice", "--version"]),
        "pdftotext": first_line(["pdftotext", "-v"]),
        "pandoc": first_line(["pandoc", "--version"]),
        **{k: pkgs.get(k, "?") for k in ("python-docx", "markitdown", "mammoth", "pdfminer.six", "pdfplumber")},
    }


# ------------------------------------------------------------------------------ reading files back
class _Text(html.parser.HTMLParser):
    """HTML to text: block elements and cells end a line; script/style are skipped."""
    BLOCK = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "br", "table", "title", "ol", "ul"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(source: str) -> str:
    p = _Text()
    p.feed(source)
    text = "".join(p.out)
    return re.sub(r"\n\s*\n+", "\n", text)


def source_of(path: Path) -> str:
    raw = path.read_bytes()
    if b"charset=gb2312" in raw[:2000]:
        return raw.decode("gbk")
    return raw.decode("utf-8")


def flex_find(text: str, target: str) -> str | None:
    """`target` as it occurs in `text`, allowing whitespace (line breaks, inserted spaces,
    NBSP) and Markdown backslash escapes between any two characters."""
    pat = r"[\s\u00a0\\]*".join(re.escape(ch) for ch in target)
    m = re.search(pat, text)
    return m.group(0) if m else None


def heading_as_written(text: str, heading: str, oneline: bool) -> str | None:
    if oneline:
        return heading if heading in text else flex_find(text, heading)
    words = heading.split("、", 1)[1]
    for line in text.splitlines():
        s = line.strip()
        if s.endswith(words) or flex_find(s, words) and len(s) < len(heading) + 14:
            core = re.sub(r"^[#*_\s\d.]+|[*_\s]+$", "", s)
            if flex_find(core, words) and len(core) < len(heading) + 8:
                return s
    return None


# ------------------------------------------------------------------------------ glued digit runs
def splits(digits: str, n: int, cap: int = 100000):
    """All readings of `digits` as n non-negative integers without leading zeros."""
    def rec(s, k):
        if k == 1:
            if s and (s == "0" or s[0] != "0"):
                yield [int(s)]
            return
        for i in range(1, len(s) - k + 2):
            head = s[:i]
            if head != "0" and head[0] == "0":
                break
            for rest in rec(s[i:], k - 1):
                yield [int(head)] + rest
    return list(itertools.islice(rec(digits, n), cap))


def table3_readings(r: Report) -> dict:
    """How the glued rows of table 三 read: per row, readings whose 总计 = the sum of the six;
    jointly, readings that also satisfy the column identities."""
    rows = []
    for k, vals in enumerate(r.table3):
        digits = "".join(fmt(v) for v in vals)
        ok = [s for s in splits(digits, 7) if sum(s[:6]) == s[6]]
        rows.append({"row": row_label(r.table3_rows[k]), "digits": digits,
                     "readings": len(splits(digits, 7)), "readings_with_row_sum": len(ok), "_ok": ok})
    labels = [x["row"] for x in rows]
    i7 = labels.index("（七）总计")
    joint = 0
    if all(x["_ok"] for x in rows):
        for combo in itertools.product(*(x["_ok"] for x in rows)):
            if all(combo[0][c] + combo[1][c] == combo[i7][c] + combo[-1][c]
                   and sum(combo[k][c] for k in range(2, i7)) == combo[i7][c] for c in range(7)):
                joint += 1
                if joint > 50:
                    break
    for x in rows:
        del x["_ok"]
    return {"rows": [x for x in rows if x["readings"] > 1 or x["readings_with_row_sum"] != 1],
            "other_rows_with_one_reading": sum(1 for x in rows if x["readings"] == 1),
            "joint_readings": joint}


def table4_readings(r: Report) -> dict:
    digits = "".join(fmt(v) for v in r.table4)
    all_ = splits(digits, 15)
    ok = [s for s in all_ if all(sum(s[g * 5:g * 5 + 4]) == s[g * 5 + 4] for g in range(3))]
    return {"digits": digits, "readings": len(all_), "readings_with_group_totals": len(ok)}


def table2_runs(r: Report) -> list[dict]:
    out = []
    for label, vals in r.table2_rows():
        digits = "".join(fmt(v) for v in vals)
        if len(vals) > 1:
            n = len(splits(digits, len(vals)))
            out.append({"row": label, "digits": digits, "readings": n,
                        "expect": "read" if n == 1 else "unread (GAI208): table 二 has no identity"})
    return out


# ------------------------------------------------------------------------------ expected.json entries
def values(r: Report) -> dict:
    """Tables in template order. For a 2021 report that keeps the 2019 one-row （六）其他处理,
    table3 follows the 2021 rows: the three absent （六） sub-rows are null, listed in
    table3_absent_rows, and the kept row is in table3_old_rows."""
    out: dict = {"table2": list(r.table2), "table4": list(r.table4)}
    if r.template == "2021" and r.table3_rows != TABLE3_2021:
        by_label = {row_label(x): v for x, v in zip(r.table3_rows, r.table3)}
        out["table3"] = [by_label.get(row_label(x), [None] * 7) for x in TABLE3_2021]
        out["table3_absent_rows"] = [row_label(x) for x in TABLE3_2021 if row_label(x) not in by_label]
        out["table3_old_rows"] = {k: v for k, v in by_label.items()
                                  if k not in {row_label(x) for x in TABLE3_2021}}
    else:
        out["table3"] = [list(v) for v in r.table3]
    if r.template == "2019":
        out["table3_labels"] = [row_label(x) for x in r.table3_rows]
        out["table2_labels"] = [f"{label}:{h}" for cap, hdr, rows in r.table2_spec
                                for label, n in rows for h in hdr[1:1 + n]]
    return out


class Expected:
    def __init__(self):
        self.entries: dict[str, dict] = {}

    def add(self, path: Path, r: Report, *, layout: str, made_by: str, tool: str, oneline=False,
            quirks: list[tuple[str, str, str]] = (), own=True, extra: dict | None = None,
            title_in: str = "text") -> None:
        rel = str(path.relative_to(ROOT))
        src = source_of(path)
        is_html = path.suffix in (".html", ".htm")
        text = html_text(src) if is_html else src
        title = flex_find(text, r.title)
        period = flex_find(text, r.period)
        sections = [heading_as_written(text, h, oneline) for h in r.headings()]
        e = {
            "layout": layout, "made_by": made_by, "tool": tool, "model": r.key, "template": r.template,
            "encoding": "gbk (declared charset=gb2312), CRLF" if b"charset=gb2312" in path.read_bytes()[:2000]
            else "utf-8",
            "strings_are": ("text content of the HTML (tags dropped, entities decoded, blocks and cells "
                            "one per line); quirk strings are exact source substrings") if is_html
            else "exact substrings of the file",
            "title": title, "issuer": r.issuer, "year": r.year, "sections": sections,
            **values(r),
            "period": period,
            "identities_hold": not check_identities(r),
            "broken_identities": check_identities(r),
            "defects": r.defects,
            "quirks": [],
        }
        if extra:
            e.update(extra)
        for what, name in (("title", title), ("period", period)):
            if name is None:
                self._problem(own, f"{rel}: {what} not found")
        for h, s in zip(r.headings(), sections):
            if s is None:
                self._problem(own, f"{rel}: heading {h} not found")
        for kind, qtext, note in quirks:
            # "re:<pattern>" records whatever the pattern matches (converter spacing may vary)
            pattern = qtext[3:] if qtext.startswith("re:") else None
            m = re.search(pattern, src) if pattern else None
            found = bool(m) if pattern else qtext in src
            text = m.group(0) if m else qtext
            if not found:
                self._problem(own, f"{rel}: quirk {kind!r} string not found: {qtext!r}")
            e["quirks"].append({"kind": kind, "text": text, "note": note, **({} if found else {"found": False})})
        self.entries[rel] = e

    @staticmethod
    def _problem(own: bool, msg: str) -> None:
        if own:
            raise SystemExit("ERROR " + msg)
        WARNINGS.append(msg)

    def write(self, versions: dict) -> None:
        doc = {"_about": ("One entry per fixture file: what a correct reader should find in it. Tables are "
                          "in template order (2021: table2 10 values, table3 25 rows x 7 columns "
                          f"{T3_COLUMNS}, table4 15 values 行政复议/未经复议直接起诉/复议后起诉 x "
                          "结果维持/结果纠正/其他结果/尚未审结/总计); null = blank cell. Generated by "
                          "make_fixtures.py; see INDEX.md."),
               "_tools": versions, **self.entries}
        text = json.dumps(doc, ensure_ascii=False, indent=1)
        # number arrays (table rows) on one line each, so a table reads as a table
        text = re.sub(r"\[\s*((?:-?[\d.]+|null)(?:,\s*(?:-?[\d.]+|null))*)\s*\]",
                      lambda m: "[" + ", ".join(re.split(r",\s*", m.group(1))) + "]", text)
        (ROOT / "expected.json").write_text(text + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------ layouts
def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def pdf_layouts(ex: Expected) -> None:
    d = ROOT / "pdf"
    d.mkdir(exist_ok=True)
    for stem, r in (("report-2023", main_report()), ("report-2023-defect", defect_report())):
        docx = d / f"{stem}.docx"
        build_docx(r, str(docx))
        pdf = soffice(docx, "pdf", d)
        run(["pdftotext", "-layout", str(pdf), str(d / f"{stem}.layout.txt")])
        run(["pdftotext", str(pdf), str(d / f"{stem}.raw.txt")])
        how = ("model.py -> render_docx.py (python-docx) -> soffice --headless --convert-to pdf -> "
               "pdftotext {}".format("-layout"))
        ex.add(d / f"{stem}.layout.txt", r, layout="pdf-text-layout", made_by=how, tool="pdftotext -layout",
               own=False, quirks=PDF_LAYOUT_QUIRKS)
        ex.add(d / f"{stem}.raw.txt", r, layout="pdf-text-raw", made_by=how.replace(" -layout", ""),
               tool="pdftotext", own=False, quirks=PDF_RAW_QUIRKS)


PDF_LAYOUT_QUIRKS = [
    ("title-two-lines", "re:滨江市临河区住房和城乡建设局 2023 年政府\n *信息公开工作年度报告",
     "title wrapped onto two lines, centred second line, spaces around the year"),
    ("period-across-lines", "本报告所列数据统计期限为 2023 年 1 月 1 日至 2023 年 12 月\n31 日",
     "statistics period broken by a line break, spaces around the digits"),
    ("page-number-em-dash", "re:\n +—1—\n", "odd-page footer '— N —' (pdftotext drops the spaces), right-aligned"),
    ("page-number-hyphen", "\n-2-\n", "even-page footer '-N-' at the left margin"),
    ("page-number-inside-label", "re:6\\.属于四类过程性 .*\\n\\n +—3—\\n\\f +信息\\n",
     "page 3 ends inside table 三: the row '6.属于四类过程性信息' is cut by the footer and by the form feed that "
     "pdftotext writes between pages: values on page 3, the label's tail '信息' on page 4"),
    ("label-wraps-around-values", "re:5\.要求行政机关确\n.*认或重新出具已获 +0 .*\n +取信息",
     "long label in the narrow label column wraps: first line, value line (holding the middle of the label), last line"),
    ("label-wraps-around-values", "re:一、本年新收政府信息公开申请数\n +12 +2 .*\n量",
     "row 一's label splits around its value line"),
    ("vertical-label", "re:三 （一）予以公开.*\n、 （二）部分公开（区分处理\n本 的，只计这一情形，不计其他.*\n年 情形）\n度 （三）",
     "三、本年度办理结果 in a narrow merged column: one character per line (三 、 本 年 度 办 理 结 果), interleaved with the rows beside it"),
    ("group-label-wrapped", "re:度 （三） 1\.属于国家秘密.*\n办 不予公 2\.其他法律行政法",
     "（三）不予公开 wraps in its merged cell (（三）/不予公/开) and mixes with the sub-row labels and the vertical label"),
    ("table4-vertical-headers", "re: 结 +结 +其 +尚", "table 四's 15 narrow columns: headers 结果维持… one character per line"),
    ("header-split", "re:自然 .*\n.*\n +人 ", "table 三 header 自然人 split over lines (自然 / 人), 商业企业 as 商业 / 企业"),
]
PDF_RAW_QUIRKS = [
    ("title-two-lines", "滨江市临河区住房和城乡建设局 2023 年政府\n信息公开工作年度报告", "title on two lines"),
    ("period-across-lines", "2023 年 12 月\n31 日", "period broken by a line break"),
    ("labels-then-values", "re:6\.属于四类过程性\n\n自然\n人\n\n商业\n企业",
     "without -layout the row labels of page 3 come first, then the header cells, then the values, column by column"),
    ("vertical-label", "re:三 （一）予以公开\n、 （二）部分公开（区分处理\n本 的，只计这一情形，不计其他\n年 情形）\n度 ",
     "vertical label characters start lines, one per line"),
    ("page-number", "re:\n—3—\n", "page numbers as lines"),
]


def md_layouts(ex: Expected) -> None:
    d = ROOT / "md"
    d.mkdir(exist_ok=True)
    docx, pdf = ROOT / "pdf" / "report-2023.docx", ROOT / "pdf" / "report-2023.pdf"
    r = main_report()
    run([str(VENV_BIN / "markitdown"), str(docx)], d / "report-2023.markitdown-docx.md")
    run([str(VENV_BIN / "markitdown"), str(pdf)], d / "report-2023.markitdown-pdf.md")
    run(["pandoc", "-f", "docx", "-t", "gfm", str(docx), "-o", str(d / "report-2023.pandoc-gfm.md")])
    run([str(VENV_BIN / "mammoth"), str(docx), "--output-format=markdown"], d / "report-2023.mammoth.md")
    run(["pandoc", "-f", "docx", "-t", "gfm", str(ROOT / "pdf" / "report-2023-defect.docx"),
         "-o", str(d / "report-2023-defect.pandoc-gfm.md")])
    write(d / "handmade-converter-2023.md", handmade(r))
    ex.add(d / "report-2023.markitdown-docx.md", r, layout="converter-markdown", tool="markitdown (docx: mammoth -> HTML -> markdownify)",
           made_by="markitdown pdf/report-2023.docx", own=False, quirks=[
               ("numbering-restarts", "\n1. 主动公开政府信息情况", "Word auto-numbered headings become list items; each table ends the list, so every section is '1.'"),
               ("empty-header-row", "|  |  |  |  |\n| --- | --- | --- | --- |", "pipe table header made of empty cells"),
               ("row-lost-spanned-cells", "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                "rows under a rowspan lose the covered cells: 8 cells in a 10-column table, values shifted left"),
               ("header-rows-shifted", "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |", "header row of 5 cells in a 10-column table"),
               ("bold-caption-row", "| **第二十条第（一）项** | | | |", "table 二 captions as bold first cells of colspan rows"),
           ])
    ex.add(d / "report-2023.markitdown-pdf.md", r, layout="converter-markdown", tool="markitdown (pdf: pdfminer text + pdfplumber tables)",
           made_by="markitdown pdf/report-2023.pdf", own=False, quirks=[
               ("table-cut-at-page-break", "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n6.属于四类过程性\n— 3 —\n\n信息\n",
                "table 三 cut at the page break; the page number sits between the two halves of the label 6.属于四类过程性信息"),
               ("label-outside-table", "一、本年新收政府信息公开申请数\n|     |     |     |     | 12  | 2   |",
                "the row's label is a text line above a pipe row that holds only values (label lost from the row)"),
               ("cells-glued-in-one-pipe-cell", "| 0 0 |", "two table values in one pipe cell"),
               ("one-table-per-row", "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n量",
                "each table 三 row is its own pipe table with a separator line"),
               ("vertical-label", "\n三 （一）予以公开\n", "vertical label characters as text lines between the per-row pipe tables"),
               ("title-two-lines", "滨江市临河区住房和城乡建设局 2023 年政府\n信息公开工作年度报告", "title on two lines"),
           ])
    ex.add(d / "report-2023.pandoc-gfm.md", r, layout="converter-markdown", tool="pandoc -f docx -t gfm",
           made_by="pandoc -f docx -t gfm pdf/report-2023.docx", own=False, quirks=[
               ("caption-row-as-header", "| **第二十条第（一）项** |", "table 二's first caption row became the pipe-table header"),
               ("list-numbered-headings", "1.  总体情况", "auto-numbered headings as an ordered list ('1.  ' with two spaces); 一、 is gone"),
               ("merged-cells-blank", "|                                                                      | （三）不予公开", "rowspan/colspan expanded to blank cells"),
           ])
    ex.add(d / "report-2023.mammoth.md", r, layout="converter-markdown", tool="mammoth --output-format=markdown",
           made_by="mammoth pdf/report-2023.docx --output-format=markdown", own=False, quirks=[
               ("numbering-restarts", "\n1. 收到和处理政府信息公开申请情况", "every section heading is '1.' (lists broken by tables)"),
               ("one-cell-per-paragraph", "行政规范性文件\n\n3\n\n1\n\n17\n", "mammoth's Markdown writer has no tables: one cell per paragraph"),
               ("bold-underscores", "__第二十条第（一）项__", "bold as __…__"),
               ("escaped-hyphen", "0571\\-86012345", "Markdown escape inside the phone number"),
           ])
    rd = defect_report()
    ex.add(d / "report-2023-defect.pandoc-gfm.md", rd, layout="converter-markdown", tool="pandoc -f docx -t gfm",
           made_by="pandoc -f docx -t gfm pdf/report-2023-defect.docx", own=False, quirks=[
               ("defect", "re:\\| （七）总计 .*\\| 17 +\\|", "（七）总计 row: 总计 is 17 (16 is right)"),
           ])
    ex.add(d / "handmade-converter-2023.md", r, layout="converter-markdown", tool="HAND-MADE (render_md.py)",
           made_by="render_md.handmade(model.main_report()) -- hand-made, modelled on markitdown-pdf output", quirks=[
               ("zhengwen-line", "\n正文\n", "a 正文 line under the title"),
               ("tool-heading", "## 表二", "tool heading before table 二"),
               ("tool-heading", "## 表三", "tool heading before table 三"),
               ("tool-heading", "## 表四", "tool heading before table 四"),
               ("numbering-restarts", "1. 收到和处理政府信息公开申请情况", "section numbering restarts after the table: 1. 2. 1. 1. 1. 2."),
               ("renamed-headers", "| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |", "table 三's header rows replaced by generated names"),
               ("page-number-in-table", "| — 3 — |  |  |  |  |  |  |  |", "page number as a table row"),
               ("table-cut-at-page-break", "| — 3 — |  |  |  |  |  |  |  |\n\n| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| --- |",
                "table 三 cut at the page break; the next fragment's first data row is its header"),
               ("label-lost", "| （五）不予处理1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
                "row 2.重复申请 (1…1) has lost its label: attach by position"),
               ("label-split-off", "| （六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其 |  |  |  |  |  |  |  |\n| 政府信息公开申请 | 0 |",
                "a long label split into a value-less row and a row holding its tail and the values"),
               ("group-glued-to-subrow", "| （三）不予公开1.属于国家秘密 |", "group label glued to its first sub-row"),
               ("page-number-line", "\n-4-\n", "page number between paragraphs"),
           ])


def html_layouts(ex: Expected) -> None:
    d = ROOT / "html"
    d.mkdir(exist_ok=True)
    r = main_report()
    lo = soffice(ROOT / "pdf" / "report-2023.docx", "html", d)
    lo.rename(d / "libreoffice-2023.html")
    ex.add(d / "libreoffice-2023.html", r, layout="html-word-generated", tool="soffice --convert-to html",
           made_by="soffice --headless --convert-to html pdf/report-2023.docx", own=False, quirks=[
               ("numbering-in-list", "<ol start=\"2\">", "heading numbers 一、二、… are not in the text: the headings are <ol><li> items"),
               ("year-own-run", "re:统计期限为</span>(</font>|</span>)+<font face=\"仿宋_GB2312, serif\"><font size=\"4\" style=\"font-size: 16pt\"><span style=\"font-weight: normal\">2023</span>",
                "digits in their own <font>/<span> runs, separate from the CJK text around them"),
               ("rowspan", "rowspan=\"22\"", "三、本年度办理结果 spans 22 rows"),
               ("rowspan-colspan", "<td rowspan=\"3\" colspan=\"3\"", "table 三's note cell"),
           ])
    # (a) a saved web page; two value cells and one table-二 cell left blank (&nbsp;)
    rp = copy.deepcopy(r)
    i8 = [row_label(x) for x in rp.table3_rows].index("8.属于行政查询事项")
    rp.table3[i8][4] = rp.table3[i8][5] = None
    rp.table2[1] = None
    write(d / "page-2023.html", page(rp, published="2024-01-23 09:15", source="区住房和城乡建设局",
                                     index_no="11330199MB0000000X/2024-00012"))
    ex.add(d / "page-2023.html", rp, layout="html-page", tool="hand-made (render_html.page)",
           made_by="render_html.page(model.main_report() with 3 blank cells)", quirks=[
               ("breadcrumb", "当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt;", "navigation breadcrumb"),
               ("furniture", "发布时间：2024-01-23 09:15", "publication line with 来源/浏览次数/字号"),
               ("furniture", "打印本页", "print link"), ("furniture", "关闭窗口", "close link"),
               ("furniture", "版权所有", "footer"), ("furniture", "浙ICP备00000000号-1", "footer ICP"),
               ("furniture", "上一篇：", "previous/next links"),
               ("metadata-table", "<td>索引号：</td>", "an 索引号/发布机构 <table> outside the report body: not a report table"),
               ("script", "document.write(Math.floor(Math.random()*900+100));", "script inside the info line"),
               ("blank-cell", "<td style=\"text-align: center;\">&nbsp;</td><td style=\"text-align: center;\">&nbsp;</td><td style=\"text-align: center;\">0</td></tr>",
                "row 8.属于行政查询事项: 法律服务机构 and 其他 blank (null; GAI205)"),
               ("blank-cell", "<tr><td>规章</td><td style=\"text-align: center;\">0</td><td style=\"text-align: center;\">&nbsp;</td>", "规章 本年废止件数 blank"),
               ("rowspan", "<td rowspan=\"22\">三、本年度办理结果</td>", "group label rowspan"),
               ("body-container", "<div class=\"content TRS_Editor\" id=\"zoom\">", "the report body's container"),
           ])
    write(d / "fragment-2023.html", fragment(r))
    ex.add(d / "fragment-2023.html", r, layout="html-fragment", tool="hand-made (render_html.fragment)",
           made_by="render_html.fragment(model.main_report())", quirks=[
               ("no-html-element", "<p style=\"text-align: center;\"><strong>", "no <html>/<body>: starts with the title paragraph"),
               ("colspan", "<td colspan=\"3\">一、本年新收政府信息公开申请数量</td>", "row label over 3 label columns"),
           ])
    rd = defect_report()
    write(d / "fragment-2023-defect.html", fragment(rd))
    ex.add(d / "fragment-2023-defect.html", rd, layout="html-fragment", tool="hand-made (render_html.fragment)",
           made_by="render_html.fragment(model.defect_report())", quirks=[
               ("defect", "<td style=\"text-align: center;\">17</td></tr>", "（七）总计 总计 = 17 (should be 16)"),
           ])
    write(d / "word-2023.htm", word_html(r))
    ex.add(d / "word-2023.htm", r, layout="html-word-generated", tool="HAND-MADE in MS Word 'Save as Web Page' shape (render_html.word_html)",
           made_by="render_html.word_html(model.main_report())", quirks=[
               ("year-split-across-runs", "<span lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体'>20</span><span lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体;mso-bidi-font-family:宋体'>23</span>",
                "title year split 20 + 23"),
               ("year-split-across-runs", ">20</span><span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'>23</span>", "period's first year split too"),
               ("number-split-across-runs", "<span lang=EN-US style='font-size:10.5pt'>17</span><span lang=EN-US style='font-size:10.5pt;mso-bidi-font-size:11.0pt'>21</span>",
                "行政处罚 1721 split 17 + 21"),
               ("supportLists", "<!--[if !supportLists]-->", "list numbers of the headings inside conditional comments (visible to HTML parsers)"),
               ("list-spacer", "一、<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span>", "NBSP spacer between 一、 and the heading words"),
               ("o:p", "<o:p></o:p>", "Office namespace elements"), ("o:p-nbsp", "<o:p>&nbsp;</o:p>", "blank paragraphs / blank cells"),
               ("mso-styles", "mso-list:l0 level1 lfo1", "mso- CSS"),
               ("xml-island", "<!--[if gte mso 9]><xml>", "Word XML islands in comments"),
               ("encoding", "charset=gb2312", "file is GBK-encoded with CRLF line ends"),
           ])
    write(d / "glued-cells-2023.html", glued_cells(r))
    ex.add(d / "glued-cells-2023.html", r, layout="html-glued-cells", tool="hand-made (render_html.glued_cells)",
           made_by="render_html.glued_cells(model.main_report())", quirks=[
               ("glued-cell", "<td colspan=\"7\" style=\"text-align: center;\">2000002</td>", "四、结转下年度继续办理: 2|0|0|0|0|0|2 in one cell"),
               ("glued-cell", "<td colspan=\"7\" style=\"text-align: center;\">122000014</td>", "row 一: 12|2|0|0|0|0|14"),
               ("glued-cell", "<td colspan=\"7\" style=\"text-align: center;\">132001016</td>",
                "（七）总计: 13|2|0|0|1|0|16, but 1|3|2|0|0|10|16 also satisfies the row sum: only the column identities decide"),
               ("glued-cell", "<td colspan=\"15\" style=\"text-align: center;\">110131000100011</td>", "table 四 in one cell"),
           ], extra={"glued": {"table3": table3_readings(r), "table4": table4_readings(r)}})


def txt_layouts(ex: Expected) -> None:
    d = ROOT / "txt"
    d.mkdir(exist_ok=True)
    r, rd = main_report(), defect_report()
    glued_extra = lambda rr: {"glued": {"table2": table2_runs(rr), "table3": table3_readings(rr),  # noqa: E731
                                        "table4": table4_readings(rr)}}
    write(d / "oneline-glued-2023.txt", one_line(r, cells="glued", runin=False))
    ex.add(d / "oneline-glued-2023.txt", r, layout="one-line-glued", tool="hand-made (render_text.one_line)",
           made_by="render_text.one_line(main_report(), cells='glued', runin=False)", oneline=True, quirks=[
               ("crawler-header", "==================== 正文 ====================\n", "crawler header like corpus/*.txt; the body is the next (only) line, no final newline"),
               ("glued-row", "一、本年新收政府信息公开申请数量122000014", "12|2|0|0|0|0|14 (issue 7 writes this example with one 0 fewer)"),
               ("glued-row", "（七）总计132001016", "13|2|0|0|1|0|16 and 1|3|2|0|0|10|16 both satisfy the row sum"),
               ("label-digit-glued", "00000002.其他法律行政法规禁止公开", "the next label's leading '2.' runs into the digits, as in corpus 132"),
               ("table2-ambiguous", "行政规范性文件3117", "3|1|17, 3|11|7 or 31|1|7: table 二 has no identity (GAI208)"),
               ("table4-run", "110131000100011", "table 四: 15 single digits"),
               ("headers-glued", "申请人情况自然人法人或其他组织总计商业企业", "table 三 header cells glued"),
           ], extra=glued_extra(r))
    write(d / "oneline-glued-2023-defect.txt", one_line(rd, cells="glued", runin=False))
    ex.add(d / "oneline-glued-2023-defect.txt", rd, layout="one-line-glued", tool="hand-made (render_text.one_line)",
           made_by="render_text.one_line(defect_report(), cells='glued', runin=False)", oneline=True, quirks=[
               ("defect", "（七）总计132001017", "no reading of 132001017 satisfies the row sum; no joint reading exists: "
                "an identity error must be reported at the table, not at a cell"),
           ], extra=glued_extra(rd))
    chrome = ("当前位置： 首页政务公开政府信息公开政府信息公开年报 " + r.title
              + " 来源： 时间：2024-01-23 09:15 --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： ")
    write(d / "oneline-runin-2023.txt", one_line(r, cells="spaced", runin=True, chrome=chrome, tail=" 附件下载"))
    ex.add(d / "oneline-runin-2023.txt", r, layout="one-line-runin", tool="hand-made (render_text.one_line)",
           made_by="render_text.one_line(main_report(), cells='spaced', runin=True) with page chrome like corpus 114",
           oneline=True, quirks=[
               ("heading-runs-in", "联系（电话：0571-86012345）。一、总体情况2023年，", "heading glued to the sentence before and after"),
               ("heading-runs-in", "未发生责任追究情形。二、主动公开政府信息情况第二十条第（一）项", "section 二 heading runs into the table caption"),
               ("heading-runs-in", "行政事业性收费 12.35三、收到和处理政府信息公开申请情况（本列数据", "value runs into the next heading"),
               ("subtopic-runs-in", "（五）监督保障调整局政务公开工作领导小组", "sub-topic heading runs into its text"),
               ("web-chrome", "当前位置： 首页政务公开", "page chrome at the start of the body"),
               ("web-chrome", " 附件下载", "page chrome at the end"),
               ("spaced-cells", "行政规范性文件 3 1 17", "cells separated by single spaces"),
           ])
    r19 = report_2019()
    write(d / "template2019-2020.txt", tabbed(r19))
    ex.add(d / "template2019-2020.txt", r19, layout="plain-tabbed", tool="hand-made (render_text.tabbed)",
           made_by="render_text.tabbed(report_2019())", quirks=[
               ("old-template", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", "2019 table 二 (一) header"),
               ("old-template", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量", "2019 (五)/(六) header"),
               ("old-template", "其他对外管理服务事项\t3\t0\t5", "2019 row"),
               ("old-template", "第二十条第（九）项", "2019 (九) caption"),
               ("old-template", "政府集中采购\t6\t86.5", "采购项目数量 6, 采购总金额 86.5 (万元, unit not stated)"),
               ("signed-change", "行政许可\t14\t-1\t236", "本年增/减 is -1: a signed value, legitimate in this column"),
               ("old-template", "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1", "one-row （六）其他处理 with its own numbers"),
               ("row-label-old", "\n规范性文件\t2\t2\t9", "row 规范性文件 (not 行政规范性文件)"),
               ("tab-fields", "\t\t2.其他法律行政法规禁止公开", "empty fields where a rowspan covers the column"),
           ], extra={"note": "correct for a 2020 report: no GAI202; table2 has 22 values and table3 23 rows in 2019 order"})
    rm = report_mixed()
    write(d / "template2021-keeps-2019-row-2022.txt", cell_per_line(rm, stray_nbsp_before_total_of="（六）其他处理"))
    ex.add(d / "template2021-keeps-2019-row-2022.txt", rm, layout="plain-cell-per-line", tool="hand-made (render_text.cell_per_line)",
           made_by="render_text.cell_per_line(report_mixed())", quirks=[
               ("old-row-in-2021-table", "(六)其他处理\n\n1\n\n0", "2019 one-row （六）其他处理 with numbers, sub-rows 1.–3. absent: GAI202/GAI201, keep the table"),
               ("stray-nbsp-cell", "\n\u00a0\n\n1\n", "a lone NBSP cell before （六）其他处理's 总计 (still 7 values)"),
               ("ascii-punctuation", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "ASCII ( ) : , as on seed 001's site"),
               ("split-header", "商业\n\n企业", "header word split into two cells"),
               ("web-chrome", "发布时间:2023-01-19 10:26 字号:[ ] 视力保护色:", "page chrome lines at the top"),
               ("heading-variant", "五、政府信息公开工作存在的主要问题及改进情况", "accepted variant heading (info at most)"),
               ("period-short", "统计期限为2022年1月1日至12月31日", "period without the second year"),
           ])


def main() -> int:
    if not shutil.which("soffice") or not shutil.which("pdftotext") or not shutil.which("pandoc"):
        print("needs soffice, pdftotext and pandoc: apt-get install libreoffice-writer poppler-utils pandoc "
              "fonts-noto-cjk", file=sys.stderr)
        return 2
    ex = Expected()
    pdf_layouts(ex)
    md_layouts(ex)
    html_layouts(ex)
    txt_layouts(ex)
    ex.write(tool_versions())
    for w in WARNINGS:
        print("WARNING", w, file=sys.stderr)
    print(f"{len(ex.entries)} fixtures described in expected.json; {len(WARNINGS)} warnings")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
