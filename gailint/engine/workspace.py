"""The reports of a repository, indexed once by issuer and year, for the rules
that compare a report with another one (GAI305, GAI307: last year's report).

:class:`ReportIndex` knows, for every report file of a repository (or an editor's
workspace folder), who issued it and for which year — decided from the file's
name when that says both, else from a small head (and tail) of the file, never
from a full read. It is built once per run: the CLI adds the files it checks and
scans each repository root once; the language server keeps one over its
workspace folders and updates it as files change.

:class:`Workspace` answers a rule's ``ctx.neighbours(report, year=…)``: the index
names the candidate files of the same issuer key, and only those are read and
parsed (each once: parsed reports are kept by path and stamp, and the batch
linter hands over every report it has just linted).

The search is defensive (issue: a FIFO beside a report hung the check, a link to
``/dev/zero`` ate memory): only regular files are read, never more than
:data:`~gailint.engine.files.MAX_REPORT_BYTES`, and links that lead out of the
root are not followed.
"""

from __future__ import annotations

import os
import stat
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from gailint.engine.files import (
    MAX_REPORT_BYTES,
    cut_at_line,
    read_head_and_tail,
    read_regular,
)
from gailint.model import Line, Report, Span

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".gailint_cache"}
MAX_FILES = 100_000  # per root: a province's archive, not a home folder

Stamp = tuple[int, int]  # (size, mtime_ns): what a file looked like when indexed


@dataclass(frozen=True, slots=True)
class Identity:
    """Who issued a report and for which year, as far as its name or head tell."""

    issuer: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class Entry:
    path: str  # as the user named it, or relative to the current folder when found by a scan
    abs: str  # absolute (not resolved: a path is cheap to make absolute, costly to resolve)
    ident: tuple[int, int]  # (device, inode): one entry per file, however it is reached
    key: str | None
    identity: Identity
    stamp: Stamp


def _lines(text: str, first: int | None = None, last: int | None = None) -> tuple[Line, ...]:
    """The first (or last) lines of ``text`` as the parser's Line objects."""
    raw = text.splitlines(keepends=True) if last is not None else _head_lines(text, first or 0)
    pos = 0
    numbered = []
    if last is not None:
        pos = len(text) - sum(len(r) for r in raw[-last:])
        raw = raw[-last:]
    for number, line in enumerate(raw):
        body = line.rstrip("\r\n")
        numbered.append(Line(number, Span(pos, pos + len(body)), body, "prose"))
        pos += len(line)
    return tuple(numbered)


def _head_lines(text: str, count: int) -> list[str]:
    out = []
    pos = 0
    while len(out) < count and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        out.append(text[pos:end])
        pos = end
    return out


def identify_name(path: str) -> Identity | None:
    """The issuer and year a file's name states (“XX局2021年政府信息公开工作年度报告.txt”),
    or None when the name does not say both."""
    from gailint.parse.structure import find_title

    stem = os.path.splitext(os.path.basename(path))[0]
    if "年度报告" not in stem:
        return None
    title = find_title(_lines(stem, first=1), None)
    if title is None or not title.issuer or not title.year:
        return None
    return Identity(title.issuer, title.year)


def identify_text(head: str, tail: str, path: str | None) -> Identity:
    """Issuer and year from the first lines (the title) and the last ones (the
    signature), with the parser's own title and signature readers."""
    from gailint.parse.dates import filename_year
    from gailint.parse.structure import find_signature_issuer, find_title

    # Only lines that could be a title go to the parser's title reader (which
    # normalises every line it sees); the others stay, blank, to keep line numbers.
    lines = tuple(ln if "报告" in ln.text else Line(ln.number, ln.span, "", "blank") for ln in _lines(head, first=15))
    title = find_title(lines, None)
    issuer = title.issuer if title is not None and title.issuer else None
    if issuer is None:
        issuer = find_signature_issuer(_lines(tail or head, last=20))
    year = title.year if title is not None and title.year else filename_year(path)
    return Identity(issuer, year)


def identify_file(path: str) -> tuple[Identity, int]:
    """(identity, size) of a report file from a bounded head and tail."""
    from gailint.textio import SourceError, decode_bytes

    first, last, size = read_head_and_tail(path)
    head = first if size <= len(first) else cut_at_line(first, keep="head")
    tail = cut_at_line(last, keep="tail") if last else b""
    try:
        head_text = decode_bytes(head)[0]
        tail_text = decode_bytes(tail)[0] if tail else ""
    except SourceError:
        return Identity(None, None), size
    return identify_text(head_text, tail_text, path), size


