"""The files a ``gailint check`` run looks at, from the paths on its command line.

Folders are walked for the config's ``include`` patterns, skipping ``exclude``d,
hidden and tool folders and anything that is not a regular file. A file named
explicitly is checked whatever its extension, unless ``--force-exclude`` (or
``force-exclude = true``) applies ``exclude`` to it too — pre-commit names every
staged file, so its hooks use it. A file reached twice (``a.txt ./a.txt`` or a
folder and a file in it) is checked once. A path that is missing or is not a
regular file (a FIFO, a device) becomes a problem with one clear message.
"""

from __future__ import annotations

import os
import stat
from fnmatch import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gailint.config import Settings
from gailint.engine.files import kind_of
from gailint.engine.workspace import SKIP_DIRS


@dataclass(frozen=True)
class Target:
    path: str  # as the user will see it
    st: os.stat_result

    @property
    def stamp(self) -> tuple[int, int]:
        return (self.st.st_size, self.st.st_mtime_ns)

    @property
    def fileid(self) -> tuple[int, int, int]:
        return (self.st.st_size, self.st.st_mtime_ns, self.st.st_ino)


@dataclass
class Collected:
    files: list[Target] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, message)


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    # fnmatch for the usual "*.txt" (a Path per file is slow on 20,000 files).
    return any(fnmatch(name, pat) if "/" not in pat else Path(name).match(pat) for pat in patterns)


def collect(paths: list[str], settings_for: Callable[[str], Settings], force_exclude: bool | None) -> Collected:
    """:param force_exclude: the command line's choice; None: each file's config decides."""
    out = Collected()
    seen: set[tuple[int, int]] = set()

    def add(path: str, st: os.stat_result) -> None:
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            return
        seen.add(ident)
        out.files.append(Target(path, st))

    for raw in paths:
        try:
            st = os.stat(raw)
        except FileNotFoundError:
            out.problems.append((raw, "文件或文件夹不存在"))
            continue
        except OSError as exc:
            out.problems.append((raw, exc.strerror or str(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            for path, fst in _walk(raw, settings_for):
                add(path, fst)
            continue
        kind = kind_of(st.st_mode)
        if kind is not None:
            out.problems.append((raw, f"不是普通文件，而是{kind}，未检查"))
            continue
        settings = settings_for(raw)
        forced = settings.force_exclude if force_exclude is None else force_exclude
        if forced and settings.excluded(raw):
            continue
        add(raw, st)
    return out


def _walk(top: str, settings_for: Callable[[str], Settings]):
    for root, dirs, names in os.walk(top):
        here = settings_for(os.path.join(root, "_"))  # the settings of this folder
        dirs[:] = sorted(
            d for d in dirs if d not in SKIP_DIRS and not d.startswith(".") and not here.excluded(os.path.join(root, d))
        )
        for name in sorted(names):
            path = os.path.join(root, name)
            if not _matches(name, here.include) or here.excluded(path):
                continue
            try:
                st = os.stat(path)  # a link is followed, but only to a regular file
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                yield path, st
