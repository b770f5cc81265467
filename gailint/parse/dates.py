"""Years, dates and the statistics period (template-2021.md §9)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

from gailint.model import DateRef, Line, Period, Span, YearRef
from gailint.parse.scan import matches_not_after

_S = r"[ \t\u00a0\u3000]*"
_YEAR = rf"((?:19|20)\d{_S}\d)"  # allows "202 1"? no: digits are adjacent below
_DATE = rf"(\d{{4}}){_S}年{_S}(\d{{1,2}}){_S}月{_S}(\d{{1,2}}){_S}[日号]"
_DATE_RE = re.compile(_DATE)
# 2023-12-31, 2023/12/31, 2023.12.31, not inside a longer number: the digit before is
# checked by find_dates() (a pattern opening with a lookbehind is tried at every
# character; one opening with a digit only where digits stand).
_ISO_DATE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# A statistics period may break across lines (PDF text: "……至 2023 年 12 月\n31 日").
_SB = r"\s{0,6}"  # spaces, or a line break with the next line's indent
_RANGE_RE = re.compile(
    rf"(\d{{4}}){_SB}年{_SB}(\d{{1,2}}){_SB}月{_SB}(\d{{1,2}}){_SB}[日号]"
    + rf"{_SB}起?{_SB}(?:至|到|－|-|—|–|~|～){_SB}"
    + rf"(?:(\d{{4}}){_SB}年{_SB})?(\d{{1,2}}){_SB}月{_SB}(\d{{1,2}}){_SB}[日号]{_S}止?"
)
_PERIOD_CONTEXT_RE = re.compile(r"统计(?:期限|时间|时段|区间|周期|期间|范围)|数据统计|统计截止|所列数据|统计数据")
# A year written in the text (2023年, 2023 年); shared by the prose analysis. The
# character before it (no digit or ".") is checked by year_mentions(): a pattern
# opening with a lookbehind is tried at every character, one opening with "19|20"
# only where those digits stand (twice as fast over a report).
_YEAR_MENTION_RE = re.compile(rf"((?:19|20)\d\d){_S}年")


def _digit_or_dot(ch: str) -> bool:
    return ch == "." or ch.isdecimal()


def year_mentions(text: str) -> Iterator[re.Match[str]]:
    """Every year mention; group 1 is the year's digits. Not inside a longer number
    (12023年) or a decimal (1.2023年)."""
    return matches_not_after(_YEAR_MENTION_RE, text, _digit_or_dot)
_PUBLISHED_RE = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|日期)[:：]?" + _S)


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


_CUTOFF_RE = re.compile(r"(?:截至|截止|截止到|截止至|统计至)[ \t\u3000]*$")


def find_dates(text: str) -> list[DateRef]:
    out = []
    for m in _DATE_RE.finditer(text):
        d = _date(*m.groups())
        if d:
            cutoff = _CUTOFF_RE.search(text, max(0, m.start() - 8), m.start())
            out.append(DateRef(d, Span(m.start(), m.end()), "cutoff" if cutoff else "text"))
    for m in matches_not_after(_ISO_DATE_RE, text, str.isdecimal):  # not 12023-01-02
        d = _date(*m.groups())
        if d:
            out.append(DateRef(d, Span(m.start(), m.end())))
    out.sort(key=lambda r: r.span.start)
    return out


def find_years(text: str, index) -> list[YearRef]:
    return [
        YearRef(int(m.group(1)), Span(m.start(1), m.end(1)), index.line_of(m.start(1)))
        for m in year_mentions(text)
    ]


def find_period(text: str) -> Period | None:
    for m in _RANGE_RE.finditer(text):
        y1, m1, d1, y2, m2, d2 = m.groups()
        context = text[max(0, m.start() - 30) : m.start()]
        start = _date(y1, m1, d1)
        end = _date(y2 or y1, m2, d2)
        plausible = _PERIOD_CONTEXT_RE.search(context) or (
            (m1, d1, m2, d2) == ("1", "1", "12", "31") or context.rstrip().endswith(("从", "自"))
        )
        if not plausible:
            continue
        return Period(
            text=m.group(),
            span=Span(m.start(), m.end()),
            start=start,
            end=end,
            start_year_span=Span(m.start(1), m.end(1)),
            end_year_span=Span(m.start(4), m.end(4)) if y2 else None,
        )
    return None


def find_published(text: str, lines: tuple[Line, ...], dates: list[DateRef]) -> DateRef | None:
    """A 发布时间 line, else a signature date standing alone near the end."""
    for d in dates:
        before = text[max(0, d.span.start - 12) : d.span.start]
        if _PUBLISHED_RE.search(before):
            return DateRef(d.value, d.span, "published")
    tail = [ln for ln in lines if ln.text.strip()][-4:]
    for line in reversed(tail):
        for d in dates:
            if line.span.start <= d.span.start and d.span.end <= line.span.end:
                rest = (text[line.span.start : d.span.start] + text[d.span.end : line.span.end]).strip()
                if len(rest) <= 2:
                    return DateRef(d.value, d.span, "signature")
    return None


def prose_year(years: list[YearRef], skip_lines: set[int]) -> int | None:
    """The most frequent year written in the prose (ties: the first one)."""
    counts = Counter(y.year for y in years if y.line not in skip_lines)
    if not counts:
        return None
    best = max(counts.values())
    for y in years:
        if y.line not in skip_lines and counts[y.year] == best:
            return y.year
    return None


_FILE_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def filename_year(path: str | None) -> int | None:
    if not path:
        return None
    m = _FILE_YEAR_RE.search(path.replace("\\", "/").rsplit("/", 1)[-1])
    return int(m.group(1)) if m else None
