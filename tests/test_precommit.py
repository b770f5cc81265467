"""The pre-commit hooks, run by the real pre-commit (`pre-commit try-repo`) on a
temporary git repository of reports, as an office would use them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from _support import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """One pre-commit store for the module: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture()
def reports(tmp_path) -> Path:
    repo = tmp_path / "reports"
    repo.mkdir()
    shutil.copy(FIXTURES / "003_bfabfd0488fd8ed4.txt", repo / "三泉镇2021.txt")  # a nonstandard label (GAI201)
    clean = (FIXTURES / "004_2048e31d61a0010c.txt").read_text(encoding="utf-8")
    clean = clean.replace("2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开")  # its one nonstandard label
    (repo / "宜阳县2021.txt").write_text(clean, encoding="utf-8")
    (repo / "drafts").mkdir()
    shutil.copy(FIXTURES / "003_bfabfd0488fd8ed4.txt", repo / "drafts" / "草稿.txt")
    (repo / "README.md").write_text("# 报告仓库\n\n本仓库存放本县各部门每年的报告。\n", encoding="utf-8")
    (repo / "gailint.toml").write_text('select = ["GAI201"]\nexclude = ["drafts/*"]\n', encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return repo


def try_repo(repo: Path, home: Path, hook: str, *files: str, verbose: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT_COLOR", None)
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(ROOT), hook, "--color", "never", *(["--verbose"] if verbose else []), "--files", *files],
        cwd=repo, capture_output=True, text=True, env=env, timeout=600,
    )


def test_the_hook_fails_on_a_broken_report_and_passes_on_a_clean_one(reports, home):
    broken = try_repo(reports, home, "gailint", "三泉镇2021.txt")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "三泉镇2021.txt:26:13: GAI201 [*] 表格标签“本年度止件数”与模板不一致，应为“本年废止件数”" in broken.stdout
    # A clean report, a README (not a report: skipped with a note) and an excluded
    # draft (pre-commit names it; --force-exclude applies the config's exclude).
    clean = try_repo(reports, home, "gailint", "宜阳县2021.txt", "README.md", "drafts/草稿.txt", verbose=True)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "README.md: 不像年度报告" in clean.stdout and "草稿" not in clean.stdout.split("Passed")[-1]


def test_the_fix_hook_rewrites_the_fixable_report(reports, home):
    fixed = try_repo(reports, home, "gailint-fix", "三泉镇2021.txt")
    assert fixed.returncode == 1  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in fixed.stdout
    text = (reports / "三泉镇2021.txt").read_text(encoding="utf-8")
    assert "本年废止件数" in text and "本年度止件数" not in text
    again = try_repo(reports, home, "gailint-fix", "三泉镇2021.txt")
    assert again.returncode == 0, again.stdout
