"""What bench/fuzz.py found, kept as examples: fixes and readings on one-line
scrapes and HTML pages, where the reader's text differs from the file."""

from __future__ import annotations

from pathlib import Path

from gailint.config import Settings
from gailint.engine.fixes import apply_edits
from gailint.engine.linter import Linter
from gailint.model import format_number

from _support import seed_text

LINTER = Linter.create()
ALL = Settings(select=("ALL",))


def _one_line(text: str) -> str:
    return text.replace("\r\n", "").replace("\n", "")


def test_a_comment_on_a_scraped_line_is_no_page_furniture():
    # "-->" after a space is page furniture in a scrape, unless it closes an "<!--"
    # on the same line: the reader must not split the comment apart, nor GAI701 flag it.
    text = "<!-- gailint-disable GAI999 --> <!-- 注释 --> " + _one_line(seed_text("003"))
    _, diags = LINTER.lint(text, "r.txt", ALL)
    assert not [d for d in diags if d.code == "GAI701" and text[d.span.start : d.span.end] == "-->"]


def test_joining_two_paragraphs_of_an_html_page_is_no_plain_edit():
    # The break between <p> elements is the markup's: deleting the "\n" between them
    # in the file would change nothing, so GAI705 offers no fix there.
    page = (
        "<html><body><p>一、总体情况</p>\n"
        "<p>由于人事变动，我镇及时调整了分工，进一步明确政务公开工</p>\n"
        "<p>作的分管领导，确保政务公开工作的延续性。</p></body></html>"
    )
    _, diags = LINTER.lint(page, "r.html", ALL)
    (broken,) = [d for d in diags if d.code == "GAI705"]
    assert broken.fix is None


def test_a_heading_inserted_into_a_scraped_line_starts_a_line_of_its_own():
    # The reader broke the scraped line before section 三; the heading of the missing
    # section 二 goes there, so in the file it needs a line break before it as well.
    text = _one_line(seed_text("001")).replace("二、主动公开政府信息情况", "", 1)
    _, diags = LINTER.lint(text, "r.txt", ALL)
    (missing,) = [d for d in diags if d.code == "GAI102" and "二、主动公开政府信息情况" in d.message]
    (edit,) = missing.fix.edits
    assert edit.new == "\n二、主动公开政府信息情况\n"
    fixed = apply_edits(text, missing.fix.edits)
    assert not [d for d in LINTER.lint(fixed, "r.txt", ALL)[1] if d.message == missing.message]


def test_hundreds_of_repeats_on_one_scraped_line_walk_its_letters_once(monkeypatch):
    # A date pasted hundreds of times into a scraped line: every repeat found mapped its
    # offsets back by walking the whole 60,000-character line again (2.4 s per 100 KB).
    # Each line's letters are now read once, then looked up by binary search.
    import gailint.parse.prose as prose

    scans: list[int] = []
    words = prose._WORDS_RE

    class Counting:
        def finditer(self, text: str):
            scans.append(len(text))
            return words.finditer(text)

    monkeypatch.setattr(prose, "_WORDS_RE", Counting())
    # The input the fuzzer saved: a mutated report laid out on one line.
    text = (Path(__file__).parent / "fixtures" / "fuzz" / "date-run-one-line.txt").read_text(encoding="utf-8")
    assert "\n" not in text
    _, diags = LINTER.lint(text, "r.txt", Settings(select=("GAI603",)))
    assert len([d for d in diags if d.code == "GAI603"]) > 300
    assert len(scans) <= 1  # one line, read once


def test_residue_in_a_scraped_line_keeps_the_sentence_stop_and_the_prose_after_it():
    # Breadcrumbs pasted into a sentence of a scraped line: the reader gives each its own
    # line, the last one ending with the sentence's "。". Deleting "that line" took the
    # stop with it, and a breadcrumb item ran on through the next sentence (no spaces).
    crumbs = "当前位置：首页 > 当前位置：首页 > 当前位置：首页 > 。"
    prose = "同时,定期组织开展政务公开工作督导评估,建立健全信息公开评议机制。"
    body = _one_line(seed_text("003"))
    at = body.index("二、主动公开政府信息情况")
    text = body[:at] + "加强常态化监测" + crumbs + prose + body[at:]
    _, diags = LINTER.lint(text, "r.txt", ALL)
    residue = [d for d in diags if d.code == "GAI701" and "当前位置" in d.message]
    assert residue and all(text.find(prose) >= d.span.end for d in residue)
    fixed = text
    for d in sorted(residue, key=lambda d: -d.span.start):
        fixed = apply_edits(fixed, d.fix.edits)
    assert "加强常态化监测。" + prose in fixed.replace(" ", "")
    assert not [d for d in LINTER.lint(fixed, "r.txt", ALL)[1] if d.code == "GAI701" and "当前位置" in d.message]


def test_a_prose_count_of_hundreds_of_digits_is_no_count():
    # A pasted run of digits where a sentence states the applications: GAI501 wrote
    # it into its message through float(), which overflowed and crashed the rule.
    for digits in (400, 5000):  # and int() refuses past 4,300 digits
        text = seed_text("003").replace("一、总体情况\n", "一、总体情况\n全年共受理政府信息公开申请" + "7" * digits + "件。\n", 1)
        _, diags = LINTER.lint(text, "r.txt", ALL)
        assert not [d for d in diags if d.code in ("GAI001", "GAI501")]


