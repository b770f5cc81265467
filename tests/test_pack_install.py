"""A third-party Python pack, installed as a user installs it: the template folder is
pip-installed into a fresh virtual environment, and its rule runs from the CLI and from
the language server of that environment.

No network: the environment reaches gailint and its dependencies through a ``.pth``
file pointing at this environment's site-packages, and pip builds the pack with
``--no-build-isolation --no-deps --no-index``.
"""

from __future__ import annotations

import json
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "server"))

from lsp_helpers import RawClient, raw_diagnostics  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "templates" / "python-pack"
REPORT = """某镇人民政府2023年政府信息公开工作年度报告
本报告所列数据统计期限为2023年1月1日至2023年12月31日。
第二十条第（八）项
信息内容	本年收费金额（单位：万元）
行政事业性收费	7816
"""


def _site_packages(python: Path) -> Path:
    """The new environment's own site-packages, as its interpreter sees it."""
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip())


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A virtual environment with the template pack installed; its python."""
    base = tmp_path_factory.mktemp("pack-venv")
    env = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    # gailint and its dependencies come from the running environment (nested .pth
    # files, such as an editable install's, need site.addsitedir).
    ours = [p for p in site.getsitepackages() if Path(p).is_dir()]
    lines = "".join(f"import site; site.addsitedir({p!r})\n" for p in ours)
    site_packages = _site_packages(python)
    site_packages.mkdir(parents=True, exist_ok=True)
    (site_packages / "gailint-host.pth").write_text(lines, encoding="utf-8")
    source = base / "python-pack"  # a copy: building writes into the source folder
    shutil.copytree(TEMPLATE, source, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-build-isolation", "--no-index", "-q"]
    out = subprocess.run([*pip, str(source)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    return python


def project(tmp_path: Path, packs: str | None) -> Path:
    if packs is not None:
        (tmp_path / "gailint.toml").write_text(f"packs = {packs}\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def gailint(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-m", "gailint", *args], capture_output=True, text=True, cwd=cwd)


def test_the_installed_pack_is_listed_with_its_distribution_version(venv, tmp_path):
    out = gailint(venv, "packs", cwd=project(tmp_path, '["mypack"]'))
    assert out.returncode == 0, out.stderr
    assert "mypack 0.1.0 · Python · 已启用（gailint.toml）" in out.stdout
    assert "规则：MYP001 · 修改：GAI404 · 来源：gailint_mypack" in out.stdout


def test_its_rule_runs_from_the_cli(venv, tmp_path):
    out = gailint(venv, "check", "--output-format", "json", "report.txt", cwd=project(tmp_path, '["mypack"]'))
    assert out.stderr == ""
    (d,) = [d for d in json.loads(out.stdout) if d["code"] == "MYP001"]
    assert REPORT[d["start"]["offset"] : d["end"]["offset"]] == "7816"
    assert d["severity"] == "info" and d["message"] == "收费金额“7816”万元超过 1000 万元，请核对单位是否为万元"


def test_it_stays_silent_where_the_config_does_not_select_it(venv, tmp_path):
    out = gailint(venv, "check", "--output-format", "json", "report.txt", cwd=project(tmp_path, None))
    assert not [d for d in json.loads(out.stdout) if d["code"].startswith("MYP")]


def test_its_rule_runs_from_the_language_server(venv, tmp_path):
    folder = project(tmp_path, '["mypack"]')
    client = RawClient(cwd=folder, command=[str(venv), "-m", "gailint", "server"])
    try:
        client.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}}})
        client.response(1)
        client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        uri = (folder / "report.txt").as_uri()
        opened = {"uri": uri, "languageId": "plaintext", "version": 1, "text": REPORT}
        client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": opened}})
        diagnostics = raw_diagnostics(client, uri)
        (d,) = [d for d in diagnostics if d["code"] == "MYP001"]
        assert d["range"]["start"] == {"line": 4, "character": 8} and d["source"] == "gailint"
    finally:
        client.close()


def test_the_templates_own_tests_pass_once_installed(venv, tmp_path):
    tests = tmp_path / "tests"
    shutil.copytree(TEMPLATE / "tests", tests)
    out = subprocess.run(
        [str(venv), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)], capture_output=True, text=True, cwd=tmp_path
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "4 passed" in out.stdout
