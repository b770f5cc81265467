"""Every label in gailint.template is spelled exactly as in the spec's template file."""

from pathlib import Path

import pytest

from gailint import template

SPEC = (Path(__file__).parent / "fixtures" / "spec" / "template-2021.yaml").read_text(encoding="utf-8")


def _labels():
    yield from template.SECTIONS
    yield from template.OVERVIEW_TOPICS
    for caption, header, rows in template.TABLE2_GROUPS:
        yield caption
        yield from header
        yield from rows
    yield template.TABLE3_NOTE
    yield from template.TABLE3_COLUMNS
    for label, group in template.TABLE3_ROWS:
        yield label
        if group:
            yield group
    yield from template.TABLE4_COLUMNS
    yield from template.TABLE4_GROUPS
    yield from template.OLD_2019_FINGERPRINTS
    yield from template.FEE_LABEL_VARIANTS


@pytest.mark.parametrize("label", sorted(set(_labels())))
def test_label_is_spelled_as_in_the_template_file(label):
    assert label in SPEC


def test_table3_has_25_rows_and_7_columns():
    assert len(template.TABLE3_ROWS) == 25
    assert len(template.TABLE3_COLUMNS) == 7
    assert template.TABLE3_ROWS[template.T3_TOTAL][0] == "（七）总计"
    assert template.TABLE3_ROWS[template.T3_NEXT][0] == "四、结转下年度继续办理"
    assert len(template.T3_RESULTS) == 21
