"""What the subcommands share: loading the linter with a clear error on bad config."""

from __future__ import annotations

import sys
from pathlib import Path

from gailint.config import ConfigError, Settings, error_at, find_config, load_config
from gailint.engine.linter import Linter
from gailint.output.escape import visible


def fail(message: str) -> int:
    # Messages quote paths and report text: shown, never obeyed by the terminal.
    sys.stderr.write(f"gailint: error: {visible(message)}\n")
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
        # Now that the installed packs are loaded (and the TOML packs the config
        # names), validate rule codes and options too.
        linter.base = linter.load_settings(path)
        linter.explicit_config = path.resolve()
    for error in linter.registry.errors:
        sys.stderr.write(f"gailint: warning: {error}\n")
    return linter


def report_pack_errors(linter: Linter) -> int:
    """Print the pack problems found since the last call; how many there were.

    A pack the config selects but that cannot be used is an error (exit code 2), yet
    the run goes on with the other packs: nothing else is lost.
    """
    new = linter.new_pack_errors()
    for error in new:
        sys.stderr.write(f"gailint: error: {error}\n")
    return len(new)


def add_config_argument(parser) -> None:
    parser.add_argument("--config", metavar="FILE", help="使用这个配置文件，而不是查找最近的 gailint.toml / pyproject.toml")
