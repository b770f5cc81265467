"""Shared fixtures: the seed reports and a linter loaded once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gailint.config import Settings
from gailint.engine.linter import Linter

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


def seed_text(prefix: str) -> str:
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter.create()


@pytest.fixture(scope="session")
def seed_tables() -> dict:
    return json.loads((FIXTURES / "spec" / "seed-tables.json").read_text(encoding="utf-8"))


def lint_text(linter: Linter, text: str, path: str = "report.txt", select=("GAI",), **settings):
    return linter.lint(text, path, Settings(select=tuple(select), **settings))[1]
