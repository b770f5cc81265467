"""Soak: thousands of random incremental edits sent as fast as the client can; the
server's text must equal the client's, and the last diagnostics must be those of
the last version. Also: a 1 MB report keeps the server responsive."""

from __future__ import annotations

import asyncio
import random
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import (
    SEEDS,
    capabilities,
    document_text,
    expected_diagnostics,
    got_diagnostics,
    open_doc,
    position,
    start,
    uri_of,
    wait_published,
)

PIECES = ["政府", "信息公开", "𠮷", "😀", "\n", "\r\n", "年度报告", "（七）总计", "\t0", "2023年", "。", "a"]


def _inside_crlf(text: str, offset: int) -> bool:
    """An offset between \\r and \\n has no LSP position: a client never produces one."""
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def _random_change(rng: random.Random, text: str) -> tuple[int, int, str]:
    while True:
        a = rng.randrange(len(text) + 1)
        if rng.random() < 0.55:
            b, new = a, "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
        else:
            b, new = min(len(text), a + rng.randint(1, 12)), ("" if rng.random() < 0.7 else rng.choice(PIECES))
        if not _inside_crlf(text, a) and not _inside_crlf(text, b):
            return a, b, new


def _range(text: str, a: int, b: int, encoding: str) -> types.Range:
    return types.Range(types.Position(*position(text, a, encoding)), types.Position(*position(text, b, encoding)))


@pytest.mark.parametrize(("encoding", "edits"), [("utf-16", 3000), ("utf-8", 1000), ("utf-32", 1000)])
async def test_random_incremental_edits_keep_server_and_client_in_step(
    client: LanguageClient, tmp_path, encoding, edits
):
    caps = capabilities("visual-studio-code", encodings=None if encoding == "utf-16" else [encoding])
    await start(client, caps, root=tmp_path, options={"gailint": {"debounce": 0.05}})
    rng = random.Random(f"soak-{encoding}")
    text = SEEDS[3].read_text(encoding="utf-8").replace("\n", "\r\n", 40)  # some CRLF, some LF
    uri = uri_of(tmp_path / "report.txt")
    open_doc(client, uri, text)
    version = 1
    sent = 0
    while sent < edits:
        # Mostly one change per notification, sometimes several (applied in order).
        changes = []
        for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 4)):
            a, b, new = _random_change(rng, text)
            changes.append(types.TextDocumentContentChangePartial(range=_range(text, a, b, encoding), text=new))
            text = text[:a] + new + text[b:]
            sent += 1
        version += 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes
            )
        )
        if version % 200 == 0:
            await asyncio.sleep(0)  # let the transport drain
    server_version, server_text = await document_text(client, uri)
    assert server_version == version
    assert server_text == text
    last = await wait_published(client, uri, version, timeout=30)
    await asyncio.sleep(0.3)
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions[-1] == version  # nothing older arrived after the newest
    assert versions == sorted(versions)  # and nothing went backwards
    assert len(versions) < version  # the debounce collapsed the bursts
    assert got_diagnostics(last.diagnostics) == expected_diagnostics(text, str(tmp_path / "report.txt"), encoding)


async def test_one_megabyte_report_stays_responsive(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"debounce": 0}})
    seed = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    text = (seed + "\n") * (1_000_000 // len((seed + "\n").encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) >= 1_000_000
    uri = uri_of(tmp_path / "big.txt")
    open_doc(client, uri, text)
    await wait_published(client, uri, 1, timeout=60)
    # Type 20 characters at the top, with no pause: lints queue up behind each other.
    for v in range(2, 22):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=v),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="字"
                    )
                ],
            )
        )
    # Completion does not wait for linting: it answers while the worker is busy, so
    # before the lint of the last version is published (or within a second: on a
    # loaded machine that lint may simply be quick).
    t0 = time.perf_counter()
    await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(1, 0))
    )
    elapsed = time.perf_counter() - t0
    last_published = [p for p in client.published if p.uri == uri and p.version == 21]  # type: ignore[attr-defined]
    assert elapsed < 1.0 or not last_published, f"completion took {elapsed:.2f} s, after the lint"
    last = await wait_published(client, uri, 21, timeout=60)
    assert last.version == 21
    version, current = await document_text(client, uri)
    assert version == 21 and current == "字" * 20 + text


