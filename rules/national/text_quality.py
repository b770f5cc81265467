"""GAI702–706: placeholders, back-end links, markup, broken lines and typos."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

from gailint import Edit, Fix, Report, RuleContext, Span, Violation, rule
from gailint.model import Line
from gailint.parse.scan import matches_not_after

_TEXT_KINDS = ("prose", "heading", "title")

# ------------------------------------------------------------------ GAI702

_INSTRUCTION = r"[（(]文字描述[^（）()\n]{0,40}[）)]"
_INSTRUCTION_RE = re.compile(_INSTRUCTION)
_INSTRUCTION_MAX = 1 + 4 + 40 + 1  # the longest text the pattern matches
# One pattern per kind: each starts with a literal or a small class, which the regex
# engine scans for quickly; a single alternation was several times slower on 1 MB.
# What must not stand right before a match is checked apart (a pattern opening with a
# lookbehind is tried at every character): the characters, or None.
_XX_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/.-=?&%#@:")
# The last item: characters one of which every match holds (a pattern is tried only
# on a text that has one: `in` finds a character in C, where a scan by the pattern
# costs ~10 ns a character).
_PLACEHOLDER_PATTERNS: tuple[tuple[str, re.Pattern[str], Callable[[str], bool] | None, str], ...] = (
    ("instruction", _INSTRUCTION_RE, None, "描"),
    ("year", re.compile(r"20\d?[XxＸｘ×]{1,2}(?![A-Za-z0-9])"), str.isdecimal, "XxＸｘ×"),  # not 120XX
    # XX must stand on its own: not inside an ASCII word, a path or a URL.
    ("xx", re.compile(r"[XxＸｘ]{2,}(?![A-Za-z0-9_/.\-=?&%#@])"), _XX_BEFORE.__contains__, "XxＸｘ"),
    ("times", re.compile(r"××+"), None, "×"),
    ("slot", re.compile(r"[（(](?:单位名称|机关名称|部门名称|单位全称)[）)]|此处填写|请填写|【[ \u3000]*】"), None, "称写【"),
)


_Kind = tuple[str, re.Pattern[str], Callable[[str], bool] | None]  # kind, pattern, bad character before


def _possible(text: str) -> list[_Kind]:
    """The placeholder patterns that can match somewhere in ``text``."""
    return [(kind, p, before) for kind, p, before, chars in _PLACEHOLDER_PATTERNS if any(ch in text for ch in chars)]


def _matches(pattern: re.Pattern[str], text: str, bad_before: Callable[[str], bool] | None) -> Iterator[re.Match[str]]:
    return pattern.finditer(text) if bad_before is None else matches_not_after(pattern, text, bad_before)


def _placeholders(text: str, patterns: list[_Kind]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every placeholder ``patterns`` find, in text order, without overlaps."""
    found = sorted((m.start(), -m.end(), kind) for kind, pattern, bad_before in patterns for m in _matches(pattern, text, bad_before))
    out: list[tuple[str, int, int]] = []
    last = -1
    for start, neg_end, kind in found:
        if start < last:
            continue  # inside a longer match found first
        if kind == "slot" and start > 0 and text[start - 1] == "在" and text.startswith("此处填写", start):
            start -= 1  # "在此处填写" as one placeholder
        out.append((kind, start, -neg_end))
        last = -neg_end
    return out


_URL_RE = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+", re.IGNORECASE)  # no line breaks: one line each


