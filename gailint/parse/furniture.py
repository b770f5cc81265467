"""Lines that are not the report: left by the tools that carried the text.

A crawler writes key lines above the body (``标题: …``, ``发布时间: …``, ``原文链接: …``)
and a separator (``==== 正文 ====``); PDF text keeps page numbers (``-3-``, ``— 5 —``,
``第 2 页 共 7 页``); converters insert headings and labels of their own (``## 表三``,
``正文``, ``(数据项目)``). The parser marks such lines ``furniture``: they are no
heading, no table cell and no prose, and the residue rules report them.
"""

from __future__ import annotations

import re
from typing import Literal

from gailint.model import Line

FurnitureKind = Literal["page-number", "crawler", "separator", "tool"]

_PAGE_RE = re.compile(
    r"[-—–－─]{1,2}[ \t\u3000]*\d{1,3}[ \t\u3000]*[-—–－─]{1,2}"
    r"|第[ \t\u3000]*\d{1,3}[ \t\u3000]*页(?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*\d{1,3}[ \t\u3000]*页)?"
    r"|\d{1,3}[ \t\u3000]*/[ \t\u3000]*\d{1,3}"
    r"|[Pp]age[ \t]*\d{1,3}(?:[ \t]*of[ \t]*\d{1,3})?"
)
CRAWLER_KEYS = ("标题", "发布时间", "发布日期", "文号", "发布机构", "栏目", "原文链接", "本地目录", "页面链接", "采集时间", "抓取时间", "来源网址", "网址", "URL", "url")
_CRAWLER_RE = re.compile(rf"(?:{'|'.join(CRAWLER_KEYS)})[ \t]*[:：]")
# A crawler's "==== 正文 ====" (a Markdown rule "---" alone is formatting, not furniture).
_SEPARATOR_RE = re.compile(r"={3,}[ \t\u3000]*(?:正文|全文|内容)?[ \t\u3000]*=*|[-—_*~]{3,}[ \t\u3000]*(?:正文|全文)[ \t\u3000]*[-—_*~]*")
_TOOL_RE = re.compile(
    r"#{1,6}[ \t]*表[一二三四五六][：:]?.{0,30}|正文|全文|[（(]数据项目[）)]|数据项目|页面链接与图片详见.{0,40}"
)

# Every first character the patterns below can match (and the digits): page numbers
# (-3-, 第2页, 2/7, Page 2), separators (====, ---正文), tool labels (#, 正文, 全文,
# （数据项目）, 数据项目, 页面链接…).
_FIRST_CHARS = frozenset("-—–－─第Pp=_*~#正全（(数页")
_PADDING = " \t\u3000\u00a0\ufeff\f"  # stripped before a line is judged


def _may_open(ch: str) -> bool:
    """Whether a page number, separator or tool label can start with ``ch`` (most
    lines, a label or a sentence, cannot: no pattern need be tried)."""
    return ch in _FIRST_CHARS or ch.isdecimal()


def mark_furniture(lines: list[Line]) -> None:
    """Mark the lines tools left: a crawler's header block at the top, page numbers,
    separators and converter labels anywhere."""
    i, n = 0, len(lines)
    while i < n:  # the block above the report's first line, where a crawler writes
        line = lines[i]
        i += 1
        if line.kind in ("blank", "furniture"):
            continue
        kind = furniture_kind(line.text, header=True)
        if kind is None:
            break
        lines[i - 1] = Line(line.number, line.span, line.text, "furniture", line.joined, kind)
        if kind == "separator":
            break  # "==== 正文 ====": the body starts below
    # Below it, only a line that may open with furniture is tried (a count alone on its
    # line is none): picked out in one comprehension, most lines are never visited.
    for k in [k for k in range(i, n) if (t := lines[k].text) and (_may_open(t[0]) or t[0] in _PADDING) and not t.isdecimal()]:
        line = lines[k]
        if line.kind == "blank":
            continue
        kind = furniture_kind(line.text)
        if kind is not None:
            lines[k] = Line(line.number, line.span, line.text, "furniture", line.joined, kind)


def furniture_kind(text: str, *, header: bool = False) -> FurnitureKind | None:
    """What kind of tool-made line ``text`` is, if it is one.

    ``header``: the line stands in the block above the report's first heading, where a
    crawler writes its key lines (a ``发布时间:`` line lower down is page chrome, which
    the residue rule judges in context).
    """
    s = text.strip(_PADDING)
    if not s or len(s) > 200 or s.isdecimal():
        return None  # (a count alone on its line, most table lines of some layouts: no key, no page number)
    if header and _CRAWLER_RE.match(s):
        return "crawler"
    if not _may_open(s[0]):
        return None
    if s[0].isdecimal() and "/" not in s:
        return None  # of all the patterns, only a page number "2/7" opens with a digit
    if s[0] in "=-—_*~" and _SEPARATOR_RE.fullmatch(s):
        return "separator"
    if len(s) > 40:
        return None  # page numbers and tool labels are short
    if _PAGE_RE.fullmatch(s):
        return "page-number"
    if _SEPARATOR_RE.fullmatch(s):
        return "separator"
    if _TOOL_RE.fullmatch(s):
        return "tool"
    return None
