"""The server's pieces without a transport: config edits, tables, hover texts,
edits around CRLF, the incremental line index, settings, a crashing rule."""

from __future__ import annotations

import random

import pytest

from gailint.config import load_config
from gailint.engine.diagnostics import Edit
from gailint.engine.fixes import apply_edits
from gailint.engine.linter import Linter
from gailint.engine.plugins import load_registry
from gailint.model import LineIndex
from gailint.parse import parse
from gailint.positions import PositionEncoding, Positions
from gailint.server.actions import minimal_edit
from gailint.server.diagnostics import fix_from_data, safe_edit, text_edit
from gailint.server.documents import Document, updated_index
from gailint.server.hover import describe_cell
from gailint.server.settings import parse_client_settings
from gailint.server.suppress import markdown_disable_edit, per_file_ignore_edit
from gailint.server.tables import all_tables_text, table_text
from gailint.template import SECTIONS
from lsp_helpers import SEEDS

SEED_003 = next(p for p in SEEDS if p.name.startswith("003"))


# ------------------------------------------------------------------ suppression


def test_markdown_disable_comment_is_inserted_then_extended():
    text = "# 标题\r\n正文\r\n"
    e = markdown_disable_edit(text, "GAI601", "\r\n")
    first = apply_edits(text, [e])
    assert first == "<!-- gailint-disable-file GAI601 -->\r\n# 标题\r\n正文\r\n"
    second = apply_edits(first, [markdown_disable_edit(first, "GAI201", "\r\n")])
    assert second.splitlines()[0] == "<!-- gailint-disable-file GAI601, GAI201 -->"
    assert markdown_disable_edit(second, "GAI201", "\r\n") is None  # already there


def _ignores(config, report):
    settings = load_config(config)
    return [codes for pattern, codes in settings.per_file_ignores if pattern == report]


def test_per_file_ignore_appends_a_table(tmp_path):
    config = tmp_path / "gailint.toml"
    config.write_text('select = ["GAI"]', encoding="utf-8")  # no final line break
    report = tmp_path / "报告 [2023].txt"
    plan = per_file_ignore_edit(str(report), "GAI601", config, tmp_path)
    assert plan is not None and not plan.create
    config.write_text(apply_edits(plan.text, [plan.edit]), encoding="utf-8")
    # fnmatch specials in the name are escaped, so the pattern matches only this file.
    assert _ignores(config, "报告 [[]2023].txt") == [("GAI601",)]
    assert load_config(config).ignored_for_path(str(report), "GAI601")
    assert not load_config(config).ignored_for_path(str(tmp_path / "报告 2.txt"), "GAI601")


def test_per_file_ignore_extends_an_existing_entry_and_table(tmp_path):
    config = tmp_path / ".gailint.toml"
    config.write_text('[per-file-ignores]\n"a/r.txt" = ["GAI201"]\n"other.txt" = ["GAI7"]\n', encoding="utf-8")
    (tmp_path / "a").mkdir()
    plan = per_file_ignore_edit(str(tmp_path / "a" / "r.txt"), "GAI601", config, tmp_path)
    config.write_text(apply_edits(plan.text, [plan.edit]), encoding="utf-8")
    assert _ignores(config, "a/r.txt") == [("GAI201", "GAI601")]
    plan = per_file_ignore_edit(str(tmp_path / "b.txt"), "GAI302", config, tmp_path)
    config.write_text(apply_edits(plan.text, [plan.edit]), encoding="utf-8")
    assert _ignores(config, "b.txt") == [("GAI302",)]
    assert _ignores(config, "other.txt") == [("GAI7",)]
    assert per_file_ignore_edit(str(tmp_path / "b.txt"), "GAI302", config, tmp_path) is None  # already ignored