@rule(code="GAI702", name="placeholder", severity="error", fix="sometimes", tags=("residue",))
def placeholder(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """未填写的模板文字：XX、××、（单位名称）、（文字描述）、此处填写、202X、【】。

    ## 检查内容
    正文、标题和表格中仍留着格式模板或范本里的占位符：XX、XXX单位、××、（单位名称）、
    （文字描述）、（文字描述，收取信息处理费情况在此处报告。）、此处填写、【】、202X、20XX。
    英文单词、路径和网址中的 xx（如 `xxgk`、`/xx/`）不算。

    ## 为什么是问题
    占位符说明报告是照模板或别的单位的报告改写而成、没有填完，发布后即属“内容不准确不全面”。

    ## 示例
    ```
    XX镇人民政府202X年政府信息公开工作年度报告
    六、其他需要报告的事项
    （文字描述，收取信息处理费情况在此处报告。）
    ```

    ## 应改为
    ```
    三泉镇人民政府2023年政府信息公开工作年度报告
    六、其他需要报告的事项
    本年度未收取信息处理费。
    ```

    ## 修复说明
    只对模板的填写说明“（文字描述……）”提供修复：删除这段说明（随后请写入实际内容）。
    其他占位符需要填写真实内容，不提供自动修复。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式（模板中的“（文字描述）”为填写说明）；
    条例第四十七条“发布内容不准确不全面”；template-2021.md §11。
    """
    text = report.text
    patterns = _possible(text)
    if not patterns:
        return  # most reports
    urls = [m.span() for m in _URL_RE.finditer(text)]  # in text order, not overlapping
    url_starts = [a for a, _ in urls]
    for kind, start, end in _placeholders(text, patterns):
        k = bisect.bisect_right(url_starts, start) - 1
        if k >= 0 and start < urls[k][1]:
            continue  # inside a URL
        span = Span(start, end)
        found = text[start:end]
        if kind == "instruction":
            yield Violation(
                span,
                f"格式模板的填写说明“{found}”未删除：应删除，并写入实际内容",
                Fix("删除模板填写说明", (Edit.delete_nested(text, span, _INSTRUCTION_RE, _INSTRUCTION_MAX),)),
            )
        elif kind == "year":
            year = f"（{report.year}）" if report.year else ""
            yield Violation(span, f"年份占位符“{found}”未填写：应写明实际年份{year}")
        else:
            yield Violation(span, f"未填写的模板占位符“{found}”：应替换为实际内容")


# ------------------------------------------------------------------ GAI703

_BACKEND_ANCHOR_RE = re.compile(r"/cms/|cmsadmin|\.jsp(?![A-Za-z])|javascript:", re.IGNORECASE)
_PATH_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:?=&%#~;+")
_JS_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.()'\";:")


def _backend_links(text: str) -> list[tuple[int, int]]:
    """Spans of back-end paths: an anchor (/cms/, cmsadmin, .jsp, javascript:) grown
    over the path characters around it. Anchors are found by the regex engine; only
    the few hits are grown in Python."""
    out: list[tuple[int, int]] = []
    for m in _BACKEND_ANCHOR_RE.finditer(text):
        if out and m.start() < out[-1][1]:
            continue  # a second anchor inside a link already found
        if m.group().lower() == "javascript:":
            start, end = m.start(), m.end()
            while end < len(text) and text[end] in _JS_CHARS:
                end += 1
        else:
            start, end = m.start(), m.end()
            while start > 0 and text[start - 1] in _PATH_CHARS:
                start -= 1
            while end < len(text) and text[end] in _PATH_CHARS:
                end += 1
        out.append((start, end))
    return out


_BRACKETS = {"(": ")", "（": "）", "[": "]", "【": "】"}


@rule(code="GAI703", name="backend-link", severity="warning", fix="always", tags=("residue",))
def backend_link(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """正文中的网站后台路径或脚本链接（/cms/、cmsadmin、.jsp、javascript:）。

    ## 检查内容
    含 `/cms/`、`cmsadmin`、`.jsp` 或 `javascript:` 的路径与链接，通常是从网站管理后台
    复制正文时带出来的。普通的公开网址（http://www.….gov.cn/art/…html）不算。

    ## 为什么是问题
    后台地址对公众没有意义、点不开，还暴露了网站管理系统的入口，属于发布前未校对的残留。

    ## 示例
    ```
    我乡公开政府信息依托“西平县政府门户网”(/cms/cmsadmin/main/main.jsp)作为政务公开第一平台。
    ```

    ## 应改为
    ```
    我乡公开政府信息依托“西平县政府门户网”作为政务公开第一平台。
    ```

    ## 修复说明
    删除这段链接；链接紧挨着成对的括号时连同括号一起删除。

    ## 依据
    国办公开办函〔2021〕30号：年度报告“发布内容不准确不全面”的依条例第四十七条追责；
    template-2021.md §11（Back-end paths）。
    """
    text = report.text
    low = text.lower()
    if "cms" not in low and ".jsp" not in low and "javascript:" not in low:
        return  # the common case, decided by substring search instead of the regex
    for start, end in _backend_links(text):
        link = text[start:end]
        line = report.line_at(start)
        if start > line.span.start and end < line.span.end and _BRACKETS.get(text[start - 1]) == text[end]:
            start, end = start - 1, end + 1
        span = Span(start, end)
        yield Violation(span, f"网站后台链接“{link}”不应出现在报告中：应删除", Fix("删除后台链接", (Edit.delete(span),)))


# ------------------------------------------------------------------ GAI704

_ENTITY_RE = re.compile(
    r"&(?:amp;)?(?:nbsp;?|ensp;|emsp;|thinsp;|amp;|lt;|gt;|quot;|apos;|[lr][sd]quo;|mdash;|ndash;|hellip;|middot;|#\d{1,7};|#x[0-9a-f]{1,6};)",
    re.IGNORECASE,
)
_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|font|strong|b|i|em|u|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|img|a|section|article|hr|sup|sub|center|o:p)"
    r"(?:\s[^<>\n]*)?/?>",
    re.IGNORECASE,
)
# HTML comments (Word's <!--[if !supportLists]-->), and the style sheet Word pastes
# into a page's text: "Normal 0 7.8 磅 … X-NONE /* Style Definitions */ table.MsoNormalTable {mso-…}".
_COMMENT_RE = re.compile(r"<!--(?!\s*gailint-)[^\n]{0,200}?-->")
# The selector before "{" is read from its first character only, possessively: a line
# of prose (every Chinese character is \w) is not re-read from each of its characters.
_WORD_STYLE_RE = re.compile(
    r"(?:Normal\s+0\s+[\d.]+\s*磅[\w\s.-]{0,80}?X-NONE\s*)?(?:/\*\s*Style Definitions\s*\*/\s*)?"
    r"(?:(?<![\w.#:-])[\w.#:-]++\s*+)?\{[^{}\n]{0,3000}?mso-[^{}\n]{0,3000}\}"
)
_SPACES = {"\u00a0", "\u2002", "\u2003", "\u2009", "\u3000", " "}


