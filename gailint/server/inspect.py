"""The ``gailint/inspect`` request: what ``gailint inspect`` prints, for a buffer."""

from __future__ import annotations

import io
from typing import Any

from gailint.model import Report


def model_report(report: Report, path: str) -> dict[str, Any]:
    """``{"text": …, "model": …}``: the CLI's text rendering and its JSON model."""
    from gailint.cli import inspect

    model = inspect.model_dict(report, path)
    out = io.StringIO()
    inspect._text(model, out)  # the one text rendering, shared with the CLI
    return {"text": out.getvalue(), "model": model}
