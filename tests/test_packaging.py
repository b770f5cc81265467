"""A regular (not editable) install ships every package and every pack file: an
editable install finds them in the source tree and would hide a missing entry."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PROJECT["tool"]["setuptools"]


def _installed_name(folder: Path) -> str:
    """``rules/henan`` → ``gailint_rules.henan`` (pyproject's package-dir mapping)."""
    rel = folder.relative_to(ROOT).parts
    for name, source in SETUPTOOLS["package-dir"].items():
        if rel[: len(Path(source).parts)] == Path(source).parts:
            return ".".join((name, *rel[len(Path(source).parts) :]))
    return ".".join(rel)


def test_every_python_package_is_listed():
    found = {_installed_name(p.parent) for top in ("gailint", "rules") for p in (ROOT / top).rglob("__init__.py")}
    assert found == set(SETUPTOOLS["packages"])


def test_every_pack_data_file_is_included():
    patterns = PROJECT["tool"]["setuptools"]["package-data"]["gailint_rules"]
    for path in (ROOT / "rules").rglob("*.toml"):
        rel = path.relative_to(ROOT / "rules").as_posix()
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel


def test_every_shipped_pack_has_an_entry_point():
    entry_points = PROJECT["project"]["entry-points"]["gailint"]
    shipped = {p.name for p in (ROOT / "rules").iterdir() if (p / "__init__.py").is_file()}
    assert shipped <= set(entry_points)
