"""GAI103–GAI106: order, wording and content of the six sections (template-2021.md §3)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gailint import Edit, Fix, Report, RuleContext, Section, Severity, Violation, rule
from gailint.template import SECTIONS

_NUMBERS = "一二三四五六"

# Section 一's five topics with the wordings real reports use for them. Kept narrow on
# purpose: "保障和改善民生" is not 监督保障, "保密审核" alone is not 政府信息管理.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("主动公开", re.compile(r"主动公开")),
    ("依申请公开", re.compile(r"依申请|申请公开")),
    ("政府信息管理", re.compile(r"信息管理|信息公开管理|审核(?:制度|机制)|发布审核|三审|信息审查|保密审查")),
    ("政府信息公开平台建设", re.compile(r"平台|网站建设|新媒体")),
    ("监督保障", re.compile(r"监督|问责|责任追究|考核|评议")),
)


_DOCUMENT_COUNT_RE = re.compile(r"依申请公开的?(?:政府)?信息(?:数|数量|总数)?(?:为|共|有|共计)?\d+(?:条|件)")


def _name(section: Section) -> str:
    return f"第{_NUMBERS[section.number - 1]}部分“{section.heading}”"


def _in_order(numbers: list[int]) -> set[int]:
    """Positions of a longest increasing run (not necessarily contiguous): the sections
    that are in place; the others are the ones to move. Six items: quadratic is fine."""
    best: list[list[int]] = []
    for i, n in enumerate(numbers):
        prev = [best[j] for j in range(i) if numbers[j] < n]
        best.append(max(prev, key=len, default=[]) + [i])
    return set(max(best, key=len, default=[]))


@rule(code="GAI103", name="section-order", severity="error", tags=("structure",))
def section_order(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """六个部分顺序错乱，或某一部分重复出现。

    ## 检查内容
    六个部分的标题应按“一、总体情况”至“六、其他需要报告的事项”的顺序各出现一次。
    顺序不对时，报告需要移动的那几个部分（保持其余部分顺序不变的最少移动）；
    同一部分的标题出现第二次时，报告后一次。

    ## 为什么是问题
    年度报告格式规定了六个部分及其顺序，读者和评估机构按顺序查找内容；
    顺序错乱或重复，通常是拼接、复制时出错，内容也可能因此缺失或重复。

    ## 示例
    ```
    一、总体情况
    ……
    三、收到和处理政府信息公开申请情况
    ……
    二、主动公开政府信息情况
    ……
    ```

    ## 应改为
    ```
    一、总体情况
    ……
    二、主动公开政府信息情况
    ……
    三、收到和处理政府信息公开申请情况
    ……
    ```

    ## 修复说明
    无自动修复：移动整段内容需要作者确认。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号年度报告格式，第一至六部分。
    """
    first: dict[int, Section] = {}
    unique: list[Section] = []
    for s in report.sections:
        if s.number in first:
            line = report.source_line(first[s.number].span.start)
            yield Violation(s.span, f"{_name(s)}重复出现（第 {line} 行已有该部分标题），每个部分应只出现一次")
            continue
        first[s.number] = s
        unique.append(s)
    numbers = [s.number for s in unique]
    keep = _in_order(numbers)
    for i, s in enumerate(unique):
        if i in keep:
            continue
        after = [unique[j].number for j in keep if j > i and unique[j].number < s.number]
        before = [unique[j].number for j in keep if j < i and unique[j].number > s.number]
        if after:
            where = f"应排在第{_NUMBERS[max(after) - 1]}部分之后"
        elif before:
            where = f"应排在第{_NUMBERS[min(before) - 1]}部分之前"
        else:
            where = "应按一至六的顺序排列"
        yield Violation(s.span, f"{_name(s)}顺序不对，{where}（六个部分应按一至六的顺序排列）")


@rule(code="GAI104", name="section-title", severity="warning", fix="always", tags=("structure",))
def section_title(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """部分标题的措辞与模板不一致。

    ## 检查内容
    六个部分的标题应与模板一字不差：一、总体情况；二、主动公开政府信息情况；
    三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。
    比较时忽略空白、全角半角、Markdown 标记、序号后的标点（“一、”“一.”“一，”）和末尾的句号冒号。
    “五、政府信息公开工作存在的主要问题及改进情况”“五、存在问题及改进情况”是常见的可接受写法，
    只给出提示（info）。序号与内容不符（如“五、其他需要报告的事项”）也报告。

    ## 为什么是问题
    标题是年度报告格式的一部分；自拟的标题让读者和评估机构难以对应模板内容，
    措辞改动也常常改变了该部分应报告的范围。

    ## 示例
    ```
    三、收到和处理政府信息公开申请的情况
    ```

    ## 应改为
    ```
    三、收到和处理政府信息公开申请情况
    ```

    ## 修复说明
    把标题文字（不含 Markdown 的 `#`、`**` 等标记）替换为模板标题。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，第一至六部分标题。
    """
    for s in report.sections:
        expected = SECTIONS[s.number - 1]
        # The parser recorded the numeral as written and how the words compare.
        numeral_ok = s.numeral is None or s.numeral == s.number
        if s.wording == "standard" and numeral_ok:
            continue
        fix = Fix(f"改为“{expected}”", (Edit.replace(s.span, expected),))
        if s.wording == "variant" and numeral_ok:
            yield Violation(
                s.span,
                f"部分标题“{s.heading}”是可接受的写法，模板原文为“{expected}”",
                fix,
                severity=Severity.INFO,
            )
            continue
        yield Violation(s.span, f"部分标题“{s.heading}”与模板不一致，应为“{expected}”", fix)


@rule(code="GAI105", name="overview-topics", severity="warning", tags=("structure", "content"))
def overview_topics(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """“一、总体情况”缺少应报告的五个方面之一。

    ## 检查内容
    总体情况应分别说明五个方面（通常是小标题（一）至（五））：主动公开、依申请公开、
    政府信息管理、政府信息公开平台建设、监督保障。常见的不同说法也算涵盖，例如
    “依申请公开办理情况”“信息发布审核制度”“三审三校”（政府信息管理）、
    “政务新媒体”“平台”（平台建设）、“监督”“考核”“责任追究”（监督保障）。
    “依申请公开信息1504条”是按公开属性统计的信息条数，不算说明了依申请公开的办理情况。

    ## 为什么是问题
    年度报告格式要求总体情况涵盖这五个方面；缺了其中一项，报告内容就不全面，
    是评估中常见的扣分项。

    ## 示例
    ```
    一、总体情况
    (一)高位统筹组织建设。我镇始终将政务公开工作作为重点工作来抓……
    (二)严抓内容质量管控。……健全完善信息发布审核机制……
    (三)强化监督考核激励。……
    ```

    ## 应改为
    ```
    一、总体情况
    （一）主动公开。全年主动公开政府信息……条……
    （二）依申请公开。全年共收到政府信息公开申请……件……
    （三）政府信息管理。严格落实信息发布审核机制……
    （四）政府信息公开平台建设。……
    （五）监督保障。……
    ```

    ## 修复说明
    无自动修复：缺少的内容需要作者补写。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，第一部分“总体情况”。
    """
    s = report.section(1)
    if s is None:
        return  # GAI102 reports the missing section
    body = "".join(report.text[s.body.start : s.body.end].split())  # whitespace out (str.split: in C, no regex)
    # "依申请公开信息1504条" counts documents by disclosure type; it says nothing of how
    # applications were handled, so it does not cover the topic.
    body = _DOCUMENT_COUNT_RE.sub("", body)
    missing = [name for name, pattern in _TOPICS if not pattern.search(body)]
    if missing:
        yield Violation(
            s.span,
            f"总体情况未涉及{'、'.join(missing)}；应分别说明主动公开、依申请公开、政府信息管理、"
            "政府信息公开平台建设、监督保障五个方面",
        )


@rule(code="GAI106", name="empty-section", severity="warning", tags=("structure", "content"))
def empty_section(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """某一部分标题下没有任何内容。

    ## 检查内容
    每个部分的标题与下一个部分标题（或全文结尾）之间应有内容：文字或表格。
    只写了“无”也算内容（第六部分只写“无”由 GAI602 处理）。

    ## 为什么是问题
    空的部分等于没有报告该项内容；常见于复制模板后忘了填写，或表格在粘贴时丢失。

    ## 示例
    ```
    四、政府信息公开行政复议、行政诉讼情况
    五、存在的主要问题及改进情况
    ```

    ## 应改为
    ```
    四、政府信息公开行政复议、行政诉讼情况
    （表四：行政复议、行政诉讼的 15 个数值）
    五、存在的主要问题及改进情况
    ```

    ## 修复说明
    无自动修复：缺少的内容需要作者补写。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号年度报告格式。
    """
    for s in report.sections:
        if s.body.start >= s.body.end or not report.text[s.body.start : s.body.end].strip():
            yield Violation(s.span, f"{_name(s)}下没有内容，应填写该部分的情况")


RULES = [section_order, section_title, overview_topics, empty_section]
