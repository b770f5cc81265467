"""Help while writing: the outline (sections and tables) and completion
(section headings, table-3 row labels, the empty standard tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gailint.model import Report, Span
from gailint.server.tables import TABLE_NAMES, TABLE_TITLES, all_tables_text, table_text
from gailint.template import SECTIONS, TABLE3_ROWS


@dataclass(frozen=True)
class Symbol:
    name: str
    kind: str  # "section" | "table"
    span: Span  # the whole extent
    selection: Span  # the heading / first line
    children: tuple["Symbol", ...] = ()


def _table_symbol(report: Report, name: str) -> Symbol | None:
    table = getattr(report, name)
    if table is None:
        return None
    span = table.span
    first = report.index.line_span(report.index.line_of(span.start), report.text)
    selection = Span(span.start, max(span.start, min(first.end, span.end)))
    return Symbol(f"{TABLE_NAMES[name]} {TABLE_TITLES[name]}", "table", span, selection)


def _to_file(report: Report, s: Symbol) -> Symbol:
    """A symbol with its spans in the file's offsets (the report's are the reader's)."""
    m = report.textmap
    return Symbol(
        s.name,
        s.kind,
        Span(*m.range_to_source(s.span.start, s.span.end)),
        Span(*m.range_to_source(s.selection.start, s.selection.end)),
        tuple(_to_file(report, c) for c in s.children),
    )


def symbols(report: Report) -> list[Symbol]:
    """Sections with the tables inside them; a table outside every section stands
    alone. Spans are offsets into the file."""
    found = _symbols(report)
    return found if report.source is None else [_to_file(report, s) for s in found]


def _symbols(report: Report) -> list[Symbol]:
    tables = [t for t in (_table_symbol(report, n) for n in ("table2", "table3", "table4")) if t is not None]
    used: set[int] = set()
    out: list[Symbol] = []
    for section in report.sections:
        start = section.span.start
        # The heading line from its first character (Markdown markers included).
        line_start = report.index.starts[report.index.line_of(start)]
        end = max(section.body.end, section.span.end)
        while end > start and report.text[end - 1] in "\r\n":
            end -= 1
        children = []
        for i, t in enumerate(tables):
            if i not in used and line_start <= t.span.start < end:
                children.append(t)
                used.add(i)
        end = max([end] + [c.span.end for c in children])
        out.append(Symbol(section.heading or section.standard, "section", Span(line_start, end), section.span, tuple(children)))
    out.extend(t for i, t in enumerate(tables) if i not in used)
    out.sort(key=lambda s: s.span.start)
    return out


# ---------------------------------------------------------------- completion

# What may stand before a heading being typed: Markdown markers, spaces.
_LEAD_RE = re.compile(r"^[ \t\u3000]*(?:#{1,6}[ \t]*)?(?:\*\*)?")


@dataclass(frozen=True)
class Completion:
    label: str
    kind: str  # "heading" | "row" | "table"
    insert: str
    detail: str
    sort: str
    snippet: bool = False


def completion_context(text: str, line_start: int, offset: int) -> tuple[int, str] | None:
    """(start of the word being typed, that word) when the cursor is at a line start
    (after optional Markdown markers); None inside running text."""
    before = text[line_start:offset]
    lead = _LEAD_RE.match(before)
    typed_from = line_start + (lead.end() if lead else 0)
    typed = text[typed_from:offset]
    if any(ch in typed for ch in "。；，,;\t") or len(typed) > 40:
        return None
    return typed_from, typed


def _in_table3_region(report: Report | None, offset: int) -> bool:
    if report is None:
        return False
    offset = report.textmap.to_view(offset)
    if report.table3 is not None and report.table3.span.start <= offset <= report.table3.span.end + 1:
        return True
    section = report.section_at(offset)
    return section is not None and section.number == 3


def completions(report: Report | None, text: str, line_start: int, offset: int, newline: str) -> tuple[int, list[Completion]]:
    ctx = completion_context(text, line_start, offset)
    if ctx is None:
        return offset, []
    start, typed = ctx
    items: list[Completion] = []
    for i, heading in enumerate(SECTIONS):
        items.append(Completion(heading, "heading", heading, "章节标题（年度报告格式）", f"0{i}"))
    if _in_table3_region(report, offset):
        for i, (label, group) in enumerate(TABLE3_ROWS):
            detail = f"表三 · {group}" if group else "表三"
            items.append(Completion(label, "row", label, detail, f"1{i:02d}"))
    only_heading_markers = text[line_start:start].strip() == ""
    if only_heading_markers:
        for j, name in enumerate(("table2", "table3", "table4")):
            items.append(
                Completion(f"{TABLE_NAMES[name]}（空表）", "table", table_text(name, newline), f"插入空的{TABLE_NAMES[name]}：{TABLE_TITLES[name]}", f"2{j}", True)
            )
        items.append(Completion("三张标准表格（空表）", "table", all_tables_text(newline), "插入表二、表三、表四（数值为 0）", "23", True))
    return start, items
