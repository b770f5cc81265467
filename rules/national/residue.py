"""GAI701, GAI707, GAI708: what a web page, a converter or a crawler left in the text
(template-2021.md §11)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from gailint import Edit, Fix, Report, RuleContext, Span, Violation, rule
from gailint.model import Line
from gailint.parse.suppressions import comment_closers
from gailint_rules.national._shared import delete_line

_WS = " \t\u00a0\u3000"
_S = r"[ \t\u00a0\u3000]*"
# A breadcrumb item is a menu name (scraped trails glue several: 首页政务公开…年报):
# never a sentence, so no sentence punctuation, and a run longer than any trail is
# prose glued after "首页 >", not an item (possessive: the run is read once).
_ITEM = r"[^\s>＞»/|，。；！？,;!?]{1,48}+(?![^\s>＞»/|，。；！？,;!?])"
_DATE = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"

# Page furniture and how far each piece reaches: (pattern, the name shown).
_PIECES: tuple[tuple[str, str], ...] = (
    # A trail may end with its separator ("当前位置：首页 >" before the page's text).
    (rf"(?:当前位置|您的位置|您现在的位置|当前所在位置){_S}[:：]?{_S}(?:{_ITEM}(?:{_S}[>＞»/]{_S}{_ITEM})*(?:{_S}[>＞»])?)?", "当前位置"),
    (rf"(?:首页|网站首页){_S}[>＞»]{_S}{_ITEM}(?:{_S}[>＞»]{_S}{_ITEM})*(?:{_S}[>＞»])?", "首页 >"),
    (rf"(?:发布时间|发布日期|成文日期|更新时间|时间){_S}[:：]{_S}{_DATE}", "发布时间"),
    (rf"(?:信息来源|来源|文章来源){_S}[:：]{_S}[^\s，。；,;]{{0,20}}", "来源"),
    (rf"(?:浏览次数|访问量|阅读次数|点击数|点击量){_S}[:：]{_S}\d*", "浏览次数"),
    (rf"责任编辑{_S}[:：]{_S}[^\s，。；]{{0,12}}", "责任编辑"),
    (rf"(?:字号|字体){_S}[:：]{_S}(?:\[[^\]\n]{{0,12}}\]|【[^】\n]{{0,12}}】|[大中小]?(?:{_S}[大中小]){{0,2}})", "字号"),
    (r"【字体[:：]?[^】\n]{0,12}】", "字号"),
    (rf"视力保护色{_S}[:：]?", "视力保护色"),
    (rf"\[{_S}打印本页{_S}\|{_S}关闭窗口{_S}\]", "打印本页"),
    (r"【?打印本页】?|【打印】|【?打印此页】?", "打印本页"),
    (r"【?关闭窗口】?|【关闭】", "关闭窗口"),
    (rf"分享到{_S}[:：]?(?:{_S}(?:微信|微博|QQ空间|QQ|朋友圈|新浪微博|腾讯微博|豆瓣))*", "分享到"),
    (rf"微信{_S}微博{_S}QQ空间", "微信 微博 QQ空间"),
    (rf"全真版{_S}文字版", "全真版 文字版"),
    (r"文件下载|附件下载[:：]?|相关附件[:：]?", "附件下载"),
    (rf"相关链接{_S}[:：]?", "相关链接"),
    (r"(?:-->)++", "-->"),  # a glued run ("-->-->") is one piece
    (r"返回顶部|微信扫一扫", "返回顶部"),
    (rf"索引号{_S}[:：]{_S}[^\s，。]{{0,40}}", "索引号"),
    (rf"(?:解读链接|原文链接|相关解读){_S}[:：]{_S}\S*", "解读链接"),
    (rf"(?:上一篇|下一篇){_S}[:：]", "上一篇"),
)
# Furniture of a page's header or footer: taken only on the first or last lines.
_EDGE_PIECES: tuple[tuple[str, str], ...] = (
    (r"版权所有.{0,60}", "版权所有"),
    (r"主办单位.{0,40}", "主办单位"),
    (r"(?:网站标识码|ICP备|公网安备)\S{0,30}", "ICP备"),
    (r"网站地图|联系我们", "网站地图"),
)
_EDGE_LINES = 5
# Every piece above starts with one of these (tests/rules/test_residue.py checks it).
_TRIGGERS = (
    "当前", "您的", "您现在", "首页", "网站首页", "发布", "成文日期", "更新时间", "时间", "信息来源", "来源", "文章来源",
    "浏览次数", "访问量", "阅读次数", "点击", "责任编辑", "字号", "字体", "【", "[", "视力保护色", "打印", "关闭窗口",
    "分享到", "微信", "全真版", "文件下载", "附件下载", "相关附件", "相关链接", "-->", "返回顶部", "索引号", "解读链接",
    "原文链接", "相关解读", "上一篇", "下一篇",
)
_TRIGGER_RE = re.compile("|".join(re.escape(t) for t in sorted(_TRIGGERS, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _piece_re() -> re.Pattern[str]:
    """All pieces in one pattern, compiled the first time a trigger word is seen
    (most reports have none: a start of gailint need not pay for it)."""
    return re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PIECES)))

_EDGE_RE = re.compile("|".join(f"(?P<e{i}>{p})" for i, (p, _) in enumerate(_EDGE_PIECES)))
# A line of its own that is only a breadcrumb's continuation: " > 政务公开 > 年度报告".
_CRUMB_LINE_RE = re.compile(rf"^{_S}[>＞»]{_S}{_ITEM}(?:{_S}[>＞»]{_S}{_ITEM})*{_S}$")
_PUNCT = frozenset(" \t\u00a0\u3000|｜:：,，;；、.。-—_*")


@dataclass(frozen=True)
class _Piece:
    start: int  # in the line
    end: int
    name: str


def _boundary(text: str, start: int, end: int, closes_comment: Callable[[int], bool]) -> bool:
    """Furniture stands apart from the words around it: a letter right before it, or
    one right after a bare button word (附件下载服务), makes it part of a sentence."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    if text.startswith("-->", start):
        # A stray "-->" of a page's markup; one that closes an <!-- comment --> is the
        # comment's (a suppression comment, or GAI704's markup residue).
        return (not before or before in _WS) and not closes_comment(start)
    if before and before.isalpha() and not text[start:end].startswith(("【", "[")):
        return False
    return not (after.isalpha() and text[end - 1 : end].isalpha() and after not in "大中小")


