"""Title, issuer and the six section headings."""

from __future__ import annotations

import re
from typing import NamedTuple

from gailint.model import IssuerKind, Line, Section, Span, Title
from gailint.parse.normalize import norm, strip_markup
from gailint.template import SECTION_VARIANTS, SECTIONS

_NUMERALS = "一二三四五六"
_HEADING_NUM_RE = re.compile(r"^([一二三四五六])([、.,，:：])?")
_YEAR_RE = re.compile(r"((?:19|20)\d\s*\d)\s*年")
_TITLE_WORDS = ("年度报告",)
_MAX_HEADING = 40
# Every standard or variant heading holds one of these words: a cheap pre-filter.
_HEADING_HINT_RE = re.compile(r"情况|事项|问题|总体")
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
    if "问题" in core and ("改进" in core or "整改" in core):
        return 5
    if "其他" in core and ("报告" in core or "事项" in core):
        return 6
    return None


class Heading(NamedTuple):
    number: int
    text: str
    span: Span
    numeral: int | None  # as written before the words
    wording: str  # standard / variant / other


def heading_of(line: Line) -> Heading | None:
    """The section heading ``line`` holds, if it is one of the six."""
    raw = line.text
    if len(raw) > 80 or "\t" in raw or "|" in raw or not _HEADING_HINT_RE.search(raw):
        return None
    inner = strip_markup(raw.replace("\u00a0", " ").replace("\u3000", " "))
    n = norm(inner)
    if not n or len(n) > _MAX_HEADING or n.startswith("("):
        return None
    m = _HEADING_NUM_RE.match(n)
    core = n[m.end() :] if m else n
    core = core.rstrip("。.:：")
    number: int | None = None
    wording = "standard"
    if core in _STANDARD_CORES:
        number = _STANDARD_CORES.index(core) + 1
    else:
        wording = "variant"
        for k, cores in _VARIANT_CORES.items():
            if core in cores:
                number = k
        if number is None:
            wording = "other"
        separated = m is not None and (m.group(2) is not None or inner[1:2].isspace())
        if number is None and separated and "。" not in core:
            # A numbered heading worded differently: known by its key words. The
            # numeral must be followed by 、 . ， or a space, so "一是……" is prose.
            number = _keyword_section(core)
    if number is None:
        return None
    start = line.span.start + raw.index(inner[0])
    end = start + len(inner)
    # Keep the span on the original characters (NBSPs were only replaced above).
    numeral = _NUMERALS.index(m.group(1)) + 1 if m else None
    return Heading(number, line.text[start - line.span.start : end - line.span.start], Span(start, end), numeral, wording)


def find_sections(lines: tuple[Line, ...], text_len: int, skip: set[int]) -> list[Section]:
    found: list[tuple[Heading, int]] = []
    for line in lines:
        if line.number in skip:
            continue
        h = heading_of(line)
        if h:
            found.append((h, line.number))
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


def find_title(lines: tuple[Line, ...], first_heading_line: int | None) -> Title | None:
    limit = first_heading_line if first_heading_line is not None else 15
    for line in lines[: min(limit, 15)]:
        inner = strip_markup(line.text)
        n = norm(inner)
        if not n or len(n) > 80 or n.startswith(("根据", ">")) or "当前位置" in n or ">" in n:
            continue  # a sentence, or a breadcrumb copied from the web page
        if not any(w in n for w in _TITLE_WORDS):
            continue
        start = line.span.start + line.text.index(inner[0])
        year = year_span = None
        issuer = None
        m = _YEAR_RE.search(inner)
        if m:
            year = int(re.sub(r"\s", "", m.group(1)))
            year_span = Span(start + m.start(1), start + m.end(1))
            before = inner[: m.start()].strip()
            if before:
                issuer = before
            else:
                after = inner[m.end() :]
                cut = after.find("政府信息公开")
                issuer = after[:cut].strip() if cut > 0 else None
        return Title(text=inner, span=Span(start, start + len(inner)), issuer=issuer or None, year=year, year_span=year_span)
    return None


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
    if not issuer:
        return None
    name = re.sub(r"\s", "", issuer)
    if re.search(r"(乡|镇|街道|街道办事处|苏木)(人民政府|党委|办事处)?$", name):
        return "township"
    if name.endswith("人民政府") or name.endswith("政府"):
        return "government"
    return "department"