def repository_root(path: str, config_root: Path | None = None) -> Path:
    """Where to look for a report's other years: the repository holding ``path``
    (the nearest folder with .git), else the folder of its gailint config
    (``config_root``, when it holds the file), else the file's own folder."""
    folder = Path(os.path.abspath(path)).parent
    for d in (folder, *folder.parents):
        if (d / ".git").exists():
            return d
    if config_root is not None:
        top = Path(os.path.abspath(config_root))
        if folder == top or top in folder.parents:
            return top
    return folder


def display_path(path: str) -> str:
    """A found file as the user would name it: relative to the current folder
    when it lies below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


class ReportIndex:
    """Report files by issuer key, built once.

    :param key_for: (issuer as written, path) → key; it applies the config's
        ``[issuers]`` map of the file's own config.
    :param known: (identity, content digest) remembered from an earlier run, by
        (absolute path, size, mtime_ns) (the CLI's cache), so an unchanged file is
        not opened again.
    """

    def __init__(
        self,
        key_for: Callable[[str | None, str], str | None],
        known: dict[tuple[str, int, int], tuple[Identity, str | None]] | None = None,
    ) -> None:
        self._key_for = key_for
        self._known = known or {}
        self._digests: dict[tuple[int, int, int, int], str] = {}
        self.entries: dict[tuple[int, int], Entry] = {}
        self._by_path: dict[str, tuple[int, int]] = {}
        self._by_key: dict[str, set[tuple[int, int]]] = {}
        self._roots: set[str] = set()
        self._cwd = os.getcwd()  # abspath() asks the kernel for it on every call

    def _abs(self, path: str) -> str:
        return os.path.normpath(path if os.path.isabs(path) else os.path.join(self._cwd, path))

    def remembers(self, path: str, st: os.stat_result) -> bool:
        """Whether the cache remembered this file, unchanged, from an earlier run."""
        return (self._abs(path), st.st_size, st.st_mtime_ns) in self._known

    # ------------------------------------------------------------ building

    def add(self, path: str, st: os.stat_result | None = None, identity: Identity | None = None) -> Entry | None:
        """Index one file (identified from ``identity``, or its name or head)."""
        absolute = self._abs(path)
        if st is None:
            try:
                st = os.stat(absolute)
            except OSError:
                self.remove(path)
                return None
        if not stat.S_ISREG(st.st_mode):
            self.remove(path)
            return None
        ident, stamp = (st.st_dev, st.st_ino), (st.st_size, st.st_mtime_ns)
        old = self.entries.get(ident)
        if identity is None and old is not None and old.stamp == stamp:
            self._by_path[absolute] = ident
            return old
        if identity is None:
            remembered = self._known.get((absolute, *stamp))
            if remembered is not None:
                identity = remembered[0]
                if remembered[1]:
                    self._digests[(*ident, *stamp)] = remembered[1]
            else:
                identity = identify_name(path)
        if identity is None:
            try:
                identity, _ = identify_file(absolute)
            except OSError:
                self.remove(path)
                return None
        entry = Entry(path, absolute, ident, self._key_for(identity.issuer, path), identity, stamp)
        self._drop(ident)
        self.entries[ident] = entry
        self._by_path[absolute] = ident
        if entry.key:
            self._by_key.setdefault(entry.key, set()).add(ident)
        return entry

    def remove(self, path: str) -> None:
        ident = self._by_path.pop(self._abs(path), None)
        if ident is not None:
            self._drop(ident)

    def _drop(self, ident: tuple[int, int]) -> None:
        old = self.entries.pop(ident, None)
        if old is not None and old.key:
            group = self._by_key.get(old.key)
            if group is not None:
                group.discard(ident)
                if not group:
                    del self._by_key[old.key]

    def scan(self, root: Path | str) -> None:
        """Index the report files below ``root``, once per root."""
        top = os.path.realpath(root)
        if top in self._roots:
            return
        self._roots.add(top)
        known = {ino for _, ino in self.entries}
        for path, st in _report_files(top, known):
            if (st.st_dev, st.st_ino) not in self.entries:
                self.add(display_path(path), st)

    def scanned(self, root: Path | str) -> bool:
        return os.path.realpath(root) in self._roots

    # ------------------------------------------------------------ queries

    def key_for(self, issuer: str | None, path: str | None) -> str | None:
        return self._key_for(issuer, path or "")

    def digest(self, entry: Entry) -> str | None:
        """SHA-256 of a file's content (read once, or remembered from the cache):
        a cache key holds its neighbours' contents, not their modification times."""
        k = (*entry.ident, *entry.stamp)
        found = self._digests.get(k)
        if found is None:
            import hashlib

            try:
                found = hashlib.sha256(read_regular(entry.abs, MAX_REPORT_BYTES)).hexdigest()
            except OSError:
                return None
            self._digests[k] = found
        return found

    def remember_digest(self, path: str, stamp: Stamp, digest: str) -> None:
        e = self.entry(path)
        if e is not None and e.stamp == stamp:
            self._digests[(*e.ident, *stamp)] = digest

    def entry(self, path: str) -> Entry | None:
        ident = self._by_path.get(self._abs(path))
        return self.entries.get(ident) if ident is not None else None

    def same_issuer(self, key: str | None) -> list[Entry]:
        if not key:
            return []
        return sorted((self.entries[i] for i in self._by_key.get(key, ())), key=lambda e: e.abs)


def _report_files(top: str, skip_inodes: set[int] = frozenset()) -> Iterable[tuple[str, os.stat_result]]:
    """Regular report files below ``top``: no special files, no links leading
    out of ``top``, no hidden or tool folders; at most :data:`MAX_FILES`. A file
    whose inode is in ``skip_inodes`` (already indexed) is passed over without
    a stat (the folder listing tells its inode)."""
    count = 0
    stack = [top]
    prefix = top.rstrip(os.sep) + os.sep
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for item in items:
            try:
                if item.is_dir(follow_symlinks=False):
                    if item.name not in SKIP_DIRS and not item.name.startswith("."):
                        subdirs.append(item.path)
                    continue
                if not item.name.lower().endswith(REPORT_SUFFIXES):
                    continue
                if item.inode() in skip_inodes and not item.is_symlink():
                    continue
                if item.is_symlink():
                    if not os.path.realpath(item.path).startswith(prefix):
                        continue  # never follow a link out of the repository
                    st = os.stat(item.path)
                else:
                    st = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_REPORT_BYTES:
                continue
            yield item.path, st
            count += 1
            if count >= MAX_FILES:
                return
        stack.extend(reversed(subdirs))


class Workspace:
    """The neighbours of a report: other reports of the same issuer key.

    :param index: the run's report index.
    :param parse: (text, path) → Report, with that file's settings.
    :param overlay: unsaved editor buffers by absolute path, preferred over the disk.
    :param root_for: the folder to scan (once) for a report's neighbours on
        first use (the language server: its workspace folder); the CLI scans
        before linting and gives none.
    """

    def __init__(
        self,
        index: ReportIndex,
        parse: Callable[[str, str], Report],
        overlay: Callable[[str], str | None] | None = None,
        *,
        root_for: Callable[[str], Path] | None = None,
        keep: int = 64,
    ) -> None:
        self.index = index
        self._parse = parse
        self._overlay = overlay
        self._root_for = root_for
        self._keep = keep
        self._reports: OrderedDict[str, tuple[object, Report]] = OrderedDict()

    def remember(self, report: Report, stamp: object) -> None:
        """Keep a report just linted, so its successor need not parse it again."""
        if report.path:
            self._put(os.path.abspath(report.path), stamp, report)

    def _put(self, absolute: str, stamp: object, report: Report) -> None:
        self._reports[absolute] = (stamp, report)
        self._reports.move_to_end(absolute)
        while len(self._reports) > self._keep:
            self._reports.popitem(last=False)

    def forget(self, path: str) -> None:
        self._reports.pop(os.path.abspath(path), None)

    def _load(self, entry: Entry) -> Report | None:
        text = self._overlay(entry.abs) if self._overlay else None
        stamp: object = ("overlay", hash(text)) if text is not None else entry.stamp
        hit = self._reports.get(entry.abs)
        if hit is not None and hit[0] == stamp:
            self._reports.move_to_end(entry.abs)
            return hit[1]
        if text is None:
            from gailint.textio import SourceError, source_from_bytes

            try:
                data = read_regular(entry.abs, MAX_REPORT_BYTES + 1)
                if len(data) > MAX_REPORT_BYTES:
                    return None
                text = source_from_bytes(entry.path, data).text
            except (OSError, SourceError):
                return None
        report = self._parse(text, entry.path)
        self._put(entry.abs, stamp, report)
        return report

    def __call__(self, report: Report, year: int | None = None) -> list[Report]:
        """Other reports of ``report``'s issuer (of ``year`` only, if given)."""
        if not report.path:
            return []
        if self._root_for is not None:
            self.index.scan(self._root_for(report.path))
        key = self.index.key_for(report.issuer, report.path)
        try:
            st = os.stat(report.path)
            me = (st.st_dev, st.st_ino)
        except OSError:
            me = None  # an unsaved buffer: every indexed file is another one
        out = []
        for entry in self.index.same_issuer(key):
            if entry.ident == me:
                continue
            if year is not None and entry.identity.year not in (year, None):
                continue
            other = self._load(entry)
            if other is None or self.index.key_for(other.issuer, other.path) != key:
                continue
            if year is not None and other.year != year:
                continue
            out.append(other)
        return out
