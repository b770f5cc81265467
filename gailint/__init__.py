"""gailint: a linter and language server for 政府信息公开工作年度报告.

Public API for rule-pack authors::

    from gailint import hookimpl, rule, Violation, Fix, Edit, Report

    @rule(code="HEN101", name="henan-fee-decimals", severity="info")
    def henan_fee_decimals(report: Report, ctx):
        \"\"\"## 检查内容 …\"\"\"
        ...

    @hookimpl
    def gailint_register_rules():
        return [henan_fee_decimals]
"""

from gailint.engine.diagnostics import Diagnostic, Edit, Fix, Severity, Violation
from gailint.engine.hookspecs import hookimpl
from gailint.engine.pack import PackInfo, RuleOverride
from gailint.engine.rule import Rule, RuleContext, rule
from gailint.model import Cell, Label, Report, Row, Section, Span, Table

__version__ = "0.1.0"

__all__ = [
    "Cell",
    "Diagnostic",
    "Edit",
    "Fix",
    "Label",
    "PackInfo",
    "Report",
    "Row",
    "RuleOverride",
    "Rule",
    "RuleContext",
    "Section",
    "Severity",
    "Span",
    "Table",
    "Violation",
    "__version__",
    "hookimpl",
    "rule",
]
