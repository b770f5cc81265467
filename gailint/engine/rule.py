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
# Checks an option's value from the config: None when fine, else what is wrong
# (in Chinese, for the report's author), e.g. "“banana”不是有效的日期".
OptionCheck = Callable[[Any], "str | None"]


class OptionDefaults(dict):
    """A rule's options (name → default), carrying the rule's checks of their values,
    so the config validator sees both (``Linter.known_codes``)."""

    def __init__(self, defaults: Mapping[str, Any], checks: Mapping[str, OptionCheck]) -> None:
        super().__init__(defaults)
        self.checks = dict(checks)


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
    option_checks: Mapping[str, OptionCheck] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not CODE_RE.match(self.code):
            raise ValueError(f"rule code {self.code!r} must look like GAI123")
        if not NAME_RE.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        unknown = set(self.option_checks) - set(self.options)
        if unknown:
            raise ValueError(f"rule {self.code}: checks for options it does not have: {sorted(unknown)}")

    @property
    def option_defaults(self) -> OptionDefaults:
        return OptionDefaults(self.options, self.option_checks)

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
    option_checks: Mapping[str, OptionCheck] | None = None,
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
            option_checks=dict(option_checks or {}),
        )

    return wrap
