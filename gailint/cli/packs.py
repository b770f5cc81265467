"""``gailint packs``: the rule packs gailint found, which are in use, and their versions."""

from __future__ import annotations

import argparse
import json
import sys

from gailint.cli.common import add_config_argument, fail, make_linter, report_pack_errors
from gailint.config import ConfigError
from gailint.engine.pack import Pack

_KIND = {"python": "Python", "toml": "TOML"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    add_config_argument(p)


def pack_dict(pack: Pack, in_use: bool) -> dict:
    return {
        "name": pack.name,
        "version": pack.version,
        "kind": pack.kind,
        "source": pack.source,
        "default": pack.info.default,
        "enabled": in_use,
        "description": pack.info.description,
        "province": pack.info.province,
        "rules": list(pack.rules),
        "overrides": sorted(pack.overrides),
        "sources": list(pack.info.sources),
    }


def status(pack: Pack, in_use: bool, config: str) -> str:
    if pack.info.default:
        return "默认启用"
    return f"已启用（{config}）" if in_use else "未启用"


def run(args: argparse.Namespace) -> int:
    try:
        linter = make_linter(args.config)
    except ConfigError as exc:
        return fail(str(exc))
    in_use = set(linter.packs_for(linter.base))
    errors = report_pack_errors(linter)
    packs = list(linter.registry.packs.values())
    failed = linter.registry.failed
    if args.output_format == "json":
        out = [pack_dict(p, p.name in in_use) for p in packs]
        out += [{"name": name, "error": why} for name, why in failed.items()]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 2 if errors else 0
    config = linter.base.source.name if linter.base.source else "配置"
    for p in packs:
        head = f"{p.name} {p.version or '（无版本）'} · {_KIND[p.kind]} · {status(p, p.name in in_use, config)}"
        sys.stdout.write(head + "\n")
        about = "，".join(x for x in (p.info.province, p.info.description) if x)
        if about:
            sys.stdout.write(f"    {about}\n")
        parts = [f"规则：{_codes(p.rules)}" if p.rules else "规则：无（只提供词表或修改）"]
        if p.overrides:
            parts.append(f"修改：{'、'.join(sorted(p.overrides))}")
        parts.append(f"来源：{p.source}")
        sys.stdout.write("    " + " · ".join(parts) + "\n")
    for name, why in failed.items():
        sys.stdout.write(f"{name} · 无法加载\n    {why}\n")
    sys.stdout.write(
        f"\n共 {len(packs)} 个规则包。在配置中写 packs = [\"henan\", \"rules/ours.toml\"] 启用规则包；"
        "`gailint rules` 列出每条规则。\n"
    )
    return 2 if errors else 0


def _codes(codes: list[str]) -> str:
    ordered = sorted(codes)
    if len(ordered) > 4:
        return f"{ordered[0]}…{ordered[-1]}（{len(ordered)} 条）"
    return "、".join(ordered)
