"""The map between the reader's text and the file it was read from.

The reader hands the parser a text of logical lines: a web page scraped onto one line
gets line breaks between its sections and sentences, an HTML page loses its tags and
entities. Every rule works on that text; every diagnostic and fix must land on the
file. A :class:`TextMap` records where the two differ, as a sorted list of
*segments* — "source characters [a, b) became view characters [c, d)" — with plain
copying in between, so mapping an offset is one binary search.

A segment is *markup* when its source characters are HTML tags, comments or page
furniture the reader dropped: a fix may not delete or rewrite those, so an edit that
spans markup is split into edits of the text around it (:meth:`TextMap.map_edit`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import itemgetter

from gailint.frozen import frozen

__all__ = ["TextMap", "ViewBuilder", "IDENTITY"]


@frozen
class TextMap:
    """Source ⇄ view offsets. Empty segment lists mean the view *is* the source."""

    src_a: tuple[int, ...] = ()
    src_b: tuple[int, ...] = ()
    view_a: tuple[int, ...] = ()
    view_b: tuple[int, ...] = ()
    markup: tuple[bool, ...] = ()

    @property
    def identity(self) -> bool:
        return not self.src_a

    # ------------------------------------------------------------ view → source

    def to_source(self, v: int, *, end: bool = False) -> int:
        """Source offset of view offset ``v``.

        Inside a segment, a start maps to the segment's source start and an end to
        its source end, so a span never cuts a tag or an entity in half. At a segment
        that the view shows as nothing (a dropped tag), a start lands after the
        dropped characters and an end before them.
        """
        if not self.src_a:
            return v
        i = bisect.bisect_right(self.view_a, v) - 1
        if i < 0:
            return v
        va, vb = self.view_a[i], self.view_b[i]
        if v > vb or (v == vb and vb > va):
            return self.src_b[i] + (v - vb)
        if va == vb:  # v == va: a dropped segment at this point
            return self.src_a[i] if end else self.src_b[i]
        if v == va:
            return self.src_a[i]
        return self.src_b[i] if end else self.src_a[i]

    def range_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source range of view range ``[start, end)``."""
        if not self.src_a:
            return start, end
        a = self.to_source(start)
        b = self.to_source(end, end=True) if end > start else a
        return a, max(a, b)

    # ------------------------------------------------------------ source → view

    def to_view(self, s: int) -> int:
        """View offset of source offset ``s`` (a position inside a segment maps to
        the segment's view start)."""
        if not self.src_a:
            return s
        i = bisect.bisect_right(self.src_a, s) - 1
        if i < 0:
            return s
        if s >= self.src_b[i]:
            return self.view_b[i] + (s - self.src_b[i])
        return self.view_a[i]

    # ------------------------------------------------------------ edits

    def edit_to_source(self, start: int, end: int, new: str) -> tuple[tuple[int, int, str], ...]:
        """The source edits ``(start, end, new)`` that make a view edit happen.

        Markup inside the edited range is kept: the text pieces between the markup
        are deleted and the new text goes into the first piece, so
        ``<span>20</span><span>23</span>`` with the year replaced becomes
        ``<span>2024</span><span></span>``.
        """
        if not self.src_a:
            return ((start, end, new),)
        a, b = self.range_to_source(start, end)
        lo = bisect.bisect_right(self.src_b, a)
        hi = bisect.bisect_left(self.src_a, b)
        inner = [i for i in range(lo, hi) if self.markup[i] and self.src_b[i] > self.src_a[i]]
        if not inner:
            return ((a, b, new),)
        pieces: list[tuple[int, int]] = []
        pos = a
        for i in inner:
            if self.src_a[i] > pos:
                pieces.append((pos, self.src_a[i]))
            pos = max(pos, self.src_b[i])
        if pos < b:
            pieces.append((pos, b))
        if not pieces:
            return ((a, a, new),) if new else ()
        (x0, y0), *rest = pieces
        return ((x0, y0, new), *((x, y, "") for x, y in rest))

    def replaced(self, v: int) -> bool:
        """Whether view character ``v`` was made by the reader (not copied)."""
        return self._segment(v) is not None

    def from_markup(self, v: int) -> bool:
        """Whether view character ``v`` stands for markup of the source (an HTML
        paragraph's tags), not for a break the reader put into a line of text."""
        i = self._segment(v)
        return i is not None and self.markup[i]

    def _segment(self, v: int) -> int | None:
        if not self.src_a:
            return None
        i = bisect.bisect_right(self.view_a, v) - 1
        return i if i >= 0 and self.view_a[i] <= v < self.view_b[i] else None


IDENTITY = TextMap()


@dataclass
class ViewBuilder:
    """Builds a view of ``source`` left to right: copy up to a point, replace a
    stretch, copy on. Adjacent replacements merge into one segment."""

    source: str
    _parts: list[str] = field(default_factory=list)
    _pos: int = 0  # source consumed so far
    _vlen: int = 0  # view length so far
    _segs: list[list] = field(default_factory=list)  # [src_a, src_b, view_a, view_b, markup]

    @property
    def position(self) -> int:
        return self._pos

    def copy_to(self, src: int) -> None:
        if src > self._pos:
            self._parts.append(self.source[self._pos : src])
            self._vlen += src - self._pos
            self._pos = src

    def replace(self, src_a: int, src_b: int, text: str, *, markup: bool = False) -> None:
        """Show source ``[src_a, src_b)`` as ``text`` (``src_a >= position``)."""
        self.copy_to(src_a)
        if src_b == src_a and not text:
            return
        segs = self._segs
        if segs and segs[-1][1] == src_a and segs[-1][3] == self._vlen and segs[-1][4] == markup:
            # Touching replacements of one kind are one segment (dropped tags in a row);
            # a tag and an entity stay apart, so the entity keeps its own span.
            last = segs[-1]
            last[1] = src_b
            last[3] += len(text)
        else:
            segs.append([src_a, src_b, self._vlen, self._vlen + len(text), markup])
        self._parts.append(text)
        self._vlen += len(text)
        self._pos = src_b

    def finish(self) -> tuple[str, TextMap]:
        self.copy_to(len(self.source))
        if not self._segs:
            return self.source, IDENTITY
        # One column at a time (zip(*segs) would build an iterator per segment and one
        # argument tuple of them all: hundreds of thousands on a big scraped page).
        cols = (tuple(map(itemgetter(k), self._segs)) for k in range(5))
        return "".join(self._parts), TextMap(*cols)  # type: ignore[arg-type]
