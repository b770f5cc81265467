"""Find and read ``gailint.toml``, ``.gailint.toml`` or ``[tool.gailint]``.

One resolver, used by the CLI, the language server and the pre-commit hook: the
config nearest to a checked file wins, walking up the folders. A bad config is a
:class:`ConfigError` naming the file, the line and the key, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

from gailint.config.settings import ISSUER_KINDS, Settings
from gailint.engine.diagnostics import Severity

CONFIG_NAMES = ("gailint.toml", ".gailint.toml", "pyproject.toml")

_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "extend-ignore",
    "severity",
    "per-file-ignores",
    "year",
    "issuer-kind",
    "plugins",
    "packs",
    "rules",
    "exclude",
    "include",
    "force-exclude",
    "unsafe-fixes",
    "issuers",
}
_CODE_RE = re.compile(r"^(ALL|[A-Z]{1,8}[0-9]{0,4})$")


class ConfigError(Exception):
    """A config problem, printed as one line: ``path:line: key: message``."""

    def __init__(self, path: Path | str | None, key: str | None, message: str, line: int | None = None):
        self.path = str(path) if path else "<config>"
        self.key = key
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


def _find_line(source: str, key: str | None) -> int | None:
    """The line where ``key`` (dotted) is written, for the error message."""
    if not key:
        return None
    last = key.split(".")[-1]
    pat = re.compile(r"^\s*(?:\[[^\]]*\b" + re.escape(last) + r"\b[^\]]*\]|[\"']?" + re.escape(last) + r"[\"']?\s*=)", re.M)
    m = pat.search(source)
    if m is None:
        m = re.search(re.escape(last), source)
    return source.count("\n", 0, m.start()) + 1 if m else None


def config_location(path: Path | None, key: str) -> str:
    """``path:line:`` of ``key`` in a config file, for messages about its values
    (``编辑器设置（gailint）:`` when the settings came from an editor)."""
    if path is None:
        return "编辑器设置（gailint）:"
    try:
        source, _ = _read(Path(path).resolve(), Path(path).stat().st_mtime)
    except (OSError, ConfigError):
        return f"{path}:"
    line = _find_line(source, key)
    return f"{path}:{line}:" if line else f"{path}:"


def _table(doc: Mapping[str, Any], path: Path) -> Mapping[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = doc.get("tool", {})
        return tool.get("gailint") if isinstance(tool, dict) else None
    return doc


@lru_cache(maxsize=256)
def _read(path: Path, mtime: float) -> tuple[str, dict[str, Any]]:
    data = path.read_bytes()
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # GBK is common on Chinese Windows; TOML is UTF-8 by definition.
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(path, None, "不是 UTF-8 编码（TOML 文件必须是 UTF-8）：请以 UTF-8 另存", line) from None
    try:
        return source, tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(path, None, f"TOML 语法错误：{exc}", int(m.group(1)) if m else None) from None
    except RecursionError:
        raise ConfigError(path, None, "TOML 嵌套过深，无法读取") from None


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a folder).

    The walk stops at the repository root (the folder holding ``.git``), as ruff's
    does: a config above the repository — a home folder's, an enclosing checkout's —
    does not apply inside it.
    """
    folder = start if _is_dir(start) else start.parent
    folder = folder.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if _is_file(candidate):
                if name != "pyproject.toml" or _has_tool_section(candidate):
                    return candidate
        if _exists(d / ".git"):  # a folder, or a file in worktrees and submodules
            return None
    return None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a folder we may not look into: as if absent
        return False


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _has_tool_section(path: Path) -> bool:
    # Bytes, not text: a pyproject.toml in GBK that says nothing to gailint is
    # passed by, whatever its encoding (one that does is reported by load_config).
    try:
        return b"[tool.gailint" in path.read_bytes()
    except OSError:
        return False


def error_at(path: Path, key: str, message: str) -> ConfigError:
    """A :class:`ConfigError` about ``key`` of the config file ``path``, with its line
    (for problems found after loading, such as a rule pack that is not installed)."""
    path = Path(path)
    try:
        source = _read(path.resolve(), path.stat().st_mtime)[0]
    except (OSError, ConfigError):
        source = ""
    prefix = "tool.gailint." if path.name == "pyproject.toml" else ""
    return ConfigError(path, prefix + key, message, _find_line(source, key))


