"""The national rule pack: the checks of 国办公开办函〔2021〕30号's report format.

Registered through the ``gailint`` entry point like any third-party pack.
"""

from __future__ import annotations

from gailint import PackInfo, hookimpl
from gailint_rules.national import arithmetic, content, crossyear, dates, period, prose, residue, sections, structure, tables, template_checks, text_quality

MODULES = (structure, tables, arithmetic, period, residue, sections, template_checks, crossyear, dates, prose, content, text_quality)


@hookimpl
def gailint_pack_info() -> PackInfo:
    return PackInfo(
        description="全国统一的年度报告格式（国办公开办函〔2021〕30号）",
        sources=("《中华人民共和国政府信息公开条例》（国务院令第711号）", "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》"),
        default=True,
    )


@hookimpl
def gailint_register_rules():
    return [r for m in MODULES for r in m.RULES]
