"""What the subcommands share: loading the linter with a clear error on bad config."""

from __future__ import annotations

import sys
from pathlib import Path

from gailint.config import ConfigError, Settings, error_at, find_config, load_config
from gailint.engine.linter import Linter


def fail(message: str) -> int:
    sys.stderr.write(f"gailint: error: {message}\n")
    return 2


def make_linter(config: str | None, start: Path | None = None, **overrides) -> Linter:
    """The linter, with plugins chosen by the explicit or nearest config.

    Raises ConfigError for a broken config (the caller prints it and exits 2).
    """
    path = Path(config) if config else find_config(start or Path.cwd())
    base = Settings()
    if path is not None:
        if not path.is_file():
            raise ConfigError(path, None, "配置文件不存在")
        base = load_config(path)  # structure only; codes are checked below
    linter = Linter.create(base, **overrides)
    if path is not None:
        registry = linter.registry
        # Allowing only packs that do not exist would silently turn every rule off.
        unknown = registry.unknown_packs(base.plugins_allow)
        if unknown:
            raise error_at(path, "plugins.allow", registry.unknown_packs_message(unknown))
        unknown = registry.unknown_packs(base.plugins_deny)
        if unknown:
            sys.stderr.write(f"gailint: warning: {error_at(path, 'plugins.deny', registry.unknown_packs_message(unknown))}\n")
        # Now that the packs are loaded, validate rule codes and options too.
        linter.base = load_config(path, linter.known_codes)
        linter.explicit_config = path.resolve()
    for error in linter.registry.errors:
        sys.stderr.write(f"gailint: warning: {error}\n")
    return linter


def add_config_argument(parser) -> None:
    parser.add_argument("--config", metavar="FILE", help="使用这个配置文件，而不是查找最近的 gailint.toml / pyproject.toml")
