"""Fixtures for the language-server tests: a client connected to `gailint server`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

sys.path.insert(0, str(Path(__file__).parent))

from lsp_helpers import SERVER_COMMAND, make_client  # noqa: E402


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER_COMMAND, client_factory=make_client))
async def client(lsp_client: LanguageClient):
    """A started server, not yet initialised: each test chooses its capabilities.

    (pytest-lsp hands the client to this function as ``lsp_client``; tests ask for
    the fixture by its own name, ``client``.)"""
    yield
    try:
        await asyncio.wait_for(lsp_client.shutdown_session(), 10)
    except Exception:
        pass
