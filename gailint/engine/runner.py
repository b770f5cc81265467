"""Run the selected rules on a report; one rule's crash never stops the others."""

from __future__ import annotations

import traceback
from dataclasses import replace
from types import MappingProxyType
from collections.abc import Iterable
from typing import Any

from gailint.engine.diagnostics import Diagnostic, Severity, Violation
from gailint.engine.rule import Rule, RuleContext
from gailint.model import Report, Span

INTERNAL_CODE = "GAI001"
INTERNAL_NAME = "internal-error"
IO_CODE = "GAI003"
IO_NAME = "io-error"


def internal_error(message: str, path: str | None) -> Diagnostic:
    """A GAI001 diagnostic at the start of the text (the engine's, not a rule's)."""
    return Diagnostic(
        code=INTERNAL_CODE,
        name=INTERNAL_NAME,
        severity=Severity.ERROR,
        message=message,
        span=Span(0, 0),
        path=path,
    )


def io_error(message: str, path: str, url: str | None = None) -> Diagnostic:
    """GAI003: the file could not be read as a report (the engine's, not a rule's)."""
    return Diagnostic(
        code=IO_CODE,
        name=IO_NAME,
        severity=Severity.ERROR,
        message=f"无法读取文件：{message}",
        span=Span(0, 0),
        path=path,
        url=url,
    )


def _clamp(span: Span, length: int) -> Span:
    start = min(max(span.start, 0), length)
    return Span(start, min(max(span.end, start), length))


def run_rules(
    report: Report,
    rules: Iterable[tuple[Rule, Severity, bool]],
    *,
    options: dict[str, dict[str, Any]] | None = None,
    settings: Any = None,
    vocabulary: dict[str, Any] | None = None,
    neighbours=None,
) -> list[Diagnostic]:
    """Diagnostics of ``rules`` on ``report``. Each rule comes with the severity it
    runs at and whether the user configured that severity (then it also overrides the
    severity a rule gives one finding, e.g. info for an accepted variant).

    A rule that raises produces one GAI001 diagnostic naming it; the rest still run.
    """
    out: list[Diagnostic] = []
    n = len(report.text)
    words = vocabulary or {}
    for rule, severity, explicit in rules:
        configured = options.get(rule.code) if options else None
        # Read-only: a rule's options are shared by every file of the run.
        opts = MappingProxyType({**rule.options, **configured} if configured else rule.options)
        ctx = RuleContext(opts, settings, words, neighbours)
        try:
            found: list[Violation] = list(rule.check(report, ctx))
        except Exception as exc:
            tb = traceback.extract_tb(exc.__traceback__)
            where = f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else "?"
            out.append(
                internal_error(
                    f"规则 {rule.code}（{rule.name}）运行出错：{type(exc).__name__}: {exc}（{where}），其他规则照常运行",
                    report.path,
                )
            )
            continue
        unsafe = rule.fix_safety == "unsafe"
        for v in found:
            sev = v.severity if v.severity is not None and not explicit else severity
            fix = v.fix
            if unsafe and fix is not None and fix.safe:
                fix = replace(fix, safe=False)
            out.append(
                Diagnostic(
                    code=rule.code,
                    name=rule.name,
                    severity=sev,
                    message=v.message,
                    span=_clamp(v.span, n),
                    fix=fix,
                    path=report.path,
                    url=rule.docs_url,
                )
            )
    out.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return out
