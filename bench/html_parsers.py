"""Which HTML parser the reader uses, measured (a script, not a test).

    pip install lxml html5lib selectolax   # only to compare; gailint needs none of them
    python bench/html_parsers.py

gailint must map every character it reads back to the page, so a parser is only of use
if it says where in the source each piece of text stands. For each candidate this
prints whether it exposes source offsets of text, and how long it takes to turn the
HTML fixtures (a saved page, a fragment, LibreOffice's and Word's HTML) into text,
median of several runs. gailint's own reader (html.parser plus the offset map and the
page-furniture selection) is timed too, end to end.
"""

from __future__ import annotations

import statistics
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "tests" / "fixtures" / "layouts" / "html").glob("*.htm*"))
RUNS = 20


def _median_ms(fn, text: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[tuple[tuple[int, int], str]] = []

    def handle_data(self, data: str) -> None:
        self.parts.append((self.getpos(), data))  # line and column of every piece


def stdlib(text: str) -> None:
    p = _Collect()
    p.feed(text)
    p.close()


def candidates():
    yield "html.parser (stdlib)", "yes: getpos() for every tag, entity and text", stdlib
    try:
        import lxml.html

        yield "lxml", "no: elements carry a source line, text no offset", lambda t: lxml.html.fromstring(t).text_content()
    except ImportError:
        pass
    try:
        import html5lib

        yield "html5lib", "no: a tree without source positions", lambda t: html5lib.parse(t)
    except ImportError:
        pass
    try:
        from selectolax.lexbor import LexborHTMLParser as Lexbor

        yield "selectolax (lexbor)", "no: a tree without source positions", lambda t: Lexbor(t).text()
    except ImportError:
        pass


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from gailint.read.html import read_html
    from gailint.textio import read_source

    texts = [read_source(p).text for p in FILES]
    size = sum(len(t) for t in texts)
    print(f"{len(texts)} HTML fixtures, {size / 1000:.0f} K characters; median of {RUNS} runs each")
    print(f"{'parser':24} {'source offsets of text':48} {'ms (all files)':>14}")
    for name, offsets, fn in candidates():
        ms = sum(_median_ms(fn, t) for t in texts)
        print(f"{name:24} {offsets:48} {ms:14.1f}")
    ms = sum(_median_ms(read_html, t) for t in texts)
    print(f"{'gailint reader':24} {'(html.parser + map + body selection)':48} {ms:14.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