def test_numbers_are_written_exactly_however_long():
    assert format_number(10**400) == "1" + "0" * 400
    assert format_number(2.0) == "2" and format_number(0.5) == "0.5"


def test_thousands_of_unclosed_tags_are_not_searched_at_every_end_tag(monkeypatch):
    # A fuzzed page opened thousands of elements it never closed, and every stray end
    # tag (and every <p> closing its predecessor) searched the whole open stack.
    import gailint.read.html as reader

    reads = [0]

    class CountingStack(list):
        def __getitem__(self, k):
            reads[0] += 1
            return super().__getitem__(k)

        def __iter__(self):
            for item in super().__iter__():
                reads[0] += 1
                yield item

    init = reader._Renderer.__init__

    def counting_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.stack = CountingStack()

    monkeypatch.setattr(reader._Renderer, "__init__", counting_init)
    n = 3000
    page = "<html><body><p>一、总体情况</p>" + "<b>" * n + "</i><p>全年受理申请3件。" * n + "</body></html>"
    LINTER.lint(page, "r.html", Settings(select=("GAI101",)))
    assert reads[0] < 20 * n  # was about n * n / 2


def test_thousands_of_words_before_table_three_are_not_each_matched_to_every_header(monkeypatch):
    # Debris pasted into table 三's head (the fuzzer's was thousands of suppression
    # comments on one line) had every word compared with every column header: 1.7 s
    # per 100 KB. The head is the note and the headers nearest the first row.
    import difflib

    import gailint.parse.tables as tables

    built = [0]
    matcher = difflib.SequenceMatcher

    def counting(*args, **kwargs):
        built[0] += 1
        return matcher(*args, **kwargs)

    monkeypatch.setattr(tables.difflib, "SequenceMatcher", counting)
    tables._near_header.cache_clear()
    words = "\t".join(chr(0x4E00 + 2 * i) + chr(0x4E01 + 2 * i) for i in range(5000))  # all different
    clean = seed_text("003")
    text = clean.replace("(本列数据", words + "\n(本列数据", 1)
    _, diags = LINTER.lint(text, "r.txt", ALL)
    assert built[0] < 64 * 10 * 2  # the last 64 words, against ten headers
    read = LINTER.parse(text, "r.txt", ALL).table3
    want = LINTER.parse(clean, "r.txt", ALL).table3
    assert [(h.text, h.template) for h in read.headers if h.template] == [(h.text, h.template) for h in want.headers if h.template]
    assert read.note is not None and read.note.text == want.note.text
    assert not [d for d in diags if d.code == "GAI001"]


def test_deleting_an_unused_suppression_pasted_inside_another_takes_both():
    # Deleting the inner comment of "<!-- gailint-disable GAI701 -<!-- … -->->" closed
    # the outer one up into the same unused suppression.
    inner = "<!-- gailint-disable GAI701 -->"
    text = _one_line(seed_text("003")).replace("三是", "三是<!-- gailint-disable GAI701 -" + inner + "->", 1)
    _, diags = LINTER.lint(text, "r.txt", ALL)
    (unused,) = [d for d in diags if d.code == "GAI002"]
    fixed = apply_edits(text, unused.fix.edits)
    assert "gailint-disable" not in fixed and "三是" in fixed
    assert not [d for d in LINTER.lint(fixed, "r.txt", ALL)[1] if d.code == "GAI002"]


def test_a_template_title_with_words_glued_on_ends_where_the_title_does():
    # In a scraped line, words glued to a heading with no punctuation before them
    # ("……政府信息情况第息情况第息情况……") ran the heading on to its 40-character cap;
    # GAI104's fix set the title and the next glued words became the heading again.
    # A complete template title now ends the heading: the glued words are what follows.
    text = _one_line(seed_text("001")).replace("二、主动公开政府信息情况", "二、主动公开政府信息情况" + "第息情况" * 15, 1)
    report, diags = LINTER.lint(text, "r.txt", ALL)
    assert [s.heading for s in report.sections if s.number == 2] == ["二、主动公开政府信息情况"]
    assert not [d for d in diags if d.code == "GAI104" and "第息情况" in d.message]
    # A renamed title with glued words: the fix sets the title, and linting again is clean.
    renamed = text.replace("二、主动公开政府信息情况", "二、主动公开政务信息情况", 1)
    (title,) = [d for d in LINTER.lint(renamed, "r.txt", ALL)[1] if d.code == "GAI104"]
    fixed = apply_edits(renamed, title.fix.edits)
    assert not [d for d in LINTER.lint(fixed, "r.txt", ALL)[1] if d.code == "GAI104"]


def test_a_heading_glued_to_its_body_or_to_itself_is_the_template_title():
    # Real scrapes glue section 六's body to its title; a mutated one pasted the title
    # four times. The heading used to run to the last 事项 before a stop, so GAI104
    # called "六、其他需要报告的事项无其他需要报告的事项" a renamed title and its fix
    # deleted the body's first words (or joined two titles into one).
    one_line = _one_line(seed_text("001"))
    six = "六、其他需要报告的事项"
    for glued in (six + "无其他需要报告的事项。", six * 4 + "。"):
        text = one_line.replace(six, glued, 1)
        report, diags = LINTER.lint(text, "r.txt", ALL)
        assert {s.heading for s in report.sections if s.number == 6} == {six}
        assert not [d for d in diags if d.code == "GAI104"]
