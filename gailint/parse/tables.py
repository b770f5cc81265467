"""Tables 二, 三 and 四, located by their labels, never by column position.

Lines of a table region become tokens (labels, values, blank cells; see
:mod:`gailint.parse.cells`). Text that runs labels together — a table scraped onto one
line, ``申请人情况自然人法人或其他组织总计……`` — is cut at the template's own phrases
first. Each row label opens a row; the values after it are its cells. Where a row's
digits ran together (``一、本年新收政府信息公开申请数量2000002``) they are read with the
table's arithmetic (:mod:`gailint.parse.split`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from gailint.model import Cell, Label, Line, Row, Section, Span, Split, Table
from gailint.parse import split as _split
from gailint.parse.cells import NA_VALUES, Token, TokenKind, make_token, parse_number, tokenize_line
from gailint.parse.normalize import CACHED_LENGTH, norm, norm_map, norm_rel
from gailint.template import (
    FEE_LABEL_VARIANTS,
    OLD_2019_EXACT_ROW,
    T3_CARRIED,
    T3_NEW,
    T3_NEXT,
    T3_RESULTS,
    T3_TOTAL,
    TABLE2_2019_GROUPS,
    TABLE2_2019_ROWS,
    TABLE2_2019_WIDTH,
    TABLE2_GROUPS,
    TABLE2_ROWS,
    TABLE2_WIDTH,
    TABLE3_COLUMNS,
    TABLE3_GROUPS,
    TABLE3_NOTE,
    TABLE3_ROWS,
    TABLE4_COLUMNS,
    TABLE4_SIZE,
)

# Markers that open a row label: （一） 一、 1.  (after normalisation).
_MARKER_RE = re.compile(r"\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|(?<!\d)\d{1,2}\.(?!\d)")
_LEADING_MARKER_RE = re.compile(r"^(?:\([一二三四五六七八九十]\)|[一二三四五六七八九十]、|\d{1,2}\.)")
_DIGITS_RE = re.compile(r"^[\d.,]+$")
# From a run's first character only, possessively: a long run of digits followed by
# a word is read once, not from each of its digits.
_TRAILING_DIGITS_RE = re.compile(r"(?<![\d.,])[\d.,]++$")


# Longer texts are never similar enough to a template label (at most about 40
# characters) for the fuzzy matchers, whose caches must not keep them either.
_FUZZY_MAX = 160


def _core(label_norm: str) -> str:
    return _LEADING_MARKER_RE.sub("", label_norm)


_T3_KEYS = tuple(norm(label) for label, _ in TABLE3_ROWS)
_T3_CORES = tuple(_core(k) for k in _T3_KEYS)
_T3_CORE_SETS = tuple(frozenset(c) for c in _T3_CORES)
_T3_GROUP_KEYS = frozenset(norm(g) for g in TABLE3_GROUPS)


def is_prose_text(text: str) -> bool:
    """A line of a table region that is a sentence (an explanation, not cells)."""
    if "\t" in text or "|" in text:
        return False
    if "。" in text or "；" in text:
        return True
    return len(text) > 80 and not any(ch.isdigit() for ch in text)


# ---------------------------------------------------------------- tokens


class _Vocabulary:
    """The template's phrases of one table, to cut text that runs them together."""

    def __init__(self, phrases: Iterable[str], short: Iterable[str] = ()) -> None:
        # Two-letter words (其他, 总计) would cut longer labels apart; they come out as
        # the gaps between longer phrases anyway. Listed short ones are kept.
        keep = {norm(p) for p in phrases if len(norm(p)) >= 3} | {norm(p) for p in short}
        ordered = sorted(keep, key=len, reverse=True)
        self.exact = frozenset(ordered)
        self.pattern = re.compile("|".join(re.escape(p) for p in ordered))

    def cut(self, tok: Token) -> list[Token]:
        # (Not cached here: the reading of the whole line that calls it is.)
        text = tok.text
        pieces = self._pieces(text)
        if pieces is None:
            return [tok]
        start, line = tok.start, tok.line
        return [make_token(("text", text[a:b], start + a, start + b, line)) for a, b in pieces]

    def _pieces(self, text: str) -> tuple[tuple[int, int], ...] | None:
        """Where ``text`` is cut (bounds relative to it), or None to keep it whole."""
        n, offsets = norm_rel(text)
        if len(n) < 4 or n in self.exact:
            return None
        bounds: list[tuple[int, int]] = []
        pos = 0
        for m in self.pattern.finditer(n):
            if m.start() > pos:
                bounds.append((pos, m.start()))
            bounds.append((m.start(), m.end()))
            pos = m.end()
        if len(bounds) <= 1 and pos == len(n):
            return None
        if pos < len(n):
            bounds.append((pos, len(n)))
        if len(bounds) <= 1:
            return None
        return tuple((offsets[a], offsets[b - 1] + 1) for a, b in bounds)


