"""``gailint`` command line: one module per subcommand, imported only when it runs."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from gailint import __version__

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2

# name -> (module, summary)
COMMANDS = {
    "check": ("gailint.cli.check", "检查报告（文件或文件夹）"),
    "inspect": ("gailint.cli.inspect", "显示 gailint 对一份报告的理解（表格、年度、章节）"),
    "rules": ("gailint.cli.rules", "列出所有已注册的规则"),
    "packs": ("gailint.cli.packs", "列出规则包：版本、是否启用、提供的规则"),
    "explain": ("gailint.cli.explain", "显示一条规则的说明"),
    "server": ("gailint.cli.server", "启动语言服务器（LSP）"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, like ruff
        self.print_usage(sys.stderr)
        sys.stderr.write(f"gailint: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gailint", description="政府信息公开工作年度报告的合规检查工具")
    parser.add_argument("--version", action="version", version=f"gailint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, summary) in COMMANDS.items():
        p = sub.add_parser(name, help=summary, description=summary)
        importlib.import_module(module).add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def _tolerant_streams() -> None:
    """Output to a terminal or pipe whose encoding cannot write every character (GBK,
    ASCII, Latin-1) replaces what it cannot encode instead of raising."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=errors)
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot be reconfigured
                pass


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return importlib.import_module(args._module).run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
