"""A folder of many reports: each parsed once (last year's report comes from
memory, not a second read), the same output with any number of jobs, a cache
that answers unchanged files without linting them, a progress bar only on a
terminal, and Ctrl-C that stops cleanly."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from gailint.cli import main
from gailint.engine import linter as linter_module

from _support import output_on_a_terminal, seed_text

GAILINT = [sys.executable, "-m", "gailint"]
ISSUERS = ["宜阳县人民政府办公室", "洛宁县教育局", "嵩县财政局", "汝阳县民政局"]
NEXT = "四、结转下年度继续办理"


def series(folder: Path, issuers: int, years=range(2019, 2025)) -> list[Path]:
    """Reports of ``issuers`` offices for ``years``, laid out by year as offices
    keep them; some 结转 rows disagree with the next year's 上年结转."""
    base = seed_text("004")
    paths = []
    for year in years:
        for i in range(issuers):
            name = f"{ISSUERS[i % len(ISSUERS)][:-3]}{i}号{ISSUERS[i % len(ISSUERS)][-3:]}"
            text = base.replace("宜阳县人民政府办公室", name).replace("2021", str(year))
            if (i + year) % 3 == 0:
                text = text.replace(f"\t\t{NEXT}\t0\t0", f"\t\t{NEXT}\t{year % 5}\t0", 1)
            p = folder / str(year) / f"{i:03d}.txt"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(text, encoding="utf-8")
            paths.append(p)
    return paths


def check(*args: str, cwd: Path) -> tuple[int, str, str]:
    """`gailint check` in this process (so that the engine can be watched)."""
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            rc = main(["check", *args])
    finally:
        os.chdir(old)
    return rc, out.getvalue(), err.getvalue()


def test_each_report_is_parsed_once_and_last_years_comes_from_memory(tmp_path, monkeypatch):
    paths = series(tmp_path, 5)
    parsed: list[str] = []
    real = linter_module.parse
    monkeypatch.setattr(linter_module, "parse", lambda text, path=None, **kw: parsed.append(path) or real(text, path, **kw))
    rc, out, _ = check("--no-cache", "-j1", "--output-format", "concise", "--select", "GAI305,GAI307", ".", cwd=tmp_path)
    assert rc == 1 and "GAI305" in out and "GAI307" in out
    assert sorted(parsed) == sorted(f"./{p.relative_to(tmp_path)}" for p in paths)  # once each, no more


def test_output_is_the_same_with_any_number_of_jobs(tmp_path):
    series(tmp_path, 12)  # 72 files: enough for worker processes
    one = subprocess.run([*GAILINT, "check", "--no-cache", "-j1", "--output-format", "concise", "."], cwd=tmp_path, capture_output=True, text=True)
    two = subprocess.run([*GAILINT, "check", "--no-cache", "-j3", "--output-format", "concise", "."], cwd=tmp_path, capture_output=True, text=True)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and "GAI305" in one.stdout
    lines = [ln.split(":")[0] for ln in one.stdout.splitlines()[:-1]]
    assert lines == sorted(lines)  # in the order of the folder walk


def test_work_is_handed_out_in_shrinking_chunks_that_keep_an_issuers_years_together():
    from types import SimpleNamespace

    from gailint.cli.parallel import MIN_CHUNK, _chunks

    jobs = [SimpleNamespace(group=(f"issuer{i // 6}", 2019 + i % 6)) for i in range(20_000)]
    chunks = _chunks(jobs, 2)
    sizes = [len(c) for c in chunks]
    assert [j for c in chunks for j in c] == jobs  # every job once, in order
    assert sizes[0] > 2_000 and max(sizes[-4:]) <= MIN_CHUNK + 6  # big first, small last:
    assert sizes == sorted(sizes, reverse=True)  # the workers finish together
    for a, b in zip(chunks, chunks[1:]):
        assert a[-1].group[0] != b[0].group[0]  # an issuer's six years in one chunk


