"""Benchmark: how fast gailint lints (not a test; the README states the figures).

    python bench/bench.py            # everything below
    python bench/bench.py --files 5000 --cold-runs 20
    python bench/bench.py --only folders --folders 2000,20000

`gailint check <folder>` itself, as a user runs it (a new process each time,
output to a pipe), on repositories of 2,000 and 20,000 reports made from the
seeds (bench/corpus.py: many issuers, one report a year each, by year folder):
cold with --jobs 1 and with every core (no cache), then warm (the cache filled
by one run, median of three); files/s for each. For 2,000 reports it also lints
the same files one by one in one process, the yardstick `gailint check` must stay
within 1.5x of.

Measures, on one core (this process):
- files/s and MB/s over a corpus made from the seed reports (varied so that no two
  files are identical), reading each file from disk and running every rule;
- the time to lint one 1 MB report;
- peak memory (max RSS of this process);
- cold `gailint check` of one file in a fresh interpreter (median of several runs).
"""

from __future__ import annotations

import argparse
import compileall
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = sorted((ROOT / "tests" / "fixtures").glob("0*.txt"))


def make_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    paths = []
    for i in range(count):
        text = texts[i % len(texts)]
        # Vary years and a few digits so the corpus is not five files repeated.
        year = rnd.choice([2021, 2022, 2023, 2024])
        text = text.replace("2021", str(year)).replace("2023", str(year))
        pos = rnd.randrange(len(text))
        text = text[:pos] + rnd.choice(["", "0", "一", "。"]) + text[pos:]
        p = folder / f"r{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def make_big(folder: Path, size: int = 1_000_000) -> Path:
    base = SEEDS[1].read_text(encoding="utf-8")
    prose = [ln for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines() if len(ln) > 60]
    parts = [base]
    total = len(base.encode("utf-8"))
    i = 0
    while total < size:
        line = prose[i % len(prose)] + f"（第{i}段）\n"
        parts.append(line)
        total += len(line.encode("utf-8"))
        i += 1
    p = folder / "big.txt"
    p.write_text("".join(parts), encoding="utf-8")
    return p


def lint_files(paths: list[Path]) -> tuple[float, int, int]:
    from gailint.config import Settings
    from gailint.engine.linter import Linter
    from gailint.engine.linter import tune_gc
    from gailint.textio import read_source

    tune_gc()  # as `gailint check` does
    linter = Linter.create()
    settings = Settings()
    nbytes = found = 0
    start = time.perf_counter()
    for p in paths:
        src = read_source(p)
        nbytes += len(src.text.encode("utf-8"))
        found += len(linter.lint(src.text, str(p), settings)[1])
    return time.perf_counter() - start, nbytes, found


def cold_start(path: Path, runs: int) -> list[float]:
    # An installed gailint has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module on every start (~70 ms).
    compileall.compile_dir(ROOT / "gailint", quiet=1)
    compileall.compile_dir(ROOT / "rules", quiet=1)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gailint", "check", "--output-format", "concise", str(path)], capture_output=True)
        times.append(time.perf_counter() - t)
    return times


def _check_folder(folder: Path, *args: str) -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "gailint", "check", "--output-format", "concise", *args, "."],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t


def folders(sizes: list[int], workers: int) -> None:
    from corpus import make_repository

    for size in sizes:
        with tempfile.TemporaryDirectory() as d:
            folder = Path(d)
            paths = make_repository(folder, size)
            mb = sum(p.stat().st_size for p in paths) / 1e6
            print(f"`gailint check <folder>`: {size} reports, {mb:.1f} MB, {workers} cores")
            if size <= 2000:
                secs = lint_files(paths)[0]
                print(f"  one by one in one process (yardstick): {secs:.1f} s, {size / secs:.0f} files/s")
                one = _check_folder(folder, "--no-cache", "--jobs", "1")
                print(f"  cold, --jobs 1: {one:.1f} s, {size / one:.0f} files/s ({one / secs:.2f}x the yardstick)")
            else:
                one = _check_folder(folder, "--no-cache", "--jobs", "1")
                print(f"  cold, --jobs 1: {one:.1f} s, {size / one:.0f} files/s")
            cold = _check_folder(folder, "--no-cache")
            print(f"  cold, --jobs {workers}: {cold:.1f} s, {size / cold:.0f} files/s")
            _check_folder(folder)  # fills .gailint_cache
            warm = statistics.median(_check_folder(folder) for _ in range(3))
            print(f"  warm (cache), --jobs {workers}: {warm:.2f} s, {size / warm:.0f} files/s (median of 3)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--cold-runs", type=int, default=10)
    ap.add_argument("--passes", type=int, default=3, help="passes over the corpus (the median is reported)")
    ap.add_argument("--folders", default="2000,20000", help="sizes of the repositories checked with `gailint check`")
    ap.add_argument("--only", choices=("lint", "folders"), help="run only one part")
    args = ap.parse_args()
    # The interpreter's build matters (a distribution's profile-guided build runs gailint
    # ~11 % faster than one compiled without it): say which one ran.
    print(f"interpreter: Python {sys.version.split()[0]} ({sys.executable})")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    if args.only != "lint":
        from gailint.cli.parallel import default_jobs

        folders([int(n) for n in args.folders.split(",") if n], default_jobs())
        if args.only == "folders":
            return
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        corpus = make_corpus(folder, args.files)
        big = make_big(folder)
        lint_files(corpus[:20])  # warm imports and regex caches
        runs = [lint_files(corpus) for _ in range(args.passes)]
        nbytes, found = runs[0][1], runs[0][2]
        secs = statistics.median(r[0] for r in runs)
        print(f"corpus: {len(corpus)} files, {nbytes / 1e6:.1f} MB, {found} diagnostics")
        print(f"  {len(corpus) / secs:.0f} files/s, {nbytes / 1e6 / secs:.2f} MB/s (one core; median of {len(runs)} passes,"
              f" first pass {len(corpus) / runs[0][0]:.0f} files/s)")
        big_secs, big_bytes, big_found = lint_files([big])
        print(f"1 MB report: {big_bytes / 1e6:.2f} MB linted in {big_secs * 1000:.0f} ms ({big_found} diagnostics)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (max RSS): {peak:.0f} MB")
        times = cold_start(SEEDS[3], args.cold_runs)
        print(f"cold `gailint check` of one report: median {statistics.median(times) * 1000:.0f} ms, "
              f"min {min(times) * 1000:.0f} ms over {len(times)} runs")


if __name__ == "__main__":
    main()
