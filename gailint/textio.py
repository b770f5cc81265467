"""Reading and writing report files without losing anything.

Reports come as UTF-8 (sometimes with a BOM, as saved by Windows tools) or as
GB18030/GBK/GB2312 (older government systems). A file is decoded exactly, with no
newline translation, so offsets match the bytes on disk and a fix rewrites only
the characters it changes: the encoding, the BOM and every line break survive.

Writes are atomic where the file allows it (temporary file + ``os.replace``, with
the file's mode and owner copied), and refuse to overwrite a file that changed on
disk since it was read, or one marked read-only. A file with other hard links, whose
owner cannot be kept, or in a folder that refuses new files is written in place
instead (as editors do), so every name of it and its owner stay as they were.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
import time
from dataclasses import dataclass

__all__ = [
    "dominant_newline",
    "encode_text",
    "SourceError",
    "SourceChanged",
    "SourceFile",
    "decode_bytes",
    "source_from_bytes",
    "read_source",
    "read_stdin",
    "write_source",
]

_BOM = b"\xef\xbb\xbf"
_TEMP_SUFFIX = ".gailint-tmp"
# A temporary file of ours this old was left by a write that never finished (power
# cut, kill -9): removed by the next write in its folder.
_STALE_SECONDS = 600
_swept: set[str] = set()  # folders already cleaned in this process


class SourceError(Exception):
    """A report file cannot be read, decoded or written."""

    def __init__(self, path: str | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message


class SourceChanged(SourceError):
    """The file on disk is no longer the one that was read: it is not overwritten."""


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    encoding: str  # "utf-8", "utf-8-sig" or "gb18030"
    newline: str  # dominant line ending: "\n", "\r\n" or "\r"
    digest: str  # sha256 hex of the raw bytes as read


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a report's bytes; return ``(text, encoding)``.

    Raises :class:`SourceError` (with no path) when the bytes are neither UTF-8
    nor GB18030.
    """
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise SourceError(None, "cannot decode as UTF-8 despite its BOM") from None
    # Strict UTF-8 first: GB18030 would also "decode" most UTF-8, wrongly.
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SourceError(None, "cannot decode as UTF-8 or GB18030")


def dominant_newline(text: str) -> str:
    """The text's most frequent line ending ("\\n" for none): what an inserted line
    must end with to match its neighbours (a lone CR in old Mac files too)."""
    crlf = text.count("\r\n")
    counts = {
        "\n": text.count("\n") - crlf,
        "\r\n": crlf,
        "\r": text.count("\r") - crlf,
    }
    # max() keeps the first of equal counts, so "\n" wins ties and empty files.
    return max(counts, key=lambda nl: counts[nl])


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_from_bytes(path: str, data: bytes) -> SourceFile:
    """A :class:`SourceFile` for ``data`` read from ``path`` (any name for stdin)."""
    try:
        text, encoding = decode_bytes(data)
    except SourceError as exc:
        raise SourceError(path, exc.message) from None
    return SourceFile(path, text, encoding, dominant_newline(text), _digest(data))


