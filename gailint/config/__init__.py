"""Configuration: discovery, validation and typed settings."""

from gailint.config.loader import CONFIG_NAMES, ConfigError, error_at, find_config, load_config, settings_from_mapping
from gailint.config.settings import Settings

__all__ = ["CONFIG_NAMES", "ConfigError", "error_at", "Settings", "find_config", "load_config", "settings_from_mapping"]
