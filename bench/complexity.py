"""Complexity bench: does any rule or parser stage take more than linear time?

    python bench/complexity.py                     # 10 K … 1 M characters, every case
    python bench/complexity.py --sizes 4000,64000  # what tests/test_complexity.py runs
    python bench/complexity.py --only spaces,years --budget 30

An editor plugin freezes on the one input that makes a regex backtrack or a loop
re-scan a slice. This script grows adversarial inputs — runs of spaces, tabs,
digits, 共计, “, 《, （, |, headings, years, dates, suppression comments… — inside
a real report (in section 一, in section 五, in table 三, as many short lines, and
with the whole report on one line, as web scrapes arrive) and times, per size:

- the whole lint (``Linter.lint`` with every rule selected), without a profiler;
- every rule, found in the rule registry (so a new pack is covered), and every
  function of the parser (``gailint/parse/``, ``gailint/read/``) and the engine,
  found by profiling the lint (so a new reader stage is covered unchanged);
- the fixes of one pass, every output format, and the language server's
  conversion of the diagnostics to LSP ranges.

A subject is *super-linear* when, between two sizes, its time grows faster than
the size to the power ``exponent`` (1.4 by default: linear is 1, quadratic 2; times
under ``floor`` count as ``floor``: noise), on a first measurement and again on a
second, quieter one.
A measurement that runs past ``budget`` seconds is stopped (SIGALRM interrupts
even a regex) and counts as super-linear. Exit status 1 when anything is.
"""

from __future__ import annotations

import argparse
import cProfile
import html
import io
import math
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_REPORT = ROOT / "tests" / "fixtures" / "001_c88faac3643766a2.txt"
SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)

# Source folders whose functions count as stages (a profiled function is attributed
# to the first folder its file lies in).
STAGE_FOLDERS = {
    "parse": ROOT / "gailint" / "parse",
    "read": ROOT / "gailint" / "read",
    "engine": ROOT / "gailint" / "engine",
    "model": ROOT / "gailint" / "model.py",
}


@dataclass(frozen=True)
class Filler:
    """A unit repeated to the wanted size, after ``prefix`` and before ``suffix``
    (the prefix wakes up the patterns that start from a keyword)."""

    name: str
    unit: str
    prefix: str = ""
    suffix: str = ""


FILLERS = (
    Filler("spaces", " ", "行政复议5件", "x"),
    Filler("tabs", "\t", "行政复议5件", "x"),
    Filler("digits", "1", "行政复议", "x"),
    Filler("numerals", "一", "行政复议", "x"),
    Filler("gongji", "共计", "行政复议"),
    Filler("quotes", "“", "意识不强，力度不够，"),
    Filler("titles", "《", "意识不强，力度不够，"),
    Filler("parens", "（"),
    Filler("pipes", "|"),
    Filler("years", "2022年"),
    Filler("dates", "2023年1月1日至"),
    Filler("suppressions", "<!-- gailint-disable GAI701 "),
    Filler("comments", "<!-- gailint-disable GAI701 --> "),
    Filler("comment-ends", " -->"),
    Filler("headings", "五、存在的主要问题及改进情况\n"),
    Filler("placeholders", "XX "),
    Filler("markup", "&nbsp;<p "),
    Filler("links", "/cms/a.jsp "),
    Filler("typos", "结症"),
    Filler("words", "政府", "<p>"),  # one long run of letters, on a line with markup
    Filler("furniture", " ", "当前位置", "x"),
    Filler("crumbs", " > 首页"),
    Filler("sentences", "政府信息公开工作取得了新的进展和成效。"),
    Filler("counts", "全年共受理政府信息公开申请15件，"),
    Filler("vague", "有待进一步加强，"),
    Filler("stops", "。"),
    Filler("breaks", "\r\n"),
    Filler("astral", "𠮷"),
)


# ------------------------------------------------------------------ inputs


