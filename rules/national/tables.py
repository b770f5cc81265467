"""GAI2xx: table labels and completeness (template-2021.md §4–6)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from gailint import Edit, Fix, Label, Report, RuleContext, Span, Violation, rule
from gailint.parse.normalize import norm
from gailint.template import TABLE3_COLUMNS, TABLE3_NOTE, TABLE4_SIZE

_TABLE_NAMES = {"table2": "表二（主动公开政府信息情况）", "table3": "表三（收到和处理政府信息公开申请情况）", "table4": "表四（行政复议、行政诉讼情况）"}


@rule(code="GAI201", name="nonstandard-label", severity="error", fix="always", tags=("tables", "labels"))
def nonstandard_label(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格标签与模板不一致。

    ## 检查内容
    表二、表三的每个行标签和表头，在 Unicode NFKC 规范化并去掉空白后与 2021 年模板比较；
    相近但不同的标签（错字、漏字）被报告。河南省的“本年收费金额（单位：万元，保留4位小数）”
    是已知的省级变体，不报告；规则包可通过词表 `labels`（模板标签 → 接受的写法）增加
    其他省级变体，启用该规则包的报告中这些写法也不报告。

    ## 为什么是问题
    模板的标签是统计口径的定义；改动标签（如“其他法律法规禁止公开”少了“行政”）
    会改变口径，评估机构按“表格不规范”扣分。

    ## 示例
    ```
    信息内容	本年制发件数	本年度止件数	现行有效件数
    ```

    ## 应改为
    ```
    信息内容	本年制发件数	本年废止件数	现行有效件数
    ```

    ## 修复说明
    把标签替换为模板原文，只改动该标签的字符。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    accepted = _accepted_variants(ctx)
    for table in (report.table2, report.table3):
        if table is None:
            continue
        labels = [h for h in table.headers if h.template] + [r.label for r in table.found_rows]
        for label in sorted(labels, key=lambda lb: lb.span.start):
            if label.exact or norm(label.text) in accepted.get(norm(label.template), ()):
                continue
            if not label.text:
                # The row's numbers stand where the template puts this row, without a label.
                row = next(r for r in table.found_rows if r.label is label)
                where = Span(row.cells[0].span.start, row.cells[-1].span.end) if row.cells else label.span
                yield Violation(where, f"这一行数字没有标签：按位置应为“{label.template}”，请补上行标签")
                continue
            yield Violation(
                label.span,
                f"表格标签“{label.text}”与模板不一致，应为“{label.template}”",
                Fix(f"改为“{label.template}”", (Edit.replace(label.span, label.template),)),
            )


def _accepted_variants(ctx: RuleContext) -> dict[str, set[str]]:
    """The packs' ``labels`` vocabulary, normalised: template label -> variants."""
    labels = ctx.vocabulary.get("labels", {}) if isinstance(ctx.vocabulary, Mapping) else {}
    out: dict[str, set[str]] = {}
    if isinstance(labels, Mapping):
        for template, variants in labels.items():
            if isinstance(template, str) and isinstance(variants, (list, tuple)):
                out.setdefault(norm(template), set()).update(norm(v) for v in variants if isinstance(v, str))
    return out


