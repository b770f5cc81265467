"""Patterns of declarative packs: literal text, or regular expressions run with a
time limit.

A regular expression from a TOML pack is untrusted input: ``(a|aa)+$`` takes
exponential time on a line of ``a``s, and the standard ``re`` module cannot be
interrupted (it holds the GIL, so not even a watchdog thread could run). The
third-party ``regex`` module checks a deadline inside its matching loop, so one
search gives up after :data:`TIME_LIMIT` seconds (measured: a 0.2 s limit returns
after 0.2–0.4 s; an ordinary pattern over a 10 KB report takes about 0.1 ms).
A pattern that ran out of time once is switched off for the rest of the process,
so a catastrophic pattern costs one time limit per run, not one per file.

Literal patterns need no limit and use the standard ``re`` module; ``regex`` is
imported only when a pack has a regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

TIME_LIMIT = 0.2  # seconds per pattern per report


class PatternTimeout(Exception):
    """A regular expression ran out of time (catastrophic backtracking)."""


@dataclass
class Pattern:
    source: str
    is_regex: bool
    compiled: Any = field(repr=False)
    timed_out: bool = False

    @classmethod
    def compile(cls, source: str, is_regex: bool) -> "Pattern":
        """Raises ValueError with a message for the pack's author."""
        if not source:
            raise ValueError("模式不能为空")
        if not is_regex:
            return cls(source, False, re.compile(re.escape(source)))
        import regex

        try:
            compiled = regex.compile(source)
        except regex.error as exc:
            raise ValueError(f"正则表达式有误：{exc}") from None
        try:
            empty = compiled.fullmatch("", timeout=TIME_LIMIT) is not None
        except TimeoutError:
            empty = False
        if empty:
            raise ValueError("正则表达式可以匹配空字符串，会在每个位置报告")
        return cls(source, True, compiled)

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def group_names(self) -> set[str]:
        return set(self.compiled.groupindex)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Any]:
        """Matches in ``text[start:end]``; raises PatternTimeout past the time limit."""
        end = len(text) if end is None else end
        if not self.is_regex:
            yield from self.compiled.finditer(text, start, end)
            return
        if self.timed_out:
            raise PatternTimeout(f"正则表达式 {self.source!r} 此前运行超时，已停用")
        try:
            # One deadline for the whole scan, checked inside regex's matching loop.
            yield from self.compiled.finditer(text, start, end, timeout=TIME_LIMIT)
        except TimeoutError:
            self.timed_out = True
            raise PatternTimeout(
                f"正则表达式 {self.source!r} 运行超过 {TIME_LIMIT:g} 秒（可能是灾难性回溯），已停用；请改写这个模式"
            ) from None

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        return next(self.finditer(text, start, end), None) is not None


def check_template(template: str, pattern: Pattern) -> str | None:
    r"""A problem with a replacement's group references (\1, \g<name>), or None."""
    if not pattern.is_regex:
        return None
    for m in re.finditer(r"\\(\d+)|\\g<([^>]*)>", template):
        number, name = m.group(1), m.group(2)
        if number is not None and int(number) > pattern.groups:
            return f"替换文字引用了第 {number} 组，但模式只有 {pattern.groups} 组"
        if name is not None and not (name.isdigit() and int(name) <= pattern.groups) and name not in pattern.group_names:
            return f"替换文字引用了不存在的组 {name}"
    return None


def expand(match: Any, template: str, pattern: Pattern) -> str:
    """The replacement for one match: group references expanded for a regex."""
    return match.expand(template) if pattern.is_regex else template