@dataclass(frozen=True)
class Base:
    """The report the fillers go into, and where."""

    text: str
    section1: int  # offset of the first line of section 一's body
    section5: int
    table3: int  # offset of a line inside table 三

    @classmethod
    def load(cls, path: Path = BASE_REPORT) -> "Base":
        from gailint.parse import parse

        text = path.read_text(encoding="utf-8")
        report = parse(text, str(path))
        starts = report.index.starts

        def after_line_of(offset: int) -> int:
            line = report.index.line_of(offset) + 1
            return starts[line] if line < len(starts) else len(text)

        def body(number: int, default: int) -> int:
            s = report.section(number)
            return s.body.start if s is not None else default

        t3 = report.table3
        row = next(iter(t3.found_rows), None) if t3 is not None else None
        middle = after_line_of(len(text) // 2)
        return cls(
            text,
            body(1, middle),
            body(5, middle),
            after_line_of(row.label.span.start) if row is not None else middle,
        )


def _run(filler: Filler, size: int) -> str:
    count = max(1, (size - len(filler.prefix) - len(filler.suffix)) // len(filler.unit))
    return filler.prefix + filler.unit * count + filler.suffix


def _insert(text: str, at: int, line: str) -> str:
    return text[:at] + line + "\n" + text[at:]


def _as_html(text: str) -> str:
    body = "".join(f"<p>{html.escape(line, quote=False)}</p>\n" for line in text.split("\n"))
    return f"<!DOCTYPE html><html><head><title>年度报告</title></head><body><div>\n{body}</div></body></html>"


def _one_line(text: str) -> str:
    return text.replace("\r\n", "").replace("\n", "").replace("\r", "")


# Where a filler goes: place name -> (base, filler, size) -> text of about base + size.
PLACES: dict[str, Callable[[Base, Filler, int], str]] = {
    "section1": lambda b, f, n: _insert(b.text, b.section1, _run(f, n)),
    "section5": lambda b, f, n: _insert(b.text, b.section5, _run(f, n)),
    "table3": lambda b, f, n: _insert(b.text, b.table3, _run(f, n)),
    # Many short lines, each a small run.
    "lines": lambda b, f, n: _insert(
        b.text, b.section1, "\n".join([_run(f, 16 * len(f.unit) + len(f.prefix) + len(f.suffix))] * max(1, n // (16 * len(f.unit) + len(f.prefix) + len(f.suffix) + 1)))
    ),
    # A web scrape: the whole report on one line, the run in section 五.
    "oneline": lambda b, f, n: _one_line(b.text[: b.section5]) + _run(f, n) + _one_line(b.text[b.section5 :]),
    # An HTML page, a paragraph a line, the run a paragraph of its own in section 一.
    "html": lambda b, f, n: _as_html(_insert(b.text, b.section1, _run(f, n))),
}


@dataclass(frozen=True)
class Case:
    filler: Filler
    place: str

    @property
    def name(self) -> str:
        return f"{self.filler.name}@{self.place}"

    def text(self, base: Base, size: int) -> str:
        return PLACES[self.place](base, self.filler, size)


def cases(only: Iterable[str] = ()) -> list[Case]:
    wanted = set(only)
    out = []
    for f in FILLERS:
        for place in PLACES:
            case = Case(f, place)
            if not wanted or f.name in wanted or place in wanted or case.name in wanted:
                out.append(case)
    return out


# ------------------------------------------------------------------ measuring


class Timeout(BaseException):
    """A BaseException, so that the engine's GAI001 isolation (``except Exception``)
    does not swallow it inside a rule."""


def _alarm(signum, frame):  # noqa: ARG001
    raise Timeout()


def _timed(fn: Callable[[], object], budget: float) -> float:
    """Seconds ``fn`` takes; :class:`Timeout` past ``budget`` (interrupts C regex too)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Subjects:
    """What is timed, found at run time: rules from the registry, stages by folder."""

    linter: object
    settings: object
    rule_keys: dict[tuple[str, int, str], str] = field(default_factory=dict)  # code object -> rule code

    @classmethod
    def discover(cls, linter: object | None = None) -> "Subjects":
        """Every rule of ``linter``'s registry (default: the installed packs)."""
        from gailint.config import Settings
        from gailint.engine.linter import Linter, tune_gc

        tune_gc()  # as the CLI and the server do
        linter = linter or Linter.create()
        codes: dict[tuple[str, int, str], list[str]] = {}
        for code, rule in sorted(linter.registry.rules.items()):  # type: ignore[attr-defined]
            fn = getattr(rule.check, "__wrapped__", rule.check)
            c = fn.__code__
            codes.setdefault((c.co_filename, c.co_firstlineno, c.co_name), []).append(code)
        # A declarative pack's rules share one function (closures over each phrase):
        # the profile sees them as one subject, named after all of them.
        keys = {k: f"rule {v[0]}" if len(v) == 1 else f"rules {','.join(v)}" for k, v in codes.items()}
        return cls(linter, Settings(select=("ALL",)), keys)

    def stage_name(self, key: tuple[str, int, str]) -> str | None:
        filename, _, name = key
        if key in self.rule_keys:
            return self.rule_keys[key]
        path = Path(filename)
        for label, folder in STAGE_FOLDERS.items():
            if path == folder or folder in path.parents:
                return f"{label} {path.stem}.{name}"
        return None

    def measure(self, text: str, path: str, budget: float, repeats: int) -> dict[str, float]:
        """Seconds per subject for one input (min over ``repeats``)."""
        from gailint.engine.fixes import apply_edits, choose_fixes
        from gailint.output import FORMATS, FileResult, write

        linter, settings = self.linter, self.settings
        out: dict[str, float] = {}

        def keep(name: str, seconds: float) -> None:
            out[name] = min(out.get(name, math.inf), seconds)

        def timed(name: str, fn: Callable[[], object]) -> None:
            try:
                keep(name, _timed(fn, budget))
            except Timeout:
                keep(name, math.inf)

        for _ in range(repeats):
            box: dict[str, object] = {}

            def lint() -> None:
                box["r"] = linter.lint(text, path, settings)  # type: ignore[attr-defined]

            keep("lint", _timed(lint, budget))  # a Timeout here ends the case (see run)
            profile = cProfile.Profile()

            def profiled() -> None:
                profile.enable()
                try:
                    linter.lint(text, path, settings)  # type: ignore[attr-defined]
                finally:
                    profile.disable()

            _timed(profiled, budget * 4)
            profile.create_stats()
            for key, (_, _, _, cum, _) in profile.stats.items():  # type: ignore[attr-defined]
                name = self.stage_name(key)
                if name is not None:
                    keep(name, cum)
            _, diagnostics = box["r"]  # type: ignore[misc]

            def fixes() -> None:
                chosen, _ = choose_fixes(diagnostics)
                apply_edits(text, [e for d in chosen for e in d.fix.edits])

            timed("fixes one pass", fixes)
            result = FileResult(path, text, diagnostics)
            for fmt in FORMATS:
                timed(f"output {fmt}", lambda fmt=fmt: write(fmt, [result], io.StringIO(), show_fixes=True))
            try:
                from gailint.positions import PositionEncoding, Positions
                from gailint.server.diagnostics import to_lsp_all
            except ImportError:  # pragma: no cover - the server's dependencies are optional here
                continue
            timed(
                "server lsp ranges",
                lambda: to_lsp_all(diagnostics, Positions(text), PositionEncoding.UTF16, 1),
            )
        return out

    def culprits(self, text: str, path: str, budget: float) -> list[str]:
        """The subjects that alone run past ``budget`` on ``text``."""
        from gailint.engine.rule import RuleContext

        linter, settings = self.linter, self.settings
        slow = []
        try:
            report = [None]
            _timed(lambda: report.__setitem__(0, linter.parse(text, path, settings)), budget)  # type: ignore[attr-defined]
        except Timeout:
            return ["parse"]
        for code, rule in sorted(linter.registry.rules.items()):  # type: ignore[attr-defined]
            ctx = RuleContext(options=dict(rule.options), settings=settings)
            try:
                _timed(lambda: list(rule.check(report[0], ctx)), budget)
            except Timeout:
                slow.append(f"rule {code}")
            except Exception:  # a crash is GAI001's business, not this bench's
                pass
        return slow


# Functions that only call the others: not named as the slowest stage.
_AGGREGATES = (" linter.lint", " runner.run_rules", " __init__.parse")


@dataclass
class Finding:
    case: str
    subject: str
    small: int
    large: int
    t_small: float
    t_large: float

    def __str__(self) -> str:
        if self.small == self.large:
            return f"{self.case}: {self.subject}: more than {_ms(self.t_small)} at {_k(self.large)}"
        growth = "timeout" if math.isinf(self.t_large) else f"×{self.t_large / max(self.t_small, 1e-9):.0f}"
        return (
            f"{self.case}: {self.subject}: {_ms(self.t_small)} at {_k(self.small)} → {_ms(self.t_large)} at "
            f"{_k(self.large)} ({growth} for ×{self.large / self.small:.0f} the input)"
        )


def _ms(seconds: float) -> str:
    if math.isinf(seconds):
        return "timeout"
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.0f} s"


def _k(n: int) -> str:
    return f"{n // 1_000_000} M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000} K"


def superlinear(
    case: str, times: dict[int, dict[str, float]], *, exponent: float, floor: float
) -> list[Finding]:
    """Subjects whose time grows faster than size ** ``exponent`` between two sizes."""
    sizes = sorted(times)
    found: dict[str, Finding] = {}
    for small, large in zip(sizes, sizes[1:]):
        for subject, t_large in times[large].items():
            t_small = times[small].get(subject, 0.0)
            if t_large <= floor and not math.isinf(t_large):
                continue
            if math.isinf(t_large) or t_large > max(t_small, floor) * (large / small) ** exponent:
                if subject in found:
                    continue
                found[subject] = Finding(case, subject, small, large, t_small, t_large)
    # The lint and the functions that only call others grow with their culprit:
    # name them only when nothing more precise was found.
    precise = [f for f in found.values() if f.subject != "lint" and not f.subject.endswith(_AGGREGATES)]
    return precise or list(found.values())


@dataclass
class Run:
    sizes: tuple[int, ...]
    totals: dict[str, dict[int, float]] = field(default_factory=dict)  # case -> size -> lint seconds
    worst: dict[str, tuple[str, float]] = field(default_factory=dict)  # case -> slowest stage at the top size
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0


def run(
    sizes: Iterable[int] = SIZES,
    *,
    only: Iterable[str] = (),
    budget: float = 60.0,
    exponent: float = 1.4,
    floor: float = 0.002,
    repeats: int | None = None,
    progress: Callable[[str], None] | None = None,
    subjects: Subjects | None = None,
) -> Run:
    sizes = tuple(sorted(sizes))
    started = time.perf_counter()
    subjects = subjects or Subjects.discover()
    base = Base.load()
    result = Run(sizes)
    for case in cases(only):
        times: dict[int, dict[str, float]] = {}
        for size in sizes:
            text = case.text(base, size)
            # Small inputs are noisy: best of three; big ones are slow: once.
            reps = repeats or (3 if size <= 100_000 else 1)
            try:
                times[size] = subjects.measure(text, "report.txt", budget, reps)
            except Timeout:
                result.totals.setdefault(case.name, {})[size] = math.inf
                # Name the culprit: time the parse and each rule alone.
                slow = subjects.culprits(text, "report.txt", budget) or ["lint"]
                result.findings.extend(Finding(case.name, s, size, size, budget, math.inf) for s in slow)
                break
            result.totals.setdefault(case.name, {})[size] = times[size]["lint"]
        found = superlinear(case.name, times, exponent=exponent, floor=floor)
        if found and all(not math.isinf(f.t_large) for f in found):
            # Confirm on a second, quieter measurement (best of three at both sizes):
            # a pause of the machine or the garbage collector is no complexity class.
            try:
                again = {n: subjects.measure(case.text(base, n), "report.txt", budget, 3) for n in times}
                confirmed = {f.subject for f in superlinear(case.name, again, exponent=exponent, floor=floor)}
                found = [f for f in found if f.subject in confirmed]
            except Timeout:
                pass
        result.findings.extend(found)
        top = times[max(times)] if times else {}
        stages = {k: v for k, v in top.items() if k != "lint" and not k.endswith(_AGGREGATES)}
        if stages:
            name = max(stages, key=stages.__getitem__)
            result.worst[case.name] = (name, stages[name])
        if progress is not None:
            progress(_row(case.name, sizes, result.totals[case.name], result.worst.get(case.name)))
    result.seconds = time.perf_counter() - started
    return result


def _row(name: str, sizes: tuple[int, ...], totals: dict[int, float], worst: tuple[str, float] | None) -> str:
    cells = "".join(f"{_ms(totals[s]) if s in totals else '-':>10}" for s in sizes)
    tail = f"   {worst[0]} {_ms(worst[1])}" if worst else ""
    return f"{name:<24}{cells}{tail}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated sizes in characters")
    p.add_argument("--only", default="", help="fillers, places or cases (spaces, oneline, years@section1)")
    p.add_argument("--budget", type=float, default=60.0, help="seconds before one measurement is stopped")
    p.add_argument("--exponent", type=float, default=1.4, help="allowed growth: time ∝ size ** exponent (default 1.4)")
    args = p.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",") if s)
    print(f"gailint lint time (all rules) per input size; python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'case':<24}" + "".join(f"{_k(s):>10}" for s in sizes) + "   slowest stage at the largest size")
    result = run(sizes, only=[s for s in args.only.split(",") if s], budget=args.budget, exponent=args.exponent, progress=print)
    per_mb = [
        t[max(t)] / (max(t) / 1_000_000) for t in result.totals.values() if t and not math.isinf(t[max(t)])
    ]
    print()
    if per_mb:
        print(f"slowest case at the largest size: {_ms(max(per_mb))} per 1 M characters")
    if result.findings:
        print(f"{len(result.findings)} super-linear (time grows faster than size ** {args.exponent}):")
        for f in result.findings:
            print(f"  {f}")
    else:
        print(f"every subject within size ** {args.exponent} in {len(result.totals)} cases ({result.seconds:.0f} s)")
    return 1 if result.findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
