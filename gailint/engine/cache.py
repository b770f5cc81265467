"""``.gailint_cache/``: the results of unchanged files, so that re-checking an
unchanged repository reads each file but lints none.

An entry is used only when its key matches: the SHA-256 of the file's bytes, its
path, the fingerprint of the settings it was checked with (rule selection,
severities, options, year, issuer map…), and the stamps of the same issuer's
other reports (GAI305/GAI307 read them). The whole cache is dropped when gailint's
version, a rule pack's version, or the source of gailint or of a pack changes
(so a rule edited in a checkout is never answered from the cache).

The cache is JSON, never pickle: a cache folder committed into a repository by
someone else can at worst make gailint lint again, never run code. It holds a
``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, so it is neither committed nor
backed up.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CACHE_DIR = ".gailint_cache"
FORMAT = 1
KEEP_DAYS = 30  # entries of files not seen for this long are dropped


def code_stamp(modules: Iterable[str]) -> str:
    """A digest of gailint's version and the size and mtime of every source file
    of ``modules`` (packages or modules)."""
    from gailint import __version__

    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version_info[:2]}".encode())
    for name in sorted(set(modules)):
        mod = sys.modules.get(name)
        origin = getattr(mod, "__file__", None)
        if not origin:
            continue
        files = [origin]
        if os.path.basename(origin) == "__init__.py":
            files = sorted(
                os.path.join(root, f) for root, _, names in os.walk(os.path.dirname(origin)) for f in names if f.endswith(".py")
            )
        for f in files:
            try:
                st = os.stat(f)
            except OSError:
                continue
            h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def entry_key(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


class ResultCache:
    """Entries by real path: ``[key, payload, identity, stamp, day]``."""

    def __init__(self, folder: Path, stamp: str) -> None:
        self.folder = folder
        self.stamp = stamp
        self.file = folder / "results.json"
        self._old: dict[str, list] = {}
        self._new: dict[str, list] = {}
        self._today = int(time.time() // 86400)

    def load(self) -> None:
        try:
            with open(self.file, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError):
            return
        if not isinstance(doc, dict) or doc.get("stamp") != self.stamp or not isinstance(doc.get("files"), dict):
            return
        self._old = {k: v for k, v in doc["files"].items() if isinstance(v, list) and len(v) == 5}

    def get(self, real: str, key: str) -> Any | None:
        entry = self._old.get(real)
        if entry is None or entry[0] != key:
            return None
        self._new[real] = [*entry[:4], self._today]
        return entry[1]

    def put(self, real: str, key: str, payload: Any, identity: Any, stamp: Any) -> None:
        self._new[real] = [key, payload, identity, stamp, self._today]

    def identities(self) -> dict[tuple[str, tuple[int, int]], tuple]:
        """(real path, stamp) → (issuer, year) of files seen before (the index uses them)."""
        out = {}
        for real, entry in self._old.items():
            ident, stamp = entry[2], entry[3]
            if isinstance(ident, list) and len(ident) == 2 and isinstance(stamp, list) and len(stamp) == 2:
                out[(real, (stamp[0], stamp[1]))] = (ident[0], ident[1])
        return out

    def save(self) -> None:
        files = {k: v for k, v in self._old.items() if isinstance(v[4], int) and self._today - v[4] <= KEEP_DAYS}
        files.update(self._new)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, content in ((".gitignore", "# gailint's cache\n*\n"), ("CACHEDIR.TAG", _TAG)):
                marker = self.folder / name
                if not marker.exists():
                    marker.write_text(content, encoding="utf-8")
            fd, temp = tempfile.mkstemp(prefix=".results.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({"stamp": self.stamp, "files": files}, f, ensure_ascii=False, separators=(",", ":"))
                os.replace(temp, self.file)
            except BaseException:
                try:
                    os.unlink(temp)
                except OSError:
                    pass
                raise
        except OSError:
            pass  # a read-only checkout: no cache, same results


_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by gailint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
