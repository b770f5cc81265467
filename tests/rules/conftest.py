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


def only(diags, code):
    """The diagnostics of one rule."""
    return [d for d in diags if d.code == code]


def span_text(text, d):
    """The characters a diagnostic points at."""
    return text[d.span.start : d.span.end]


def line_of(text, d):
    """1-based line of a diagnostic's start."""
    return text.count("\n", 0, d.span.start) + 1
