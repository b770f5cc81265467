"""Title, issuer and the six section headings."""

from __future__ import annotations

import re
from typing import NamedTuple

from gailint.model import IssuerKind, Line, Section, Span, Title
from gailint.parse.normalize import norm, strip_markup
from gailint.template import SECTION_VARIANTS, SECTIONS

_NUMERALS = "一二三四五六七八"  # reports with seven or eight parts exist; the template has six
_HEADING_NUM_RE = re.compile(r"^([一二三四五六七八])([、.,，:：])?")
_YEAR_RE = re.compile(r"((?:19|20)\d\s*\d)\s*年")
_TITLE_WORDS = ("年度报告",)
_MAX_HEADING = 40
# Every standard or variant heading holds one of these words: a cheap pre-filter.
_HEADING_HINT_RE = re.compile(r"情况|事项|问题|总体|措施|计划|举措|成效|打算|方向")
_STANDARD_CORES = tuple(norm(t[2:]) for t in SECTIONS)
_VARIANT_CORES = {n: tuple(norm(v[2:]) for v in vs) for n, vs in SECTION_VARIANTS.items()}


def _keyword_section(core: str) -> int | None:
    """The section a numbered heading is about, from its words."""
    if "总体情况" in core:
        return 1
    if "主动公开" in core and "情况" in core and "申请" not in core:
        return 2
    if "申请" in core and ("收到" in core or "处理" in core) and "情况" in core:
        return 3
    if ("行政复议" in core or "行政诉讼" in core) and "情况" in core:
        return 4
    if "问题" in core and ("改进" in core or "整改" in core or "存在" in core or "计划" in core):
        return 5
    if "其他" in core and ("报告" in core or "事项" in core):
        return 6
    return None


def classify_heading(core: str, separated: bool) -> tuple[int | None, str]:
    """(section number, wording) of a heading's normalised words after its numeral.

    ``separated``: the numeral was followed by 、 . ， or a space, so a heading worded
    differently is still recognised by its key words ("一是……" stays prose).
    """
    if core in _STANDARD_CORES:
        return _STANDARD_CORES.index(core) + 1, "standard"
    for k, cores in _VARIANT_CORES.items():
        if core in cores:
            return k, "variant"
    if separated and "。" not in core:
        return _keyword_section(core), "other"
    return None, "other"


# A numbered heading ends with one of these words (within _MAX_HEADING characters).
_SUFFIX_RE = re.compile(r"情况|事项|措施|问题|计划|举措|成效|打算|方向")
_HEADING_STOPS = frozenset("，,。；;：:（(《<“\"！？!?\t \u3000\u00a0\r\n0123456789０１２３４５６７８９")
_NUMERAL_SEPS = "、.．,，"
_NEXT_HEADING_RE = re.compile(f"[{_NUMERALS}][、.．]")


def heading_extent(text: str, pos: int) -> tuple[int, int | None, str, int] | None:
    """A numbered section heading whose numeral stands at ``text[pos]`` inside running
    text (a report scraped onto one line): (end offset, section number or None,
    wording, numeral). None when the words there are no heading.

    The heading runs to the last heading word (情况, 事项, 问题, 措施……) before the first
    punctuation, digit, space or next numbered heading: “五、存在的主要问题及改进措施（一）
    存在的……” ends at 措施, “三、收到和处理政府信息公开申请情况2024年，……” at 情况. When
    a template title (or a known variant) stands there whole, the heading ends with it:
    “六、其他需要报告的事项无其他需要报告的事项。” is the title, then the body.
    """
    numeral = text[pos]
    if numeral not in _NUMERALS:
        return None
    j = pos + 1
    separated = j < len(text) and text[j] in _NUMERAL_SEPS
    if separated:
        j += 1
    limit = min(len(text), j + _MAX_HEADING)
    stop = j
    while stop < limit and text[stop] not in _HEADING_STOPS:
        stop += 1
    # Another numbered heading glued on ("……的事项六、其他……") ends this one.
    glued = _NEXT_HEADING_RE.search(text, j, stop)
    if glued is not None:
        stop = glued.start()
    ends = [m.end() for m in _SUFFIX_RE.finditer(text, j, stop)]
    if not ends or ends[-1] - j < 2:
        return None
    # Words glued on after a complete template title (or a known variant) are what
    # follows the heading, not more of it: else fixing the heading's wording would
    # only pull the next glued words into it. Otherwise the last heading word ends it.
    known = [end for end in ends if end - j >= 2 and classify_heading(norm(text[j:end]), separated)[1] != "other"]
    best = known[-1] if known else ends[-1]
    core = norm(text[j:best])
    number, wording = classify_heading(core, separated)
    if number is None and not separated:
        return None  # "一是……情况": an enumeration in prose, not a heading
    return best, number, wording, (_NUMERALS).index(numeral) + 1


class Heading(NamedTuple):
    number: int  # 0: a numbered heading whose words name no section (placed by position)
    text: str
    span: Span
    numeral: int | None  # as written before the words
    wording: str  # standard / variant / other


