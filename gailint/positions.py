"""Offsets to positions and back: the ONLY place where that conversion happens.

gailint works in code-point offsets into the text (see :class:`gailint.model.Span`).
An LSP client counts characters in the negotiated position encoding: UTF-16 code
units by default, or UTF-8 bytes, or UTF-32 (= code points). Chinese text is in
the BMP (1 UTF-16 unit, 3 UTF-8 bytes), but rare characters such as 𠮷 and emoji
are astral (2 UTF-16 units, 4 UTF-8 bytes), so the conversion must be exact.

Lines are found with :class:`gailint.model.LineIndex` (\\n, \\r\\n and a lone \\r
end a line, as in LSP). Every conversion looks up one line in O(log n) and then
only looks at that line's characters.
"""

from __future__ import annotations

import re
from enum import Enum

from gailint.model import LineIndex

__all__ = ["PositionEncoding", "Positions", "Position"]

Position = tuple[int, int]

# Astral code points take two UTF-16 code units (a surrogate pair).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


_BLOCK = 4096  # code points per counted block of a long line


class PositionEncoding(str, Enum):
    UTF8 = "utf-8"
    UTF16 = "utf-16"
    UTF32 = "utf-32"


def _encoding(encoding: PositionEncoding | str) -> PositionEncoding:
    # Accept plain strings and lsprotocol's PositionEncodingKind (a str enum).
    if isinstance(encoding, PositionEncoding):
        return encoding
    return PositionEncoding(str(getattr(encoding, "value", encoding)))


def _units(s: str, encoding: PositionEncoding) -> int:
    """Length of ``s`` in code units of ``encoding``."""
    if encoding is PositionEncoding.UTF32 or s.isascii():
        return len(s)
    # "surrogatepass" so a lone surrogate (possible in text sent over JSON)
    # counts as one UTF-16 unit / three UTF-8 bytes instead of raising.
    if encoding is PositionEncoding.UTF16:
        return len(s.encode("utf-16-le", "surrogatepass")) // 2
    return len(s.encode("utf-8", "surrogatepass"))


def _utf16_index(s: str, units: int) -> int:
    """Code-point index in ``s`` of UTF-16 unit ``units`` (start of the character)."""
    extra = 0  # astral characters before the current one: one more unit each
    for match in _ASTRAL.finditer(s):
        at = match.start()
        if at + extra >= units:
            break
        if at + extra + 1 == units:
            return at  # between the two halves of a surrogate pair
        extra += 1
    return min(units - extra, len(s))


def _utf8_index(s: str, units: int) -> int:
    """Code-point index in ``s`` of UTF-8 byte ``units`` (start of the character)."""
    data = s.encode("utf-8", "surrogatepass")
    if units >= len(data):
        return len(s)
    # Back off continuation bytes (10xxxxxx) to the start of the character.
    while units > 0 and 0x80 <= data[units] <= 0xBF:
        units -= 1
    return len(data[:units].decode("utf-8", "surrogatepass"))


def _index(s: str, units: int, encoding: PositionEncoding) -> int:
    """Code-point index in ``s`` of code unit ``units``, clamped to ``len(s)``."""
    if encoding is PositionEncoding.UTF32 or s.isascii():
        return min(units, len(s))
    if encoding is PositionEncoding.UTF16:
        return _utf16_index(s, units)
    return _utf8_index(s, units)


class Positions:
    """Converts code-point offsets of one text to LSP positions and back.

    Built once per text; holds only the text and its line starts.
    """

    __slots__ = ("_text", "_index", "_marks")

    def __init__(self, text: str, index: LineIndex | None = None) -> None:
        self._text = text
        # A parser may already have built the index for the same text: reuse it.
        self._index = index if index is not None else LineIndex.of(text)
        # Long lines only: (line start, encoding) -> code units before each block.
        self._marks: dict[tuple[int, PositionEncoding], list[int]] = {}

    def _units_between(self, start: int, offset: int, enc: PositionEncoding) -> int:
        """Code units of text[start:offset], ``start`` a line start.

        On a long line (a web page scraped onto one line holds thousands of
        diagnostics) the units before every block of the line are counted once and
        kept, so each position costs at most one block, not the whole line so far.
        """
        if enc is PositionEncoding.UTF32 or offset - start <= _BLOCK:
            return _units(self._text[start:offset], enc)
        marks = self._marks.setdefault((start, enc), [0])
        k = (offset - start) // _BLOCK
        while len(marks) <= k:
            a = start + (len(marks) - 1) * _BLOCK
            marks.append(marks[-1] + _units(self._text[a : a + _BLOCK], enc))
        a = start + k * _BLOCK
        return marks[k] + _units(self._text[a:offset], enc)

    @property
    def text(self) -> str:
        return self._text

    @property
    def index(self) -> LineIndex:
        return self._index

    @property
    def line_count(self) -> int:
        """Number of lines; a final line break starts one more, empty, line."""
        return len(self._index.starts)

    def _clamp(self, offset: int) -> int:
        return max(0, min(offset, len(self._text)))

    def _content_end(self, line: int) -> int:
        """Offset of the end of ``line``, before its line break."""
        return self._index.line_span(line, self._text).end

    def to_position(self, offset: int, encoding: PositionEncoding | str) -> Position:
        """0-based (line, character) of ``offset``, counted in ``encoding``'s units.

        An offset between the \\r and \\n of a \\r\\n is not a position in LSP
        terms; it is reported at the \\r (the start of the line break), just like an
        offset inside a character would be.
        """
        enc = _encoding(encoding)
        offset = self._clamp(offset)
        line = self._index.line_of(offset)
        start = self._index.starts[line]
        offset = min(offset, self._content_end(line))
        return line, self._units_between(start, offset, enc)

    def to_offset(self, line: int, character: int, encoding: PositionEncoding | str) -> int:
        """Code-point offset of an LSP position; out-of-range values are clamped.

        A character past the end of the line clamps to the end of the line before
        its line break; a line past the last clamps to the end of the text; a
        character inside a surrogate pair or a UTF-8 sequence clamps to the start
        of that character; negative numbers clamp to 0.
        """
        enc = _encoding(encoding)
        if line >= len(self._index.starts):
            return len(self._text)
        line = max(line, 0)
        start = self._index.starts[line]
        content = self._text[start : self._content_end(line)]
        return start + _index(content, max(character, 0), enc)

    def to_range(
        self, start: int, end: int, encoding: PositionEncoding | str
    ) -> tuple[Position, Position]:
        """Positions of the offsets ``start`` and ``end``."""
        return self.to_position(start, encoding), self.to_position(end, encoding)

    def line_col(self, offset: int, encoding: PositionEncoding | str | None = None) -> Position:
        """1-based line and 1-based column for CLI output: in code points, or in
        ``encoding``'s units (Vim's ``%c`` counts UTF-8 bytes)."""
        if encoding is not None:
            line, column = self.to_position(offset, encoding)
        else:
            line, column = self._index.position(self._clamp(offset))
        return line + 1, column + 1
