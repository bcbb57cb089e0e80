"""Section numbers as official documents print them, for any count of sections."""
from __future__ import annotations

import pytest

from briefing.document import Paragraph, Section, Span
from briefing.numbering import chinese_numeral, number_items, number_sections


@pytest.mark.parametrize("n, numeral", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (128, "一百二十八"),
    (1005, "一千零五"), (1010, "一千零一十"), (10001, "一万零一"), (101000, "十万一千"),
    (110000, "十一万"), (20000005, "二千万零五"),
])
def test_numerals(n, numeral):
    assert chinese_numeral(n) == numeral


def test_a_province_of_regions_is_numbered_to_the_end():
    regions = [Section(f"地区{i}", 2) for i in range(1, 129)]
    top = [Section("本期要点", 1), Section("分区动态", 1, children=regions)]
    number_sections(top)
    assert [s.number for s in top] == ["一、", "二、"]
    assert [regions[i].number for i in (0, 9, 98, 99, 100, 127)] == \
        ["（一）", "（十）", "（九十九）", "（一百）", "（一百零一）", "（一百二十八）"]


def test_items_are_counted_within_their_section():
    section = Section("本期要点", 1, blocks=[Paragraph([Span("甲")], "item"),
                                          Paragraph([Span("说明")], "body"),
                                          Paragraph([Span("乙")], "item")])
    number_items([section])
    assert [b.text for b in section.blocks] == ["1．甲", "说明", "2．乙"]
