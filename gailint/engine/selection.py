"""Which rules run on a file, at which severity, with which options and word lists.

The packs in use for a file are the default packs (gailint's own) plus those its
config lists in ``packs``, in that order. Each rule's severity and options are then,
from weakest to strongest: the rule's own, the packs' overrides (a later pack wins),
the user's config.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gailint.config import Settings
from gailint.engine.diagnostics import Severity
from gailint.engine.plugins import Registry
from gailint.engine.rule import Rule


@dataclass(frozen=True)
class Selection:
    """The rules of one run: (rule, severity, explicitly configured?), plus options."""

    packs: tuple[str, ...]
    rules: tuple[tuple[Rule, Severity, bool], ...]
    options: Mapping[str, Mapping[str, Any]]
    vocabulary: Mapping[str, Any]


def select(registry: Registry, settings: Settings, path: str | None, packs: Sequence[str]) -> Selection:
    """The selection for ``settings`` (and ``path``, for per-file-ignores).

    :param packs: the packs in use, in order (defaults first); see
        :meth:`gailint.engine.linter.Linter.packs_for`.
    """
    active = set(packs)
    pack_severity: dict[str, Severity] = {}
    pack_options: dict[str, dict[str, Any]] = {}
    for name in packs:
        pack = registry.packs.get(name)
        if pack is None:
            continue
        for code, override in pack.overrides.items():
            if override.severity is not None:
                pack_severity[code] = Severity.parse(str(override.severity))
            if override.options:
                pack_options.setdefault(code, {}).update(override.options)

    rules: list[tuple[Rule, Severity, bool]] = []
    for rule in registry.sorted():
        if rule.pack not in active:
            continue
        if not settings.enabled(rule.code) or settings.ignored_for_path(path, rule.code):
            continue
        if rule.code in settings.severity:
            severity, explicit = settings.severity[rule.code], True
        elif rule.code in pack_severity:
            severity, explicit = pack_severity[rule.code], True
        else:
            severity, explicit = rule.severity, False
        if severity != Severity.OFF:
            rules.append((rule, severity, explicit))

    options: dict[str, dict[str, Any]] = {}
    for code in set(pack_options) | set(settings.rule_options):
        merged = dict(pack_options.get(code, {}))
        merged.update(settings.rule_options.get(code, {}))
        options[code] = merged
    return Selection(tuple(packs), tuple(rules), options, registry.vocabulary_for(packs))
