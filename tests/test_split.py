"""Cells that ran together, read with the table's own arithmetic (gailint.parse.split)."""

from __future__ import annotations

import time

from gailint.config import Settings
from gailint.engine.linter import Linter
from gailint.parse import parse
from gailint.parse.split import Chunk, choose_joint, group_totals, read_row, row_total
from gailint.template import T3_TOTAL, TABLE3_ROWS

LINTER = Linter.create()


def readings(runs: str, cells: int, check=None) -> list[list[int]]:
    chunks, pos = [], 0
    for word in runs.split(" "):
        if word:
            chunks.append(Chunk(word, pos))
        pos += len(word) + 1
    return [[v for v, _, _ in r] for r in read_row(chunks, cells, check).readings]


def test_a_seven_digit_run_is_one_digit_a_cell():
    assert readings("2000002", 7, row_total) == [[2, 0, 0, 0, 0, 0, 2]]


def test_multi_digit_cells_are_found_by_the_row_total():
    # 142000016 has 28 readings as seven numbers; one keeps 总计 = the six columns.
    assert readings("142000016", 7, row_total) == [[14, 2, 0, 0, 0, 0, 16]]
    assert readings("122000014", 7, row_total) == [[12, 2, 0, 0, 0, 0, 14]]


def test_spaces_are_hard_boundaries_and_leading_zeros_impossible():
    assert readings("10 0 0 012", 7, row_total) == [[1, 0, 0, 0, 0, 1, 2]]
    assert readings("0 0 00 0 0 0", 7, row_total) == [[0] * 7]
    assert readings("0011", 3) == [[0, 0, 11]]


def test_when_no_reading_keeps_the_total_every_reading_is_kept():
    found = read_row([Chunk("2000003", 0)], 7, row_total)
    assert not found.holds and [[v for v, _, _ in r] for r in found.readings] == [[2, 0, 0, 0, 0, 0, 3]]


def test_table_two_runs_with_several_readings():
    assert readings("34089", 3) == [[3, 40, 89], [3, 408, 9], [34, 0, 89], [340, 8, 9]]


def test_signs_and_decimals_stay_with_their_cells():
    assert readings("0 +11", 3) == [[0, 1, 1]]
    assert readings("1 -10", 3) == [[1, -1, 0]]
    assert readings("19736016.4", 2)[0] == [1, 9736016.4] or len(readings("19736016.4", 2)) > 1


def test_table_four_groups_of_five():
    assert readings("010010000000000", 15, group_totals(5)) == [[0, 1, 0, 0, 1] + [0] * 10]


def test_each_cell_gets_the_span_of_its_own_digits():
    (r,) = read_row([Chunk("142000016", 100)], 7, row_total).readings
    assert [(a, b) for _, a, b in r] == [(100, 102), (102, 103), (103, 104), (104, 105), (105, 106), (106, 107), (107, 109)]


def test_the_search_is_bounded_on_a_long_run():
    start = time.perf_counter()
    found = read_row([Chunk("1" * 30, 0)], 7, row_total)
    assert time.perf_counter() - start < 0.5
    assert found.readings == () and not found.complete  # too many readings: left unread
    assert read_row([Chunk("1" * 40_000, 0)], 7, row_total).readings == ()


def test_joint_choice_uses_the_column_identities():
    # Row 0 reads two ways; only one makes 一 + 二 = （七） + 四 in column 0.
    fixed = {1: (0,), 2: (3,), 3: (0,)}
    open_rows = {0: [(2,), (3,)]}
    choice, best, exhaustive = choose_joint(fixed, open_rows, [((0, 1), (2, 3), 0)])
    assert choice == {0: 1} and best == 1 and exhaustive


def _glued_table(rows: dict[int, str]) -> str:
    body = "".join(label + rows.get(i, "0000000") for i, (label, _) in enumerate(TABLE3_ROWS))
    return "三、收到和处理政府信息公开申请情况\n" + body + "\n"


def test_a_broken_identity_in_glued_cells_is_reported_when_no_reading_keeps_it():
    text = _glued_table({0: "3000003", 12: "3000003"})  # 新收 3, 不掌握 3, （七）总计 0
    codes = [d.code for d in LINTER.lint(text, "x.txt", Settings(select=("GAI3",)))[1]]
    assert codes.count("GAI301") == 2 and codes.count("GAI302") == 2


def test_a_total_that_one_reading_explains_is_not_an_error():
    # 132001016 reads 13|2|0|0|1|0|16 or 1|3|2|0|0|10|16; both keep the row total.
    text = _glued_table({0: "122000014", 1: "3000104", 2: "6100007", 3: "2000103", 23: "132001016", 24: "2000002"})
    text = text.replace("1.本机关不掌握相关政府信息0000000", "1.本机关不掌握相关政府信息3000003")
    text = text.replace("4.保护第三方合法权益0000000", "4.保护第三方合法权益1000001")
    text = text.replace("6.属于四类过程性信息0000000", "6.属于四类过程性信息0100001")
    text = text.replace("2.重复申请0000000", "2.重复申请1000001")
    r = parse(text)
    assert len(r.table3.rows[T3_TOTAL].readings) == 2 and r.table3.split.unique
    assert [c.value for c in r.table3.rows[T3_TOTAL].cells] == [13, 2, 0, 0, 1, 0, 16]
    assert LINTER.lint(text, "x.txt", Settings(select=("GAI3",)))[1] == []
