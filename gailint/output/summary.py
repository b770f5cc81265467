"""``--summary``: the state of many reports at a glance, one row per issuer and
year (files, errors, warnings, what ``--fix`` can repair), for a 政务公开办
looking over a county's repository."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any, TextIO

from gailint.engine.diagnostics import Severity

UNKNOWN = "（未识别发布机关）"


@dataclass
class Row:
    issuer: str | None
    key: str | None
    year: int | None
    files: list[str] = field(default_factory=list)
    by_severity: dict[int, int] = field(default_factory=dict)
    fixable: int = 0
    unsafe: int = 0
    codes: dict[str, int] = field(default_factory=dict)
    unreadable: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, Any]:
        count = self.by_severity.get
        return {
            "issuer": self.issuer,
            "key": self.key,
            "year": self.year,
            "files": len(self.files),
            "errors": count(int(Severity.ERROR), 0),
            "warnings": count(int(Severity.WARNING), 0),
            "info": count(int(Severity.INFO), 0) + count(int(Severity.HINT), 0),
            "fixable": self.fixable,
            "unsafe_fixable": self.unsafe,
            "unreadable": self.unreadable,
            "skipped": self.skipped,
            "codes": dict(sorted(self.codes.items(), key=lambda kv: (-kv[1], kv[0]))),
            "paths": self.files,
        }


class Summary:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, int], Row] = {}
        self._names: dict[str, str] = {}

    def add(self, path: str, issuer: str | None, key: str | None, year: int | None, tally, *, unreadable=False, skipped=False) -> None:
        if key and issuer and key not in self._names:
            self._names[key] = issuer
        row = self.rows.get((key or "", year or 0))
        if row is None:
            row = self.rows[(key or "", year or 0)] = Row(issuer, key, year)
        row.files.append(path)
        row.unreadable += unreadable
        row.skipped += skipped
        for (code, severity, state), n in tally.items():
            row.by_severity[severity] = row.by_severity.get(severity, 0) + n
            row.codes[code] = row.codes.get(code, 0) + n
            row.fixable += n if state == 1 else 0
            row.unsafe += n if state == 2 else 0

    def sorted_rows(self) -> list[Row]:
        for row in self.rows.values():
            if row.key:
                row.issuer = self._names.get(row.key, row.issuer)
        return sorted(self.rows.values(), key=lambda r: (r.key is None or r.key == "", r.key or "", r.year or 0))

    def write(self, stream: TextIO, as_json: bool) -> None:
        rows = self.sorted_rows()
        if as_json:
            json.dump([r.as_dict() for r in rows], stream, ensure_ascii=False, indent=2)
            stream.write("\n")
            return
        head = ("发布机关", "年度", "文件", "错误", "警告", "提示", "可修复", "需核实")
        table = [head]
        for r in rows:
            d = r.as_dict()
            table.append(
                (
                    r.issuer or UNKNOWN,
                    str(r.year or "—"),
                    str(d["files"]),
                    str(d["errors"]),
                    str(d["warnings"]),
                    str(d["info"]),
                    str(d["fixable"]),
                    str(d["unsafe_fixable"]),
                )
            )
        widths = [max(_width(row[i]) for row in table) for i in range(len(head))]
        for n, row in enumerate(table):
            cells = [_pad(cell, widths[i], left=i == 0) for i, cell in enumerate(row)]
            stream.write("  ".join(cells).rstrip() + "\n")
            if n == 0:
                stream.write("  ".join("-" * w for w in widths) + "\n")
        total_files = sum(len(r.files) for r in rows)
        issuers = len({r.key for r in rows if r.key})
        stream.write(f"\n共 {total_files} 份报告，{issuers} 个发布机关。“可修复”可用 `gailint check --fix` 修复；"
                     "“需核实”是会改变数字的修复，核实后用 `--unsafe-fixes`。\n")


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int, left: bool) -> str:
    gap = " " * (width - _width(s))
    return s + gap if left else gap + s
