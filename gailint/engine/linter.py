"""The one entry point the CLI, the language server and the hooks share:
text + settings → diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gailint.config import ConfigError, Settings, find_config, load_config
from gailint.engine.diagnostics import Diagnostic, Severity
from gailint.engine.plugins import Registry, load_registry
from gailint.engine.rule import Rule
from gailint.engine.runner import run_rules
from gailint.model import Report
from gailint.parse import parse


@dataclass
class Linter:
    """Holds the loaded rule packs; resolves each file's config; lints texts."""

    registry: Registry
    base: Settings = field(default_factory=Settings)
    # Filter applied after the config (CLI --select / --ignore).
    overrides: dict[str, Any] = field(default_factory=dict)
    _configs: dict[Path, Settings] = field(default_factory=dict)

    @classmethod
    def create(cls, settings: Settings | None = None, **overrides: Any) -> "Linter":
        settings = settings or Settings()
        registry = load_registry(allow=settings.plugins_allow, deny=settings.plugins_deny)
        return cls(registry, settings, overrides)

    @property
    def known_codes(self) -> dict[str, dict[str, Any]]:
        codes = {code: dict(rule.options) for code, rule in self.registry.rules.items()}
        codes.setdefault("GAI001", {})
        codes.setdefault("GAI002", {})
        return codes

    def settings_for(self, path: str | None, explicit: Path | None = None) -> Settings:
        """The settings of the config nearest to ``path`` (or ``explicit``)."""
        config = explicit
        if config is None and path:
            config = find_config(Path(path))
        if config is None:
            settings = self.base
        else:
            config = config.resolve()
            if config not in self._configs:
                self._configs[config] = load_config(config, self.known_codes)
            settings = self._configs[config]
        return settings.merged(**self.overrides) if self.overrides else settings

    def rules_for(self, settings: Settings, path: str | None) -> list[tuple[Rule, Severity, bool]]:
        out = []
        for rule in self.registry.sorted():
            if not settings.enabled(rule.code) or settings.ignored_for_path(path, rule.code):
                continue
            severity, explicit = settings.severity_for(rule.code, rule.severity)
            if severity != Severity.OFF:
                out.append((rule, severity, explicit))
        return out

    def parse(self, text: str, path: str | None, settings: Settings) -> Report:
        return parse(text, path, year=settings.year, issuer_kind=settings.issuer_kind)

    def lint(
        self,
        text: str,
        path: str | None = None,
        settings: Settings | None = None,
        *,
        neighbours: Callable[[Report], Iterable[Report]] | None = None,
    ) -> tuple[Report, list[Diagnostic]]:
        settings = settings if settings is not None else self.settings_for(path)
        report = self.parse(text, path, settings)
        rules = self.rules_for(settings, path)
        diagnostics = run_rules(
            report,
            rules,
            options={k: dict(v) for k, v in settings.rule_options.items()},
            settings=settings,
            vocabulary=self.registry.vocabulary,
            neighbours=neighbours,
        )
        return report, diagnostics


__all__ = ["ConfigError", "Linter"]
