"""``gailint check``: lint files, folders or stdin; optionally fix them.

The run, in order: collect the files (:mod:`gailint.cli.collect`); index every
report of the repositories they belong to, once (issuer and year, for the
cross-year rules); lint each file — from the cache when it is unchanged, in
worker processes when there are many (:mod:`gailint.cli.parallel`); write the
outcomes in the command line's order, in the chosen format.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gailint.cli.common import add_config_argument, fail, make_linter, report_pack_errors
from gailint.config import ConfigError
from gailint.engine.diagnostics import Severity
from gailint.output.escape import visible
from gailint.output import FORMATS
from gailint.positions import PositionEncoding

# Column units of the text and concise headers; None = code points (the default).
COLUMN_UNITS = {"code-point": None, "byte": PositionEncoding.UTF8, "utf-16": PositionEncoding.UTF16}

PROGRESS_MIN = 200  # files: below this a progress bar is noise
CROSS_YEAR_TAG = "cross-year"  # rules that read other reports (ctx.neighbours)
CHECK_KEEP = 8  # parsed reports a folder run keeps for their successors (see _index)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="文件或文件夹；- 表示标准输入（默认：当前文件夹）")
    p.add_argument("--output-format", choices=tuple(FORMATS), default="text", help="输出格式（默认 text）")
    p.add_argument("-o", "--output-file", metavar="FILE", help="把结果写入文件而不是标准输出")
    p.add_argument(
        "--column-unit",
        choices=tuple(COLUMN_UNITS),
        default="code-point",
        help="text/concise 输出的列号单位：code-point（默认，字符）、byte（UTF-8 字节，Vim 的 %%c）、utf-16",
    )
    p.add_argument("--select", metavar="CODES", help="只启用这些规则（逗号分隔的代码或前缀，如 GAI3,GAI701）")
    p.add_argument("--extend-select", metavar="CODES", help="在配置之外再启用这些规则")
    p.add_argument("--ignore", metavar="CODES", help="停用这些规则（逗号分隔）")
    add_config_argument(p)
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning", help="达到该级别的问题使退出码为 1（默认 warning）")
    p.add_argument("--exit-zero", action="store_true", help="发现问题时退出码也为 0（无法读取的文件仍为 2）")
    p.add_argument("--stdin-filename", metavar="NAME", help="从标准输入读取，按这个文件名查找配置和 per-file-ignores")
    p.add_argument("--fix", action="store_true", help="应用所有安全的修复并写回文件")
    p.add_argument(
        "--unsafe-fixes", action=argparse.BooleanOptionalAction, default=None,
        help="也应用不安全的修复（会改变数字或陈述事实，如把总计改为各项之和）；默认按配置 unsafe-fixes",
    )
    p.add_argument("--diff", action="store_true", help="显示修复会做的改动（unified diff），不写文件；有改动时退出码为 1")
    p.add_argument("--show-fixes", action="store_true", help="显示每个修复改动的行；与 --fix 一起时列出已修复的问题")
    p.add_argument("--statistics", action="store_true", help="只输出每条规则的问题数")
    p.add_argument("--summary", action="store_true", help="只输出按发布机关和年度汇总的问题数")
    p.add_argument(
        "--force-exclude", action=argparse.BooleanOptionalAction, default=None,
        help="命令行直接指定的文件也按配置的 exclude 排除（pre-commit 钩子使用）",
    )
    p.add_argument("-j", "--jobs", type=int, metavar="N", help="并行的进程数（默认：CPU 核数）")
    p.add_argument("--no-cache", action="store_true", help="不读也不写 .gailint_cache/")
    p.add_argument("--year", type=int, help="报告年度（文本中找不到年度时使用）")
    p.add_argument("--quiet", "-q", action="store_true", help="只输出问题，不输出修复信息、说明和进度")


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def run(args: argparse.Namespace) -> int:
    from gailint.engine.linter import tune_gc

    tune_gc()
    if args.column_unit != "code-point" and args.output_format not in ("text", "concise"):
        return fail(f"--column-unit 只用于 text 和 concise 输出；{args.output_format} 的列号和偏移量总是以字符计")
    overrides = {}
    if args.select:
        overrides["select"] = _codes(args.select)
    if args.year:
        overrides["year"] = args.year
    try:
        linter = make_linter(args.config, **overrides)
    except ConfigError as exc:
        return fail(str(exc))
    known = linter.known_codes
    for flag in ("select", "extend_select", "ignore"):
        for code in _codes(getattr(args, flag)) or ():
            if code != "ALL" and not any(k.startswith(code) for k in known):
                return fail(f"--{flag.replace('_', '-')}: 未知的规则代码“{code}”")
    if args.jobs is not None and args.jobs < 1:
        return fail("--jobs: 应为正整数")
    if args.statistics and args.summary:
        return fail("--statistics 与 --summary 只能选一个")
    try:
        return _Run(args, linter).run()
    except ConfigError as exc:
        return fail(str(exc))


class _Run:
    def __init__(self, args: argparse.Namespace, linter) -> None:
        self.args = args
        self.linter = linter
        self.explicit = getattr(linter, "explicit_config", None)
        self.extra_select = _codes(args.extend_select) or ()
        self.extra_ignore = _codes(args.ignore) or ()
        self._settings: dict[str | None, object] = {}
        self._merged: dict[int, object] = {}
        self.pack_errors = False  # a pack a config selects cannot be used: exit 2

    def settings_for(self, path: str | None):
        """The settings of ``path``'s folder (configs apply per folder), with the
        command line's --extend-select and --ignore."""
        folder = os.path.dirname(path) if path else None
        hit = self._settings.get(folder)
        if hit is not None:
            return hit
        folder_abs = os.path.dirname(os.path.abspath(path)) if path else None
        hit = self._settings.get(folder_abs)
        if hit is not None:
            self._settings[folder] = hit
            return hit
        s = self.linter.settings_for(path, self.explicit)
        if self.extra_select or self.extra_ignore:
            merged = self._merged.get(id(s))
            if merged is None or merged[0] is not s:
                merged = self._merged[id(s)] = (s, s.merged(select=s.select + self.extra_select, ignore=s.ignore + self.extra_ignore))
            s = merged[1]
        self.linter.packs_for(s)
        if report_pack_errors(self.linter):
            self.pack_errors = True
        self._settings[folder] = self._settings[folder_abs] = s
        return s

    def issuer_key(self, issuer: str | None, path: str | None) -> str | None:
        from gailint.engine.issuers import issuer_key, key_of

        settings = self.settings_for(path)
        return key_of(issuer, path, settings.issuer_map) if settings.issuers else issuer_key(issuer)

    # ------------------------------------------------------------------ run

    def run(self) -> int:
        from gailint.cli.checkfile import Job, RunState
        from gailint.cli.collect import collect

        args = self.args
        stdin = args.stdin_filename is not None or args.paths == ["-"]
        problems: list[tuple[str, str]] = []
        if stdin:
            from gailint.textio import SourceError, read_stdin

            name = args.stdin_filename or "-"
            try:
                source = read_stdin(name)
            except SourceError as exc:
                return fail(f"{name}: {exc}")
            jobs = [Job(0, name, None, source.text, source=source)]
        else:
            collected = collect(args.paths or ["."], self.settings_for, args.force_exclude)
            targets = collected.files
            jobs = [Job(i, t.path, t.stamp, fileid=t.fileid) for i, t in enumerate(targets)]
            problems = collected.problems

        cache = None if (args.no_cache or stdin) else self._open_cache()
        index = workspace = None
        if not stdin and self._cross_year():
            index, workspace, entries = self._index(targets, cache)
            for job, entry in zip(jobs, entries):
                if entry is not None:
                    job.group, job.ident = (entry.key, entry.identity.year), entry.ident

        fmt, options, stream, close = self._output()
        state = RunState(
            linter=self.linter,
            settings_for=self.settings_for,
            fmt=None if (args.statistics or args.summary or args.diff) else fmt,
            render_options=options,
            workspace=workspace,
            cache=cache,
            fingerprint=_Fingerprints() if cache is not None else None,
            neighbour_stamps=_neighbour_stamps(index) if (cache is not None and index is not None) else None,
            render_key=f"{args.output_format}|{int(options.color)}|{int(options.show_fixes)}",
            fix=args.fix,
            diff=args.diff,
            unsafe=args.unsafe_fixes,
            quiet=args.quiet,
            url_of={code: rule.docs_url for code, rule in self.linter.registry.rules.items()},
        )
        try:
            status = self._execute(state, jobs, problems, fmt, options, stream)
        except KeyboardInterrupt:
            sys.stderr.write("\ngailint: 已中断\n")
            return 130
        finally:
            close()
            if cache is not None:
                cache.save()
        return status

    def _cross_year(self) -> bool:
        seen = {id(s): s for s in [self.settings_for(None), *self._settings.values()]}
        return any(
            CROSS_YEAR_TAG in rule.tags for s in seen.values() for rule, _, _ in self.linter.selection(s, None).rules
        )

    def _index(self, targets, cache):
        from gailint.cli.parallel import default_jobs, identify_many
        from gailint.engine.workspace import Identity, ReportIndex, Workspace, identify_name, repository_root

        known = {}
        if cache is not None:
            known = {k: (Identity(v[0], v[1]), v[2]) for k, v in cache.load_identities().items()}
        index = ReportIndex(self.issuer_key, known)
        roots: dict[str, object] = {}
        entries = []
        # A file the cache does not remember is identified by its name, else by its head
        # and tail, read in parallel.
        identities: dict[str, object] = {}
        unknown: list[str] = []
        for t in targets:
            if t.st is not None and not index.remembers(t.path, t.st):
                named = identify_name(t.path)
                if named is not None:
                    identities[t.path] = named
                else:
                    unknown.append(t.path)
        identities.update(identify_many(unknown, self.args.jobs or default_jobs()))
        for t in targets:
            entries.append(index.add(t.path, t.st, identities.get(t.path)))
            folder = os.path.dirname(t.path)
            if folder not in roots:
                roots[folder] = repository_root(t.path, self.settings_for(t.path).root)
        for root in sorted(set(roots.values())):
            index.scan(root)

        def parse(text: str, path: str):
            return self.linter.parse(text, path, self.settings_for(path))

        # A folder is linted issuer by issuer, year after year (cli/parallel.py): last
        # year's report was the one linted just before. A few reports are kept, not the
        # editor's 64: every report kept alive made linting the next ones ~5 % slower.
        return index, Workspace(index, parse, keep=CHECK_KEEP), entries

    def _open_cache(self):
        from gailint.engine.cache import CACHE_DIR, ResultCache, code_stamp

        base = os.environ.get("GAILINT_CACHE_DIR")
        if base:
            folder = Path(base)
        else:
            root = self.explicit.parent if self.explicit is not None else Path.cwd()
            folder = root / CACHE_DIR
        packs = list(self.linter.registry.packs.values())
        modules = ["gailint", *(p.source.split(":")[0] for p in packs if p.kind == "python")]
        files = [p.source for p in packs if p.kind == "toml"]
        return ResultCache(folder, code_stamp(modules, files, [f"{p.name}={p.version}" for p in packs]))

    def _output(self):
        from gailint import __version__
        from gailint.output import RenderOptions, module
        from gailint.output.style import use_color

        args = self.args
        if args.output_file:
            stream = open(args.output_file, "w", encoding="utf-8", newline="")
            close = stream.close
        else:
            stream, close = sys.stdout, (lambda: None)
        rules = []
        if args.output_format == "sarif":
            from gailint.output.sarif import rule_descriptor

            rules = [rule_descriptor(r) for r in self.linter.registry.sorted()]
        options = RenderOptions(
            color=not args.output_file and args.output_format in ("text", "concise") and use_color(stream),
            show_fixes=args.show_fixes,
            fix_hint=not args.fix,
            rules=rules,
            version=__version__,
            column_unit=COLUMN_UNITS[args.column_unit],
        )
        return module(args.output_format), options, stream, close

    def _execute(self, state, jobs, problems, fmt, options, stream) -> int:
        from gailint.cli import parallel
        from gailint.cli.checkfile import Job, unreadable
        from gailint.output import Totals
        from gailint.output.summary import Summary

        args = self.args
        totals = Totals()
        counts: dict[str, list] = {}
        summary = Summary()
        status = 0
        changed = False
        fixed: list[tuple[str, list[str]]] = []
        progress = None
        if not args.quiet and len(jobs) >= PROGRESS_MIN and _isatty(sys.stderr):
            progress = parallel.Progress(len(jobs), sys.stderr)
        workers = args.jobs or parallel.default_jobs()
        # Paths that cannot be checked come first, as diagnostics in every format.
        first = [unreadable(state, Job(-1 - i, path), why) for i, (path, why) in enumerate(problems)]

        def parts():
            nonlocal status, changed
            outcomes = parallel.run(state, jobs, workers, progress)
            for o in [*first, *outcomes]:
                if o.messages or o.note:
                    if progress is not None:
                        sys.stderr.write("\r\x1b[K")
                    for m in o.messages:
                        sys.stderr.write(m)
                    if o.note and not args.quiet:
                        sys.stderr.write(f"gailint: note: {visible(o.path)}: {o.note}\n")
                status = max(status, o.status)
                changed = changed or o.changed
                if o.identity is not None and state.cache is not None:
                    state.cache.note_identity(*o.identity)
                if o.fixed:
                    fixed.append((o.path, o.fixed))
                if o.stdout is not None:
                    _write_stdout(o.stdout)
                _count(totals, counts, o)
                if args.summary:
                    summary.add(
                        o.path, o.issuer, self.issuer_key(o.issuer, o.path), o.year, o.tally,
                        unreadable=any(k[0] == "GAI003" for k in o.tally), skipped=o.note is not None,
                    )
                if o.part is not None:
                    yield o.part
            if progress is not None:
                progress.close()

        if args.diff:
            terminal = _isatty(stream)
            for part in parts():
                # Shown, not obeyed, on a terminal; a diff into a file or a pipe stays exact.
                stream.write(visible(part, keep="\r\n\t") if terminal else part)
        elif args.statistics or args.summary or (args.fix and jobs and jobs[0].text is not None):
            for _ in parts():
                pass
            if args.statistics:
                from gailint.output import statistics

                names = {c: r.name for c, r in self.linter.registry.rules.items()}
                statistics.write(counts, names, stream, as_json=args.output_format == "json")
            elif args.summary:
                summary.write(stream, as_json=args.output_format == "json")
        else:
            fmt.write(parts(), stream, totals, options)
        if fixed and args.show_fixes:
            _show_fixed(fixed, self.linter.registry.rules)

        if status == 2 or self.pack_errors:
            return 2
        if args.exit_zero:
            return 0
        if args.diff:
            return 1 if changed else 0
        fail_level = Severity.parse(args.fail_on)
        if any(n for sev, n in totals.by_severity.items() if sev >= fail_level):
            return 1
        return 0


