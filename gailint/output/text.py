"""Ruff-style output: the header line, then the source line with the characters marked."""

from __future__ import annotations

import unicodedata
from typing import Any, TextIO

from gailint.engine.diagnostics import Severity
from gailint.output.escape import visible
from gailint.positions import PositionEncoding, Positions

_WINDOW = 70  # display cells of a long line shown around the span
_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示", Severity.HINT: "建议"}


def _width(ch: str) -> int:
    if ch == "\t":
        return 4
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _display(s: str) -> str:
    """How report text is shown: spaces for tabs and wide spaces, escapes for
    control characters (a report's ESC sequences are shown, never obeyed)."""
    return visible(s.replace("\t", "    ").replace("\u00a0", " ").replace("\u3000", "  "))


def _cells(s: str) -> int:
    """Terminal cells ``s`` takes once displayed."""
    return sum(_width(c) for c in _display(s))


def _excerpt(text: str, lo: int, hi: int, a: int, b: int) -> tuple[str, int, int]:
    """(shown text, caret column, caret width) for [a, b) on the line text[lo:hi].

    Bounded work per diagnostic whatever the line's length (a web page scraped onto
    one line can hold thousands of diagnostics): only a window of it is sliced and
    measured.
    """
    # Every character is at most 2 cells wide: a line of more than 4 × the window is
    # long without measuring it (and a run of zero-width marks counts as long).
    long = hi - lo > 4 * _WINDOW or _cells(text[lo:hi]) > _WINDOW * 2
    start, end = lo, hi
    if long:
        start = max(lo, a - 20)
        end = min(hi, min(max(b, a + 1), a + _WINDOW) + 30)
    prefix = "…" if start > lo else ""
    suffix = "…" if end < hi else ""
    shown = prefix + _display(text[start:end]) + suffix
    col = (1 if prefix else 0) + _cells(text[start:a])
    width = max(1, _cells(text[a : min(b, end)]))
    return shown, col, width


def write(
    results: list, stream: TextIO, *, fixable_hint: bool = True, column_unit: PositionEncoding | None = None, **_: Any
) -> None:
    total = fixable = 0
    counts: dict[Severity, int] = {}
    for r in results:
        positions = Positions(r.text)
        for d in r.diagnostics:
            total += 1
            counts[d.severity] = counts.get(d.severity, 0) + 1
            line_no, _ = positions.line_col(d.span.start)
            _, col = positions.line_col(d.span.start, column_unit)
            mark = " [*]" if d.fix is not None else ""
            fixable += d.fix is not None
            stream.write(f"{visible(r.path)}:{line_no}:{col}: {d.code}{mark} {visible(d.message)}\n")
            index = positions.index
            ln = line_no - 1
            span = index.line_span(ln, r.text)
            a = max(span.start, min(d.span.start, span.end))
            b = max(a, min(d.span.end, span.end))
            gutter = " " * len(str(line_no))
            shown, c, w = _excerpt(r.text, span.start, span.end, a, b)
            stream.write(f"{gutter} |\n{line_no} | {shown}\n{gutter} | {' ' * c}{'^' * w} {d.code}\n")
            if d.fix is not None:
                stream.write(f"{gutter} = 修复：{visible(d.fix.title)}\n")
            stream.write("\n")
    if total:
        parts = "，".join(f"{_SEVERITY_ZH[s]} {n}" for s, n in sorted(counts.items(), reverse=True))
        stream.write(f"共发现 {total} 个问题（{parts}）。")
        if fixable and fixable_hint:
            stream.write(f"其中 {fixable} 个可用 `gailint check --fix` 自动修复。")
        stream.write("\n")
    else:
        stream.write("未发现问题。\n")
