"""Helpers for the rule tests: lint a text with the installed rule packs."""

from __future__ import annotations

import pytest

from gailint.config import Settings
from gailint.engine.linter import Linter

LINTER = Linter.create()


def lint(text, path="report.txt", select=None, **settings):
    s = Settings(select=tuple(select) if select else ("GAI",), **settings)
    return LINTER.lint(text, path, s)[1]


@pytest.fixture(name="lint")
def lint_fixture():
    """The ``lint`` helper, for test modules (importing a conftest by name is ambiguous)."""
    return lint
