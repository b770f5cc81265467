"""How fast the reader is on the layouts that need it (a script, not a test).

    python bench/reader.py

- a 1 MB report scraped onto one line (a real one-line body from the corpus followed
  by a megabyte of report prose, sentences joined by spaces as a crawler leaves them);
- a 1 MB HTML page (a saved page whose article is made that long);
- a row whose digits ran together for 40,000 characters (the splitter gives up in
  bounded time).
Each is linted by the whole engine (every rule), median of three runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SIZE = 1_000_000


def prose() -> list[str]:
    lines = []
    for p in sorted(FIXTURES.glob("0*.txt")):
        lines.extend(ln for ln in p.read_text(encoding="utf-8").splitlines() if len(ln) > 60)
    return lines


def one_line_report() -> str:
    text = (FIXTURES / "corpus" / "107.txt").read_text(encoding="utf-8").rstrip("\n")
    parts, total, i = [text], len(text.encode("utf-8")), 0
    sentences = prose()
    while total < SIZE:
        s = f"{sentences[i % len(sentences)]}（第{i}段）"
        parts.append(s)
        total += len(s.encode("utf-8")) + 1
        i += 1
    return " ".join(parts)


def html_report() -> str:
    page = (FIXTURES / "layouts" / "html" / "page-2023.html").read_text(encoding="utf-8")
    cut = page.index("<p", page.index('id="zoom"'))
    extra, total, i = [], len(page.encode("utf-8")), 0
    sentences = prose()
    while total < SIZE:
        s = f"<p style=\"text-indent: 2em;\">{sentences[i % len(sentences)]}（第{i}段）</p>\n"
        extra.append(s)
        total += len(s.encode("utf-8"))
        i += 1
    return page[:cut] + "".join(extra) + page[cut:]


def glued_row() -> str:
    return "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + "1" * 40_000 + "\n"


def timed(linter, text: str, path: str) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(3):
        start = time.perf_counter()
        found = len(linter.lint(text, path)[1])
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from gailint.engine.linter import Linter, tune_gc

    tune_gc()
    linter = Linter.create()
    for name, text, path in (
        ("1 MB one-line report", one_line_report(), "big.txt"),
        ("1 MB HTML page", html_report(), "big.html"),
        ("40,000 glued digits in one row", glued_row(), "glued.txt"),
    ):
        secs, found = timed(linter, text, path)
        size = len(text.encode("utf-8")) / 1e6
        print(f"{name}: {size:.2f} MB linted in {secs * 1000:.0f} ms ({found} diagnostics)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
