"""Render a Report as a Word document the way government offices lay them out.

公文 page (A4, margins 3.7/3.5/2.8/2.6 cm), 三号仿宋 body at a fixed 28 pt line pitch,
二号小标宋 title (long enough to wrap), real Word tables with merged cells: group labels such
as （三）不予公开 span their rows, 三、本年度办理结果 sits in a narrow merged column so it
is spread one character per line, the label column is narrow so long labels wrap, table 四
has fifteen narrow columns.  Odd and even pages carry different footers: "— 5 —" and "-4-".
"""
from __future__ import annotations

from datetime import datetime

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from model import NOTE, T3_COLUMNS, T4_COLUMNS, Report

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEAD_FONT = "黑体"
SUB_FONT = "楷体_GB2312"
TABLE_FONT = "宋体"
TEXT_WIDTH_CM = 15.6


def fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{v:.2f}"
    return str(v)


def set_font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def para(doc_or_cell, text: str, *, font=BODY_FONT, size=16.0, bold=False, indent=True,
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, pitch: float | None = 28.0):
    p = doc_or_cell.add_paragraph()
    pf = p.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if pitch:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(pitch)
    if indent:
        pf.first_line_indent = Pt(size * 2)
    set_font(p.add_run(text), font, size, bold)
    return p


def add_page_field(paragraph, before: str, after: str, size=14.0) -> None:
    set_font(paragraph.add_run(before), "宋体", size)
    run = paragraph.add_run()
    set_font(run, "宋体", size)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._element.append(el)
    set_font(paragraph.add_run(after), "宋体", size)


def cell_text(cell, text: str, *, size=10.5, align=WD_ALIGN_PARAGRAPH.CENTER, bold=False) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._element.getparent().remove(r._element)
    p.paragraph_format.alignment = align
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    set_font(p.add_run(text), TABLE_FONT, size, bold)
    # merged cells keep the paragraphs of every merged cell: drop the empty extras
    for extra in cell.paragraphs[1:]:
        if not extra.text:
            extra._element.getparent().remove(extra._element)


def new_table(doc, rows: int, widths_cm: list[float]):
    t = doc.add_table(rows=rows, cols=len(widths_cm))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, w in enumerate(widths_cm):
        t.columns[i].width = Cm(w)
        for cell in t.columns[i].cells:
            cell.width = Cm(w)
    return t


def merge(t, r0, c0, r1, c1, text, **kw):
    cell = t.cell(r0, c0)
    if (r0, c0) != (r1, c1):
        cell = cell.merge(t.cell(r1, c1))
    cell_text(cell, text, **kw)
    return cell


def table2(doc, r: Report) -> None:
    spec = r.table2_spec
    nrows = sum(2 + len(rows) for _c, _h, rows in spec)
    t = new_table(doc, nrows, [4.2, 3.8, 3.8, 3.8])
    i = 0
    vals = iter(r.table2)
    for cap, hdr, rows in spec:
        merge(t, i, 0, i, 3, cap, bold=True)
        i += 1
        ncols = len(hdr) - 1
        cell_text(t.cell(i, 0), hdr[0])
        if ncols == 3:
            for c in range(3):
                cell_text(t.cell(i, 1 + c), hdr[1 + c])
        elif ncols == 2:
            cell_text(t.cell(i, 1), hdr[1])
            merge(t, i, 2, i, 3, hdr[2])
        else:
            merge(t, i, 1, i, 3, hdr[1])
        i += 1
        for label, n in rows:
            cell_text(t.cell(i, 0), label)
            vs = [fmt(next(vals)) for _ in range(n)]
            if n == 3:
                for c in range(3):
                    cell_text(t.cell(i, 1 + c), vs[c])
            elif n == 2:
                cell_text(t.cell(i, 1), vs[0])
                merge(t, i, 2, i, 3, vs[1])
            else:
                merge(t, i, 1, i, 3, vs[0])
            i += 1