def _pipe_line(line: Line) -> bool:
    s = line.text
    if "&" in s or "<" in s:
        s = _TAG_RE.sub("", _ENTITY_RE.sub("", s))  # “规章 |&nbsp;” is a fragment too
    s = s.strip()
    return "||" in s or s.startswith("|") or s.endswith("|")


def _markup_edit(text: str, start: int, end: int, found: str) -> Edit:
    if found.startswith("<") or "mso-" in found:
        return Edit(start, end, "")  # a tag, a comment, Word's style sheet
    # &amp;nbsp; is an escaped &nbsp;: it stands for the same character.
    inner = "&" + found[5:] if found.lower().startswith("&amp;") and len(found) > 5 else found
    char = html.unescape(inner if inner.endswith(";") else inner + ";")
    if char in _SPACES or not char.strip():
        # A space stays only where it separates two numbers or words (0&nbsp;0).
        keep = start > 0 and end < len(text) and text[start - 1].isascii() and text[start - 1].isalnum() and text[end].isascii() and text[end].isalnum()
        return Edit(start, end, " " if keep else "")
    return Edit(start, end, char)


def _groups(numbers: list[int], report: Report) -> list[list[int]]:
    """Runs of lines, blank lines between them allowed."""
    out: list[list[int]] = []
    for n in numbers:
        if out and all(report.lines[k].kind == "blank" for k in range(out[-1][-1] + 1, n)):
            out[-1].append(n)
        else:
            out.append([n])
    return out