def _rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's RSS from /proc")
async def test_memory_stays_flat_over_twenty_thousand_edits(client: LanguageClient, tmp_path):
    # pygls keeps a Future for every notification a generator-style handler took;
    # an editor session of weeks sends millions. After a warm-up, 20,000 more edits
    # (and the opens and closes of a second document) must not grow the server.
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"debounce": 0.5}})
    pid = client._server.pid  # type: ignore[attr-defined]
    uri = uri_of(tmp_path / "report.txt")
    other = uri_of(tmp_path / "other.txt")
    open_doc(client, uri, SEEDS[3].read_text(encoding="utf-8"))
    version = 1

    async def edits(count: int) -> None:
        nonlocal version
        for i in range(count):
            version += 1
            # Type a character at the top, then take it back: the text stays the same.
            rng = types.Range(types.Position(0, 0), types.Position(0, 0 if i % 2 == 0 else 1))
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangePartial(range=rng, text="字" if i % 2 == 0 else "")],
                )
            )
            if i % 100 == 0:
                open_doc(client, other, "当前位置：首页\n")
                client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(other)))
                await asyncio.sleep(0)  # let the transport drain
        assert (await document_text(client, uri))[0] == version  # every edit was handled

    await edits(4_000)
    await asyncio.sleep(1)
    before = _rss_kb(pid)
    await edits(20_000)
    await asyncio.sleep(1)
    grown = _rss_kb(pid) - before
    assert grown < 6_000, f"the server grew by {grown} kB over 20,000 edits"


async def test_a_slow_lint_of_one_document_does_not_hold_up_another(client: LanguageClient, tmp_path):
    # A 900 K-character document (under the size limit, so every rule runs) takes
    # seconds to lint; meanwhile a hover and a completion in a small report must
    # answer within a bound, not after the big lint.
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"debounce": 0}})
    seed = SEEDS[3].read_text(encoding="utf-8")
    big = uri_of(tmp_path / "big.txt")
    open_doc(client, big, seed + "\r\n" * 450_000)
    small = uri_of(tmp_path / "small.txt")
    open_doc(client, small, seed)
    lines = seed.splitlines()
    line_no = next(i for i, ln in enumerate(lines) if "(七) 总计" in ln)
    where = types.Position(line_no, lines[line_no].index("\t0") + 1)
    t0 = time.perf_counter()
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(small), where))
    await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(small), types.Position(line_no, 0))
    )
    waited = time.perf_counter() - t0
    assert hover is not None and "（七）总计" in hover.contents.value
    assert not any(p.uri == big for p in client.published), "the small report was answered only after the big one"
    assert waited < 1.0, f"the small report waited {waited:.2f} s"
    await wait_published(client, big, 1, timeout=120)


async def test_a_report_over_the_size_limit_gets_one_note_and_the_lighter_rules(client: LanguageClient, tmp_path):
    await start(client, "visual-studio-code", root=tmp_path, options={"gailint": {"debounce": 0}})
    seed = SEEDS[3].read_text(encoding="utf-8")
    text = (seed + "\n") * (1_100_000 // (len(seed) + 1) + 1)  # the same report, pasted 130 times
    uri = uri_of(tmp_path / "huge.txt")
    open_doc(client, uri, text)
    published = await wait_published(client, uri, 1, timeout=120)
    codes = [d.code for d in published.diagnostics]
    notes = [d for d in published.diagnostics if d.code == "GAI004"]
    assert len(notes) == 1 and notes[0].severity == types.DiagnosticSeverity.Information
    assert "gailint check" in notes[0].message
    assert "GAI603" not in codes  # the costly whole-document comparison is skipped…
    assert "GAI302" in codes  # …the rest still runs
