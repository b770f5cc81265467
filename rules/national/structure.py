"""GAI1xx: the report's title and its six sections (template-2021.md §3)."""

from __future__ import annotations

from collections.abc import Iterator

from gailint import Edit, Fix, Report, RuleContext, Span, Violation, rule
from gailint.parse.normalize import strip_markup
from gailint.template import SECTIONS
from gailint_rules.national._shared import first_line_span, newline_of

_NUMBERS = "一二三四五六"


@rule(code="GAI101", name="missing-title", severity="error", tags=("structure",))
def missing_title(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """报告缺少标题，或标题未写明发布机关、年度和“政府信息公开工作年度报告”。

    ## 检查内容
    报告开头应有一行标题，写明发布机关、报告年度和“政府信息公开工作年度报告”，
    例如“定西市通渭县人民政府2023年政府信息公开工作年度报告”。

    ## 为什么是问题
    标题是读者和评估机构识别报告主体和年度的依据；从网页复制时标题常被漏掉。

    ## 示例
    ```
    (一)主动公开政府信息的情况
    全年共主动公开政府信息89条……
    ```

    ## 应改为
    ```
    西平县人和乡人民政府2021年政府信息公开工作年度报告
    (一)主动公开政府信息的情况
    ```

    ## 修复说明
    无自动修复：发布机关的名称只有作者知道。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号年度报告格式。
    """
    title = report.title
    if title is None:
        yield Violation(first_line_span(report), "缺少标题：应有一行“××（机关名称）××年政府信息公开工作年度报告”")
        return
    missing = []
    if not title.issuer:
        missing.append("发布机关")
    if not title.year:
        missing.append("年度")
    if "政府信息公开工作年度报告" not in title.text.replace(" ", ""):
        missing.append("“政府信息公开工作年度报告”字样")
    if missing:
        yield Violation(title.span, f"标题“{title.text}”未写明{'、'.join(missing)}")


@rule(code="GAI102", name="missing-section", severity="error", fix="always", tags=("structure",))
def missing_section(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """报告缺少六个部分之一。

    ## 检查内容
    年度报告应依次包含六个部分：一、总体情况；二、主动公开政府信息情况；
    三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。

    ## 为什么是问题
    条例第五十条规定了年度报告的内容，缺少一部分即内容“不全面”，是评估扣分项。

    ## 示例
    报告从“（一）主动公开政府信息的情况”开始，没有“一、总体情况”标题。

    ## 应改为
    在该部分内容之前加上“一、总体情况”标题。

    ## 修复说明
    在该部分应在的位置（下一部分标题之前；第一部分在标题之后）插入模板标题，
    格式（如 Markdown 的 `##`）与相邻标题一致。插入的只是标题，内容仍需作者补写。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号，格式第一至六部分。
    """
    present = {s.number for s in report.sections}
    if not present:
        # No heading at all: one finding, since six would only repeat it.
        yield Violation(first_line_span(report), "未找到六个部分的标题（一、总体情况 …… 六、其他需要报告的事项）")
        return
    nl = newline_of(report)
    for number in range(1, 7):
        if number in present:
            continue
        heading = SECTIONS[number - 1]
        later = [s for s in report.sections if s.number > number]
        if number == 1:
            offset = _after_title(report)
            anchor = first_line_span(report) if later == [] else later[0].span
            prefix = _prefix(report, later[0]) if later else ""
        elif later:
            nxt = later[0]
            offset = report.index.starts[nxt.line]
            # Where the section should stand: after the content of the one before it.
            before = _end_of_content_before(report, nxt.line)
            anchor, prefix = (nxt.span if before is None else before), _prefix(report, nxt)
        else:
            offset = len(report.text)
            anchor = report.sections[-1].span
            prefix = _prefix(report, report.sections[-1])
        text = f"{prefix}{heading}{nl}"
        if offset == len(report.text) and report.text and not report.text.endswith(("\n", "\r")):
            text = nl + text
        if number == 1 and offset == 0:
            anchor = first_line_span(report)
        yield Violation(
            anchor,
            f"缺少第{_NUMBERS[number - 1]}部分“{heading}”",
            Fix(f"插入标题“{heading}”", (Edit.insert(offset, text),)),
        )


def _end_of_content_before(report: Report, line: int) -> Span | None:
    """The end of the last non-blank line above ``line`` (an empty span there)."""
    for ln in reversed(report.lines[:line]):
        if ln.kind != "blank":
            end = ln.span.start + len(ln.text.rstrip())
            return Span(end, end)
    return None


def _after_title(report: Report) -> int:
    """Section 一 starts after the title and the preamble, before the first heading."""
    if report.title is not None:
        line = report.index.line_of(report.title.span.start)
        if line + 1 < len(report.index.starts):
            # Skip the preamble paragraph(s) that usually follow the title.
            first = report.sections[0].line if report.sections else None
            for ln in report.lines[line + 1 : first]:
                if ln.kind != "blank" and (ln.text.lstrip().startswith(("（", "(")) or ln.text.lstrip()[:1].isdigit()):
                    return ln.span.start
            return report.index.starts[line + 1]
    return 0


def _prefix(report: Report, section) -> str:
    """The Markdown marker before an existing heading (“## ”), to match its style."""
    line = report.lines[section.line]
    raw = line.text[: section.span.start - line.span.start]
    stripped = strip_markup(raw + "x")
    return raw if stripped == "x" else ""


RULES = [missing_title, missing_section]
