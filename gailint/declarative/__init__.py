"""Declarative rule packs: a ``*.toml`` file, read with tomli and validated, never
executed. It becomes a plugin implementing the same hooks as a Python pack.

``load_pack(path)`` is what the registry calls for a ``packs`` entry that is a file;
a Python distribution can ship a TOML pack through an entry point with
``plugin = load_pack(Path(__file__).with_name("pack.toml"))`` (see rules/sichuan).
The format is documented in ``docs/writing-a-pack.md``.
"""

from __future__ import annotations

from pathlib import Path

from gailint.declarative.plugin import DeclarativePack
from gailint.declarative.schema import parse
from gailint.declarative.source import TomlError, TomlSource
from gailint.engine.pack import PackProblem
from gailint.engine.plugins import PackProblemError

__all__ = ["DeclarativePack", "load_pack"]


def load_pack(path: Path | str) -> DeclarativePack:
    """Read and validate a TOML pack.

    :raises PackProblemError: with every problem found, each naming file, line and key.
    """
    path = Path(path)
    try:
        source = TomlSource.read(path)
    except OSError as exc:
        raise PackProblemError([PackProblem(str(path), None, f"无法读取规则包文件：{exc.strerror or exc}")]) from None
    except UnicodeDecodeError:
        raise PackProblemError([PackProblem(str(path), None, "规则包文件应为 UTF-8 编码")]) from None
    except TomlError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        raise PackProblemError([PackProblem(where, None, exc.message)]) from None
    spec, problems = parse(source)
    if spec is None:
        raise PackProblemError(problems)
    return DeclarativePack(spec, source)