RelativeToken = tuple[TokenKind, str, int, int]  # kind, text, start and end in the line


class _LineTokens(NamedTuple):
    """What a table line holds, worked out from its text alone."""

    prose: bool  # a sentence, no cells (is_prose_text)
    tokens: tuple[RelativeToken, ...]  # cut by the table's vocabulary, placed in the line
    short: tuple[int, ...]  # which tokens are short labels (see _join_broken_labels)


def _line_tokens(text: str, vocabulary: _Vocabulary | None) -> _LineTokens:
    if is_prose_text(text):
        return _LineTokens(True, (), ())
    out: list[RelativeToken] = []
    for tok in tokenize_line(text, 0, 0):
        for t in vocabulary.cut(tok) if tok.kind == "text" and vocabulary is not None else (tok,):
            out.append((t.kind, t.text, t.start, t.end))
    short = tuple(k for k, (kind, t, _, _) in enumerate(out) if kind == "text" and 0 < len(t) <= 2 and not t.isdigit())
    return _LineTokens(False, tuple(out), short)


# Table lines repeat from report to report (labels, rows of zeros, a count alone on
# its line): nearly every line of a repository's tables is read once.
_line_tokens_cached = lru_cache(maxsize=8192)(_line_tokens)


def _tokens(lines: Sequence[Line], vocabulary: _Vocabulary | None = None) -> list[Token]:
    out: list[Token] = []
    short: list[int] = []  # indices of the short text tokens in ``out``
    for line in lines:
        text = line.text
        if not text or line.kind == "furniture":
            continue  # an empty line only separates cells; a page number is no cell
        s, n = line.span.start, line.number
        found = _line_tokens_cached(text, vocabulary) if len(text) <= CACHED_LENGTH else _line_tokens(text, vocabulary)
        if found.prose:
            # A sentence ends whatever row was open: a marker token does that.
            out.append(make_token(("text", "", s, line.span.end, n)))
            continue
        if found.short:
            short.extend([len(out) + k for k in found.short])
        out.extend([make_token((kind, t, s + a, s + b, n)) for kind, t, a, b in found.tokens])
    return _join_broken_labels(out, short)


def _join_broken_labels(tokens: list[Token], short: list[int]) -> list[Token]:
    """A label spread one character a line (a narrow PDF column: 申 / 请 / 人 / 情 /
    况) is one token again: runs of lines holding one or two characters alone.
    ``short``: the indices of the text tokens of one or two characters (not digits)."""
    if not any(b == a + 1 for a, b in zip(short, short[1:])):
        return tokens  # no two short labels in a row: nothing to join (most tables)
    per_line = Counter(tok.line for tok in tokens)
    flags = [False] * len(tokens)
    for k in short:
        flags[k] = per_line[tokens[k].line] == 1
    if not any(a and b for a, b in zip(flags, flags[1:])):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and flags[j] and flags[j + 1] and tokens[j + 1].line == tokens[j].line + 1:
            j += 1
        if j > i:
            first, last = tokens[i], tokens[j]
            # Line breaks stand between the characters, so offsets into the text hold.
            parts = [first.text]
            for prev, tok in zip(tokens[i:j], tokens[i + 1 : j + 1]):
                parts.append("\n" * (tok.start - prev.end) + tok.text)
            out.append(Token("text", "".join(parts), first.start, last.end, last.line))
            i = j + 1
            continue
        out.append(tokens[i])
        i += 1
    return out


def _cell(tok: Token) -> Cell:
    text = tok.text
    span = Span(tok.start, tok.end)
    if text.isdecimal():  # a count: most cells (parse_number's own first case)
        return Cell(text, span, "number", int(text))
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
        return tuple(map(_cell, keep)), tuple(map(_cell, stray))
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
    return tuple(map(_cell, trimmed)), tuple(map(_cell, stray))


def _interior_blank(values: Sequence[Token]) -> bool:
    """A blank cell between two values (not a shifted edge of the row)."""
    kinds = [t.kind for t in values]
    if "value" not in kinds:
        return False
    first = kinds.index("value")
    last = len(kinds) - 1 - kinds[::-1].index("value")
    return "blank" in kinds[first:last] and sum(k == "value" for k in kinds) >= 7


