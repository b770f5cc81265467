"""Logical lines inside a long line: a report scraped from a web page onto one line.

Real reports often reach gailint as a crawler's text: a few header lines, then the
whole body — preamble, six sections, three tables, signature — on one line. The
parser reads one paragraph, heading or table a line, so the reader finds the places
where a line would have ended and breaks there:

- before and after a numbered section heading (“一、总体情况2021年，……” → the heading,
  then the text; “……收费0 三、收到和处理……” too);
- after a sentence (。！？), and before a sub-heading （一） that follows one;
- around page furniture copied with the body (当前位置, 来源：, 微信 微博 QQ空间,
  附件下载, -->……), so it stands on its own lines;
- before a table's caption or note (第二十条第（一）项, （本列数据的勾稽关系……）);
- between a signature and its date at the end (平潭综合实验区金井片区管理局 2022年1月7日).

A break replaces the spaces around it with one line break, or inserts one where the
text runs on; the :class:`~gailint.read.textmap.TextMap` remembers which, so every
offset maps back to the file exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gailint.parse.structure import heading_extent
from gailint.parse.suppressions import comment_closers

# A line is split only when it is long and holds report structure: normal reports
# (one paragraph a line) are read as they are, at no cost.
MIN_LENGTH = 200

_WS = " \t\u3000\u00a0"
_NUMERAL_RE = re.compile(r"[一二三四五六七八](?=[、.．,，]|总体|主动公开|收到和|政府信息公开行政|因政府|存在|其他需)")
# ASCII ! and ? end no Chinese sentence ("<!--"); a run of stops (。。。, ！？) is one end,
# so a pasted run of them makes one line, not one line per character.
_SENTENCE_END_RE = re.compile(r"[。！？][。！？”’」』）)]*+")
_SUBHEADING_RE = re.compile(r"[（(][一二三四五六七八九十]{1,2}[）)]")
_CHROME_RE = re.compile(
    r"当前位置|您的位置|来源[:：]|时间[:：]|发布时间|发布日期|(?<=\s)-->|微信\s*微博|全真版|文件下载|相关链接|附件下载"
    r"|打印本页|【打印】|关闭窗口|【关闭】|分享到|字号[:：]|【字体|视力保护色|浏览次数|责任编辑|索引号|抄送[:：]"
)
_TABLE_ANCHOR_RE = re.compile(r"第二十条第[（(][一二三四五六七八九][）)]项|[（(]本列数据的勾稽关系|[（(]有关情况附表[）)]")
_DATE_END_RE = re.compile(r"(?:19|20)\d\d[ \u3000]*年[ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日(?=[\s]*$|[ \u3000]+\S)")
_TITLE_END_RE = re.compile(r"年度报告(?=[ \u3000]|根据|按照|依据|本报告)")
# Characters before a heading's numeral that show a new part starts there.
_BEFORE_HEADING = frozenset(_WS + "。；;！？!?）)」”\"：:0123456789０１２３４５６７８９元")


def structured(line: str) -> bool:
    """Whether a long line holds section headings of its own (worth splitting)."""
    if len(line) < MIN_LENGTH:
        return False
    count = 0
    for m in _NUMERAL_RE.finditer(line):
        if m.start() > 0 and _heading_at(line, m.start()) is not None:
            count += 1
            if count >= 2:
                return True
    return False


def _heading_at(line: str, pos: int) -> int | None:
    """End of the section heading at ``pos``, if one stands there."""
    found = heading_extent(line, pos)
    if found is None:
        return None
    end, number, wording, _ = found
    prev = line[pos - 1] if pos > 0 else ""
    if pos == 0 or prev in _BEFORE_HEADING:
        return end
    # Glued to a word before it: only the template's own wording counts.
    return end if number is not None and wording != "other" else None


def break_points(line: str) -> list[int]:
    """Offsets in ``line`` where a new logical line starts."""
    points: set[int] = set()
    for m in _NUMERAL_RE.finditer(line):
        end = _heading_at(line, m.start())
        if end is not None:
            points.add(m.start())
            points.add(end)
    for m in _SENTENCE_END_RE.finditer(line):
        points.add(m.end())
    for m in _SUBHEADING_RE.finditer(line):
        before = line[: m.start()]
        prev = before.rstrip(_WS)[-1:]
        # After a sentence, a space, or a table's last number ("……5949.09(二)主动公开……").
        if not prev or prev in "。！？!?；;：:" or before[-1:] in _WS or before[-1:].isdigit():
            points.add(m.start())
    closes_comment = comment_closers(line)
    for m in _CHROME_RE.finditer(line):
        if m.group() == "-->" and closes_comment(m.start()):
            continue  # the end of an <!-- comment --> on this line: no page furniture
        points.add(m.start())
    for m in _TABLE_ANCHOR_RE.finditer(line):
        points.add(m.start())
    for m in _TITLE_END_RE.finditer(line):
        points.add(m.start() + 4)
    for m in _DATE_END_RE.finditer(line):
        points.add(m.start())
    return sorted(p for p in points if 0 < p < len(line))


def breaks(line: str) -> Iterator[tuple[int, int]]:
    """``(a, b)`` stretches of ``line`` to show as one line break each: the spaces
    around a break point, or an empty stretch where the text runs on."""
    last_end = 0
    for p in break_points(line):
        a = p
        while a > last_end and line[a - 1] in _WS:
            a -= 1
        b = p
        while b < len(line) and line[b] in _WS:
            b += 1
        if a < last_end or b >= len(line) or a == 0:
            continue  # inside the previous break, or at an edge of the line
        if a == last_end and last_end > 0:
            continue  # two break points in one stretch of spaces
        yield a, b
        last_end = b
