"""Ruff-style output: the header line, then the source line with the characters marked."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from collections.abc import Iterable
from typing import TextIO

from gailint.engine.diagnostics import Diagnostic
from gailint.output import FileResult, RenderOptions, Totals, fix_mark
from gailint.output.style import BOLD, CYAN, GREEN, RED, SEVERITY_COLOR, paint, summary_line
from gailint.positions import Positions

_WINDOW = 70  # display cells of a long line shown around the span
_MAX_FIX_LINES = 6  # lines of a fix shown by --show-fixes


@lru_cache(maxsize=8192)
def _width(ch: str) -> int:
    if ch == "\t":
        return 4
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _wider_than(line: str, cells: int) -> bool:
    """Whether ``line`` takes more than ``cells`` display cells (stops counting
    there: a report scraped onto one line is 100,000 characters long)."""
    if len(line) * 4 <= cells:  # no character is wider than a tab
        return False
    total = 0
    for ch in line:
        total += _width(ch)
        if total > cells:
            return True
    return False


def _display(s: str) -> str:
    return s.replace("\t", "    ").replace("\u00a0", " ").replace("\u3000", "  ")


def _excerpt(line: str, a: int, b: int) -> tuple[str, int, int]:
    """(shown text, caret column, caret width) with long lines cut around [a, b)."""
    lo, hi = 0, len(line)
    if _wider_than(line, _WINDOW * 2):
        lo = max(0, a - 20)
        hi = min(len(line), max(b, a + 1) + 30)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    shown = prefix + _display(line[lo:hi]) + suffix
    col = (1 if prefix else 0) + sum(_width(c) for c in line[lo:a])
    width = max(1, sum(_width(c) for c in line[a:b]))
    return shown, col, width


def header(path: str, line: int, col: int, d: Diagnostic, unsafe: bool, color: bool) -> str:
    where = paint(path, BOLD, color) + f":{line}:{col}:"
    code = paint(d.code, SEVERITY_COLOR.get(d.severity, ""), color)
    mark = paint(fix_mark(d, unsafe), CYAN, color)
    return f"{where} {code}{mark} {d.message}\n"


def _fix_lines(text: str, positions: Positions, d: Diagnostic) -> list[tuple[str, str]]:
    """The lines a fix changes, before (-) and after (+)."""
    from gailint.engine.fixes import apply_edits

    edits = d.fix.edits if d.fix is not None else ()
    if not edits:
        return []
    index = positions.index
    first = index.line_of(min(e.start for e in edits))
    last = index.line_of(max(e.end for e in edits))
    start = index.line_span(first, text).start
    end = index.line_span(last, text).end
    shifted = [type(e)(e.start - start, e.end - start, e.new) for e in edits]
    old = text[start:end].splitlines() or [""]
    new = apply_edits(text[start:end], shifted).splitlines()
    out = [("-", ln) for ln in old[:_MAX_FIX_LINES]] + [("+", ln) for ln in new[:_MAX_FIX_LINES]]
    return out


def render(r: FileResult, opts: RenderOptions) -> str:
    color = opts.color
    out: list[str] = []
    if r.text is None:
        for d in r.diagnostics:
            out.append(header(r.path, 1, 1, d, r.unsafe, color) + "\n")
        return "".join(out)
    positions = r.positions()
    index = positions.index
    for d in r.diagnostics:
        line_no, col = positions.line_col(d.span.start)
        if opts.column_unit is not None:
            col = positions.line_col(d.span.start, opts.column_unit)[1]
        out.append(header(r.path, line_no, col, d, r.unsafe, color))
        span = index.line_span(line_no - 1, r.text)
        line = r.text[span.start : span.end]
        a = d.span.start - span.start
        b = min(d.span.end, span.end) - span.start
        gutter = " " * len(str(line_no))
        shown, c, w = _excerpt(line, a, max(a, b))
        carets = paint("^" * w + " " + d.code, SEVERITY_COLOR.get(d.severity, ""), color)
        out.append(f"{gutter} |\n{line_no} | {shown}\n{gutter} | {' ' * c}{carets}\n")
        if d.fix is not None:
            label = "修复" if d.fix.safe else "不安全的修复"
            out.append(f"{gutter} = {paint(label, CYAN, color)}：{d.fix.title}\n")
            if opts.show_fixes:
                for sign, text in _fix_lines(r.text, positions, d):
                    out.append(f"{gutter} {paint(sign + ' ' + _display(text), RED if sign == '-' else GREEN, color)}\n")
        out.append("\n")
    return "".join(out)


def write(parts: Iterable[str], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    for part in parts:
        stream.write(part)
    stream.write(summary_line(totals, fix_hint=opts.fix_hint))
