"""The engine: plugin loading, rule running, fixes and suppressions. It knows no rule."""
