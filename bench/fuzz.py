"""Fuzz the whole lint with mutated real reports (a script: it runs for minutes).

    python bench/fuzz.py                          # 100,000 inputs on every core
    python bench/fuzz.py --examples 2000 --jobs 1 # a quick look

Hypothesis draws a real report (the seeds in tests/fixtures, and the corpus in
../shared/corpus when it is there), lays it out as plain text, Markdown, CRLF or
CR-only text, one line (a web scrape) or an HTML page, then mutates it: deletes,
duplicates and swaps stretches, inserts runs of what breaks parsers (digits, 共计,
“, 《, （, |, tabs, headings, years, suppression comments, tags, entities,
control and astral characters), and now and then repeats a piece hundreds of times.
Each input is linted with every rule selected, and:

- nothing raises and no rule crashes (no GAI001);
- every diagnostic's span and every fix edit lies inside the text;
- every diagnostic converts to LSP ranges and prints in the text format;
- one safe fix, applied alone, changes nothing outside its edits and clears its
  diagnostic (none of that rule and message is left where the fix was, or fewer
  of them are left at all);
- the lint takes at most 1 s per 100 KB (0.3 s at least, for timing noise).

The first failure of a worker stops it; the input is saved under bench/out/fuzz/ and
named in the output (``--shrink`` lets hypothesis shrink it first: minutes for a big
input). Every 500 inputs each worker records how far it got, and on which commit, in
bench/out/fuzz/progress-N.json. Exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "fuzz"
CORPUS = Path(os.environ.get("GAILINT_CORPUS", ROOT.parent / "shared" / "corpus"))

SECONDS_PER_100KB = 1.0
MIN_LIMIT = 0.3  # seconds: below this a slow input is timing noise

# What breaks parsers, inserted or repeated by the mutations.
PIECES = (
    " ", "\t", "\u3000", "\u00a0", "\n", "\r\n", "\r", "0", "1", "12", "2023", "2022年", "2024年1月25日",
    "共计", "合计", "总计", "件", "一", "两", "十三", "“", "”", "《", "》", "（", "）", "(", ")", "|", "|||",
    "、", "。", "，", "：", "一、总体情况\n", "五、存在的主要问题及改进情况\n", "六、其他需要报告的事项\n",
    "（七）总计", "本年新收政府信息公开申请数量", "行政复议", "政府信息公开申请", "申请人", "其中",
    "<!-- gailint-disable GAI701 -->", "<!-- gailint-disable ", "<!-- gailint-enable -->", "-->",
    "<p>", "</p>", "<td>", "<table>", "<br>", "&nbsp;", "&amp;nbsp;", "&#12288;", "<", ">", "&",
    "当前位置：首页 > ", "打印本页", "XX", "××", "（文字描述）", "/cms/a.jsp", "结症", "**", "## ",
    "\x1b[31m", "\x00", "\u202e", "\ufeff", "𠮷", "😀", "\ud800",
)


def load_reports() -> list[str]:
    paths = sorted((ROOT / "tests" / "fixtures").glob("0*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))
    from gailint.textio import read_source

    return [read_source(p).text for p in paths]


# ------------------------------------------------------------------ layouts


def as_html(text: str) -> str:
    """A web page as a CMS would serve it: furniture around, rows of tab-separated
    cells as a table, every other line a paragraph."""
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>',
           '<div class="nav">首页 &gt; 政务公开</div><script>var a = "<p>";</script>']
    rows: list[str] = []

    def flush() -> None:
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows.clear()

    for line in text.splitlines():
        if "\t" in line:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>")
            continue
        flush()
        out.append(f"<p>{html.escape(line)}</p>")
    flush()
    out.append('<div class="footer">版权所有 打印本页 关闭窗口</div></body></html>')
    return "\n".join(out)


LAYOUTS = {
    "text": (lambda t: t, "r.txt"),
    "markdown": (lambda t: t, "r.md"),
    "crlf": (lambda t: t.replace("\r\n", "\n").replace("\n", "\r\n"), "r.txt"),
    "cr": (lambda t: t.replace("\r\n", "\n").replace("\n", "\r"), "r.txt"),
    "oneline": (lambda t: t.replace("\r\n", "").replace("\n", "").replace("\r", ""), "r.txt"),
    "oneline-spaced": (lambda t: " ".join(t.splitlines()), "r.txt"),
    "html": (as_html, "r.html"),
    "html-as-txt": (as_html, "r.txt"),
    "nameless": (lambda t: t, None),
}


# ------------------------------------------------------------------ mutations


@dataclass(frozen=True)
class Mutation:
    kind: str  # delete, duplicate, insert, swap, repeat, truncate
    at: float  # where, as a fraction of the text
    length: int
    piece: str
    times: int

    def apply(self, text: str) -> str:
        n = len(text)
        a = int(self.at * n)
        b = min(n, a + self.length)
        if self.kind == "delete":
            return text[:a] + text[b:]
        if self.kind == "duplicate":
            return text[:b] + text[a:b] + text[b:]
        if self.kind == "insert":
            return text[:a] + self.piece * self.times + text[a:]
        if self.kind == "swap":
            c = min(n, b + self.length)
            return text[:a] + text[b:c] + text[a:b] + text[c:]
        if self.kind == "repeat":  # a piece of the report itself, hundreds of times
            return text[:b] + text[a:b] * self.times + text[b:]
        return text[:a]  # truncate


def strategies():
    from hypothesis import strategies as st

    reports = load_reports()
    piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=6))
    mutation = st.builds(
        Mutation,
        kind=st.sampled_from(["delete", "duplicate", "insert", "insert", "swap", "repeat", "truncate"]),
        at=st.floats(0, 1),
        length=st.integers(0, 400),
        piece=piece,
        times=st.one_of(st.integers(1, 4), st.integers(1, 4), st.integers(50, 600)),
    )
    # Few mutations most of the time; "truncate" and big repeats only now and then.
    return st.tuples(
        st.sampled_from(range(len(reports))),
        st.sampled_from(sorted(LAYOUTS)),
        st.lists(mutation, max_size=6),
        st.booleans(),  # mutate after laying out (broken tags), or before
        st.randoms(use_true_random=False),
    ), reports


def make_input(case, reports) -> tuple[str, str | None, str]:
    index, layout, mutations, after, rnd = case
    lay, path = LAYOUTS[layout]
    text = reports[index]
    if not after:
        for m in mutations:
            text = m.apply(text)
    text = lay(text)
    if after:
        for m in mutations:
            text = m.apply(text)
    if len(text) > 400_000:  # keep an input's lint under a second or two
        start = rnd.randrange(len(text) - 400_000)
        text = text[start : start + 400_000]
    return text, path, layout


# ------------------------------------------------------------------ the checks


class Failure(AssertionError):
    pass


@dataclass
class Checker:
    linter: object
    settings: object
    stats: Counter
    every_fix: bool = False  # --replay: every safe fix, not one drawn at random

    def check(self, text: str, path: str | None, layout: str, rnd: random.Random) -> None:
        from gailint.output import FileResult, RenderOptions, module
        from gailint.positions import PositionEncoding, Positions

        started = time.perf_counter()
        _, diags = self.linter.lint(text, path, self.settings)  # type: ignore[attr-defined]
        seconds = time.perf_counter() - started
        size = len(text.encode("utf-8", "surrogatepass"))
        limit = max(MIN_LIMIT, SECONDS_PER_100KB * size / 100_000)
        if seconds > limit:
            # Once more, to tell a pause of the machine from a slow input.
            started = time.perf_counter()
            self.linter.lint(text, path, self.settings)  # type: ignore[attr-defined]
            seconds = min(seconds, time.perf_counter() - started)
            if seconds > limit:
                raise Failure(f"slow: {seconds:.2f} s for {size / 1000:.0f} KB ({layout})")
        self.stats["inputs"] += 1
        self.stats["bytes"] += size
        self.stats[f"layout {layout}"] += 1
        if size >= 50_000:
            rate = seconds / size * 100_000
            self.stats["max ms per 100 KB (inputs ≥ 50 KB)"] = max(self.stats["max ms per 100 KB (inputs ≥ 50 KB)"], round(rate * 1000))
        crashed = [d.message for d in diags if d.code == "GAI001"]
        if crashed:
            raise Failure(f"rule crashed: {crashed[0]}")
        n = len(text)
        for d in diags:
            if not 0 <= d.span.start <= d.span.end <= n:
                raise Failure(f"{d.code} span {d.span} outside the text (length {n})")
            for e in d.fix.edits if d.fix else ():
                if not 0 <= e.start <= e.end <= n:
                    raise Failure(f"{d.code} fix edit {e.start}–{e.end} outside the text (length {n})")
        self.stats["diagnostics"] += len(diags)
        positions = Positions(text)
        for d in diags:
            positions.to_range(d.span.start, d.span.end, PositionEncoding.UTF16)
        for fmt in ("text", "json"):
            module(fmt).render(FileResult(path or "-", text, diags), RenderOptions(show_fixes=True))
        fixable = [d for d in diags if d.fix is not None and d.fix.safe and d.fix.edits]
        if not fixable:
            return
        for d in (fixable if self.every_fix else [rnd.choice(fixable)]):
            self.check_fix(text, path, diags, d)

    def check_fix(self, text: str, path: str | None, diags: list, d) -> None:
        """``d``'s fix, applied alone, changes only its edits and clears ``d``."""
        from gailint.engine.fixes import apply_edits

        n = len(text)
        fixed = apply_edits(text, d.fix.edits)  # type: ignore[union-attr]
        first = min(e.start for e in d.fix.edits)  # type: ignore[union-attr]
        last = max(e.end for e in d.fix.edits)  # type: ignore[union-attr]
        tail = n - last
        if fixed[:first] != text[:first] or fixed[len(fixed) - tail :] != text[last:]:
            raise Failure(f"{d.code} fix changed text outside its edits")
        # Cleared: nothing says the same where the fix was, or fewer say it at all (a
        # fix may let the reader or a rule see something new elsewhere, e.g. a scraped
        # line split anew; that is not this diagnostic coming back).
        again = self.linter.lint(fixed, path, self.settings)[1]  # type: ignore[attr-defined]
        same = [x for x in again if (x.code, x.message) == (d.code, d.message)]
        region = (first, last + len(fixed) - n)
        still_there = [x for x in same if x.span.start <= region[1] and x.span.end >= region[0]]
        before = sum(1 for x in diags if (x.code, x.message) == (d.code, d.message))
        if still_there and len(same) >= before:
            raise Failure(f"{d.code} fix did not clear its diagnostic ({before} before, {len(same)} after): {d.message}")
        self.stats["fixes checked"] += 1


