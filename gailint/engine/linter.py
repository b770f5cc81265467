"""The one entry point the CLI, the language server and the hooks share:
text + settings → diagnostics."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gailint.config import ConfigError, Settings, find_config, load_config
from gailint.config.loader import config_location, is_pack_path
from gailint.engine.diagnostics import Diagnostic, Severity
from gailint.engine.mapping import to_source
from gailint.engine.plugins import Registry, load_registry
from gailint.engine.runner import INTERNAL_CODE, run_rules
from gailint.engine.selection import Selection, select
from gailint.engine.suppress import UNUSED_CODE, apply_suppressions
from gailint.model import Report
from gailint.parse import parse


def tune_gc() -> None:
    """Collect garbage less often while linting many files.

    A parsed report is thousands of small immutable objects and none of them form
    cycles worth collecting mid-run; the default thresholds make the cyclic
    collector run every few hundred allocations, about a quarter of the lint time
    of a batch. The CLI and the server call this once at start.
    """
    import gc

    gc.set_threshold(100_000, 50, 100)


@dataclass
class Linter:
    """Holds the loaded rule packs; resolves each file's config; lints texts."""

    registry: Registry
    base: Settings = field(default_factory=Settings)
    # Filter applied after the config (CLI --select / --ignore).
    overrides: dict[str, Any] = field(default_factory=dict)
    _configs: dict[Path, tuple[int, Settings]] = field(default_factory=dict)
    _selection: dict[tuple, tuple[Settings, Selection]] = field(default_factory=dict, repr=False)
    _packs: dict[int, tuple[Settings, tuple[str, ...]]] = field(default_factory=dict, repr=False)
    # Problems with the packs a config selects (unknown name, broken TOML pack…),
    # in the order found; the CLI and the server report each once.
    pack_errors: list[str] = field(default_factory=list)
    _reported: int = field(default=0, repr=False)

    @classmethod
    def create(cls, settings: Settings | None = None, **overrides: Any) -> "Linter":
        settings = settings or Settings()
        registry = load_registry(allow=settings.plugins_allow, deny=settings.plugins_deny)
        return cls(registry, settings, overrides)

    @property
    def known_codes(self) -> dict[str, dict[str, Any]]:
        return {code: rule.option_defaults for code, rule in self.registry.rules.items()}

    def settings_for(self, path: str | None, explicit: Path | None = None) -> Settings:
        """The settings of the config nearest to ``path`` (or ``explicit``)."""
        config = explicit
        if config is None and path:
            config = find_config(Path(path))
        if config is None:
            settings = self.base
        else:
            config = config.resolve()
            try:
                stamp = config.stat().st_mtime_ns
            except OSError:
                stamp = -1
            cached = self._configs.get(config)
            # Keyed by modification time too: an editor session outlives many edits
            # of gailint.toml, and each must be seen.
            if cached is None or cached[0] != stamp:
                cached = self._configs[config] = (stamp, self.load_settings(config))
            settings = cached[1]
        return settings.merged(**self.overrides) if self.overrides else settings

    def load_settings(self, config: Path) -> Settings:
        """Read a config file: first its ``packs`` (loading the TOML packs it names,
        whose codes it may then configure), then everything, validated."""
        self.packs_for(load_config(config))
        return load_config(config, self.known_codes)

    def packs_for(self, settings: Settings) -> tuple[str, ...]:
        """The packs in use with ``settings``: the defaults, then its ``packs``.

        A pack that cannot be used (unknown name, a broken or missing TOML file, an
        entry point that failed to import) is left out and recorded in
        :attr:`pack_errors`; the other packs still run.
        """
        hit = self._packs.get(id(settings))
        if hit is not None and hit[0] is settings:
            return hit[1]
        names = list(self.registry.defaults)
        for entry in settings.packs:
            name = self._resolve_pack(entry, settings)
            if name is not None and name not in names:
                names.append(name)
        out = tuple(names)
        self._packs[id(settings)] = (settings, out)  # the settings object keeps its id alive
        return out

    def _resolve_pack(self, entry: str, settings: Settings) -> str | None:
        registry = self.registry
        if is_pack_path(entry):
            name, problems = registry.load_file(Path(entry))
            for problem in problems:
                self._pack_error(str(problem))
            return name
        if entry in registry.packs:
            return entry
        where = config_location(settings.source, "packs")
        if entry in registry.failed:
            self._pack_error(f"{where} packs: {registry.failed[entry]}")
        elif registry.manager.is_blocked(entry):
            self._pack_error(f"{where} packs: 规则包“{entry}”被 [plugins] 的 allow/deny 排除，未加载")
        else:
            installed = [n for n, p in registry.packs.items() if p.kind == "python" or n not in registry.files.values()]
            known = "、".join(n for n in installed if not registry.packs[n].info.default) or "（无）"
            self._pack_error(f"{where} packs: 未知的规则包“{entry}”；已安装的规则包：{known}；TOML 规则包请写文件路径（以 .toml 结尾）")
        return None

    def _pack_error(self, message: str) -> None:
        if message not in self.pack_errors:
            self.pack_errors.append(message)

    def new_pack_errors(self) -> list[str]:
        """Pack problems found since the last call (each is reported once)."""
        new = self.pack_errors[self._reported :]
        self._reported = len(self.pack_errors)
        return new

    def selection(self, settings: Settings, path: str | None) -> Selection:
        key = (id(settings), path if settings.per_file_ignores else None)
        hit = self._selection.get(key)
        if hit is not None and hit[0] is settings:
            return hit[1]
        out = select(self.registry, settings, path, self.packs_for(settings))
        if len(self._selection) > 512:
            self._selection.clear()
            self._packs.clear()
        self._selection[key] = (settings, out)  # the settings object keeps its id alive
        return out

    def _own_severity(self, settings: Settings, path: str | None, code: str, default: Severity) -> Severity | None:
        if not settings.enabled(code) or settings.ignored_for_path(path, code):
            return None
        rule = self.registry.rules.get(code)
        severity, _ = settings.severity_for(code, rule.severity if rule else default)
        return None if severity == Severity.OFF else severity

    def issuer_key(self, issuer: str | None, path: str | None) -> str | None:
        """The key that matches reports of one issuer across years (the file's
        config may map it, see ``[issuers]``)."""
        from gailint.engine.issuers import key_of

        try:
            settings = self.settings_for(path) if path else self.base
        except ConfigError:
            settings = self.base
        return key_of(issuer, path, settings.issuer_map)

    def parse(self, text: str, path: str | None, settings: Settings) -> Report:
        return parse(text, path, year=settings.year, issuer_kind=settings.issuer_kind)

    def lint(
        self,
        text: str,
        path: str | None = None,
        settings: Settings | None = None,
        *,
        neighbours: Callable[..., Iterable[Report]] | None = None,
    ) -> tuple[Report, list[Diagnostic]]:
        settings = settings if settings is not None else self.settings_for(path)
        report = self.parse(text, path, settings)
        chosen = self.selection(settings, path)
        enabled = {rule.code: sev for rule, sev, _ in chosen.rules}
        diagnostics = run_rules(
            report,
            chosen.rules,
            options=chosen.options,
            settings=settings,
            vocabulary=chosen.vocabulary,
            neighbours=neighbours,
        )
        # The engine's own codes apply even when the core pack is blocked.
        internal = self._own_severity(settings, path, INTERNAL_CODE, Severity.ERROR)
        diagnostics = [
            replace(d, severity=internal) if d.code == INTERNAL_CODE else d
            for d in diagnostics
            if d.code != INTERNAL_CODE or internal is not None
        ]
        unused = self._own_severity(settings, path, UNUSED_CODE, Severity.WARNING)
        diagnostics = apply_suppressions(report, diagnostics, self.registry.rules.keys(), unused, enabled.keys())
        # Rules saw the reader's text; what leaves here is in the file's offsets.
        return report, to_source(report, diagnostics)


def looks_like_report(report: Report) -> bool:
    """False for a file that is clearly not an annual report — no title, no
    section heading, no table (a README beside the reports): the CLI skips it
    with a note instead of reporting every missing part. A line that merely
    mentions 年度报告 (“本仓库存放各年度报告”) is not a title: a title names a year,
    an issuer or 信息公开."""
    title = report.title
    titled = title is not None and bool(title.year or title.issuer or "信息公开" in title.text)
    return bool(
        titled
        or report.sections
        or report.table2 is not None
        or report.table3 is not None
        or report.table4 is not None
    )


__all__ = ["ConfigError", "Linter", "looks_like_report"]
