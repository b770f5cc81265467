"""``gailint server``: the language server (pygls is imported only here)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stdio", action="store_true", help="通过标准输入输出通信（默认）")
    p.add_argument("--tcp", metavar="HOST:PORT", help="通过 TCP 通信，例如 127.0.0.1:2087")


def run(args: argparse.Namespace) -> int:
    from gailint.server import main

    return main(tcp=args.tcp)
