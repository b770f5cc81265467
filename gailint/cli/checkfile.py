"""One file of a ``gailint check`` run: read, lint (or take the cached result),
fix or diff, render. Runs in the CLI's process or in a worker (``--jobs``); what
it returns (:class:`Outcome`) is small and picklable, and the parent writes the
outcomes in the order of the command line.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gailint.config import Settings
from gailint.engine.diagnostics import Diagnostic, Edit, Fix, Severity
from gailint.model import Span

# Per diagnostic, for the totals, --statistics and --summary: (code, severity, fix state).
FIX_NONE, FIX_APPLICABLE, FIX_UNSAFE = 0, 1, 2


@dataclass
class Job:
    index: int  # position in the output
    path: str  # as named; for stdin the --stdin-filename or "-"
    stamp: tuple[int, int] | None = None
    text: str | None = None  # standard input, already read


@dataclass
class Outcome:
    index: int
    path: str
    part: Any = None  # the output format's rendering of this file
    tally: list[tuple[str, int, int]] = field(default_factory=list)
    issuer: str | None = None
    key: str | None = None
    year: int | None = None
    note: str | None = None  # why the file was skipped
    messages: list[str] = field(default_factory=list)  # for stderr, in order
    status: int = 0  # 2: the file could not be read or written
    changed: bool = False  # --fix wrote it, or --diff would change it
    fixed: list[str] = field(default_factory=list)  # codes of the applied fixes
    stdout: str | None = None  # fixed text of standard input (check - --fix)
    cache: tuple[str, str, Any, Any, Any] | None = None  # (real, key, payload, identity, stamp)


@dataclass
class RunState:
    """What every file of a run shares (inherited by forked workers)."""

    linter: Any
    settings_for: Callable[[str | None], Settings]
    fmt: Any  # the output module, or None for --statistics / --summary
    render_options: Any
    workspace: Any = None
    cache: Any = None
    fingerprint: Callable[[Settings], str] | None = None
    neighbour_stamps: Callable[[str | None, str], list] | None = None
    issuer_key: Callable[[str | None, str | None], str | None] | None = None
    fix: bool = False
    diff: bool = False
    unsafe: bool | None = None  # --unsafe-fixes / --no-unsafe-fixes; None: the config decides
    quiet: bool = False
    url_of: dict[str, str | None] = field(default_factory=dict)


# --------------------------------------------------------------------- cache payload


def _pack(report_like: bool, issuer: str | None, year: int | None, diagnostics: list[Diagnostic]) -> list:
    return [
        report_like,
        issuer,
        year,
        [
            [
                d.code,
                d.name,
                int(d.severity),
                d.message,
                d.span.start,
                d.span.end,
                None if d.fix is None else [d.fix.title, d.fix.safe, [[e.start, e.end, e.new] for e in d.fix.edits]],
            ]
            for d in diagnostics
        ],
    ]


def _unpack(payload: Any, path: str, url_of: dict[str, str | None]) -> tuple[bool, str | None, int | None, list[Diagnostic]] | None:
    try:
        report_like, issuer, year, items = payload
        out = []
        for code, name, sev, message, start, end, fix in items:
            f = None
            if fix is not None:
                title, safe, edits = fix
                f = Fix(title, tuple(Edit(a, b, new) for a, b, new in edits), bool(safe))
            out.append(Diagnostic(code, name, Severity(sev), message, Span(start, end), f, path, url_of.get(code)))
        return bool(report_like), issuer, year, out
    except (TypeError, ValueError):
        return None  # not what this version wrote: lint again


# --------------------------------------------------------------------- the work


def _tally(diagnostics: list[Diagnostic], unsafe: bool) -> list[tuple[str, int, int]]:
    out = []
    for d in diagnostics:
        state = FIX_NONE
        if d.fix is not None and d.fix.edits:
            state = FIX_APPLICABLE if d.fix.safe or unsafe else FIX_UNSAFE
        out.append((d.code, int(d.severity), state))
    return out


def _read(job: Job) -> tuple[Any, str | None]:
    """(SourceFile, None) or (None, why it cannot be read)."""
    from gailint.engine.files import read_regular
    from gailint.textio import SourceError, source_from_bytes

    try:
        if job.text is not None:
            from gailint.textio import SourceFile

            return SourceFile(job.path, job.text, "utf-8", "\n", ""), None
        data = read_regular(job.path)
        return source_from_bytes(job.path, data), None
    except SourceError as exc:
        return None, _zh_decode(exc.message)
    except OSError as exc:
        return None, exc.strerror or str(exc)


def _zh_decode(message: str) -> str:
    if "UTF-8 or GB18030" in message or "BOM" in message:
        return f"编码无法识别（应为 UTF-8 或 GB18030）：{message}"
    return message


def unreadable(state: RunState, job: Job, why: str) -> Outcome:
    from gailint.engine.runner import io_error
    from gailint.output import FileResult

    d = io_error(why, job.path, state.url_of.get("GAI003"))
    out = Outcome(job.index, job.path, status=2, tally=_tally([d], False))
    if state.fmt is not None:
        out.part = state.fmt.render(FileResult(job.path, None, [d]), state.render_options)
    else:  # --diff, --statistics, --summary: still one clear line
        out.messages.append(f"gailint: error: {job.path}: {d.message}\n")
    return out


def check(state: RunState, job: Job) -> Outcome:
    src, why = _read(job)
    if src is None:
        return unreadable(state, job, why or "")
    stdin = job.text is not None
    lint_path = None if job.path == "-" else job.path
    settings = state.settings_for(lint_path)
    unsafe = settings.unsafe_fixes if state.unsafe is None else state.unsafe
    out = Outcome(job.index, job.path)
    linter = state.linter

    cached = None
    real = key = None
    if state.cache is not None and not stdin and state.fingerprint is not None:
        import hashlib

        from gailint.engine.cache import entry_key

        real = os.path.realpath(job.path)
        digest = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
        nb = state.neighbour_stamps(lint_path, real) if state.neighbour_stamps else []
        key = entry_key(digest, job.path, state.fingerprint(settings), nb)
        payload = state.cache.get(real, key)
        if payload is not None:
            cached = _unpack(payload, job.path, state.url_of)
            if cached is not None and (state.fix or state.diff) and any(
                d.fix is not None and (d.fix.safe or unsafe) for d in cached[3]
            ):
                cached = None  # there is something to fix: lint for real

    if cached is not None:
        report_like, issuer, year, diagnostics = cached
    else:
        report, diagnostics = linter.lint(src.text, lint_path, settings, neighbours=state.workspace)
        from gailint.engine.linter import looks_like_report

        report_like, issuer, year = looks_like_report(report), report.issuer, report.year
        if state.workspace is not None and lint_path and job.stamp is not None:
            state.workspace.remember(report, job.stamp)
        if real is not None and key is not None:
            out.cache = (real, key, _pack(report_like, issuer, year, diagnostics), [issuer, year], list(job.stamp or (0, 0)))
    out.issuer, out.year = issuer, year
    out.key = (state.issuer_key or linter.issuer_key)(issuer, lint_path)
    if not report_like:
        out.note = "不像年度报告（没有标题、章节标题或表格），已跳过"
        return out

    text = src.text
    if state.fix or state.diff:
        text, diagnostics = _fix(state, job, src, lint_path, settings, unsafe, diagnostics, out)
        if state.diff or (stdin and state.fix):
            return out
    out.tally = _tally(diagnostics, unsafe)
    if state.fmt is not None:
        from gailint.output import FileResult

        out.part = state.fmt.render(FileResult(job.path, text, diagnostics, unsafe), state.render_options)
    return out


def _fix(
    state: RunState, job: Job, src: Any, lint_path: str | None, settings: Settings, unsafe: bool,
    diagnostics: list[Diagnostic], out: Outcome,
) -> tuple[str, list[Diagnostic]]:
    from gailint.engine.fixes import fix_to_point
    from gailint.textio import SourceChanged, SourceError, write_source

    linter = state.linter

    def lint(t: str) -> list[Diagnostic]:
        return linter.lint(t, lint_path, settings, neighbours=state.workspace)[1]

    result = fix_to_point(src.text, lint, diagnostics, unsafe=unsafe)
    stdin = job.text is not None
    if result.text != src.text:
        out.changed = True
        if state.diff:
            out.part = unified_diff(job.path, src.text, result.text)
        elif stdin:
            out.stdout = result.text
        else:
            try:
                write_source(src, result.text)
            except SourceChanged:
                out.messages.append(f"gailint: error: {job.path}: 文件在检查期间被修改，未写入修复\n")
                out.status = 2
                return src.text, diagnostics
            except SourceError as exc:
                out.messages.append(f"gailint: error: {job.path}: {exc}\n")
                out.status = 2
                return src.text, diagnostics
        if not state.quiet and not state.diff:
            out.messages.append(f"{job.path}: 已修复 {len(result.applied)} 个问题\n")
        out.fixed = [d.code for d in result.applied]
    if result.skipped and not state.quiet:
        codes = "、".join(sorted({d.code for d in result.skipped}))
        out.messages.append(f"{job.path}: {len(result.skipped)} 个修复与其他修复重叠，未应用（{codes}）\n")
    if state.diff or stdin:
        return result.text, []
    return result.text, lint(result.text) if result.applied else diagnostics


def unified_diff(path: str, old: str, new: str) -> str:
    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in diff)
