"""The national rule pack: the checks of 国办公开办函〔2021〕30号's report format.

Registered through the ``gailint`` entry point like any third-party pack.
"""

from __future__ import annotations

from gailint import hookimpl
from gailint_rules.national import arithmetic, content, crossyear, dates, period, prose, residue, sections, structure, tables, template_checks, text_quality

MODULES = (structure, tables, arithmetic, period, residue, sections, template_checks, crossyear, dates, prose, content, text_quality)


@hookimpl
def gailint_register_rules():
    return [r for m in MODULES for r in m.RULES]