@rule(code="GAI704", name="markup-residue", severity="info", fix="sometimes", tags=("residue",))
def markup_residue(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """纯文本报告中的 HTML 或 Markdown 残留：`&nbsp;`、`<p>`、成串的 `|`。

    ## 检查内容
    `.txt` 等纯文本报告中的 HTML 实体（`&nbsp;` `&ldquo;` `&#12288;`……）、HTML 标签
    （`<p>` `<br>` `<span …>`……）以及网页表格转换留下的 `|` 分隔碎片（`|||`、以 `|` 开头或结尾的行）。
    相邻几行的残留合并为一条提示（一个表格区域一条）。`.md` 文件以 Markdown 为格式，不检查；
    `#` 标题和书名号式的 `<…>` 也不算。

    ## 为什么是问题
    这些符号是从网页或编辑器复制时带出的，发布后显示为乱码或多余的竖线，表格也难以阅读和核对。

    ## 示例
    ```
    本年度共收到&nbsp;政府信息公开申请<br>11件。
    |
    规章 |
    0 |
    |||
    ```

    ## 应改为
    ```
    本年度共收到政府信息公开申请11件。
    规章	0	0	0
    ```

    ## 修复说明
    对 HTML 实体和标签提供修复：删除标签，空白类实体删除（夹在两个数字或英文之间时换成空格），
    其他实体换成它代表的字符。`|` 碎片需要重新整理表格，不提供自动修复。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式（表格应按模板完整、清楚地呈现）；template-2021.md §10。
    """
    if report.is_markdown:
        return
    text = report.text
    if "|" not in text and "&" not in text and "<" not in text and "mso-" not in text:
        return  # nothing to look for: one C scan per character class
    pipes = [ln.number for ln in report.lines if ln.kind != "blank" and "|" in ln.text and _pipe_line(ln)] if "|" in text else []
    for group in _groups(pipes, report):
        first, last = report.lines[group[0]], report.lines[group[-1]]
        lead = len(first.text) - len(first.text.lstrip())
        span = Span(first.span.start + lead, max(first.span.start + lead, last.span.start + len(last.text.rstrip())))
        a, b = report.source_line(first.span.start), report.source_line(last.span.start)
        where = f"第 {a}–{b} 行" if b > a else f"第 {a} 行"
        yield Violation(span, f"{where}是网页表格转换留下的“|”分隔碎片：应整理为制表符分隔的表格（或改存为 .md 文件）")
    hits: dict[int, list[re.Match[str]]] = {}
    markup = "&" in text or "<" in text or "mso-" in text
    for line in report.lines if markup else ():
        if line.kind == "blank" or ("&" not in line.text and "<" not in line.text and "mso-" not in line.text):
            continue
        found = sorted(
            [
                *_ENTITY_RE.finditer(line.text),
                *_TAG_RE.finditer(line.text),
                *_COMMENT_RE.finditer(line.text),
                *_WORD_STYLE_RE.finditer(line.text),
            ],
            key=lambda m: m.start(),
        )
        kept: list[re.Match[str]] = []
        for m in sorted(found, key=lambda m: (m.start(), -m.end())):
            if not kept or m.start() >= kept[-1].end():
                kept.append(m)  # a tag inside a comment or a style block is part of it
        found = kept
        if found:
            hits[line.number] = found
    for group in _groups(sorted(hits), report):
        edits = []
        names: list[str] = []
        for n in group:
            base = report.lines[n].span.start
            for m in hits[n]:
                edits.append(_markup_edit(text, base + m.start(), base + m.end(), m.group()))
                names.append(m.group())
        shown = "".join(f"“{p if len(p) <= 30 else p[:24] + '…'}”" for p in list(dict.fromkeys(names))[:4])
        span = Span(edits[0].start, edits[-1].end)
        yield Violation(span, f"HTML 残留{shown}（共 {len(edits)} 处）：应删除", Fix("删除 HTML 残留", tuple(edits)))


# ------------------------------------------------------------------ GAI705

_CJK = "\u4e00-\u9fff"
_LIST_HEAD_RE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[.、．])")
_NEW_ITEM_RE = re.compile(
    rf"^(?:[一二三四五六七八九十]+[是、.．]|[第其][一二三四五六七八九十]|[\d〇零一二三四五六七八九十]+\s*年|[{_CJK}]{{2,8}}[：:])"
)


