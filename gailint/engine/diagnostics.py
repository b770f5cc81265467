"""What rules produce: violations, fixes, edits, and the engine's diagnostics."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from enum import IntEnum

from gailint.frozen import frozen
from gailint.model import Span


class Severity(IntEnum):
    """Ordered so that ``severity >= fail_level`` decides the exit code."""

    OFF = 0
    HINT = 1
    INFO = 2
    WARNING = 3
    ERROR = 4

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r}; expected one of off, hint, info, warning, error"
            ) from None

    @property
    def label(self) -> str:
        return self.name.lower()


@frozen
class Edit:
    """Replace ``text[start:end]`` with ``new``. Offsets are code points."""

    start: int
    end: int
    new: str

    @classmethod
    def replace(cls, span: Span, new: str) -> "Edit":
        return cls(span.start, span.end, new)

    @classmethod
    def delete(cls, span: Span) -> "Edit":
        return cls(span.start, span.end, "")

    @classmethod
    def delete_nested(
        cls, text: str, span: Span, pattern: re.Pattern[str], window: int, valid: Callable[[re.Match[str]], bool] = bool
    ) -> Edit:
        """Delete ``span`` (a match of ``pattern``), widened while the text on its two
        sides would close up into another match: one pasted inside another
        ("（文字描（文字描述）述）") is deleted with it. ``window``: the longest match."""
        start, end = span.start, span.end
        while True:  # each round widens the deletion: it ends at the text's ends
            left = max(0, start - window)
            cut = start - left
            joined = text[left:start] + text[end : end + window]
            outer = next((m for m in pattern.finditer(joined) if m.start() < cut < m.end() and valid(m)), None)
            if outer is None:
                return cls(start, end, "")
            start, end = left + outer.start(), end + outer.end() - cut

    @classmethod
    def insert(cls, offset: int, new: str) -> "Edit":
        return cls(offset, offset, new)


@frozen
class Fix:
    """A quick-fix: an imperative title and edits on the original text."""

    title: str
    edits: tuple[Edit, ...]
    safe: bool = True


@frozen
class Violation:
    """What a rule yields: where, what, and optionally how to fix it."""

    span: Span
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # None: the rule's configured severity


@frozen
class Diagnostic:
    """A violation stamped by the engine with the rule's identity and severity."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    path: str | None = None
    url: str | None = None
    data: dict = field(default_factory=dict, compare=False)

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end