@dataclass
class _Settled:
    """A row's cells, or the readings of its digit runs."""

    cells: tuple[Cell, ...]
    stray: tuple[Cell, ...]
    readings: tuple[_split.Reading, ...] = ()
    unread: Span | None = None
    runs: tuple[Token, ...] = ()  # the digit runs the readings cut

    def cells_of(self, k: int) -> tuple[Cell, ...]:
        """The cells of reading ``k``, each with the characters it was read from."""
        out = []
        for value, a, b in self.readings[k]:
            run = next(t for t in self.runs if t.start <= a < t.end)
            out.append(Cell(run.text[a - run.start : b - run.start], Span(a, b), "number", value, True))
        return tuple(out)


# A count written with more digits than this is cells run together, not one number
# (a city's 行政处罚 can pass a million; nobody's reaches a hundred million).
MAX_COUNT_DIGITS = 8


def _glued(values: Sequence[Token], label_end: int | None) -> bool:
    """Evidence that a row's digits ran together rather than a cell being lost: a
    number written with a leading zero ("00", "0011"), one too long for a count, or
    the digits glued to the label ("规章000")."""
    if any(t.kind == "blank" for t in values):
        return False  # the layout marks every cell, an empty one too
    for t in values:
        digits = t.text.lstrip("+-−")
        if len(digits) > 1 and digits[0] == "0" or len(digits) > _split.MAX_DIGITS:
            return True
    return label_end is not None and bool(values) and values[0].start == label_end


def _settle_row(
    values: Sequence[Token], expected: int, check: _split.Check | None, label_end: int | None = None
) -> _Settled:
    """Cells of a row; digit runs that ran together are read by splitting."""
    if len(values) == expected:
        # A row of plain counts, one a cell (most rows): what settle() would make of it,
        # built as the counts are checked (any other cell: the general path below).
        counts: list[Cell] = []
        for _, text, start, end, _ in values:
            if not text.isdecimal() or len(text) > MAX_COUNT_DIGITS:
                break
            counts.append(Cell(text, Span(start, end), "number", int(text)))
        else:
            return _Settled(tuple(counts), ())
    nonblank = [t for t in values if t.kind != "blank"]
    if (
        len(nonblank) >= expected
        or not nonblank
        or any(t.kind != "value" for t in nonblank)
        or not _glued(values, label_end)
    ):
        cells, stray = settle(values, expected)
        long = next((c for c in cells if c.kind == "number" and c.text.lstrip("+-−").isdigit() and len(c.text) > MAX_COUNT_DIGITS), None)
        if long is not None:
            return _Settled((), stray, (), long.span)
        return _Settled(cells, stray)
    chunks = [_split.Chunk(t.text, t.start) for t in nonblank]
    whole = Span(nonblank[0].start, nonblank[-1].end)
    digits = [_split._integer_part(t.text.lstrip("+-−")) for t in nonblank]
    if not all(d.isdigit() for d in digits):
        return _Settled(*settle(values, expected))
    if sum(map(len, digits)) < expected:
        if any(len(d) > 1 for d in digits):
            return _Settled((), (), (), whole)  # glued, yet too few digits for the row
        return _Settled(*settle(values, expected))
    found = _split.read_row(chunks, expected, check)
    if not found.readings:
        return _Settled((), (), (), whole)
    return _Settled((), tuple(_cell(t) for t in values if t.kind == "blank"), found.readings, None, tuple(nonblank))


def _values(reading: _split.Reading) -> tuple[int, ...]:
    return tuple(v for v, _, _ in reading)


# ---------------------------------------------------------------- table 三


_OTHER_GROUP = norm(TABLE3_GROUPS[-1])
# Where the 2019 format's one-row （六）其他处理 is kept: in place of its sub-rows 1.–3.
_T3_ONE_ROW = 20
_T3_VOCABULARY = _Vocabulary(
    [TABLE3_NOTE, "申请人情况", "法人或其他组织", *TABLE3_COLUMNS, *TABLE3_GROUPS, *(label for label, _ in TABLE3_ROWS)],
    short=(),
)


@dataclass
class _Match:
    index: int  # row index, or -1 for a group label
    label: Label | None
    trailing_digits: Span | None = None  # label glued to its numbers
    group: str | None = None


