"""Output formats of ``gailint check``: one module each, imported when used."""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from gailint.engine.diagnostics import Diagnostic

FORMATS = {"text": "gailint.output.text", "concise": "gailint.output.concise", "json": "gailint.output.json"}


class FileResult(Protocol):
    path: str
    text: str
    diagnostics: list[Diagnostic]


def write(name: str, results: list, stream: TextIO, **options) -> None:
    importlib.import_module(FORMATS[name]).write(results, stream, **options)
