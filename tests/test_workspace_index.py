"""The report index: issuer keys, what is read to identify a file, and what is
never read (a FIFO, a link to /dev/zero, a link out of the repository, a huge
unrelated file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gailint.engine import files as files_module
from gailint.engine import workspace as workspace_module
from gailint.engine.files import MAX_REPORT_BYTES, NotRegular, read_regular
from gailint.engine.issuers import issuer_key
from gailint.engine.workspace import ReportIndex, identify_name

from _support import seed_text

S004 = seed_text("004")  # 宜阳县人民政府办公室2021年政府信息公开工作年度报告


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("宜阳县人民政府办公室", "宜阳县政府办公室"),
        ("标题：宜阳县人民政府办公室", "宜阳县人民政府办公室"),
        ("标题: 宜阳县人民政府办公室", "宜阳县人民政府办公室"),
        ("**宜阳县 人民政府办公室**", "宜阳县人民政府办公室"),
        ("平潭综合实验区苏平片区管理局关于报送", "平潭综合实验区苏平片区管理局"),
        ("某市管理委员会", "某市管委会"),
    ],
)
def test_small_differences_share_a_key(a, b):
    assert issuer_key(a) == issuer_key(b)


@pytest.mark.parametrize(("a", "b"), [("宜阳县人民政府", "宜阳县人民政府办公室"), ("宜阳县教育局", "洛宁县教育局")])
def test_different_issuers_keep_different_keys(a, b):
    assert issuer_key(a) != issuer_key(b)


def test_a_name_that_says_issuer_and_year_is_enough():
    ident = identify_name("reports/宜阳县人民政府办公室2021年政府信息公开工作年度报告.txt")
    assert (ident.issuer, ident.year) == ("宜阳县人民政府办公室", 2021)
    assert identify_name("reports/2021.txt") is None


def _index(folder: Path) -> ReportIndex:
    index = ReportIndex(lambda issuer, path: issuer_key(issuer))
    index.scan(folder)
    return index


def test_a_report_is_identified_from_its_head(tmp_path):
    (tmp_path / "2021.txt").write_text(S004, encoding="utf-8")
    (entry,) = _index(tmp_path).entries.values()
    assert (entry.identity.issuer, entry.identity.year, entry.key) == ("宜阳县人民政府办公室", 2021, "宜阳县政府办公室")


def test_only_a_head_and_a_tail_are_read(tmp_path, monkeypatch):
    # A 9 MB "report" (under the size bound): identifying it reads 16 KB + 2 KB.
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(S004.encode("utf-8"))
        f.write(b"x" * (9 * 1024 * 1024))
    read = []
    real_read, real_pread = os.read, os.pread
    monkeypatch.setattr(files_module.os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    monkeypatch.setattr(files_module.os, "pread", lambda fd, n, at: read.append(n) or real_pread(fd, n, at))
    (entry,) = _index(tmp_path).entries.values()
    assert entry.identity.issuer == "宜阳县人民政府办公室"
    assert sum(read) <= 20 * 1024


def test_special_files_and_huge_files_are_never_opened(tmp_path, monkeypatch):
    (tmp_path / "2021.txt").write_text(S004, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(MAX_REPORT_BYTES + 1)  # sparse: 10 MB of nothing, cheap to make
    opened = []
    monkeypatch.setattr(workspace_module, "read_head_and_tail", lambda p, *a: opened.append(p) or (b"", b"", 0))
    index = _index(tmp_path)
    assert [Path(p).name for p in opened] == ["2021.txt"]
    assert sorted(Path(e.path).name for e in index.entries.values()) == ["2021.txt"]


def test_links_out_of_the_repository_are_not_followed(tmp_path):
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (outside / "2021.txt").write_text(S004, encoding="utf-8")
    (repo / "2021.txt").symlink_to(outside / "2021.txt")
    (repo / "inside.txt").write_text(S004.replace("2021", "2020"), encoding="utf-8")
    (repo / "alias.txt").symlink_to(repo / "inside.txt")
    index = _index(repo)
    # The link inside the repository is the same file: one entry.
    assert [Path(e.path).name for e in index.entries.values()] in (["inside.txt"], ["alias.txt"])


def test_reading_a_fifo_returns_at_once_with_a_clear_error(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(NotRegular, match="命名管道"):
        read_regular(str(tmp_path / "fifo"))
    with pytest.raises(NotRegular, match="设备文件"):
        read_regular("/dev/zero", 10)
