"""Where code may be imported from: never the working folder of a run.

Kept apart (only ``sys`` and ``pathlib``) so ``python -m gailint`` can call it before
anything else is imported.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path


def forget_import_paths(roots: Iterable[Path] = ()) -> None:
    """Drop the working folder (and ``roots``, e.g. the editor's workspace folders)
    from ``sys.path``, before any pack is loaded.

    Rule packs are installed entry points. ``python -m gailint`` puts the working
    folder first on sys.path, so a checkout of someone's reports holding a folder
    named like a pack (``gailint_rules/``) or a fake distribution
    (``evil-1.0.dist-info``) would otherwise run its code.
    """
    banned = set()
    for r in roots:
        try:
            banned.add(str(Path(r).resolve()))
        except OSError:
            continue
    try:
        banned.add(str(Path.cwd().resolve()))
    except OSError:
        pass
    keep = []
    for entry in sys.path:
        try:
            resolved = str(Path(entry or ".").resolve())
        except OSError:
            resolved = entry
        if entry == "" or resolved in banned:
            continue
        keep.append(entry)
    sys.path[:] = keep