# ------------------------------------------------------------------ workers


def _save(text: str, path: str | None) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    out = OUT / f"{name}{Path(path).suffix if path else '.txt'}"
    out.write_bytes(text.encode("utf-8", "surrogatepass"))
    return out


def _progress(job: int, commit: str, examples: int, stats: Counter, failure: str | None = None) -> None:
    """What a worker has checked so far, in bench/out/fuzz/progress-N.json: a run cut
    short (a long run outlives a working day) still shows how far it got, on which commit."""
    OUT.mkdir(parents=True, exist_ok=True)
    state = {"commit": commit, "job": job, "of": examples, "inputs": stats["inputs"], "bytes": stats["bytes"],
             "fixes checked": stats["fixes checked"], "failure": failure, "updated": time.strftime("%Y-%m-%d %H:%M:%S")}
    tmp = OUT / f".progress-{job}.json"
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(OUT / f"progress-{job}.json")


def worker(job: int, examples: int, shrink: bool = False) -> tuple[Counter, str | None]:
    from hypothesis import HealthCheck, Phase, given, seed, settings

    from gailint.config import Settings
    from gailint.engine.linter import Linter, tune_gc

    tune_gc()
    strategy, reports = strategies()
    stats: Counter = Counter()
    checker = Checker(Linter.create(), Settings(select=("ALL",)), stats)
    last: dict[str, object] = {}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    @seed(job)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        print_blob=False,
    )
    @given(strategy)
    def fuzz(case) -> None:
        text, path, layout = make_input(case, reports)
        last.update(text=text, path=path)
        try:
            checker.check(text, path, layout, case[4])
        except Failure:
            raise
        except Exception as exc:
            raise Failure(f"raised {type(exc).__name__}: {exc}\n{traceback.format_exc()}") from exc
        if stats["inputs"] % 500 == 0:
            _progress(job, commit, examples, stats)

    try:
        fuzz()
    except Exception as exc:
        saved = _save(last["text"], last["path"])  # type: ignore[arg-type]
        failure = f"{exc}\n  (shrunk input saved as {saved}, path {last['path']!r})"
        _progress(job, commit, examples, stats, failure)
        return stats, failure
    _progress(job, commit, examples, stats)
    return stats, None


