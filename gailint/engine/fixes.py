"""Apply fixes: non-overlapping edits, to a fix-point, deterministically."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from gailint.engine.diagnostics import Diagnostic, Edit

MAX_PASSES = 10


@dataclass
class FixResult:
    text: str
    applied: list[Diagnostic] = field(default_factory=list)
    skipped: list[Diagnostic] = field(default_factory=list)  # overlapped another fix
    passes: int = 0


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits that do not overlap (checked by the caller)."""
    out = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start  # two inserts at one place: order would be a guess
    return a.start < b.end and b.start < a.end or (a.start == a.end and b.start < a.start < b.end) or (
        b.start == b.end and a.start < b.start < a.end
    )


def applicable(d: Diagnostic, unsafe: bool = False) -> bool:
    """Whether ``--fix`` applies the diagnostic's fix (unsafe ones only when asked)."""
    return d.fix is not None and bool(d.fix.edits) and (d.fix.safe or unsafe)


class _Taken:
    """Edits already chosen, sorted by position: an overlap test looks at two
    neighbours (chosen edits never overlap each other, so their ends are sorted too)
    instead of at every edit chosen before."""

    def __init__(self) -> None:
        self._edits: list[tuple[int, int, Edit]] = []

    def overlaps(self, edit: Edit) -> bool:
        k = bisect.bisect_left(self._edits, (edit.end,))  # the first edit starting at or after edit's end
        return any(_overlaps(edit, self._edits[i][2]) for i in range(max(0, k - 1), min(k + 1, len(self._edits))))

    def add(self, edit: Edit) -> None:
        item = (edit.start, edit.end, edit)
        if not self._edits or self._edits[-1][:2] <= item[:2]:
            self._edits.append(item)  # the usual case: fixes come in text order
        else:
            bisect.insort(self._edits, item, key=lambda t: t[:2])


def _self_overlapping(edits: Sequence[Edit]) -> bool:
    """Do two edits of one fix overlap? (sorted: only neighbours can)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    return any(_overlaps(a, b) for a, b in zip(ordered, ordered[1:]))


def choose_fixes(diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """Pick the fixes of one pass: in text order, then by code; a fix whose edits
    touch an already chosen edit waits for the next pass (or is skipped). Unsafe
    fixes only with ``unsafe``."""
    chosen: list[Diagnostic] = []
    taken = _Taken()
    skipped: list[Diagnostic] = []
    seen: set[tuple] = set()
    for d in sorted(diagnostics, key=lambda d: (d.span.start, d.code, d.span.end)):
        if d.fix is None or not (d.fix.safe or unsafe):
            continue
        key = tuple((e.start, e.end, e.new) for e in d.fix.edits)
        if key in seen:
            chosen.append(d)  # the same edit offered twice (e.g. two rules): apply once
            continue
        if any(taken.overlaps(e) for e in d.fix.edits) or _self_overlapping(d.fix.edits):
            skipped.append(d)
            continue
        seen.add(key)
        chosen.append(d)
        for e in d.fix.edits:
            taken.add(e)
    return chosen, skipped


def fix_to_point(
    text: str,
    lint: Callable[[str], list[Diagnostic]],
    first: list[Diagnostic] | None = None,
    unsafe: bool = False,
) -> FixResult:
    """Lint, apply the chosen fixes, lint again… until nothing changes (≤ 10 passes)."""
    result = FixResult(text)
    diagnostics = first if first is not None else lint(text)
    for n in range(MAX_PASSES):
        chosen, skipped = choose_fixes(diagnostics, unsafe)
        unique = {tuple((e.start, e.end, e.new) for e in d.fix.edits): d for d in chosen if d.fix}
        edits = [e for d in unique.values() for e in d.fix.edits]  # type: ignore[union-attr]
        if not edits:
            result.skipped = skipped
            break
        new_text = apply_edits(result.text, edits)
        result.passes = n + 1
        if new_text == result.text:
            result.skipped = skipped
            break
        result.applied.extend(chosen)
        result.text = new_text
        diagnostics = lint(new_text)
        result.skipped = skipped
    return result
