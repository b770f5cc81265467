"""Load rule packs through pluggy: entry points of the ``gailint`` group.

The shipped national pack is one of those entry points, exactly like a third-party
pack; the engine knows no rule by name. ``allow``/``deny`` (from the config) name
packs by their entry-point name.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pluggy

from gailint.engine import hookspecs
from gailint.engine.rule import Rule

ENTRY_POINT_GROUP = "gailint"


class PluginError(Exception):
    """A pack that cannot be loaded or that breaks the contract."""


@dataclass
class Registry:
    """Every loaded rule by code, with the pack it came from."""

    rules: dict[str, Rule] = field(default_factory=dict)
    by_name: dict[str, Rule] = field(default_factory=dict)
    packs: dict[str, str] = field(default_factory=dict)  # pack name -> module
    vocabulary: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    available: tuple[str, ...] = ()  # every installed pack's name, loaded or not

    def unknown_packs(self, names: Iterable[str] | None) -> list[str]:
        """Names in ``names`` (an allow or deny list) that no installed pack has."""
        return [n for n in names or () if n not in self.available]

    def unknown_packs_message(self, names: Iterable[str]) -> str:
        listed = "、".join(f"“{n}”" for n in names)
        have = "、".join(self.available) or "（无）"
        return f"没有安装名为{listed}的规则包；已安装的有：{have}"

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        return self.rules.get(key.upper()) or self.by_name.get(key.lower())

    def sorted(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]


def make_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _entry_points() -> list[tuple[str, str]]:
    """(name, value) of every ``gailint`` entry point on sys.path.

    Reads the ``entry_points.txt`` of installed distributions directly: importing
    importlib.metadata alone costs a CLI start about 20 ms, a third of the budget.
    """
    found: set[tuple[str, str]] = set()
    seen: set[str] = set()
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            dist = name.split("-", 1)[0].lower()
            if dist in seen:
                continue  # the first distribution on sys.path wins, as in importlib
            seen.add(dist)
            found.update(_read_entry_points(os.path.join(folder or ".", name, "entry_points.txt")))
    return sorted(found)


def _read_entry_points(path: str) -> list[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        return []
    if f"[{ENTRY_POINT_GROUP}]" not in text:
        return []
    out, section = [], None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]").strip()
        elif section == ENTRY_POINT_GROUP and "=" in line:
            name, value = line.split("=", 1)
            out.append((name.strip(), value.strip()))
    return out


def load_registry(
    allow: Sequence[str] | None = None,
    deny: Sequence[str] = (),
    extra: Iterable[tuple[str, object]] = (),
) -> Registry:
    """Load packs and collect their rules.

    :param allow: if given, only these entry-point names are loaded.
    :param deny: entry-point names never loaded.
    :param extra: (name, plugin object) pairs registered directly (tests, embedders).
    """
    pm = make_manager()
    registry = Registry()
    points = _entry_points()
    registry.available = tuple(dict.fromkeys([n for n, _ in points] + [n for n, _ in extra]))
    for name, value in points:
        if (allow is not None and name not in allow) or name in deny:
            pm.set_blocked(name)
            continue
        try:
            module = importlib.import_module(value.split(":")[0])
            plugin = module if ":" not in value else getattr(module, value.split(":")[1])
            pm.register(plugin, name=name)
        except Exception as exc:  # a broken pack must not take gailint down
            registry.errors.append(f"规则包 {name}（{value}）无法加载：{type(exc).__name__}: {exc}")
            continue
        registry.packs[name] = value
    for name, plugin in extra:
        pm.register(plugin, name=name)
        registry.packs[name] = getattr(plugin, "__name__", repr(plugin))
    try:
        pm.check_pending()  # a misspelt hook is caught at load, as in tox
    except pluggy.PluginValidationError as exc:
        registry.errors.append(f"规则包实现了未声明的钩子：{exc}")
    for impl in pm.hook.gailint_register_rules.get_hookimpls():
        pack = impl.plugin_name
        try:
            rules = impl.function() or []
        except Exception as exc:
            registry.errors.append(f"规则包 {pack} 注册规则时出错：{type(exc).__name__}: {exc}")
            continue
        for rule in rules:
            if not isinstance(rule, Rule):
                registry.errors.append(f"规则包 {pack} 返回了不是 Rule 的对象：{rule!r}")
                continue
            if rule.code in registry.rules:
                other = registry.rules[rule.code].pack
                registry.errors.append(f"规则代码 {rule.code} 重复：{other} 与 {pack}，保留 {other} 的")
                continue
            rule = _with_pack(rule, pack)
            registry.rules[rule.code] = rule
            registry.by_name[rule.name] = rule
    for impl in pm.hook.gailint_register_vocabulary.get_hookimpls():
        try:
            vocab = impl.function() or {}
        except Exception as exc:
            registry.errors.append(f"规则包 {impl.plugin_name} 提供词表时出错：{type(exc).__name__}: {exc}")
            continue
        for key, entries in vocab.items():
            _merge(registry.vocabulary, key, entries)
    return registry


def _with_pack(rule: Rule, pack: str) -> Rule:
    from dataclasses import replace

    return replace(rule, pack=pack)


def _merge(into: dict[str, Any], key: str, entries: Any) -> None:
    if isinstance(entries, dict):
        into.setdefault(key, {}).update(entries)
    else:
        into.setdefault(key, [])
        into[key] = list(into[key]) + [e for e in entries if e not in into[key]]
