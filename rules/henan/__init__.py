"""The Henan pack (河南省): the fee header of table 二 and its 4 decimals.

Select it in a config with ``packs = ["henan"]``; it never runs otherwise, so a
report from another province gets no Henan findings. Sources: README.md beside
this file and ``gailint packs``.
"""

from __future__ import annotations

from gailint import PackInfo, RuleOverride, hookimpl
from gailint_rules.henan import fee

SOURCES = (
    "河南省各级行政机关年度报告表二第二十条第（八）项的表头“本年收费金额（单位：万元，保留4位小数）”"
    "（如 tests/fixtures 中西平县人和乡、宜阳县人民政府办公室的 2021 年度报告）",
    "《河南省人民政府办公厅关于政府信息公开信息处理费征收有关问题的通知》（2021年1月发布）："
    "信息处理费属于行政事业性收费，收取情况按全国政府信息公开工作主管部门规定的格式统计汇总，纳入年度报告",
    "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》表二",
)


@hookimpl
def gailint_pack_info() -> PackInfo:
    return PackInfo(
        version="1.0.0",
        description="收费金额的表头用河南省的写法，金额保留4位小数",
        province="河南省",
        overrides=("GAI207",),
        sources=SOURCES,
    )


@hookimpl
def gailint_register_rules():
    return [fee.fee_label, fee.fee_decimals]


@hookimpl
def gailint_rule_overrides():
    # HEN002 checks the 4 decimals whatever the header says, at warning and with a
    # fix; the national GAI207 would report the same cell again as info.
    return {"GAI207": RuleOverride(options={"label-decimals": False})}