def _match_t3(tok: Token, after: int) -> _Match | None:
    text = tok.text
    found = _match_t3_cached(text, after) if len(text) <= CACHED_LENGTH else _match_t3_text(text, after)
    if found is None:
        return None
    i, group, a, b, exact = found
    if i < 0:
        return _Match(-1, None, group=group)
    span = Span(tok.start + a, tok.start + b)
    return _Match(i, Label(tok.text[a:b], span, TABLE3_ROWS[i][0], exact))


def _match_t3_text(text: str, after: int) -> tuple[int, str | None, int, int, bool] | None:
    """(row, group key, label start, label end, exact) for a label text, with the
    label's bounds relative to the text; row -1 for a group label."""
    n, offsets = norm_rel(text)
    if not n:
        return None
    marks = [m.start() for m in _MARKER_RE.finditer(n)]
    seg_start = marks[-1] if marks else 0
    seg = n[seg_start:]
    if seg in _T3_GROUP_KEYS:
        return (-1, seg, 0, 0, True)
    a, b = offsets[seg_start], offsets[seg_start + len(seg) - 1] + 1

    def found(i: int, exact: bool) -> tuple[int, str | None, int, int, bool]:
        return (i, None, a, b, exact)

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
    marker = _LEADING_MARKER_RE.match(seg)
    has_marker = bool(marker)
    if len(core) >= 4:
        # The first line of a label wrapped in a narrow column ("1.本机关不掌握相" /
        # "关政府信息"): the start of a template label, with the same number.
        for i in range(after + 1, len(_T3_CORES)):
            c = _T3_CORES[i]
            if c.startswith(core):
                want = _LEADING_MARKER_RE.match(_T3_KEYS[i])
                if marker is None or want is None or marker.group() == want.group():
                    return found(i, True)
    # Fuzzy: only for a marked label, or a very close one, among the rows still to come.
    if not has_marker and len(core) < 4:
        return None  # "总计" or "其他" alone is a column header, not a row
    if len(core) > _FUZZY_MAX:
        return None  # far longer than any label: no similarity can reach the threshold
    best_i = _fuzzy_row(core, after, 0.72 if has_marker else 0.88)
    return found(best_i, False) if best_i >= 0 else None


# Keyed by the label's text and the last row found: a report's labels are the
# template's, the same from report to report, so each is worked out once.
_match_t3_cached = lru_cache(maxsize=4096)(_match_t3_text)


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


@dataclass
class _RowDraft:
    index: int  # template row; -1 a group label; -2 values whose label was lost
    label: Label | None
    values: list[Token] = field(default_factory=list)
    numbers: int = 0  # value tokens appended while reading (parse_table3)
    last_number_line: int = -1


def _continued(prev: _RowDraft, tok: Token) -> Label | None:
    """The label of ``prev`` completed by ``tok``: a label wrapped around its values
    in PDF text (“5.要求行政机关确认或重新出” / values / “具已获取信息”), possibly after
    fragments of a neighbouring column on the same line (“理  开  规禁止公开”)."""
    label = prev.label
    if label is None:
        return None
    have, want = norm(label.text), norm(label.template)
    if not want.startswith(have) or len(have) >= len(want):
        return None
    rest = want[len(have) :]
    n, offsets = norm_map(tok.text, tok.start)
    if not n:
        return None
    if rest.startswith(n):
        start = 0
    else:
        # The longest tail of the token that starts the rest of the label (≥ 2 chars).
        # (Only tails no longer than the rest can start it: a long token is not
        # sliced at every character.)
        first = max(0, len(n) - len(rest))
        start = next((k for k in range(first, len(n) - 1) if len(n) - k >= 2 and rest.startswith(n[k:])), -1)
        if start < 0:
            return None
    piece = tok.text[offsets[start] - tok.start :]
    text = label.text + piece
    return Label(text, Span(label.span.start, tok.end), label.template, norm(text) == want or label.exact)


def _t3_identities() -> list[_split.Identity]:
    out: list[_split.Identity] = []
    for col in range(len(TABLE3_COLUMNS)):
        out.append(((T3_NEW, T3_CARRIED), (T3_TOTAL, T3_NEXT), col))
        out.append(((T3_TOTAL,), tuple(T3_RESULTS), col))
    return out


_T3_IDENTITIES = _t3_identities()


def _numbers(d: _RowDraft) -> bool:
    return any(t.kind == "value" for t in d.values)


