"""Output formats of ``gailint check``: one module each, imported when used.

A format has two functions, so that a folder of 20,000 reports streams out in a
stable order without keeping every text in memory:

- ``render(result, options)`` turns one file's diagnostics into that format's
  part (a string, or a list of dicts); it runs where the file was linted (a
  worker process with ``--jobs``) and must return something picklable;
- ``write(parts, stream, totals, options)`` writes the parts, in order, and what
  comes around them (a summary line, a JSON array, a SARIF log…). ``totals`` is
  complete once ``parts`` is exhausted.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from gailint.engine.diagnostics import Diagnostic, Severity

FORMATS = {
    "text": "gailint.output.text",
    "concise": "gailint.output.concise",
    "json": "gailint.output.json",
    "sarif": "gailint.output.sarif",
    "github": "gailint.output.github",
    "gitlab": "gailint.output.gitlab",
    "junit": "gailint.output.junit",
}


@dataclass
class FileResult:
    """One checked file: its text (None when it could not be read) and findings."""

    path: str
    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unsafe: bool = False  # unsafe fixes are applied for this file (--unsafe-fixes)
    line_index: Any = None  # the parser's LineIndex of ``text``, when it has one

    def positions(self):
        """Positions of the text (None when it could not be read), reusing the
        parser's line index."""
        from gailint.positions import Positions

        return Positions(self.text, self.line_index) if self.text is not None else None


@dataclass
class RenderOptions:
    color: bool = False
    show_fixes: bool = False  # show each fix as the lines it changes
    fix_hint: bool = True  # the summary suggests --fix (not after a --fix run)
    rules: list[dict[str, Any]] = field(default_factory=list)  # metadata of every rule (SARIF)
    version: str = ""
    # Column unit of the text and concise headers: None counts code points; UTF-8
    # gives Vim's byte columns (%c), UTF-16 an editor's.
    column_unit: Any = None


@dataclass
class Totals:
    """What the summary line counts, over all files."""

    files: int = 0
    by_severity: dict[Severity, int] = field(default_factory=dict)
    fixable: int = 0  # fixes that --fix applies
    unsafe: int = 0  # unsafe fixes --fix leaves (--unsafe-fixes applies them)
    skipped: int = 0  # files that are clearly not reports

    @property
    def diagnostics(self) -> int:
        return sum(self.by_severity.values())

    def add(self, diagnostics: Iterable[Diagnostic], unsafe_enabled: bool) -> None:
        self.files += 1
        for d in diagnostics:
            self.by_severity[d.severity] = self.by_severity.get(d.severity, 0) + 1
            if d.fix is not None and d.fix.edits:
                if d.fix.safe or unsafe_enabled:
                    self.fixable += 1
                else:
                    self.unsafe += 1


def fix_mark(d: Diagnostic, unsafe_enabled: bool) -> str:
    """`` [*]`` a fix --fix applies, `` [-]`` an unsafe one it leaves, else nothing."""
    if d.fix is None or not d.fix.edits:
        return ""
    return " [*]" if d.fix.safe or unsafe_enabled else " [-]"


def module(name: str):
    return importlib.import_module(FORMATS[name])


def write(name: str, results: list[FileResult], stream: TextIO, **options: Any) -> None:
    """Render and write ``results`` at once (for callers with a handful of files)."""
    mod = module(name)
    opts = RenderOptions(**options)
    totals = Totals()
    for r in results:
        totals.add(r.diagnostics, r.unsafe)
    mod.write((mod.render(r, opts) for r in results), stream, totals, opts)
