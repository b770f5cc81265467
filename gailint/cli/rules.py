"""``gailint rules``: every registered rule."""

from __future__ import annotations

import argparse
import json
import sys

from gailint.cli.common import add_config_argument, fail, make_linter, report_pack_errors
from gailint.config import ConfigError


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    add_config_argument(p)


def rule_dict(rule, registry=None, in_use=None) -> dict:
    pack = registry.packs.get(rule.pack) if registry is not None else None
    out = {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "severity": rule.severity.label,
        "fixable": rule.fixable,
        "fix": rule.fix,
        "pack": rule.pack,
        "tags": list(rule.tags),
        "options": {k: v for k, v in rule.options.items()},
        "url": rule.docs_url,
    }
    if pack is not None:
        out["pack_version"] = pack.version
    if in_use is not None:
        out["enabled"] = rule.pack in in_use
    return out


def run(args: argparse.Namespace) -> int:
    try:
        linter = make_linter(args.config)
    except ConfigError as exc:
        return fail(str(exc))
    registry = linter.registry
    in_use = set(linter.packs_for(linter.base))
    status = 2 if report_pack_errors(linter) else 0
    rules = registry.sorted()
    if args.output_format == "json":
        out = [rule_dict(r, registry, in_use) for r in rules]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return status
    used = [r for r in rules if r.pack in in_use]
    unused = [r for r in rules if r.pack not in in_use]
    for r in used:
        sys.stdout.write(_line(r, registry))
    if unused:
        sys.stdout.write("\n未启用的规则包中的规则（在配置的 packs 中加入规则包名即可启用）：\n")
        for r in unused:
            sys.stdout.write(_line(r, registry))
    sys.stdout.write(
        f"\n启用 {len(used)} 条规则，共 {len(rules)} 条；[*] 表示可自动修复。"
        "用 `gailint explain CODE` 查看说明，`gailint packs` 查看规则包。\n"
    )
    return status


def _line(rule, registry) -> str:
    fix = "[*]" if rule.fixable else "   "
    pack = registry.packs.get(rule.pack)
    label = f"{rule.pack} {pack.version}" if pack is not None and pack.version else rule.pack
    return f"{rule.code}  {fix} {rule.name:<26} {rule.severity.label:<8} {label:<16} {rule.summary}\n"
