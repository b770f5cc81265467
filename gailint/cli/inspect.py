"""``gailint inspect``: what gailint understood of a report."""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from gailint.cli.common import add_config_argument, fail, make_linter
from gailint.config import ConfigError
from gailint.model import Report, Table
from gailint.output.escape import dump_json, visible
from gailint.template import FEE_ROW, TABLE3_ROWS


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="报告文件；- 表示标准输入")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    add_config_argument(p)
    p.add_argument("--year", type=int, help="报告年度（文本中找不到年度时使用）")


def _value(cell) -> Any:
    if cell.kind == "blank":
        return None
    if cell.kind == "number" and not isinstance(cell.value, float):
        return cell.value
    return cell.text  # amounts, n/a marks and unreadable cells as written


def _table2(t: Table | None) -> dict[str, list] | None:
    if t is None:
        return None
    out = {}
    for row in t.found_rows:
        name = row.label.template
        out[name] = [c.text if name == FEE_ROW else _value(c) for c in row.cells]
    return out


def _table3(t: Table | None) -> list | None:
    if t is None:
        return None
    return [None if r is None else [_value(c) for c in r.cells] for r in t.rows]


def _table4(t: Table | None) -> list | None:
    if t is None or not t.rows or t.rows[0] is None:
        return None
    return [_value(c) for c in t.rows[0].cells]


def _reading(t: Table, text: str) -> dict[str, Any]:
    """How a table's cells were read: directly, or by splitting digit runs."""
    rows = [r for r in t.rows if r is not None]
    return {
        "template": t.template if t.name == "table2" else None,
        "split_rows": [r.index for r in rows if r.readings],
        "row_readings": {str(r.index): len(r.readings) for r in rows if len(r.readings) > 1},
        "best_readings": None if t.split is None else t.split.best,
        "unique": t.certain,
        "unread": [span.text(text) for span in t.unread],
    }


def model_dict(report: Report, path: str) -> dict[str, Any]:
    title = report.title
    period = report.period
    return {
        "path": path,
        "year": report.year,
        "year_source": report.year_source,
        "issuer": report.issuer,
        "issuer_kind": report.issuer_kind,
        "issuer_kind_source": report.issuer_kind_source,
        "format": report.format,
        "title": None if title is None else {"text": title.text, "start": title.span.start, "end": title.span.end},
        "period": None
        if period is None
        else {
            "text": period.text,
            "start": period.span.start,
            "end": period.span.end,
            "from": period.start.isoformat() if period.start else None,
            "to": period.end.isoformat() if period.end else None,
        },
        "published": None
        if report.published is None
        else {"date": report.published.value.isoformat(), "source": report.published.source},
        "sections": [
            {"number": s.number, "title": s.heading, "start": s.span.start, "end": s.span.end} for s in report.sections
        ],
        "table3_rows": None if report.table3 is None else [report.table3.row_name(i) for i in range(len(TABLE3_ROWS))],
        "tables": {
            "table2": _table2(report.table2),
            "table3": _table3(report.table3),
            "table4": _table4(report.table4),
        },
        "reading": {
            t.name: _reading(t, report.text) for t in (report.table2, report.table3, report.table4) if t is not None
        },
        "layout": report.layout,
        "notes": list(report.notes),
    }


def _text(d: dict[str, Any], out) -> None:
    w = out.write
    w(f"文件：{d['path']}\n")
    w(f"年度：{d['year'] or '未知'}（来源：{d['year_source'] or '无'}）\n")
    key = f"；匹配键：{d['issuer_key']}" if d.get("issuer_key") else ""
    w(f"发布机关：{d['issuer'] or '未知'}（{d['issuer_kind'] or '类型未知'}{key}）\n")
    if d.get("issuer_kind_source"):
        w(f"  类型依据：{d['issuer_kind_source']}\n")
    w(f"格式：{d['format'] or '未知'}\n")
    w(f"标题：{d['title']['text'] if d['title'] else '无'}\n")
    w(f"统计期限：{d['period']['text'] if d['period'] else '无'}\n")
    w(f"发布日期：{d['published']['date'] if d['published'] else '无'}\n")
    w("章节：\n")
    for s in d["sections"]:
        w(f"  {s['title']}\n")
    t = d["tables"]
    w("表二：\n" if t["table2"] is not None else "表二：未找到\n")
    for k, v in (t["table2"] or {}).items():
        w(f"  {k}: {' '.join('□' if x is None else str(x) for x in v)}\n")
    w("表三：\n" if t["table3"] is not None else "表三：未找到\n")
    for (label, _), row, name in zip(TABLE3_ROWS, t["table3"] or [], d.get("table3_rows") or []):
        vals = "（缺失）" if row is None else " ".join("□" if x is None else str(x) for x in row)
        w(f"  {name}: {vals}\n")
    w(f"表四：{' '.join('□' if x is None else str(x) for x in t['table4'])}\n" if t["table4"] is not None else "表四：未找到\n")
    names = {"table2": "表二", "table3": "表三", "table4": "表四"}
    for name, r in d["reading"].items():
        if r["split_rows"]:
            how = "唯一" if r["unique"] else f"有 {r['best_readings']} 种同样好的读法，无法确定"
            w(f"{names[name]}：{len(r['split_rows'])} 行的数字连写，按勾稽关系拆分读出（{how}）\n")
        for run in r["unread"]:
            w(f"{names[name]}：连写的数字“{run}”无法拆分，未读\n")
    for n in d["notes"]:
        w(f"注：{n}\n")


def run(args: argparse.Namespace) -> int:
    from gailint.textio import SourceError, read_source, read_stdin

    try:
        linter = make_linter(args.config, **({"year": args.year} if args.year else {}))
        src = read_stdin("-") if args.file == "-" else read_source(args.file)
        settings = linter.settings_for(None if args.file == "-" else args.file, getattr(linter, "explicit_config", None))
        report = linter.parse(src.text, None if args.file == "-" else args.file, settings)
    except ConfigError as exc:
        return fail(str(exc))
    except SourceError as exc:
        return fail(f"{args.file}: {exc}")
    d = model_dict(report, args.file)
    # The key that matches this issuer's reports of other years (GAI305, GAI307).
    d["issuer_key"] = linter.issuer_key(report.issuer, None if args.file == "-" else args.file)
    if args.output_format == "json":
        dump_json(d, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        out = io.StringIO()
        _text(d, out)
        sys.stdout.write(visible(out.getvalue(), keep="\n"))  # the report's text, shown not obeyed
    return 0
