"""The GitHub Actions workflow in the README works as written: its gailint steps,
run on a repository of reports, fail the job on a broken report and print one
valid workflow command per finding (and a Markdown-free summary table)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from _support import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ANNOTATION = re.compile(
    r"^::(error|warning|notice) title=gailint \((GAI\d{3})\),file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+)::"
    r"(.+)$"
)


def workflow() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- github-workflow -->", 1)[1]
    return yaml.safe_load(block.split("```yaml", 1)[1].split("```", 1)[0])


def steps() -> list[dict]:
    (job,) = workflow()["jobs"].values()
    return job["steps"]


def run_step(step: dict, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    command = step["run"].replace('"$GITHUB_STEP_SUMMARY"', env["GITHUB_STEP_SUMMARY"])
    assert command.startswith("gailint ")
    return subprocess.run(["bash", "-c", command], cwd=cwd, capture_output=True, text=True, env=env)


def test_the_workflow_is_a_valid_actions_file():
    wf = workflow()
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers == ["push", "pull_request"]
    uses = [s.get("uses", "") for s in steps()]
    assert uses[0].startswith("actions/checkout@") and any(u.startswith("actions/setup-python@") for u in uses)
    cache = next(s for s in steps() if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".gailint_cache"


def test_the_gailint_steps_annotate_a_repository_of_reports(tmp_path):
    repo = tmp_path / "repo"
    (repo / "2021").mkdir(parents=True)
    shutil.copy(FIXTURES / "003_bfabfd0488fd8ed4.txt", repo / "2021" / "三泉镇.txt")
    shutil.copy(FIXTURES / "004_2048e31d61a0010c.txt", repo / "2021" / "宜阳县.txt")
    summary = tmp_path / "step-summary.md"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "GITHUB_STEP_SUMMARY": str(summary)}
    gailint_steps = [s for s in steps() if s.get("run", "").startswith("gailint ")]
    check, report = gailint_steps
    assert shlex.split(check["run"])[:4] == ["gailint", "check", "--output-format", "github"]

    out = run_step(check, repo, env)
    assert out.returncode == 1  # the job fails on the broken reports
    lines = out.stdout.splitlines()
    assert lines and all(ANNOTATION.match(ln) for ln in lines), [ln for ln in lines if not ANNOTATION.match(ln)]
    files = {ANNOTATION.match(ln).group(3) for ln in lines}
    assert files == {"./2021/三泉镇.txt", "./2021/宜阳县.txt"}
    first = ANNOTATION.match(lines[0])
    text = (repo / first.group(3)).read_text(encoding="utf-8").splitlines()
    assert int(first.group(4)) <= len(text)

    assert report.get("if") == "always()"
    run_step(report, repo, env)
    table = summary.read_text(encoding="utf-8")
    assert "新绛县三泉镇人民政府  2021" in table and "宜阳县人民政府办公室  2021" in table
