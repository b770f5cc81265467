"""Settings: the nearest config file, overridden by the editor's ``gailint`` settings.

The editor's settings use the config file's keys (``select``, ``ignore``,
``severity``, ``year``, ``issuer-kind`` …) and are validated by the same
:func:`gailint.config.settings_from_mapping`, with the file's settings as the base.
The server's own keys: ``debounce`` (seconds), ``run`` (``onType``: lint while
typing, the default; ``onSave``: lint when the file is opened and saved) and
``position-encoding`` (``utf-8``/``utf-16``/``utf-32``, read from the
initialization options only: for clients such as ALE that count columns in bytes
without announcing it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gailint.config import ConfigError, Settings, find_config, load_config, settings_from_mapping
from gailint.positions import PositionEncoding

DEFAULT_DEBOUNCE = 0.2
MAX_DEBOUNCE = 10.0
RUN_MODES = ("onType", "onSave")
SERVER_KEYS = ("debounce", "run", "position-encoding")


@dataclass
class ClientSettings:
    """What the editor said, split into the config table and the server's own keys."""

    table: dict[str, Any] = field(default_factory=dict)
    debounce: float = DEFAULT_DEBOUNCE
    run: str = "onType"
    position_encoding: PositionEncoding | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def on_save(self) -> bool:
        return self.run == "onSave"


def section_of(raw: Any) -> dict[str, Any]:
    """The ``gailint`` section of what an editor sent (accepts it nested or flat)."""
    if not isinstance(raw, Mapping):
        return {}
    inner = raw.get("gailint")
    if isinstance(inner, Mapping):
        return dict(inner)
    return dict(raw)


def _plain(value: Any) -> Any:
    """Editors send JSON; pygls may hand nested objects over as namedtuples."""
    if hasattr(value, "_asdict"):
        value = value._asdict()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def parse_client_settings(*layers: Any) -> ClientSettings:
    """Merge the layers (initializationOptions, then workspace/configuration)."""
    table: dict[str, Any] = {}
    for layer in layers:
        section = _plain(section_of(_plain(layer)))
        for key, value in section.items():
            if value is None:
                continue  # an unset editor setting: leave the config file's value
            table[key] = value
    out = ClientSettings()
    debounce = table.pop("debounce", None)
    if debounce is not None:
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= MAX_DEBOUNCE:
            out.debounce = float(debounce)
        else:
            out.errors.append(f"gailint 编辑器设置有误：debounce 应为 0 到 {MAX_DEBOUNCE:g} 之间的秒数，已使用 {DEFAULT_DEBOUNCE}")
    run = table.pop("run", None)
    if run is not None:
        if run in RUN_MODES:
            out.run = run
        else:
            out.errors.append(f"gailint 编辑器设置有误：run 应为 {' 或 '.join(RUN_MODES)}，已使用 onType")
    encoding = table.pop("position-encoding", None)
    if encoding is not None:
        try:
            out.position_encoding = PositionEncoding(str(encoding).lower())
        except ValueError:
            out.errors.append("gailint 编辑器设置有误：position-encoding 应为 utf-8、utf-16 或 utf-32，已按客户端协商")
    out.table = table
    return out


def apply_client_table(
    table: Mapping[str, Any], base: Settings, known_codes: Mapping[str, Mapping[str, Any]]
) -> Settings:
    """``base`` overridden by the editor's settings; raises ConfigError."""
    if not table:
        return base
    try:
        return settings_from_mapping(table, base=base, known_codes=known_codes)
    except ConfigError as exc:
        raise ConfigError("编辑器设置（gailint）", exc.key, exc.message) from None


def plugin_settings(root: Path | None, client_table: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """The settings that choose rule packs: the workspace's config, then the editor's
    ``plugins`` key. Packs are only ever installed entry points (see Linter.create)."""
    errors: list[str] = []
    settings = Settings()
    if root is not None:
        try:
            config = find_config(root)
            if config is not None:
                settings = load_config(config)  # structure only; codes are checked per file
        except ConfigError as exc:
            errors.append(str(exc))
        except OSError as exc:  # an unreadable folder: defaults
            errors.append(f"{root}: {exc}")
    if "plugins" in client_table:
        try:
            settings = settings_from_mapping({"plugins": client_table["plugins"]}, base=settings)
        except ConfigError as exc:
            errors.append(str(ConfigError("编辑器设置（gailint）", exc.key, exc.message)))
    return settings, errors


def config_stamp(path: str | None) -> tuple[Path | None, int | None]:
    """(nearest config, its modification time), to notice edits without file watchers."""
    if not path:
        return None, None
    try:
        config = find_config(Path(path))
        return config, (config.stat().st_mtime_ns if config is not None else None)
    except OSError:
        return None, None
