"""`gailint check` in a repository of reports: last year's report found and
named, files that must never be read, files named twice or that are not reports."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _support import FIXTURES, seed_text

GAILINT = [sys.executable, "-m", "gailint"]
S004 = seed_text("004")
NEXT = "\t\t四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0"
LAST = S004.replace(NEXT, "\t\t四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1")  # 2021: 1 carried over
THIS = S004.replace("2021", "2022")  # 2022: 上年结转 0, text copied


def run(*args, cwd=None, timeout=60, limit_memory=False, **kw):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: /dev/zero would exceed it

    return subprocess.run(
        [*GAILINT, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
        preexec_fn=limit if limit_memory else None, **kw,
    )


def repo(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / ".git").mkdir()  # a repository root, as pre-commit runs in
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def concise(out) -> list[str]:
    return out.stdout.splitlines()[:-1]  # without the summary line


def test_last_years_report_is_found_and_named(tmp_path):
    root = repo(tmp_path, {"2021/宜阳.txt": LAST, "2022/宜阳.txt": THIS})
    # As pre-commit runs it: only this year's file named; last year's is found.
    out = run("check", "--output-format", "concise", "--select", "GAI305,GAI307", "2022/宜阳.txt", cwd=root)
    assert concise(out) == [
        "2022/宜阳.txt:3:1: GAI307 正文与2021年度报告（2021/宜阳.txt）有 100% 相同（按分句比较，不计数字），内容雷同；"
        "应按2022年度的实际情况撰写（相同部分应低于 90%）",
        "2022/宜阳.txt:38:19: GAI305 表三“二、上年结转政府信息公开申请数量”的“自然人”应为 1"
        "（2021年报告（2021/宜阳.txt）“四、结转下年度继续办理”为 1），实为 0",
        "2022/宜阳.txt:38:31: GAI305 表三“二、上年结转政府信息公开申请数量”的“总计”应为 1"
        "（2021年报告（2021/宜阳.txt）“四、结转下年度继续办理”为 1），实为 0",
    ]


def test_inspect_shows_the_issuer_key(tmp_path):
    root = repo(tmp_path, {"r.txt": S004})
    out = run("inspect", "--output-format", "json", "r.txt", cwd=root)
    d = json.loads(out.stdout)
    assert d["issuer"] == "宜阳县人民政府办公室" and d["issuer_key"] == "宜阳县政府办公室"
    text = run("inspect", "r.txt", cwd=root).stdout
    assert "发布机关：宜阳县人民政府办公室（department；匹配键：宜阳县政府办公室）" in text


def test_config_issuer_map_is_shown_by_inspect(tmp_path):
    root = repo(tmp_path, {"r.txt": S004, "gailint.toml": '[issuers]\n"r.txt" = "宜阳县政务服务中心"\n'})
    d = json.loads(run("inspect", "--output-format", "json", "r.txt", cwd=root).stdout)
    assert d["issuer_key"] == "宜阳县政务服务中心"


# ---------------------------------------------------------------- what is never read


def test_a_fifo_beside_the_report_does_not_hang(tmp_path):
    root = repo(tmp_path, {"2022.txt": THIS})
    os.mkfifo(root / "2021.txt")  # opening it for reading would wait for a writer forever
    out = run("check", "--select", "GAI305", "2022.txt", cwd=root, timeout=30)
    assert out.returncode == 0, out.stderr


def test_a_link_to_dev_zero_beside_the_report_does_not_eat_memory(tmp_path):
    root = repo(tmp_path, {"2022.txt": THIS})
    (root / "zero.txt").symlink_to("/dev/zero")
    out = run("check", "--select", "GAI305", "2022.txt", cwd=root, timeout=30, limit_memory=True)
    assert out.returncode == 0, out.stderr


def test_an_unrelated_50_mb_file_is_not_read(tmp_path):
    root = repo(tmp_path, {"2022.txt": THIS})
    with open(root / "export.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    t = time.perf_counter()
    out = run("check", "--select", "GAI305", "2022.txt", cwd=root, limit_memory=True)
    assert out.returncode == 0, out.stderr
    # It used to take 4 s and 346 MB; reading nothing of it, a check stays well under a second or two.
    assert time.perf_counter() - t < 5


def test_a_fifo_named_on_the_command_line_gets_one_clear_message(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    out = run("check", "--output-format", "concise", str(tmp_path / "pipe.txt"), timeout=30)
    assert out.returncode == 2
    assert concise(out) == [f"{tmp_path / 'pipe.txt'}:1:1: GAI003 无法读取文件：不是普通文件，而是命名管道（FIFO），未检查"]
    dev = run("check", "--output-format", "concise", "/dev/null", timeout=30)
    assert dev.returncode == 2 and concise(dev) == ["/dev/null:1:1: GAI003 无法读取文件：不是普通文件，而是设备文件，未检查"]


def test_the_same_file_named_twice_is_checked_once(tmp_path):
    (tmp_path / "sub").mkdir()
    report = tmp_path / "sub" / "r.txt"
    report.write_text(S004, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(report)
    out = run("check", "--output-format", "json", "--select", "GAI201,GAI7", "sub/r.txt", "./sub/r.txt", "sub", "link.txt", cwd=tmp_path)
    paths = {d["path"] for d in json.loads(out.stdout)}
    assert paths == {"sub/r.txt"}


# ---------------------------------------------------------------- what is not a report


def test_a_readme_is_skipped_with_a_note(tmp_path):
    (tmp_path / "README.md").write_text("# 报告仓库\n\n本仓库存放本县各部门的年度报告。\n", encoding="utf-8")
    out = run("check", "README.md", cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout == "未发现问题（跳过 1 个不像年度报告的文件）。\n"
    assert out.stderr == "gailint: note: README.md: 不像年度报告（没有标题、章节标题或表格），已跳过\n"


def test_force_exclude_applies_exclude_to_named_files(tmp_path):
    (tmp_path / "gailint.toml").write_text('exclude = ["drafts/*"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "r.txt").write_text(seed_text("003"), encoding="utf-8")
    named = run("check", "--select", "GAI201", "drafts/r.txt", cwd=tmp_path)
    assert named.returncode == 1  # named explicitly: checked, as before
    forced = run("check", "--force-exclude", "--select", "GAI201", "drafts/r.txt", cwd=tmp_path)
    assert forced.returncode == 0 and forced.stdout == "未发现问题。\n"
    (tmp_path / "gailint.toml").write_text('exclude = ["drafts/*"]\nforce-exclude = true\n', encoding="utf-8")
    assert run("check", "--select", "GAI201", "drafts/r.txt", cwd=tmp_path).returncode == 0
    assert run("check", "--no-force-exclude", "--select", "GAI201", "drafts/r.txt", cwd=tmp_path).returncode == 1


def test_walked_folders_skip_special_files(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text("003"), encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    out = run("check", "--output-format", "json", "--select", "GAI201", ".", cwd=tmp_path, timeout=30, limit_memory=True)
    assert {d["path"] for d in json.loads(out.stdout)} == {"./r.txt"}


@pytest.mark.parametrize("seed", sorted(p.name for p in FIXTURES.glob("0*.txt")))
def test_every_seed_looks_like_a_report(seed):
    out = run("check", "--select", "GAI201", str(FIXTURES / seed))
    assert "已跳过" not in out.stderr
