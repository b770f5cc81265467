"""The language server on reports the reader turns into lines first: a web page
scraped onto one line, and an HTML page. Ranges, hover and fixes land on the file."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import (
    FIXTURES,
    apply_text_edits,
    edits_for,
    expected_diagnostics,
    got_diagnostics,
    open_doc,
    start,
    uri_of,
    wait_published,
)

CORPUS_108 = FIXTURES / "corpus" / "108.txt"
PAGE = FIXTURES / "layouts" / "html" / "fragment-2023-defect.html"


async def test_one_line_report_ranges_match_the_cli(client: LanguageClient):
    await start(client, "visual-studio-code", root=CORPUS_108.parent)
    text = CORPUS_108.read_text(encoding="utf-8")
    uri = uri_of(CORPUS_108)
    open_doc(client, uri, text)
    published = await wait_published(client, uri, 1)
    assert sorted(got_diagnostics(published.diagnostics)) == sorted(expected_diagnostics(text, str(CORPUS_108), "utf-16"))
    # 新收 3, （七）总计 0: the identity break sits on the one line of the body.
    (d,) = [d for d in published.diagnostics if d.code == "GAI302" and "自然人" in d.message]
    line = text.split("\n")[d.range.start.line]
    assert line[d.range.start.character : d.range.end.character] == "0"


async def test_hover_on_a_split_cell_of_a_one_line_report(client: LanguageClient):
    await start(client, "visual-studio-code", root=CORPUS_108.parent)
    text = CORPUS_108.read_text(encoding="utf-8")
    uri = uri_of(CORPUS_108)
    open_doc(client, uri, text)
    await wait_published(client, uri, 1)
    offset = text.index("一、本年新收政府信息公开申请数量") + len("一、本年新收政府信息公开申请数量")
    line = text[:offset].count("\n")
    character = offset - (text.rindex("\n", 0, offset) + 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character))
    )
    assert hover is not None
    assert "表三 · 一、本年新收政府信息公开申请数量 · 自然人 = 3" in hover.contents.value
    assert "按单元格拆分读出" in hover.contents.value
    assert (hover.range.start.character, hover.range.end.character) == (character, character + 1)


async def test_html_page_quick_fix_edits_the_html(client: LanguageClient):
    await start(client, "visual-studio-code", root=PAGE.parent)
    text = PAGE.read_text(encoding="utf-8")
    uri = uri_of(PAGE)
    open_doc(client, uri, text, language="html")
    published = await wait_published(client, uri, 1)
    (d,) = [d for d in published.diagnostics if d.code == "GAI302"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), d.range, types.CodeActionContext([d]))
    )
    fix = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.diagnostics)
    fixed = apply_text_edits(text, edits_for(fix.edit, uri), "utf-16")
    assert fixed.count("<td") == text.count("<td") and ">16<" in fixed
