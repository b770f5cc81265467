"""Honour suppression comments; report unknown and unused ones (GAI002)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from gailint.engine.diagnostics import Diagnostic, Edit, Fix, Severity
from gailint.model import Report, Span
from gailint.parse.suppressions import Suppression, find_suppressions

UNUSED_CODE = "GAI002"
UNUSED_NAME = "unused-suppression"


@dataclass
class _Range:
    sup: Suppression
    codes: tuple[str, ...]
    start: int
    end: int
    used: set[str] = field(default_factory=set)

    def covers(self, d: Diagnostic) -> bool:
        return self.start <= d.span.start < self.end and (not self.codes or _matches(d.code, self.codes))


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return any(code.startswith(c) for c in codes)


def _ranges(report: Report, sups: tuple[Suppression, ...]) -> list[_Range]:
    n = len(report.text)
    starts = report.index.starts
    ranges: list[_Range] = []
    open_: list[_Range] = []
    for s in sups:
        if s.kind == "disable-file":
            ranges.append(_Range(s, s.codes, 0, n + 1))
        elif s.kind == "disable-next-line":
            line = s.line + 1
            a = starts[line] if line < len(starts) else n
            b = starts[line + 1] if line + 1 < len(starts) else n + 1
            ranges.append(_Range(s, s.codes, a, b))
        elif s.kind == "disable":
            r = _Range(s, s.codes, s.span.end, n + 1)
            ranges.append(r)
            open_.append(r)
        else:  # enable: closes the matching open ranges
            for r in list(open_):
                if not s.codes or set(r.codes) <= set(s.codes) or not r.codes:
                    r.end = s.span.start
                    open_.remove(r)
    return ranges


def _delete_comment(report: Report, s: Suppression) -> Edit:
    """Delete the comment, and its line when it stands alone there."""
    line = report.index.line_span(s.line, report.text)
    if report.text[line.start : line.end].strip() == report.text[s.span.start : s.span.end].strip():
        starts = report.index.starts
        end = starts[s.line + 1] if s.line + 1 < len(starts) else len(report.text)
        return Edit(line.start, end, "")
    return Edit(s.span.start, s.span.end, "")


def apply_suppressions(
    report: Report,
    diagnostics: list[Diagnostic],
    known_codes: Collection[str],
    unused_severity: Severity | None,
    enabled_codes: Collection[str] = (),
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add GAI002 for unknown or unused suppressions
    (when ``unused_severity`` is not None, i.e. GAI002 is enabled)."""
    sups = find_suppressions(report.text, report.index)
    if not sups:
        return diagnostics
    ranges = _ranges(report, sups)
    kept: list[Diagnostic] = []
    for d in diagnostics:
        hit = [r for r in ranges if r.covers(d)]
        if not hit:
            kept.append(d)
        for r in hit:
            r.used.add(d.code)
    if unused_severity is None:
        return kept
    for r in ranges:
        s = r.sup
        unknown = [c for c in s.codes if not any(k.startswith(c) for k in known_codes)]
        fix = Fix("删除这条抑制注释", (_delete_comment(report, s),))
        if unknown:
            msg = f"抑制注释中的规则代码{'、'.join(f'“{c}”' for c in unknown)}不存在"
        elif not r.used and UNUSED_CODE not in s.codes and all(
            any(k.startswith(c) for k in enabled_codes) for c in s.codes
        ):
            # A suppression of a rule that is not running now is not "unused".
            what = "、".join(s.codes) if s.codes else "任何规则"
            msg = f"抑制注释没有抑制任何问题（{what}）：可以删除"
        else:
            continue
        diag = Diagnostic(UNUSED_CODE, UNUSED_NAME, unused_severity, msg, Span(s.span.start, s.span.end), fix, report.path)
        if not any(x.covers(diag) for x in ranges if UNUSED_CODE in x.codes):
            kept.append(diag)
    kept.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return kept
