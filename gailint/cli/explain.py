"""``gailint explain CODE``: a rule's documentation."""

from __future__ import annotations

import argparse
import json
import sys

from gailint.cli.common import add_config_argument, fail, make_linter
from gailint.cli.rules import rule_dict
from gailint.config import ConfigError

_FIX = {"always": "可自动修复", "sometimes": "部分情况可自动修复", "never": "不提供自动修复"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("code", metavar="CODE", help="规则代码（如 GAI302）或名称（如 results-total）")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    add_config_argument(p)


_SAFETY = {
    "safe": "修复是安全的：`gailint check --fix` 和编辑器的保存时修复会应用它",
    "unsafe": "修复是不安全的（会改变数字或陈述事实）：只在 `--unsafe-fixes` 或配置 `unsafe-fixes = true` 时应用；"
    "编辑器中作为单独的快速修复提供",
}


def render(rule) -> str:
    head = f"# {rule.name} ({rule.code})\n\n默认级别：{rule.severity.label} · {_FIX[rule.fix]} · 规则包：{rule.pack}\n"
    if rule.fix != "never":
        head += f"{_SAFETY[rule.fix_safety]}。\n"
    if rule.docs_url:
        head += f"说明网页：{rule.docs_url}\n"
    return head + "\n" + rule.docs.strip() + "\n"


def run(args: argparse.Namespace) -> int:
    try:
        linter = make_linter(args.config)
    except ConfigError as exc:
        return fail(str(exc))
    rule = linter.registry.get(args.code)
    if rule is None:
        return fail(f"未知的规则“{args.code}”；用 `gailint rules` 列出所有规则")
    if args.output_format == "json":
        d = rule_dict(rule)
        d["docs"] = rule.docs
        json.dump(d, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(rule))
    return 0