def _deferred(drafts: list[_RowDraft]) -> None:
    """Labels first, numbers after (PDF text read column by column): a run of labels
    without numbers, a last label that took the first line of numbers, then as many
    lines of numbers as there were bare labels. The numbers go to the labels in order."""
    i = 0
    while i < len(drafts):
        j = i
        while j < len(drafts) and drafts[j].index >= 0 and not _numbers(drafts[j]):
            j += 1
        if i < j < len(drafts) and drafts[j].index >= 0:
            k = j + 1
            while k < len(drafts) and drafts[k].index == -2:
                k += 1
            orphans = drafts[j + 1 : k]
            if len(orphans) == j - i:
                lines = [drafts[j].values] + [o.values for o in orphans]
                for d, values in zip(drafts[i : j + 1], lines):
                    d.values = values
                for o in orphans:
                    o.values = []
                i = k
                continue
        i = max(j, i + 1)


def _place_orphans(drafts: list[_RowDraft]) -> None:
    """Rows whose label was lost (a converter dropped it at a page break) take the
    first template row missing between their neighbours, in text order.

    One pass, with the neighbours kept as it goes (a thousand label-less lines of
    numbers are not each compared with every other row)."""
    n = len(drafts)
    later_min = [len(TABLE3_ROWS)] * (n + 1)  # smallest row index after each draft
    next_row: list[_RowDraft | None] = [None] * (n + 1)  # the next draft that is no orphan
    for k in range(n - 1, -1, -1):
        d = drafts[k]
        later_min[k] = min(later_min[k + 1], d.index) if d.index >= 0 else later_min[k + 1]
        next_row[k] = d if d.index != -2 else next_row[k + 1]
    taken = {d.index for d in drafts if d.index >= 0}
    before = -1  # the largest row index before the current draft
    for k, d in enumerate(drafts):
        if d.index == -2:
            gap = [i for i in range(before + 1, later_min[k + 1]) if i not in taken]
            if gap and d.values:
                start = d.values[0].start
                d.index = gap[0]
                d.label = Label("", Span(start, start), TABLE3_ROWS[gap[0]][0], False)
                taken.add(d.index)
            else:
                # No row missing here: the values stood above their own label (a converter
                # centred a tall label cell below its numbers), which has none of its own.
                nxt = next_row[k + 1]
                if nxt is not None and nxt.index >= 0 and not nxt.values:
                    nxt.values, d.values = d.values, []
        if d.index >= 0:
            before = max(before, d.index)


def parse_table3(lines: Sequence[Line]) -> Table | None:
    tokens = _tokens(lines, _T3_VOCABULARY)
    drafts: list[_RowDraft] = []
    other_groups: list[_RowDraft] = []  # （六）其他处理 labels, to see if they carry numbers
    current: _RowDraft | None = None
    last_row: _RowDraft | None = None
    after = -1  # the last template row found so far (kept, not recomputed per token)
    head: list[Token] = []  # the note and the column headers, before the first row
    for tok in tokens:
        kind, text, start, _, line = tok  # (unpacked once: read many times below)
        if not drafts and text and (kind == "text" or (head and head[-1].end == start)):
            # "数据1": a header with a digit in it is one header, not a header and a value.
            if head and head[-1].end == start and kind == "value":
                prev = head[-1]
                head[-1] = Token("text", prev.text + text, prev.start, tok.end, line)
                continue
            if kind == "text" and _match_t3(tok, -1) is None:
                head.append(tok)
                continue
        if kind == "text":
            longer = _continued(last_row, tok) if last_row is not None and text else None
            if longer is not None:
                last_row.label = longer  # type: ignore[union-attr]
                continue
            m = _match_t3(tok, after) if text else None
            if m is None and text and current is not None and not current.values:
                # A fragment of a group label beside a wrapped row label in PDF text
                # ("2.没有现成信息需" / "无法提  0 0 0…"): the values still follow.
                continue
            current = None
            if m and m.label is None and m.group == _OTHER_GROUP:
                group_draft = _RowDraft(-1, Label(text, tok.span, TABLE3_GROUPS[-1], True))
                other_groups.append(group_draft)
                current = group_draft
                continue
            if m and m.label is not None:
                current = last_row = _RowDraft(m.index, m.label)
                drafts.append(current)
                after = max(after, m.index)
            continue
        if current is not None and kind == "value":
            if current.numbers >= 7 and line != current.last_number_line:
                current = None  # a second line of numbers: not this row's
        if current is None:
            if kind != "value" or not drafts:
                continue
            # Values with no label before them: a row whose label was lost.
            current = _RowDraft(-2, None)
            drafts.append(current)
        current.values.append(tok)
        if kind == "value":
            current.numbers += 1
            current.last_number_line = line
    if not any(d.index >= 0 for d in drafts):
        return None
    _deferred(drafts)
    _place_orphans(drafts)
    drafts = [d for d in drafts if d.index >= 0]
    # The 2019 format: （六）其他处理 carries its own numbers, with no sub-rows 1.–3.
    # It is read as the row in their place (index 20), and the table is marked 2019.
    one_row = next(
        (
            g
            for g in other_groups
            if g.label is not None
            and any(t.kind == "value" for t in g.values)
            and not any(d.index in (20, 21, 22) for d in drafts)
        ),
        None,
    )
    old: tuple[Span, ...] = ()
    if one_row is not None:
        assert one_row.label is not None
        old = (one_row.label.span,)
        one_row.index = _T3_ONE_ROW
        drafts.append(one_row)
    settled: dict[int, tuple[_RowDraft, _Settled]] = {}
    notes: list[str] = []
    for d in drafts:
        assert d.label is not None
        if d.index in settled:
            notes.append(f"表三第 {d.index + 1} 行“{d.label.text}”重复出现，取第一次")
            continue
        s = _settle_row(d.values, 7, _split.row_total, d.label.span.end)
        if _interior_blank(d.values):
            notes.append(f"表三第 {d.index + 1} 行“{d.label.text}”带有多余的空白单元格，已忽略")
        settled[d.index] = (d, s)
    split = _choose(settled, one_row is not None)
    rows: list[Row | None] = []
    for i in range(len(TABLE3_ROWS)):
        if i not in settled:
            rows.append(None)
            continue
        d, s = settled[i]
        assert d.label is not None
        if s.readings:
            pick = split[1].get(i, 0)
            rows.append(Row(i, d.label, s.cells_of(pick), s.stray, 7, None, tuple(map(_values, s.readings))))
        else:
            rows.append(Row(i, d.label, s.cells, s.stray, 7, s.unread))
    unread = tuple(r.unread for r in rows if r is not None and r.unread is not None)
    span = Span(lines[0].span.start, lines[-1].span.end)
    template = "2019" if one_row is not None else "2021"
    note, headers = _t3_head(head)
    return Table("table3", span, tuple(rows), headers, tuple(notes), unread, old, split[0], template, note)


