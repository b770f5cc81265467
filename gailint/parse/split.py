"""Cells that ran together: read a row's digit runs with the table's own arithmetic.

A web page scraped to text loses its table borders: ``一、本年新收政府信息公开申请数量
12200014`` is the seven cells 12|2|0|0|0|0|14. A run is read as a small constraint
problem:

1. per row, every reading of its runs as the row's cells — non-negative integers
   without leading zeros, at most :data:`MAX_DIGITS` digits each, a space always a
   boundary — is enumerated (bounded: at most :data:`MAX_READINGS` readings and
   :data:`MAX_STEPS` search steps, else the run is left unread);
2. readings that break the row's own identity (总计 = the six applicant columns;
   table 四's 总计 = its four results) are dropped, unless none keeps it;
3. across the rows of table 三, the joint reading with the fewest broken column
   identities (一 + 二 = （七） + 四; （七） = the 21 result rows) is chosen
   (:func:`choose_joint`). Rules report an identity only when *no* reading keeps it
   (see :meth:`gailint.model.Table.possible`), and point at a cell only when the best
   reading is unique.

Table 二 has no identities: a run with more than one reading stays unread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from gailint.frozen import frozen

MAX_DIGITS = 6  # a count of a million applications or more is no count
MAX_READINGS = 256
MAX_STEPS = 20_000
MAX_JOINT = 4096  # joint readings of table 三 searched exhaustively

Value = int
Piece = tuple[int, int, int]  # (value, start, end) in the text
Reading = tuple[Piece, ...]
Check = Callable[[tuple[int, ...]], bool]


@frozen
class Chunk:
    """A run of digits between two hard boundaries (spaces, tabs, words)."""

    text: str
    start: int


@frozen
class RowReading:
    """The readings of one row's runs: ``readings`` keep the row's identity when
    ``holds`` (else none could, and they are every reading there is)."""

    readings: tuple[Reading, ...]
    holds: bool
    complete: bool  # the search was not cut short

    @property
    def unique(self) -> bool:
        return self.complete and len(self.readings) == 1


def splittable(chunks: Sequence[Chunk], cells: int) -> bool:
    """Whether the runs could hold ``cells`` cells once split: fewer runs than cells,
    every run plain digits, and enough digits."""
    if not chunks or len(chunks) >= cells:
        return False
    digits = 0
    for c in chunks:
        body = _integer_part(c.text.lstrip("+-−"))
        if not body.isdigit():
            return False
        digits += len(body)
    return cells <= digits <= cells * MAX_DIGITS


def _integer_part(body: str) -> str:
    """"1973601627.4" → "1973601627": a decimal part stays with the run's last cell."""
    for mark in ".．":
        if mark in body:
            head, _, tail = body.partition(mark)
            return head if tail.isdigit() else body
    return body


def _parts(text: str, start: int, count: int, steps: list[int]) -> list[list[Piece]]:
    """Ways to cut one run into ``count`` cells (a sign only before the first)."""
    sign = 1
    offset = 0
    if text[:1] in "+-−":
        sign, offset = (-1 if text[0] != "+" else 1), 1
    digits = _integer_part(text[offset:])
    fraction = text[offset + len(digits) :]  # "", or ".4" carried by the last cell
    out: list[list[Piece]] = []

    def walk(i: int, left: int, acc: list[Piece]) -> None:
        steps[0] += 1
        if steps[0] > MAX_STEPS or len(out) > MAX_READINGS:
            return
        rest = len(digits) - i
        if left == 0:
            if rest == 0:
                out.append(list(acc))
            return
        if rest < left or rest > left * MAX_DIGITS:
            return
        max_len = 1 if digits[i] == "0" else min(MAX_DIGITS, rest - (left - 1))
        for n in range(1, max_len + 1):
            last = left == 1
            value: int | float = int(digits[i : i + n])
            end = start + offset + i + n
            if last and fraction:
                value, end = float(digits[i : i + n] + "." + fraction[1:]), end + len(fraction)
            a = start + offset + i
            if not acc and offset:
                value, a = sign * value, start
            acc.append((value, a, end))  # type: ignore[arg-type]
            walk(i + n, left - 1, acc)
            acc.pop()

    walk(0, count, [])
    return out


