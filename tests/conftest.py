"""Session fixtures: a linter loaded once, and the expected seed tables."""

from __future__ import annotations

import json

import pytest

from gailint.engine.linter import Linter

from _support import FIXTURES


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter.create()


@pytest.fixture(scope="session")
def seed_tables() -> dict:
    return json.loads((FIXTURES / "spec" / "seed-tables.json").read_text(encoding="utf-8"))
