"""Property tests: on any text the parser and every rule return, never raise, and
every span and fix edit lies inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gailint.config import Settings
from gailint.engine.linter import Linter
from gailint.parse import parse

from _support import SEEDS

LINTER = Linter.create()
# Every rule: the province packs and a declarative pack's phrase rules too.
TOML_PACK = SEEDS[0].parent.parent.parent / "templates" / "toml-pack" / "pack.toml"
ALL = Settings(select=("ALL",), packs=("henan", "sichuan", str(TOML_PACK)))
SEED_LINES = sorted({ln for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines()})

# Pieces real reports are made of, so random texts reach deep into the parser.
pieces = st.one_of(
    st.sampled_from(SEED_LINES),
    st.text(alphabet="0123456789 \t|\u00a0\u3000年月日一二三四五六七（）()、.。，:：-—/总计其他\n\r𠮷", max_size=30),
    st.text(max_size=20),
    st.sampled_from(["\n", "\r\n", "\r", "\t", "|||", "<!-- gailint-disable GAI701 -->", "<!-- gailint-enable -->"]),
)
texts = st.lists(pieces, max_size=40).map("".join)


def _inside(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parser_never_raises_and_spans_are_inside(text):
    r = parse(text)
    for s in r.sections:
        assert _inside(text, s.span.start, s.span.end) and _inside(text, s.body.start, s.body.end)
    for t in (r.table2, r.table3, r.table4):
        if t is None:
            continue
        for row in t.found_rows:
            assert _inside(text, row.label.span.start, row.label.span.end)
            for c in row.cells + row.stray:
                assert _inside(text, c.span.start, c.span.end)
                assert text[c.span.start : c.span.end] == c.text
    for y in r.years:
        assert _inside(text, y.span.start, y.span.end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["r.txt", "r.md", None]))
def test_every_rule_returns_spans_and_edits_inside_the_text(text, path):
    _, diags = LINTER.lint(text, path, ALL)
    assert LINTER.pack_errors == []
    assert not [d for d in diags if d.code == "GAI001"], [d.message for d in diags if d.code == "GAI001"]
    for d in diags:
        assert _inside(text, d.span.start, d.span.end)
        if d.fix is not None:
            for e in d.fix.edits:
                assert _inside(text, e.start, e.end)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SEEDS), st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=300))
def test_truncated_and_spliced_seeds(path, cut, length):
    text = path.read_text(encoding="utf-8")
    cut %= max(len(text), 1)
    mangled = text[:cut] + text[cut + length :]
    _, diags = LINTER.lint(mangled, str(path), ALL)
    assert not [d for d in diags if d.code == "GAI001"]