def read_row(chunks: Sequence[Chunk], cells: int, check: Check | None) -> RowReading:
    """Every reading of ``chunks`` as ``cells`` cells (see the module docstring)."""
    if not splittable(chunks, cells):
        return RowReading((), False, False)
    steps = [0]
    readings: list[Reading] = []
    extra = cells - len(chunks)  # cells beyond one a run, to share out
    room = [len(_integer_part(c.text.lstrip("+-−"))) - 1 for c in chunks]
    for shares in _shares(extra, room):
        per_chunk = [_parts(c.text, c.start, 1 + k, steps) for c, k in zip(chunks, shares)]
        for combo in itertools.product(*per_chunk):
            readings.append(tuple(p for part in combo for p in part))
            if len(readings) > MAX_READINGS:
                break
        if steps[0] > MAX_STEPS or len(readings) > MAX_READINGS:
            return RowReading((), False, False)
    complete = steps[0] <= MAX_STEPS
    if check is not None:
        kept = [r for r in readings if check(tuple(v for v, _, _ in r))]
        if kept:
            return RowReading(tuple(kept), True, complete)
    return RowReading(tuple(readings), check is None, complete)


def _shares(extra: int, room: list[int]):
    """Ways to give ``extra`` more cells to the runs, at most ``room[i]`` each."""
    if not room:
        if extra == 0:
            yield ()
        return
    first, rest = room[0], room[1:]
    for k in range(min(extra, first) + 1):
        for tail in _shares(extra - k, rest):
            yield (k, *tail)


def row_total(values: tuple[int, ...]) -> bool:
    """Table 三: the last cell (总计) is the sum of the others."""
    return values[-1] == sum(values[:-1])


def group_totals(width: int) -> Check:
    """Table 四: in each group of ``width`` cells the last is the sum of the others."""

    def check(values: tuple[int, ...]) -> bool:
        return all(values[g + width - 1] == sum(values[g : g + width - 1]) for g in range(0, len(values), width))

    return check


# ------------------------------------------------------------------ table 三, jointly


Identity = tuple[tuple[int, ...], tuple[int, ...], int]  # (left rows, right rows, column)


def choose_joint(
    fixed: dict[int, tuple[int, ...]],
    open_rows: dict[int, list[tuple[int, ...]]],
    identities: Sequence[Identity],
) -> tuple[dict[int, int], int, bool]:
    """Pick one reading per open row so that the fewest identities break.

    :param fixed: row → its values where the row has one reading.
    :param open_rows: row → its candidate values, where it has several.
    :param identities: (rows summed on the left, rows summed on the right, column).
    :return: (row → index of the chosen reading, how many joint readings share the
      fewest broken identities, whether every joint reading was examined).
    """
    rows = sorted(open_rows)
    if not rows:
        return {}, 1, True
    relevant = [
        idt for idt in identities if all(r in fixed or r in open_rows for r in (*idt[0], *idt[1]))
    ]

    def broken(choice: dict[int, int]) -> int:
        def val(r: int, c: int) -> int:
            return open_rows[r][choice[r]][c] if r in open_rows else fixed[r][c]

        return sum(sum(val(r, c) for r in left) != sum(val(r, c) for r in right) for left, right, c in relevant)

    sizes = [len(open_rows[r]) for r in rows]
    total = 1
    for s in sizes:
        total *= s
    if total <= MAX_JOINT:
        best, count, best_choice = None, 0, {}
        for combo in itertools.product(*(range(s) for s in sizes)):
            choice = dict(zip(rows, combo))
            score = broken(choice)
            if best is None or score < best:
                best, count, best_choice = score, 1, choice
            elif score == best:
                count += 1
        return best_choice, count, True
    # Too many to try them all: improve one row at a time until nothing changes.
    choice = {r: 0 for r in rows}
    score = broken(choice)
    for _ in range(10):
        improved = False
        for r in rows:
            for k in range(len(open_rows[r])):
                trial = {**choice, r: k}
                s = broken(trial)
                if s < score:
                    choice, score, improved = trial, s, True
        if not improved:
            break
    return choice, 2, False
