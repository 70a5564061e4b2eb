"""An empty column across the middle of a landscape scan hints at two sheets side by side only when someone is
written right of it (``sheet.two_sheets_side_by_side``): a wide sheet's blank column with only its figures on
the right (V dev 14002 p1) is not read again half by half, while a second sheet's names or ЕГН keep the hint.
The cell texts are as read on that page and on ``--hard two_sheets`` seed 5 p3."""

from __future__ import annotations

from ocr import sheet
from ocr.header import Header


def _sheet(texts: list[list[str]]) -> sheet.Sheet:
    return sheet.Sheet(cells={}, header=Header(), headings=[""] * len(texts[0]), body_rows=list(range(len(texts))),
                       totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def test_only_figures_right_of_the_middle_are_one_wide_sheet():
    s = _sheet([["Камен Христов Чолаков", "предач", "", "53,07", "200,49", "134,25"],
                ["Тодор Василов Борисов", "електротехник", "", "56,00", "255,98", "17"],
                ["Елена Стефанова Юрукова", "общ работник", "", "69,45", "279,93", "2»."]])  # fmt: skip
    assert not sheet._anyone_right_of(s, 3)


def test_names_or_an_egn_right_of_the_middle_may_be_a_second_sheet():
    names = _sheet([["5,20", "", "7", "Камен Борисов Кост", "продавач", "9635,23"],
                    ["6,10", "", "8", "Лазар Георгиев Анг", "техник", "6925,74"]])  # fmt: skip
    assert sheet._anyone_right_of(names, 2)
    egns = _sheet([["5,20", "", "7", "3912043809", "9635,23"], ["6,10", "", "8", "5801054340", "6925,74"]])
    assert sheet._anyone_right_of(egns, 2)
