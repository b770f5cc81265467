"""``.gailint_cache/``: the results of unchanged files, so that re-checking an
unchanged repository reads each file but lints none.

An entry is used only when the file's content is the one it was made from (its
SHA-256) and its context matches: the file's path, the fingerprint of the
settings it was checked with (rule selection, severities, options, year, issuer
map…), and the stamps of the same issuer's other reports (GAI305/GAI307 read
them). As git does with its index, a file whose size, modification time and
inode are those recorded — and whose modification time is not within a moment
of when the entry was written — is taken to have the recorded content without
being read again; any other file is read and hashed. The whole cache is dropped when gailint's
version, a rule pack's version, or the source of gailint or of a pack changes
(so a rule edited in a checkout is never answered from the cache).

Layout: ``<stamp>/files/ab/cdef….json``, one small file per issuer (the reports
one worker checks together, in year order) or per file for files of no known
issuer — read and written by the worker that checks them, so a run of 20,000
files never loads one big file nor opens 20,000 small ones — and
``<stamp>/index.json``, the issuer, year and digest of every file seen (the
report index is built from it without opening the files again).

The cache is JSON, never pickle: a cache folder committed into a repository by
someone else can at worst make gailint lint again, never run code. It holds a
``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``, so it is neither committed nor
backed up.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_DIR = ".gailint_cache"
FORMAT = 3
RACY_NS = 2_000_000_000  # a file changed this close to its entry's writing is read again


@dataclass(frozen=True)
class CacheEntry:
    digest: str  # SHA-256 of the file's bytes
    stamp: tuple  # (size, mtime_ns, inode) when it was checked
    written: int  # time.time_ns() of the entry
    payload: Any

    def fresh_by_stamp(self, stamp: tuple) -> bool:
        """Unchanged by its stat alone: same size, mtime and inode, and not
        modified within RACY_NS of the entry being written (same-tick edits)."""
        return (
            isinstance(self.written, int)
            and tuple(stamp) == self.stamp
            and len(stamp) == 3
            and stamp[1] < self.written - RACY_NS
        )


def code_stamp(modules: Iterable[str], files: Iterable[str] = (), versions: Iterable[str] = ()) -> str:
    """A digest of gailint's version, the packs' versions, and the size and mtime
    of every source file of ``modules`` (packages or modules) and of ``files``
    (declarative packs)."""
    from gailint import __version__

    h = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version_info[:2]}\0{sorted(versions)}".encode())
    for f in sorted(set(files)):
        try:
            st = os.stat(f)
        except OSError:
            continue
        h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
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
    return h.hexdigest()[:20]


def entry_key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _write_atomic(path: Path | str, text: str) -> None:
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


class ResultCache:
    """Entries by group, then by absolute path. A group is the reports of one
    issuer (they are checked together, by one worker, and compared with each
    other), or a single file of no known issuer: one small file to read and
    write per issuer instead of one per report."""

    KEEP_GROUPS = 16  # groups a worker keeps loaded

    def __init__(self, folder: Path, stamp: str) -> None:
        self.root = folder
        self.folder = folder / stamp
        self._files = str(self.folder / "files")
        self._folders: set[str] = set()
        self._groups: dict[str, dict[str, list]] = {}
        self._dirty: set[str] = set()
        self._identities: dict[str, list] = {}
        self._index_dirty = False
        self._writable = True

    def _shard(self, group: str) -> str:
        h = hashlib.sha1(group.encode("utf-8", "surrogatepass")).hexdigest()
        return os.path.join(self._files, h[:2], h[2:] + ".json")

    def _group(self, group: str) -> dict[str, list]:
        entries = self._groups.get(group)
        if entries is not None:
            return entries
        entries = {}
        try:
            fd = os.open(self._shard(group), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            fd = None
        if fd is not None:
            try:
                # Bytes straight to json.loads: a text-mode file object costs more
                # than the parsing here.
                doc = json.loads(os.read(fd, os.fstat(fd).st_size + 1))
                if isinstance(doc, dict):
                    entries = doc
            except (OSError, ValueError):
                pass
            finally:
                os.close(fd)
        if len(self._groups) >= self.KEEP_GROUPS:
            self.flush()
            self._groups.clear()
        self._groups[group] = entries
        return entries

    # ------------------------------------------------------------ per file

    def get(self, group: str, path: str, context: str) -> CacheEntry | None:
        """The entry stored for absolute ``path`` in ``context``, or None."""
        doc = self._group(group).get(path)
        if not isinstance(doc, list) or len(doc) != 5 or doc[0] != context or not isinstance(doc[2], list):
            return None
        return CacheEntry(doc[1], tuple(doc[2]), doc[3], doc[4])

    def put(self, group: str, path: str, context: str, digest: str, stamp: tuple, payload: Any) -> None:
        """Stage an entry; :meth:`flush` writes it."""
        if not self._writable:
            return
        self._group(group)[path] = [context, digest, list(stamp), time.time_ns(), payload]
        self._dirty.add(group)

    def flush(self) -> None:
        """Write the groups that changed. Written in place, not through a temporary
        file and a rename (which cost a 20,000-file run seconds here): a group cut
        short by a crash, or mixed by two runs at once, is not valid JSON, and a
        group that does not parse is a miss for its files."""
        for group in sorted(self._dirty):
            if not self._writable:
                break
            shard = self._shard(group)
            data = json.dumps(self._groups.get(group, {}), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            try:
                folder = os.path.dirname(shard)
                if folder not in self._folders:
                    os.makedirs(folder, exist_ok=True)
                    self._folders.add(folder)
                fd = os.open(shard, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o644)
                try:
                    os.write(fd, data)
                finally:
                    os.close(fd)
            except OSError:
                self._writable = False  # a read-only checkout: no cache, same results
        self._dirty.clear()

    # ------------------------------------------------------------ the index

    def load_identities(self) -> dict[tuple[str, int, int], tuple[str | None, int | None, str | None]]:
        """(absolute path, size, mtime_ns) → (issuer, year, content digest) of the
        files seen before."""
        try:
            with open(self.folder / "index.json", encoding="utf-8") as f:
                doc = json.loads(f.read())
        except (OSError, ValueError):
            return {}
        if not isinstance(doc, dict):
            return {}
        out = {}
        for path, v in doc.items():
            if isinstance(v, list) and len(v) == 5 and isinstance(v[0], int) and isinstance(v[1], int):
                self._identities[path] = v
                issuer = v[2] if isinstance(v[2], str) else None
                year = v[3] if isinstance(v[3], int) else None
                out[(path, v[0], v[1])] = (issuer, year, v[4] if isinstance(v[4], str) else None)
        return out

    def note_identity(
        self, path: str, stamp: tuple[int, int], issuer: str | None, year: int | None, digest: str | None
    ) -> None:
        value = [stamp[0], stamp[1], issuer, year, digest]
        if self._identities.get(path) != value:
            self._identities[path] = value
            self._index_dirty = True

    def save(self) -> None:
        """Write what is staged, the index (when it changed), and drop caches of
        other versions."""
        self.flush()
        if not self._writable or not self._index_dirty:
            return
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for name, content in ((".gitignore", "# gailint's cache\n*\n"), ("CACHEDIR.TAG", _TAG)):
                marker = self.root / name
                if not marker.exists():
                    marker.write_text(content, encoding="utf-8")
            _write_atomic(self.folder / "index.json", json.dumps(self._identities, ensure_ascii=False, separators=(",", ":")))
            for other in self.root.iterdir():
                if other.is_dir() and other != self.folder:
                    shutil.rmtree(other, ignore_errors=True)  # an older gailint's or pack's results
        except OSError:
            pass


_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by gailint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