_T3_HEADER_WORDS = ("申请人情况", "法人或其他组织", *TABLE3_COLUMNS)


def _join_split_headers(tokens: list[Token]) -> list[Token]:
    """A header split over two cells or lines ("商业" / "企业") is one header."""
    out: list[Token] = []
    for tok in tokens:
        if out:
            prev = out[-1]
            joined = norm(prev.text + tok.text)
            if joined in _T3_HEADER_KEYS and norm(prev.text) not in _T3_HEADER_KEYS:
                # Whatever stood between the halves (spaces, line breaks) stays in the span.
                out[-1] = Token("text", prev.text + " " * (tok.start - prev.end) + tok.text, prev.start, tok.end, tok.line)
                continue
        out.append(tok)
    return out
_T3_HEADER_KEYS = {norm(w): w for w in _T3_HEADER_WORDS}
_NOTE_HINT_RE = re.compile(r"[勾钩]稽|本列数据")
# A head is the note and a dozen headers (two dozen when pasted twice). Words beyond
# the last _HEAD_WORDS before the first row are prose or debris run into the table:
# they are not each compared with every header (9,000 words took 1.7 s).
_HEAD_WORDS = 64
_LONGEST_HEADER = max(len(w) for w in _T3_HEADER_WORDS)


@lru_cache(maxsize=1024)
def _near_header(n: str) -> str:
    """The template header a word that is none stands for ("商业单位" → "商业企业"), or ""
    for a fragment of one a PDF table wrapped ("自然" / "人") or another word."""
    if len(n) > 2 * _LONGEST_HEADER:
        return ""  # longer than twice every header: near none of them
    best = max(_T3_HEADER_WORDS, key=lambda w: difflib.SequenceMatcher(None, n, norm(w)).ratio())
    close = difflib.SequenceMatcher(None, n, norm(best)).ratio() >= 0.5 and len(best) <= len(n) <= 2 * len(best)
    return best if close else ""


