"""Meta-tests: every rule is documented the same way, and docs/rules.md is current."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from gailint.engine.plugins import load_registry

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = load_registry()
RULES = REGISTRY.sorted()
# The catalogue is the national one; province packs document themselves.
GAI_RULES = [r for r in RULES if r.code.startswith("GAI")]
SECTIONS = ("## 检查内容", "## 为什么是问题", "## 示例", "## 应改为", "## 修复说明", "## 依据")
CATALOGUE = ROOT / "tests" / "fixtures" / "spec" / "rules.md"


def test_no_pack_failed_to_load():
    assert REGISTRY.errors == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_every_doc_section_in_order(rule):
    positions = [rule.docs.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), [s for s, p in zip(SECTIONS, positions) if p < 0]
    assert positions == sorted(positions)
    assert rule.summary and not rule.summary.startswith("#")


@pytest.mark.parametrize("rule", GAI_RULES, ids=lambda r: r.code)
def test_rule_metadata_matches_the_catalogue(rule):
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    m = re.search(rf"^\| {rule.code} \| ([a-z-]+) \| (\w+) \|", catalogue, re.M)
    assert m, f"{rule.code} is not in the catalogue"
    assert (rule.name, rule.severity.label) == (m.group(1), m.group(2))


def test_every_catalogue_rule_is_registered():
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    codes = set(re.findall(r"^\| (GAI\d{3}) \|", catalogue, re.M))
    assert codes == {r.code for r in GAI_RULES}


def test_shipped_province_packs_are_documented_and_cite_sources():
    for name in ("henan", "sichuan"):
        pack = REGISTRY.packs[name]
        assert pack.version and pack.info.province and pack.info.sources and not pack.info.default
        assert (ROOT / "rules" / name / "README.md").is_file()


def test_docs_rules_md_is_up_to_date():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
