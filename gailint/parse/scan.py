"""A pattern's matches with a condition on the character before each.

What a leading lookbehind (``(?<!\\d)2023-…``) says, without its cost: the regex engine
tries a pattern that opens with a lookbehind at every character of the text, while one
that opens with a digit or a letter is tried only where those stand. The character
before is checked here, and a match it rules out is searched for again one character
on, as the lookbehind would have.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def matches_not_after(pattern: re.Pattern[str], text: str, bad_before: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` as if the pattern opened with a lookbehind refusing
    every character for which ``bad_before`` is true."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        a = m.start()
        if a and bad_before(text[a - 1]):
            pos = a + 1
            continue
        yield m
        pos = m.end() if m.end() > a else a + 1
