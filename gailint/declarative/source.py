"""A TOML file with the line of every table and key, so that a problem found after
parsing (TOML parsers keep no positions) still names ``path:line``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_RE = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=""")
_PART_RE = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.|$)""")


class TomlError(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        self.message = message
        super().__init__(message)


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(m.group(1).strip("\"'") for m in _PART_RE.finditer(dotted) if m.group(1))


@dataclass(frozen=True)
class _Block:
    line: int  # 1-based line of the header (0: the top of the file)
    keys: tuple[Any, ...]  # the header's path; array tables carry their index
    end: int  # first line after the block (1-based, exclusive)


@dataclass
class TomlSource:
    path: Path
    text: str
    data: dict[str, Any]
    _blocks: list[_Block] = field(default_factory=list, repr=False)

    @classmethod
    def read(cls, path: Path) -> "TomlSource":
        """Parse ``path``; raises OSError, or TomlError with the line of a syntax error."""
        text = path.read_text(encoding="utf-8-sig")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise TomlError(int(m.group(1)) if m else None, f"TOML 语法错误：{exc}") from None
        return cls(path, text, data)

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def blocks(self) -> list[_Block]:
        if self._blocks:
            return self._blocks
        lines = self.lines
        heads: list[tuple[int, tuple[Any, ...]]] = [(0, ())]
        counts: dict[tuple[str, ...], int] = {}
        for i, raw in enumerate(lines, start=1):
            m = _HEADER_RE.match(raw)
            if m is None or raw.lstrip().startswith(("#",)):
                continue
            keys = _parts(m.group(2))
            if m.group(1) == "[[":
                index = counts.get(keys, 0)
                counts[keys] = index + 1
                heads.append((i, keys + (index,)))
            else:
                heads.append((i, keys))
        for n, (line, keys) in enumerate(heads):
            end = heads[n + 1][0] if n + 1 < len(heads) else len(lines) + 1
            self._blocks.append(_Block(line, keys, end))
        return self._blocks

    def line_of(self, path: tuple[Any, ...]) -> int | None:
        """The line where the value at ``path`` (``("forbidden", 0, "pattern")``) is written."""
        best: _Block | None = None
        for block in self.blocks():
            n = len(block.keys)
            if block.keys == tuple(path[:n]) and (best is None or n > len(best.keys)):
                best = block
        if best is None:
            return None
        rest = tuple(str(k) for k in path[len(best.keys) :] if not isinstance(k, int))
        if not rest:
            return best.line or None
        lines = self.lines
        for i in range(max(best.line, 1), best.end):
            m = _KEY_RE.match(lines[i - 1])
            if m is None:
                continue
            keys = _parts(m.group(1))
            if keys and keys == rest[: len(keys)]:
                return i
        return best.line or None

    def where(self, path: tuple[Any, ...]) -> str:
        line = self.line_of(path)
        return f"{self.path}:{line}" if line else str(self.path)
