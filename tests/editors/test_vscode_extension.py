"""editors/vscode: the extension's own tests (node's runner: pure logic, and an
integration test over vscode-languageserver-protocol), its .vsix, and a real VS Code
(code-server in Debian's headless Chromium) with that .vsix installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from programs import REPORT_NAME, ROOT, SEED_003, VENV_BIN, cli_diagnostics, missing

EXTENSION = ROOT / "editors" / "vscode"
E2E = EXTENSION / "e2e"
COMMANDS = {"gailint.restart", "gailint.fixAll", "gailint.insertTables", "gailint.showModel"}


def npm(*args: str, cwd: Path = EXTENSION, timeout: float = 300) -> subprocess.CompletedProcess:
    npm = shutil.which("npm")
    if npm is None:
        missing("npm", "Node 20 with npm")
    return subprocess.run([npm, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def built() -> Path:
    """The extension compiled from the current sources (npm ci must have run)."""
    if not (EXTENSION / "node_modules" / "vscode-languageclient").is_dir():
        missing("editors/vscode/node_modules", "cd editors/vscode && npm ci")
    out = npm("run", "compile")
    assert out.returncode == 0, out.stdout + out.stderr
    return EXTENSION


@pytest.fixture(scope="module")
def vsix(built, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("vsix") / "gailint.vsix"
    out = npm("exec", "--", "vsce", "package", "--out", str(target))
    assert out.returncode == 0, out.stdout + out.stderr
    return target


def test_extension_unit_and_integration_tests(built):
    env = dict(os.environ, GAILINT=str(VENV_BIN / "gailint"))
    node = shutil.which("node")
    out = subprocess.run([node, "--test", "test/"], cwd=built, capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "# fail 0" in out.stdout and "# pass 18" in out.stdout, out.stdout[-1000:]


def test_the_vsix_holds_the_compiled_extension_and_its_contributions(vsix):
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("extension/package.json"))
    assert "extension/out/src/extension.js" in names
    assert "extension/node_modules/vscode-languageclient/package.json" in names
    assert not any(n.startswith("extension/src/") or n.startswith("extension/e2e/") for n in names)
    assert {c["command"] for c in manifest["contributes"]["commands"]} == COMMANDS
    settings = manifest["contributes"]["configuration"]["properties"]
    assert {"gailint.select", "gailint.ignore", "gailint.severity", "gailint.run", "gailint.debounce"} <= set(settings)
    trust = manifest["capabilities"]["untrustedWorkspaces"]
    assert trust["supported"] == "limited"
    assert set(trust["restrictedConfigurations"]) == {"gailint.path", "gailint.interpreter"}


def test_code_server_shows_the_problems_and_applies_a_quick_fix(vsix, tmp_path):
    if not (E2E / "node_modules" / "code-server" / "lib" / "vscode" / "node_modules.asar").exists():
        missing("code-server", "bash editors/vscode/e2e/install.sh")
    chromium = shutil.which("chromium")
    if chromium is None:
        missing("Chromium", "apt-get install chromium")
    work = tmp_path / "work"
    work.mkdir()
    out = tmp_path / "e2e.json"
    env = dict(
        os.environ, GAILINT=str(VENV_BIN / "gailint"), VSIX=str(vsix), WORK=str(work), OUT=str(out),
        SEED=str(SEED_003), CHROMIUM=chromium,
    )
    proc = subprocess.run(
        [shutil.which("node"), str(E2E / "run.js")], capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path
    )
    assert out.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    got = json.loads(out.read_text(encoding="utf-8"))
    assert got["ok"], f"{got.get('error')}\n{proc.stdout[-3000:]}\n{got.get('serverLog', '')[-2000:]}"
    assert got["installed"], "the .vsix was not installed"
    cli = cli_diagnostics(SEED_003)
    # The status bar counts the report's problems; the Problems panel lists them.
    assert got["status"].endswith(f"gailint {len(cli)}")
    # (The panel is a virtual list: it renders the rows that fit, the first ones.)
    problems = got["problems"]
    assert problems[0].split("\n")[:2] == [REPORT_NAME, str(len(cli))]
    label = next(d for d in cli if d["code"] == "GAI201")
    assert any(
        row.split("\n") == [label["message"], "gailint", "GAI201", "[Ln 26, Col 13]"] for row in problems
    ), problems
    # The quick-fix changed the GAI302 cell; saving then applied every safe fix
    # (editor.codeActionsOnSave with source.fixAll.gailint), as `gailint check --fix` does.
    fix = next(d["fix"] for d in cli if d["code"] == "GAI302")
    quick_fixed = SEED_003.read_text(encoding="utf-8")
    for edit in sorted(fix["edits"], key=lambda e: -e["start"]):
        quick_fixed = quick_fixed[: edit["start"]] + edit["text"] + quick_fixed[edit["end"] :]
    fixed = tmp_path / REPORT_NAME
    fixed.write_text(quick_fixed, encoding="utf-8")
    assert got["statusQuickFixed"].endswith(f"gailint {len(cli_diagnostics(fixed))}")
    subprocess.run([str(VENV_BIN / "gailint"), "check", "--fix", "-q", str(fixed)], capture_output=True)
    assert got["saved"] == fixed.read_text(encoding="utf-8")
    assert got["saved"] != quick_fixed, "fix on save changed nothing"
    assert got["statusAfter"].endswith(f"gailint {len(cli_diagnostics(fixed))}")
    # "gailint: 显示解析结果" shows what `gailint inspect` prints.
    inspect = subprocess.run([str(VENV_BIN / "gailint"), "inspect", str(fixed)], capture_output=True, text=True)
    shown = got["model"].replace("\u00a0", " ")
    for line in inspect.stdout.splitlines()[1:4]:
        assert line in shown, (line, shown[:500])
    # "gailint: 修复所有问题" leaves what `gailint check --fix` leaves.
    second = tmp_path / "second.txt"
    shutil.copy(SEED_003, second)
    subprocess.run([str(VENV_BIN / "gailint"), "check", "--fix", "-q", str(second)], capture_output=True)
    assert got["secondStatus"].endswith(f"gailint {len(cli)}")
    assert got["secondFixed"].endswith(f"gailint {len(cli_diagnostics(second))}")
    # "gailint: 插入三张标准表格" fills an empty report with the template's tables.
    assert "本年制发件数" in got["tables"] and "本年新收政府信息公开申请数量" in got["tables"]
    # "gailint: 重启语言服务器": the status bar shows the restart, then counts again.
    assert "gailint" in got["restarting"] and got["restarted"] == got["statusAfter"]
