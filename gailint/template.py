"""The 2021 template's exact labels (国办公开办函〔2021〕30号).

Transcribed from ``spec/template-2021.yaml``; ``tests/test_template.py`` checks every
string here against that file, so a typo cannot creep in.
"""

from __future__ import annotations

SECTIONS: tuple[str, ...] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
# Headings accepted with at most an info (template-2021.md §3).
SECTION_VARIANTS: dict[int, tuple[str, ...]] = {
    5: ("五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"),
}
OVERVIEW_TOPICS: tuple[str, ...] = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")

# Table 二: (caption, header labels, row labels); the fee row's value is an amount.
TABLE2_GROUPS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("第二十条第（一）项", ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
    ("第二十条第（五）项", ("信息内容", "本年处理决定数量"), ("行政许可",)),
    ("第二十条第（六）项", ("信息内容", "本年处理决定数量"), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("信息内容", "本年收费金额（单位：万元）"), ("行政事业性收费",)),
)
TABLE2_ROWS: tuple[str, ...] = ("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费")
TABLE2_WIDTH: dict[str, int] = {"规章": 3, "行政规范性文件": 3, "行政许可": 1, "行政处罚": 1, "行政强制": 1, "行政事业性收费": 1}
FEE_ROW = "行政事业性收费"
FEE_LABEL = "本年收费金额（单位：万元）"
# Henan's provincial variant of the fee header (then the amount has 4 decimals).
FEE_LABEL_VARIANTS: tuple[str, ...] = ("本年收费金额（单位：万元，保留4位小数）",)

TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_COLUMNS: tuple[str, ...] = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
TABLE3_GROUPS: tuple[str, ...] = (
    "三、本年度办理结果",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
)
# The 25 value rows in template order; the second item is the group a row belongs to.
TABLE3_ROWS: tuple[tuple[str, str | None], ...] = (
    ("一、本年新收政府信息公开申请数量", None),
    ("二、上年结转政府信息公开申请数量", None),
    ("（一）予以公开", "三、本年度办理结果"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "三、本年度办理结果"),
    ("1.属于国家秘密", "（三）不予公开"),
    ("2.其他法律行政法规禁止公开", "（三）不予公开"),
    ("3.危及“三安全一稳定”", "（三）不予公开"),
    ("4.保护第三方合法权益", "（三）不予公开"),
    ("5.属于三类内部事务信息", "（三）不予公开"),
    ("6.属于四类过程性信息", "（三）不予公开"),
    ("7.属于行政执法案卷", "（三）不予公开"),
    ("8.属于行政查询事项", "（三）不予公开"),
    ("1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("2.没有现成信息需要另行制作", "（四）无法提供"),
    ("3.补正后申请内容仍不明确", "（四）无法提供"),
    ("1.信访举报投诉类申请", "（五）不予处理"),
    ("2.重复申请", "（五）不予处理"),
    ("3.要求提供公开出版物", "（五）不予处理"),
    ("4.无正当理由大量反复申请", "（五）不予处理"),
    ("5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
    ("3.其他", "（六）其他处理"),
    ("（七）总计", "三、本年度办理结果"),
    ("四、结转下年度继续办理", None),
)
T3_NEW, T3_CARRIED, T3_TOTAL, T3_NEXT = 0, 1, 23, 24
T3_RESULTS = range(2, 23)  # the 21 result rows summed by （七）总计
T3_FEE_UNPAID = 21  # 2.申请人逾期未按收费通知要求缴纳费用…

TABLE4_GROUPS: tuple[str, ...] = ("行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉")
TABLE4_COLUMNS: tuple[str, ...] = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
TABLE4_SIZE = 15

# The 2019 trial format's table 二 (国办公开办函〔2019〕60号), correct for the 2019 and
# 2020 reports. Same shape as TABLE2_GROUPS; 本年增/减 may be negative, amounts are 元.
TABLE2_2019_GROUPS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("第二十条第（一）项", ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"), ("规章", "规范性文件")),
    ("第二十条第（五）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"), ("行政许可", "其他对外管理服务事项")),
    ("第二十条第（六）项", ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量"), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("信息内容", "上一年项目数量", "本年增/减"), ("行政事业性收费",)),
    ("第二十条第（九）项", ("信息内容", "采购项目数量", "采购总金额"), ("政府集中采购",)),
)
TABLE2_2019_ROWS: tuple[str, ...] = tuple(r for _, _, rows in TABLE2_2019_GROUPS for r in rows)
TABLE2_2019_WIDTH: dict[str, int] = {r: len(h) - 1 for _, h, rows in TABLE2_2019_GROUPS for r in rows}
# Columns of the 2019 table 二 that hold amounts or signed changes, not counts.
TABLE2_2019_FREE_COLUMNS: frozenset[str] = frozenset({"本年增/减", "采购总金额"})

OLD_2019_FINGERPRINTS: tuple[str, ...] = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第（九）项",
    "政府集中采购",
    "采购项目数量",
    "采购总金额",
)
OLD_2019_EXACT_LABEL = "处理决定数量"
OLD_2019_EXACT_ROW = "规范性文件"


def table4_cell_name(index: int) -> str:
    group, column = divmod(index, len(TABLE4_COLUMNS))
    return f"{TABLE4_GROUPS[group]} · {TABLE4_COLUMNS[column]}"


def table3_row_path(index: int) -> str:
    """"三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密" for hover and messages."""
    label, group = TABLE3_ROWS[index]
    if group is None:
        return label
    if group == TABLE3_GROUPS[0]:
        return f"{group} · {label}"
    return f"{TABLE3_GROUPS[0]} · {group} · {label}"


def table3_row_name(index: int) -> str:
    """A short row name for messages: the group joins numbered sub-rows."""
    label, group = TABLE3_ROWS[index]
    if group and group != TABLE3_GROUPS[0]:
        return f"{group}{label}"
    return label
