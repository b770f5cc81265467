"""The engine knows no rule: packs come through pluggy; a crashing rule is isolated."""

from __future__ import annotations

import types

from gailint import Edit, Fix, Report, Span, Violation, hookimpl, rule
from gailint.config import Settings
from gailint.engine.fixes import apply_edits, choose_fixes, fix_to_point
from gailint.engine.linter import Linter
from gailint.engine.plugins import load_registry

from _support import seed_text


@rule(code="TST101", name="always-crashes", severity="error")
def crashing(report: Report, ctx):
    """## 检查内容\n测试用。"""
    raise ZeroDivisionError("boom")


@rule(code="TST102", name="first-char", severity="warning", fix="always", options={"word": "甲"})
def first_char(report: Report, ctx):
    """## 检查内容\n测试用。"""
    if report.text:
        yield Violation(Span(0, 1), f"以{ctx.options['word']}开头", Fix("删除", (Edit(0, 1, ""),)))


def _pack(*rules_):
    mod = types.SimpleNamespace()

    @hookimpl
    def gailint_register_rules():
        return list(rules_)

    mod.gailint_register_rules = gailint_register_rules
    return mod


def _linter(*rules_):
    registry = load_registry(allow=[], extra=[("test", _pack(*rules_))])
    return Linter(registry)


def test_shipped_packs_come_from_entry_points():
    registry = load_registry()
    assert {"core", "national"} <= set(registry.packs)
    assert registry.get("GAI302").pack == "national"
    assert registry.get("results-total").code == "GAI302"


def test_deny_list_blocks_a_pack():
    registry = load_registry(deny=["national"])
    assert registry.get("GAI302") is None and registry.get("GAI001") is not None


def test_a_crashing_rule_is_reported_and_the_others_still_run():
    linter = _linter(crashing, first_char)
    _, diags = linter.lint("甲乙", "r.txt", Settings(select=("TST", "GAI001")))
    codes = [d.code for d in diags]
    assert codes.count("GAI001") == 1 and "TST102" in codes
    (internal,) = [d for d in diags if d.code == "GAI001"]
    assert "TST101" in internal.message and "ZeroDivisionError" in internal.message


def test_rule_options_come_from_config():
    linter = _linter(first_char)
    _, diags = linter.lint("甲", None, Settings(select=("TST",), rule_options={"TST102": {"word": "乙"}}))
    assert diags[0].message == "以乙开头"


@rule(code="TST103", name="changes-options", severity="warning", options={"word": "甲"})
def changes_options(report, ctx):
    """Tries to change its options."""
    ctx.options["word"] = "丙"  # type: ignore[index]
    return []


def test_options_are_read_only_and_each_file_sees_the_configured_ones():
    # A rule's options are shared by every file of a run: a rule cannot change them
    # for the next file (the attempt is its crash, reported as GAI001).
    linter = _linter(changes_options, first_char)
    settings = Settings(select=("TST", "GAI001"), rule_options={"TST102": {"word": "乙"}})
    for _ in range(2):
        _, diags = linter.lint("乙", "r.txt", settings)
        assert sorted(d.code for d in diags) == ["GAI001", "TST102"]
        assert "TST103" in next(d.message for d in diags if d.code == "GAI001")
        assert next(d.message for d in diags if d.code == "TST102") == "以乙开头"
    assert dict(linter.registry.get("TST103").options) == {"word": "甲"}


def test_misspelt_hook_is_reported_at_load():
    mod = types.SimpleNamespace()

    @hookimpl
    def gailint_register_rulez():
        return []

    mod.gailint_register_rulez = gailint_register_rulez
    registry = load_registry(allow=[], extra=[("typo", mod)])
    assert any("未声明的钩子" in e for e in registry.errors)


def test_duplicate_codes_keep_the_first_pack():
    registry = load_registry(allow=[], extra=[("a", _pack(first_char)), ("b", _pack(first_char))])
    assert registry.get("TST102").pack in {"a", "b"}
    assert any("重复" in e for e in registry.errors)


def test_vocabulary_hook_merges_lists():
    mod = types.SimpleNamespace()

    @hookimpl
    def gailint_register_vocabulary():
        return {"typos": {"帐号": "账号"}}

    mod.gailint_register_vocabulary = gailint_register_vocabulary
    registry = load_registry(extra=[("words", mod)])
    assert registry.vocabulary["typos"]["帐号"] == "账号"


