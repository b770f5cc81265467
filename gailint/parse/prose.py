"""Running text: clauses, the counts they state, and passages written twice.

Pure functions over ``report.prose_lines()`` (or any lines): rules compare what is
found here with the tables, so no rule re-reads the prose with its own regexes.
A count is taken only where the clause plainly says what is counted
(“全年共受理群众政府信息公开申请11件”, “共有两名申请人提出政府信息公开申请”), never
from a bare number (“全年共受理147件” after “领导信箱留言” is not an application count).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from typing import Literal

from gailint.frozen import frozen
from gailint.model import Line, Span
from gailint.parse.dates import year_mentions
from gailint.parse.numerals import CHINESE_NUMBER, to_int

Topic = Literal["application", "review", "litigation"]


@frozen
class Clause:
    """A stretch of one line between punctuation marks."""

    text: str
    span: Span
    line: int  # 0-based line number


@frozen
class CountStatement:
    """“政府信息公开申请11件”: what is counted, how many, and where the number is."""

    topic: Topic
    value: int
    span: Span  # the numeral as written (for a zero: the negation, 未收到)
    clause: Clause
    years: tuple[int, ...]  # years named in the clause (2023年)
    disclosure: bool  # the clause names 政府信息公开 / 依申请 (matters for 行政复议)


@frozen
class Repeat:
    """A passage written twice: ``span`` is the later copy, ``first`` the earlier."""

    span: Span
    first: Span
    chars: int  # non-whitespace characters of the later copy


# ------------------------------------------------------------------ clauses

_CLAUSE_RE = re.compile(r"[^。；;！？!?，,]+")
_SENTENCE_RE = re.compile(r"[^。；;！？!?]+[。；;！？!?]*")


def _split(lines: Iterable[Line], pattern: re.Pattern[str]) -> Iterator[Clause]:
    for line in lines:
        for m in pattern.finditer(line.text):
            text = m.group()
            lead = len(text) - len(text.lstrip())
            body = text.strip()
            if body:
                start = line.span.start + m.start() + lead
                yield Clause(body, Span(start, start + len(body)), line.number)


def clauses(lines: Iterable[Line]) -> Iterator[Clause]:
    """Comma-level pieces: the unit a count statement must fit in."""
    return _split(lines, _CLAUSE_RE)


def sentences(lines: Iterable[Line]) -> Iterator[Clause]:
    """Sentences, each with its closing mark (。；！？)."""
    return _split(lines, _SENTENCE_RE)


# ------------------------------------------------------------------ counts

# Every pattern below is linear by construction: repetitions are possessive (*+, ++)
# or atomic (?>…), so a run of spaces, digits or 共计 is read once and never re-split
# (“行政复议” + “共计”×24 took seconds, doubling per repetition, when the gap could be
# split as 共计 or 共+计). Possessive is exact here: what follows a run never starts
# with a character of the run.
_TOPICS = r"政府信息公开申请|信息公开申请|公开申请|依申请公开|行政复议|行政诉讼"
_CN = CHINESE_NUMBER.removesuffix("+")  # one numeral character
# A numeral is read from its first character only (not again from each later one).
_NUM = rf"(?P<num>(?<![\d.])\d++(?![\d.])|(?<!{_CN}){_CN}++)"
_UNIT = r"\s*+(?:件|宗|起|份|例)"
# "收到政府信息公开申请3条": applications counted in 条 — only after a word for
# applications, since "依申请公开信息数16条" counts documents.
_UNIT_TIAO_RE = re.compile(rf"(?P<topic>政府信息公开申请|信息公开申请|公开申请)(?:共计|共|为|达|有|计|\s){{0,3}}{_NUM}\s*+条")
# Only words that keep the number about the topic may stand between them; none starts
# with a numeral, so taking all of them before the number loses no match.
_GAP = r"(?>(?:\s|事项|案件|申请|数量|总数|件数|共计|合计|总计|共|为|达|有|是|的|计|政府信息|受理|收到|办理)*)"
_TOPIC_NUM_RE = re.compile(rf"(?P<topic>{_TOPICS}){_GAP}{_NUM}{_UNIT}")
_NUM_TOPIC_RE = re.compile(
    rf"{_NUM}{_UNIT}\s*+(?:的)?\s*+(?:群众|公民|社会公众|申请人)?\s*+(?:提出|提交)?\s*+(?:的)?\s*+(?P<topic>{_TOPICS})"
)
_APPLICANTS_RE = re.compile(rf"{_NUM}\s*+(?:名|位|个)\s*+申请人")
_ZERO_RE = re.compile(r"(?:未|没有)(?:发生|收到|接到|受理|出现|产生)")
_TOPIC_RE = re.compile(_TOPICS)
# A clause that compares, breaks down or accumulates is not this year's total; one about
# a wider scope (全县…, 各部门…) is not about the issuer's own table.
_NOT_A_TOTAL_RE = re.compile(
    r"其中|同比|较上|比上|上年|去年|上一年|增长|增加|减少|下降|%|％|率|累计|以来|历年|平均|结转|近[一二三四五两\d]+年|约"
    r"|全[县市区省州盟旗]|各(?:部门|乡镇|单位|街道)"
)
_DISCLOSURE_RE = re.compile(r"政府信息公开|信息公开|依申请")
# Between a negation and its topic: the topic is no longer what did not happen.
_NOT_THE_OBJECT_RE = re.compile(r"[因被对针关于涉]")


def _topic(word: str) -> Topic:
    if word == "行政复议":
        return "review"
    if word == "行政诉讼":
        return "litigation"
    return "application"


def _clause_counts(clause: Clause) -> list[CountStatement]:
    text = clause.text
    if _NOT_A_TOTAL_RE.search(text):
        return []
    years = tuple(int(m.group(1)) for m in year_mentions(text))
    disclosure = bool(_DISCLOSURE_RE.search(text))
    base = clause.span.start
    found: dict[int, CountStatement] = {}  # by the numeral's offset: one topic each

    def add(topic: Topic, value: int | None, start: int, end: int) -> None:
        if value is not None and start not in found:
            found[start] = CountStatement(topic, value, Span(base + start, base + end), clause, years, disclosure)

    # The topic before the number wins (行政复议1起、行政诉讼2起).
    for m in _TOPIC_NUM_RE.finditer(text):
        add(_topic(m.group("topic")), to_int(m.group("num")), m.start("num"), m.end("num"))
    for m in _NUM_TOPIC_RE.finditer(text):
        add(_topic(m.group("topic")), to_int(m.group("num")), m.start("num"), m.end("num"))
    for m in _UNIT_TIAO_RE.finditer(text):
        add("application", to_int(m.group("num")), m.start("num"), m.end("num"))
    topics = {_topic(m.group()) for m in _TOPIC_RE.finditer(text)}
    # “两名申请人提出政府信息公开申请”: applicants stand for applications only when
    # the clause gives no other application count.
    if "application" in topics and not any(s.topic == "application" for s in found.values()):
        for m in _APPLICANTS_RE.finditer(text):
            add("application", to_int(m.group("num")), m.start("num"), m.end("num"))
    zeros: list[CountStatement] = []
    if not found:
        # “本年度未收到政府信息公开申请” / “未发生行政复议、行政诉讼”: zero of each topic named after it.
        zero = _ZERO_RE.search(text)
        if zero is not None:
            span = Span(base + zero.start(), base + zero.end())
            # "未发生因政府信息公开申请被纠错的情况" says nothing of how many applications came.
            after = {
                _topic(m.group())
                for m in _TOPIC_RE.finditer(text, zero.end())
                if not _NOT_THE_OBJECT_RE.search(text, zero.end(), m.start())
                and not text.startswith("被", m.end())
            }
            zeros = [CountStatement(t, 0, span, clause, years, disclosure) for t in sorted(after)]
    return sorted([*found.values(), *zeros], key=lambda s: (s.span.start, s.topic))


# ------------------------------------------------------------------ breakdowns

# How the applications were handled (rows of table 三) and how reviews and suits
# ended (table 四), as the prose states them: “予以公开及部分公开258件”, “不予公开12件”,
# “行政复议3件，其中维持2件”. A category followed by 信息 counts documents
# (“不予公开信息数137条”), not applications, and is left alone.
Category = Literal[
    "disclosed", "partly", "disclosed-or-partly", "withheld", "unavailable", "not-processed", "other-processing",
    "upheld", "corrected", "pending",
]
_CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("disclosed-or-partly", r"予以公开(?:和|及|与|、|或)部分公开"),
    ("disclosed", r"予以公开"),
    ("partly", r"部分公开"),
    ("withheld", r"不予公开"),
    ("unavailable", r"无法提供"),
    ("not-processed", r"不予处理"),
    ("other-processing", r"其他处理"),
    ("upheld", r"(?:结果)?维持"),
    ("corrected", r"(?:结果)?纠正"),
    ("pending", r"尚未审结"),
)
_RESULTS = frozenset(("upheld", "corrected", "pending"))
_CATEGORY_RE = re.compile(
    "(?:" + "|".join(f"(?P<{name.replace('-', '_')}>{words})" for name, words in _CATEGORY_WORDS) + ")"
    + rf"(?:的|申请|共|为|计|有|[ \t]){{0,4}}?{_NUM}{_UNIT}"
)
_PARENT_RE = re.compile(r"行政复议|行政诉讼|申请")


@frozen
class BreakdownStatement:
    """“不予公开12件”: a category of handling or result, how many, and of what."""

    category: Category
    value: int
    span: Span  # the numeral
    clause: Clause  # the sentence it stands in
    parent: Topic  # what the category divides: applications, reviews or suits
    years: tuple[int, ...]


def breakdown_statements(lines: Iterable[Line]) -> list[BreakdownStatement]:
    """Counts of handling categories and of review and suit results in the prose."""
    out: list[BreakdownStatement] = []
    for sentence in sentences(ln for ln in lines if _CATEGORY_HINT_RE.search(ln.text)):
        text = sentence.text
        if not _CATEGORY_HINT_RE.search(text):
            continue
        years = tuple(int(m.group(1)) for m in year_mentions(text))
        for m in _CATEGORY_RE.finditer(text):
            category = next(name for name, _ in _CATEGORY_WORDS if m.group(name.replace("-", "_")))
            value = to_int(m.group("num"))
            if value is None or text.startswith("信息", m.end(category.replace("-", "_"))):
                continue
            # The topic a category divides: the last one named before it in the sentence.
            before = [p.group() for p in _PARENT_RE.finditer(text, 0, m.start())]
            parent: Topic = _topic(before[-1]) if before else "application"
            if category in _RESULTS and parent == "application":
                continue  # 维持/纠正 with no review or suit named: some other matter
            if category not in _RESULTS and parent != "application":
                continue
            start = sentence.span.start + m.start("num")
            out.append(
                BreakdownStatement(category, value, Span(start, start + len(m.group("num"))), sentence, parent, years)  # type: ignore[arg-type]
            )
    return out


# The words every category must contain (each alternative of _CATEGORY_RE holds one):
# a sentence without any cannot match, and most sentences of a report say 公开.
_CATEGORY_HINT_RE = re.compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|维持|纠正|尚未审结")


def count_statements(lines: Iterable[Line]) -> list[CountStatement]:
    """Counts of applications, 行政复议 and 行政诉讼 stated in the prose."""
    out: list[CountStatement] = []
    # Split only the lines that name a topic at all: most lines don't.
    for clause in clauses(ln for ln in lines if _TOPIC_RE.search(ln.text)):
        if _TOPIC_RE.search(clause.text):
            out.extend(_clause_counts(clause))
    return out


# ------------------------------------------------------------------ repeats

# Full-width letters and digits to ASCII, length-preserving (the NFKC that matters here).
_WIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))}
)
_FULL_WIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# Copies of one passage differ in their enumeration markers (一是… / 1、…): blank them out.
# A marker opens the line or follows a stop. Two patterns, one for each: the stop is
# matched, not looked behind for, so the scan jumps from stop to stop (a lookbehind, or
# an alternative with ^, is tried at every character). Group 1 is what is blanked.
_MARKER = r"(\s*(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]))"
_OPENING_MARKER_RE = re.compile(_MARKER)
_MARKER_AFTER_STOP_RE = re.compile(r"[。；;：:，,！？!?]" + _MARKER)
_WORDS_RE = re.compile(r"[^\W_]+")
_STOP_RE = re.compile(r"[。；;！？!?]+")
# Runs of letters and digits, and runs of stops: what a line keeps (joined, the line
# without its spaces and punctuation). Picking the runs out is faster than deleting
# the rest, a match tried at every character.
_KEPT_RE = re.compile(r"[^\W_]+|[。；;！？!?]+")


def _blank_markers(text: str) -> str:
    """``text`` with its enumeration markers replaced by as many spaces."""
    parts: list[str] = []
    pos = 0
    first = _OPENING_MARKER_RE.match(text)
    for m in ([first] if first else []) + list(_MARKER_AFTER_STOP_RE.finditer(text, first.end() if first else 0)):
        a, b = m.span(1)
        parts += (text[pos:a], " " * (b - a))
        pos = b
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


_SAMPLE = 4
_DIGITS_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")


def _extend(content: str, i: int, j: int, length: int) -> int:
    """How far the copy at ``i`` of the passage at ``j`` (j < i) runs on, starting from
    ``length``; compared 64 characters at a time, then one by one (a long copied
    passage costs a few slice comparisons, not a Python step per character)."""
    n = len(content)
    step = 64
    while step:
        while i + length + step <= n and j + length + step <= i and (
            content[i + length : i + length + step] == content[j + length : j + length + step]
        ):
            length += step
        step //= 4
    return length


# Below this many letters, each sampled window is looked for with str.find (in C,
# over the text before it) instead of indexing every window: about a third faster
# for a report's prose, and quadratic, so not for a long one.
_FIND_MAX = 2500


def _earlier_copies(content: str, window: int) -> list[tuple[int, int]]:
    """(i, j) for every 4th window position i whose window occurs wholly before it,
    j its first occurrence. Looking up every 4th window is enough: a copy of
    ``window`` + 3 letters or more (every repeat that counts is longer) holds one,
    and the run is then walked back to where it starts."""
    n = len(content)
    if n <= _FIND_MAX:
        # The first occurrence lies wholly before i exactly when find() sees one there.
        find = content.find
        return [(i, j) for i in range(0, n - window + 1, _SAMPLE) if (j := find(content[i : i + window], 0, i)) >= 0]
    windows = [content[i : i + window] for i in range(n - window + 1)]
    # First occurrence of every window, built in C: dict() keeps the last value
    # for a repeated key, so feed it the windows back to front.
    first = dict(zip(reversed(windows), range(len(windows) - 1, -1, -1)))
    return [(i, first[windows[i]]) for i in range(0, len(windows), _SAMPLE) if first[windows[i]] + window <= i]


def repeated_passages(
    lines: Iterable[Line], source: str, *, min_chars: int = 40, min_sentence: int = 20, window: int = 12
) -> list[Repeat]:
    """Passages written twice in ``lines``.

    Copies are compared on their letters and digits only (punctuation, spaces and
    enumeration markers such as 一是/1、 ignored). A repeat counts when the later copy
    has ``min_chars`` non-whitespace characters, or when it is a whole sentence of at
    least ``min_sentence`` letters. Every 4th ``window``-letter stretch is looked up
    (see _earlier_copies: linear for long prose), and a match is extended only along
    the copy.
    """
    window = max(4, min(window, min_sentence))  # a whole sentence must span a window
    pieces: list[str] = []
    line_starts: list[int] = []  # content offset where each line's letters begin
    line_texts: list[tuple[int, str]] = []  # (original offset, marker-blanked text)
    whole: list[tuple[int, int]] = []  # content ranges of sentences long enough to count alone
    size = 0
    # A paragraph repeated word for word (numbers aside) is found by one dict lookup
    # and left out of the window search below, so pasted paragraphs cost no more than
    # reading them, even in a 1 MB report.
    seen_lines: dict[str, Span] = {}
    line_repeats: list[Repeat] = []
    for line in lines:
        text = line.text
        if _FULL_WIDTH_RE.search(text):  # (rare: translating every line cost more than the rest)
            text = text.translate(_WIDTH)
        text = _blank_markers(text)
        # The letters of each sentence, in one pass: the line's letters with its stops
        # kept, cut at the stops; joined up they are the line's letters.
        sentences = _STOP_RE.split("".join(_KEPT_RE.findall(text)))
        letters = "".join(sentences)
        if len(letters) >= min_sentence:
            # Numbers masked: a pasted paragraph whose counts were changed is still a copy.
            key = _DIGITS_RE.sub("", letters)
            if len(key) >= min_sentence:
                span = _trimmed(line)
                earlier = seen_lines.setdefault(key, span)
                if earlier is not span:
                    chars = len(_SPACE_RE.sub("", source[span.start : span.end]))
                    line_repeats.append(Repeat(span, earlier, chars))
                    continue
            at = size
            for sentence in sentences:
                if len(sentence) >= min_sentence:
                    whole.append((at, at + len(sentence)))
                at += len(sentence)
        line_starts.append(size)
        line_texts.append((line.span.start, text))
        pieces.append(letters)
        size += len(letters)
    content = "".join(pieces)

    # Per line, where each run of letters starts in the line and how many letters come
    # before it: built once for a line that holds a repeat (a page scraped onto one
    # line holds hundreds), then every offset is a binary search.
    letter_maps: dict[int, tuple[list[int], list[int]]] = {}

    def original(c: int) -> int:
        k = bisect.bisect_right(line_starts, c) - 1
        base, text = line_texts[k]
        runs = letter_maps.get(k)
        if runs is None:
            starts: list[int] = []
            before: list[int] = []
            count = 0
            for m in _WORDS_RE.finditer(text):
                starts.append(m.start())
                before.append(count)
                count += m.end() - m.start()
            before.append(count)
            runs = letter_maps[k] = (starts, before)
        starts, before = runs
        left = c - line_starts[k]
        r = bisect.bisect_right(before, left, 0, len(starts)) - 1
        if r < 0 or left >= before[-1]:
            return base + len(text)
        return base + starts[r] + left - before[r]

    runs: list[tuple[int, int, int]] = []  # (later, earlier, length)
    done = 0  # end of the last run found
    for i, j in _earlier_copies(content, window):
        if i < done:
            continue  # inside a run already found
        while i > done and j > 0 and content[i - 1] == content[j - 1]:
            i, j = i - 1, j - 1
        length = _extend(content, i, j, window)
        runs.append((i, j, length))
        done = i + length
    # Join runs split by a short rewording (…工作。二是严格… / …工作，严格…).
    merged: list[list[int]] = []  # [later start, later end, earlier start, earlier end]
    for i, j, length in runs:
        if merged:
            last = merged[-1]
            if 0 <= i - last[1] <= 10 and 0 <= j - last[3] <= 10 and j + length <= last[0]:
                last[1], last[3] = i + length, j + length
                continue
        merged.append([i, i + length, j, j + length])
    out: list[Repeat] = []
    for i, iend, j, jend in merged:
        start, end = original(i), original(iend - 1) + 1
        chars = len(_SPACE_RE.sub("", source[start:end]))
        k = bisect.bisect_left(whole, (i, -1))
        covers = k < len(whole) and whole[k][1] <= iend
        if chars >= min_chars or covers:
            out.append(Repeat(Span(start, end), Span(original(j), original(jend - 1) + 1), chars))
    if line_repeats:
        out = sorted(out + line_repeats, key=lambda r: r.span.start)
    return out


def _trimmed(line: Line) -> Span:
    """The line's span without the spaces around its text."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    return Span(line.span.start + lead, line.span.start + len(text.rstrip()))
