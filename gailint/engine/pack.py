"""What a rule pack is, besides its rules: metadata, overrides of other packs' rules,
and the problems found while loading it.

Both kinds of pack — a Python distribution and a declarative ``*.toml`` file — end up
as one :class:`Pack` record in the registry; the engine treats them alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

PackKind = Literal["python", "toml"]


@dataclass(frozen=True)
class PackInfo:
    """A pack's metadata, returned by the ``gailint_pack_info`` hook.

    :param version: shown by ``gailint packs`` and ``gailint rules``; a Python pack
        that leaves it empty gets its distribution's version.
    :param description: one line, for ``gailint packs``.
    :param province: the province (or city) whose requirements the pack adds.
    :param overrides: codes of other packs' rules (the national ones) whose severity
        or options this pack changes; every code in ``gailint_rule_overrides`` must
        be declared here, so nothing changes unannounced.
    :param sources: the documents the pack's requirements come from.
    :param default: run for every file without being listed in the config's
        ``packs``. Only packs that apply to every report (gailint's own) set it; a
        province pack leaves it False so that a Fujian report never gets Henan
        findings.
    """

    version: str = ""
    description: str = ""
    province: str = ""
    overrides: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    default: bool = False


@dataclass(frozen=True)
class RuleOverride:
    """How a pack changes another pack's rule while the pack is in use.

    :param severity: the rule's severity (``"off"`` … ``"error"``), or None to keep it.
    :param options: option values, by the rule's option names (see ``gailint explain``).

    The user's config still has the last word: its ``[severity]`` and ``[rules.X]``
    win over any pack.
    """

    severity: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


def dotted(key: tuple) -> str | None:
    """``("forbidden", 0, "pattern")`` → ``forbidden[1].pattern`` (tables counted from 1,
    as a person counts the ``[[forbidden]]`` tables of a file)."""
    out = ""
    for part in key:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None


@dataclass(frozen=True)
class PackProblem:
    """A problem with a pack, printed as ``where: key: message`` like a config error."""

    where: str  # "path:line" of a TOML pack, or "规则包 NAME" of a Python pack
    key: str | None
    message: str

    def __str__(self) -> str:
        key = f" {self.key}:" if self.key else ""
        return f"{self.where}:{key} {self.message}"


@dataclass
class Pack:
    """One loaded pack, as the registry keeps it."""

    name: str
    kind: PackKind
    source: str  # the entry point's module, or the TOML file's path
    origin: str  # who owns the pack's code prefixes: a distribution or a file
    info: PackInfo = field(default_factory=PackInfo)
    rules: list[str] = field(default_factory=list)  # codes, in registration order
    overrides: dict[str, RuleOverride] = field(default_factory=dict)
    vocabulary: dict[str, Any] = field(default_factory=dict)
    # For a TOML pack: (key path) -> "path:line", so problems found after loading
    # (an override of an unknown option) still point at the line.
    locate: Callable[[tuple], str] | None = field(default=None, repr=False)
    stamp: int | None = None  # modification time of a TOML pack's file

    @property
    def version(self) -> str:
        return self.info.version

    @property
    def prefixes(self) -> list[str]:
        return sorted({code.rstrip("0123456789") for code in self.rules})

    def problem(self, key: tuple | str | None, message: str) -> PackProblem:
        path = key if isinstance(key, tuple) else ((key,) if key else ())
        where = self.locate(path) if self.locate is not None else f"规则包 {self.name}"
        return PackProblem(where, dotted(path), message)