def _count(totals, counts: dict[str, list], outcome) -> None:
    """Totals and per-code counts from an outcome's tally."""
    if outcome.note is not None:
        totals.skipped += 1
        return
    totals.files += 1
    by_severity = totals.by_severity
    for (code, severity, state), n in outcome.tally.items():
        sev = _SEVERITIES[severity]
        by_severity[sev] = by_severity.get(sev, 0) + n
        c = counts.get(code)
        if c is None:
            c = counts[code] = [0, 0, 0]
        c[0] += n
        if state == 1:
            totals.fixable += n
            c[1] += n
        elif state == 2:
            totals.unsafe += n
            c[2] += n


_SEVERITIES = {int(s): s for s in Severity}


def _show_fixed(fixed: list[tuple[str, list[str]]], rules) -> None:
    total = sum(len(codes) for _, codes in fixed)
    sys.stderr.write(f"已修复 {total} 个问题：\n")
    for path, codes in fixed:
        sys.stderr.write(f"- {path}:\n")
        for code in sorted(set(codes)):
            name = rules[code].name if code in rules else ""
            sys.stderr.write(f"    {codes.count(code)} × {code}（{name}）\n")


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output, as they are (as text where there is no buffer)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        buffer.write(data)
        buffer.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Fingerprints:
    """The settings part of a cache key, computed once per settings object."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[object, str]] = {}

    def __call__(self, settings) -> str:
        hit = self._seen.get(id(settings))
        if hit is None or hit[0] is not settings:
            from gailint.engine.cache import entry_key

            hit = self._seen[id(settings)] = (settings, entry_key(repr(settings)))
        return hit[1]


def _neighbour_stamps(index):
    """For a cache key: the stamps of the other reports of a file's issuer."""

    def stamps(job) -> str:
        key = job.group[0]
        if not key:
            return ""
        return "\n".join(f"{e.abs}\t{index.digest(e)}" for e in index.same_issuer(key) if e.ident != job.ident)

    return stamps
