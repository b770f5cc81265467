"""Open documents: the server's own copy of each buffer.

pygls keeps a workspace of its own, but its incremental updates convert positions
with pygls's helpers; gailint converts every position with
:class:`gailint.positions.Positions` instead (one implementation, tested against
astral characters and CRLF), so the server keeps the text here and pygls's
workspace is never fed.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from gailint.model import LineIndex
from gailint.positions import PositionEncoding, Positions

_serial = itertools.count(1)
MARKDOWN_SUFFIXES = (".md", ".markdown")


def uri_to_path(uri: str) -> str | None:
    """The file-system path of a ``file:`` URI (None for untitled buffers)."""
    if not uri.startswith("file:"):
        return None
    from pygls.uris import to_fs_path

    try:
        return to_fs_path(uri)
    except Exception:  # a malformed URI is just a buffer without a file
        return None


@dataclass
class Document:
    uri: str
    text: str
    version: int
    language_id: str = ""
    path: str | None = None
    # Distinguishes two openings of the same URI (versions restart at reopen), so a
    # pull client's previous result id never matches a report of another text.
    serial: int = field(default_factory=lambda: next(_serial))
    _positions: Positions | None = field(default=None, repr=False)

    @classmethod
    def open(cls, uri: str, text: str, version: int | None, language_id: str = "") -> "Document":
        return cls(uri, text, version if isinstance(version, int) else 0, language_id or "", uri_to_path(uri))

    @property
    def positions(self) -> Positions:
        """Positions of the current text, built once per text."""
        if self._positions is None or self._positions.text is not self.text:
            self._positions = Positions(self.text)
        return self._positions

    @property
    def is_markdown(self) -> bool:
        if self.language_id == "markdown":
            return True
        return bool(self.path) and self.path.lower().endswith(MARKDOWN_SUFFIXES)  # type: ignore[union-attr]

    @property
    def newline(self) -> str:
        """The buffer's own line ending, for inserted lines (CR-only files too)."""
        from gailint.textio import dominant_newline

        return dominant_newline(self.text)

    def apply(self, changes: Iterable[Any], version: int | None, encoding: PositionEncoding) -> None:
        """Apply ``textDocument/didChange`` content changes, in order.

        A change with a range replaces that range (positions in ``encoding``, clamped
        to the text); a change without one replaces the whole text. The line index is
        updated around the edit only, so typing in a 1 MB report stays cheap.
        """
        text = self.text
        positions = self._positions if self._positions is not None and self._positions.text is text else None
        for change in changes:
            new = getattr(change, "text", None)
            if not isinstance(new, str):
                continue
            rng = getattr(change, "range", None)
            if rng is None:
                text, positions = new, None
                continue
            if positions is None:
                positions = Positions(text)
            start = positions.to_offset(rng.start.line, rng.start.character, encoding)
            end = positions.to_offset(rng.end.line, rng.end.character, encoding)
            if end < start:
                start, end = end, start
            text = text[:start] + new + text[end:]
            positions = Positions(text, updated_index(positions.index, text, start, end, len(new)))
        self.text = text
        self._positions = positions
        if isinstance(version, int):
            self.version = version
        else:
            self.version += 1


def updated_index(old: LineIndex, text: str, start: int, end: int, inserted: int) -> LineIndex:
    """The line index of ``text`` = the old text with [start, end) replaced by
    ``inserted`` characters, rescanning only the lines around the edit.

    The rescan starts at the line holding ``start - 1`` (a \r there may now meet a
    \n) and stops at the first old line start after ``end + 1``, whose line break
    lies entirely outside the edit; later starts just shift.
    """
    starts = old.starts
    delta = inserted - (end - start)
    i = bisect.bisect_right(starts, max(start - 1, 0)) - 1
    j = bisect.bisect_right(starts, end + 1)
    window_start = starts[i]
    window_end = starts[j] + delta if j < len(starts) else len(text)
    local = LineIndex.of(text[window_start:window_end]).starts
    middle = [window_start + s for s in local if window_start + s < window_end or j == len(starts)]
    tail = [s + delta for s in starts[j:]] if delta else list(starts[j:])
    return LineIndex(tuple(list(starts[:i]) + middle + tail), len(text))
