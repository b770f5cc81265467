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

# For the totals, --statistics and --summary, a file's diagnostics are counted by
# (code, severity, fix state): small to send back from a worker.
FIX_NONE, FIX_APPLICABLE, FIX_UNSAFE = 0, 1, 2
Tally = dict[tuple[str, int, int], int]


@dataclass
class Job:
    index: int  # position in the output
    path: str  # as named; for stdin the --stdin-filename or "-"
    stamp: tuple[int, int] | None = None
    text: str | None = None  # standard input, already read
    source: Any = None  # standard input's SourceFile: --fix writes its encoding and BOM back
    fileid: tuple[int, int, int] | None = None  # (size, mtime_ns, inode): the cache trusts it
    group: tuple[str | None, int | None] = (None, None)  # (issuer key, year) from the report index
    ident: tuple[int, int] | None = None  # (device, inode)


@dataclass
class Outcome:
    index: int
    path: str
    part: Any = None  # the output format's rendering of this file
    tally: Tally = field(default_factory=dict)
    issuer: str | None = None
    year: int | None = None
    note: str | None = None  # why the file was skipped
    messages: list[str] = field(default_factory=list)  # for stderr, in order
    status: int = 0  # 2: the file could not be read or written
    changed: bool = False  # --fix wrote it, or --diff would change it
    fixed: list[str] = field(default_factory=list)  # codes of the applied fixes
    stdout: bytes | None = None  # fixed standard input (check - --fix), in its own encoding
    # (absolute path, stamp, issuer, year, content digest): for the cache's index
    identity: tuple[str, tuple[int, int], str | None, int | None, str | None] | None = None


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
    neighbour_stamps: Callable[[Job], str] | None = None
    render_key: str = ""  # output format and options: a cached rendering is reused only for the same
    fix: bool = False
    diff: bool = False
    unsafe: bool | None = None  # --unsafe-fixes / --no-unsafe-fixes; None: the config decides
    quiet: bool = False
    url_of: dict[str, str | None] = field(default_factory=dict)


# --------------------------------------------------------------------- cache payload
# {"r": looks like a report, "i": issuer, "y": year, "d": diagnostics, "p": {render key: part}}


