"""Honour suppression comments; report unknown and unused ones (GAI002)."""

from __future__ import annotations

import bisect
import re

from collections.abc import Collection
from dataclasses import dataclass, field

from gailint.engine.diagnostics import Diagnostic, Edit, Fix, Severity
from gailint.model import Report, Span
from gailint.parse.suppressions import COMMENT_RE, Suppression, find_suppressions

UNUSED_CODE = "GAI002"
UNUSED_NAME = "unused-suppression"
_COMMENT_MAX = 200  # longer than any suppression comment worth closing up
_BLANKS_RE = re.compile(r"\s*+")


@dataclass
class _Range:
    sup: Suppression
    codes: tuple[str, ...]
    start: int
    end: int
    used: set[str] = field(default_factory=set)


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return any(code.startswith(c) for c in codes)


def _ranges(report: Report, sups: tuple[Suppression, ...]) -> list[_Range]:
    n = len(report.text)
    starts = report.index.starts
    ranges: list[_Range] = []
    # Open disable ranges grouped by their codes: an enable looks at each group once,
    # not at each of a thousand identical open ranges.
    open_: dict[frozenset[str], list[_Range]] = {}
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
            open_.setdefault(frozenset(r.codes), []).append(r)
        else:  # enable: closes the matching open ranges
            closing = set(s.codes)
            for key in [k for k in open_ if not s.codes or not k or k <= closing]:
                for r in open_.pop(key):
                    r.end = s.span.start
    return ranges


class _Union:
    """The offsets some range covers, merged: one binary search per look-up."""

    def __init__(self, ranges: list[_Range]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for r in sorted(ranges, key=lambda r: r.start):
            if r.start >= r.end:
                continue
            if self.ends and r.start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], r.end)
            else:
                self.starts.append(r.start)
                self.ends.append(r.end)

    def covers(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def _any_within(sorted_offsets: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_left(sorted_offsets, start)
    return k < len(sorted_offsets) and sorted_offsets[k] < end


def _delete_comment(report: Report, s: Suppression) -> Edit:
    """Delete the comment, and its line when it stands alone there."""
    line = report.index.line_span(s.line, report.text)
    # Only the blanks next to the comment are read (a one-line page can hold many).
    alone = _BLANKS_RE.fullmatch(report.text, line.start, s.span.start) and _BLANKS_RE.fullmatch(
        report.text, s.span.end, line.end
    )
    if alone:
        starts = report.index.starts
        end = starts[s.line + 1] if s.line + 1 < len(starts) else len(report.text)
        return Edit(line.start, end, "")
    # A comment pasted inside another ("<!-- gailint-disable X -<!-- … -->->") would
    # leave the outer one closed up: it goes too.
    return Edit.delete_nested(report.text, s.span, COMMENT_RE, _COMMENT_MAX, lambda m: m.group(2).endswith("--"))


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
    # Linear in diagnostics and comments together (a report can hold thousands of
    # each): per code, the union of the ranges that suppress it, and the sorted
    # offsets of its diagnostics.
    offsets: dict[str, list[int]] = {}
    for d in diagnostics:
        offsets.setdefault(d.code, []).append(d.span.start)
    unions: dict[str, _Union] = {}
    for code, found in offsets.items():
        found.sort()
        matching = [r for r in ranges if not r.codes or _matches(code, r.codes)]
        unions[code] = _Union(matching)
        for r in matching:
            if _any_within(found, r.start, r.end):
                r.used.add(code)
    kept = [d for d in diagnostics if not unions[d.code].covers(d.span.start)]
    if unused_severity is None:
        return kept
    # A GAI002 is itself suppressed only by a comment that names GAI002.
    unused_suppressed = _Union([r for r in ranges if UNUSED_CODE in r.codes])
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
        if not unused_suppressed.covers(diag.span.start):
            kept.append(diag)
    kept.sort(key=lambda d: (d.span.start, d.span.end, d.code))
    return kept
