"""GAI403, GAI404: years in the body and the publication deadline (template-2021.md §2, §9)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import date

from gailint import Report, RuleContext, Span, Violation, rule
from gailint.model import YearRef

_SENTENCE_END_RE = re.compile(r"[。！？；!?;]")
# Words that make the year after normal: plans, and dates of writing or publication.
_NEXT_OK_RE = re.compile(
    r"下一步|下步|下阶段|计划|将|明年|来年|下一年|新的一年|今后|未来|拟|力争|目标|要点|展望|预计|部署|"
    r"截至|截止|年初|日期|时间|发布|印发"
)
# Words that make an earlier year normal anywhere in its sentence: comparisons,
# rectification, history. Single characters (较, 比, 自, 到) only count right next to
# the year, because 较好, 比例, 自然人, 做到 are everywhere.
_PREVIOUS_OK_RE = re.compile(
    r"上年|上一年|去年|前一年|往年|整改|同比|环比|相比|对比|较上|较去|增长|下降|增加|减少|持平|以来|"
    r"基础上|延续|连续|累计|历年|年度报告|报告中|指出|提出|确定|反馈|评估|评议|督查|修订|施行|颁布|印发|出台|"
    # An event in the issuer's history (2019年8月机构改革中成立) is no stale year.
    r"机构改革|成立|组建|挂牌|更名|合并"
)
_BEFORE_OK_RE = re.compile(r"(?:自|从|至|到|较|比|与|和|及|、|截至|截止|—|-|~|～)\s*$")
# Possessive spaces: a year followed by a long run of spaces is read once.
_AFTER_OK_RE = re.compile(r"\s*+年?度?\s*+(?:以来|起|至|到|底|末|—|-|~|～|和|与|、)")
# Late last year (2020年12月…) often starts work reported this year.
_LATE_MONTH_RE = re.compile(r"\s*+年\s*+(?:1[0-2])\s*+月")
_DOC_NUMBER_RE = re.compile(r"[^。，,；;]{0,8}号")
_TRUSTED_SOURCES = ("title", "period", "config")

DEFAULT_DEADLINES = {"department-deadline": "01-31", "government-deadline": "03-31", "township-deadline": "01-31"}
_MONTH_DAY_RE = re.compile(r"^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_KIND_NAMES = {"department": "县级以上人民政府部门", "government": "县级以上地方人民政府", "township": "乡镇人民政府、街道办事处"}


class _Line:
    """One line's sentence ends and 《》 marks, found once, so that each year on the
    line is placed by binary search (a line of a thousand years is read once, not
    once per year), and each sentence's wording is searched once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        self.opens = [i for i, ch in enumerate(text) if ch == "《"] if "《" in text else []
        self.closes = [i for i, ch in enumerate(text) if ch == "》"] if "》" in text else []
        self._wording: dict[tuple[int, int, re.Pattern[str]], bool] = {}

    def in_title(self, start: int, end: int) -> bool:
        """Inside 《…》 (a document title), or the year of a document number (2021年第3号).
        Also true for "1月25号" dates: a miss there is cheaper than a false alarm."""
        opened = _last_before(self.opens, start)
        if opened > _last_before(self.closes, start):
            return True
        return bool(_DOC_NUMBER_RE.match(self.text, end)) or (start > 0 and self.text[start - 1] in "〔[【")

    def sentence_says(self, start: int, end: int, pattern: re.Pattern[str]) -> bool:
        """Does the sentence holding [start, end) match ``pattern``?"""
        k = bisect.bisect_right(self.ends, start)
        cut = self.ends[k - 1] if k else 0
        # The first end mark at or after ``end`` closes the sentence (its offset is end - 1).
        j = bisect.bisect_left(self.ends, end + 1)
        stop = self.ends[j] - 1 if j < len(self.ends) else len(self.text)
        key = (cut, stop, pattern)
        said = self._wording.get(key)
        if said is None:
            said = self._wording[key] = bool(pattern.search(self.text, cut, stop))
        return said


