"""Reading files that may not be what their names promise.

A report folder can hold a FIFO (opening it blocks until a writer comes), a link
to ``/dev/zero`` (reading it never ends), or an unrelated 50 MB export. Every
read here opens without blocking, checks that what it opened is a regular file,
and reads at most a given number of bytes.
"""

from __future__ import annotations

import os
import stat

HEAD_BYTES = 16 * 1024  # enough for a title, a crawler's header and the first lines
TAIL_BYTES = 2 * 1024  # enough for a signature and its date
MAX_REPORT_BYTES = 10 * 1024 * 1024  # a report of the year before is never larger


class NotRegular(OSError):
    """The path is not a regular file (its kind is in the message)."""


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words for a report's author (None: regular)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def _open_regular(path: str) -> tuple[int, os.stat_result]:
    # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)
        if kind is not None:
            raise NotRegular(0, f"不是普通文件，而是{kind}")
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def read_regular(path: str, limit: int | None = None) -> bytes:
    """The bytes of a regular file (the first ``limit`` of them, if given).

    Raises :class:`NotRegular` for a FIFO, a device, a folder…, OSError otherwise.
    """
    fd, st = _open_regular(path)
    try:
        chunks = []
        got = 0
        # One read for the usual file; the size may change meanwhile, so read on
        # to the end of file, but never past the limit.
        step = st.st_size + 1
        while limit is None or got < limit:
            chunk = os.read(fd, step if limit is None else min(step, limit - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            step = 1 << 20
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_head_and_tail(path: str, head: int = HEAD_BYTES, tail: int = TAIL_BYTES) -> tuple[bytes, bytes, int]:
    """(first ``head`` bytes, last ``tail`` bytes after them, size) of a regular file."""
    fd, st = _open_regular(path)
    try:
        first = os.read(fd, head)
        size = st.st_size
        last = b""
        if size > head:
            last = os.pread(fd, tail, max(head, size - tail))
        return first, last, size
    finally:
        os.close(fd)


def cut_at_line(data: bytes, *, keep: str) -> bytes:
    """Bytes cut at a line break, so no character is split: ``keep="head"`` drops
    the unfinished last line, ``keep="tail"`` the unfinished first one. A line
    feed never occurs inside a UTF-8 or GB18030 character."""
    if keep == "head":
        i = data.rfind(b"\n")
        return data[: i + 1] if i >= 0 else data
    i = data.find(b"\n")
    return data[i + 1 :] if i >= 0 else b""
