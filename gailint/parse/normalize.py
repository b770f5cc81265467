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
    n, rel = norm_rel(text)
    return n, [base + o for o in rel]


def norm(text: str) -> str:
    return norm_rel(text)[0]


# Only texts this short are cached: labels repeat from report to report, while a long
# run of text (a page scraped onto one line) is seen once and would only fill the
# memory of a language server that runs for weeks.
CACHED_LENGTH = 200


def norm_rel(text: str) -> tuple[str, tuple[int, ...]]:
    """``norm_map`` with the offsets relative to ``text`` (a shared, cached tuple)."""
    return _norm_rel_cached(text) if len(text) <= CACHED_LENGTH else _normalise(text)


def _normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """The normalised text and, per character, its offset in ``text``."""
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
            offsets.append(i)
        if n:
            prev = n[-1]
    return "".join(out), tuple(offsets)


_norm_rel_cached = lru_cache(maxsize=8192)(_normalise)


def strip_markup(text: str) -> str:
    """Drop Markdown heading and emphasis markers around a line."""
    s = text.strip().lstrip("#").strip()
    for wrap in ("**", "__", "*", "_"):
        if len(s) > 2 * len(wrap) and s.startswith(wrap) and s.endswith(wrap):
            s = s[len(wrap) : -len(wrap)].strip()
    return s