_OTHER_HEADING_RE = re.compile(r"^[一二三四五六七八][、.,，][^。，,；;]{2,24}(?:情况|事项|措施|问题|计划|举措|成效|打算|方向)$")


_ARABIC_RE = re.compile(r"^\d{1,2}[.、)]")


def may_be_heading(text: str) -> bool:
    """heading_of()'s first test: a short line, no table row, naming a section word."""
    return len(text) <= 80 and "\t" not in text and "|" not in text and _HEADING_HINT_RE.search(text) is not None


def heading_of(line: Line, arabic: bool = False) -> Heading | None:
    """The section heading ``line`` holds, if it is one of the six (or a numbered
    heading in their place whose words name none of them: number 0).

    ``arabic``: also take "1. 总体情况", the six headings as a converter renumbered
    them (a Markdown list), by their words alone.
    """
    raw = line.text
    if not may_be_heading(raw):
        return None
    inner = strip_markup(raw.replace("\u00a0", " ").replace("\u3000", " "))
    n = norm(inner)
    if arabic and _ARABIC_RE.match(n):
        n = _ARABIC_RE.sub("", n)
        core = n.rstrip("。.:：")
        number, wording = classify_heading(core, False)
        if number is None or wording == "other":
            return None
        start = line.span.start + raw.index(inner[0])
        return Heading(number, inner, Span(start, start + len(inner)), None, wording)
    if not n or len(n) > _MAX_HEADING or n.startswith("("):
        return None
    m = _HEADING_NUM_RE.match(n)
    core = n[m.end() :] if m else n
    core = core.rstrip("。.:：")
    separated = m is not None and (m.group(2) is not None or inner[1:2].isspace())
    number, wording = classify_heading(core, separated)
    if number is None:
        if not _OTHER_HEADING_RE.match(n.rstrip("。.:：")):
            return None
        number = 0
    start = line.span.start + raw.index(inner[0])
    end = start + len(inner)
    # Keep the span on the original characters (NBSPs were only replaced above).
    numeral = (_NUMERALS).index(n[0]) + 1 if n[0] in _NUMERALS else None
    return Heading(number, line.text[start - line.span.start : end - line.span.start], Span(start, end), numeral, wording)


def _place_unnamed(found: list[tuple[Heading, int]]) -> list[tuple[Heading, int]]:
    """Numbered headings whose words name no section take the section their numeral
    and position leave free ("一、年度工作核心成效" before "二、主动公开……"); the others
    are sub-headings of the section above them and are dropped."""
    named = {h.number for h, _ in found if h.number}
    out: list[tuple[Heading, int]] = []
    for i, (h, ln) in enumerate(found):
        if h.number:
            out.append((h, ln))
            continue
        before = max((x.number for x, _ in out if x.number), default=0)
        after = min((x.number for x, _ in found[i + 1 :] if x.number), default=7)
        k = h.numeral or 0
        if before < k < after and k not in named and k <= 6:
            named.add(k)
            out.append((h._replace(number=k), ln))
    return out


def _headings(lines: tuple[Line, ...], skip: set[int], *, arabic: bool) -> list[tuple[Heading, int]]:
    # The test first, in one comprehension: most lines fail it, with no call of heading_of().
    return [
        (h, line.number)
        for line in lines
        if may_be_heading(line.text)
        and line.kind != "furniture"
        and line.number not in skip
        and (h := heading_of(line, arabic)) is not None
    ]


def find_sections(lines: tuple[Line, ...], text_len: int, skip: set[int]) -> list[Section]:
    found = _headings(lines, skip, arabic=False)
    if len({h.number for h, _ in found if h.number}) < 3:
        # No 一、…六、 headings: a converter may have renumbered them 1. 2. 3.
        arabic = _headings(lines, skip, arabic=True)
        if len({h.number for h, _ in arabic if h.number}) > len({h.number for h, _ in found if h.number}):
            found = arabic
    found = _place_unnamed(found)
    sections: list[Section] = []
    for i, (h, ln) in enumerate(found):
        body_start = lines[ln + 1].span.start if ln + 1 < len(lines) else text_len
        body_end = lines[found[i + 1][1]].span.start if i + 1 < len(found) else text_len
        sections.append(
            Section(
                number=h.number,
                heading=h.text,
                span=h.span,
                line=ln,
                body=Span(min(body_start, body_end), body_end),
                standard=SECTIONS[h.number - 1],
                numeral=h.numeral,
                wording=h.wording,  # type: ignore[arg-type]
            )
        )
    return sections


_CRAWLER_TITLE_RE = re.compile(r"^(?:标题|题目|文章标题|title)[ \t]*[:：][ \t]*", re.IGNORECASE)
_TITLE_HEAD_RE = re.compile(r"[，。；;！？!?]")


