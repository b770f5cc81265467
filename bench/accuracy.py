"""What gailint understands of a folder of real reports, and what it reports.

    python bench/accuracy.py ../shared/corpus ../shared/seeds [--per-file] [--json]

For every report: sections found (of six), tables found, cells read directly, by
splitting digit runs, or left unread; tables whose best split reading is not unique;
and the diagnostics by rule code. The totals at the end are what the README quotes.
A script, not a test: it measures the reader on whatever folder it is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from gailint.engine.linter import Linter
from gailint.model import Report, Table
from gailint.textio import read_source

_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_NOT_REPORTS = {"INDEX", "README"}  # a corpus's own description


def table_stats(table: Table | None) -> dict[str, int]:
    out = Counter(direct=0, split=0, unread=0, missing_rows=0)
    if table is None:
        return dict(out)
    for i, row in enumerate(table.rows):
        if row is None:
            out["missing_rows"] += table.expected_row(i)
            continue
        if row.unread is not None:
            out["unread"] += row.expected
        elif row.readings:
            out["split"] += len(row.cells)
        else:
            out["direct"] += len(row.cells)
    return dict(out)


def report_stats(report: Report) -> dict:
    tables = {name: getattr(report, name) for name in ("table2", "table3", "table4")}
    cells: Counter[str] = Counter()
    for t in tables.values():
        for k, v in table_stats(t).items():
            cells[k] += v
    return {
        "sections": sorted({s.number for s in report.sections}),
        "tables": [name for name, t in tables.items() if t is not None],
        "cells": dict(cells),
        "split_tables": [name for name, t in tables.items() if t is not None and t.split is not None],
        "ambiguous_tables": [name for name, t in tables.items() if t is not None and not t.certain],
        "layout": report.layout,
        "format": report.format,
        "year": report.year,
        "issuer": report.issuer,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folders", nargs="+")
    p.add_argument("--per-file", action="store_true", help="one line per report")
    p.add_argument("--json", action="store_true", help="the per-report figures as JSON")
    args = p.parse_args(argv)
    files = sorted(
        f
        for folder in args.folders
        for f in Path(folder).rglob("*")
        if f.suffix.lower() in _SUFFIXES and f.is_file() and f.stem.upper() not in _NOT_REPORTS
    )
    linter = Linter.create()
    rows = []
    codes: Counter[str] = Counter()
    for f in files:
        src = read_source(f)
        report, diagnostics = linter.lint(src.text, str(f))
        stats = report_stats(report)
        stats["file"] = str(f)
        stats["codes"] = dict(Counter(d.code for d in diagnostics))
        codes.update(stats["codes"])
        rows.append(stats)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.per_file:
        for r in rows:
            c = r["cells"]
            print(
                f"{Path(r['file']).name:28} sections {''.join(str(n) for n in r['sections']) or '-':6} "
                f"tables {len(r['tables'])} cells {c.get('direct', 0)}/{c.get('split', 0)}/{c.get('unread', 0)} "
                f"missing-rows {c.get('missing_rows', 0):2} ambiguous {','.join(r['ambiguous_tables']) or '-'} "
                f"| {' '.join(f'{k}×{v}' for k, v in sorted(r['codes'].items()))}"
            )
        print()
    n = len(rows)
    six = sum(len(r["sections"]) == 6 for r in rows)
    three = sum(len(r["tables"]) == 3 for r in rows)
    cells = Counter()
    for r in rows:
        cells.update(r["cells"])
    total_cells = cells["direct"] + cells["split"] + cells["unread"]
    print(f"reports: {n}")
    print(f"six sections found: {six}/{n}; all three tables found: {three}/{n}")
    print(
        f"cells: {total_cells} — read directly {cells['direct']}, by splitting digit runs {cells['split']}, "
        f"unread {cells['unread']}; template rows missing: {cells['missing_rows']}"
    )
    split_tables = sum(len(r["split_tables"]) for r in rows)
    ambiguous = sum(len(r["ambiguous_tables"]) for r in rows)
    print(f"tables read by splitting: {split_tables}; of them with more than one best reading: {ambiguous}")
    print("diagnostics by code: " + ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
