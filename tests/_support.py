"""Shared helpers of the top-level tests: the seed reports and a lint shortcut."""

from __future__ import annotations

from pathlib import Path

from gailint.config import Settings
from gailint.engine.linter import Linter

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


def seed_text(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def lint_text(linter: Linter, text: str, path: str = "report.txt", select=("GAI",), **settings):
    return linter.lint(text, path, Settings(select=tuple(select), **settings))[1]
