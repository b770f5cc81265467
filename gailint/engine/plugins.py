"""Load rule packs through pluggy: entry points of the ``gailint`` group, and
declarative ``*.toml`` packs turned into plugins of the same shape.

The shipped packs are entry points exactly like a third-party pack; the engine knows
no rule by name. ``allow``/``deny`` (from the config's ``[plugins]``) decide which
entry points may be imported at all; which packs *run* for a file is decided later,
per file, from the config's ``packs`` (see :mod:`gailint.engine.selection`).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pluggy

from gailint.engine import hookspecs
from gailint.engine.diagnostics import Severity
from gailint.engine.pack import Pack, PackInfo, PackKind, PackProblem, RuleOverride
from gailint.engine.rule import Rule

ENTRY_POINT_GROUP = "gailint"
# gailint's own code letters; no other distribution or file may register them.
GAILINT_ORIGIN = "dist:gailint"
RESERVED_PREFIXES = {"GAI": GAILINT_ORIGIN}
_EXTRA_ORIGIN = "extra"


class PluginError(Exception):
    """A pack that cannot be loaded or that breaks the contract."""


@dataclass(frozen=True)
class EntryPoint:
    name: str
    value: str
    dist: str = ""  # the distribution that declares it (normalised name)
    version: str = ""


@dataclass
class Registry:
    """Every loaded pack and rule, by name and code."""

    rules: dict[str, Rule] = field(default_factory=dict)
    by_name: dict[str, Rule] = field(default_factory=dict)
    packs: dict[str, Pack] = field(default_factory=dict)
    # Entry points that could not be imported: name -> why (a config selecting one
    # gets this as an error; otherwise it is a warning at start).
    failed: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    prefixes: dict[str, str] = field(default_factory=lambda: dict(RESERVED_PREFIXES))
    manager: pluggy.PluginManager = field(default_factory=lambda: make_manager(), repr=False)
    files: dict[Path, str] = field(default_factory=dict)  # TOML pack file -> pack name
    _vocab: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict, repr=False)
    available: tuple[str, ...] = ()  # every installed entry point's name, loaded or not

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

    @property
    def defaults(self) -> tuple[str, ...]:
        """Packs that run for every file, in load order."""
        return tuple(name for name, pack in self.packs.items() if pack.info.default)

    @property
    def vocabulary(self) -> dict[str, Any]:
        """The word lists of the default packs (what a file with no ``packs`` gets)."""
        return self.vocabulary_for(self.defaults)

    def vocabulary_for(self, names: Sequence[str]) -> dict[str, Any]:
        key = tuple(names)
        hit = self._vocab.get(key)
        if hit is None:
            hit = {}
            for name in key:
                pack = self.packs.get(name)
                for list_name, entries in (pack.vocabulary if pack else {}).items():
                    _merge(hit, list_name, entries)
            self._vocab[key] = hit
        return hit

    # ------------------------------------------------------------ adding packs

    def add(
        self,
        name: str,
        plugin: object,
        *,
        kind: PackKind = "python",
        source: str = "",
        origin: str = _EXTRA_ORIGIN,
        version: str = "",
        default: bool = False,
        locate=None,
    ) -> tuple[Pack | None, list[PackProblem]]:
        """Register one plugin and collect what its hooks return.

        :param version: the distribution's version, used when the pack states none.
        :param default: whether a pack without ``gailint_pack_info`` runs by default.
        :return: the pack (None when it could not be registered) and its problems.
        """
        locate = locate or getattr(plugin, "pack_locate", None)
        pack = Pack(name=name, kind=kind, source=source, origin=origin, locate=locate)
        if name in self.packs:
            other = self.packs[name]
            return None, [pack.problem(("pack", "name"), f"规则包名“{name}”已被 {other.source or other.name} 使用")]
        try:
            self.manager.register(plugin, name=name)
        except Exception as exc:  # a bad hook signature, a plugin registered twice
            return None, [pack.problem(None, f"无法注册：{type(exc).__name__}: {exc}")]
        problems: list[PackProblem] = []
        own = getattr(plugin, "pack_name", name)
        if own != name:
            problems.append(pack.problem(("pack", "name"), f"文件中的名称“{own}”与入口点名称“{name}”不同；以入口点名称为准"))
        for caller in self.manager.get_hookcallers(plugin) or ():
            if not caller.has_spec():  # a misspelt hook is caught at load, as in tox
                problems.append(pack.problem(None, f"实现了未声明的钩子 {caller.name}（可用的见 gailint/engine/hookspecs.py）"))

        info = self._call(pack, plugin, "gailint_pack_info", problems)
        if info is None:
            info = PackInfo(default=default)
        elif not isinstance(info, PackInfo):
            problems.append(pack.problem(None, f"gailint_pack_info 应返回 PackInfo，实为 {type(info).__name__}"))
            info = PackInfo(default=default)
        pack.info = info if info.version or not version else replace(info, version=version)

        for rule in self._call(pack, plugin, "gailint_register_rules", problems) or []:
            problem = self._add_rule(pack, rule)
            if problem is not None:
                problems.append(problem)

        vocabulary = self._call(pack, plugin, "gailint_register_vocabulary", problems) or {}
        if isinstance(vocabulary, Mapping):
            for key, entries in vocabulary.items():
                _merge(pack.vocabulary, key, entries)
        else:
            problems.append(pack.problem(None, "gailint_register_vocabulary 应返回字典"))

        overrides = self._call(pack, plugin, "gailint_rule_overrides", problems) or {}
        if isinstance(overrides, Mapping):
            pack.overrides = dict(overrides)
        else:
            problems.append(pack.problem(None, "gailint_rule_overrides 应返回字典：规则代码 → RuleOverride"))

        self.packs = {**self.packs, name: pack}
        self._vocab = {}
        return pack, problems

    def _call(self, pack: Pack, plugin: object, hook: str, problems: list[PackProblem]) -> Any:
        for impl in getattr(self.manager.hook, hook).get_hookimpls():
            if impl.plugin is plugin:
                try:
                    return impl.function()
                except Exception as exc:
                    problems.append(pack.problem(None, f"{hook} 出错：{type(exc).__name__}: {exc}"))
                    return None
        return None

    def _add_rule(self, pack: Pack, rule: Any) -> PackProblem | None:
        if not isinstance(rule, Rule):
            return pack.problem(None, f"返回了不是 Rule 的对象：{rule!r}")
        if rule.code in self.rules:
            other = self.rules[rule.code].pack
            return pack.problem(None, f"规则代码 {rule.code} 重复：{other} 与 {pack.name}，保留 {other} 的")
        letters = rule.code.rstrip("0123456789")
        owner = self.prefixes.get(letters)
        if owner is not None and owner != pack.origin:
            holder = "gailint 自带的规则" if owner == GAILINT_ORIGIN else owner
            return pack.problem(None, f"规则代码 {rule.code} 的前缀 {letters} 已属于 {holder}；请为本规则包选用自己的前缀")
        if rule.name in self.by_name:
            return pack.problem(None, f"规则名称 {rule.name} 重复：已是 {self.by_name[rule.name].code} 的名称")
        self.prefixes.setdefault(letters, pack.origin)
        # The page link is resolved once here, not for every diagnostic.
        rule = replace(rule, pack=pack.name, url=rule.docs_url)
        # Copy on write: the server's worker thread may be iterating these while a
        # TOML pack loads on the main thread.
        self.rules = {**self.rules, rule.code: rule}
        self.by_name = {**self.by_name, rule.name: rule}
        pack.rules.append(rule.code)
        return None

    def remove(self, name: str) -> None:
        """Forget a pack (a TOML pack whose file changed is loaded again)."""
        pack = self.packs.get(name)
        if pack is None:
            return
        self.packs = {n: p for n, p in self.packs.items() if n != name}
        gone = set(pack.rules)
        self.rules = {c: r for c, r in self.rules.items() if c not in gone}
        self.by_name = {n: r for n, r in self.by_name.items() if r.code not in gone}
        if self.manager.has_plugin(name):
            self.manager.unregister(name=name)
        self.prefixes = dict(RESERVED_PREFIXES)
        for other in self.packs.values():
            for letters in other.prefixes:
                self.prefixes.setdefault(letters, other.origin)
        self.files = {p: n for p, n in self.files.items() if n != name}
        self._vocab = {}

    def check_overrides(self, pack: Pack) -> list[PackProblem]:
        """Validate a pack's overrides against the loaded rules; drop the bad ones."""
        problems: list[PackProblem] = []
        good: dict[str, RuleOverride] = {}
        declared = {c.upper() for c in pack.info.overrides}
        for code, override in pack.overrides.items():
            key = ("rules", code)
            if not isinstance(override, RuleOverride):
                problems.append(pack.problem(key, f"应为 RuleOverride，实为 {type(override).__name__}"))
                continue
            if code not in declared:
                problems.append(pack.problem(key, f"{code} 不在 overrides 中：规则包修改的规则须在元数据的 overrides 中声明"))
                continue
            rule = self.rules.get(code)
            if rule is None:
                problems.append(pack.problem(key, f"没有规则 {code}"))
                continue
            if rule.pack == pack.name:
                problems.append(pack.problem(key, f"{code} 是本规则包自己的规则，直接设定它的级别和选项即可"))
                continue
            problem = _check_override(pack, code, override, rule)
            if problem is not None:
                problems.append(problem)
                continue
            good[code] = override
        pack.overrides = good
        return problems

    # ------------------------------------------------------------ TOML packs

    def load_file(self, path: Path) -> tuple[str | None, list[PackProblem]]:
        """Load (or reuse) the declarative pack in ``path``; its name, or None."""
        path = Path(path).resolve()
        try:
            stamp = path.stat().st_mtime_ns
        except OSError as exc:
            return None, [PackProblem(str(path), None, f"无法读取规则包文件：{exc.strerror or exc}")]
        name = self.files.get(path)
        if name is not None:
            if self.packs[name].stamp == stamp:
                return name, []
            self.remove(name)  # edited since it was loaded
        from gailint.declarative import load_pack

        try:
            plugin = load_pack(path)
        except PackProblemError as exc:
            return None, list(exc.problems)
        pack, problems = self.add(plugin.pack_name, plugin, kind="toml", source=str(path), origin=f"file:{path}")
        if pack is None:
            return None, problems
        pack.stamp = stamp
        problems += self.check_overrides(pack)
        self.files = {**self.files, path: pack.name}
        return pack.name, problems


