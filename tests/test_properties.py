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
    view = r.text  # model spans are offsets into the reader's text
    assert r.source_text == text
    for s in r.sections:
        assert _inside(view, s.span.start, s.span.end) and _inside(view, s.body.start, s.body.end)
    for t in (r.table2, r.table3, r.table4):
        if t is None:
            continue
        for row in t.found_rows:
            assert _inside(view, row.label.span.start, row.label.span.end)
            for c in row.cells + row.stray:
                assert _inside(view, c.span.start, c.span.end)
                assert view[c.span.start : c.span.end] == c.text or c.kind == "blank"
    for y in r.years:
        assert _inside(view, y.span.start, y.span.end)


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


# ---------------------------------------------------------------- the reader's layouts

CORPUS_BODIES = [
    p.read_text(encoding="utf-8").split("==================== 正文 ====================\n", 1)[-1]
    for p in sorted((SEEDS[0].parent / "corpus").glob("1[0-1]*.txt"))
]
# A web page scraped onto one line: pieces of real one-line bodies joined by spaces.
one_line = st.lists(
    st.one_of(
        st.sampled_from(CORPUS_BODIES).flatmap(
            lambda body: st.integers(0, len(body)).map(lambda i: body[i : i + 400])
        ),
        pieces,
    ),
    min_size=1,
    max_size=12,
).map(lambda parts: "标题: 某县2023年政府信息公开工作年度报告\n" + " ".join(p.replace("\n", " ") for p in parts))
TAGS = ["<p>", "</p>", "<br>", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "<span lang=EN-US>", "</span>",
        "&nbsp;", "&amp;", "&#12288;", "&bogus;", "<!--[if !supportLists]-->", "<!--[endif]-->", "<script>x<y</script>",
        "<div class=footer>版权所有</div>", "<h1>", "</h1>", "<", ">", "&"]
html_pages = st.lists(st.one_of(st.sampled_from(TAGS), pieces), max_size=40).map(
    lambda parts: "<!DOCTYPE html><html><body>" + "".join(parts)
)


def _monotonic(report) -> None:
    m = report.textmap
    last = -1
    for v in range(0, len(report.text) + 1, max(1, len(report.text) // 200)):
        s = m.to_source(v)
        assert s >= last and 0 <= s <= len(report.source_text)
        last = s


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(one_line, html_pages), st.sampled_from(["r.txt", "r.html", "r.md"]))
def test_one_line_bodies_and_html_never_raise_and_map_inside_the_file(text, path):
    report, diags = LINTER.lint(text, path, ALL)
    assert not [d for d in diags if d.code == "GAI001"], [d.message for d in diags if d.code == "GAI001"]
    assert report.source_text == text
    _monotonic(report)
    for d in diags:
        assert _inside(text, d.span.start, d.span.end)
        if d.fix is not None:
            for e in d.fix.edits:
                assert _inside(text, e.start, e.end)
    for t in (report.table2, report.table3, report.table4):
        for row in t.found_rows if t is not None else ():
            for c in row.cells:
                assert report.text[c.span.start : c.span.end] == c.text or c.kind == "blank"
