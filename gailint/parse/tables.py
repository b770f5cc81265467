"""Tables 二, 三 and 四, located by their labels, never by column position."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from gailint.model import Cell, Label, Line, Row, Section, Span, Table
from gailint.parse.cells import NA_VALUES, Token, parse_number, tokenize_line
from gailint.parse.normalize import norm, norm_map
from gailint.template import (
    FEE_LABEL_VARIANTS,
    TABLE2_GROUPS,
    TABLE2_ROWS,
    TABLE2_WIDTH,
    TABLE3_GROUPS,
    TABLE3_ROWS,
    TABLE4_SIZE,
    OLD_2019_EXACT_ROW,
)

# Markers that open a row label: （一） 一、 1.  (after normalisation).
_MARKER_RE = re.compile(r"\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|(?<!\d)\d{1,2}\.(?!\d)")
_LEADING_MARKER_RE = re.compile(r"^(?:\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|\d{1,2}\.)")
_DIGITS_RE = re.compile(r"^[\d.,]+$")


def _core(label_norm: str) -> str:
    return _LEADING_MARKER_RE.sub("", label_norm)


_T3_KEYS = tuple(norm(label) for label, _ in TABLE3_ROWS)
_T3_CORES = tuple(_core(k) for k in _T3_KEYS)
_T3_CORE_SETS = tuple(frozenset(c) for c in _T3_CORES)
_T3_GROUP_KEYS = frozenset(norm(g) for g in TABLE3_GROUPS)
_T2_KEYS = tuple(norm(r) for r in TABLE2_ROWS)


def is_prose_line(line: Line) -> bool:
    """A sentence inside a table region (an explanation, not cells)."""
    text = line.text
    if "\t" in text or "|" in text:
        return False
    if "。" in text or "；" in text:
        return True
    return len(text) > 80 and not any(ch.isdigit() for ch in text)


@dataclass
class _RowDraft:
    index: int
    label: Label
    values: list[Token] = field(default_factory=list)


def _cell(tok: Token) -> Cell:
    span = Span(tok.start, tok.end)
    if tok.kind == "blank":
        return Cell(tok.text, span, "blank", None)
    if tok.text in NA_VALUES:
        return Cell(tok.text, span, "na", None)
    value = parse_number(tok.text)
    return Cell(tok.text, span, "number" if value is not None else "text", value)


def settle(values: Sequence[Token], expected: int) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    """Split a row's tokens into its value cells and stray blank cells.

    Blank cells beyond what the row needs are strays (a lone NBSP line between two
    cells, a shifted tab); when the row lacks values, interior blanks are the row's
    own blank cells (counted as 0 by the arithmetic rules).
    """
    nonblank = [t for t in values if t.kind != "blank"]
    if len(nonblank) >= expected:
        keep = nonblank[:expected]
        stray = [t for t in values if t.kind == "blank"] + nonblank[expected:]
        return tuple(_cell(t) for t in keep), tuple(_cell(t) for t in stray)
    lo, hi = 0, len(values)
    while lo < hi and values[lo].kind == "blank":
        lo += 1
    while hi > lo and values[hi - 1].kind == "blank":
        hi -= 1
    trimmed = list(values[lo:hi])
    stray = list(values[:lo]) + list(values[hi:])
    while len(trimmed) > expected:
        k = next(i for i, t in enumerate(trimmed) if t.kind == "blank")
        stray.append(trimmed.pop(k))
    return tuple(_cell(t) for t in trimmed), tuple(_cell(t) for t in stray)


def _interior_blank(values: Sequence[Token]) -> bool:
    """A blank cell between two values (not a shifted edge of the row)."""
    kinds = [t.kind for t in values]
    if "value" not in kinds:
        return False
    first = kinds.index("value")
    last = len(kinds) - 1 - kinds[::-1].index("value")
    return "blank" in kinds[first:last] and sum(k == "value" for k in kinds) >= 7


def _tokens(lines: Sequence[Line]) -> list[Token]:
    out: list[Token] = []
    for line in lines:
        if not line.text:
            continue  # an empty line only separates cells
        if is_prose_line(line):
            # A sentence ends whatever row was open: a marker token does that.
            out.append(Token("text", "", line.span.start, line.span.end, line.number))
            continue
        out.extend(tokenize_line(line.text, line.span.start, line.number))
    return out


def _span_of(tok: Token, offsets: list[int], a: int, b: int) -> Span:
    """Original span of normalised characters a..b of ``tok``."""
    return Span(offsets[a], offsets[b - 1] + 1)


# ---------------------------------------------------------------- table 三


_OTHER_GROUP = norm(TABLE3_GROUPS[-1])


@dataclass
class _Match:
    index: int  # row index, or -1 for a group label
    label: Label | None
    trailing_digits: Span | None = None  # label glued to its numbers
    group: str | None = None


def _match_t3(tok: Token, after: int) -> _Match | None:
    n, offsets = norm_map(tok.text, tok.start)
    if not n:
        return None
    marks = [m.start() for m in _MARKER_RE.finditer(n)]
    seg_start = marks[-1] if marks else 0
    # A row label glued to its numbers ("…申请数量1301"): split the digits off.
    seg = n[seg_start:]
    glued: Span | None = None
    m = re.search(r"\d[\d.,]*$", seg)
    if m and m.start() > 0 and not _LEADING_MARKER_RE.fullmatch(seg[: m.start()]):
        candidate = seg[: m.start()]
        if candidate in _T3_KEYS or _core(candidate) in _T3_CORES:
            glued = Span(offsets[seg_start + m.start()], offsets[-1] + 1)
            seg = candidate
    if seg in _T3_GROUP_KEYS:
        return _Match(-1, None, group=seg)
    end = seg_start + len(seg)
    span = _span_of(tok, offsets, seg_start, end)
    text = tok.text[span.start - tok.start : span.end - tok.start]

    def found(i: int, exact: bool) -> _Match:
        return _Match(i, Label(text, span, TABLE3_ROWS[i][0], exact), glued)

    if seg in _T3_KEYS:
        # "3.其他" and "1." rows repeat across groups: take the next one in order.
        for i, key in enumerate(_T3_KEYS):
            if key == seg and i > after:
                return found(i, True)
        return found(_T3_KEYS.index(seg), True)
    core = _core(seg)
    if len(core) >= 4:
        for i, c in enumerate(_T3_CORES):
            if c == core and i > after:
                return found(i, False)
    # Fuzzy: only for a marked label, or a very close one, among the rows still to come.
    has_marker = bool(_LEADING_MARKER_RE.match(seg))
    if not has_marker and len(core) < 4:
        return None  # "总计" or "其他" alone is a column header, not a row
    best_i = _fuzzy_row(core, after, 0.72 if has_marker else 0.88)
    return found(best_i, False) if best_i >= 0 else None


@lru_cache(maxsize=4096)
def _fuzzy_row(core: str, after: int, threshold: float) -> int:
    """The closest row label after ``after`` with a similarity ≥ threshold, or -1."""
    best, best_i = 0.0, -1
    chars = set(core)
    n = len(core)
    for i in range(after + 1, len(_T3_CORES)):
        c = _T3_CORES[i]
        # Cheap upper bounds before building a SequenceMatcher.
        if 2 * min(n, len(c)) / (n + len(c)) < threshold:
            continue
        if 2 * len(chars & _T3_CORE_SETS[i]) / (len(chars) + len(_T3_CORE_SETS[i])) < threshold - 0.15:
            continue
        r = difflib.SequenceMatcher(None, core, c).ratio()
        if r > best:
            best, best_i = r, i
    return best_i if best >= threshold else -1


def parse_table3(lines: Sequence[Line]) -> Table | None:
    tokens = _tokens(lines)
    rows: list[_RowDraft] = []
    other_groups: list[_RowDraft] = []  # （六）其他处理 labels, to see if they carry numbers
    current: _RowDraft | None = None
    glued: Span | None = None
    for tok in tokens:
        if tok.kind == "text":
            m = _match_t3(tok, rows[-1].index if rows else -1) if tok.text else None
            current = None
            if m and m.label is None and m.group == _OTHER_GROUP:
                group_draft = _RowDraft(-1, Label(tok.text, tok.span, TABLE3_GROUPS[-1], True))
                other_groups.append(group_draft)
                current = group_draft
                continue
            if m and m.label is not None:
                current = _RowDraft(m.index, m.label)
                rows.append(current)
                if m.trailing_digits and glued is None:
                    glued = m.trailing_digits
            continue
        if current is not None:
            current.values.append(tok)
    if not rows:
        return None
    # The 2019 format: （六）其他处理 carries its own numbers, with no sub-rows 1.–3.
    old = tuple(
        g.label.span
        for g in other_groups
        if sum(t.kind == "value" for t in g.values) >= 7 and not any(d.index in (20, 21, 22) for d in rows)
    )
    by_index: dict[int, Row] = {}
    notes: list[str] = []
    for d in rows:
        if d.index in by_index:
            notes.append(f"表三第 {d.index + 1} 行“{d.label.text}”重复出现，取第一次")
            continue
        cells, stray = settle(d.values, 7)
        if _interior_blank(d.values):
            notes.append(f"表三第 {d.index + 1} 行“{d.label.text}”带有多余的空白单元格，已忽略")
        by_index[d.index] = Row(d.index, d.label, cells, stray, 7)
    span = Span(lines[0].span.start, lines[-1].span.end)
    return Table("table3", span, tuple(by_index.get(i) for i in range(len(TABLE3_ROWS))), (), tuple(notes), glued, old)


# ---------------------------------------------------------------- table 二

_T2_GROUP_OF_ROW = {row: g for g, (_, _, rows) in enumerate(TABLE2_GROUPS) for row in rows}


def _match_t2(n: str) -> tuple[int, bool, int] | None:
    """(row index, exact, length of the label in n) for a normalised token."""
    for i, key in enumerate(_T2_KEYS):
        if n == key:
            return i, True, len(n)
    for i, key in enumerate(_T2_KEYS):
        if n.startswith(key) and _DIGITS_RE.match(n[len(key) :]):
            return i, True, len(key)
    if n == OLD_2019_EXACT_ROW or len(n) < 3:
        return None  # the 2019 template's row: recorded by parse_table2 for GAI202
    best_i = _fuzzy_t2(n)
    return (best_i, False, len(n)) if best_i >= 0 else None


@lru_cache(maxsize=4096)
def _fuzzy_t2(n: str) -> int:
    best, best_i = 0.0, -1
    for i, key in enumerate(_T2_KEYS):
        if 2 * min(len(n), len(key)) / (len(n) + len(key)) < 0.8:
            continue
        r = difflib.SequenceMatcher(None, n, key).ratio()
        if r > best:
            best, best_i = r, i
    return best_i if best >= 0.8 else -1


def _core_row(n: str) -> str:
    """A table-二 row label without trailing numbers glued to it."""
    return re.sub(r"[\d.,]+$", "", n)


def _words(tok: Token) -> list[tuple[str, Span]]:
    return [
        (m.group(), Span(tok.start + m.start(), tok.start + m.end()))
        for m in re.finditer(r"\S+", tok.text)
    ]


def _header_label(word: str, span: Span, expected: str) -> Label | None:
    n = norm(word)
    if n == norm(expected) or (expected.startswith("本年收费金额") and n in {norm(v) for v in FEE_LABEL_VARIANTS}):
        return Label(word, span, expected, True)
    if difflib.SequenceMatcher(None, n, norm(expected)).ratio() >= 0.5:
        return Label(word, span, expected, False)
    return None


def parse_table2(lines: Sequence[Line]) -> Table | None:
    tokens = _tokens(lines)
    drafts: dict[int, _RowDraft] = {}
    headers: list[Label] = []
    pending: list[tuple[str, Span]] = []
    in_header = False
    current: _RowDraft | None = None
    glued: Span | None = None
    notes: list[str] = []
    old_rows: list[Span] = []
    for tok in tokens:
        if tok.kind != "text":
            if current is not None:
                current.values.append(tok)
            continue
        current = None
        n = norm(tok.text)
        if not n:
            continue
        if n.startswith("第二十条"):
            pending, in_header = [], False
            continue
        if n.startswith("信息内容"):
            in_header = True
            pending = [w for w in _words(tok) if norm(w[0]) != "信息内容"]
            continue
        m = _match_t2(n)
        if m is None and _core_row(n) == OLD_2019_EXACT_ROW:
            old_rows.append(tok.span)
        if m is None:
            if in_header:
                pending.extend(_words(tok))
            continue
        index, exact, length = m
        nn, offsets = norm_map(tok.text, tok.start)
        span = Span(offsets[0], offsets[length - 1] + 1)
        if length < len(nn) and glued is None:
            glued = Span(offsets[length], offsets[-1] + 1)
        label = Label(tok.text[span.start - tok.start : span.end - tok.start], span, TABLE2_ROWS[index], exact)
        group = _T2_GROUP_OF_ROW[TABLE2_ROWS[index]]
        if in_header:
            expected = TABLE2_GROUPS[group][1][1:]
            for (word, wspan), want in zip(pending, expected):
                h = _header_label(word, wspan, want)
                if h:
                    headers.append(h)
            in_header, pending = False, []
        if index in drafts:
            notes.append(f"表二“{label.text}”行重复出现，取第一次")
            continue
        current = drafts[index] = _RowDraft(index, label)
    if not drafts and not old_rows:
        return None
    rows: list[Row | None] = []
    for i, name in enumerate(TABLE2_ROWS):
        d = drafts.get(i)
        if d is None:
            rows.append(None)
            continue
        cells, stray = settle(d.values, TABLE2_WIDTH[name])
        rows.append(Row(i, d.label, cells, stray, TABLE2_WIDTH[name]))
    span = Span(lines[0].span.start, lines[-1].span.end)
    return Table("table2", span, tuple(rows), tuple(headers), tuple(notes), glued, tuple(old_rows))


# ---------------------------------------------------------------- table 四

_T4_HEADER_WORDS = ("行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "总计", "复议后起诉", "直接起诉")


def parse_table4(lines: Sequence[Line]) -> Table | None:
    tokens = _tokens(lines)
    label: Label | None = None
    values: list[Token] = []
    for tok in tokens:
        if tok.kind == "text":
            n = norm(tok.text)
            if any(w in n for w in _T4_HEADER_WORDS) or (label is not None and not values and len(n) <= 6):
                if label is None:
                    label = Label(tok.text, tok.span, "行政复议", "行政复议" in n)
                if values:
                    break  # a second header after values: another table
                continue
            if values or not n:
                if values:
                    break  # prose after the numbers ends the table
                continue
            continue
        if label is not None and (tok.kind == "value" or values):
            values.append(tok)
    if label is None:
        return None
    cells, stray = settle(values, TABLE4_SIZE)
    notes = []
    if len(cells) < TABLE4_SIZE:
        notes.append(f"表四只有 {len(cells)} 个数值，应有 {TABLE4_SIZE} 个")
    row = Row(0, label, cells, stray, TABLE4_SIZE)
    span = Span(lines[0].span.start, lines[-1].span.end)
    return Table("table4", span, (row,), (), tuple(notes), None)


# ---------------------------------------------------------------- regions


def _first(lines: Sequence[Line], start: int, end: int, pred) -> int | None:
    for line in lines[start:end]:
        if pred(norm(line.text)):
            return line.number
    return None


def table_regions(lines: Sequence[Line], sections: Iterable[Section]) -> dict[str, tuple[int, int]]:
    """Line ranges [a, b) where tables 二, 三 and 四 are looked for."""
    sections = list(sections)
    first: dict[int, int] = {}
    for s in sections:
        first.setdefault(s.number, s.line)
    total = len(lines)
    s2, s3, s4, s5 = (first.get(k) for k in (2, 3, 4, 5))
    t3 = s3 + 1 if s3 is not None else _first(
        lines, 0, total, lambda n: "勾稽关系" in n or "本年新收政府信息公开申请数量" in n
    )
    t2 = s2 + 1 if s2 is not None else _first(lines, 0, t3 if t3 is not None else total, lambda n: n.startswith("第二十条第"))
    t4 = s4 + 1 if s4 is not None else (
        _first(lines, t3 or 0, total, lambda n: n.startswith("行政复议")) if t3 is not None else None
    )
    regions: dict[str, tuple[int, int]] = {}

    def end_of(start: int, *candidates: int | None) -> int:
        later = [c for c in candidates if c is not None and c > start]
        return min(later) if later else total

    # A table ends at the next heading of any section (or where the next table starts).
    headings = sorted({s.line for s in sections})
    if t2 is not None:
        regions["table2"] = (t2, end_of(t2, t3 and t3 - (1 if s3 is not None else 0), *headings))
    if t3 is not None:
        regions["table3"] = (t3, end_of(t3, t4 and (t4 - 1 if s4 is not None else t4), *headings))
    if t4 is not None:
        regions["table4"] = (t4, end_of(t4, *headings))
    return regions
