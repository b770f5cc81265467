"""The report models the fixtures are rendered from.

One 2021-template report (the main model, with a variant whose （七）总计 is off by one),
one 2019-template report and one 2021-template report that keeps the 2019 one-row
（六）其他处理.  Labels are copied from /work/shared/spec/template-2021.md and, for the 2019
format, from the corpus files 102/103/114/132/133 (2019 grid).  Prose is modelled on the
seeds (003 三泉镇, 001 通渭县, 004 宜阳县) and the corpus (104 君山片区).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Optional, Union

Num = Optional[Union[int, float]]

SECTIONS_2021 = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T4_GROUPS = ["行政复议", "未经复议直接起诉", "复议后起诉"]
T4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# Table 二, 2021 template: (caption, header, [(row label, n values)])
TABLE2_2021 = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", 3), ("行政规范性文件", 3)]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", 1)]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [("行政处罚", 1), ("行政强制", 1)]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("行政事业性收费", 1)]),
]

# Table 二, 2019 trial template (国办公开办函〔2019〕60号), labels as in corpus 103/132.
TABLE2_2019 = [
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("规章", 3), ("规范性文件", 3)]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政许可", 3), ("其他对外管理服务事项", 3)]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("行政处罚", 3), ("行政强制", 3)]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [("行政事业性收费", 2)]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [("政府集中采购", 2)]),
]

G3 = "三、本年度办理结果"
# Table 三 rows: (level-1 label, level-2 label, level-3 label); None where the row has no such level.
TABLE3_2021: list[tuple[str, Optional[str], Optional[str]]] = [
    ("一、本年新收政府信息公开申请数量", None, None),
    ("二、上年结转政府信息公开申请数量", None, None),
    (G3, "（一）予以公开", None),
    (G3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    *[(G3, "（三）不予公开", x) for x in [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]],
    *[(G3, "（四）无法提供", x) for x in [
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]],
    *[(G3, "（五）不予处理", x) for x in [
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息"]],
    *[(G3, "（六）其他处理", x) for x in [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他"]],
    (G3, "（七）总计", None),
    ("四、结转下年度继续办理", None, None),
]
# 2019 trial template: same rows, but （六）其他处理 is one row with its own numbers.
TABLE3_2019 = [r for r in TABLE3_2021 if r[1] != "（六）其他处理"]
TABLE3_2019.insert(TABLE3_2019.index((G3, "（七）总计", None)), (G3, "（六）其他处理", None))


def row_label(row: tuple[str, Optional[str], Optional[str]]) -> str:
    return row[2] or row[1] or row[0]


@dataclass
class Block:
    kind: str  # "p" (paragraph), "h" (sub-heading paragraph), "table" (text = 二/三/四)
    text: str


@dataclass
class Section:
    heading: str
    blocks: list[Block]


@dataclass
class Report:
    key: str
    template: str  # "2021" or "2019"
    issuer: str
    year: int
    title: str
    preamble: list[str]
    period: str  # the statistics-period phrase exactly as in the preamble
    sections: list[Section]
    table2: list[Num]  # template order, flat
    table3: list[list[Num]]  # one list of 7 per row of the row list below
    table3_rows: list[tuple[str, Optional[str], Optional[str]]]
    table4: list[Num]
    signature: str
    date: str
    fee_unit: str = "万元"
    defects: list[dict] = field(default_factory=list)

    @property
    def table2_spec(self):
        return TABLE2_2021 if self.template == "2021" else TABLE2_2019

    def table2_rows(self) -> list[tuple[str, list[Num]]]:
        out, i = [], 0
        for _cap, _hdr, rows in self.table2_spec:
            for label, n in rows:
                out.append((label, self.table2[i:i + n]))
                i += n
        return out

    def headings(self) -> list[str]:
        return [s.heading for s in self.sections]


def check_identities(r: Report) -> list[str]:
    """The 勾稽关系 of template-2021.md §7; returns what is broken (blank counts as 0)."""
    z = lambda v: v or 0  # noqa: E731
    t3 = [[z(v) for v in row] for row in r.table3]
    labels = [row_label(x) for x in r.table3_rows]
    broken = []
    for i, row in enumerate(t3):
        if sum(row[:6]) != row[6]:
            broken.append(f"applicant-total {labels[i]}: {sum(row[:6])} != {row[6]}")
    i7 = labels.index("（七）总计")
    for c in range(7):
        if t3[0][c] + t3[1][c] != t3[i7][c] + t3[-1][c]:
            broken.append(f"application-identity col {T3_COLUMNS[c]}: "
                          f"{t3[0][c]}+{t3[1][c]} != {t3[i7][c]}+{t3[-1][c]}")
        s = sum(t3[k][c] for k in range(2, i7))
        if s != t3[i7][c]:
            broken.append(f"results-total col {T3_COLUMNS[c]}: {s} != {t3[i7][c]}")
    t4 = [z(v) for v in r.table4]
    for g in range(3):
        if sum(t4[g * 5:g * 5 + 4]) != t4[g * 5 + 4]:
            broken.append(f"review-litigation-total {T4_GROUPS[g]}")
    return broken


def _t3(rows, nonzero: dict[str, list[int]]) -> list[list[Num]]:
    """Table 三 values: rows not named are all zero; 总计 columns are given explicitly."""
    out = []
    for row in rows:
        key = row_label(row)
        out.append(list(nonzero.get(key, [0] * 7)))
    return out


# ---------------------------------------------------------------- main model (2021, 2023)
ISSUER = "滨江市临河区住房和城乡建设局"
YEAR = 2023
PERIOD = "本报告所列数据统计期限为2023年1月1日至2023年12月31日"

MAIN_T3 = _t3(TABLE3_2021, {
    "一、本年新收政府信息公开申请数量": [12, 2, 0, 0, 0, 0, 14],
    "二、上年结转政府信息公开申请数量": [3, 0, 0, 0, 1, 0, 4],
    "（一）予以公开": [6, 1, 0, 0, 0, 0, 7],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [2, 0, 0, 0, 1, 0, 3],
    "4.保护第三方合法权益": [1, 0, 0, 0, 0, 0, 1],
    "6.属于四类过程性信息": [0, 1, 0, 0, 0, 0, 1],
    "1.本机关不掌握相关政府信息": [3, 0, 0, 0, 0, 0, 3],
    "2.重复申请": [1, 0, 0, 0, 0, 0, 1],
    "（七）总计": [13, 2, 0, 0, 1, 0, 16],
    "四、结转下年度继续办理": [2, 0, 0, 0, 0, 0, 2],
})

MAIN_SECTIONS = [
    Section(SECTIONS_2021[0], [
        Block("p", "2023年，区住房和城乡建设局在区委、区政府的统一领导下，认真贯彻落实《中华人民共和国政府信息公开条例》"
                   "（以下简称《条例》），坚持以公开为常态、不公开为例外，围绕住房保障、城市更新、建筑市场监管等重点工作，"
                   "持续深化政务公开，全年政府信息公开工作平稳有序。"),
        Block("h", "（一）主动公开"),
        Block("p", "全年通过区政府门户网站“政府信息公开”专栏主动公开政府信息412条，其中机构职能类信息16条，"
                   "规划计划类信息9条，财政预决算类信息6条，保障性住房分配类信息58条，建筑市场监管类信息137条，"
                   "其他信息186条。制发行政规范性文件3件，同步发布政策解读3篇。"),
        Block("h", "（二）依申请公开"),
        Block("p", "全年共收到政府信息公开申请14件，其中自然人申请12件、商业企业申请2件，上年结转4件，"
                   "已办结16件，结转下年度继续办理2件，均在法定期限内答复。未收取信息处理费。"),
        Block("h", "（三）政府信息管理"),
        Block("p", "严格落实信息发布“三审三校”制度和保密审查制度，全年审核拟公开信息430余条，未发生失泄密事件；"
                   "对现行有效的17件行政规范性文件逐件清理，及时更新公开目录。"),
        Block("h", "（四）政府信息公开平台建设"),
        Block("p", "依托区政府门户网站集约化平台和“临河住建”微信公众号发布信息，公众号全年推送信息265篇，"
                   "在政务服务大厅设置政府信息查阅点1处。"),
        Block("h", "（五）监督保障"),
        Block("p", "调整局政务公开工作领导小组，明确办公室1名专职人员，将政务公开纳入年度绩效考核；"
                   "全年组织业务培训2次，开展季度自查4次，未发生责任追究情形。"),
    ]),
    Section(SECTIONS_2021[1], [Block("table", "二")]),
    Section(SECTIONS_2021[2], [Block("table", "三")]),
    Section(SECTIONS_2021[3], [Block("table", "四")]),
    Section(SECTIONS_2021[4], [
        Block("p", "2023年我局政府信息公开工作取得一定成效，但仍存在不足：一是保障性住房分配结果公开不够及时，"
                   "个别批次公示晚于规定时限3个工作日；二是政策解读形式较为单一，图解、视频解读仅占12%。"),
        Block("p", "针对上述问题，我局将建立保障性住房公示台账，逐批明确公示时限；每季度至少推出1篇图解或视频解读。"),
        Block("p", "上年度问题整改情况：针对2022年报告指出的“依申请公开答复文书不够规范”问题，"
                   "我局于2023年3月修订答复文书模板12类，并组织专题培训1次，已整改到位。"),
    ]),
    Section(SECTIONS_2021[5], [
        Block("p", "本年度我局未收取信息处理费。根据《政府信息公开信息处理费管理办法》，本年度未发出收费通知。"),
        Block("p", "本年度无其他需要报告的事项。"),
    ]),
]


def main_report() -> Report:
    return Report(
        key="main",
        template="2021",
        issuer=ISSUER,
        year=YEAR,
        title=f"{ISSUER}{YEAR}年政府信息公开工作年度报告",
        preamble=[
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国"
            "政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。"
            "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、"
            "行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成，"
            f"{PERIOD}。本报告电子版可在滨江市临河区人民政府门户网站查阅。如对本报告有疑问，"
            "请与滨江市临河区住房和城乡建设局办公室联系（电话：0571-86012345）。",
        ],
        period=PERIOD,
        sections=copy.deepcopy(MAIN_SECTIONS),
        table2=[0, 0, 0, 3, 1, 17, 236, 1721, 13, 12.35],
        table3=MAIN_T3,
        table3_rows=TABLE3_2021,
        table4=[1, 1, 0, 1, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1],
        signature=ISSUER,
        date="2024年1月22日",
    )


def defect_report() -> Report:
    """The main model with （七）总计/总计 off by one (16 -> 17): breaks three identities."""
    r = main_report()
    r.key = "defect"
    i7 = [row_label(x) for x in r.table3_rows].index("（七）总计")
    r.table3 = copy.deepcopy(r.table3)
    r.table3[i7][6] = 17
    r.defects = [{
        "kind": "broken-identity",
        "table": "三", "row": "（七）总计", "column": "总计", "value": 17, "correct": 16,
        "broken": ["applicant-total （七）总计: 13+2+0+0+1+0 = 16 != 17",
                   "results-total 总计 column: sum of the 21 result rows = 16 != 17",
                   "application-identity 总计 column: 14+4 = 18 != 17+2 = 19"],
    }]
    return r


# ---------------------------------------------------------------- 2019 template (2020 report)
ISSUER_2019 = "滨江市临河区城市管理局"
PERIOD_2019 = "本报告所列数据统计期限自2020年1月1日起至2020年12月31日止"


def report_2019() -> Report:
    t3 = _t3(TABLE3_2019, {
        "一、本年新收政府信息公开申请数量": [5, 1, 0, 0, 0, 0, 6],
        "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
        "（一）予以公开": [3, 1, 0, 0, 0, 0, 4],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [1, 0, 0, 0, 0, 0, 1],
        "1.本机关不掌握相关政府信息": [1, 0, 0, 0, 0, 0, 1],
        "（六）其他处理": [1, 0, 0, 0, 0, 0, 1],
        "（七）总计": [6, 1, 0, 0, 0, 0, 7],
    })
    return Report(
        key="t2019",
        template="2019",
        issuer=ISSUER_2019,
        year=2020,
        title=f"{ISSUER_2019}2020年政府信息公开工作年度报告",
        preamble=[
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
            "关于印发〈中华人民共和国政府信息公开工作年度报告格式（试行）〉的通知》（国办公开办函〔2019〕60号）要求，"
            "编制本报告。报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项等六个部分，"
            f"{PERIOD_2019}。",
        ],
        period=PERIOD_2019,
        sections=[
            Section(SECTIONS_2021[0], [
                Block("p", "2020年，我局认真贯彻执行《条例》，围绕城市管理中心工作和疫情防控，持续推进政府信息公开。"),
                Block("p", "（一）主动公开情况。全年主动公开政府信息205条，其中规范性文件2件，行政处罚结果127条。"),
                Block("p", "（二）依申请公开情况。全年收到政府信息公开申请6件，上年结转1件，均已按期答复。"),
                Block("p", "（三）政府信息管理情况。落实保密审查制度，全年审核拟公开信息210条。"),
                Block("p", "（四）平台建设情况。依托区政府门户网站和“临河城管”微信公众号发布信息。"),
                Block("p", "（五）监督保障情况。将政务公开纳入年度考核，全年开展自查2次。"),
            ]),
            Section(SECTIONS_2021[1], [Block("table", "二")]),
            Section(SECTIONS_2021[2], [Block("table", "三")]),
            Section(SECTIONS_2021[3], [Block("table", "四")]),
            Section(SECTIONS_2021[4], [
                Block("p", "一是部分执法结果公开不够及时；二是政策解读数量偏少。2021年将建立执法结果公开台账，"
                           "每月核对一次。上年度“栏目更新不及时”问题已于2020年4月完成整改。"),
            ]),
            Section(SECTIONS_2021[5], [Block("p", "本年度未收取信息处理费，无其他需要报告的事项。")]),
        ],
        # 规章 3, 规范性文件 3, 行政许可 3, 其他对外管理服务事项 3, 行政处罚 3, 行政强制 3, 收费 2, 采购 2
        table2=[0, 0, 0, 2, 2, 9, 14, -1, 236, 3, 0, 5, 8, 0, 127, 2, 0, 6, 1, 0, 6, 86.5],
        table3=t3,
        table3_rows=TABLE3_2019,
        table4=[0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
        signature=ISSUER_2019,
        date="2021年1月25日",
    )


# ---------------------------------------------------------------- 2021 template keeping one 2019 row
ISSUER_MIX = "滨江市临河区卫生健康局"
PERIOD_MIX = "统计期限为2022年1月1日至12月31日"


def report_mixed() -> Report:
    rows = list(TABLE3_2019)  # the 2019 one-row （六）其他处理 kept inside an otherwise 2021 report
    t3 = _t3(rows, {
        "一、本年新收政府信息公开申请数量": [9, 3, 0, 1, 0, 0, 13],
        "二、上年结转政府信息公开申请数量": [0, 0, 0, 0, 0, 0, 0],
        "（一）予以公开": [5, 2, 0, 1, 0, 0, 8],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [1, 0, 0, 0, 0, 0, 1],
        "1.本机关不掌握相关政府信息": [2, 1, 0, 0, 0, 0, 3],
        "（六）其他处理": [1, 0, 0, 0, 0, 0, 1],
        "（七）总计": [9, 3, 0, 1, 0, 0, 13],
    })
    return Report(
        key="mixed",
        template="2021",
        issuer=ISSUER_MIX,
        year=2022,
        title=f"{ISSUER_MIX}2022年政府信息公开工作年度报告",
        preamble=[
            "本报告根据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号要求编制，"
            f"{PERIOD_MIX}。",
        ],
        period=PERIOD_MIX,
        sections=[
            Section(SECTIONS_2021[0], [
                Block("p", "2022年，我局坚持以公开促落实、以公开促服务，做好疫情防控和医疗卫生信息公开。"),
                Block("p", "（一）主动公开。全年主动公开政府信息318条，其中疫情防控信息96条。"),
                Block("p", "（二）依申请公开。全年收到政府信息公开申请13件，全部办结。"),
                Block("p", "（三）政府信息管理。严格执行发布审核制度，清理行政规范性文件4件。"),
                Block("p", "（四）政府信息公开平台建设。完善门户网站“卫生健康”专栏。"),
                Block("p", "（五）监督保障。将政务公开纳入科室年度考核。"),
            ]),
            Section(SECTIONS_2021[1], [Block("table", "二")]),
            Section(SECTIONS_2021[2], [Block("table", "三")]),
            Section(SECTIONS_2021[3], [Block("table", "四")]),
            Section("五、政府信息公开工作存在的主要问题及改进情况", [
                Block("p", "主要问题是医疗机构执业信息更新不及时。2023年将按月更新。"
                           "上年度指出的公开目录不完整问题已于2022年6月整改完毕。"),
            ]),
            Section(SECTIONS_2021[5], [Block("p", "本年度未收取信息处理费。")]),
        ],
        table2=[0, 0, 0, 1, 0, 4, 1532, 87, 5, 0],
        table3=t3,
        table3_rows=rows,
        table4=[1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        signature=ISSUER_MIX,
        date="2023年1月18日",
    )


if __name__ == "__main__":
    for r in (main_report(), defect_report(), report_2019(), report_mixed()):
        print(r.key, r.template, len(r.table2), len(r.table3), len(r.table4), check_identities(r))
