"""JUnit XML: one test suite per file, one failing test case per diagnostic, one
passing case for a clean file (CI systems show it as a test report)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any, TextIO

from gailint.output import FileResult, RenderOptions, Totals

# XML 1.0 cannot carry these, even escaped; a report's text may hold them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(s: str) -> str:
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)


def render(r: FileResult, opts: RenderOptions) -> tuple[str, list[tuple[str, str, int, int, str]]]:
    positions = r.positions()
    cases = []
    for d in r.diagnostics:
        line, col = positions.line_col(d.span.start) if positions is not None else (1, 1)
        cases.append((d.code, d.severity.label, line, col, d.message))
    return r.path, cases


def write(parts: Iterable[tuple[str, list]], stream: TextIO, totals: Totals, opts: RenderOptions) -> None:
    root = ET.Element("testsuites", name="gailint")
    tests = failures = 0
    for path, cases in parts:
        path = _clean(path)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(cases))), failures=str(len(cases)))
        if not cases:
            ET.SubElement(suite, "testcase", name="未发现问题", classname=path)
        for code, severity, line, col, message in cases:
            case = ET.SubElement(suite, "testcase", name=f"{code} ({line}:{col})", classname=path, file=path, line=str(line))
            failure = ET.SubElement(case, "failure", message=_clean(message), type=severity)
            failure.text = _clean(f"{path}:{line}:{col}: {code} {message}")
        tests += max(1, len(cases))
        failures += len(cases)
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
