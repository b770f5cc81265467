"""“禁用 GAIxxx（本文件）”: the text edits behind the suppression code action.

In a Markdown report: a ``<!-- gailint-disable-file CODE -->`` first line. In any
other file: the file added to ``per-file-ignores`` of the nearest config file (or a
new ``gailint.toml`` in the workspace root). Every config edit is checked by
applying it and reading the result back, so it can never break the config.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

from gailint.config import ConfigError, settings_from_mapping
from gailint.engine.diagnostics import Edit
from gailint.engine.fixes import apply_edits
from gailint.textio import dominant_newline

DISABLE_FILE_RE = re.compile(r"<!--[ \t]*gailint-disable-file[ \t]+([A-Za-z0-9_, \t]+?)[ \t]*-->")


def markdown_disable_edit(text: str, code: str, newline: str) -> Edit | None:
    """Add ``code`` to the first line's disable comment, or insert that comment as a
    new first line. None if the code is already disabled there."""
    start = 1 if text.startswith("\ufeff") else 0
    end = len(text)
    for brk in ("\r", "\n"):
        i = text.find(brk, start)
        if i >= 0:
            end = min(end, i)
    first = text[start:end]
    m = DISABLE_FILE_RE.fullmatch(first.strip())
    if m is not None:
        codes = [c.strip().upper() for c in re.split(r"[,\s]+", m.group(1)) if c.strip()]
        if code in codes:
            return None
        lead = len(first) - len(first.lstrip())
        group_start = start + lead + m.start(1)
        group_end = start + lead + m.end(1)
        return Edit(group_start, group_end, ", ".join(codes + [code]))
    return Edit(start, start, f"<!-- gailint-disable-file {code} -->{newline}")


@dataclass(frozen=True)
class ConfigEdit:
    """An edit of (or a new) config file: ``edit`` applies to ``text``."""

    path: Path
    create: bool
    text: str
    edit: Edit


def _pattern(rel: str) -> str:
    """An fnmatch pattern matching exactly this relative path."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in rel)


def _toml_string(s: str) -> str:
    # JSON escapes are a subset of TOML basic-string escapes.
    return json.dumps(s, ensure_ascii=False)


def _section(doc: dict[str, Any], path: Path) -> dict[str, Any] | None:
    if path.name == "pyproject.toml":
        tool = doc.get("tool")
        table = tool.get("gailint") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return doc


def _ignores(text: str, path: Path, rel: str) -> tuple[str, ...] | None:
    """The codes per-file-ignores gives exactly ``rel`` in ``text`` (None: invalid)."""
    try:
        doc = tomllib.loads(text)
        table = _section(doc, path)
        if table is None:
            return None
        pfi = table.get("per-file-ignores", {})
        settings_from_mapping({"per-file-ignores": pfi})
    except (tomllib.TOMLDecodeError, ConfigError):
        return None
    value = pfi.get(_pattern(rel), [])
    return tuple(c.upper() for c in ([value] if isinstance(value, str) else value))


def per_file_ignore_edit(doc_path: str, code: str, config: Path | None, root: Path | None) -> ConfigEdit | None:
    """The edit adding ``doc_path`` → ``code`` to per-file-ignores (None if impossible)."""
    doc = Path(doc_path)
    if config is None:
        if root is None:
            return None
        try:
            rel = doc.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError):
            return None
        path = root / "gailint.toml"
        new = f"[per-file-ignores]\n{_toml_string(_pattern(rel))} = [{_toml_string(code)}]\n"
        return ConfigEdit(path, True, "", Edit(0, 0, new))
    try:
        text = config.read_text(encoding="utf-8-sig")
        rel = doc.resolve().relative_to(config.parent.resolve()).as_posix()
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    before = _ignores(text, config, rel)
    if before is None or code in before:
        return None
    edit = _plan(text, config, rel, code)
    if edit is None:
        return None
    after = _ignores(apply_edits(text, [edit]), config, rel)
    if after is None or code not in after:
        return None  # the edit would not say what it should: offer nothing
    return ConfigEdit(config, False, text, edit)


def _plan(text: str, config: Path, rel: str, code: str) -> Edit | None:
    newline = dominant_newline(text)
    header = "tool.gailint.per-file-ignores" if config.name == "pyproject.toml" else "per-file-ignores"
    key = _toml_string(_pattern(rel))
    doc = tomllib.loads(text)
    table = _section(doc, config) or {}
    pfi = table.get("per-file-ignores")
    if pfi is None:
        lead = "" if not text or text.endswith(("\n", "\r")) else newline
        gap = newline if text.strip() else ""
        return Edit(len(text), len(text), f"{lead}{gap}[{header}]{newline}{key} = [{_toml_string(code)}]{newline}")
    existing = pfi.get(_pattern(rel))
    if existing is not None:
        codes = [existing] if isinstance(existing, str) else list(existing)
        quoted = [re.escape(key), re.escape("'" + _pattern(rel) + "'")]
        if re.fullmatch(r"[A-Za-z0-9_-]+", _pattern(rel)):
            quoted.append(re.escape(_pattern(rel)))
        m = re.search(r"(?m)^[ \t]*(?:" + "|".join(quoted) + r")[ \t]*=[ \t]*(\[[^\]\n]*\]|\"[^\"\n]*\")", text)
        if m is None:
            return None
        new = "[" + ", ".join(_toml_string(c) for c in codes + [code]) + "]"
        return Edit(m.start(1), m.end(1), new)
    h = re.search(r"(?m)^[ \t]*\[[ \t]*" + re.escape(header) + r"[ \t]*\][^\r\n]*(\r\n|\n|\r|$)", text)
    if h is None:
        return None  # an inline table or dotted keys: too risky to edit by hand
    at = h.end()
    lead = "" if h.group(1) else newline
    return Edit(at, at, f"{lead}{key} = [{_toml_string(code)}]{newline}")