def _hits(report: Report, extra: re.Pattern[str] | None) -> dict[int, list[tuple[int, int, str]]]:
    """Every piece of furniture in the text, by line: one scan of the whole text."""
    hits: dict[int, list[tuple[int, int, str]]] = {}
    text = report.text
    last = 0
    # The words furniture starts with are found by a plain literal scan; the full
    # pattern is tried only there (one scan of a report, not a regex at every place).
    for t in _TRIGGER_RE.finditer(text):
        if t.start() < last:
            continue
        m = _piece_re().match(text, t.start())
        if m is not None and m.end() > m.start():
            last = m.end()
            name = _PIECES[int(m.lastgroup[1:])][1]  # type: ignore[index]
            hits.setdefault(report.index.line_of(m.start()), []).append((m.start(), m.end(), name))
    if extra is not None:
        for m in extra.finditer(text):
            hits.setdefault(report.index.line_of(m.start()), []).append((m.start(), m.end(), m.group().rstrip("：:")))
    return hits


def _pieces(line: Line, at_edge: bool, hits: list[tuple[int, int, str]]) -> list[_Piece]:
    text, base = line.text, line.span.start
    closes_comment = comment_closers(text)
    found = [
        _Piece(a - base, b - base, name)
        for a, b, name in hits
        if b - base <= len(text) and _boundary(text, a - base, b - base, closes_comment)
    ]
    if at_edge:
        for m in _EDGE_RE.finditer(text):
            if m.end() > m.start() and _boundary(text, m.start(), m.end(), closes_comment):
                found.append(_Piece(m.start(), m.end(), _EDGE_PIECES[int(m.lastgroup[1:])][1]))  # type: ignore[index]
    if text.lstrip(_WS)[:1] in (">", "＞", "»") and _CRUMB_LINE_RE.match(text):
        found.append(_Piece(len(text) - len(text.lstrip(_WS)), len(text.rstrip(_WS)), ">"))
    found.sort(key=lambda p: (p.start, -p.end))
    out: list[_Piece] = []
    for p in found:
        if out and p.start < out[-1].end:
            if p.end > out[-1].end:
                out[-1] = _Piece(out[-1].start, p.end, out[-1].name)
            continue
        out.append(p)
    return out


