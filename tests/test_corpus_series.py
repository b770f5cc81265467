"""Last year's report on the real corpus (tests/fixtures/corpus, INDEX.md): the
same-issuer series are found as INDEX.md lists them, from each file's head alone,
and the cross-year rules read them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gailint.config import Settings
from gailint.engine.linter import Linter
from gailint.engine.workspace import ReportIndex

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
GAILINT = [sys.executable, "-m", "gailint"]
LINTER = Linter.create()

# INDEX.md, "Same-issuer series": files by year. 国有资产管理局 became 投资促进局 in 2024.
SERIES = {
    "平潭综合实验区金井片区管理局": {2019: "109", 2020: "110", 2021: "101", 2022: "111", 2024: "112", 2025: "113"},
    "平潭综合实验区君山片区管理局": {2020: "114", 2021: "115", 2022: "116", 2023: "104", 2024: "117", 2025: "118"},
    "平潭综合实验区苏平片区管理局": {2019: "119", 2020: "102", 2021: "120", 2022: "121", 2023: "122", 2024: "123"},
    "平潭综合实验区经济发展局": {2019: "103", 2020: "124", 2021: "125", 2022: "126", 2023: "127", 2024: "108"},
    "平潭综合实验区国有资产管理局": {2019: "128", 2020: "106", 2021: "129", 2023: "130"},
    "平潭综合实验区投资促进局": {2024: "131", 2025: "105"},
    "平潭综合实验区管委会办公室": {2019: "132", 2020: "133", 2022: "107", 2023: "134", 2024: "135", 2025: "136"},
    "平潭综合实验区财政金融局": {2021: "137", 2022: "138", 2023: "139", 2025: "140"},
}
CARRIED_115 = "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"


@pytest.fixture(scope="module")
def index() -> ReportIndex:
    index = ReportIndex(LINTER.issuer_key)
    index.scan(CORPUS)
    return index


def test_the_index_finds_every_series_of_index_md(index):
    found: dict[str, dict[int, str]] = {}
    for e in index.entries.values():
        if e.key:
            found.setdefault(e.key, {})[e.identity.year] = Path(e.path).stem
    assert found == SERIES  # 102, "…管理局关于报送2020年度…的函", included


@pytest.mark.parametrize("name", sorted(p.stem for p in CORPUS.glob("1*.txt")))
def test_a_files_head_names_the_issuer_and_year_its_parse_does(index, name):
    path = CORPUS / f"{name}.txt"
    entry = index.entry(str(path))
    report = LINTER.parse(path.read_text(encoding="utf-8"), str(path), Settings())
    assert (entry.key, entry.identity.year) == (LINTER.issuer_key(report.issuer, str(path)), report.year)


def _check(folder: Path, *args: str) -> list[dict]:
    out = subprocess.run([*GAILINT, "check", "--no-cache", "--output-format", "json", *args], cwd=folder, capture_output=True, text=True)
    return json.loads(out.stdout)


def test_carry_over_114_to_115(tmp_path):
    shutil.copy(CORPUS / "114.txt", tmp_path / "114.txt")
    text = (CORPUS / "115.txt").read_text(encoding="utf-8")
    (tmp_path / "115.txt").write_text(text, encoding="utf-8")
    # 2020's 结转下年度继续办理 is 0 everywhere, as is 2021's 上年结转: they agree.
    assert _check(tmp_path, "--select", "GAI305", ".") == []
    assert CARRIED_115 in text
    (tmp_path / "115.txt").write_text(text.replace(CARRIED_115, "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1"), encoding="utf-8")
    found = _check(tmp_path, "--select", "GAI305", ".")
    assert [(d["path"], d["message"]) for d in found] == [
        ("./115.txt", "表三“二、上年结转政府信息公开申请数量”的“自然人”应为 0（2020年报告（./114.txt）“四、结转下年度继续办理”为 0），实为 1"),
        ("./115.txt", "表三“二、上年结转政府信息公开申请数量”的“总计”应为 0（2020年报告（./114.txt）“四、结转下年度继续办理”为 0），实为 1"),
    ]


def test_130_to_131_copied_once_the_config_says_the_bureau_was_renamed(tmp_path):
    for n in ("130", "131"):
        shutil.copy(CORPUS / f"{n}.txt", tmp_path / f"{n}.txt")
    # 131 reuses 130's text down to the old bureau's signature, under the new name.
    assert _check(tmp_path, "--select", "GAI307", ".") == []
    (tmp_path / "gailint.toml").write_text('[issuers]\n"13[01].txt" = "平潭综合实验区国有资产管理局"\n', encoding="utf-8")
    (d,) = _check(tmp_path, "--select", "GAI307", ".")
    assert d["path"] == "./131.txt"
    assert d["message"].startswith("正文与2023年度报告（./130.txt）有 90% 相同")


def test_the_whole_corpus_finds_105_copied_from_131(tmp_path):
    found = _check(CORPUS, "--select", "GAI305,GAI307", ".")
    assert [(d["code"], d["path"]) for d in found] == [("GAI307", "./105.txt")]
    assert "2024年度报告（./131.txt）有 99% 相同" in found[0]["message"]