def replay(files: list[str]) -> int:
    """Run the checks on inputs saved by an earlier run (after a fix, to confirm it)."""
    from gailint.config import Settings
    from gailint.engine.linter import Linter

    checker = Checker(Linter.create(), Settings(select=("ALL",)), Counter(), every_fix=True)
    failed = 0
    for name in files:
        text = Path(name).read_bytes().decode("utf-8", "surrogatepass")
        path = "r" + Path(name).suffix  # as the run named it (saved under its suffix)
        try:
            checker.check(text, path, "replay", random.Random(0))
            print(f"{name}: passes ({checker.stats['fixes checked']} fixes checked so far)")
        except Exception as exc:  # a Failure, or the lint raised
            failed += 1
            print(f"{name}: FAILURE: {exc}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--examples", type=int, default=100_000, help="inputs in all (default 100,000)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--shrink", action="store_true", help="shrink a failing input (slow on big inputs)")
    p.add_argument("--replay", nargs="+", metavar="FILE", help="check saved inputs again (every safe fix of each)")
    args = p.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    jobs = max(1, min(args.jobs, args.examples))
    share = [args.examples // jobs + (1 if i < args.examples % jobs else 0) for i in range(jobs)]
    started = time.perf_counter()
    print(f"fuzzing {args.examples:,} inputs on {jobs} processes; reports: {len(load_reports())}", flush=True)
    if jobs == 1:
        results = [worker(0, share[0], args.shrink)]
    else:
        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            results = pool.starmap(worker, [(i, n, args.shrink) for i, n in enumerate(share)])
    total: Counter = Counter()
    failures = []
    for stats, failure in results:
        for k, v in stats.items():
            total[k] = max(total[k], v) if k.startswith("max") else total[k] + v
        if failure:
            failures.append(failure)
    minutes = (time.perf_counter() - started) / 60
    print(f"{total['inputs']:,} inputs ({total['bytes'] / 1e6:.0f} MB) in {minutes:.1f} min: "
          f"{total['diagnostics']:,} diagnostics, {total['fixes checked']:,} fixes applied and re-linted")
    for key in sorted(k for k in total if k.startswith("layout ")):
        print(f"  {key}: {total[key]:,}")
    if "max ms per 100 KB (inputs ≥ 50 KB)" in total:
        print(f"  slowest input of 50 KB or more: {total['max ms per 100 KB (inputs ≥ 50 KB)']} ms per 100 KB")
    for f in failures:
        print(f"FAILURE: {f}")
    if not failures:
        print("no crash, no span out of range, no bad fix, no input slower than 1 s per 100 KB")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
