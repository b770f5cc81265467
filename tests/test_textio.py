"""Reading and writing report files: encodings, line breaks and safe writes."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from pathlib import Path

import pytest

from gailint import textio
from gailint.textio import (
    SourceChanged,
    SourceError,
    SourceFile,
    decode_bytes,
    read_source,
    read_stdin,
    write_source,
)

CHINESE = "政府信息公开工作年度报告\n一、总体情况\n"


def write_bytes(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


# -- decoding ---------------------------------------------------------------


def test_utf8_bytes_decode_as_utf8() -> None:
    assert decode_bytes(CHINESE.encode("utf-8")) == (CHINESE, "utf-8")


def test_bom_is_detected_and_stripped_from_the_text() -> None:
    text, encoding = decode_bytes(b"\xef\xbb\xbf" + CHINESE.encode("utf-8"))
    assert (text, encoding) == (CHINESE, "utf-8-sig")
    assert not text.startswith("\ufeff")


def test_gbk_bytes_decode_as_gb18030() -> None:
    assert decode_bytes(CHINESE.encode("gbk")) == (CHINESE, "gb18030")


def test_crlf_is_not_translated_when_decoding() -> None:
    text, _ = decode_bytes(b"a\r\nb\rc\n")
    assert text == "a\r\nb\rc\n"


def test_empty_bytes_decode_as_empty_utf8_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


def test_undecodable_bytes_raise_source_error() -> None:
    # 0xFF is invalid in UTF-8 and in GB18030.
    with pytest.raises(SourceError, match="cannot decode as UTF-8 or GB18030"):
        decode_bytes(b"\xff\xff\xff")


def test_bom_followed_by_invalid_utf8_raises_source_error() -> None:
    with pytest.raises(SourceError):
        decode_bytes(b"\xef\xbb\xbf\xc3\x28")


# -- reading ----------------------------------------------------------------


def test_read_source_records_path_encoding_newline_and_digest(tmp_path: Path) -> None:
    data = "第一行\r\n第二行\r\n".encode("utf-8")
    path = write_bytes(tmp_path / "r.txt", data)
    source = read_source(path)
    assert source == SourceFile(
        path=path,
        text="第一行\r\n第二行\r\n",
        encoding="utf-8",
        newline="\r\n",
        digest=hashlib.sha256(data).hexdigest(),
    )


def test_read_source_accepts_a_pathlike(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"x")
    assert read_source(path).path == str(path)


@pytest.mark.parametrize(
    ("text", "newline"),
    [
        ("", "\n"),
        ("no line break", "\n"),
        ("a\nb\n", "\n"),
        ("a\r\nb\r\n", "\r\n"),
        ("a\rb\r", "\r"),
        ("a\r\nb\r\nc\n", "\r\n"),
        ("a\nb\r\n", "\n"),  # a tie goes to "\n"
    ],
)
def test_newline_is_the_dominant_line_ending(tmp_path: Path, text: str, newline: str) -> None:
    path = write_bytes(tmp_path / "r.txt", text.encode("utf-8"))
    assert read_source(path).newline == newline


def test_missing_file_raises_source_error_with_path(tmp_path: Path) -> None:
    path = str(tmp_path / "missing.txt")
    with pytest.raises(SourceError, match="No such file or directory") as info:
        read_source(path)
    assert info.value.path == path
    assert isinstance(info.value.__cause__, OSError)


def test_directory_raises_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        read_source(tmp_path)


def test_undecodable_file_raises_source_error_with_path(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "bad.txt", b"\xff\xfe\xff")
    with pytest.raises(SourceError, match="cannot decode") as info:
        read_source(path)
    assert info.value.path == path
    assert str(info.value) == "cannot decode as UTF-8 or GB18030"


def test_read_stdin_reads_binary_stdin_under_the_given_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = "报告\r\n".encode("gb18030")
    fake = io.TextIOWrapper(io.BytesIO(data))
    monkeypatch.setattr(sys, "stdin", fake)
    source = read_stdin("report.txt")
    assert (source.path, source.text, source.encoding) == ("report.txt", "报告\r\n", "gb18030")
    assert source.digest == hashlib.sha256(data).hexdigest()


# -- writing ----------------------------------------------------------------


def test_utf8_file_round_trips(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", CHINESE.encode("utf-8"))
    source = read_source(path)
    write_source(source, source.text.replace("总体", "主动"))
    assert Path(path).read_bytes() == CHINESE.replace("总体", "主动").encode("utf-8")


def test_utf8_with_bom_file_is_written_back_with_its_bom(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", b"\xef\xbb\xbf" + CHINESE.encode("utf-8"))
    source = read_source(path)
    write_source(source, source.text + "三、\n")
    assert Path(path).read_bytes() == b"\xef\xbb\xbf" + (CHINESE + "三、\n").encode("utf-8")


def test_gb18030_file_is_detected_and_written_back_in_gb18030(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", CHINESE.encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "gb18030"
    new_text = source.text.replace("总体情况", "总体情况（𠮷）")
    write_source(source, new_text)
    assert Path(path).read_bytes() == new_text.encode("gb18030")
    assert read_source(path).text == new_text


def test_crlf_is_kept_byte_for_byte_after_a_write(tmp_path: Path) -> None:
    original = "标题\r\n一、总体情况\r\n二、主动公开\r\n".encode("utf-8")
    path = write_bytes(tmp_path / "r.txt", original)
    source = read_source(path)
    write_source(source, source.text.replace("主动", "被动"))
    assert Path(path).read_bytes() == original.replace("主动".encode(), "被动".encode())
    assert Path(path).read_bytes().count(b"\r\n") == 3


def test_untouched_bytes_are_identical_after_a_write(tmp_path: Path) -> None:
    original = "前文\r\n中间\r旧值\n后文\u3000\t 。".encode("gb18030")
    path = write_bytes(tmp_path / "r.txt", original)
    source = read_source(path)
    write_source(source, source.text.replace("旧值", "新值"))
    written = Path(path).read_bytes()
    old, new = "旧值".encode("gb18030"), "新值".encode("gb18030")
    cut = original.index(old)
    assert written[:cut] == original[:cut]
    assert written[cut : cut + len(new)] == new
    assert written[cut + len(new) :] == original[cut + len(old) :]


def test_writing_the_same_text_reproduces_the_same_bytes(tmp_path: Path) -> None:
    original = b"\xef\xbb\xbfa\r\nb\rc\n"
    path = write_bytes(tmp_path / "r.txt", original)
    write_source(read_source(path), read_source(path).text)
    assert Path(path).read_bytes() == original


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", CHINESE.encode("utf-8"))
    write_source(read_source(path), "新内容\n")
    assert os.listdir(tmp_path) == ["r.txt"]


def test_write_keeps_the_permission_bits(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    os.chmod(path, 0o640)
    write_source(read_source(path), "new\n")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_write_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_source(read_source(link), "new\n")
    assert link.is_symlink()
    assert target.read_bytes() == b"new\n"


def test_file_changed_on_disk_raises_source_changed_and_is_not_overwritten(
    tmp_path: Path,
) -> None:
    path = write_bytes(tmp_path / "r.txt", b"version 1\n")
    source = read_source(path)
    Path(path).write_bytes(b"version 2\n")
    with pytest.raises(SourceChanged) as info:
        write_source(source, "fixed\n")
    assert info.value.path == path
    assert isinstance(info.value, SourceError)
    assert Path(path).read_bytes() == b"version 2\n"
    assert os.listdir(tmp_path) == ["r.txt"]


def test_file_removed_on_disk_raises_source_changed(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", b"x\n")
    source = read_source(path)
    os.unlink(path)
    with pytest.raises(SourceChanged):
        write_source(source, "y\n")
    assert os.listdir(tmp_path) == []


def test_unencodable_text_raises_source_error_and_leaves_the_file_untouched(
    tmp_path: Path,
) -> None:
    path = write_bytes(tmp_path / "r.txt", CHINESE.encode("gb18030"))
    source = read_source(path)
    # A lone surrogate is the one thing GB18030 cannot represent.
    with pytest.raises(SourceError, match="cannot encode"):
        write_source(source, "坏\ud800")
    assert Path(path).read_bytes() == CHINESE.encode("gb18030")
    assert os.listdir(tmp_path) == ["r.txt"]


def test_failed_replace_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    source = read_source(path)

    def fail(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(textio.os, "replace", fail)
    with pytest.raises(SourceError, match="Permission denied"):
        write_source(source, "new\n")
    assert Path(path).read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["r.txt"]


# -- writes that respect the file --------------------------------------------


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    # Replacing needs only a writable folder; a file marked read-only says "don't".
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    os.chmod(path, 0o444)
    inode = os.stat(path).st_ino
    with pytest.raises(SourceError, match="只读"):
        write_source(read_source(path), "new\n")
    assert Path(path).read_bytes() == b"old\n" and os.stat(path).st_ino == inode
    assert os.listdir(tmp_path) == ["r.txt"]


def test_hard_links_are_kept(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    other = tmp_path / "copy-in-archive.txt"
    os.link(path, other)
    write_source(read_source(path), "new\n")
    assert other.read_bytes() == b"new\n"
    assert os.stat(path).st_ino == os.stat(other).st_ino


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_the_owner_is_kept(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    os.chown(path, 12345, 23456)
    write_source(read_source(path), "new\n")
    st = os.stat(path)
    assert (st.st_uid, st.st_gid) == (12345, 23456) and Path(path).read_bytes() == b"new\n"


def test_a_folder_that_refuses_new_files_gets_the_file_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only folder holding a writable file (editors write such files in place).
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    inode = os.stat(path).st_ino

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(textio.tempfile, "mkstemp", refuse)
    write_source(read_source(path), "new\n")
    assert Path(path).read_bytes() == b"new\n" and os.stat(path).st_ino == inode


def test_stale_temporary_files_of_ours_are_removed_when_writing(tmp_path: Path) -> None:
    # A write killed before its rename (power cut, kill -9) leaves a hidden temp file;
    # the next write in that folder removes ours once they are stale, nothing else.
    path = write_bytes(tmp_path / "r.txt", b"old\n")
    stale = [tmp_path / ".r.txt.k3j2h1.gailint-tmp", tmp_path / ".other.txt.a8b7c6.gailint-tmp"]
    fresh = tmp_path / ".r.txt.q9w8e7.gailint-tmp"  # perhaps another gailint, writing now
    unrelated = tmp_path / ".r.txt.swp"
    for p in [*stale, fresh, unrelated]:
        p.write_bytes(b"partial")
    hour_ago = os.stat(path).st_mtime - 3600
    for p in stale:
        os.utime(p, (hour_ago, hour_ago))
    write_source(read_source(path), "new\n")
    assert sorted(os.listdir(tmp_path)) == sorted(["r.txt", fresh.name, unrelated.name])


@pytest.mark.parametrize(
    "text, newline", [("a\rb\rc\r", "\r"), ("a\r\nb\r\n", "\r\n"), ("a\nb\n", "\n"), ("a\rb\r\nc\r", "\r"), ("", "\n")]
)
def test_dominant_newline(text: str, newline: str) -> None:
    assert textio.dominant_newline(text) == newline