def _split_word(line: Line, nxt: Line) -> bool:
    cur = line.text.rstrip()
    head = nxt.text.lstrip()
    if len(cur) < 15 or not "\u4e00" <= cur[-1] <= "\u9fff" or not head or not "\u4e00" <= head[0] <= "\u9fff":
        return False
    if cur.lstrip().startswith("#") or not re.search(r"[，,。；;、]", cur):
        return False  # a title, heading or signature line, not a paragraph
    if _LIST_HEAD_RE.match(cur.lstrip()) and "。" not in cur and len(cur) < 40:
        return False  # a sub-heading such as （一）做好政务公开两化建设，提高公开质量
    if not re.search(r"[。！？；!?;：:”）)]$", nxt.text.rstrip()):
        return False  # the continuation must finish the sentence, or joining just moves the break
    return not _NEW_ITEM_RE.match(head)


@rule(code="GAI705", name="broken-line", severity="info", fix="sometimes", tags=("layout",))
def broken_line(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """一个词被分页或换行拆到了两行（……政务公开工 / 作的分管领导……）。

    ## 检查内容
    一段正文的行末是汉字、没有句末标点（。；：！？”）等），而下一个非空行紧接着以汉字开头，
    且不是新的条目（一是、（二）、第三、2022年……、小标题：），并以句末标点结束这句话，
    就认为同一句话被断开了。标题、小标题、表格和落款不检查；网页抓取成一行、由 gailint 分行阅读的
    正文，以及按页宽折行的 PDF 文本（已接回段落）也不检查。HTML 网页中一句话被拆进两个段落
    （`<p>…工</p><p>作的…</p>`）同样报告，但不提供自动修复（要改的是网页的标记）。

    ## 为什么是问题
    从 Word 或 PDF 复制时分页符变成了换行，词语被拆散，读起来像两段，也影响检索。

    ## 示例
    ```
    ……由于人事变动，我镇及时调整了分工，进一步明确政务公开工

    作的分管领导，确保政务公开工作的延续性……
    ```

    ## 应改为
    ```
    ……由于人事变动，我镇及时调整了分工，进一步明确政务公开工作的分管领导，确保政务公开工作的延续性……
    ```

    ## 修复说明
    删除两行之间的换行（和空行），把两行合为一行。

    ## 依据
    国办公开办函〔2021〕30号：年度报告“发布内容不准确不全面”的依条例第四十七条追责；
    template-2021.md §10（文本的来源与形态）。
    """
    content = report.content_lines()
    for line, nxt in zip(content, content[1:]):
        if line.kind != "prose" or nxt.kind != "prose" or not _split_word(line, nxt):
            continue
        # A break the reader put into a scraped line is not in the report; one between
        # two HTML paragraphs is, but deleting the break the reader shows for it would
        # leave the page's tags: reported, without a fix.
        markup = nxt.joined and report.textmap.from_markup(nxt.span.start - 1)
        if nxt.joined and not markup:
            continue
        tail = line.text.rstrip()
        head = nxt.text.lstrip()
        end = line.span.start + len(tail)
        start = nxt.span.start + len(nxt.text) - len(head)
        yield Violation(
            Span(end - 1, start + 1),
            f"“…{tail[-5:]}”与下一行“{head[:6]}…”之间断行，一句话被拆成两行：应合并为一行",
            None if markup else Fix("合并断开的两行", (Edit(end, start, ""),)),
        )


# ------------------------------------------------------------------ GAI706

TYPOS: dict[str, str] = {
    "结症": "症结",
    "平乏": "贫乏",
    "动态息": "动态信息",
    "残差不齐": "参差不齐",
    "推进落的": "推进落实的",
}


@lru_cache(maxsize=8)
def _typo_table(extra: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], re.Pattern[str]]:
    """The built-in typos with a pack's ``extra`` ones, and the pattern that finds them
    (the words that hold no line break: no other can lie within a line)."""
    table = dict(TYPOS)
    table.update(extra)
    words = sorted((w for w in table if "\n" not in w and "\r" not in w), key=len, reverse=True)
    return table, re.compile("|".join(re.escape(w) for w in words))