def _covered(span: Span, spans: list[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _last_before(offsets: list[int], at: int) -> int:
    """The largest offset < ``at``, or -1."""
    k = bisect.bisect_left(offsets, at)
    return offsets[k - 1] if k else -1


def _plausible(report: Report, ref: YearRef, first_line: int, lines: dict[int, _Line], next_dates: dict[int, int]) -> bool:
    year = report.year or ref.year
    if ref.year == year or ref.year < year - 2 or ref.year > year + 1:
        return True  # far-off years are history (2008年《条例》) or targets (到2035年)
    line = report.lines[ref.line] if ref.line < len(report.lines) else None
    if line is None or line.kind in ("title", "table") or ref.line < first_line:
        return True  # the title, the tables, and page furniture above the title
    start, end = ref.span.start - line.span.start, ref.span.end - line.span.start
    marks = lines.get(ref.line)
    if marks is None:
        marks = lines[ref.line] = _Line(line.text)
    if marks.in_title(start, end):
        return True
    if _BEFORE_OK_RE.search(line.text, max(0, start - 3), start) or _AFTER_OK_RE.match(line.text, end):
        return True  # 自2020年以来, 较2020年, 2020年至2021年
    if ref.year == year + 1:
        # A date holding a year starts at that year's digits: one look-up.
        return next_dates.get(ref.span.start, -1) >= ref.span.end or marks.sentence_says(start, end, _NEXT_OK_RE)
    return marks.sentence_says(start, end, _PREVIOUS_OK_RE) or bool(_LATE_MONTH_RE.match(line.text, end))


@rule(code="GAI403", name="stray-year", severity="warning", tags=("period", "dates"))
def stray_year(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """正文中出现了与报告年度不符的年份。

    ## 检查内容
    在正文中查找报告年度前两年至后一年的年份（报告年度取自标题、统计期限或配置），
    下列情况是正常的，不报告：
    - 下一年出现在计划、打算的语境中（下一步、计划、将、明年、力争……），或出现在
      下一年上半年的日期中（发布日期、落款日期 2022年1月25日）；
    - 前一年、前两年出现在比较、整改、回顾的语境中（上年、去年、较、同比、比、整改、以来、
      上年度报告指出的问题……）；
    - 文件名称和文号中的年份（《……2019年……》、国办公开办函〔2021〕30号、2021年第3号）；
    - 标题、表格和网页导航中的年份。
    更早或更晚的年份（如“2008年《条例》施行以来”“到2035年”）视为历史或远景，不报告。
    报告年度只能从正文推断时不检查。

    ## 为什么是问题
    照搬上一年报告时，常常只改了标题，正文仍写着上一年的年份；这样的报告内容不准确，
    也是“内容雷同”的明显迹象。

    ## 示例
    标题为“……2023年政府信息公开工作年度报告”，正文却写：
    ```
    2022年，我局共主动公开政府信息356条。
    ```

    ## 应改为
    ```
    2023年，我局共主动公开政府信息356条。
    ```

    ## 修复说明
    无自动修复：是年份写错还是整段照抄，需要作者判断。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；template-2021.md §9。
    """
    if report.year is None or report.year_source not in _TRUSTED_SOURCES:
        return
    first_line = report.index.line_of(report.title.span.start) if report.title is not None else 0
    skip = [ref.span for ref in (report.period, report.published) if ref is not None]
    # Dates of the first half of next year (发布日期, 落款 2022年1月25日): start -> end.
    next_dates = {d.span.start: d.span.end for d in report.dates if d.value.year == report.year + 1 and d.value.month <= 6}
    lines: dict[int, _Line] = {}
    for ref in report.years:
        if _covered(ref.span, skip) or _plausible(report, ref, first_line, lines, next_dates):
            continue
        yield Violation(
            ref.span,
            f"正文中的“{ref.year}年”与报告年度 {report.year} 年不符，应为 {report.year} 年"
            "（若确指其他年份，请写明“上年”“较上年”等）",
        )


def _check_month_day(value: object) -> str | None:
    """A deadline option must be a real day of the year, written 月-日."""
    m = _MONTH_DAY_RE.match(str(value))
    try:
        if m:
            date(2001, int(m.group(1)), int(m.group(2)))  # not a leap year: no 02-29
            return None
    except ValueError:
        pass
    return f"“{value}”不是有效的期限：应为“月-日”，例如 \"03-31\""


def _deadline(option: object, default: str, year: int) -> date:
    for value in (option, default):
        m = _MONTH_DAY_RE.match(str(value)) if value is not None else None
        if m:
            try:
                return date(year + 1, int(m.group(1)), int(m.group(2)))
            except ValueError:
                continue
    return date(year + 1, 1, 31)


@rule(
    code="GAI404",
    name="late-publication",
    severity="warning",
    tags=("dates",),
    options=dict(DEFAULT_DEADLINES),
    option_checks={name: _check_month_day for name in DEFAULT_DEADLINES},
)
def late_publication(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """发布日期（或落款日期）晚于条例规定的期限。

    ## 检查内容
    比较报告的发布日期（“发布时间：”“发布日期：”一行）或文末落款日期与期限：
    县级以上人民政府部门为次年 1月31日；县级以上地方人民政府本级的报告为次年 3月31日；
    乡镇、街道由各地规定，默认次年 1月31日。机关类型由发布机关名称判断，
    也可在配置中用 `issuer_kind` 指定；类型不明时按最宽的期限判断。
    期限可在配置的 `[rules.GAI404]` 表中调整（“月-日”字符串）：
    `department-deadline = "01-31"`、`government-deadline = "03-31"`、`township-deadline = "01-31"`。

    ## 为什么是问题
    条例第四十九条规定了年度报告的发布期限；“不按时发布”是年度报告格式列明的
    依照条例第四十七条追究责任的情形。

    ## 示例
    ```
    宜阳县人民政府办公室2021年政府信息公开工作年度报告
    发布时间：2022-02-15
    ```

    ## 应改为
    部门的年度报告应在 2022年1月31日 前发布，如“发布时间：2022-01-28”。

    ## 修复说明
    无自动修复：发布日期是事实，不能改写；应按时发布。

    ## 依据
    《中华人民共和国政府信息公开条例》第四十九条、第四十七条；国办公开办函〔2021〕30号年度报告格式结语。
    """
    published, year = report.published, report.year
    if published is None or year is None or year >= date.max.year:
        return
    kinds = (report.issuer_kind,) if report.issuer_kind in _KIND_NAMES else tuple(_KIND_NAMES)
    deadlines = {
        k: _deadline(ctx.options.get(f"{k}-deadline"), DEFAULT_DEADLINES[f"{k}-deadline"], year) for k in kinds
    }
    kind = max(deadlines, key=deadlines.__getitem__)
    deadline = deadlines[kind]
    if published.value <= deadline:
        return
    what = "发布日期" if published.source == "published" else "落款日期"
    who = f"{_KIND_NAMES[kind]}的" if report.issuer_kind else ""
    yield Violation(
        published.span,
        f"{what} {_cn(published.value)} 晚于期限：{who}{year}年度报告应于 {_cn(deadline)} 前发布",
    )


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


RULES = [stray_year, late_publication]