def _pack(report_like: bool, issuer: str | None, year: int | None, diagnostics: list[Diagnostic]) -> dict:
    return {
        "r": report_like,
        "i": issuer,
        "y": year,
        "d": [
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
        "p": {},
    }


def _valid(payload: Any) -> bool:
    # The shape only: a malformed diagnostic inside fails its unpacking, a miss.
    return isinstance(payload, dict) and isinstance(payload.get("d"), list) and isinstance(payload.get("p"), dict)


def _unpack(items: list, path: str, url_of: dict[str, str | None]) -> list[Diagnostic] | None:
    try:
        out = []
        for code, name, sev, message, start, end, fix in items:
            f = None
            if fix is not None:
                title, safe, edits = fix
                f = Fix(title, tuple(Edit(a, b, new) for a, b, new in edits), bool(safe))
            out.append(Diagnostic(code, name, Severity(sev), message, Span(start, end), f, path, url_of.get(code)))
        return out
    except (TypeError, ValueError):
        return None  # not what this version wrote: lint again


def _packed_tally(items: list, unsafe: bool) -> Tally:
    out: Tally = {}
    for code, _, sev, _, _, _, fix in items:
        state = FIX_NONE
        if fix is not None and fix[2]:
            state = FIX_APPLICABLE if fix[1] or unsafe else FIX_UNSAFE
        k = (code, sev, state)
        out[k] = out.get(k, 0) + 1
    return out


# --------------------------------------------------------------------- the work


def _tally(diagnostics: list[Diagnostic], unsafe: bool) -> Tally:
    out: Tally = {}
    for d in diagnostics:
        state = FIX_NONE
        if d.fix is not None and d.fix.edits:
            state = FIX_APPLICABLE if d.fix.safe or unsafe else FIX_UNSAFE
        k = (d.code, int(d.severity), state)
        out[k] = out.get(k, 0) + 1
    return out


def _read(job: Job) -> tuple[bytes | None, str | None]:
    """(the file's bytes, None) or (None, why it cannot be read)."""
    from gailint.engine.files import read_regular

    try:
        return read_regular(job.path), None
    except OSError as exc:
        return None, exc.strerror or str(exc)


def _decode(job: Job, data: bytes | None) -> tuple[Any, str | None]:
    """(SourceFile, None) or (None, why it cannot be decoded)."""
    from gailint.textio import SourceError, SourceFile, source_from_bytes

    if job.text is not None:
        if job.source is not None:
            return job.source, None
        return SourceFile(job.path, job.text, "utf-8", "\n", ""), None
    try:
        return source_from_bytes(job.path, data or b""), None
    except SourceError as exc:
        return None, _zh_decode(exc.message)


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
        from gailint.output.escape import visible

        out.messages.append(f"gailint: error: {visible(job.path)}: {visible(d.message)}\n")
    return out


def check(state: RunState, job: Job) -> Outcome:
    stdin = job.text is not None
    lint_path = None if job.path == "-" else job.path
    settings = state.settings_for(lint_path)
    unsafe = settings.unsafe_fixes if state.unsafe is None else state.unsafe
    out = Outcome(job.index, job.path)
    data: bytes | None = None
    digest: str | None = None

    absolute = context = group = None
    if state.cache is not None and not stdin and state.fingerprint is not None:
        from gailint.engine.cache import entry_key

        absolute = os.path.abspath(job.path)
        group = job.group[0] or "file:" + absolute  # an issuer's reports together, else alone
        nb = state.neighbour_stamps(job) if state.neighbour_stamps else ""
        context = entry_key(job.path, state.fingerprint(settings), nb)
        entry = state.cache.get(group, absolute, context)
        if entry is not None and _valid(entry.payload):
            if job.fileid is None or not entry.fresh_by_stamp(job.fileid):
                data, why = _read(job)
                if data is None:
                    return unreadable(state, job, why or "")
                digest = _digest(data)
                if digest != entry.digest:
                    entry = None
            if entry is not None and (state.fix or state.diff):
                if any(d[6] is not None and d[6][2] and (d[6][1] or unsafe) for d in entry.payload["d"]):
                    entry = None  # there is something to fix: lint for real
            if entry is not None:
                try:
                    return _from_cache(state, job, data, out, entry, unsafe, (group, absolute, context))
                except (TypeError, ValueError, IndexError, KeyError):
                    out = Outcome(job.index, job.path)  # an entry this version did not write: lint

    if data is None and not stdin:
        data, why = _read(job)
        if data is None:
            return unreadable(state, job, why or "")
    if data is not None and digest is None:
        digest = _digest(data)
        if state.workspace is not None and job.stamp is not None:
            state.workspace.index.remember_digest(job.path, job.stamp, digest)
    src, why = _decode(job, data)
    if src is None:
        return unreadable(state, job, why or "")
    report, diagnostics = state.linter.lint(src.text, lint_path, settings, neighbours=state.workspace)
    from gailint.engine.linter import looks_like_report

    def store(packed: dict) -> None:
        if absolute is not None and context is not None and digest is not None:
            state.cache.put(group, absolute, context, digest, job.fileid or (), packed)

    report_like = looks_like_report(report) or stdin
    out.issuer, out.year = report.issuer, report.year
    if state.workspace is not None and lint_path and job.stamp is not None:
        state.workspace.remember(report, job.stamp)
    if absolute is not None and job.stamp is not None:
        out.identity = (absolute, job.stamp, report.issuer, report.year, digest)
    if not report_like and not stdin:  # standard input comes from an editor: always linted
        out.note = NOT_A_REPORT
        store(_pack(False, report.issuer, report.year, []))
        return out

    text = src.text
    if state.fix or state.diff:
        text, diagnostics = _fix(state, job, src, lint_path, settings, unsafe, diagnostics, out)
        if state.diff or (stdin and state.fix):
            return out
    out.tally = _tally(diagnostics, unsafe)
    packed = None
    if absolute is not None and not out.fixed:
        packed = _pack(True, report.issuer, report.year, diagnostics)
    if state.fmt is not None:
        from gailint.output import FileResult

        # The parser's line index fits the text when neither the reader nor a fix changed it.
        index = report.index if report.source is None and text is src.text else None
        out.part = state.fmt.render(FileResult(job.path, text, diagnostics, unsafe, index), state.render_options)
        if packed is not None:
            packed["p"][_render_key(state, unsafe)] = out.part
    if packed is not None:
        store(packed)
    return out


NOT_A_REPORT = "不像年度报告（没有标题、章节标题或表格），已跳过"


def _render_key(state: RunState, unsafe: bool) -> str:
    return f"{state.render_key}|{int(unsafe)}"


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _from_cache(
    state: RunState, job: Job, data: bytes | None, out: Outcome, entry: Any, unsafe: bool, where: tuple[str, str, str]
) -> Outcome:
    """An unchanged file: its diagnostics, and usually its rendering, from the cache."""
    group, absolute, context = where
    payload = entry.payload
    out.issuer, out.year = payload.get("i"), payload.get("y")
    if job.stamp is not None:
        out.identity = (absolute, job.stamp, out.issuer, out.year, entry.digest)
    if not payload.get("r"):
        out.note = NOT_A_REPORT
        return out
    out.tally = _packed_tally(payload["d"], unsafe)
    if state.fmt is None:
        return out
    rk = _render_key(state, unsafe)
    part = payload["p"].get(rk)
    if part is None:
        from gailint.output import FileResult

        if data is None:
            data, why = _read(job)
            if data is None:
                return unreadable(state, job, why or "")
        src, why = _decode(job, data)
        if src is None:
            return unreadable(state, job, why or "")
        diagnostics = _unpack(payload["d"], job.path, state.url_of) or []
        part = state.fmt.render(FileResult(job.path, src.text, diagnostics, unsafe), state.render_options)
        payload["p"][rk] = part
        state.cache.put(group, absolute, context, entry.digest, job.fileid or (), payload)
    out.part = part
    return out


def _fix(
    state: RunState, job: Job, src: Any, lint_path: str | None, settings: Settings, unsafe: bool,
    diagnostics: list[Diagnostic], out: Outcome,
) -> tuple[str, list[Diagnostic]]:
    from gailint.engine.fixes import fix_to_point
    from gailint.output.escape import visible
    from gailint.textio import SourceChanged, SourceError, encode_text, write_source

    linter = state.linter

    def lint(t: str) -> list[Diagnostic]:
        return linter.lint(t, lint_path, settings, neighbours=state.workspace)[1]

    result = fix_to_point(src.text, lint, diagnostics, unsafe=unsafe)
    stdin = job.text is not None
    if result.text != src.text:
        out.changed = True
        if state.diff:
            out.part = unified_diff(job.path, src.text, result.text)
        else:
            try:
                if stdin:
                    out.stdout = encode_text(src, result.text)  # the input's encoding and BOM
                else:
                    write_source(src, result.text)
            except SourceError as exc:
                why = "文件在检查期间被修改，未写入修复" if isinstance(exc, SourceChanged) else str(exc)
                out.messages.append(f"gailint: error: {visible(job.path)}: {visible(why)}\n")
                out.status = 2
                # Nothing was written: what is reported is the text on disk.
                return src.text, diagnostics
        if not state.quiet and not state.diff:
            out.messages.append(f"{visible(job.path)}: 已修复 {len(result.applied)} 个问题\n")
        out.fixed = [d.code for d in result.applied]
    if result.skipped and not state.quiet:
        codes = "、".join(sorted({d.code for d in result.skipped}))
        out.messages.append(f"{visible(job.path)}: {len(result.skipped)} 个修复与其他修复重叠，未应用（{codes}）\n")
    if state.diff or stdin:
        return result.text, []
    return result.text, lint(result.text) if result.applied else diagnostics


def unified_diff(path: str, old: str, new: str) -> str:
    diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in diff)
