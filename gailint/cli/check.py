"""``gailint check``: lint files, folders or stdin; optionally fix them."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from gailint.cli.common import add_config_argument, fail, make_linter, report_pack_errors
from gailint.config import ConfigError
from gailint.engine.diagnostics import Diagnostic, Severity
from gailint.output.escape import visible
from gailint.positions import PositionEncoding

# Column units of the text and concise headers; None = code points (the default).
COLUMN_UNITS = {"code-point": None, "byte": PositionEncoding.UTF8, "utf-16": PositionEncoding.UTF16}

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="文件或文件夹；- 表示标准输入（默认：当前文件夹）")
    p.add_argument("--output-format", choices=("text", "concise", "json"), default="text")
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
    p.add_argument("--stdin-filename", metavar="NAME", help="从标准输入读取，按这个文件名查找配置和 per-file-ignores")
    p.add_argument("--fix", action="store_true", help="应用所有安全的修复并写回文件")
    p.add_argument("--diff", action="store_true", help="显示修复会做的改动（unified diff），不写文件")
    p.add_argument("--year", type=int, help="报告年度（文本中找不到年度时使用）")
    p.add_argument("--quiet", "-q", action="store_true", help="只输出问题，不输出汇总")


@dataclass
class FileResult:
    path: str
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _collect(paths: list[str], linter) -> tuple[list[str], list[str]]:
    files: list[str] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    path = os.path.join(root, name)
                    settings = linter.settings_for(path)
                    if any(Path(name).match(pat) for pat in settings.include) and not settings.excluded(path):
                        files.append(path)
        elif p.is_file():
            files.append(raw)  # named explicitly: checked whatever its extension
        else:
            missing.append(raw)
    return files, missing


def run(args: argparse.Namespace) -> int:
    from gailint.engine.linter import tune_gc

    tune_gc()
    if args.column_unit != "code-point" and args.output_format == "json":
        return fail("--column-unit 只用于 text 和 concise 输出；json 的列号和偏移量总是以字符计")
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
    extra_select = _codes(args.extend_select) or ()
    extra_ignore = _codes(args.ignore) or ()

    from gailint.textio import SourceChanged, SourceError, encode_text, read_source, read_stdin, write_source

    stdin = args.stdin_filename is not None or args.paths == ["-"]
    paths = args.paths or ["."]
    results: list[FileResult] = []
    status = 0
    explicit = getattr(linter, "explicit_config", None)

    def settings_for(path: str | None):
        nonlocal status
        s = linter.settings_for(path, explicit)
        if extra_select or extra_ignore:
            s = s.merged(select=s.select + extra_select, ignore=s.ignore + extra_ignore)
        linter.packs_for(s)
        if report_pack_errors(linter):
            status = 2
        return s

    try:
        if stdin:
            name = args.stdin_filename or "-"
            sources = [read_stdin(name)]
            missing: list[str] = []
        else:
            files, missing = _collect(paths, linter)
            sources = []
            for f in files:
                try:
                    sources.append(read_source(f))
                except SourceError as exc:
                    sys.stderr.write(f"gailint: error: {f}: {exc}\n")
                    status = 2
        for m in missing:
            sys.stderr.write(f"gailint: error: {m}: 文件或文件夹不存在\n")
            status = 2
        from gailint.engine.workspace import Workspace

        workspace = Workspace(lambda text, p: linter.parse(text, p, settings_for(p)))
        nb = workspace.neighbours
        for src in sources:
            path = src.path
            lint_path = None if path == "-" else path
            settings = settings_for(lint_path)
            _, diags = linter.lint(src.text, lint_path, settings, neighbours=nb)
            if args.fix or args.diff:
                from gailint.engine.fixes import fix_to_point

                result = fix_to_point(src.text, lambda t: linter.lint(t, lint_path, settings, neighbours=nb)[1], diags)
                if result.text != src.text:
                    if args.diff:
                        _print_diff(path, src.text, result.text)
                    elif stdin:
                        _write_stdout(encode_text(src, result.text))  # the input's encoding and BOM
                    else:
                        try:
                            write_source(src, result.text)
                        except SourceError as exc:
                            changed = isinstance(exc, SourceChanged)
                            why = "文件在检查期间被修改，未写入修复" if changed else str(exc)
                            sys.stderr.write(f"gailint: error: {visible(path)}: {visible(why)}\n")
                            status = 2
                            # Nothing was written: report the text that is on disk.
                            results.append(FileResult(path, src.text, diags))
                            continue
                    if not args.quiet and not args.diff:
                        sys.stderr.write(f"{visible(path)}: 已修复 {len(result.applied)} 个问题\n")
                if result.skipped and not args.quiet:
                    codes = "、".join(sorted({d.code for d in result.skipped}))
                    sys.stderr.write(f"{visible(path)}: {len(result.skipped)} 个修复与其他修复重叠，未应用（{codes}）\n")
                if args.diff:
                    continue
                _, diags = linter.lint(result.text, lint_path, settings, neighbours=nb)
                results.append(FileResult(path, result.text, diags))
            else:
                results.append(FileResult(path, src.text, diags))
    except ConfigError as exc:
        return fail(str(exc))
    except SourceError as exc:
        return fail(f"{exc.path or '-'}: {exc}")

    if args.diff:
        return status
    if not (args.fix and stdin):
        from gailint import output

        output.write(
            args.output_format, results, sys.stdout, fixable_hint=not args.fix, column_unit=COLUMN_UNITS[args.column_unit]
        )
    fail_level = Severity.parse(args.fail_on)
    if any(d.severity >= fail_level for r in results for d in r.diagnostics):
        status = max(status, 1) if status != 2 else 2
    return status


def _write_stdout(data: bytes) -> None:
    """Bytes to standard output, as they are (or as text where there is no buffer)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        buffer.write(data)
        buffer.flush()


def _print_diff(path: str, old: str, new: str) -> None:
    diff = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    terminal = sys.stdout.isatty()
    for line in diff:
        if terminal:  # shown, not obeyed; a diff into a file or a pipe stays exact
            line = visible(line, keep="\r\n\t")
        sys.stdout.write(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