def test_overlapping_fixes_are_applied_one_per_pass():
    from gailint.engine.diagnostics import Diagnostic, Severity

    a = Diagnostic("X1", "a", Severity.ERROR, "", Span(0, 2), Fix("a", (Edit(0, 2, "AA"),)))
    b = Diagnostic("X2", "b", Severity.ERROR, "", Span(1, 3), Fix("b", (Edit(1, 3, "BB"),)))
    chosen, skipped = choose_fixes([b, a])
    assert chosen == [a] and skipped == [b]
    assert apply_edits("0123", [Edit(0, 2, "AA")]) == "AA23"


def test_fix_to_point_stops_when_nothing_changes():
    linter = _linter(first_char)
    settings = Settings(select=("TST",))
    result = fix_to_point("甲乙丙", lambda t: linter.lint(t, None, settings)[1])
    assert result.text == "" and result.passes <= 10


SUPPRESSED = """# 某局2023年政府信息公开工作年度报告
<!-- gailint-disable-next-line GAI701 -->
当前位置：首页
<!-- gailint-disable GAI701 -->
分享到：
<!-- gailint-enable -->
打印本页
<!-- gailint-disable-file GAI302 -->
<!-- gailint-disable GAI999 -->
"""


def test_markdown_suppressions():
    linter = Linter.create()
    _, diags = linter.lint(SUPPRESSED, "r.md", Settings(select=("GAI0", "GAI7", "GAI3")))
    found = [(d.code, SUPPRESSED[d.span.start : d.span.end]) for d in diags]
    assert ("GAI701", "打印本页") in found
    assert not any(code == "GAI701" and text in ("当前位置：首页", "分享到：") for code, text in found)
    assert ("GAI002", "<!-- gailint-disable GAI999 -->") in found
    assert ("GAI002", "<!-- gailint-disable-file GAI302 -->") in found


def test_unused_suppression_fix_deletes_the_comment_line():
    linter = Linter.create()
    text = "正文。\n<!-- gailint-disable-next-line GAI701 -->\n正文。\n"
    _, diags = linter.lint(text, "r.md", Settings(select=("GAI002", "GAI701")))
    (d,) = diags
    assert apply_edits(text, d.fix.edits) == "正文。\n正文。\n"


def test_seed_lint_is_deterministic(linter):
    text = seed_text("001")
    a = linter.lint(text, "r.txt")[1]
    b = linter.lint(text, "r.txt")[1]
    assert a == b


def _reference_choice(diagnostics):
    """choose_fixes as first written: every new edit against every chosen one."""
    from gailint.engine.fixes import _overlaps

    chosen, taken, skipped, seen = [], [], [], set()
    for d in sorted(diagnostics, key=lambda d: (d.span.start, d.code, d.span.end)):
        key = tuple((e.start, e.end, e.new) for e in d.fix.edits)
        if key in seen:
            chosen.append(d)
            continue
        edits = d.fix.edits
        if any(_overlaps(e, t) for e in edits for t in taken) or any(
            _overlaps(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        ):
            skipped.append(d)
            continue
        seen.add(key)
        chosen.append(d)
        taken.extend(edits)
    return chosen, skipped


def test_choosing_fixes_by_neighbours_matches_checking_every_pair():
    # choose_fixes looks only at neighbouring edits (linear, for 10⁵ fixes on one
    # line); on random edits it must choose exactly what the all-pairs check chose.
    import random

    from gailint.engine.diagnostics import Diagnostic, Severity

    rng = random.Random(9)
    for _ in range(400):
        diags = []
        for i in range(rng.randint(1, 12)):
            edits = []
            for _ in range(rng.randint(1, 3)):
                a = rng.randint(0, 20)
                edits.append(Edit(a, a + rng.choice([0, 0, 1, 2, 5]), rng.choice(["", "x"])))
            start = min(e.start for e in edits)
            diags.append(Diagnostic(f"X{i % 3}", "x", Severity.ERROR, "", Span(start, start + 1), Fix("f", tuple(edits))))
        assert choose_fixes(diags) == _reference_choice(diags)
