"""A declarative pack as a pluggy plugin: the same hooks a Python pack implements,
answered from the validated TOML. One mechanism for both kinds of pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gailint.declarative.rules import build_rules
from gailint.declarative.schema import PackSpec
from gailint.declarative.source import TomlSource
from gailint.engine.hookspecs import hookimpl
from gailint.engine.pack import PackInfo, RuleOverride
from gailint.engine.rule import Rule


class DeclarativePack:
    """Built by :func:`gailint.declarative.load_pack`; registered like any plugin."""

    def __init__(self, spec: PackSpec, source: TomlSource):
        self.spec = spec
        self.source = source
        self.pack_name = spec.name
        self.path: Path = source.path
        self._rules = build_rules(spec)

    def pack_locate(self, key: tuple) -> str:
        """``path:line`` of a key, for problems found after loading."""
        return self.source.where(key)

    @hookimpl
    def gailint_pack_info(self) -> PackInfo:
        s = self.spec
        return PackInfo(
            version=s.version,
            description=s.description,
            province=s.province,
            overrides=s.overrides,
            sources=s.sources,
        )

    @hookimpl
    def gailint_register_rules(self) -> list[Rule]:
        return list(self._rules)

    @hookimpl
    def gailint_register_vocabulary(self) -> dict[str, Any]:
        return dict(self.spec.vocabulary)

    @hookimpl
    def gailint_rule_overrides(self) -> dict[str, RuleOverride]:
        codes = set(self.spec.severity) | set(self.spec.options)
        return {
            code: RuleOverride(severity=self.spec.severity.get(code), options=self.spec.options.get(code, {}))
            for code in sorted(codes)
        }

    def __repr__(self) -> str:
        return f"DeclarativePack({self.pack_name!r}, {str(self.path)!r})"
