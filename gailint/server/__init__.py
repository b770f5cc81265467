"""``gailint server``: the language server (pygls is imported only in this package).

The server runs the same :class:`gailint.engine.linter.Linter` and the same config
resolver as ``gailint check`` on the editor's in-memory buffer, so the editor, the
CLI and the pre-commit hook always agree.
"""

from __future__ import annotations

import logging
import os
import sys

__all__ = ["main"]


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
    logging.basicConfig(stream=sys.stderr, level=getattr(logging, level, logging.WARNING), format="gailint: %(message)s")

    from gailint.engine.linter import tune_gc
    from gailint.server.handlers import create_server

    tune_gc()
    server = create_server()
    if address is not None:
        server.start_tcp(*address)
        return 0
    # stdout carries the protocol: anything a rule pack prints goes to stderr instead.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    return 0
