"""Offsets to LSP positions and back, in UTF-8, UTF-16 and UTF-32."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gailint.positions import PositionEncoding, Positions

U8, U16, U32 = PositionEncoding.UTF8, PositionEncoding.UTF16, PositionEncoding.UTF32
ALL = (U8, U16, U32)

TEXTS = [
    "",
    "a",
    "\n",
    "\r\n",
    "\r",
    "abc",
    "abc\n",
    "政府信息公开",
    "一、总体情况\n二、主动公开\n",
    "前𠮷后\r\n😀x\r第三行",
    "a\r\n\r\nb\r\r\n\n",
    "𠮷",
    "𠮷\n𠮷😀\n",
]


def crlf_middles(text: str) -> set[int]:
    """Offsets between the \\r and \\n of a \\r\\n (not a position in LSP terms)."""
    return {i + 1 for i in range(len(text) - 1) if text[i : i + 2] == "\r\n"}


# -- encodings --------------------------------------------------------------


def test_encoding_values_are_the_lsp_names() -> None:
    assert [e.value for e in PositionEncoding] == ["utf-8", "utf-16", "utf-32"]


def test_plain_strings_are_accepted_as_encodings() -> None:
    assert Positions("政府").to_position(1, "utf-8") == (0, 3)


def test_lsprotocol_encoding_kind_is_accepted() -> None:
    lsprotocol = pytest.importorskip("lsprotocol.types")
    kind = lsprotocol.PositionEncodingKind.Utf16
    assert Positions("𠮷a").to_position(2, kind) == (0, 3)


def test_chinese_bmp_character_is_one_utf16_unit_and_three_utf8_bytes() -> None:
    p = Positions("政府信息")
    assert p.to_position(2, U16) == (0, 2)
    assert p.to_position(2, U32) == (0, 2)
    assert p.to_position(2, U8) == (0, 6)


def test_astral_character_in_the_middle_of_a_line_counts_per_encoding() -> None:
    # 𠮷 is U+20BB7: a surrogate pair in UTF-16, four bytes in UTF-8.
    p = Positions("ab\n前𠮷后\n")
    after = 3 + 2  # offset of 后
    assert p.to_position(after, U16) == (1, 3)
    assert p.to_position(after, U8) == (1, 7)
    assert p.to_position(after, U32) == (1, 2)
    assert p.to_offset(1, 3, U16) == after
    assert p.to_offset(1, 7, U8) == after
    assert p.to_offset(1, 2, U32) == after


def test_emoji_is_two_utf16_units() -> None:
    p = Positions("😀x")
    assert p.to_position(1, U16) == (0, 2)
    assert p.to_position(2, U16) == (0, 3)


# -- line endings -----------------------------------------------------------


def test_crlf_ends_a_line() -> None:
    p = Positions("ab\r\ncd")
    assert p.to_position(4, U16) == (1, 0)
    assert p.to_position(2, U16) == (0, 2)
    assert p.to_offset(1, 1, U16) == 5


def test_lone_cr_ends_a_line() -> None:
    p = Positions("ab\rcd\re")
    assert p.to_position(3, U16) == (1, 0)
    assert p.to_position(6, U16) == (2, 0)
    assert p.to_offset(2, 0, U16) == 6


def test_offset_between_cr_and_lf_is_reported_at_the_cr() -> None:
    p = Positions("ab\r\ncd")
    assert p.to_position(3, U16) == (0, 2)


# -- end of file ------------------------------------------------------------


def test_empty_text_has_offset_zero_at_line_zero_character_zero() -> None:
    p = Positions("")
    for enc in ALL:
        assert p.to_position(0, enc) == (0, 0)
        assert p.to_offset(0, 0, enc) == 0
    assert p.line_col(0) == (1, 1)


def test_end_of_text_without_final_newline_is_at_the_end_of_the_last_line() -> None:
    text = "第一行\n第二行𠮷"
    p = Positions(text)
    assert p.to_position(len(text), U16) == (1, 5)
    assert p.to_position(len(text), U8) == (1, 13)
    assert p.to_position(len(text), U32) == (1, 4)
    assert p.line_count == 2


def test_end_of_text_with_final_newline_is_on_the_empty_line_after_it() -> None:
    for text, lines in [("a\nb\n", 2), ("a\r\nb\r\n", 2), ("a\rb\r", 2), ("\n", 1)]:
        p = Positions(text)
        for enc in ALL:
            assert p.to_position(len(text), enc) == (lines, 0)
            assert p.to_offset(lines, 0, enc) == len(text)


# -- clamping ---------------------------------------------------------------


def test_character_beyond_the_line_clamps_to_before_its_line_break() -> None:
    p = Positions("政府\r\n信息\n")
    for enc in ALL:
        assert p.to_offset(0, 99, enc) == 2
        assert p.to_offset(1, 99, enc) == 6


def test_character_beyond_the_last_line_without_newline_clamps_to_the_end() -> None:
    p = Positions("ab\ncd")
    assert p.to_offset(1, 99, U16) == 5


def test_line_beyond_the_last_clamps_to_the_end_of_the_text() -> None:
    p = Positions("ab\ncd")
    for enc in ALL:
        assert p.to_offset(2, 0, enc) == 5
        assert p.to_offset(99, 3, enc) == 5


def test_negative_numbers_clamp_to_zero() -> None:
    p = Positions("ab\ncd")
    assert p.to_offset(-1, 1, U16) == 1
    assert p.to_offset(1, -5, U16) == 3
    assert p.to_offset(-3, -3, U8) == 0
    assert p.to_position(-7, U16) == (0, 0)


def test_offset_beyond_the_text_clamps_to_its_end() -> None:
    p = Positions("ab\ncd")
    assert p.to_position(99, U16) == (1, 2)


def test_character_inside_a_surrogate_pair_clamps_to_the_start_of_the_character() -> None:
    p = Positions("a𠮷b")
    assert p.to_offset(0, 2, U16) == 1  # between the two halves


def test_character_inside_a_utf8_sequence_clamps_to_the_start_of_the_character() -> None:
    p = Positions("a政𠮷b")
    assert p.to_offset(0, 2, U8) == 1
    assert p.to_offset(0, 3, U8) == 1
    assert p.to_offset(0, 4, U8) == 2
    for inside in (5, 6, 7):
        assert p.to_offset(0, inside, U8) == 2
    assert p.to_offset(0, 8, U8) == 3


def test_lone_surrogates_do_not_raise() -> None:
    # Text sent over JSON can hold a lone surrogate; it counts as one character.
    p = Positions("a\ud842\udfb7b")
    assert p.to_position(4, U16) == (0, 4)
    assert p.to_position(4, U8) == (0, 8)
    assert p.to_offset(0, 2, U16) == 2
    assert p.to_offset(0, 5, U8) == 2


# -- convenience ------------------------------------------------------------


def test_to_range_converts_both_ends() -> None:
    p = Positions("x\n前𠮷后")
    assert p.to_range(2, 5, U16) == ((1, 0), (1, 4))


def test_line_col_is_one_based_in_code_points() -> None:
    p = Positions("ab\r\n前𠮷后")
    assert p.line_col(0) == (1, 1)
    assert p.line_col(6) == (2, 3)
    assert p.line_col(7) == (2, 4)


# -- round trips ------------------------------------------------------------


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("enc", ALL)
def test_every_offset_round_trips_through_a_position(text: str, enc: PositionEncoding) -> None:
    p = Positions(text)
    middles = crlf_middles(text)
    for offset in range(len(text) + 1):
        expected = offset - 1 if offset in middles else offset
        assert p.to_offset(*p.to_position(offset, enc), enc) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_positions_agree_with_encoding_the_line_prefix(text: str) -> None:
    p = Positions(text)
    for offset in range(len(text) + 1):
        line, _ = p.to_position(offset, U32)
        start = p.to_offset(line, 0, U32)
        prefix = text[start:offset].rstrip("\r\n")
        assert p.to_position(offset, U8)[1] == len(prefix.encode("utf-8"))
        assert p.to_position(offset, U16)[1] == len(prefix.encode("utf-16-le")) // 2


# Any surrogate-free text, with line breaks (including "\r\n") and astral
# characters mixed in often.
texts = st.lists(
    st.one_of(
        st.text(),
        st.sampled_from(["\r\n", "\r", "\n", "𠮷", "😀", "政"]),
    )
).map("".join)


@given(texts)
def test_property_every_offset_round_trips_in_all_encodings(text: str) -> None:
    p = Positions(text)
    middles = crlf_middles(text)
    for offset in range(len(text) + 1):
        if offset in middles:
            continue  # reported at the \r, see test_offset_between_cr_and_lf...
        for enc in ALL:
            assert p.to_offset(*p.to_position(offset, enc), enc) == offset


# -- performance ------------------------------------------------------------


def test_large_text_converts_quickly() -> None:
    line = "一、总体情况：本机关2023年主动公开政府信息𠮷条，公开率100%。\r\n"
    text = line * (1_000_000 // len(line))  # about 1 MB, ~28k lines
    start = time.perf_counter()
    p = Positions(text)
    middles = crlf_middles(text)
    for offset in range(0, len(text), 97):
        expected = offset - 1 if offset in middles else offset
        for enc in ALL:
            assert p.to_offset(*p.to_position(offset, enc), enc) == expected
    assert time.perf_counter() - start < 5


def test_positions_on_a_long_line_count_blocks_once_and_stay_exact():
    # A web page scraped onto one line: positions far along it are counted from kept
    # block sums; each must equal counting the whole line prefix.
    import random

    rng = random.Random(3)
    line = "".join(rng.choice(["政", "a", "𠮷", "😀", " "]) for _ in range(20_000))
    text = "标题\r\n" + line + "\n尾"
    p = Positions(text)
    offsets = sorted(rng.randrange(len(text)) for _ in range(300)) + [4, 5, 4 + 4096, 4 + 8192, len(text)]
    for enc in ALL:
        for off in reversed(offsets):  # out of order: blocks are added as needed
            lno, col = p.to_position(off, enc)
            start = [0, 4, 4 + len(line) + 1][lno]
            end = min(off, start + len(text.split("\n")[lno].rstrip("\r")) if lno else 2)
            assert col == len(text[start:end].encode({U8: "utf-8", U16: "utf-16-le", U32: "utf-32-le"}[enc])) // {U8: 1, U16: 2, U32: 4}[enc]


def test_the_line_index_and_the_lines_text_come_from_one_split():
    from gailint.model import LineIndex
    from gailint.read import split_lines

    for text in ["", "a", "a\n", "\n\n", "一\r\n二\r三\n四", "表\r\n\r\n", "x\u2028y\r", "一\n\n二", "x\u2028y\x0b\x85z\n"]:
        starts, bodies = split_lines(text)
        index = LineIndex(starts, len(text))
        assert index == LineIndex.of(text)
        assert bodies == text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), repr(text)
        assert [text[s : s + len(b)] for s, b in zip(index.starts, bodies)] == bodies
