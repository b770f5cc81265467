"""GAI403 stray-year and GAI404 late-publication."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import lint, only, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S001, S003, S004 = SEEDS["001"], SEEDS["003"], SEEDS["004"]

MY_CODES = ("GAI403", "GAI404")
# Seed 004 (2021, a department): a sentence is added after its first paragraph.
ANCHOR = "结合政府办公室实际情况，认真做好政府信息公开与政务公开工作。"
TITLE_004 = "宜阳县人民政府办公室2021年政府信息公开工作年度报告"


def with_sentence(sentence: str, base: str = S004) -> str:
    return base.replace(ANCHOR, ANCHOR + sentence, 1)


# ---------------------------------------------------------------- GAI403


def test_last_years_year_left_in_a_copied_sentence():
    text = S004.replace("2021年，通过政府网站及时向社会发布了各类信息", "2020年，通过政府网站及时向社会发布了各类信息")
    (d,) = only(lint(text, select=["GAI403"]), "GAI403")
    assert span_text(text, d) == "2020"
    assert d.span.start == text.index("2020年，通过政府网站")
    assert d.message == "正文中的“2020年”与报告年度 2021 年不符，应为 2021 年（若确指其他年份，请写明“上年”“较上年”等）"


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("2022年共办理依申请公开13件，全部按时办结。", "2022"),
        ("2019年共办理依申请公开13件，全部按时办结。", "2019"),
        ("2020年，我办共受理申请11件，较为平稳。", "2020"),  # 较为 is no comparison
    ],
)
def test_stray_years(sentence, year):
    text = with_sentence(sentence)
    (d,) = only(lint(text, select=["GAI403"]), "GAI403")
    assert span_text(text, d) == year
    assert f"“{year}年”与报告年度 2021 年不符" in d.message


@pytest.mark.parametrize(
    "sentence",
    [
        "全年主动公开信息较2020年增长15%。",
        "与2020年相比，依申请公开数量有所下降。",
        "2020年度报告中指出的问题已全部整改到位。",
        "上年度问题整改情况：针对2020年存在的解读形式单一问题，已全部整改。",
        "自2019年以来，累计公开信息2万余条。",
        "2020年至2021年，共制定规范性文件3件。",
        "下一步，2022年将继续推进基层政务公开标准化规范化。",
        "2022年，我办将进一步加强政策解读。",
        "认真落实《2020年政务公开工作要点》。",
        "按照国办公开办函〔2021〕30号要求编制本报告。",
        "按照《关于印发2020年政务公开工作要点的通知》要求，做好公开工作。",
        "2008年《条例》施行以来，我县政务公开工作不断深化。",
        "到2035年基本建成法治政府。",
        "截至2022年1月20日，上述申请均已办结。",
        "2020年12月启动的网站集约化改造已全部完成。",
    ],
)
def test_plausible_neighbour_years_are_not_reported(sentence):
    assert only(lint(with_sentence(sentence), select=["GAI403"]), "GAI403") == []


def test_signature_date_of_the_next_year_is_normal():
    # Seed 003: 新绛县三泉镇人民政府 / 2022年1月25日 closes a 2021 report.
    assert only(lint(S003, select=["GAI403"]), "GAI403") == []


def test_year_only_guessed_from_the_prose_is_not_trusted():
    # No title and no period (like seeds 000 and 002): the report year is a guess.
    body = S004.replace(TITLE_004, "")
    text = with_sentence("2020年共办理依申请公开9件。", body)
    assert only(lint(text, select=["GAI403"]), "GAI403") == []


# ---------------------------------------------------------------- GAI404


def with_published(date: str, title: str = TITLE_004) -> str:
    text = S004 if title == TITLE_004 else S004.replace(TITLE_004, title)
    return text.replace(title, f"{title}\n发布时间：{date}", 1)


def test_department_published_after_january():
    text = with_published("2022-02-15")
    (d,) = only(lint(text, select=["GAI404"]), "GAI404")
    assert span_text(text, d) == "2022-02-15"
    assert d.message == "发布日期 2022年2月15日 晚于期限：县级以上人民政府部门的2021年度报告应于 2022年1月31日 前发布"


def test_department_in_time_passes():
    assert only(lint(with_published("2022-01-28"), select=["GAI404"]), "GAI404") == []


def test_government_has_until_march():
    title = "宜阳县人民政府2021年政府信息公开工作年度报告"
    assert only(lint(with_published("2022-02-15", title), select=["GAI404"]), "GAI404") == []
    text = with_published("2022-04-02", title)
    (d,) = only(lint(text, select=["GAI404"]), "GAI404")
    assert span_text(text, d) == "2022-04-02"
    assert d.message == "发布日期 2022年4月2日 晚于期限：县级以上地方人民政府的2021年度报告应于 2022年3月31日 前发布"


def test_issuer_kind_from_the_config_wins():
    text = with_published("2022-02-15")
    assert only(lint(text, select=["GAI404"], issuer_kind="government"), "GAI404") == []


def test_township_signature_date_and_configurable_deadline():
    # Seed 003 is signed 2022年1月25日: in time by default.
    assert only(lint(S003, select=["GAI404"]), "GAI404") == []
    (d,) = only(lint(S003, select=["GAI404"], rule_options={"GAI404": {"township-deadline": "01-20"}}), "GAI404")
    assert span_text(S003, d) == "2022年1月25日"
    assert d.message == "落款日期 2022年1月25日 晚于期限：乡镇人民政府、街道办事处的2021年度报告应于 2022年1月20日 前发布"


def test_a_bad_option_falls_back_to_the_default():
    opts = {"GAI404": {"department-deadline": "02-30"}}
    assert len(only(lint(with_published("2022-02-15"), select=["GAI404"], rule_options=opts), "GAI404")) == 1
    assert only(lint(with_published("2022-01-30"), select=["GAI404"], rule_options=opts), "GAI404") == []


def test_rule_declares_its_options():
    from gailint_rules.national.dates import late_publication

    assert late_publication.options == {
        "department-deadline": "01-31",
        "government-deadline": "03-31",
        "township-deadline": "01-31",
    }


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_findings(seed):
    # No stray year in any seed; 001 (a government, 2024-02-09) and 003 (signed
    # 2022年1月25日) are in time; 000, 002 and 004 carry no publication date.
    text = SEEDS[seed]
    assert [d for d in lint(text, path=f"{seed}.txt", select=MY_CODES) if d.code in MY_CODES] == []


# GAI406 cutoff-date

PERIOD = "某局2023年政府信息公开工作年度报告\n本报告所列数据统计期限为2023年1月1日至2023年12月31日。\n"


def test_a_cutoff_before_the_end_of_the_period(lint):
    text = PERIOD + "一、总体情况\n截至2023年11月30日，共受理政府信息公开申请12件。\n"
    (d,) = [x for x in lint(text) if x.code == "GAI406"]
    assert text[d.span.start : d.span.end] == "2023年11月30日"
    assert d.message == "正文的数据截止日期 2023年11月30日 与统计期限不一致：本报告的数字应统计到 2023年12月31日"


def test_last_years_cutoff_left_in_the_text(lint):
    text = PERIOD + "一、总体情况\n截至2022年12月31日，累计主动公开政府信息152条。\n"
    assert [x.code for x in lint(text) if x.code == "GAI406"] == ["GAI406"]


def test_cutoffs_that_agree_or_tell_progress_after_the_year(lint):
    text = PERIOD + "一、总体情况\n截至2023年12月31日，共受理申请12件。截至2024年1月20日，已整改到位。截至2019年底，累计公开。\n"
    assert [x for x in lint(text) if x.code == "GAI406"] == []


# GAI404: the issuer's kind decides the deadline

def _published(title, body=""):
    return f"{title}\n发布时间：2024-03-15\n一、总体情况\n{body}\n"


def test_a_zone_management_committee_has_the_government_deadline(lint):
    from gailint.parse import parse

    text = _published("某某经济开发区管委会2023年政府信息公开工作年度报告")
    assert parse(text).issuer_kind == "government"
    assert [x for x in lint(text) if x.code == "GAI404"] == []


def test_its_office_is_a_department(lint):
    text = _published("某某经济开发区管委会办公室2023年政府信息公开工作年度报告")
    (d,) = [x for x in lint(text) if x.code == "GAI404"]
    assert "县级以上人民政府部门的2023年度报告应于 2024年1月31日 前发布" in d.message


def test_a_report_summing_up_the_whole_county_has_the_government_deadline(lint):
    from gailint.parse import parse

    text = _published("某县人民政府办公室2023年政府信息公开工作年度报告", "本报告由县政府办公室汇总全县各有关单位的年度报告编制而成。")
    report = parse(text)
    assert report.issuer_kind == "government" and report.issuer_kind_source.startswith("正文说明本报告汇总了")
    assert [x for x in lint(text) if x.code == "GAI404"] == []


def test_a_crawler_prefix_is_not_part_of_the_issuer():
    from gailint.parse import parse

    report = parse("标题: 某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n")
    assert report.issuer == "某县人民政府" and report.issuer_kind == "government"


def test_an_event_of_the_issuers_history_is_no_stale_year(lint):
    text = "某局2020年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n一是我局在2019年8月机构改革中成为工作部门，人员调整较大。\n"
    assert [x for x in lint(text) if x.code == "GAI403"] == []
