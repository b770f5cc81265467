"""Position encodings: UTF-16 (default), UTF-8 and UTF-32 clients, on Chinese text with
𠮷 (two UTF-16 units, four UTF-8 bytes), an emoji and CRLF line endings."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import (
    capabilities,
    change_doc,
    document_text,
    expected_diagnostics,
    got_diagnostics,
    open_doc,
    position,
    start,
    uri_of,
    wait_published,
)

# A heading with 𠮷 before a nonstandard label on the same line, residue after an
# emoji, CRLF throughout, and no final line break (the end is on the last line).
TEXT = (
    "𠮷县人民政府2023年政府信息公开工作年度报告\r\n"
    "二、主动公开政府信息情况\r\n"
    "第二十条第（一）项\r\n"
    "信息内容\t本年制发件数\t本年度止件数\t现行有效件数\r\n"
    "规章\t0\t0\t0\r\n"
    "六、其他需要报告的事项\r\n"
    "😀打印本页"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_ranges_in_every_encoding(client: LanguageClient, tmp_path, encoding):
    caps = capabilities("visual-studio-code", encodings=[encoding] if encoding != "utf-16" else None)
    result = await start(client, caps, root=tmp_path)
    assert result.capabilities.position_encoding == encoding
    uri = uri_of(tmp_path / "r.txt")
    open_doc(client, uri, TEXT)
    published = await wait_published(client, uri, 1)
    got = got_diagnostics(published.diagnostics)
    assert got == expected_diagnostics(TEXT, str(tmp_path / "r.txt"), encoding)
    label = next(d for d in published.diagnostics if d.code == "GAI201")
    start_off = TEXT.index("本年度止件数")
    assert (label.range.start.line, label.range.start.character) == position(TEXT, start_off, encoding)
    # The residue line is the last one, with no line break after it: its end is on
    # that line (line 6), not on a line 7 that does not exist.
    residue = next(d for d in published.diagnostics if d.code == "GAI701")
    assert residue.range.end.line == 6
    assert residue.range.end.character == {"utf-8": 4 + 12, "utf-16": 2 + 4, "utf-32": 1 + 4}[encoding]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
async def test_incremental_edits_after_astral_characters(client: LanguageClient, tmp_path, encoding):
    caps = capabilities("visual-studio-code", encodings=[encoding] if encoding != "utf-16" else None)
    await start(client, caps, root=tmp_path)
    uri = uri_of(tmp_path / "r.txt")
    open_doc(client, uri, TEXT)
    await wait_published(client, uri, 1)
    # Insert after 𠮷 on line 0, and replace 本年度止件数 (line 3) by the right label.
    at = position(TEXT, 1, encoding)
    a = position(TEXT, TEXT.index("本年度止件数"), encoding)
    b = position(TEXT, TEXT.index("本年度止件数") + 6, encoding)
    change_doc(
        client,
        uri,
        2,
        [
            (types.Range(types.Position(*at), types.Position(*at)), "乡"),
            (types.Range(types.Position(*a), types.Position(*b)), "本年废止件数"),
        ],
    )
    published = await wait_published(client, uri, 2)
    version, text = await document_text(client, uri)
    expected = "𠮷乡" + TEXT[1:].replace("本年度止件数", "本年废止件数")
    assert (version, text) == (2, expected)
    assert "GAI201" not in {d.code for d in published.diagnostics}
    # A CRLF survives an edit that ends right before it.
    end0 = position(expected, expected.index("\r\n"), encoding)
    change_doc(client, uri, 3, [(types.Range(types.Position(*end0), types.Position(*end0)), "！")])
    await wait_published(client, uri, 3)
    _, text = await document_text(client, uri)
    assert text.split("\r\n")[0].endswith("年度报告！") and text.count("\r\n") == TEXT.count("\r\n")


async def test_server_prefers_the_clients_first_supported_encoding(client: LanguageClient, tmp_path):
    result = await start(client, capabilities("visual-studio-code", encodings=["utf-32", "utf-8"]), root=tmp_path)
    assert result.capabilities.position_encoding == "utf-32"
