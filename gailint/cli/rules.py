"""``gailint rules``: every registered rule."""

from __future__ import annotations

import argparse
import json
import sys

from gailint.cli.common import add_config_argument, fail, make_linter
from gailint.config import ConfigError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    add_config_argument(p)


def rule_dict(rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "severity": rule.severity.label,
        "fixable": rule.fixable,
        "fix": rule.fix,
        "fix_safety": rule.fix_safety,
        "pack": rule.pack,
        "tags": list(rule.tags),
        "options": {k: v for k, v in rule.options.items()},
        "url": rule.docs_url,
    }


def run(args: argparse.Namespace) -> int:
    try:
        linter = make_linter(args.config)
    except ConfigError as exc:
        return fail(str(exc))
    rules = linter.registry.sorted()
    if args.output_format == "json":
        json.dump([rule_dict(r) for r in rules], sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    for r in rules:
        fix = ("[*]" if r.fix_safety == "safe" else "[-]") if r.fixable else "   "
        sys.stdout.write(f"{r.code}  {fix} {r.name:<26} {r.severity.label:<8} {r.pack:<10} {r.summary}\n")
    sys.stdout.write(f"\n共 {len(rules)} 条规则；[*] 表示可自动修复，[-] 表示修复不安全（需 --unsafe-fixes）。用 `gailint explain CODE` 查看说明。\n")
    return 0
