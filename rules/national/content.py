"""GAI6xx: the content of sections 五 and 六, and passages written twice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gailint import Report, RuleContext, Span, Violation, rule
from gailint.parse.normalize import strip_markup
from gailint.parse.prose import repeated_passages, sentences
from gailint.template import SECTIONS, TABLE2_ROWS, TABLE3_ROWS
from gailint_rules.national._shared import FEE_RE

_LAST_YEAR = r"上年|上一年|去年|前一年|往年|以往"
_RECTIFIED_RE = re.compile(r"整改|落实|解决")
# Section 六 that says nothing: 无 / 无。/ 无其他需要报告的事项 / 本年度无其他需报告的事项。
_NOTHING_RE = re.compile(r"^(?:本年度|本机关|我[镇乡县区市局委办])?暂?无(?:其他|其它)?(?:需要?|应当?)?(?:报告|说明)?的?(?:事项|情况)?[。.．]?$")
# Where the problems end and the improvement measures begin.
_MEASURES_RE = re.compile(r"下一步|改进措施|改进计划|改进方向|整改措施|工作打算|今后|对此|为此")
_VAGUE_RE = re.compile(
    r"有待(?:进一步)?(?:加强|加大|提高|提升|强化|完善|改进|深化)|还?不够(?:及时|全面|深入|规范|到位|完善|重视|丰富|充分|主动)"
    r"|亟待(?:加强|提高|提升)|[仍还]?需(?:要)?进一步加强|(?:存在|还有)[^，,。；]{0,4}差距|差距和不足"
    r"|意识不强|认识不足|认识不到位|力度不够|更新不及时|形式单一|方式单一"
)
# A number with a unit, a date, a title in 《》 or a quoted list makes a problem concrete.
# Linear on any run: a number is read from its first digit only, possessively, and a
# title or quotation stops at the next opening mark (a run of 《 or “ is not re-read
# from each one of them).
_CONCRETE_RE = re.compile(
    r"(?<!\d)\d++(?:\.\d++)?\s*+(?:个|件|条|家|篇|次|项|%|％|人|名|天|日|月|小时|万|余)"
    r"|《[^《》]{2,}+》|[“\"][^“”\"]{4,}+[”\"]"
)


def _heading_span(report: Report, number: int) -> Span | None:
    s = report.section(number)
    return None if s is None else Span(s.span.start, s.span.end)


@rule(code="GAI601", name="no-rectification", severity="warning", tags=("content", "section5"))
def no_rectification(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """“存在的主要问题及改进情况”没有说明上年度问题的整改情况。

    ## 检查内容
    第五部分应有一句话把上年度（上年、上一年度、去年、2020年度……）与整改、落实或解决联系起来，
    说明上一年度报告所列问题的整改情况。在同一句或紧接的下一句中同时出现才算。

    ## 为什么是问题
    第五部分既要写本年度的问题和改进措施，也要写上年度问题的整改情况；只写“下一步”，
    读者无法知道去年承诺的改进是否落实，评估时按内容不全扣分。

    ## 示例
    ```
    五、存在的主要问题及改进情况
    一是县域政务新媒体较多，监管力度不够；二是政策文件解读方式单一。下一步，我们将……
    ```

    ## 应改为
    ```
    五、存在的主要问题及改进情况
    （一）上年度问题整改情况。针对2020年度报告指出的政策解读形式单一问题，本年度制作图解、视频解读12期，已整改到位。
    （二）存在的主要问题……
    ```

    ## 修复说明
    无自动修复：整改情况只有报告单位能写。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条第（四）项“存在的主要问题及改进情况”；
    template-2021.md §3（上年度问题整改情况）。
    """
    span = _heading_span(report, 5)
    lines = report.prose_lines(5)
    if span is None or not lines:
        return
    last = _LAST_YEAR + (f"|{report.year - 1}\\s*年" if report.year else "")
    last_re = re.compile(last)
    said = [s.text for s in sentences(lines)]
    for i, text in enumerate(said):
        if last_re.search(text) and any(_RECTIFIED_RE.search(t) for t in said[i : i + 2]):
            return
    year = f"（{report.year - 1}年度）" if report.year else ""
    yield Violation(span, f"第五部分未说明上年度{year}存在问题的整改情况：应写明上年度问题的整改落实情况")


@rule(code="GAI602", name="empty-other-matters", severity="warning", tags=("content", "section6", "fee"))
def empty_other_matters(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """“其他需要报告的事项”只写了“无”，没有说明信息处理费。

    ## 检查内容
    第六部分的正文只有“无”“无。”“无其他需要报告的事项”一类的话，且整个第六部分都没有提到
    信息处理费或收费。

    ## 为什么是问题
    格式模板在第六部分写明“收取信息处理费情况在此处报告”：即使没有收费，也应写
    “本年度未收取信息处理费”。只写“无”等于漏报一项必报内容。

    ## 示例
    ```
    六、其他需要报告的事项
    无。
    ```

    ## 应改为
    ```
    六、其他需要报告的事项
    本年度未收取信息处理费。无其他需要报告的事项。
    ```

    ## 修复说明
    无自动修复：是否收费、收了多少只有报告单位知道。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式第六部分“（文字描述，收取信息处理费情况在此处报告。）”；
    《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。
    """
    lines = report.prose_lines(6)
    if not lines:
        return
    first = lines[0]
    body = strip_markup(first.text)
    if not _NOTHING_RE.match(re.sub(r"\s+", "", body)):
        return
    if any(FEE_RE.search(line.text) for line in lines):
        return
    start = first.span.start + first.text.index(body)
    yield Violation(
        Span(start, start + len(body)),
        f"第六部分只写了“{body}”：应说明本年度收取信息处理费的情况（未收取也应写明“本年度未收取信息处理费”）",
    )


def _positive(value: object) -> str | None:
    return None if isinstance(value, int) and value >= 1 else f"“{value}”应为正整数（字数）"


def _preview(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return text if len(text) <= 24 else f"{text[:12]}…{text[-8:]}"


@rule(
    code="GAI603",
    name="duplicate-passage",
    severity="warning",
    tags=("content", "costly"),
    options={"min_chars": 40, "min_sentence": 20},
    option_checks={"min_chars": lambda v: _positive(v), "min_sentence": lambda v: _positive(v)},
)
def duplicate_passage(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """同一段文字在报告中出现了两次。

    ## 检查内容
    正文中重复出现的段落：后一处有 40 个以上（选项 `min_chars`）非空白字符与前文相同，
    或整句（至少 20 个字，选项 `min_sentence`）与前文相同。比较时忽略标点、空白和
    “一是”“1、”“（一）”等序号。报告后一处，并指出前一处所在的行。表格行、标题、
    引用的文件名（《……》）、模板本身的标题和表格标签、HTML 或 Word 样式残留重复出现不算。

    ## 为什么是问题
    整段照抄（如把“总体情况”里的话原样搬到“存在的主要问题及改进情况”）是格式通知点名的
    “内容雷同、敷衍塞责”，也让报告显得未经审校。

    ## 示例
    ```
    四是拓宽政府信息公开渠道,在利用各种传统公开方式的同时,加强网上公开,方便群众了解相关信息。
    ……
    3、创新公开形式,提高宣传力度。拓宽政府信息公开渠道,在利用各种传统公开方式的同时,加强网上公开,方便群众了解相关信息。
    ```

    ## 应改为
    删去后一处，或改写成不同的具体内容（本年度的做法、数字、成效）。

    ## 修复说明
    无自动修复：该删哪一处、如何改写需要人来判断。

    ## 依据
    国办公开办函〔2021〕30号：年度报告“内容雷同、敷衍塞责”的，依《中华人民共和国政府信息公开条例》
    第四十七条追责。
    """
    min_chars = int(ctx.options.get("min_chars", 40))
    min_sentence = int(ctx.options.get("min_sentence", 20))
    for rep in repeated_passages(report.prose_lines(), report.text, min_chars=min_chars, min_sentence=min_sentence):
        text = report.text[rep.span.start : rep.span.end]
        if _not_prose(_outside_titles(report, rep.span), min_chars):
            continue
        line = report.source_line(rep.first.start)
        yield Violation(rep.span, f"这段文字（{rep.chars} 字）与第 {line} 行重复：“{_preview(text)}”，应删除重复内容或改写")


# What may repeat without being a copied passage: a cited document's title (《…》),
# the template's own words (section titles, table labels), and markup or a style
# sheet pasted twice (GAI704 reports that).
_CITED_RE = re.compile(r"〈[^〉]{0,80}〉")
_TEMPLATE_WORDS = sorted({*(t[2:] for t in SECTIONS), *(label for label, _ in TABLE3_ROWS), *TABLE2_ROWS}, key=len, reverse=True)


def _cjk(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _outside_titles(report: Report, span: Span) -> str:
    """The passage without what lies inside a cited title (《…》) around or in it."""
    line = report.line_at(span.start)
    text, base = line.text, line.span.start
    keep = [True] * (span.end - span.start)
    for m in re.finditer(r"《[^》]{0,120}》", text):
        for i in range(max(m.start() + base, span.start), min(m.end() + base, span.end)):
            keep[i - span.start] = False
    return "".join(ch for ch, k in zip(report.text[span.start : span.end], keep) if k)


def _not_prose(text: str, min_chars: int) -> bool:
    rest = _CITED_RE.sub("", text)
    for word in _TEMPLATE_WORDS:  # only for the few passages found twice
        rest = rest.replace(word, "")
    letters = _cjk(rest)
    if letters < _cjk(text) * 0.3:
        return True  # mostly markup or Latin: a style sheet, a URL
    return letters < min_chars // 2


@rule(code="GAI604", name="vague-problems", severity="info", tags=("content", "section5"))
def vague_problems(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """“存在的主要问题”只有套话，没有具体的数字、名称或日期。

    ## 检查内容
    第五部分中“下一步”“改进措施”之前的问题描述，若有两处以上套话（有待进一步加强、
    还不够及时、存在一定差距、意识不强……），却没有一个带单位的数字、日期、《》中的名称
    或引号中的具体事项，就提示。

    ## 为什么是问题
    “有待进一步加强”放在哪一年、哪个单位的报告里都成立，读者看不出问题究竟是什么，
    也无法在下一年检查整改；评估机构把这类表述视为敷衍。

    ## 示例
    ```
    一是政务信息公开力度有待进一步加大，二是政务信息公开的内容还不够全面，三是信息公开更新还不够及时。
    ```

    ## 应改为
    ```
    一是乡镇板块有14个栏目超过3个月未更新；二是全年仅发布政策解读2篇，低于县定目标6篇。
    ```

    ## 修复说明
    无自动修复。

    ## 依据
    《中华人民共和国政府信息公开条例》第五十条第（四）项；国办公开办函〔2021〕30号：
    年度报告“内容雷同、敷衍塞责”的依第四十七条追责。
    """
    lines = report.prose_lines(5)
    problems = []
    for s in sentences(lines):
        if _MEASURES_RE.search(s.text):
            break
        problems.append(s)
    vague = [(s, m) for s in problems for m in _VAGUE_RE.finditer(s.text)]
    phrases = list(dict.fromkeys(m.group() for _, m in vague))
    if len(phrases) < 2 or any(_CONCRETE_RE.search(s.text) for s in problems):
        return
    s, m = vague[0]
    shown = "".join(f"“{p}”" for p in phrases[:4])
    yield Violation(
        Span(s.span.start + m.start(), s.span.start + m.end()),
        f"第五部分所列问题多为套话（{shown}），没有具体的数字、名称或日期：应写明具体是什么问题、涉及哪些栏目或多少件",
    )


RULES = [no_rectification, empty_other_matters, duplicate_passage, vague_problems]
