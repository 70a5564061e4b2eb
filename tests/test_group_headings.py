"""A heading merged over several columns (family L: `Удръжки` over `ДОД`, `Пенсии`, `Общо`, a rule
between it and their own headings) does not join those columns: its words, spaced out over them, cross
their gaps, so only the headings under its rule count there (L dev 4012: the three deduction columns read
as one, every row's deductions run together: right 61.9 -> 91.7 % on its two pages)."""

from __future__ import annotations

import numpy as np

from ocr.tables import column_gaps, group_rules


def _page() -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]], tuple[int, int]]:
    ink = np.zeros((260, 600), np.uint8)
    mask = np.zeros_like(ink)
    ink[40:80, 30:170] = 255  # the name's heading
    for x in range(200, 560, 36):  # the group's word, its letters spaced out over its three columns
        ink[20:40, x : x + 30] = 255
    mask[58:61, 190:590] = 255  # the rule under it
    for a, b in ((210, 280), (330, 400), (460, 540)):  # their own headings under the rule
        ink[70:100, a:b] = 255
    bands = [(130, 150), (170, 190), (210, 230)]
    for y0, y1 in bands:
        ink[y0:y1, 20:180] = 255  # a name
        for a, b in ((230, 290), (350, 410), (480, 560)):  # three figures
            ink[y0:y1, a:b] = 255
    return ink, mask, bands, (10, 110)


def test_the_columns_under_a_merged_heading_stay_apart():
    ink, mask, bands, head = _page()
    groups = group_rules(mask, head, 10, 590)
    assert [(g[0], g[1]) for g in groups] == [(190, 590)]
    assert len(column_gaps(ink, bands, head, 10, 590, 12)) == 1  # without the group: one gap, after the name
    seps = column_gaps(ink, bands, head, 10, 590, 12, groups)
    assert len(seps) == 3 and 290 < seps[1] < 350 and 410 < seps[2] < 480


def test_a_heading_over_one_column_still_closes_a_gap_inside_it():
    ink, mask, bands, head = _page()
    mask[:] = 0  # no rule under the word: one heading over one column, whose gaps are inside it
    assert len(column_gaps(ink, bands, head, 10, 590, 12, group_rules(mask, head, 10, 590))) == 1
