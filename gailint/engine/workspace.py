"""Other reports of the same repository, for cross-year rules (GAI305, GAI307).

A rule asks ``ctx.neighbours(report)`` for the other reports of the same issuer.
The first call for a root lists its report files; a file is parsed only when its
text names the issuer (a substring test, so a repository of thousands of reports
costs a read, not a parse, per file), and parsed reports are cached by path and
modification time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from gailint.model import Report

_SUFFIXES = (".txt", ".md", ".markdown")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}
MAX_FILES = 5000


def _root_of(path: Path) -> Path:
    """The repository root (a folder holding .git), else the file's folder."""
    folder = path.resolve().parent
    for d in (folder, *folder.parents):
        if (d / ".git").exists():
            return d
    return folder


class Workspace:
    def __init__(
        self,
        parse: Callable[[str, str], Report],
        overlay: Callable[[str], str | None] | None = None,
    ) -> None:
        """:param parse: (text, path) → Report, with the caller's settings.
        :param overlay: unsaved editor buffers by path, preferred over the disk."""
        self._parse = parse
        self._overlay = overlay
        self._files: dict[Path, list[str]] = {}
        self._cache: dict[str, tuple[float, Report | None]] = {}

    def _scan(self, root: Path) -> list[str]:
        if root not in self._files:
            found: list[str] = []
            for dirpath, dirs, names in os.walk(root):
                dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")]
                found.extend(os.path.join(dirpath, n) for n in names if n.lower().endswith(_SUFFIXES))
                if len(found) >= MAX_FILES:
                    break
            self._files[root] = sorted(found)[:MAX_FILES]
        return self._files[root]

    def _load(self, path: str, issuer: str) -> Report | None:
        text = self._overlay(path) if self._overlay else None
        try:
            mtime = -1.0 if text is not None else os.stat(path).st_mtime
        except OSError:
            return None
        hit = self._cache.get(path)
        if hit and hit[0] == mtime and mtime >= 0:
            return hit[1] if hit[1] is not None and hit[1].issuer == issuer else None
        if text is None:
            from gailint.textio import SourceError, read_source

            try:
                text = read_source(path).text
            except SourceError:
                return None
        if issuer not in text:
            return None
        report = self._parse(text, path)
        self._cache[path] = (mtime, report)
        return report

    def neighbours(self, report: Report) -> Iterable[Report]:
        """Other reports of ``report``'s issuer in its repository."""
        if not report.path or not report.issuer:
            return []
        me = os.path.abspath(report.path)
        out = []
        for path in self._scan(_root_of(Path(report.path))):
            if os.path.abspath(path) == me:
                continue
            other = self._load(path, report.issuer)
            if other is not None and other.issuer == report.issuer:
                out.append(other)
        return out
