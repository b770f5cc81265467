"""Typed settings of one run, and the rule selection they imply."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gailint.engine.diagnostics import Severity

ISSUER_KINDS = ("department", "government", "township")


@dataclass(frozen=True)
class Settings:
    """What a config file (or the CLI, or an editor) says about checking files."""

    source: Path | None = None  # the config file these came from
    # Codes or prefixes; "ALL" (the default) selects every rule of the packs in use.
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    year: int | None = None
    issuer_kind: str | None = None
    plugins_allow: tuple[str, ...] | None = None
    plugins_deny: tuple[str, ...] = ()
    # Packs in use besides the default ones: installed pack names, or absolute
    # paths of declarative *.toml packs (see gailint.engine.selection).
    packs: tuple[str, ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")

    @property
    def root(self) -> Path | None:
        return self.source.parent if self.source else None

    def _matches(self, code: str, patterns: tuple[str, ...]) -> int:
        """Length of the longest pattern selecting ``code`` (0: none)."""
        best = 0
        for p in patterns:
            if p.upper() == "ALL":
                best = max(best, 1)
            elif code.startswith(p.upper()):
                best = max(best, len(p) + 1)
        return best

    def enabled(self, code: str) -> bool:
        # As in ruff: the more specific of select/ignore wins.
        sel = self._matches(code, self.select)
        ign = self._matches(code, self.ignore)
        return sel > 0 and sel > ign

    def severity_for(self, code: str, default: Severity) -> tuple[Severity, bool]:
        """(severity, explicitly configured?)"""
        if code in self.severity:
            return self.severity[code], True
        return default, False

    def ignored_for_path(self, path: str | None, code: str) -> bool:
        if not path or not self.per_file_ignores:
            return False
        rel = _relative(path, self.root)
        name = os.path.basename(path)
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern):
                if any(c.upper() == "ALL" or code.startswith(c.upper()) for c in codes):
                    return True
        return False

    def excluded(self, path: str) -> bool:
        rel = _relative(path, self.root)
        parts = rel.split("/")
        return any(
            fnmatch.fnmatch(rel, p) or any(fnmatch.fnmatch(part, p) for part in parts) for p in self.exclude
        )

    def merged(self, **overrides: Any) -> "Settings":
        from dataclasses import replace

        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _relative(path: str, root: Path | None) -> str:
    p = Path(path)
    if root is not None:
        try:
            return p.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return p.as_posix()
