"""Linear time on adversarial inputs: bench/complexity.py run at a small size.

The bench grows runs of spaces, digits, 共计, “, 《, years, suppression comments… in
a real report (and in a report on one line) and times every rule of the registry
and every parser and engine function. Here it runs at 3 K and 24 K characters: a
stage whose time grows faster than its size to the power 1.4 (18 × for 8 × the
input, where quadratic is 64 ×), or that runs past 10 s, fails the test. Ratios,
not absolute times: the test holds on a slow machine too. (Quadratic spots with a
tiny constant show only at larger sizes: the bench itself runs up to 1 M.)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from gailint import Report, RuleContext, Violation, hookimpl, rule
from gailint.engine.linter import Linter
from gailint.engine.plugins import load_registry

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("gailint_complexity_bench", ROOT / "bench" / "complexity.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


complexity = _bench()


def test_every_rule_and_parser_stage_takes_linear_time():
    result = complexity.run((3_000, 24_000), budget=10, exponent=1.4, floor=0.003, repeats=1)
    assert result.totals, "no case ran"
    assert not result.findings, "super-linear:\n" + "\n".join(map(str, result.findings))


def test_the_bench_covers_every_registered_rule_and_the_parser():
    subjects = complexity.Subjects.discover()
    linter = subjects.linter
    # Every rule is a subject of its own, but a declarative pack's rules, which share
    # one function, are one subject named after all of them.
    covered = {c for label in subjects.rule_keys.values() for c in label.split(" ", 1)[1].split(",")}
    assert covered == set(linter.registry.rules)
    assert "rule GAI302" in subjects.rule_keys.values()
    times = subjects.measure(complexity.Base.load().text, "report.txt", budget=10, repeats=1)
    assert any(name.startswith("parse ") for name in times)
    assert {"rule GAI403", "rule GAI604", "lint", "fixes one pass", "output text"} <= set(times)


@rule(code="XQD101", name="quadratic", severity="info")
def _quadratic(report: Report, ctx: RuleContext):
    """A planted quadratic rule: re-slices the text from every line start."""
    text = report.text
    for start in report.index.starts:
        if "不存在的词" in text[start:] + text[:start]:
            yield Violation(report.lines[0].span, "")


class _Pack:
    @staticmethod
    @hookimpl
    def gailint_register_rules():
        return [_quadratic]


def test_the_bench_catches_a_quadratic_rule_from_any_pack():
    linter = Linter(load_registry(extra=[("planted", _Pack)]))
    subjects = complexity.Subjects.discover(linter)
    result = complexity.run((4_000, 64_000), only=["breaks@section1"], subjects=subjects, budget=10, repeats=1)
    assert [f.subject for f in result.findings] == ["rule XQD101"]
