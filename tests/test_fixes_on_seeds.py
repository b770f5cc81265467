"""Every fix on the real seeds is safe: applied alone it clears its diagnostic and
changes nothing outside its edits; `check --fix` reaches a fix-point."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from gailint.config import Settings
from gailint.engine.fixes import apply_edits

from _support import SEEDS

ALL = Settings(select=("ALL",))


def _cases(linter):
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        for d in linter.lint(text, path.name, ALL)[1]:
            if d.fix is not None:
                yield path.name, text, d


def test_every_fix_alone_clears_its_diagnostic_and_touches_nothing_else(linter):
    checked = 0
    for name, text, d in _cases(linter):
        fixed = apply_edits(text, d.fix.edits)
        first = min(e.start for e in d.fix.edits)
        last = max(e.end for e in d.fix.edits)
        tail = len(text) - last
        assert fixed[:first] == text[:first], (name, d.code)
        assert fixed[len(fixed) - tail :] == text[last:], (name, d.code)
        before = sum(1 for x in linter.lint(text, name, ALL)[1] if x.code == d.code)
        after = sum(1 for x in linter.lint(fixed, name, ALL)[1] if x.code == d.code)
        assert after < before, (name, d.code, d.message)
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_check_fix_is_idempotent_on_copies_of_the_seeds(tmp_path, seed):
    p = tmp_path / seed.name
    shutil.copy(seed, p)
    gailint = [sys.executable, "-m", "gailint", "check", "--select", "ALL", "--output-format", "concise"]
    first = subprocess.run([*gailint, "--fix", str(p)], capture_output=True, text=True)
    assert "Traceback" not in first.stderr
    after_fix = p.read_bytes()
    second = subprocess.run([*gailint, str(p)], capture_output=True, text=True)
    codes_left = {line.split(": ")[1].split()[0] for line in second.stdout.splitlines() if ": GAI" in line}
    fixed_codes = {line.split(": ")[1].split()[0] for line in first.stdout.splitlines() if ": GAI" in line}
    # What --fix reported as still present is exactly what a plain check reports.
    assert codes_left == fixed_codes
    third = subprocess.run([*gailint, "--fix", str(p)], capture_output=True, text=True)
    assert p.read_bytes() == after_fix, third.stderr