def test_per_file_ignore_in_pyproject(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[project]\nname = "x"\n\n[tool.gailint]\nyear = 2023\n', encoding="utf-8")
    plan = per_file_ignore_edit(str(tmp_path / "r.txt"), "GAI201", config, tmp_path)
    config.write_text(apply_edits(plan.text, [plan.edit]), encoding="utf-8")
    settings = load_config(config)
    assert settings.year == 2023 and settings.ignored_for_path(str(tmp_path / "r.txt"), "GAI201")


def test_per_file_ignore_creates_gailint_toml_only_inside_the_root(tmp_path):
    plan = per_file_ignore_edit(str(tmp_path / "r.txt"), "GAI201", None, tmp_path)
    assert plan.create and plan.path == tmp_path / "gailint.toml"
    (tmp_path / "gailint.toml").write_text(plan.edit.new, encoding="utf-8")
    assert load_config(tmp_path / "gailint.toml").ignored_for_path(str(tmp_path / "r.txt"), "GAI201")
    assert per_file_ignore_edit("/elsewhere/r.txt", "GAI201", None, tmp_path) is None
    assert per_file_ignore_edit(str(tmp_path / "r.txt"), "GAI201", None, None) is None


def test_an_inline_per_file_ignores_table_is_left_alone(tmp_path):
    config = tmp_path / "gailint.toml"
    config.write_text('per-file-ignores = { "x.txt" = ["GAI7"] }\n', encoding="utf-8")
    assert per_file_ignore_edit(str(tmp_path / "r.txt"), "GAI201", config, tmp_path) is None


# ------------------------------------------------------------------ tables and hover


def test_inserted_tables_parse_back_complete_and_clean():
    parts = [
        "某县人民政府2023年政府信息公开工作年度报告",
        SECTIONS[1],
        table_text("table2"),
        SECTIONS[2],
        table_text("table3"),
        SECTIONS[3],
        table_text("table4"),
    ]
    report = parse("\n".join(parts))
    assert all(r is not None and r.complete and r.label.exact for r in report.table2.rows)
    assert all(r is not None and r.complete and r.label.exact for r in report.table3.rows)
    assert len(report.table4.rows[0].cells) == 15
    assert all(c.value == 0 for t in (report.table2, report.table3, report.table4) for r in t.rows for c in r.cells)
    assert all_tables_text("\r\n").count("\r\n") == all_tables_text().count("\n")


def test_hover_texts_for_every_table():
    text = SEED_003.read_text(encoding="utf-8")
    report = parse(text)
    t3 = report.table3
    secret = t3.rows[4].cells[0]
    assert describe_cell(report, secret.span.start)[0] == "表三 · 三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 · 自然人 = 0"
    total = t3.rows[23].cells[6]
    hover = describe_cell(report, total.span.start)[0]
    assert "表三 · 三、本年度办理结果 · （七）总计 · 总计 = 0" in hover
    assert "应等于 本年度办理结果各项之和 = 2（实为 0）" in hover
    assert "应等于 六类申请人之和 = 0" in hover
    new_total = t3.rows[0].cells[6]
    assert "应等于 六类申请人之和 = 2" in describe_cell(report, new_total.span.start)[0]
    t4 = report.table4.rows[0].cells
    assert describe_cell(report, t4[0].span.start)[0] == "表四 · 行政复议 · 结果维持 = 0"
    hover4 = describe_cell(report, t4[9].span.start)[0]
    assert hover4.startswith("表四 · 行政诉讼/未经复议直接起诉 · 总计 = 0")
    assert "应等于 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 0" in hover4
    t2 = report.table2.rows[0].cells[1]
    assert describe_cell(report, t2.span.start)[0] == "表二 · 第二十条第（一）项 · 规章 · 本年废止件数 = 0"
    assert describe_cell(report, 0) is None  # the title is no cell


# ------------------------------------------------------------------ edits and positions


def test_an_edit_ending_inside_a_crlf_is_widened_not_misplaced():
    text = "甲\r\n乙"
    e = safe_edit(text, Edit(1, 2, "X"))  # delete the \r only
    assert (e.start, e.end, e.new) == (1, 3, "X\n")
    assert apply_edits(text, [e]) == apply_edits(text, [Edit(1, 2, "X")])
    te = text_edit(Positions(text), Edit(2, 2, "Y"), PositionEncoding.UTF16)  # insert between \r and \n
    assert (te.range.start.line, te.range.start.character, te.range.end.line, te.range.end.character) == (0, 1, 1, 0)
    assert te.new_text == "\rY\n"


def test_minimal_edit_covers_only_the_change():
    old = "一二三𠮷四五" * 1000
    new = old[:3000] + "六" + old[3002:]
    e = minimal_edit(old, new)
    assert (e.start, e.end) == (3000, 3002) and apply_edits(old, [e]) == new
    assert minimal_edit(old, old) is None
    assert apply_edits("aaa", [minimal_edit("aaa", "aaaa")]) == "aaaa"


def test_malformed_fix_data_is_ignored():
    assert fix_from_data({"fix": {"title": "t", "edits": [[5, 1, "x"]]}}) is None
    assert fix_from_data({"fix": {"title": "t", "edits": [[1, 2]]}}) is None
    assert fix_from_data("nonsense") is None
    assert fix_from_data({"fix": {"title": "t", "edits": [[1, 2, "x"]]}}).edits == (Edit(1, 2, "x"),)


def test_incremental_line_index_matches_a_full_scan():
    rng = random.Random(4)
    pieces = ["a", "\r", "\n", "\r\n", "中", "𠮷", "xx\n\r"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 15)))
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        new = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        after = text[:a] + new + text[b:]
        assert updated_index(LineIndex.of(text), after, a, b, len(new)) == LineIndex.of(after)