def _runs(text: str, pieces: list[_Piece]) -> list[tuple[int, int, list[str]]]:
    """Pieces with only spaces or punctuation between them, joined into one stretch."""
    runs: list[tuple[int, int, list[str]]] = []
    for p in pieces:
        if runs and all(ch in _PUNCT for ch in text[runs[-1][1] : p.start]):
            a, _, names = runs[-1]
            names.append(p.name)  # in place: a run can join thousands of pieces
            runs[-1] = (a, p.end, names)
        else:
            runs.append((p.start, p.end, [p.name]))
    return runs


def _named(names: list[str]) -> str:
    shown = list(dict.fromkeys(names))
    return "、".join(f"“{n}”" for n in shown[:4]) + ("等" if len(shown) > 4 else "")


@lru_cache(maxsize=8)
def _extra_re(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))) if phrases else None


def _pack_residue(ctx: RuleContext) -> tuple[str, ...]:
    """Page-furniture phrases that packs add (``residue`` vocabulary)."""
    extra = ctx.vocabulary.get("residue", ()) if isinstance(ctx.vocabulary, Mapping) else ()
    if not isinstance(extra, (list, tuple)):
        return ()
    return tuple(p for p in extra if isinstance(p, str) and p.strip())


@rule(code="GAI701", name="web-residue", severity="error", fix="always", tags=("residue",))
def web_residue(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """从网页复制时带入的页面元素（当前位置、发布时间、字号、打印本页……）。

    ## 检查内容
    网页的导航和按钮文字，无论在行首、行中还是在连成一行的正文中间：当前位置：首页 > … >
    …、首页 >、发布时间、来源、字号、视力保护色、【打印本页】、关闭窗口、分享到：微信 微博
    QQ空间、全真版 文字版、文件下载、附件下载、相关链接、`-->`、责任编辑、浏览次数、索引号、
    上一篇/下一篇；在全文首尾几行中还有版权所有、主办单位、ICP备、网站标识码、网站地图。
    正文句子中的“信息来源于……”“首页改版”“提供附件下载服务”不算：页面元素前后是空白、
    标点或行首行尾，不与句子的字连在一起。
    启用的规则包可通过词表 `residue` 增加网页元素（如某省网站特有的按钮文字）。

    ## 为什么是问题
    年度报告是正式公文，网页导航和按钮文字混入正文，说明报告是从网页复制后未经校对发布的，
    评估时按“内容不规范”扣分。

    ## 示例
    ```
    当前位置：首页 > 政务公开 > 年报 本报告根据《条例》编制。
    发布时间:2024-02-09 17:14 字号:[ ] 视力保护色:
    ```

    ## 应改为
    ```
    本报告根据《条例》编制。
    ```

    ## 修复说明
    一行只有页面元素时删除整行（连同换行符）；页面元素与正文在同一行时，只删除页面元素
    和它旁边的空白，正文一个字也不动。

    ## 依据
    国办公开办函〔2021〕30号：年度报告“发布内容不准确不全面”的，依条例第四十七条追责；
    template-2021.md §11。
    """
    extra = _extra_re(_pack_residue(ctx))
    content = report.content_lines()
    edge = {ln.number for ln in content[:_EDGE_LINES]} | {ln.number for ln in content[-_EDGE_LINES:]}
    found: list[_Found] = []
    hits = _hits(report, extra)
    for line in content:
        if line.kind in ("heading", "table") or line.furniture in ("crawler", "separator", "page-number", "tool"):
            continue  # crawler and converter lines are GAI707/GAI708's
        at_edge = line.number in edge
        if line.number not in hits and not at_edge and line.text.lstrip(_WS)[:1] not in (">", "＞", "»"):
            continue
        pieces = _pieces(line, at_edge, hits.get(line.number, []))
        if not pieces:
            continue
        text, base = line.text, line.span.start
        runs = _runs(text, pieces)
        rest = "".join(text[b:a] for (_, b, _), (a, _, _) in zip([(0, 0, [])] + runs, runs + [(len(text), 0, [])]))
        # A whole line only when both its breaks are the file's: in a scraped line the
        # reader's "line" may end with the sentence stop of the words before it.
        own_line = not line.joined and not (line.number + 1 < len(report.lines) and report.lines[line.number + 1].joined)
        if line.kind != "title" and own_line and all(ch in _PUNCT for ch in rest):
            lead = len(text) - len(text.lstrip(_WS))
            names = [n for _, _, ns in runs for n in ns]
            found.append(_Found(base + lead, base + len(text.rstrip(_WS)), names, line.number, line.number))
        else:
            found.extend(_Found(base + a, base + b, ns) for a, b, ns in runs)
    for item in _merge(report, found):
        names = _named(item.names)
        if item.first is not None:
            several = item.last != item.first
            yield Violation(
                Span(item.start, item.end),
                f"网页残留{names}：应删除{'这几行' if several and not _joined(report, item) else '这一行'}",
                Fix("删除网页残留行", (delete_line(report, item.first, item.last),)),
            )
            continue
        yield Violation(Span(item.start, item.end), f"网页残留{names}：应删除", Fix("删除网页残留", (_spaced(report, item),)))


@dataclass
class _Found:
    start: int  # offsets into the report's text
    end: int
    names: list[str]
    first: int | None = None  # whole lines first..last, when the residue is all they hold
    last: int | None = None


def _joined(report: Report, item: _Found) -> bool:
    """Lines the reader split out of one line of the file."""
    return all(report.lines[n].joined for n in range(item.first + 1, item.last + 1))  # type: ignore[operator]


def _merge(report: Report, found: list[_Found]) -> list[_Found]:
    """Residue separated only by spaces, punctuation or line breaks the reader made
    (one line of the file, split into lines) is one finding with one fix."""
    out: list[_Found] = []
    text, textmap = report.text, report.textmap
    for f in found:
        if out:
            prev = out[-1]
            between = text[prev.end : f.start]
            same = (prev.first is None) == (f.first is None)
            if same and all(ch in _PUNCT or (ch == "\n" and textmap.replaced(prev.end + k)) for k, ch in enumerate(between)):
                prev.end = f.end
                prev.names.extend(f.names)  # in place: thousands of pieces can merge
                if f.first is not None:
                    prev.last = f.last
                continue
        out.append(_Found(f.start, f.end, list(f.names), f.first, f.last))
    return out


def _spaced(report: Report, item: _Found) -> Edit:
    """Delete residue inside a line with the spaces after it (or before it, at the end
    of a line), so the words around it close up and nothing else changes."""
    text = report.text
    line = report.line_at(item.start)
    end = item.end
    while end < line.span.end and text[end] in _WS:
        end += 1
    start = item.start
    if end >= line.span.end:
        while start > line.span.start and text[start - 1] in _WS:
            start -= 1
    return Edit(start, end, "")


_PAGE_WHAT = {"page-number": "页码", "tool": "转换工具插入的文字", "separator": "分隔线"}


@rule(code="GAI707", name="extraction-residue", severity="warning", fix="always", tags=("residue",))
def extraction_residue(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """PDF 或格式转换留下的页码和工具文字（-3-、第 2 页 共 7 页、## 表三、正文、(数据项目)）。

    ## 检查内容
    单独成行的页码（`-3-`、`— 5 —`、`第 2 页 共 7 页`、`3/7`）和转换工具插入的行
    （`正文`、`## 表三：…`、`(数据项目)`），包括夹在表格行之间的页码。

    ## 为什么是问题
    从 PDF 或 Word 转存文本时，页眉页脚和转换工具的标记混进了正文和表格；
    发布出来的报告看上去未经整理，表格中的页码还会被误当作数据。

    ## 示例
    ```
    （一）主动公开政府信息情况
    -3-
    全年主动公开政府信息 412 条……
    ```

    ## 应改为
    ```
    （一）主动公开政府信息情况
    全年主动公开政府信息 412 条……
    ```

    ## 修复说明
    删除这一行（连同换行符）。

    ## 依据
    国办公开办函〔2021〕30号：年度报告“发布内容不准确不全面”的依条例第四十七条追责；
    template-2021.md §10（文本的来源与形态）。
    """
    header = {ln.number for ln in _crawler_block(report)}
    for line in report.content_lines():
        if line.kind != "furniture":
            continue
        what = _PAGE_WHAT.get(line.furniture or "")
        if what is None or line.furniture == "separator" or line.number in header:
            continue
        lead = len(line.text) - len(line.text.lstrip(_WS + "\f"))
        span = Span(line.span.start + lead, line.span.start + len(line.text.rstrip(_WS)))
        shown = line.text.strip(_WS + "\f")
        yield Violation(span, f"{what}“{shown}”不是报告的内容：应删除这一行", Fix(f"删除{what}", (delete_line(report, line.number),)))


# The key may stand more than once ("标题:标题: …" from a crawler run twice): all of it goes.
_TITLE_KEY_RE = re.compile(rf"^(?:(?:标题|题目|文章标题){_S}[:：]{_S})++")


@rule(code="GAI708", name="crawler-header", severity="warning", fix="always", tags=("residue",))
def crawler_header(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """网页抓取工具写在正文前的信息行（标题:、发布时间:、原文链接:、==== 正文 ====）。

    ## 检查内容
    文件开头抓取工具（爬虫）写入的“键: 值”行——标题、发布时间、发布日期、文号、发布机构、栏目、
    原文链接、本地目录、页面链接、采集时间——和把它们与正文隔开的分隔线（`==== 正文 ====`）。
    只看正文之前的这一块；正文中的“发布时间：”由 GAI701 判断。

    ## 为什么是问题
    这些行不是报告的一部分：直接发布或归档，读者看到的是抓取记录而不是报告。

    ## 示例
    ```
    标题: 平潭综合实验区君山片区管理局2023年政府信息公开工作年度报告
    发布时间: 2024-01-12 08:58
    原文链接: https://www.pingtan.gov.cn/…
    ==================== 正文 ====================
    ```

    ## 应改为
    ```
    平潭综合实验区君山片区管理局2023年政府信息公开工作年度报告
    ```

    ## 修复说明
    开头的这一块报告为一条问题；修复删除这些行（连同换行符），“标题:”一行只删去“标题:”
    几个字，报告的标题保留。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式（报告由标题和六个部分组成）；
    template-2021.md §10（文本的来源与形态）。
    """
    block = _crawler_block(report)
    if not block:
        return
    edits: list[Edit] = []
    keys: list[str] = []
    for line in block:
        text = line.text
        lead = len(text) - len(text.lstrip(_WS))
        key = _TITLE_KEY_RE.match(text[lead:])
        if key and len(text[lead:].strip()) > key.end():
            # The title the crawler copied is the report's title: keep it, drop the key.
            edits.append(Edit.delete(Span(line.span.start + lead, line.span.start + lead + key.end())))
            keys.append("标题")
            continue
        edits.append(delete_line(report, line.number))
        m = _KEY_RE.match(text[lead:])
        keys.append(m.group(1) if m else ("分隔线" if line.furniture == "separator" else text.strip(_WS)[:8]))
    first, last = block[0], block[-1]
    lead = len(first.text) - len(first.text.lstrip(_WS))
    shown = "、".join(f"“{k}”" for k in list(dict.fromkeys(keys))[:5])
    yield Violation(
        Span(first.span.start + lead, last.span.end),
        f"开头 {len(block)} 行是网页抓取工具写入的信息（{shown}等），不是报告的内容：应删除（标题保留）",
        Fix("删除抓取工具写入的信息行", tuple(_joined_edits(edits))),
    )


_KEY_RE = re.compile(rf"([^\s:：]{{1,8}}){_S}[:：]")


def _crawler_block(report: Report) -> list[Line]:
    """The crawler's lines at the top: its key lines, its separator, its notes."""
    block: list[Line] = []
    for line in report.lines:
        if line.kind == "blank":
            continue
        if line.kind == "furniture" and line.furniture in ("crawler", "separator", "tool"):
            block.append(line)
            continue
        break
    return block if any(ln.furniture == "crawler" for ln in block) else []


def _joined_edits(edits: list[Edit]) -> list[Edit]:
    """Touching deletions as one edit (the fix applies as a whole)."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: e.start):
        if out and out[-1].end == e.start and not out[-1].new and not e.new:
            out[-1] = Edit(out[-1].start, e.end, "")
        else:
            out.append(e)
    return out


RULES = [web_residue, extraction_residue, crawler_header]
