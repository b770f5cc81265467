"""The rules a declarative pack describes: forbidden phrases (with a replace fix) and
required phrases, each with documentation written from the pack's own words."""

from __future__ import annotations

from collections.abc import Iterator

from gailint.declarative.patterns import expand
from gailint.declarative.schema import PackSpec, PhraseSpec
from gailint.engine.diagnostics import Edit, Fix, Violation
from gailint.engine.rule import Rule, RuleContext
from gailint.model import Report, Span
from gailint.template import SECTIONS


def build_rules(spec: PackSpec) -> list[Rule]:
    return [_rule(spec, p) for p in spec.phrases]


def _rule(spec: PackSpec, phrase: PhraseSpec) -> Rule:
    check = _forbidden_check(phrase) if phrase.kind == "forbidden" else _required_check(phrase)
    summary = phrase.summary or _summary(phrase)
    fix = "never" if phrase.kind == "required" or phrase.replace is None else "always"
    return Rule(
        code=phrase.code,
        name=phrase.name,
        summary=summary,
        severity=phrase.severity,
        check=check,
        docs=_docs(spec, phrase, summary),
        fix=fix,
        tags=("pack", spec.name, phrase.kind),
    )


# ------------------------------------------------------------ checks


def _regions(report: Report, sections: tuple[int, ...]) -> list[Span]:
    if not sections:
        return [Span(0, len(report.text))]
    return [Span(s.span.start, s.body.end) for s in report.sections if s.number in sections]


def _covered_by(text: str, start: int, end: int, right: str) -> bool:
    """The match lies inside an occurrence of the right wording (a pack that forbids
    政务公开办 must not report 政务公开办公室)."""
    # An occurrence starting in [end - len(right), start] covers [start, end).
    return text.find(right, max(0, end - len(right)), start + len(right)) != -1


def _fill(message: str, **values: str) -> str:
    for key, value in values.items():
        message = message.replace("{" + key + "}", value)
    return message


def _forbidden_check(phrase: PhraseSpec):
    def check(report: Report, ctx: RuleContext) -> Iterator[Violation]:
        text = report.text
        seen: set[tuple[int, int]] = set()
        for region in _regions(report, phrase.sections):
            for pattern in phrase.patterns:
                for m in pattern.finditer(text, region.start, region.end):
                    start, end = m.span()
                    if (start, end) in seen or start == end:
                        continue
                    seen.add((start, end))
                    found = text[start:end]
                    new = expand(m, phrase.replace, pattern) if phrase.replace is not None else None
                    if new is not None and (new == found or (new and _covered_by(text, start, end, new))):
                        continue
                    default = f"不应使用“{found}”" + (f"，应为“{new}”" if new else "")
                    message = _fill(phrase.message, match=found, replace=new or "") if phrase.message else default
                    fix = None
                    if new is not None:
                        title = f"改为“{new}”" if new else f"删除“{found}”"
                        fix = Fix(title, (Edit(start, end, new),), safe=phrase.safe_fix)
                    yield Violation(Span(start, end), message, fix)

    return check


def _required_check(phrase: PhraseSpec):
    def check(report: Report, ctx: RuleContext) -> Iterator[Violation]:
        if phrase.section is not None:
            section = report.section(phrase.section)
            if section is None:
                return  # a missing section is GAI102's finding
            region, anchor, where = Span(section.span.start, section.body.end), section.span, section.standard
        else:
            region, where = Span(0, len(report.text)), "报告"
            anchor = report.title.span if report.title else _first_line(report)
        if any(p.search(report.text, region.start, region.end) for p in phrase.patterns):
            return
        yield Violation(anchor, _fill(phrase.message, section=f"“{where}”" if phrase.section else where))

    return check


def _first_line(report: Report) -> Span:
    for line in report.lines:
        if line.kind != "blank":
            return line.span
    return Span(0, 0)


# ------------------------------------------------------------ documentation


def _quoted(phrase: PhraseSpec) -> str:
    return "、".join(f"`{p.source}`" for p in phrase.patterns)


def _where(phrase: PhraseSpec) -> str:
    numbers = phrase.sections if phrase.kind == "forbidden" else ((phrase.section,) if phrase.section else ())
    return "、".join(f"“{SECTIONS[n - 1]}”" for n in numbers) if numbers else "全文"


def _summary(phrase: PhraseSpec) -> str:
    if phrase.kind == "required":
        return _fill(phrase.message, section=_where(phrase))
    first = phrase.patterns[0].source if phrase.patterns else ""
    if phrase.patterns and phrase.patterns[0].is_regex:
        return f"使用了不应使用的写法（{first}）。"
    return f"使用了不应使用的写法“{first}”" + (f"，应为“{phrase.replace}”。" if phrase.replace else "。")


def _docs(spec: PackSpec, phrase: PhraseSpec, summary: str) -> str:
    regex = "正则表达式" if any(p.is_regex for p in phrase.patterns) else "写法"
    owner = f"规则包 {spec.name}" + (f"（{spec.province}）" if spec.province else "")
    if phrase.kind == "forbidden":
        what = f"在{_where(phrase)}中查找以下{regex}：{_quoted(phrase)}。"
        why = phrase.why or f"{owner}规定不使用这种写法。"
        example = phrase.example or (phrase.patterns[0].source if not phrase.patterns[0].is_regex else "")
        if phrase.replace is not None:
            fixed = f"改为“{phrase.replace}”。" if phrase.replace else "删去这段文字。"
            how = f"把匹配的文字替换为“{phrase.replace}”，只改动这几个字。" if phrase.replace else "删除匹配的文字。"
            if not phrase.safe_fix:
                how += "这是不安全的修复（会改动事实）：编辑器中提供，`gailint check --fix` 不自动应用。"
        else:
            fixed, how = "删去或改写这种写法。", "无自动修复：如何改写需要作者判断。"
    else:
        what = f"{_where(phrase)}中应出现以下{regex}之一：{_quoted(phrase)}；都没有时报告。"
        why = phrase.why or f"{owner}要求年度报告写明这项内容。"
        example = phrase.example or f"{_where(phrase)}没有写到{phrase.patterns[0].source}。"
        fixed = f"在{_where(phrase)}中写明相关情况（如“{phrase.patterns[0].source}”）。"
        how = "无自动修复：内容需要作者填写。"
    sources = "\n".join(f"- {s}" for s in spec.sources) or f"{owner}的说明。"
    return "\n".join(
        [
            summary,
            "",
            "## 检查内容",
            what,
            "",
            "## 为什么是问题",
            why,
            "",
            "## 示例",
            "```",
            example or summary,
            "```",
            "",
            "## 应改为",
            fixed,
            "",
            "## 修复说明",
            how,
            "",
            "## 依据",
            sources,
            "",
            f"（声明式规则包 `{spec.name}` {spec.version}）",
        ]
    )
