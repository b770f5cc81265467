"""``--statistics``: how often each rule fired, as ruff prints it."""

from __future__ import annotations

import json
from typing import TextIO


def write(counts: dict[str, list], names: dict[str, str], stream: TextIO, as_json: bool) -> None:
    """:param counts: code → [count, fixes --fix applies, unsafe fixes it leaves]."""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if as_json:
        items = [
            {
                "code": code,
                "name": names.get(code, ""),
                "count": n,
                "fixable": fixable > 0,
                "fixable_count": fixable,
                "unsafe_fixable_count": unsafe,
            }
            for code, (n, fixable, unsafe) in rows
        ]
        json.dump(items, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    width = max((len(str(n)) for _, (n, _, _) in rows), default=1)
    for code, (n, fixable, unsafe) in rows:
        mark = "[*]" if fixable else "[-]" if unsafe else "   "
        stream.write(f"{n:>{width}}\t{code}\t{mark} {names.get(code, '')}\n")
