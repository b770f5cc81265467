"""Code actions, fix-all, hover, outline and completion, end to end over stdio."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_helpers import SEEDS, apply_text_edits, disable_actions, edits_for, open_doc, start, uri_of, wait_published

SEED_003 = next(p for p in SEEDS if p.name.startswith("003"))


def _range(line: int, a: int, b: int | None = None) -> types.Range:
    return types.Range(types.Position(line, a), types.Position(line, a if b is None else b))


async def _open_seed(client: LanguageClient, tmp_path, caps="visual-studio-code", name="report.txt", text=None):
    """Open a report; its diagnostics are pushed (VS Code) or pulled (Neovim)."""
    result = await start(client, caps, root=tmp_path)
    text = text if text is not None else SEED_003.read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    uri = uri_of(path)
    open_doc(client, uri, text, language="markdown" if name.endswith(".md") else "plaintext")
    if result.capabilities.diagnostic_provider is not None:
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))
        )
        published = types.PublishDiagnosticsParams(uri=uri, diagnostics=list(report.items), version=1)
    else:
        published = await wait_published(client, uri, 1)
    client.encoding = result.capabilities.position_encoding or "utf-16"  # type: ignore[attr-defined]
    return uri, text, published


async def _disable_action(client: LanguageClient, uri: str, published, code: str) -> types.CodeAction:
    """The "disable CODE for this file" action, resolved when the client resolves lazily."""
    (action,) = await disable_actions(client, uri, published, code)
    return action if action.edit is not None else await client.code_action_resolve_async(action)


@pytest.mark.parametrize("caps", ["visual-studio-code", "neovim"])
async def test_quick_fix_for_a_label_replaces_exactly_the_label(client: LanguageClient, tmp_path, caps):
    uri, text, published = await _open_seed(client, tmp_path, caps)
    (diag,) = [d for d in published.diagnostics if d.code == "GAI201"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag], only=[types.CodeActionKind.QuickFix]),
        )
    )
    fix = next(a for a in actions if a.title == "改为“本年废止件数”")
    assert fix.is_preferred
    if fix.edit is None:
        fix = await client.code_action_resolve_async(fix)
    new = apply_text_edits(text, edits_for(fix.edit, uri), client.encoding)
    assert new == text.replace("本年度止件数", "本年废止件数")


async def test_fix_all_applies_every_safe_fix_and_no_unsafe_one(client: LanguageClient, tmp_path):
    uri, text, published = await _open_seed(client, tmp_path)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=_range(0, 0),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.gailint"]),
        )
    )
    (fix_all,) = actions
    if fix_all.edit is None:
        fix_all = await client.code_action_resolve_async(fix_all)
    new = apply_text_edits(text, edits_for(fix_all.edit, uri), "utf-16")
    assert "本年度止件数" not in new and "本年废止件数" in new
    assert "平乏" not in new and "贫乏" in new
    # Setting a total from its parts changes a number: never on fix-all / save.
    assert "(七) 总计\t\t0\t0\t0\t0\t0\t0\t0" in new
    from gailint.engine.linter import Linter

    left = {d.code for d in Linter.create().lint(new, str(tmp_path / "report.txt"))[1] if d.fix is not None and d.fix.safe}
    assert not left


async def test_unsafe_fix_is_offered_marked_and_not_preferred(client: LanguageClient, tmp_path):
    uri, text, published = await _open_seed(client, tmp_path)
    diag = next(d for d in published.diagnostics if d.code == "GAI302")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag], only=[types.CodeActionKind.QuickFix]),
        )
    )
    (fix,) = [a for a in actions if a.title.startswith("把（七）总计")]
    assert fix.title.endswith("（不安全：会改变数字或陈述事实，请核实）")
    assert not fix.is_preferred
    new = apply_text_edits(text, edits_for(fix.edit, uri), client.encoding)
    assert new != text and len(new) == len(text)  # one digit replaced


async def test_disable_for_this_file_in_markdown_inserts_a_comment(client: LanguageClient, tmp_path):
    uri, text, published = await _open_seed(client, tmp_path, name="report.md")
    disable = await _disable_action(client, uri, published, "GAI601")
    new = apply_text_edits(text, edits_for(disable.edit, uri), "utf-16")
    assert new.startswith("<!-- gailint-disable-file GAI601 -->\n")
    from gailint.engine.linter import Linter

    assert "GAI601" not in {d.code for d in Linter.create().lint(new, str(tmp_path / "report.md"))[1]}


async def test_disable_for_this_file_in_text_adds_a_per_file_ignore(client: LanguageClient, tmp_path):
    (tmp_path / "gailint.toml").write_text('select = ["GAI"]\n', encoding="utf-8")
    uri, text, published = await _open_seed(client, tmp_path)
    disable = await _disable_action(client, uri, published, "GAI601")
    config_uri = uri_of(tmp_path / "gailint.toml")
    config = (tmp_path / "gailint.toml").read_text(encoding="utf-8")
    new_config = apply_text_edits(config, edits_for(disable.edit, config_uri), "utf-16")
    assert "per-file-ignores" in new_config and "GAI601" in new_config
    (tmp_path / "gailint.toml").write_text(new_config, encoding="utf-8")
    from gailint.engine.linter import Linter

    diags = Linter.create().lint(text, str(tmp_path / "report.txt"))[1]
    assert "GAI601" not in {d.code for d in diags}


async def test_hover_on_a_table_cell_names_it(client: LanguageClient, tmp_path):
    uri, text, _ = await _open_seed(client, tmp_path)
    line_no = next(i for i, ln in enumerate(text.splitlines()) if "1. 属于国家秘密" in ln)
    line = text.splitlines()[line_no]
    col = line.index("\t0", line.index("国家秘密")) + 1
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line_no, col))
    )
    assert hover is not None
    value = hover.contents.value if hasattr(hover.contents, "value") else str(hover.contents)
    assert "表三 · 三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 · 自然人 = 0" in value


async def test_hover_on_a_total_shows_the_sum_it_should_equal(client: LanguageClient, tmp_path):
    uri, text, _ = await _open_seed(client, tmp_path)
    lines = text.splitlines()
    line_no = next(i for i, ln in enumerate(lines) if "(七) 总计" in ln)
    col = lines[line_no].index("\t0") + 1
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line_no, col))
    )
    value = hover.contents.value
    assert "（七）总计" in value and "自然人 = 0" in value
    assert "应等于" in value and "2" in value
    # The diagnostic on the same cell brings its rule's documentation.
    assert "GAI302" in value


async def test_document_symbols_outline_sections_and_tables(client: LanguageClient, tmp_path):
    uri, _, _ = await _open_seed(client, tmp_path)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    names = [s.name for s in symbols]
    assert names[:2] == ["一、总体情况", "二、主动公开政府信息情况"]
    flat = names + [c.name for s in symbols for c in (s.children or [])]
    assert any("表二" in n for n in flat) and any("表三" in n for n in flat) and any("表四" in n for n in flat)


async def test_completion_offers_section_headings_and_the_empty_tables(client: LanguageClient, tmp_path):
    uri, _, _ = await _open_seed(client, tmp_path, text="某局2023年政府信息公开工作年度报告\n\n")
    items = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(1, 0))
    )
    items = items.items if hasattr(items, "items") else items
    labels = [i.label for i in items]
    assert "一、总体情况" in labels and "六、其他需要报告的事项" in labels
    assert any("表格" in lb for lb in labels)


async def test_insert_tables_action_inserts_complete_tables(client: LanguageClient, tmp_path):
    uri, text, _ = await _open_seed(client, tmp_path, text="某局2023年政府信息公开工作年度报告\n\n")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=_range(1, 0),
            context=types.CodeActionContext(diagnostics=[], only=["source.gailint.insertTables"]),
        )
    )
    (insert,) = actions
    new = apply_text_edits(text, edits_for(insert.edit, uri), "utf-16")
    from gailint.parse import parse

    report = parse(new)
    assert all(r is not None and r.complete for r in report.table3.rows)
    assert all(r is not None and r.complete for r in report.table2.rows)
    assert len(report.table4.rows[0].cells) == 15