def _typos(ctx: RuleContext) -> tuple[dict[str, str], re.Pattern[str]]:
    """The typo table and its pattern for the packs in use: built once per vocabulary."""
    extra = ctx.vocabulary.get("typos", {}) if isinstance(ctx.vocabulary, Mapping) else {}
    if not isinstance(extra, Mapping) or not extra:
        return _typo_table(())
    return _typo_table(tuple((k, v) for k, v in extra.items() if isinstance(k, str) and isinstance(v, str) and k and k != v))


def _inside_word(text: str, start: int, end: int, word: str) -> bool:
    """Does an occurrence of ``word`` cover text[start:end]? Only the few places
    where one could start are looked at (not the whole line per typo)."""
    first = max(0, end - len(word))
    return any(text.startswith(word, at) for at in range(first, start + 1))


@rule(code="GAI706", name="typo", severity="info", fix="sometimes", tags=("language",))
def typo(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """常见错别字（结症→症结、平乏→贫乏、动态息→动态信息……）。

    ## 检查内容
    正文、标题中出现内置错别字表或规则包词表（`typos`）里的写法：结症→症结、平乏→贫乏、
    动态息→动态信息、残差不齐→参差不齐、推进落的→推进落实的。省级规则包可通过
    `gailint_register_vocabulary` 返回 `{"typos": {错: 对}}` 扩充词表。

    ## 为什么是问题
    正式公文中的错别字影响报告的严肃性，评估时按“文字差错”扣分。

    ## 示例
    ```
    针对存在的问题认真分析研究，找准结症，结合印发的工作制度，制定务实管用的措施。
    ```

    ## 应改为
    ```
    针对存在的问题认真分析研究，找准症结，结合印发的工作制度，制定务实管用的措施。
    ```

    ## 修复说明
    把错误写法替换为正确写法，只改动这几个字。同一写法首尾相连重复出现（“结症结症”）时
    不提供自动修复：替换其中一处会与相邻的字组成新的同一错别字，需要人来删改。

    ## 依据
    《党政机关公文处理工作条例》对公文文字准确的要求；国办公开办函〔2021〕30号
    “发布内容不准确”追责条款。
    """
    # One scan of the whole text (typos are rare: the few hits are placed on their lines).
    table, pattern = _typos(ctx)
    lines, line_of = report.lines, report.index.line_of
    for m in pattern.finditer(report.text):
        line = lines[line_of(m.start())]
        if line.kind not in _TEXT_KINDS:
            continue
        text, base = line.text, line.span.start
        start, end = m.start() - base, m.end() - base
        wrong, right = m.group(), table[m.group()]
        # Already the right word around it (a pack's 落→落实 inside 落实): nothing to fix.
        if _inside_word(text, start, end, right):
            continue
        span = Span(m.start(), m.end())
        message = f"疑似错别字“{wrong}”：应为“{right}”"
        # In a run such as 结症结症 the corrected word meets its neighbours and spells
        # the typo again: a fix there would not clear the diagnostic.
        reach = len(wrong) - 1
        after = text[max(0, start - reach) : start] + right + text[end : end + reach]
        fix = None if wrong in after else Fix(f"改为“{right}”", (Edit.replace(span, right),))
        yield Violation(span, message, fix)


RULES = [placeholder, backend_link, markup_residue, broken_line, typo]