@rule(code="GAI204", name="incomplete-table", severity="error", tags=("tables",))
def incomplete_table(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格的数值少于模板规定的个数。

    ## 检查内容
    表二每行的数值个数（规章、行政规范性文件各 3 个，其余各 1 个），表三每行 7 个
    （自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），表四 15 个。

    ## 为什么是问题
    少了数值，读者无法知道哪一格缺失，勾稽关系也无法核对；常见于从网页复制时丢了单元格。

    ## 示例
    表四只有一行 `0 1 0 0 1 0 0 0 0`（9 个数值）。

    ## 应改为
    补齐 15 个数值：行政复议 5 个，未经复议直接起诉 5 个，复议后起诉 5 个。

    ## 修复说明
    无自动修复：缺了哪一格只有作者知道。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    for table in (report.table2, report.table3, report.table4):
        if table is None:
            continue
        for row in table.found_rows:
            if row.complete or row.unread is not None:
                continue  # digits that ran together: GAI208 says why they were not read
            found = len(row.cells)
            if table.name == "table4":
                where = _TABLE_NAMES["table4"]
                span = Span(row.cells[0].span.start, row.cells[-1].span.end) if row.cells else row.label.span
                yield Violation(span, f"{where}应有 {TABLE4_SIZE} 个数值，只找到 {found} 个")
            else:
                name = table.row_name(row.index)
                yield Violation(row.label.span, f"{_TABLE_NAMES[table.name]}“{name}”一行应有 {row.expected} 个数值，只找到 {found} 个")


@rule(code="GAI208", name="unseparated-cells", severity="info", tags=("tables",))
def unseparated_cells(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表格的数字连在一起，无法分辨各单元格。

    ## 检查内容
    表格单元格之间没有任何分隔（如“行政许可15130000154”），无法确定每格的数值。
    这时 gailint 不猜测，该表的勾稽关系不再检查，只报告一次。

    ## 为什么是问题
    从网页或 PDF 复制时表格被压扁，读者同样无法读出数值；发布前应恢复表格。

    ## 示例
    ```
    行政许可15130000154
    ```

    ## 应改为
    ```
    行政许可	1513
    ```

    ## 修复说明
    无自动修复：数字如何拆分无法确定。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表二至表四。
    """
    for table in (report.table2, report.table3, report.table4):
        if table is None:
            continue
        rows = {r.unread: r for r in table.found_rows if r.unread is not None}
        for span in table.unread:
            run = span.text(report.text)
            row = rows.get(span)
            digits = sum(ch.isdigit() for ch in run)
            if row is None:
                where, why = f"{_TABLE_NAMES[table.name]}中", "无法分辨各单元格"
            else:
                name = table.row_name(row.index)
                where = f"{_TABLE_NAMES[table.name][:2]}“{name}”一行"
                if digits < row.expected:
                    why = f"只有 {digits} 位数字，少于该行的 {row.expected} 个单元格，至少缺了一格"
                else:
                    why = f"可以拆成不止一种 {row.expected} 个单元格的读法，无法确定"
            yield Violation(span, f"{where}的数字“{run}”连在一起，{why}；涉及它的勾稽关系未检查")


_LEGAL_PERSON = TABLE3_COLUMNS[1:6]  # 商业企业 … 其他, under 法人或其他组织
_GENERIC_HEADER_RE = re.compile(r"^(?:数据|列|字段|栏|栏目|项目|column|col)\s*\d*$", re.IGNORECASE)
_MIN_READABLE = 4  # template column words found before the header is judged


@rule(code="GAI209", name="table-header", severity="warning", tags=("tables", "labels", "table3"))
def table_header(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表三的列标题缺失、被改名或顺序不对。

    ## 检查内容
    表三的列标题应为“申请人情况”下的“自然人”、“法人或其他组织”（其下为商业企业、科研机构、
    社会公益组织、法律服务机构、其他）和“总计”。在表头能读出至少 4 个模板列标题时，报告：
    缺少的列标题；重复出现的列标题（表头粘贴了两次）；“法人或其他组织”下五列的顺序与模板
    不同（按各列第一次出现的位置），或“自然人”不在它们前面；
    整个表头被转换工具换成了“数据1、数据2……”之类的通用名称。个别列标题写错（如“商业单位”）
    由 GAI201 报告并给出修复。PDF 文本中折成几段的表头读不出时不检查。

    ## 为什么是问题
    列标题规定了每一列数字是哪一类申请人；缺了或排错了，读者就会把自然人的申请数当成
    法人的，勾稽关系也无从核对。

    ## 示例
    ```
    申请人情况	自然人	法人或其他组织				总计
    		科研机构	商业企业	社会公益组织	法律服务机构	其他
    ```

    ## 应改为
    ```
    申请人情况	自然人	法人或其他组织				总计
    		商业企业	科研机构	社会公益组织	法律服务机构	其他
    ```

    ## 修复说明
    无自动修复：列标题调整后，各列数字要随之移动，需要作者核对。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表三的表头。
    """
    t3 = report.table3
    if t3 is None:
        return
    found = [h for h in t3.headers if h.template]
    exact = [h for h in found if h.exact and h.template in TABLE3_COLUMNS]
    generic = [h for h in t3.headers if not h.template and _GENERIC_HEADER_RE.match(norm(h.text))]
    if len({h.template for h in exact}) < _MIN_READABLE:
        if len(generic) >= 3:
            shown = "".join(f"“{h.text.strip()}”" for h in generic[:6])
            yield Violation(
                Span(generic[0].span.start, generic[-1].span.end),
                f"表三的列标题是{shown}，不是模板的“自然人”“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”“总计”",
            )
        return
    present = {h.template for h in found}
    missing = [c for c in TABLE3_COLUMNS if c not in present]
    anchor = found[0].span
    if missing:
        yield Violation(
            Span(anchor.start, found[-1].span.end),
            f"表三缺少列标题{'、'.join(f'“{c}”' for c in missing)}：表头应有“自然人”、“法人或其他组织”下的五列和“总计”",
        )
    # A header pasted twice names its columns twice: report the repeats, and judge
    # the order by each column's first appearance.
    first_seen: dict[str, Label] = {}
    repeats: list[Label] = []
    for h in exact:
        if h.template in first_seen:
            repeats.append(h)
        else:
            first_seen[h.template] = h
    if repeats:
        names = "、".join(dict.fromkeys(f"“{h.template}”" for h in repeats))
        yield Violation(Span(repeats[0].span.start, repeats[-1].span.end), f"表三的列标题{names}重复出现：表头只应有一行")
    order = [h for h in first_seen.values() if h.template in _LEGAL_PERSON]
    wanted = [c for c in _LEGAL_PERSON if c in first_seen]
    if [h.template for h in order] != wanted:
        first = next(h for h, w in zip(order, wanted) if h.template != w)
        yield Violation(
            first.span,
            f"表三“法人或其他组织”下的列标题顺序与模板不同：应为{'、'.join(_LEGAL_PERSON)}，实为{'、'.join(h.template for h in order)}",
        )
    natural = next((h for h in exact if h.template == "自然人"), None)
    if natural is not None and order and natural.span.start > order[0].span.start:
        yield Violation(natural.span, "表三的“自然人”列应在“法人或其他组织”各列之前")


_NOTE_END = norm(TABLE3_NOTE)[-10:]


@rule(code="GAI210", name="table-note", severity="warning", fix="always", tags=("tables", "labels", "table3"))
def table_note(report: Report, ctx: RuleContext) -> Iterator[Violation]:
    """表三的注（本列数据的勾稽关系为……）与模板不一致。

    ## 检查内容
    表三表头中的注应与模板一字不差：“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
    第四项之和）”。比较时忽略全角半角和空白；“钩稽”这样的错字、改动过的措辞都报告。
    PDF 文本中折成几行、读不全的注不检查。表四的模板没有注，不检查。

    ## 为什么是问题
    这句注是模板对表三数字关系的规定，评估机构据此核对；写错或改写，等于改了口径。

    ## 示例
    ```
    （本列数据的钩稽关系为：第一项加第二项之和，等于第三项加第四项之和）
    ```

    ## 应改为
    ```
    （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
    ```

    ## 修复说明
    把这句注替换为模板原文，只改动注本身的字符。

    ## 依据
    国办公开办函〔2021〕30号年度报告格式，表三表头的注；template-2021.md §5。
    """
    t3 = report.table3
    note = t3.note if t3 is not None else None
    if note is None or note.exact:
        return
    n = norm(note.text)
    if not (n.startswith(("(", "本列")) and (n.endswith(")") or n.endswith(_NOTE_END.rstrip(")")))):
        return  # a note wrapped across lines in PDF text: only a fragment was read
    yield Violation(
        note.span,
        f"表三的注“{note.text.strip()}”与模板不一致，应为“{TABLE3_NOTE}”",
        Fix("改为模板的注", (Edit.replace(note.span, TABLE3_NOTE),)),
    )


RULES = [nonstandard_label, incomplete_table, unseparated_cells, table_header, table_note]
