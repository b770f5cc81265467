"""Text → :class:`gailint.model.Report`. The one parser every rule reads from."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import repeat
from operator import add

from gailint.model import DateRef, Line, LineIndex, Report, Span
from gailint.parse import dates as _dates
from gailint.parse.furniture import mark_furniture
from gailint.read import TextMap, read, split_lines
from gailint.parse.structure import find_sections, find_signature_issuer, find_title, issuer_kind_reason, summary_report
from gailint.parse.tables import is_prose_text, parse_table2, parse_table3, parse_table4, table_regions
from gailint.template import OLD_2019_FINGERPRINTS

__all__ = ["parse"]


def _fingerprint_re() -> re.Pattern[str]:
    width = {"（": "[（(]", "）": "[）)]", "/": "[/／]"}
    alts = ["".join(width.get(ch, re.escape(ch)) for ch in fp) for fp in OLD_2019_FINGERPRINTS]
    return re.compile("|".join(alts))


_FINGERPRINT_RE = _fingerprint_re()


# The lines are the parser's own until it returns the report: a kind decided by the
# sections and tables found (heading, title, table) is set in place through the
# slot's own setter, not by building the line again (a third of a report's lines).
_set_kind = Line.kind.__set__  # type: ignore[attr-defined]


def _lines(text: str, index: LineIndex, bodies: list[str], textmap: TextMap) -> list[Line]:
    starts = index.starts
    count = len(starts)
    if count > 1 and starts[-1] == len(text):
        count -= 1  # the empty "line" after a final line break
    bodies = bodies[:count]
    # Each field a list (or an iterator) built in C where it can be, the lines by one
    # map(): no Python step per line but the objects' own __init__.
    spans = map(Span, starts, map(add, starts, map(len, bodies)))
    kinds = ["blank" if not body or body.isspace() else "prose" for body in bodies]
    if textmap.src_a:  # the reader changed the text: which breaks are its own
        replaced = textmap.replaced
        joined: Iterable[bool] = [number > 0 and replaced(start - 1) for number, start in zip(range(count), starts)]
    else:
        joined = repeat(False)
    return list(map(Line, range(count), spans, bodies, kinds, joined))


def _issuer_kind(issuer: str | None, configured: str | None, lines: tuple[Line, ...]) -> tuple[str | None, str | None]:
    """The issuer's kind (it decides the deadline), and how it was decided."""
    if configured:
        return configured, "配置项 issuer-kind"
    found = issuer_kind_reason(issuer)
    if found is None or found[0] != "government":
        summary = summary_report(lines)
        if summary is not None:
            # A government office's report of the whole county is the government's report.
            return "government", f"正文说明本报告汇总了全地区各单位的情况（“{summary.text.strip()[:30]}”）"
    return (found[0], found[1]) if found else (None, None)


def parse(
    text: str,
    path: str | None = None,
    *,
    year: int | None = None,
    issuer_kind: str | None = None,
) -> Report:
    """Parse a report. ``year`` and ``issuer_kind`` come from the configuration:
    ``year`` is used when the text does not tell the year, ``issuer_kind`` overrides
    what the issuer's name suggests."""
    original = text
    reading = read(original, path)
    text = reading.text
    # The reader split the text already when it left it as it was.
    starts, bodies = reading.lines if reading.lines is not None else split_lines(text)
    index = LineIndex(starts, len(text))
    lines = _lines(text, index, bodies, reading.map)
    mark_furniture(lines)
    frozen = tuple(lines)
    sections = find_sections(frozen, len(text), skip=set())
    regions = table_regions(frozen, sections)
    tables = {}
    table_lines: set[int] = set()
    for name, fn in (("table2", parse_table2), ("table3", parse_table3), ("table4", parse_table4)):
        if name in regions:
            a, b = regions[name]
            if a < b:
                tables[name] = fn(frozen[a:b])
                if tables[name] is not None:
                    # A sentence between the tables ("2024年，共收到申请3条。") stays prose.
                    table_lines.update([i for i in range(a, b) if not is_prose_text(frozen[i].text)])
    heading_lines = {s.line for s in sections}
    title = find_title(frozen, sections[0].line if sections else None)
    # Only headings, table lines and the first 15 lines (the title) can change kind.
    top = set(range(min(15, len(lines))))
    for i in heading_lines | top:
        line = lines[i]
        if line.kind in ("blank", "furniture"):
            continue
        if i in heading_lines:
            kind = "heading"
        elif title is not None and line.span.start <= title.span.start < line.span.end + 1:
            kind = "title"
        elif i in table_lines:
            kind = "table"
        else:
            continue
        _set_kind(line, kind)
    for i in table_lines - heading_lines - top:  # the rest of the tables: no heading, no title
        line = lines[i]
        if line.kind not in ("blank", "furniture"):
            _set_kind(line, "table")

    all_dates = _dates.find_dates(text)
    years = _dates.find_years(text, index)
    period = _dates.find_period(text)
    published = _dates.find_published(text, frozen, all_dates)
    if reading.page_date is not None and (published is None or published.source != "published"):
        # The page's 发布时间 (outside the report) is when it was published; a signature
        # date is when it was written. Diagnostics about it point at the title.
        anchor = title.span if title is not None else Span(0, 0)
        published = DateRef(reading.page_date, anchor, "published")

    report_year, source = None, None
    if title is not None and title.year:
        report_year, source = title.year, "title"
    elif period is not None and period.start is not None:
        report_year, source = period.start.year, "period"
    else:
        report_year = _dates.prose_year(years, table_lines)
        source = "prose" if report_year else None
    if report_year is None and year is not None:
        report_year, source = year, "config"
    if report_year is None:
        report_year = _dates.filename_year(path)
        source = "filename" if report_year else None

    issuer = title.issuer if title is not None and title.issuer else find_signature_issuer(frozen)
    kind, kind_source = _issuer_kind(issuer, issuer_kind, frozen)

    t2, t3, t4 = tables.get("table2"), tables.get("table3"), tables.get("table4")
    # The 2019 format's labels, where a table stands: the prose may name the same
    # things ("政府集中采购项目的目录…") without being a table of that format.
    # (One scan of the text: a fingerprint holds no line break, so each match lies on one line.)
    old_spans = [
        Span(m.start(), m.end()) for m in _FINGERPRINT_RE.finditer(text) if frozen[index.line_of(m.start())].kind == "table"
    ]
    for t in (t2, t3):
        if t is not None:
            old_spans.extend(t.old_template)
    old = tuple(sorted(old_spans, key=lambda s: s.start))
    fmt = None
    if old:
        fmt = "2019"
    elif t3 is not None or (t2 is not None and any(r is not None for r in t2.rows)):
        fmt = "2021"
    notes: list[str] = list(reading.notes)
    for t in (t2, t3, t4):
        if t is not None:
            notes.extend(t.notes)
    return Report(
        text=text,
        path=path,
        lines=frozen,
        index=index,
        title=title,
        issuer=issuer,
        issuer_kind=kind,  # type: ignore[arg-type]
        issuer_kind_source=kind_source,
        year=report_year,
        year_source=source,
        period=period,
        published=published,
        sections=tuple(sections),
        table2=t2,
        table3=t3,
        table4=t4,
        years=tuple(years),
        dates=tuple(all_dates),
        format=fmt,
        old_template=old,
        notes=tuple(notes),
        source=None if text is original else original,
        textmap=reading.map,
        layout=reading.layout,
    )
