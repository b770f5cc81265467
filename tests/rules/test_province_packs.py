"""The two shipped province packs, henan and sichuan, on real reports.

They run only where a config lists them: a report from elsewhere never gets their
findings.
"""

from __future__ import annotations

from pathlib import Path

from gailint.config import Settings
from gailint.engine.diagnostics import Severity
from gailint.engine.fixes import apply_edits, fix_to_point
from gailint.engine.linter import Linter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HENAN_SEEDS = ("000_d63fade97a3a65e1.txt", "004_2048e31d61a0010c.txt")  # 西平县人和乡, 宜阳县
GANSU_SEED = "001_c88faac3643766a2.txt"  # 定西市通渭县: national fee label, amount 1270

LINTER = Linter.create()


def seed(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def lint(text: str, *packs: str, **settings):
    return LINTER.lint(text, "report.txt", Settings(packs=packs, **settings))[1]


def only(diags, code):
    return [d for d in diags if d.code == code]


def at(text, d):
    return text[d.span.start : d.span.end]


# ------------------------------------------------------------ henan


def test_the_henan_seeds_write_a_bare_zero_fee():
    for name in HENAN_SEEDS:
        text = seed(name)
        (d,) = only(lint(text, "henan"), "HEN002")
        assert at(text, d) == "0" and d.severity == Severity.WARNING
        assert d.message == "河南省要求收费金额保留4位小数：“0”应写作“0.0000”"
        assert d.fix.safe  # zero is exact: 0 → 0.0000 states nothing new
        # Their headers are Henan's already.
        assert only(lint(text, "henan"), "HEN001") == []


def test_fixing_a_henan_seed_writes_four_decimals_and_nothing_else():
    text = seed(HENAN_SEEDS[1])
    settings = Settings(packs=("henan",), select=("HEN",))
    result = fix_to_point(text, lambda t: LINTER.lint(t, "report.txt", settings)[1])
    assert "行政事业性收费\t0.0000" in result.text
    assert result.text.replace("0.0000", "0", 1) == text
    assert only(LINTER.lint(result.text, "report.txt", settings)[1], "HEN002") == []


def test_henan_replaces_the_national_decimals_check_instead_of_repeating_it():
    text = seed(HENAN_SEEDS[0])
    assert [at(text, d) for d in only(lint(text), "GAI207")] == ["0"]  # national: info
    assert only(lint(text, "henan"), "GAI207") == []  # henan: HEN002 instead


def test_the_national_label_is_reported_in_henan_with_a_fix_to_henans():
    text = seed(GANSU_SEED)
    diags = lint(text, "henan")
    (label,) = only(diags, "HEN001")
    assert at(text, label) == "本年收费金额(单位:万元)"
    fixed = apply_edits(text, label.fix.edits)
    assert "本年收费金额（单位：万元，保留4位小数）" in fixed and label.fix.safe
    (amount,) = only(diags, "HEN002")
    assert at(text, amount) == "1270" and amount.fix.edits[0].new == "1270.0000"
    assert not amount.fix.safe  # claiming precision to the 元 is the author's call


def test_more_than_four_decimals_would_round_so_the_fix_is_unsafe():
    text = seed(HENAN_SEEDS[1]).replace("行政事业性收费\t0", "行政事业性收费\t12.345678", 1)
    (d,) = only(lint(text, "henan"), "HEN002")
    assert d.fix.edits[0].new == "12.3457" and not d.fix.safe


def test_four_decimals_pass():
    text = seed(HENAN_SEEDS[1]).replace("行政事业性收费\t0", "行政事业性收费\t0.0000", 1)
    assert only(lint(text, "henan"), "HEN002") == []


def test_a_report_that_does_not_select_henan_gets_no_henan_findings():
    for name in (*HENAN_SEEDS, GANSU_SEED):
        assert not [d for d in lint(seed(name)) if d.code.startswith("HEN")]


# ------------------------------------------------------------ sichuan


def test_sichuan_makes_the_missing_period_an_error():
    text = seed(HENAN_SEEDS[0])  # no statistics period
    (national,) = only(lint(text), "GAI401")
    (sichuan,) = only(lint(text, "sichuan"), "GAI401")
    assert national.severity == Severity.WARNING and sichuan.severity == Severity.ERROR
    (mine,) = only(lint(text, "sichuan", severity={"GAI401": Severity.INFO}), "GAI401")
    assert mine.severity == Severity.INFO  # the user's config still wins


def test_sichuan_asks_section_six_for_the_key_points_and_the_proposals():
    text = seed(HENAN_SEEDS[1])
    diags = lint(text, "sichuan")
    for code in ("SCH001", "SCH002"):
        (d,) = only(diags, code)
        assert at(text, d) == "六、其他需要报告的事项" and d.severity == Severity.INFO
    assert "政务公开工作要点落实情况" in only(diags, "SCH001")[0].message
    assert "人大代表建议和政协提案办理结果公开情况" in only(diags, "SCH002")[0].message


def test_section_six_that_covers_both_passes():
    text = seed(HENAN_SEEDS[1])
    heading = "六、其他需要报告的事项"
    covered = text.replace(
        heading,
        heading + "\n本机关认真落实2021年政务公开工作要点；全年办理人大代表建议5件、政协提案3件，办理结果均已公开。",
        1,
    )
    assert not [d for d in lint(covered, "sichuan") if d.code.startswith("SCH")]


def test_both_packs_at_once_and_each_one_alone():
    text = seed(HENAN_SEEDS[0])
    both = {d.code for d in lint(text, "henan", "sichuan")}
    assert {"HEN002", "SCH001", "SCH002"} <= both
    assert not any(c.startswith("SCH") for c in {d.code for d in lint(text, "henan")})
    assert not any(c.startswith("HEN") for c in {d.code for d in lint(text, "sichuan")})
