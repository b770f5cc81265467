"""The rule pages every diagnostic links to: generated from the rules' docs,
current, every link and anchor leading somewhere, shipped with the package; and
the LICENSE that pyproject.toml declares."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from gailint.engine.plugins import load_registry
from gailint.engine.rule import DOCS_DIR

ROOT = Path(__file__).resolve().parent.parent
RULES = load_registry().sorted()


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_the_pages_are_current():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


def test_every_link_and_anchor_of_the_site_resolves():
    pages = sorted(DOCS_DIR.glob("*.html"))
    assert (DOCS_DIR / "index.html") in pages and (DOCS_DIR / "style.css").is_file()
    broken = []
    for page in pages:
        for link in _parse(page).links:
            target = urlparse(link)
            if target.scheme:  # nothing points outside the site
                broken.append((page.name, link))
                continue
            dest = (page.parent / unquote(target.path)) if target.path else page
            if not dest.is_file():
                broken.append((page.name, link))
            elif target.fragment and dest.suffix == ".html" and unquote(target.fragment) not in _parse(dest).ids:
                broken.append((page.name, link))
    assert broken == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rules_url_leads_to_its_page(rule):
    url = urlparse(rule.docs_url)
    assert url.scheme == "file"
    page = Path(unquote(url.path))
    assert page.is_file() and page.parent == DOCS_DIR
    parsed = _parse(page)
    assert rule.code in parsed.ids  # the page is about this rule
    text = page.read_text(encoding="utf-8")
    assert rule.name in text and "检查内容" in text


def test_the_pages_are_installed_with_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"]["package-data"]["gailint"]
    assert "docs/*.html" in data and "docs/*.css" in data


def test_the_declared_license_is_in_the_repository():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == {"text": "MIT"}
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in license_text
