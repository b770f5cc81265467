"""Chinese numerals in prose (两名申请人 = 2, 十三件 = 13)."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CHINESE_NUMBER = "[零〇一二两三四五六七八九十百千万]+"
NUMBER_RE = re.compile(rf"\d+|{CHINESE_NUMBER}")


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral such as 十三, 一百零五 or 两; None if not one."""
    if not text:
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
        else:
            return None
    return total + section + (digit or 0)


_MAX_DIGITS = 15  # more than any count in a report


def to_int(text: str) -> int | None:
    """An Arabic or Chinese numeral as an int."""
    if text.isdecimal():
        # A run of digits longer than any count is no count (and int() refuses
        # past 4,300 digits).
        return int(text) if len(text) <= _MAX_DIGITS else None
    return chinese_to_int(text)
