"""The Sichuan pack (四川省): a declarative pack shipped in a Python distribution.

The requirements live in ``sichuan.toml`` beside this file (no code runs for them);
the entry point ``sichuan = "gailint_rules.sichuan:plugin"`` hands the loaded pack
to gailint like any plugin. Select it with ``packs = ["sichuan"]``.
"""

from __future__ import annotations

from pathlib import Path

from gailint.declarative import load_pack

PACK_FILE = Path(__file__).with_name("sichuan.toml")
plugin = load_pack(PACK_FILE)