def _title_part(line: Line) -> tuple[str, int] | None:
    """The words of a title candidate line and their offset (a crawler's ``标题:``
    key stripped); None for a sentence, a breadcrumb or other furniture."""
    inner = strip_markup(line.text)
    m = _CRAWLER_TITLE_RE.match(inner)
    if m:
        inner = inner[m.end() :].strip()
    elif line.kind == "furniture":
        return None
    n = norm(inner)
    if not n or len(n) > 80 or n.startswith(("根据", ">")) or "当前位置" in n or ">" in n:
        return None  # a sentence, or a breadcrumb copied from the web page
    return inner, line.span.start + line.text.index(inner[0])


def find_title(lines: tuple[Line, ...], first_heading_line: int | None) -> Title | None:
    limit = first_heading_line if first_heading_line is not None else 15
    candidates = lines[: min(limit, 15)]
    previous: tuple[str, int, int] | None = None  # a short line just above (words, start, end)
    for line in candidates:
        part = _title_part(line)
        if part is None:
            if line.kind != "blank":
                previous = None
            continue
        inner, start = part
        n = norm(inner)
        if not any(w in n for w in _TITLE_WORDS):
            short = len(n) <= 40 and not _TITLE_HEAD_RE.search(inner)
            previous = (inner, start, start + len(inner)) if short else None
            continue
        end = start + len(inner)
        text = inner
        m = _YEAR_RE.search(inner)
        if previous is not None and (m is None or not inner[: m.start()].strip()):
            # A title broken over two lines: 某某县人民政府 / 2023年政府信息公开工作年度报告.
            text = previous[0] + inner
            start = previous[1]
            m = _YEAR_RE.search(text)
        year = year_span = None
        issuer = None
        if m:
            year = int(re.sub(r"\s", "", m.group(1)))
            if text is inner:
                year_span = Span(start + m.start(1), start + m.end(1))
            else:
                year_span = _joined_span(previous, inner, end - len(inner), m.start(1), m.end(1))  # type: ignore[arg-type]
            before = text[: m.start()].strip()
            if before:
                issuer = before
            else:
                after = text[m.end() :]
                cut = after.find("政府信息公开")
                issuer = after[:cut].strip() if cut > 0 else None
        return Title(text=text, span=Span(start, end), issuer=issuer or None, year=year, year_span=year_span)
    return None


def _joined_span(previous: tuple[str, int, int], inner: str, inner_start: int, a: int, b: int) -> Span:
    """The file span of characters a..b of ``previous words + inner``."""
    k = len(previous[0])
    to = lambda i: previous[1] + i if i < k else inner_start + (i - k)  # noqa: E731
    return Span(to(a), to(b - 1) + 1)


_SIGNATURE_END_RE = re.compile(r"(人民政府|办公室|办事处|局|委员会|厅|中心|乡|镇|街道|管委会|政府)$")


def find_signature_issuer(lines: tuple[Line, ...]) -> str | None:
    """The issuer's name signed at the end (新绛县三泉镇人民政府 / 2022年1月25日)."""
    tail = [ln for ln in lines if ln.text.strip()][-6:]
    for line in reversed(tail):
        s = line.text.strip()
        if len(s) <= 30 and _SIGNATURE_END_RE.search(s) and not re.search(r"[，。,:：；;]", s):
            return s
    return None


def issuer_kind_of(issuer: str | None) -> IssuerKind | None:
    """department / government / township, from the issuer's name (条例第四十九条)."""
    found = issuer_kind_reason(issuer)
    return found[0] if found else None


# A 管委会 of a zone or an experimental area acts as the local government; its 办公室
# or a bureau under it is a department.
_GOVERNMENT_BODY_RE = re.compile(r"(?:人民政府|政府|管委会|管理委员会|行政公署)$")


def issuer_kind_reason(issuer: str | None) -> tuple[IssuerKind, str] | None:
    """The issuer's kind from its name, and why."""
    if not issuer:
        return None
    name = re.sub(r"\s", "", issuer)
    if re.search(r"(乡|镇|街道|街道办事处|苏木)(人民政府|党委|办事处)?$", name):
        return "township", f"发布机关“{name}”是乡镇、街道"
    m = _GOVERNMENT_BODY_RE.search(name)
    if m:
        return "government", f"发布机关“{name}”以“{m.group()}”结尾"
    return "department", f"发布机关“{name}”是政府部门"


# "本报告由县政府办公室汇总全县各有关单位的年度报告编制": a report of the whole area.
_SUMMARY = (
    r"报告[^。；]{0,30}汇总[^。；]{0,20}(?:全[县区市省州盟旗]|本[县区市]|各有关单位|各(?:部门|乡镇|单位|街道))"
    r"|汇总[^。；]{0,20}(?:全[县区市省州盟旗]|本[县区市]|各有关单位|各(?:部门|乡镇|单位|街道))[^。；]{0,30}(?:报告|编制)"
)


def summary_report(lines: tuple[Line, ...]) -> Line | None:
    """The line saying the report sums up a whole area's bodies, if one does."""
    for line in lines[:60]:
        if line.kind == "prose" and "汇总" in line.text and re.search(_SUMMARY, line.text):
            return line
    return None
