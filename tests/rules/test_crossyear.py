"""GAI305, GAI307: checks against the same issuer's report of the year before."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from gailint.config import Settings
from gailint.engine.workspace import ReportIndex, Workspace
from gailint_rules.national.crossyear import similarity

from .conftest import LINTER, span_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("0*.txt"))}
S003, S004 = SEEDS["003"], SEEDS["004"]

MY_CODES = ("GAI305", "GAI307")
SETTINGS = Settings(select=MY_CODES)
CARRIED = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
NEXT = "\t\t四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0"


def parse(text: str, path: str):
    return LINTER.parse(text, path, SETTINGS)


def lint_repo(folder: Path, files: dict[str, str], target: str) -> list:
    """Lint ``target`` in a repository holding ``files``, as `gailint check` does:
    one index of the folder, last year's report found through it."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    index = ReportIndex(LINTER.issuer_key)
    index.scan(folder)
    workspace = Workspace(index, lambda text, path: parse(text, path))
    path = str(folder / target)
    return [d for d in LINTER.lint(files[target], path, SETTINGS, neighbours=workspace)[1] if d.code in MY_CODES]


def lint(text: str, path: str = "2022.txt", others=(), neighbours=True):
    """Lint with ``others`` as the neighbours the engine found (same issuer)."""
    reports = [parse(t, p) for t, p in others]
    nb = (lambda report, year=None: reports) if neighbours else None
    return [d for d in LINTER.lint(text, path, SETTINGS, neighbours=nb)[1] if d.code in MY_CODES]


def next_year(text: str) -> str:
    """The same issuer's report one year on, as a copier writes it: years bumped."""
    return text.replace("2021", "2022")


# 2021: 1 application by a 自然人 carried over to 2022.
LAST = S004.replace(NEXT, "\t\t四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1")


# ---------------------------------------------------------------- GAI305


def test_carried_over_differs_from_last_years_next_year_row(tmp_path):
    text = next_year(S004)
    diags = [d for d in lint_repo(tmp_path, {"2021.txt": LAST, "2022.txt": text}, "2022.txt") if d.code == "GAI305"]
    assert len(diags) == 2  # 自然人 and 总计
    row = text.index(CARRIED)
    assert all(span_text(text, d) == "0" and row < d.span.start < row + len(CARRIED) for d in diags)
    last_file = str(tmp_path / "2021.txt")
    assert diags[0].message == (
        f"表三“二、上年结转政府信息公开申请数量”的“自然人”应为 1"
        f"（2021年报告（{last_file}）“四、结转下年度继续办理”为 1），实为 0"
    )
    assert "“总计”应为 1" in diags[1].message


def test_matching_carry_over_passes(tmp_path):
    text = next_year(S004).replace(CARRIED, "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1")
    assert [d for d in lint_repo(tmp_path, {"a/2021.txt": LAST, "b/2022.txt": text}, "b/2022.txt") if d.code == "GAI305"] == []


def test_needs_the_same_issuer_and_the_year_before(tmp_path):
    text = next_year(S004)
    other_issuer = LAST.replace("宜阳县人民政府办公室2021年", "洛宁县人民政府办公室2021年")
    two_years = LAST.replace("办公室2021年政府信息", "办公室2020年政府信息")
    for i, other in enumerate((other_issuer, two_years)):
        folder = tmp_path / str(i)
        folder.mkdir()
        assert lint_repo(folder, {"old.txt": other, "2022.txt": text}, "2022.txt") == []


@pytest.mark.parametrize(
    "last_title",
    [
        "宜阳县政府办公室2021年政府信息公开工作年度报告",  # 人民政府 written 政府
        "标题：宜阳县人民政府办公室2021年政府信息公开工作年度报告",  # a crawler's field name
        "# **宜阳县人民政府办公室 2021年 政府信息公开工作年度报告**",  # Markdown and spaces
    ],
)
def test_issuer_names_that_differ_a_little_still_match(tmp_path, last_title):
    last = LAST.replace("宜阳县人民政府办公室2021年政府信息公开工作年度报告", last_title, 1)
    diags = lint_repo(tmp_path, {"2021.txt": last, "2022.txt": next_year(S004)}, "2022.txt")
    assert [d.code for d in diags].count("GAI305") == 2


def test_a_different_office_of_the_same_county_does_not_match(tmp_path):
    last = LAST.replace("宜阳县人民政府办公室2021年", "宜阳县人民政府2021年", 1)
    assert lint_repo(tmp_path, {"2021.txt": last, "2022.txt": next_year(S004)}, "2022.txt") == []


def test_config_maps_files_to_an_issuer_when_the_name_changed(tmp_path):
    # The bureau was renamed between the years: only the config can tell.
    renamed = next_year(S004).replace("宜阳县人民政府办公室2022年", "宜阳县行政审批服务局2022年", 1)
    files = {"2021.txt": LAST, "2022.txt": renamed}
    assert lint_repo(tmp_path, files, "2022.txt") == []
    (tmp_path / "gailint.toml").write_text('[issuers]\n"202*.txt" = "宜阳县人民政府办公室"\n', encoding="utf-8")
    assert [d.code for d in lint_repo(tmp_path, files, "2022.txt")].count("GAI305") == 2


def test_nothing_without_neighbours():
    assert lint(next_year(S004), neighbours=False) == []
    assert lint(next_year(S004), others=[]) == []


# ---------------------------------------------------------------- GAI307


def test_copied_report_is_reported_on_the_title(tmp_path):
    # Years bumped and a few counts changed: still the same text.
    text = next_year(S004).replace("6000余条", "6500余条").replace("申请11件", "申请9件")
    (d,) = [d for d in lint_repo(tmp_path, {"2021.txt": S004, "2022.txt": text}, "2022.txt") if d.code == "GAI307"]
    assert span_text(text, d) == "宜阳县人民政府办公室2022年政府信息公开工作年度报告"
    assert d.message == (
        f"正文与2021年度报告（{tmp_path / '2021.txt'}）有 100% 相同（按分句比较，不计数字），内容雷同；"
        "应按2022年度的实际情况撰写（相同部分应低于 90%）"
    )


def test_rewritten_report_passes():
    # Same issuer and tables, but the prose of another report (seed 003).
    a = S003.index("## 一、总体情况")
    text = "宜阳县人民政府办公室2022年政府信息公开工作年度报告\n\n" + S003[a:]
    assert [d for d in lint(text, others=[(S004, "2021.txt")]) if d.code == "GAI307"] == []


def test_partly_rewritten_report_below_the_threshold_passes():
    text = next_year(S004)
    i = text.index("存在的主要问题：")
    j = text.index("六、其他需要报告的事项")
    text = text[:i] + S003[S003.index("2021年我镇政务公开工作") : S003.index("## **六")] + text[j:]
    share, _ = similarity(parse(text, "2022.txt"), parse(S004, "2021.txt"))
    assert share < 0.9
    assert [d for d in lint(text, others=[(S004, "2021.txt")]) if d.code == "GAI307"] == []


def test_similarity_is_fast_on_long_texts():
    # Linear: 50 copies of a report's prose compare in well under a second.
    big = S004 + "\n".join(re.sub(r"\d", str(k % 10), S004) for k in range(50))
    a, b = parse(big, "a.txt"), parse(big.replace("政务", "政府"), "b.txt")
    t0 = time.perf_counter()
    similarity(a, b)
    assert time.perf_counter() - t0 < 0.5


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seeds_have_no_last_year_report(tmp_path, seed):
    files = {f"{k}.txt": t for k, t in SEEDS.items()}
    assert lint_repo(tmp_path, files, f"{seed}.txt") == []
