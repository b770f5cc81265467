"""Open documents: the server's own copy of each buffer.

pygls keeps a workspace of its own, but its incremental updates convert positions
with pygls's helpers; gailint converts every position with
:class:`gailint.positions.Positions` instead (one implementation, tested against
astral characters and CRLF), so the server keeps the text here and pygls's
workspace is never fed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
        return "\r\n" if "\r\n" in self.text else "\n"

    def apply(self, changes: Iterable[Any], version: int | None, encoding: PositionEncoding) -> None:
        """Apply ``textDocument/didChange`` content changes, in order.

        A change with a range replaces that range (positions in ``encoding``, clamped
        to the text); a change without one replaces the whole text.
        """
        text = self.text
        for change in changes:
            new = getattr(change, "text", None)
            if not isinstance(new, str):
                continue
            rng = getattr(change, "range", None)
            if rng is None:
                text = new
                continue
            positions = self._positions_of(text)
            start = positions.to_offset(rng.start.line, rng.start.character, encoding)
            end = positions.to_offset(rng.end.line, rng.end.character, encoding)
            if end < start:
                start, end = end, start
            text = text[:start] + new + text[end:]
        self.text = text
        if isinstance(version, int):
            self.version = version
        else:
            self.version += 1

    def _positions_of(self, text: str) -> Positions:
        if self._positions is None or self._positions.text is not text:
            self._positions = Positions(text)
        return self._positions
