"""The shape of a rule: metadata, a check function and its documentation."""

from __future__ import annotations

import inspect
import re
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from gailint.engine.diagnostics import Severity, Violation
from gailint.model import Report

CODE_RE = re.compile(r"^[A-Z]{2,8}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# The rule pages are generated from the rules' docstrings into the package
# itself (scripts/gen_rules_doc.py), so a diagnostic's link leads to a page that
# exists wherever gailint is installed, offline too (many offices work on an
# intranet). The repository has no public address yet: when it has one, point
# DOCS_BASE at the published copy of the same pages.
DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
DOCS_BASE: str | None = None

FixAvailability = Literal["always", "sometimes", "never"]
# "unsafe": the rule's fixes change a number or state a fact (a total, a period);
# they are offered but applied only with --unsafe-fixes (as in ruff).
FixSafety = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class RuleContext:
    """What a rule gets besides the report: its options and the run's settings."""

    options: Mapping[str, Any]
    settings: Any = None  # gailint.config.Settings of the file being checked
    vocabulary: Mapping[str, Any] = field(default_factory=dict)  # merged from all packs
    # Other reports of the same issuer in the repository or workspace (cross-year
    # rules): ``neighbours(report, year=None)``; ``year`` keeps the search to one
    # year, so only those files are read. None when no other report can be known.
    neighbours: Callable[..., Iterable[Report]] | None = None


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
    fix_safety: FixSafety = "safe"
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
        if self.fix_safety not in ("safe", "unsafe"):
            raise ValueError(f"fix_safety {self.fix_safety!r} must be 'safe' or 'unsafe'")
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
    def docs_url(self) -> str | None:
        """The rule's page: the pack's own ``url``, else gailint's generated page
        when there is one for this code (the shipped packs)."""
        return self.url or rule_page(self.code)


@lru_cache(maxsize=None)
def rule_page(code: str) -> str | None:
    """The URL of the generated page of ``code``, or None when it has none."""
    if not (DOCS_DIR / f"{code}.html").is_file():
        return None
    if DOCS_BASE:
        return f"{DOCS_BASE.rstrip('/')}/{code}.html"
    return (DOCS_DIR / f"{code}.html").as_uri()


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    fix: FixAvailability = "never",
    fix_safety: FixSafety = "safe",
    tags: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
    summary: str | None = None,
    option_checks: Mapping[str, OptionCheck] | None = None,
) -> Callable[[CheckFn], Rule]:
    """Turn a check function into a :class:`Rule`.

    The function's docstring is the rule's documentation (shown by ``gailint explain``
    and on hover); its first line is the summary unless ``summary`` is given.
    ``fix_safety="unsafe"`` marks every fix of the rule unsafe (the engine stamps
    it on each fix, whatever the rule's own :class:`Fix` says).
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
            fix_safety=fix_safety,
            tags=tuple(tags),
            options=dict(options or {}),
            option_checks=dict(option_checks or {}),
        )

    return wrap
