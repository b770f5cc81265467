"""The shape of a rule: metadata, a check function and its documentation."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from gailint.engine.diagnostics import Severity, Violation
from gailint.model import Report

CODE_RE = re.compile(r"^[A-Z]{2,8}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOCS_URL = "https://gailint.readthedocs.io/rules/{code}"

FixAvailability = Literal["always", "sometimes", "never"]


@dataclass(frozen=True)
class RuleContext:
    """What a rule gets besides the report: its options and the run's settings."""

    options: Mapping[str, Any]
    settings: Any = None  # gailint.config.Settings of the file being checked
    vocabulary: Mapping[str, Any] = field(default_factory=dict)  # merged from all packs
    # Other reports of the same repository or workspace (for cross-year rules).
    neighbours: Callable[[Report], Iterable[Report]] | None = None


CheckFn = Callable[[Report, RuleContext], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: Severity
    check: CheckFn = field(compare=False, repr=False)
    docs: str = ""
    fix: FixAvailability = "never"
    tags: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)  # name -> default
    pack: str = ""  # filled in by the plugin manager
    url: str | None = None

    def __post_init__(self) -> None:
        if not CODE_RE.match(self.code):
            raise ValueError(f"rule code {self.code!r} must look like GAI123")
        if not NAME_RE.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")

    @property
    def fixable(self) -> bool:
        return self.fix != "never"

    @property
    def docs_url(self) -> str:
        return self.url or DOCS_URL.format(code=self.code)


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    fix: FixAvailability = "never",
    tags: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    summary: str | None = None,
) -> Callable[[CheckFn], Rule]:
    """Turn a check function into a :class:`Rule`.

    The function's docstring is the rule's documentation (shown by ``gailint explain``
    and on hover); its first line is the summary unless ``summary`` is given.
    """

    def wrap(fn: CheckFn) -> Rule:
        docs = inspect.cleandoc(fn.__doc__ or "")
        first = next((ln.strip("# ").strip() for ln in docs.splitlines() if ln.strip()), "")
        return Rule(
            code=code,
            name=name,
            summary=summary or first,
            severity=Severity.parse(severity),
            check=fn,
            docs=docs,
            fix=fix,
            tags=tuple(tags),
            options=dict(options or {}),
        )

    return wrap