def test_the_index_reads_many_files_heads_in_parallel_with_the_same_identities(tmp_path):
    from gailint.cli.parallel import MIN_PARALLEL_INDEX, identify_many
    from gailint.engine.workspace import identify_file

    paths = []
    for i in range(MIN_PARALLEL_INDEX):
        p = tmp_path / f"{i:04d}.txt"
        p.write_text(f"{ISSUERS[i % 4]}{2019 + i % 6}年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
        paths.append(str(p))
    paths.append(str(tmp_path / "gone.txt"))  # vanished before it was read: left to the index
    found = identify_many(paths, 2)
    assert found == {p: identify_file(p)[0] for p in paths[:-1]}
    assert found[paths[5]].issuer == ISSUERS[1] and found[paths[5]].year == 2024
    assert identify_many(paths[:10], 2) == {} and identify_many(paths, 1) == {}  # not worth a worker


def test_the_cache_answers_unchanged_files_without_linting(tmp_path, monkeypatch):
    series(tmp_path, 3)
    first = check("-j1", "--output-format", "concise", ".", cwd=tmp_path)
    assert (tmp_path / ".gailint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")

    def no_lint(*args, **kwargs):
        raise AssertionError("an unchanged file was linted again")

    monkeypatch.setattr(linter_module.Linter, "lint", no_lint)
    assert check("-j1", "--output-format", "concise", ".", cwd=tmp_path) == first
    # Touched, not changed (a checkout): hashed again, still the same content, so
    # neither it nor the reports that compare with it are linted.
    os.utime(tmp_path / "2020" / "000.txt")
    assert check("-j1", "--output-format", "concise", ".", cwd=tmp_path) == first


def test_a_changed_file_a_changed_neighbour_or_config_is_linted_again(tmp_path):
    series(tmp_path, 2)
    (tmp_path / "gailint.toml").write_text("", encoding="utf-8")  # the project's root: other years are below it
    rc, first, _ = check("-j1", "--output-format", "concise", "--select", "GAI305", ".", cwd=tmp_path)
    this_year = "./2020/001.txt"
    assert f"{this_year}:" not in first  # 2019's 结转 row and 2020's 上年结转 agree
    last_year = tmp_path / "2019" / "001.txt"
    last_year.write_text(last_year.read_text(encoding="utf-8").replace(f"\t\t{NEXT}\t0\t0", f"\t\t{NEXT}\t7\t0", 1), encoding="utf-8")
    rc, second, _ = check("-j1", "--output-format", "concise", "--select", "GAI305", this_year, cwd=tmp_path)
    assert "GAI305" in second and "为 7" in second  # only last year's report changed
    (tmp_path / "gailint.toml").write_text('ignore = ["GAI305"]\n', encoding="utf-8")  # a new config
    rc, third, _ = check("-j1", "--output-format", "concise", this_year, cwd=tmp_path)
    assert "GAI305" not in third


def test_no_cache_writes_nothing(tmp_path):
    series(tmp_path, 1, years=[2021])
    check("--no-cache", ".", cwd=tmp_path)
    assert not (tmp_path / ".gailint_cache").exists()


def test_a_planted_cache_cannot_run_code(tmp_path):
    series(tmp_path, 1, years=[2021])
    check(".", cwd=tmp_path)
    for shard in (tmp_path / ".gailint_cache").rglob("*.json"):
        shard.write_bytes(b"\x80\x04cos\nsystem\n(S'touch pwned'\ntR.")  # a pickle that would run a command
    rc, out, err = check(".", cwd=tmp_path)
    assert rc == 1 and "Traceback" not in err and not (tmp_path / "pwned").exists()


def _pty_stderr(args, cwd) -> tuple[int, str]:
    return output_on_a_terminal([*GAILINT, *args], cwd, stream="stderr")


def test_progress_on_a_terminal_only_with_many_files(tmp_path):
    series(tmp_path, 34)  # 204 files
    rc, err = _pty_stderr(["check", "--no-cache", "--select", "GAI201", "."], tmp_path)
    assert "检查中 204/204（100%" in err
    piped = subprocess.run([*GAILINT, "check", "--no-cache", "--select", "GAI201", "."], cwd=tmp_path, capture_output=True, text=True)
    assert "检查中" not in piped.stderr
    rc, err = _pty_stderr(["check", "--no-cache", "--select", "GAI201", "2019/000.txt"], tmp_path)
    assert "检查中" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_cleanly(tmp_path, jobs):
    series(tmp_path, 250)  # 1,500 files: several seconds of work
    proc = subprocess.Popen(
        [*GAILINT, "check", "--no-cache", "-j", jobs, "."], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    # Past the interpreter's start-up (slower on a loaded machine: a SIGINT before
    # gailint is running is Python's, not gailint's), well before the work ends.
    started = time.perf_counter()
    subprocess.run([*GAILINT, "--version"], capture_output=True)
    time.sleep(max(1.0, 3 * (time.perf_counter() - started)))
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to the whole process group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "已中断" in err and "Traceback" not in err
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker left behind