def _t3_head(tokens: list[Token]) -> tuple[Label | None, tuple[Label, ...]]:
    """Table 三's note (its 勾稽关系 sentence) and column headers, as written.

    A header that is no template word keeps an empty ``template`` ("数据1" from a
    converter); a near miss ("商业单位") carries the word it stands for.
    """
    note: Label | None = None
    headers: list[Label] = []
    words: list[Token] = []
    for tok in tokens:
        # "其他 总计": short headers the template phrases did not cut apart.
        if " " in tok.text.strip() and norm(tok.text) not in _T3_HEADER_KEYS and not _NOTE_HINT_RE.search(tok.text):
            words.extend(Token("text", m.group(), tok.start + m.start(), tok.start + m.end(), tok.line) for m in re.finditer(r"\S+", tok.text))
        else:
            words.append(tok)
    tokens = _join_split_headers(words)
    first_header = len(tokens) - _HEAD_WORDS
    for k, tok in enumerate(tokens):
        n = norm(tok.text)
        if not n:
            continue
        if _NOTE_HINT_RE.search(n):
            if note is None:
                note = Label(tok.text, tok.span, TABLE3_NOTE, n == norm(TABLE3_NOTE))
            continue
        if k < first_header:
            continue
        if n in _T3_HEADER_KEYS:
            headers.append(Label(tok.text, tok.span, _T3_HEADER_KEYS[n], True))
            continue
        headers.append(Label(tok.text, tok.span, _near_header(n), False))
    return note, tuple(headers)


def _choose(settled: dict[int, tuple[_RowDraft, _Settled]], one_row: bool) -> tuple[Split | None, dict[int, int]]:
    """The joint reading of the rows read by splitting (see split.choose_joint)."""
    split_rows = [i for i, (_, s) in settled.items() if s.readings]
    if not split_rows:
        return None, {}
    # The one-row （六） stands for all three sub-rows: the other two add nothing.
    fixed: dict[int, tuple[int, ...]] = {i: (0,) * 7 for i in (21, 22)} if one_row else {}
    open_rows: dict[int, list[tuple[int, ...]]] = {}
    for i, (_, s) in settled.items():
        if s.readings:
            values = [_values(r) for r in s.readings]
            if len(values) == 1:
                fixed[i] = values[0]
            else:
                open_rows[i] = values
        elif len(s.cells) >= 7 and all(c.arith is not None for c in s.cells[:7]):
            fixed[i] = tuple(int(c.arith) for c in s.cells[:7])  # type: ignore[arg-type]
    choice, best, exhaustive = _split.choose_joint(fixed, open_rows, _T3_IDENTITIES)
    return Split(tuple(sorted(split_rows)), best, exhaustive), choice


# ---------------------------------------------------------------- table 二

_T2_2019_ONLY = frozenset(
    norm(p)
    for p in ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "第二十条第（九）项", "政府集中采购", "采购项目数量", "采购总金额")
)
_T2_VOCABULARY = _Vocabulary(
    [
        *(g[0] for g in TABLE2_GROUPS + TABLE2_2019_GROUPS),
        *(h for g in TABLE2_GROUPS + TABLE2_2019_GROUPS for h in g[1]),
        *TABLE2_ROWS,
        *TABLE2_2019_ROWS,
        *FEE_LABEL_VARIANTS,
    ],
    short=("规章",),
)


@dataclass(frozen=True)
class _Table2Template:
    year: str
    groups: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    rows: tuple[str, ...]
    width: dict[str, int]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(norm(r) for r in self.rows)

    def group_of(self, index: int) -> int:
        row = self.rows[index]
        return next(g for g, (_, _, rows) in enumerate(self.groups) if row in rows)


_T2_2021 = _Table2Template("2021", TABLE2_GROUPS, TABLE2_ROWS, TABLE2_WIDTH)
_T2_2019 = _Table2Template("2019", TABLE2_2019_GROUPS, TABLE2_2019_ROWS, TABLE2_2019_WIDTH)


def _match_t2(n: str, template: _Table2Template) -> tuple[int, bool, int] | None:
    """(row index, exact, length of the label in n) for a normalised token."""
    keys = template.keys
    for i, key in enumerate(keys):
        if n == key:
            return i, True, len(n)
    for i, key in enumerate(keys):
        if n.startswith(key) and _DIGITS_RE.match(n[len(key) :]):
            return i, True, len(key)
    if template.year == "2021" and _TRAILING_DIGITS_RE.sub("", n) == OLD_2019_EXACT_ROW:
        # The 2019 row label left in a 2021 table: the row is 行政规范性文件 (GAI201).
        return TABLE2_ROWS.index("行政规范性文件"), False, len(OLD_2019_EXACT_ROW)
    if len(n) < 3 or len(n) > _FUZZY_MAX:
        return None
    best_i = _fuzzy_t2(n, template.year)
    return (best_i, False, len(n)) if best_i >= 0 else None