def table3(doc, r: Report) -> None:
    rows = r.table3_rows
    widths = [0.75, 1.6, 3.6] + [1.38] * 7
    t = new_table(doc, 3 + len(rows), widths)
    merge(t, 0, 0, 2, 2, NOTE, size=9)
    merge(t, 0, 3, 0, 9, "申请人情况")
    merge(t, 1, 3, 2, 3, "自然人")
    merge(t, 1, 4, 1, 8, "法人或其他组织")
    merge(t, 1, 9, 2, 9, "总计")
    for c, name in enumerate(T3_COLUMNS[1:6]):
        cell_text(t.cell(2, 4 + c), name)
    # which rows belong to which group, to merge group cells over their rows
    first = 3
    spans: dict[tuple[int, str], list[int]] = {}
    for k, (l1, l2, l3) in enumerate(rows):
        i = first + k
        if l2 is None:
            merge(t, i, 0, i, 2, l1, align=WD_ALIGN_PARAGRAPH.LEFT)
        else:
            spans.setdefault((0, l1), []).append(i)
            if l3 is None:
                merge(t, i, 1, i, 2, l2, align=WD_ALIGN_PARAGRAPH.LEFT)
            else:
                spans.setdefault((1, l2), []).append(i)
                cell_text(t.cell(i, 2), l3, align=WD_ALIGN_PARAGRAPH.LEFT)
        for c, v in enumerate(r.table3[k]):
            cell_text(t.cell(i, 3 + c), fmt(v))
    for (col, label), idx in spans.items():
        merge(t, idx[0], col, idx[-1], col, label)


def table4(doc, r: Report) -> None:
    t = new_table(doc, 4, [TEXT_WIDTH_CM / 15] * 15)
    merge(t, 0, 0, 0, 4, "行政复议")
    merge(t, 0, 5, 0, 14, "行政诉讼")
    for c, name in enumerate(T4_COLUMNS):
        merge(t, 1, c, 2, c, name)
    merge(t, 1, 5, 1, 9, "未经复议直接起诉")
    merge(t, 1, 10, 1, 14, "复议后起诉")
    for g in (1, 2):
        for c, name in enumerate(T4_COLUMNS):
            cell_text(t.cell(2, g * 5 + c), name)
    for c, v in enumerate(r.table4):
        cell_text(t.cell(3, c), fmt(v))


def heading_numbering(doc) -> int:
    """A Word list whose level 0 prints 一、二、… (chineseCounting), as in reports whose
    section headings are auto-numbered; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:suff", "nothing"),
                     ("w:lvlText", "%1、"), ("w:lvlJc", "left")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:firstLine"), "640")
    ppr.append(ind)
    lvl.append(ppr)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return 90


def numbered(p, num_id: int) -> None:
    ppr = p._element.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    ppr.insert(0, numpr)


def footers(doc) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    sec = doc.sections[0]
    odd = sec.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_page_field(odd, "— ", " —")
    even = sec.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    add_page_field(even, "-", "-")


def chinese_defaults(doc, r: Report) -> None:
    """python-docx's template defaults to a Japanese East Asian font (ＭＳ 明朝): use 宋体/zh-CN
    like a document written in Chinese Word, and give it plausible properties."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), "宋体")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    cp = doc.core_properties
    cp.title = r.title
    cp.author = cp.last_modified_by = "办公室"
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    y = int(r.date[:4])
    cp.created = datetime(y, 1, 10, 9, 30)
    cp.modified = datetime(y, 1, 19, 16, 5)
    cp.revision = 7


def build_docx(r: Report, path: str, autonumber: bool = True) -> None:
    doc = Document()
    chinese_defaults(doc, r)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.footer_distance = Cm(2.8)
    footers(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    para(doc, r.title, font=TITLE_FONT, size=22, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, pitch=36)
    para(doc, "", indent=False)
    for text in r.preamble:
        para(doc, text)
    tables = {"二": table2, "三": table3, "四": table4}
    num_id = heading_numbering(doc) if autonumber else None
    for s in r.sections:
        if num_id is None:
            para(doc, s.heading, font=HEAD_FONT, size=16)
        else:  # the number 一、 comes from the list, the paragraph holds only the words
            numbered(para(doc, s.heading.split("、", 1)[1], font=HEAD_FONT, size=16), num_id)
        for b in s.blocks:
            if b.kind == "p":
                para(doc, b.text)
            elif b.kind == "h":
                para(doc, b.text, font=SUB_FONT, size=16)
            else:
                tables[b.text](doc, r)
    para(doc, "", indent=False)
    para(doc, r.signature, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, r.date, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
    doc.save(path)
