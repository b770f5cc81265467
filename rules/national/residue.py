"""GAI7xx: web-page residue and unfilled template text (template-2021.md §11)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

from gailint import Fix, Report, RuleContext, Span, Violation, rule
from gailint.model import Line
from gailint_rules.national._shared import delete_line

# Page furniture that starts a line (after brackets and spaces).
_LINE_START = (
    "当前位置",
    "您的位置",
    "发布时间",
    "发布日期",
    "来源：",
    "来源:",
    "信息来源",
    "字号",
    "【字体",
    "字体：",
    "视力保护色",
    "打印本页",
    "【打印】",
    "打印",
    "关闭窗口",
    "【关闭】",
    "返回顶部",
    "分享到",
    "微信扫一扫",
    "责任编辑",
    "浏览次数",
    "访问量",
    "索引号",
    "发布机构",
    "主题分类",
    "成文日期",
    "上一篇",
    "下一篇",
    "相关链接",
    "附件下载",
    "网站地图",
    "联系我们",
    "版权所有",
    "主办单位",
    "解读链接",
    "首页 >",
    "首页>",
    "首页 ＞",
    ">",
    "＞",
)
# Phrases that are furniture wherever they stand on a top or bottom line.
_EDGE_ANYWHERE = ("打印本页", "关闭窗口", "视力保护色", "分享到", "返回顶部", "微信扫一扫", "网站标识码", "ICP备", "公网安备", "版权所有", "【打印】", "【关闭】")
_EDGE_LINES = 5
_LEAD_RE = re.compile(r"^[\s\u00a0\u3000\[【（(]*")
_PHRASES_RE = re.compile("|".join(re.escape(p) for p in sorted(set(_LINE_START[:-4]) | set(_EDGE_ANYWHERE), key=len, reverse=True)))


def _residue_line(line: Line, at_edge: bool, starts: Sequence[str] = _LINE_START) -> bool:
    body = _LEAD_RE.sub("", line.text)
    if not body:
        return False
    for phrase in starts:
        if not body.startswith(phrase):
            continue
        # Furniture is followed by a colon, a space, a date or nothing; a letter
        # after it makes a body word: 信息来源于…, 联系我们的…, 打印机….
        nxt = body[len(phrase) : len(phrase) + 1]
        if nxt.isalpha() and not phrase.endswith((">", "＞")):
            continue
        return not ("。" in body and len(body) > 60)
    return at_edge and any(p in body for p in _EDGE_ANYWHERE)


@rule(code="GAI701", name="web-residue", severity="error", fix="always", tags=("residue",))
def web_residue(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """从网页复制时带入的页面元素（当前位置、发布时间、字号、打印本页……）。

    ## 检查内容
    整行或行首的网页元素：当前位置、首页 >、> 政务公开 >、发布时间、来源、字号、视力保护色、
    打印本页、关闭窗口、分享到、责任编辑、浏览次数、索引号、上一篇/下一篇、版权所有、ICP备 等；
    在全文首尾几行中，这些词出现在行内任何位置也算。正文句子中的“来源”“首页改版”不算。
    启用的规则包可通过词表 `residue` 增加行首的网页元素（如某省网站特有的按钮文字）。

    ## 为什么是问题
    年度报告是正式公文，网页导航和按钮文字混入正文，说明报告是从网页复制后未经校对发布的，
    评估时按“内容不规范”扣分。

    ## 示例
    ```
    当前位置:首页
     > 政务公开 > 政府信息公开工作年度报告
    发布时间:2024-02-09 17:14 字号:[ ] 视力保护色:
    ```

    ## 应改为
    删去这些行，只保留报告正文。

    ## 修复说明
    删除整行（连同换行符）。

    ## 依据
    国办公开办函〔2021〕30号：年度报告“发布内容不准确不全面”的，依条例第四十七条追责；
    template-2021.md §11。
    """
    extra = _pack_residue(ctx)
    starts = _LINE_START + extra if extra else _LINE_START
    phrases = _phrases_re(extra) if extra else None
    content = [ln for ln in report.lines if ln.kind != "blank"]
    edge = {ln.number for ln in content[:_EDGE_LINES]} | {ln.number for ln in content[-_EDGE_LINES:]}
    for line in content:
        if line.kind in ("heading", "table", "title"):
            continue
        if not _residue_line(line, line.number in edge, starts):
            continue
        lead = len(line.text) - len(line.text.lstrip(" \t\u00a0\u3000"))
        trail = len(line.text.rstrip(" \t\u00a0\u3000"))
        span = Span(line.span.start + lead, line.span.start + max(trail, lead))
        found = list(dict.fromkeys(m.group() for m in _PHRASES_RE.finditer(line.text)))
        if phrases is not None:
            found += [m.group() for m in phrases.finditer(line.text) if m.group() not in found]
        what = "、".join(f"“{p.rstrip('：:')}”" for p in found[:4]) or "的导航路径“>”"

        yield Violation(span, f"网页残留{what}：应删除这一行", Fix("删除网页残留行", (delete_line(report, line.number),)))


@lru_cache(maxsize=8)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)))


def _pack_residue(ctx: RuleContext) -> tuple[str, ...]:
    """Page-furniture phrases that packs add (``residue`` vocabulary)."""
    extra = ctx.vocabulary.get("residue", ()) if isinstance(ctx.vocabulary, Mapping) else ()
    if not isinstance(extra, (list, tuple)):
        return ()
    return tuple(p for p in extra if isinstance(p, str) and p.strip() and p not in _LINE_START)


RULES = [web_residue]