def test_document_applies_changes_in_order():
    class R:
        def __init__(self, l1, c1, l2, c2):
            P = type("P", (), {})
            self.start, self.end = P(), P()
            self.start.line, self.start.character, self.end.line, self.end.character = l1, c1, l2, c2

    class C:
        def __init__(self, rng, text):
            self.range, self.text = rng, text

    doc = Document.open("file:///r.txt", "𠮷a\r\nb", 1)
    doc.apply([C(R(0, 2, 0, 3), "X"), C(R(1, 0, 1, 1), "Y"), C(R(9, 9, 9, 9), "!")], 2, PositionEncoding.UTF16)
    assert (doc.version, doc.text) == (2, "𠮷X\r\nY!")
    assert doc.positions.to_position(len(doc.text), "utf-16") == (1, 2)


# ------------------------------------------------------------------ settings and rules


def test_client_settings_merge_layers_and_check_debounce():
    s = parse_client_settings({"gailint": {"ignore": ["GAI7"], "debounce": 0}}, {"select": ["GAI3"], "year": None})
    assert s.table == {"ignore": ["GAI7"], "select": ["GAI3"]} and s.debounce == 0 and not s.errors
    bad = parse_client_settings({"debounce": -1})
    assert bad.errors and bad.debounce == 0.2


def test_client_settings_run_mode_and_position_encoding_are_the_servers_own():
    s = parse_client_settings({"gailint": {"run": "onSave", "position-encoding": "UTF-8", "select": ["GAI3"]}})
    assert s.on_save and s.position_encoding is PositionEncoding.UTF8 and s.table == {"select": ["GAI3"]}
    default = parse_client_settings({})
    assert not default.on_save and default.position_encoding is None
    bad = parse_client_settings({"run": "always", "position-encoding": "bytes"})
    assert len(bad.errors) == 2 and not bad.on_save and bad.position_encoding is None


def test_a_crashing_rule_becomes_gai001_not_a_server_crash():
    from gailint import Violation, hookimpl, rule
    from gailint.server.server import GailintServer

    @rule(code="GAX999", name="always-crashes", severity="error")
    def crashes(report, ctx):
        """Crashes."""
        raise RuntimeError("boom")
        yield Violation(None, "")  # pragma: no cover

    class Pack:
        @staticmethod
        @hookimpl
        def gailint_register_rules():
            return [crashes]

    registry = load_registry(allow=[], extra=[("crashing", Pack)])
    linter = Linter(registry)
    server = GailintServer()
    doc = Document.open("file:///r.txt", SEED_003.read_text(encoding="utf-8"), 1)
    server.documents[doc.uri] = doc
    result = server._compute(linter, doc, doc.text, 1, linter.base.merged(select=("ALL",)), 0, PositionEncoding.UTF16)
    assert [d.code for d in result.diagnostics] == ["GAI001"]
    assert "GAX999" in result.lsp[0].message and "boom" in result.lsp[0].message
    server.executor.shutdown()


@pytest.mark.parametrize("value", ["127.0.0.1:2087", "[::1]:9000", ":2087"])
def test_tcp_address(value):
    from gailint.server import _parse_tcp

    host, port = _parse_tcp(value)
    assert port in (2087, 9000) and host


@pytest.mark.parametrize("text, newline", [("甲\r乙\r", "\r"), ("甲\r\n乙\r\n", "\r\n"), ("甲\n乙\n", "\n"), ("甲\r乙\r\n丙\r", "\r")])
def test_inserted_lines_in_the_editor_use_the_buffers_own_line_ending(text, newline):
    # The tables snippet, the disable-file comment and a config entry are inserted
    # with the document's own line ending: a CR-only buffer gets CR, not an LF.
    from pathlib import Path

    from gailint.server.suppress import _plan

    doc = Document.open("file:///r.md", text, 1, "markdown")
    assert doc.newline == newline
    assert markdown_disable_edit(text, "GAI701", doc.newline).new.endswith("-->" + newline)
    assert all_tables_text(doc.newline).count(newline) > 10
    if newline != "\r":  # (TOML itself has no CR-only line ending)
        entry = _plan("year = 2023" + newline, Path("gailint.toml"), "r.txt", "GAI701")
        assert entry.new.replace(newline, "") == entry.new.replace("\r", "").replace("\n", "")
