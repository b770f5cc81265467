"""Ruff-style output: the header line, then the source line with the characters marked."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable
from typing import TextIO

from gailint.engine.diagnostics import Diagnostic
from gailint.output import FileResult, RenderOptions, Totals, fix_mark
from gailint.output.escape import visible
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


def _display(s: str) -> str:
    """How report text is shown: spaces for tabs and wide spaces, escapes for
    control characters (a report's ESC sequences are shown, never obeyed)."""
    return visible(s.replace("\t", "    ").replace("\u00a0", " ").replace("\u3000", "  "))


# Blocks whose every character is two cells wide (CJK ideographs and punctuation,
# Hangul, full-width forms): counted by one substitution in C, not a step per
# character; tests/test_cli.py checks each against unicodedata.
KNOWN_WIDE = (
    ("\u3001", "\u3029"), ("\u3030", "\u303e"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7a3"), ("\uf900", "\ufaff"), ("\ufe30", "\ufe4f"), ("\uff01", "\uff60"), ("\uffe0", "\uffe6"),
)
_KNOWN_WIDE_RE = re.compile("[" + "".join(f"{a}-{b}" for a, b in KNOWN_WIDE) + "]+")


def _cells(s: str) -> int:
    """Terminal cells ``s`` takes once displayed."""
    d = _display(s)
    if d.isascii():
        return len(d)  # (control characters are escapes by now: one cell each)
    rest = _KNOWN_WIDE_RE.sub("", d)
    wide = len(d) - len(rest)
    if rest.isascii():
        return 2 * wide + len(rest)
    return 2 * wide + sum(_width(c) for c in rest)


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


def header(path: str, line: int, col: int, d: Diagnostic, unsafe: bool, color: bool) -> str:
    where = paint(visible(path), BOLD, color) + f":{line}:{col}:"
    code = paint(d.code, SEVERITY_COLOR.get(d.severity, ""), color)
    mark = paint(fix_mark(d, unsafe), CYAN, color)
    return f"{where} {code}{mark} {visible(d.message)}\n"


def _fix_lines(text: str, positions: Positions, d: Diagnostic) -> list[tuple[str, str]]:
    """The lines a fix changes, before (-) and after (+); on a long line only a window
    around the edits (bounded work per diagnostic, as for the excerpt)."""
    from gailint.engine.fixes import apply_edits

    edits = d.fix.edits if d.fix is not None else ()
    if not edits:
        return []
    index = positions.index
    lo_edit = min(e.start for e in edits)
    hi_edit = max(e.end for e in edits)
    start = index.line_span(index.line_of(lo_edit), text).start
    end = index.line_span(index.line_of(hi_edit), text).end
    prefix = suffix = ""
    if lo_edit - start > 2 * _WINDOW:
        start, prefix = lo_edit - 20, "…"
    if end - hi_edit > 2 * _WINDOW:
        end, suffix = hi_edit + 30, "…"
    shifted = [type(e)(e.start - start, e.end - start, e.new) for e in edits]
    old = (prefix + text[start:end] + suffix).splitlines() or [""]
    new = (prefix + apply_edits(text[start:end], shifted) + suffix).splitlines()
    return [("-", ln) for ln in old[:_MAX_FIX_LINES]] + [("+", ln) for ln in new[:_MAX_FIX_LINES]]


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
        a = max(span.start, min(d.span.start, span.end))
        b = max(a, min(d.span.end, span.end))
        gutter = " " * len(str(line_no))
        shown, c, w = _excerpt(r.text, span.start, span.end, a, b)
        carets = paint("^" * w + " " + d.code, SEVERITY_COLOR.get(d.severity, ""), color)
        out.append(f"{gutter} |\n{line_no} | {shown}\n{gutter} | {' ' * c}{carets}\n")
        if d.fix is not None:
            label = "修复" if d.fix.safe else "不安全的修复"
            out.append(f"{gutter} = {paint(label, CYAN, color)}：{visible(d.fix.title)}\n")
            if opts.show_fixes:
                for sign, text in _fix_lines(r.text, positions, d):
                    out.append(f"{gutter} {paint(sign + ' ' + _display(text), RED if sign == '-' else GREEN, color)}\n")
        out.append("\n")
    return "".join(out)


def write(parts: Iterable[str], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    for part in parts:
        stream.write(part)
    stream.write(summary_line(totals, fix_hint=opts.fix_hint))
