"""Label normalisation: NFKC, no whitespace, one spelling of list markers.

Labels are compared after this (template-2021.md §10). ``norm_map`` also returns,
for every normalised character, the offset of the original character it came
from, so a match in normalised text maps back to exact original spans.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# 1、 1． 1. all become "1." once NFKC has run (． → .).
_MARKER_PUNCT = {"、": ".", "，": ",", "．": "."}


@lru_cache(maxsize=4096)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def norm_map(text: str, base: int = 0) -> tuple[str, list[int]]:
    """Normalise ``text``; ``offsets[i]`` is the original offset of output char ``i``."""
    n, rel = _norm_rel(text)
    return n, [base + o for o in rel]


@lru_cache(maxsize=8192)
def _norm_rel(text: str) -> tuple[str, tuple[int, ...]]:
    # Table labels repeat from report to report: cache by text, offsets relative.
    base = 0
    out: list[str] = []
    offsets: list[int] = []
    prev = ""
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "\ufeff":
            continue
        if ch == "、" and prev.isdigit():
            n = "."
        else:
            n = _nfkc(ch) if not ch.isascii() else ch
        for c in n:
            if c.isspace():
                continue
            out.append(c)
            offsets.append(base + i)
        if n:
            prev = n[-1]
    return "".join(out), tuple(offsets)


def norm(text: str) -> str:
    return _norm_rel(text)[0]


def strip_markup(text: str) -> str:
    """Drop Markdown heading and emphasis markers around a line."""
    s = text.strip().lstrip("#").strip()
    for wrap in ("**", "__", "*", "_"):
        if len(s) > 2 * len(wrap) and s.startswith(wrap) and s.endswith(wrap):
            s = s[len(wrap) : -len(wrap)].strip()
    return s
