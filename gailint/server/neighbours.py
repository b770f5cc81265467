"""The other reports of the editor's workspace, for the cross-year rules (GAI305,
GAI307) — the same index the CLI builds, kept for the whole session.

The index is built on the first lint that asks for a neighbour (in the lint
worker, so typing is never blocked), over the workspace folder holding the
document (or its repository). Afterwards it is updated, never rebuilt: a report
file created, changed or deleted on disk (watched files, or a save) updates its
entry; unsaved buffers are read instead of the disk. When last year's report
changes, this year's open report is linted again.

All index work runs on the server's single lint worker thread, so the index is
never read and written at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from gailint.engine.workspace import REPORT_SUFFIXES, ReportIndex, Workspace, repository_root


class WorkspaceReports:
    def __init__(
        self,
        root_for: Callable[[str], Path | None],
        overlay: Callable[[str], str | None],
    ) -> None:
        """:param root_for: the workspace folder holding a path (None: outside).
        :param overlay: the unsaved text of an open document, by absolute path."""
        self._root_for = root_for
        self._overlay = overlay
        self._linter: Any = None
        self._workspace: Workspace | None = None

    def provider(self, linter: Any) -> Workspace:
        """The neighbours function for ``linter`` (a new linter — new settings,
        perhaps a new ``[issuers]`` map — starts a new index)."""
        if self._workspace is None or self._linter is not linter:
            index = ReportIndex(linter.issuer_key)

            def parse(text: str, path: str):
                return linter.parse(text, path, linter.settings_for(path))

            self._linter = linter
            self._workspace = Workspace(index, parse, self._overlay, root_for=self._root)
        return self._workspace

    def _root(self, path: str) -> Path:
        return self._root_for(path) or repository_root(path)

    def changed(self, paths: Iterable[tuple[str, bool]]) -> set[str]:
        """Files changed on disk: (path, deleted). Returns the issuer keys whose
        reports changed (their open documents need linting again)."""
        ws = self._workspace
        if ws is None:
            return set()
        keys: set[str] = set()
        for path, deleted in paths:
            if not path.lower().endswith(REPORT_SUFFIXES):
                continue
            index = ws.index
            old = index.entry(path)
            if old is not None and old.key:
                keys.add(old.key)
            ws.forget(path)
            if deleted:
                index.remove(path)
                continue
            if old is None and not any(index.scanned(r) for r in (self._root(path),)):
                continue  # not scanned yet: the first query will find it
            entry = index.add(path)
            if entry is not None and entry.key:
                keys.add(entry.key)
        return keys

    def key_of(self, issuer: str | None, path: str | None) -> str | None:
        ws = self._workspace
        return ws.index.key_for(issuer, path) if ws is not None else None
