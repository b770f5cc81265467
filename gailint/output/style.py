"""Colour on a terminal, and the summary line the human formats end with."""

from __future__ import annotations

import os
from typing import TextIO

from gailint.engine.diagnostics import Severity
from gailint.output import Totals

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
SEVERITY_COLOR = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
    Severity.HINT: "\x1b[1;34m",
}
CYAN = "\x1b[36m"
DIM = "\x1b[2m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示", Severity.HINT: "建议"}


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, never when NO_COLOR is set (no-color.org);
    FORCE_COLOR turns it on anywhere (CI logs that render ANSI)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


def paint(text: str, code: str, enabled: bool) -> str:
    return f"{code}{text}{RESET}" if enabled and text else text


def summary_line(totals: Totals, *, fix_hint: bool = True) -> str:
    """共发现 N 个问题（错误 a，警告 b）。其中 x 个可用 … 自动修复…"""
    total = totals.diagnostics
    skipped = f"（跳过 {totals.skipped} 个不像年度报告的文件）" if totals.skipped else ""
    if not total:
        return f"未发现问题{skipped}。\n"
    parts = "，".join(f"{SEVERITY_ZH[s]} {n}" for s, n in sorted(totals.by_severity.items(), reverse=True))
    line = f"共发现 {total} 个问题（{parts}）{skipped}。"
    if fix_hint and totals.fixable:
        line += f"其中 {totals.fixable} 个可用 `gailint check --fix` 自动修复（[*]）。"
    if fix_hint and totals.unsafe:
        line += f"另有 {totals.unsafe} 个不安全的修复（[-]：会改变数字或陈述事实），核实后可用 `--unsafe-fixes` 应用。"
    return line + "\n"