def load_config(path: Path, known_codes: Mapping[str, Mapping[str, Any]] | None = None) -> Settings:
    """Read and validate one config file.

    :param known_codes: code → option defaults of every registered rule; when given,
        unknown rule codes and unknown rule options are errors.
    """
    path = Path(path)
    try:
        source, doc = _read(path.resolve(), path.stat().st_mtime)
    except OSError as exc:
        raise ConfigError(path, None, f"无法读取配置文件：{exc.strerror or exc}") from None
    table = _table(doc, path)
    if table is None:
        return Settings(source=path)
    return settings_from_mapping(table, path=path, source=source, known_codes=known_codes)


def settings_from_mapping(
    table: Mapping[str, Any],
    *,
    path: Path | None = None,
    source: str = "",
    known_codes: Mapping[str, Mapping[str, Any]] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Validate a config table (from a file, or an editor's settings)."""
    prefix = "tool.gailint." if path is not None and path.name == "pyproject.toml" else ""

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(path, prefix + key, message, _find_line(source, key))

    for key in table:
        if key not in _KEYS:
            raise fail(key, f"未知的配置项；可用的有：{', '.join(sorted(_KEYS))}")

    def codes(key: str, *, allow_prefix: bool = True) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "应为规则代码的列表，例如 [\"GAI701\"]")
        out = []
        for v in value:
            v = v.strip().upper()
            _check_code(v, key, allow_prefix)
            out.append(v)
        return tuple(out)

    def _check_code(code: str, key: str, allow_prefix: bool = True) -> None:
        if not _CODE_RE.match(code):
            raise fail(key, f"“{code}”不是规则代码（如 GAI701）或代码前缀（如 GAI7）")
        if known_codes is not None and code != "ALL":
            if code in known_codes:
                return
            if allow_prefix and any(k.startswith(code) for k in known_codes):
                return
            raise fail(key, f"未知的规则代码“{code}”")

    base = base or Settings()
    select = codes("select") if "select" in table else base.select
    select = select + codes("extend-select")
    ignore = (codes("ignore") if "ignore" in table else base.ignore) + codes("extend-ignore")

    severity: dict[str, Severity] = dict(base.severity)
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise fail("severity", "应为表，例如 [severity] GAI603 = \"info\"")
    for code, level in sev.items():
        code_u = code.upper()
        _check_code(code_u, f"severity.{code}", allow_prefix=False)
        if not isinstance(level, str):
            raise fail(f"severity.{code}", "应为 off、hint、info、warning 或 error")
        try:
            severity[code_u] = Severity.parse(level)
        except ValueError:
            raise fail(f"severity.{code}", f"“{level}”不是有效的级别；应为 off、hint、info、warning 或 error") from None

    pfi_raw = table.get("per-file-ignores", {})
    if not isinstance(pfi_raw, dict):
        raise fail("per-file-ignores", "应为表：文件模式 = [规则代码…]")
    pfi = list(base.per_file_ignores)
    for pattern, lst in pfi_raw.items():
        if isinstance(lst, str):
            lst = [lst]
        if not isinstance(lst, list) or not all(isinstance(c, str) for c in lst):
            raise fail(f"per-file-ignores.{pattern}", "应为规则代码的列表")
        for c in lst:
            _check_code(c.upper(), f"per-file-ignores.{pattern}")
        pfi.append((pattern, tuple(c.upper() for c in lst)))

    year = table.get("year", base.year)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100):
        raise fail("year", "应为四位数的年份，例如 year = 2023")

    kind = table.get("issuer-kind", base.issuer_kind)
    if kind is not None and kind not in ISSUER_KINDS:
        raise fail("issuer-kind", f"应为 {'、'.join(ISSUER_KINDS)} 之一")

    allow, deny = base.plugins_allow, base.plugins_deny
    plugins = table.get("plugins", {})
    if not isinstance(plugins, dict):
        raise fail("plugins", "应为表：allow = [...]，deny = [...]")
    for key in plugins:
        if key not in ("allow", "deny"):
            raise fail(f"plugins.{key}", "未知的配置项；可用的有：allow, deny")
    for key in ("allow", "deny"):
        if key in plugins:
            v = plugins[key]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise fail(f"plugins.{key}", "应为规则包名称的列表")
            if key == "allow":
                allow = tuple(v)
            else:
                deny = tuple(v)

    packs = _packs(table, fail, path, base) if "packs" in table else base.packs

    options: dict[str, dict[str, Any]] = {k: dict(v) for k, v in base.rule_options.items()}
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise fail("rules", "应为表：[rules.GAI404] 选项 = 值")
    for code, opts in rules.items():
        code_u = code.upper()
        _check_code(code_u, f"rules.{code}", allow_prefix=False)
        if not isinstance(opts, dict):
            raise fail(f"rules.{code}", "应为表")
        known = known_codes.get(code_u) if known_codes is not None else None
        for name, value in opts.items():
            if known is not None:
                if name not in known:
                    allowed = ", ".join(sorted(known)) or "（此规则没有选项）"
                    raise fail(f"rules.{code}.{name}", f"规则 {code_u} 没有这个选项；可用的有：{allowed}")
                default = known[name]
                if default is not None and not same_type(default, value):
                    raise fail(f"rules.{code}.{name}", f"类型应为 {type_name(default)}")
                # The rule's own check of the value (a deadline must be a date…).
                check = getattr(known, "checks", {}).get(name)
                problem = check(value) if check is not None else None
                if problem:
                    raise fail(f"rules.{code}.{name}", problem)
        options.setdefault(code_u, {}).update(opts)

    def patterns(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        v = table.get(key)
        if v is None:
            return default
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise fail(key, "应为文件模式的列表")
        return tuple(v)

    def flag(key: str, default: bool) -> bool:
        v = table.get(key, default)
        if not isinstance(v, bool):
            raise fail(key, "应为 true 或 false")
        return v

    issuers = list(base.issuers)
    raw_issuers = table.get("issuers", {})
    if not isinstance(raw_issuers, dict):
        raise fail("issuers", "应为表：文件模式 = \"发布机关名称\"")
    for pattern, name in raw_issuers.items():
        if not isinstance(name, str) or not name.strip():
            raise fail(f"issuers.{pattern}", "应为发布机关名称（字符串）")
        issuers.append((pattern, name.strip()))

    return Settings(
        source=path or base.source,
        select=select,
        ignore=ignore,
        severity=severity,
        per_file_ignores=tuple(pfi),
        year=year,
        issuer_kind=kind,
        plugins_allow=allow,
        plugins_deny=deny,
        packs=packs,
        rule_options=options,
        exclude=patterns("exclude", base.exclude),
        include=patterns("include", base.include),
        force_exclude=flag("force-exclude", base.force_exclude),
        unsafe_fixes=flag("unsafe-fixes", base.unsafe_fixes),
        issuers=tuple(issuers),
    )


def is_pack_path(entry: str) -> bool:
    """A ``packs`` entry naming a file (``rules/ours.toml``) rather than an installed pack."""
    return entry.endswith(".toml") or "/" in entry or "\\" in entry


def _packs(table: Mapping[str, Any], fail, path: Path | None, base: Settings) -> tuple[str, ...]:
    """The ``packs`` list: installed pack names as written, files made absolute
    (relative to the config's folder, so the same config works from anywhere)."""
    value = table["packs"]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail("packs", "应为规则包的列表：已安装规则包的名称或 .toml 文件的路径，例如 [\"henan\", \"rules/ours.toml\"]")
    folder = path.parent if path is not None else (base.root or Path.cwd())
    out: list[str] = []
    for entry in value:
        entry = entry.strip()
        if is_pack_path(entry):
            entry = str((folder / Path(entry).expanduser()).resolve())
        if entry not in out:
            out.append(entry)
    return tuple(out)


def same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    if isinstance(default, dict):
        return isinstance(value, dict)
    if isinstance(default, date):
        return isinstance(value, (date, str))
    return isinstance(value, type(default))


def type_name(default: Any) -> str:
    return {bool: "布尔值", int: "数字", float: "数字", str: "字符串", list: "列表", tuple: "列表", dict: "表"}.get(
        type(default), type(default).__name__
    )