def _os_message(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def read_source(path: str | os.PathLike[str]) -> SourceFile:
    """Read and decode a report file; :class:`SourceError` if impossible."""
    name = os.fspath(path)
    try:
        data = _read_bytes(name)
    except OSError as exc:
        raise SourceError(name, _os_message(exc)) from exc
    return source_from_bytes(name, data)


def read_stdin(name: str = "<stdin>") -> SourceFile:
    """Read and decode a report from standard input, reported as ``name``."""
    try:
        data = sys.stdin.buffer.read()
    except OSError as exc:
        raise SourceError(name, _os_message(exc)) from exc
    return source_from_bytes(name, data)


def encode_text(source: SourceFile, text: str) -> bytes:
    """``text`` in ``source``'s own encoding (and BOM); :class:`SourceError` if impossible."""
    return _encode(source, text)


def _encode(source: SourceFile, text: str) -> bytes:
    try:
        # The "utf-8-sig" codec writes the BOM back.
        return text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        where = f"character {exc.object[exc.start]!r}"
        message = f"cannot encode {where} as {source.encoding.upper()}"
        raise SourceError(source.path, message) from None
    except LookupError:
        raise SourceError(source.path, f"unknown encoding {source.encoding!r}") from None


def _check_unchanged(source: SourceFile, target: str) -> None:
    """Raise :class:`SourceChanged` unless ``target`` still holds what was read."""
    try:
        current = _read_bytes(target)
    except OSError as exc:
        raise SourceChanged(source.path, f"file changed on disk: {_os_message(exc)}") from exc
    if _digest(current) != source.digest:
        raise SourceChanged(source.path, "file changed on disk since it was read")


def _write_temp(directory: str, name: str, data: bytes) -> str:
    """Write ``data`` to a new hidden temporary file in ``directory``; return its path."""
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=_TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            # On disk before the rename, so a crash cannot leave an empty file.
            os.fsync(f.fileno())
    except BaseException:
        _remove(temp)
        raise
    return temp


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _keep_metadata(st: os.stat_result, temp: str) -> bool:
    """Give ``temp`` the original's owner and permission bits (mkstemp makes 0600
    files of ours). False when the owner cannot be kept."""
    if hasattr(os, "chown"):
        tst = os.stat(temp)
        if (tst.st_uid, tst.st_gid) != (st.st_uid, st.st_gid):
            try:
                os.chown(temp, st.st_uid, st.st_gid)
            except PermissionError:
                return False
    # After chown, which may clear set-id bits.
    os.chmod(temp, stat.S_IMODE(st.st_mode))
    return True


def _read_only(path: str, st: os.stat_result) -> bool:
    # No write bit for anyone means "do not change", even for root (who may).
    return not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _sweep_stale_temps(directory: str) -> None:
    """Remove temporary files of ours left in ``directory`` by writes that never
    finished; once per folder and process (a folder may hold thousands of reports)."""
    if directory in _swept:
        return
    _swept.add(directory)
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(_TEMP_SUFFIX)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > _STALE_SECONDS:
                os.unlink(entry.path)
        except OSError:
            continue


def _fsync_directory(directory: str) -> None:
    # Makes the rename itself durable; not possible on every platform.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_in_place(source: SourceFile, target: str, data: bytes) -> None:
    """Rewrite the file's own bytes: every hard link and the owner stay (not atomic)."""
    _check_unchanged(source, target)
    try:
        with open(target, "r+b") as f:
            f.write(data)
            f.truncate()
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        raise SourceError(source.path, _os_message(exc)) from exc


def write_source(source: SourceFile, new_text: str) -> None:
    """Replace ``source``'s file with ``new_text`` in the same encoding.

    Raises :class:`SourceChanged` (and writes nothing) if the file on disk differs
    from what was read, and :class:`SourceError` if ``new_text`` cannot be encoded,
    the file is read-only, or it cannot be written.
    """
    data = _encode(source, new_text)
    # Write through a symlink to its target instead of replacing the link.
    target = os.path.realpath(source.path)
    directory, name = os.path.split(target)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise SourceChanged(source.path, f"file changed on disk: {_os_message(exc)}") from exc
    if _read_only(target, st):
        raise SourceError(source.path, "文件是只读的，未写入修复")
    _sweep_stale_temps(directory)
    if st.st_nlink > 1:
        # Other names share this file: a new file under this name would cut them off.
        _write_in_place(source, target, data)
        return
    try:
        temp = _write_temp(directory, name, data)
    except PermissionError:
        # A folder that refuses new files, holding a writable file.
        _write_in_place(source, target, data)
        return
    except OSError as exc:
        raise SourceError(source.path, _os_message(exc)) from exc
    try:
        # Checked last, to keep the window for a concurrent edit small.
        _check_unchanged(source, target)
        if not _keep_metadata(st, temp):
            _remove(temp)
            _write_in_place(source, target, data)  # keeps the owner we could not give
            return
        os.replace(temp, target)
    except BaseException as exc:
        _remove(temp)
        if isinstance(exc, OSError):
            raise SourceError(source.path, _os_message(exc)) from exc
        raise
    _fsync_directory(directory)
