"""``gailint server``: the language server (pygls is imported only in this package).

The server runs the same :class:`gailint.engine.linter.Linter` and the same config
resolver as ``gailint check`` on the editor's in-memory buffer, so the editor, the
CLI and the pre-commit hook always agree.
"""

from __future__ import annotations

import logging
import os
import re
import sys

__all__ = ["main"]


_EXCEPTION_LINE_RE = re.compile(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)\b")


class OneLineFormatter(logging.Formatter):
    """``gailint: what happened: ExceptionType: why`` on one line: the first line of
    the message (pygls puts whole tracebacks into some) and the exception's last."""

    def format(self, record: logging.LogRecord) -> str:
        lines = [ln.strip(" \t|+-") for ln in record.getMessage().splitlines()]
        lines = [ln for ln in lines if ln]
        text = lines[0] if lines else ""
        raised = [ln for ln in lines[1:] if _EXCEPTION_LINE_RE.match(ln)]
        if raised:
            text += f" … {raised[-1]}"
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text += f": {type(exc).__name__}: {' '.join(str(exc).split())}"
        return f"gailint: {text}"


def _parse_tcp(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(value)
    host = host.strip("[]") or "127.0.0.1"
    return host, int(port)


def main(tcp: str | None = None) -> int:
    """Run the server on stdio (default) or on ``HOST:PORT``; returns the exit code."""
    address = None
    if tcp:
        try:
            address = _parse_tcp(tcp)
        except ValueError:
            sys.stderr.write(f"gailint: error: --tcp {tcp}: 应为 HOST:PORT，例如 127.0.0.1:2087\n")
            return 2
    level = os.environ.get("GAILINT_LOG", "WARNING").upper()
    handler = logging.StreamHandler(sys.stderr)
    # One line per event (an editor shows stderr as its log); GAILINT_LOG=DEBUG
    # keeps the tracebacks.
    handler.setFormatter(logging.Formatter("gailint: %(message)s") if level == "DEBUG" else OneLineFormatter())
    logging.basicConfig(level=getattr(logging, level, logging.WARNING), handlers=[handler])

    from gailint.engine.linter import tune_gc
    from gailint.server.handlers import create_server

    tune_gc()
    # A big document lints on a thread of its own; with the default 5 ms switch
    # interval every blocking read or write of the event loop then waits up to 5 ms
    # for the GIL (the convoy effect), so a hover took ~40 hand-offs × 5 ms. 1 ms
    # cuts that latency threefold and costs the lint nothing measurable.
    sys.setswitchinterval(0.001)
    server = create_server()
    if address is not None:
        server.start_tcp(*address)
        return 0
    # stdout carries the protocol: anything a rule pack prints goes to stderr instead.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    return server.exit_code
