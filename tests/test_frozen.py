"""@frozen: the model's dataclasses, built fast and still immutable."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from gailint.frozen import frozen
from gailint.model import Line, Span


@frozen
class Point:
    x: int
    y: int = 0
    label: tuple[str, ...] = ()


def test_a_frozen_class_behaves_as_a_frozen_slotted_dataclass():
    p = Point(1)
    assert p == Point(1, 0, ()) and hash(p) == hash(Point(1, 0))
    assert Point(1, label=("a",)).label == ("a",)
    assert not hasattr(p, "__dict__")  # slots
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    assert dataclasses.replace(p, y=5) == Point(1, 5)
    assert pickle.loads(pickle.dumps(p)) == p
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, (), 4)  # type: ignore[call-arg]


def test_the_fast_init_is_the_one_the_model_uses():
    # The generated __init__ sets fields through the slots' descriptors.
    assert "_set0" in Span.__init__.__globals__ and Span.__init__.__qualname__ == "Span.__init__"
    line = Line(3, Span(1, 4), "abc", "prose")
    assert (line.joined, line.furniture) == (False, None)


def test_a_class_with_post_init_keeps_the_generated_init():
    @frozen
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError(self.n)

    assert "_set0" not in Checked.__init__.__globals__
    with pytest.raises(ValueError):
        Checked(-1)
    assert Checked(2).n == 2


def test_the_kinds_the_parser_settles_in_place_leave_the_lines_frozen():
    # parse() sets a heading's, the title's and a table line's kind on the line it
    # built (through the slot), before the report leaves it; the report's lines are
    # as immutable as any other.
    from gailint.parse import parse

    text = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我县推进公开。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
    lines = parse(text).lines
    assert [ln.kind for ln in lines] == ["title", "heading", "prose", "heading", "table"]
    assert lines[4] == Line(4, lines[4].span, lines[4].text, "table")
    with pytest.raises(dataclasses.FrozenInstanceError):
        lines[4].kind = "prose"  # type: ignore[misc]


def test_the_reports_line_lists_are_worked_out_once_and_in_order():
    from gailint.parse import parse

    report = parse("某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n2023年，我县推进公开。\n\n")
    assert [ln.number for ln in report.content_lines()] == [0, 2, 3]
    assert [ln.number for ln in report.prose_lines()] == [3]
    assert report.content_lines() is report.content_lines() and report.prose_lines() is report.prose_lines()
    assert report == parse(report.text)  # the caches take no part in equality