class PackProblemError(Exception):
    """Raised by a pack loader with every problem it found (the pack is not loaded)."""

    def __init__(self, problems: Iterable[PackProblem]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


def _check_override(pack: Pack, code: str, override: RuleOverride, rule: Rule) -> PackProblem | None:
    from gailint.config.loader import same_type, type_name

    if override.severity is not None:
        try:
            Severity.parse(str(override.severity))
        except ValueError:
            return pack.problem(("severity", code), f"“{override.severity}”不是有效的级别；应为 off、hint、info、warning 或 error")
    for option, value in (override.options or {}).items():
        if option not in rule.options:
            allowed = ", ".join(sorted(rule.options)) or "（此规则没有选项）"
            return pack.problem(("rules", code, option), f"规则 {code} 没有这个选项；可用的有：{allowed}")
        default = rule.options[option]
        if default is not None and not same_type(default, value):
            return pack.problem(("rules", code, option), f"类型应为 {type_name(default)}")
    return None


def make_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


def _entry_points() -> list[EntryPoint]:
    """Every ``gailint`` entry point on sys.path, with its distribution.

    Reads the ``entry_points.txt`` of installed distributions directly: importing
    importlib.metadata alone costs a CLI start about 20 ms, a third of the budget.
    """
    found: dict[tuple[str, str], EntryPoint] = {}
    seen: set[str] = set()
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            parts = name.rsplit(".", 1)[0].split("-")
            dist = parts[0].lower().replace("-", "_").replace(".", "_")
            if dist in seen:
                continue  # the first distribution on sys.path wins, as in importlib
            seen.add(dist)
            meta = os.path.join(folder or ".", name)
            entries = _read_entry_points(os.path.join(meta, "entry_points.txt"))
            if not entries:
                continue
            # An egg-info built in a source tree has no version in its name.
            version = parts[1] if len(parts) > 1 else _metadata_version(meta)
            for ep_name, value in entries:
                found.setdefault((ep_name, value), EntryPoint(ep_name, value, dist, version))
    return sorted(found.values(), key=lambda e: (e.name, e.value))


def _metadata_version(folder: str) -> str:
    for name in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break
        except OSError:
            continue
    return ""


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

    :param allow: if given, only these entry-point names are imported.
    :param deny: entry-point names never imported.
    :param extra: (name, plugin object) pairs registered directly (tests, embedders);
        they run by default unless their ``gailint_pack_info`` says otherwise.
    """
    registry = Registry()
    points = _entry_points()
    registry.available = tuple(dict.fromkeys([ep.name for ep in points] + [n for n, _ in extra]))
    for ep in points:
        if (allow is not None and ep.name not in allow) or ep.name in deny:
            registry.manager.set_blocked(ep.name)
            continue
        try:
            module = importlib.import_module(ep.value.split(":")[0])
            plugin = module if ":" not in ep.value else getattr(module, ep.value.split(":")[1])
        except Exception as exc:  # a broken pack must not take gailint down
            why = f"规则包 {ep.name}（{ep.value}）无法加载：{type(exc).__name__}: {exc}"
            registry.failed[ep.name] = why
            registry.errors.append(why)
            continue
        kind = "toml" if hasattr(plugin, "pack_locate") else "python"
        _, problems = registry.add(ep.name, plugin, kind=kind, source=ep.value, origin=f"dist:{ep.dist}", version=ep.version)
        registry.errors.extend(str(p) for p in problems)
    for name, plugin in extra:
        source = getattr(plugin, "__name__", type(plugin).__name__)
        _, problems = registry.add(name, plugin, source=source, default=True)
        registry.errors.extend(str(p) for p in problems)
    for pack in list(registry.packs.values()):
        registry.errors.extend(str(p) for p in registry.check_overrides(pack))
    return registry


def _merge(into: dict[str, Any], key: str, entries: Any) -> None:
    if isinstance(entries, Mapping):
        target = into.setdefault(key, {})
        for k, v in entries.items():
            old = target.get(k)
            # Two packs accepting variants of one label: both lists count.
            target[k] = list(old) + [e for e in v if e not in old] if isinstance(old, list) and isinstance(v, list) else v
    elif isinstance(entries, (list, tuple)):
        into.setdefault(key, [])
        into[key] = list(into[key]) + [e for e in entries if e not in into[key]]