@lru_cache(maxsize=4096)
def _fuzzy_t2(n: str, year: str) -> int:
    keys = (_T2_2019 if year == "2019" else _T2_2021).keys
    best, best_i = 0.0, -1
    for i, key in enumerate(keys):
        if 2 * min(len(n), len(key)) / (len(n) + len(key)) < 0.8:
            continue
        r = difflib.SequenceMatcher(None, n, key).ratio()
        if r > best:
            best, best_i = r, i
    return best_i if best >= 0.8 else -1


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
    tokens = _tokens(lines, _T2_VOCABULARY)
    is_2019 = any(t.kind == "text" and norm(t.text) in _T2_2019_ONLY for t in tokens)
    template = _T2_2019 if is_2019 else _T2_2021
    drafts: dict[int, _RowDraft] = {}
    headers: list[Label] = []
    pending: list[tuple[str, Span]] = []
    in_header = False
    current: _RowDraft | None = None
    glued_label: Span | None = None
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
            rest = tok.text[tok.text.index("内容") + 2 :] if "内容" in tok.text else ""
            pending = [w for w in _words(tok) if norm(w[0]) != "信息内容"] if rest.strip() else []
            continue
        m = _match_t2(n, template)
        if m is None:
            if in_header:
                # A template phrase stays whole ("本年新 制作数量"); other text splits at spaces.
                pending.extend([(tok.text, tok.span)] if n in _T2_VOCABULARY.exact else _words(tok))
            continue
        index, exact, length = m
        nn, offsets = norm_map(tok.text, tok.start)
        span = Span(offsets[0], offsets[length - 1] + 1)
        if length < len(nn) and glued_label is None:
            glued_label = Span(offsets[length], offsets[-1] + 1)
        label = Label(tok.text[span.start - tok.start : span.end - tok.start], span, template.rows[index], exact)
        if in_header:
            expected = template.groups[template.group_of(index)][1][1:]
            for (word, wspan), want in zip(pending, expected):
                h = _header_label(word, wspan, want)
                if h:
                    headers.append(h)
            in_header, pending = False, []
        if index in drafts:
            notes.append(f"表二“{label.text}”行重复出现，取第一次")
            continue
        if template.year == "2019" and norm(label.text) == OLD_2019_EXACT_ROW:
            old_rows.append(label.span)  # the row only the 2019 format has (§8)
        current = drafts[index] = _RowDraft(index, label)
    if not drafts:
        return None
    rows: list[Row | None] = []
    unread: list[Span] = []
    split_rows: list[int] = []
    if glued_label is not None:
        unread.append(glued_label)  # a number glued into a label: which cell is unknown
    for i, name in enumerate(template.rows):
        d = drafts.get(i)
        if d is None or d.label is None:
            rows.append(None)
            continue
        width = template.width[name]
        s = _settle_row(d.values, width, None, d.label.span.end)
        if s.readings and len(s.readings) == 1:
            split_rows.append(i)
            rows.append(Row(i, d.label, s.cells_of(0), s.stray, width, None, (_values(s.readings[0]),)))
            continue
        if s.readings or s.unread is not None:
            # Table 二 has no identities to choose a reading with: left unread.
            where = s.unread or Span(d.values[0].start, d.values[-1].end)
            unread.append(where)
            rows.append(Row(i, d.label, (), s.stray, width, where))
            continue
        rows.append(Row(i, d.label, s.cells, s.stray, width))
    span = Span(lines[0].span.start, lines[-1].span.end)
    split = Split(tuple(split_rows), 1, True) if split_rows else None
    return Table("table2", span, tuple(rows), tuple(headers), tuple(notes), tuple(unread), tuple(old_rows), split, template.year)  # type: ignore[arg-type]


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
    s = _settle_row(values, TABLE4_SIZE, _split.group_totals(len(TABLE4_COLUMNS)), label.span.end)
    notes = []
    split = None
    if s.readings:
        row = Row(0, label, s.cells_of(0), s.stray, TABLE4_SIZE, None, tuple(map(_values, s.readings)))
        split = Split((0,), len(s.readings), True)
    else:
        row = Row(0, label, s.cells, s.stray, TABLE4_SIZE, s.unread)
        if s.unread is None and len(s.cells) < TABLE4_SIZE:
            notes.append(f"表四只有 {len(s.cells)} 个数值，应有 {TABLE4_SIZE} 个")
    span = Span(lines[0].span.start, lines[-1].span.end)
    unread = (s.unread,) if s.unread is not None else ()
    return Table("table4", span, (row,), (), tuple(notes), unread, (), split)


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
