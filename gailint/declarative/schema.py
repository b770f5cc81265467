"""The format of a declarative pack, validated key by key.

Every problem is collected (not just the first) and names the file, the line and the
key, like a config error; a pack with any problem is not loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gailint.declarative.patterns import Pattern, check_template
from gailint.declarative.source import TomlSource
from gailint.engine.diagnostics import Severity
from gailint.engine.pack import PackProblem, dotted
from gailint.engine.rule import CODE_RE, NAME_RE

PACK_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
RESERVED_PREFIX = "GAI"
SECTIONS = range(1, 7)
VOCABULARY_LISTS = ("typos", "residue", "labels")

_TOP = ("pack", "severity", "rules", "vocabulary", "forbidden", "required")
_PACK = ("name", "version", "description", "province", "overrides", "sources")
_COMMON = ("code", "name", "pattern", "patterns", "regex", "message", "severity", "summary", "why", "example")
_FORBIDDEN = _COMMON + ("replace", "safe-fix", "sections")
_REQUIRED = _COMMON + ("section",)
_PLACEHOLDERS = {"forbidden": ("match", "replace"), "required": ("section",)}


@dataclass(frozen=True)
class PhraseSpec:
    """One ``[[forbidden]]`` or ``[[required]]`` table."""

    kind: str  # "forbidden" | "required"
    index: int
    code: str
    name: str
    patterns: tuple[Pattern, ...]
    message: str
    severity: Severity
    summary: str = ""
    why: str = ""
    example: str = ""
    replace: str | None = None  # forbidden
    safe_fix: bool = True  # forbidden
    sections: tuple[int, ...] = ()  # forbidden: where to look (empty: everywhere)
    section: int | None = None  # required: which section must say it (None: the report)


@dataclass
class PackSpec:
    """A validated declarative pack."""

    name: str
    version: str
    description: str = ""
    province: str = ""
    overrides: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    vocabulary: dict[str, Any] = field(default_factory=dict)
    phrases: list[PhraseSpec] = field(default_factory=list)


class _Checker:
    def __init__(self, source: TomlSource):
        self.source = source
        self.problems: list[PackProblem] = []

    def fail(self, key: tuple, message: str) -> None:
        self.problems.append(PackProblem(self.source.where(key), dotted(key), message))

    def table(self, value: Any, key: tuple, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(key, "应为表")
            return {}
        if allowed is not None:
            for k in value:
                if k not in allowed:
                    self.fail(key + (k,), f"未知的键；可用的有：{', '.join(allowed)}")
        return value

    def string(self, value: Any, key: tuple, *, required: bool = False, default: str = "") -> str:
        if value is None:
            if required:
                self.fail(key, "缺少这一项")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(key, "应为非空字符串" if required else "应为字符串")
            return default
        return value

    def strings(self, value: Any, key: tuple) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(key, "应为字符串的列表")
            return ()
        return tuple(value)

    def boolean(self, value: Any, key: tuple, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(key, "应为 true 或 false")
            return default
        return value

    def severity(self, value: Any, key: tuple, default: str, *, allow_off: bool = False) -> Severity | None:
        text = self.string(value, key, default=default)
        try:
            level = Severity.parse(text)
        except ValueError:
            self.fail(key, f"“{text}”不是有效的级别；应为 {'off、' if allow_off else ''}hint、info、warning 或 error")
            return None
        if level == Severity.OFF and not allow_off:
            self.fail(key, "规则包自己的规则不能是 off：不需要就删掉这条规则")
            return None
        return level


def parse(source: TomlSource) -> tuple[PackSpec | None, list[PackProblem]]:
    """Validate a parsed TOML pack; the spec, or None with every problem found."""
    c = _Checker(source)
    doc = source.data
    for key in doc:
        if key not in _TOP:
            c.fail((key,), f"未知的键；可用的有：{', '.join(_TOP)}")
    if "pack" not in doc:
        c.fail(("pack",), "缺少 [pack] 表（name、version 等元数据）")
    meta = c.table(doc.get("pack", {}), ("pack",), _PACK)
    name = c.string(meta.get("name"), ("pack", "name"), required=True)
    if name and not PACK_NAME_RE.match(name):
        c.fail(("pack", "name"), f"“{name}”不是有效的规则包名：小写字母开头，只用小写字母、数字、- 和 _")
    spec = PackSpec(
        name=name,
        version=c.string(meta.get("version"), ("pack", "version"), required=True),
        description=c.string(meta.get("description"), ("pack", "description")),
        province=c.string(meta.get("province"), ("pack", "province")),
        sources=c.strings(meta.get("sources"), ("pack", "sources")),
    )
    overrides = c.strings(meta.get("overrides"), ("pack", "overrides"))
    for code in overrides:
        if not CODE_RE.match(code):
            c.fail(("pack", "overrides"), f"“{code}”不是规则代码（如 GAI401）")
    spec.overrides = tuple(overrides)

    _overrides(c, doc, spec)
    _vocabulary(c, doc, spec)
    for kind in ("forbidden", "required"):
        tables = doc.get(kind, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            c.fail((kind,), f"应为表的数组：[[{kind}]]")
            continue
        for index, table in enumerate(tables):
            phrase = _phrase(c, kind, index, table)
            if phrase is not None:
                spec.phrases.append(phrase)
    _unique(c, spec)
    return (None, c.problems) if c.problems else (spec, [])


def _overrides(c: _Checker, doc: dict[str, Any], spec: PackSpec) -> None:
    declared = set(spec.overrides)
    for code, level in c.table(doc.get("severity", {}), ("severity",)).items():
        if code not in declared:
            c.fail(("severity", code), f"{code} 不在 pack.overrides 中：规则包修改的规则须在 overrides 中声明")
        elif c.severity(level, ("severity", code), "warning", allow_off=True) is not None:
            spec.severity[code] = level
    for code, options in c.table(doc.get("rules", {}), ("rules",)).items():
        if code not in declared:
            c.fail(("rules", code), f"{code} 不在 pack.overrides 中：规则包修改的规则须在 overrides 中声明")
        elif isinstance(options, dict):
            spec.options[code] = dict(options)
        else:
            c.fail(("rules", code), "应为表：[rules.GAI404] 选项 = 值")
    for code in spec.overrides:
        if CODE_RE.match(code) and code not in spec.severity and code not in spec.options:
            c.fail(("pack", "overrides"), f"overrides 中的 {code} 没有对应的 [severity] 或 [rules.{code}]")


def _vocabulary(c: _Checker, doc: dict[str, Any], spec: PackSpec) -> None:
    vocab = c.table(doc.get("vocabulary", {}), ("vocabulary",), VOCABULARY_LISTS)
    if "typos" in vocab:
        typos = c.table(vocab["typos"], ("vocabulary", "typos"))
        for wrong, right in typos.items():
            if not isinstance(right, str) or not right or right == wrong:
                c.fail(("vocabulary", "typos", wrong), "应为正确的写法（与错误写法不同的非空字符串）")
        spec.vocabulary["typos"] = dict(typos)
    if "residue" in vocab:
        spec.vocabulary["residue"] = list(c.strings(vocab["residue"], ("vocabulary", "residue")))
    if "labels" in vocab:
        labels: dict[str, list[str]] = {}
        for label, variants in c.table(vocab["labels"], ("vocabulary", "labels")).items():
            labels[label] = list(c.strings(variants, ("vocabulary", "labels", label)))
        spec.vocabulary["labels"] = labels


def _phrase(c: _Checker, kind: str, index: int, table: dict[str, Any]) -> PhraseSpec | None:
    key = (kind, index)
    before = len(c.problems)
    c.table(table, key, _FORBIDDEN if kind == "forbidden" else _REQUIRED)
    code = c.string(table.get("code"), key + ("code",), required=True)
    if code and not CODE_RE.match(code):
        c.fail(key + ("code",), f"“{code}”不是规则代码：2 到 8 个大写字母加 3 到 4 位数字，如 HEN001")
    elif code.startswith(RESERVED_PREFIX):
        c.fail(key + ("code",), f"{RESERVED_PREFIX} 开头的代码保留给 gailint 自带的规则；请用本规则包自己的前缀")
    name = c.string(table.get("name"), key + ("name",), required=True)
    if name and not NAME_RE.match(name):
        c.fail(key + ("name",), f"“{name}”不是有效的规则名称：小写字母和 -，如 outdated-title")
    is_regex = c.boolean(table.get("regex"), key + ("regex",), False)
    patterns = _patterns(c, key, table, is_regex)
    severity = c.severity(table.get("severity"), key + ("severity",), "warning" if kind == "forbidden" else "info")
    message = c.string(table.get("message"), key + ("message",), required=kind == "required")
    placeholders = _PLACEHOLDERS[kind]
    for m in re.finditer(r"\{(\w+)\}", message):
        if m.group(1) not in placeholders:
            c.fail(key + ("message",), f"未知的占位符 {{{m.group(1)}}}；可用的有：{'、'.join('{' + p + '}' for p in placeholders)}")
    phrase = dict(
        summary=c.string(table.get("summary"), key + ("summary",)),
        why=c.string(table.get("why"), key + ("why",)),
        example=c.string(table.get("example"), key + ("example",)),
    )
    if kind == "forbidden":
        replace = table.get("replace")
        if replace is not None:
            replace = c.string(replace, key + ("replace",))
            for p in patterns:
                problem = check_template(replace, p)
                if problem:
                    c.fail(key + ("replace",), problem)
        phrase.update(
            replace=replace,
            safe_fix=c.boolean(table.get("safe-fix"), key + ("safe-fix",), True),
            sections=_sections(c, table.get("sections"), key + ("sections",)),
        )
    else:
        section = table.get("section")
        if section is not None and (isinstance(section, bool) or section not in SECTIONS):
            c.fail(key + ("section",), "应为 1 到 6 的数字（六个部分之一）；不写则查全文")
            section = None
        phrase.update(section=section)
    if len(c.problems) > before or severity is None:
        return None
    return PhraseSpec(kind, index, code, name, patterns, message, severity, **phrase)


def _patterns(c: _Checker, key: tuple, table: dict[str, Any], is_regex: bool) -> tuple[Pattern, ...]:
    if ("pattern" in table) == ("patterns" in table):
        c.fail(key, "应有 pattern（一个模式）或 patterns（模式的列表），二者选一")
        return ()
    field_name = "pattern" if "pattern" in table else "patterns"
    sources = c.strings(table[field_name], key + (field_name,))
    out = []
    for i, text in enumerate(sources):
        try:
            out.append(Pattern.compile(text, is_regex))
        except ValueError as exc:
            where = key + (field_name,) if field_name == "pattern" else key + (field_name, i)
            c.fail(where, f"{text!r}：{exc}")
    return tuple(out)


def _sections(c: _Checker, value: Any, key: tuple) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) and v in SECTIONS for v in value):
        c.fail(key, "应为 1 到 6 的数字的列表，如 [5, 6]；不写则查全文")
        return ()
    return tuple(value)


def _unique(c: _Checker, spec: PackSpec) -> None:
    seen_codes: dict[str, PhraseSpec] = {}
    seen_names: dict[str, PhraseSpec] = {}
    for p in spec.phrases:
        for seen, value, what in ((seen_codes, p.code, "代码"), (seen_names, p.name, "名称")):
            other = seen.get(value)
            if other is not None:
                c.fail((p.kind, p.index, "code" if what == "代码" else "name"), f"规则{what} {value} 与 {dotted((other.kind, other.index))} 重复")
            seen[value] = p
        if p.code in spec.overrides:
            c.fail((p.kind, p.index, "code"), f"{p.code} 同时出现在 pack.overrides 中")

