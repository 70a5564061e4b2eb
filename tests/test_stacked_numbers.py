"""Two people's lines in one band: the `№` cell holds both printed numbers (ocr/stacked_numbers.py)."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.header import Header
from ocr.lost_rows import ROWS_MISSING
from ocr.rownumbers import number_rows
from ocr.sheet import Sheet
from ocr.stacked_numbers import split_stacked, stacked


def test_only_numbers_rising_one_by_one_are_stacked():
    assert stacked("1\n2") == [1, 2]
    assert stacked("7\n8\n9") == [7, 8, 9]
    assert stacked("12") is None and stacked("1\n3") is None and stacked("2\n1") is None
    assert stacked("1\nИван") is None and stacked("0\n1") is None


def test_a_band_holding_two_peoples_numbers_gives_each_its_own_row():
    # as read on `samples --family I --seed 907 --hard all` page-0001: rows typed without rules, a figure
    # between the first two lines joined them; the `№` cell read `1\n2` (12), the band was numbered 2 by the
    # order and the first person had no row (rows found 4/5, row № of the first person wrong)
    texts = [["1\n2", "6204099899\n6810029568", "Евгения Тодорова Цветкова Ангел Ангелов Михайлов", "243,37\n245,09"],
             ["3", "5802132365", "Илия Василов Георгиев", "77,22"],
             ["4", "6009025546", "Йордан Лазаров Илиев", "138,50"]]  # fmt: skip
    kinds: list[str | None] = ["row", "egn", "name", "base_pay"]
    s = Sheet(cells={}, header=Header(), headings=["№ по ред", "ЕГН", "Име", "Основно"], body_rows=[1, 2, 3],
              totals_row=None, carried_row=None, texts=texts)  # fmt: skip
    drafts = [checks.RowDraft(values={"row": 12, "name": texts[0][2], "base_pay": "243.37"}, bbox=[0, 100, 900, 200]),
              checks.RowDraft(values={"row": 3, "egn": "5802132365", "name": texts[1][2]}, bbox=[0, 200, 900, 250]),
              checks.RowDraft(values={"row": 4, "egn": "6009025546", "name": texts[2][2]}, bbox=[0, 250, 900, 300])]  # fmt: skip
    review = split_stacked(s, kinds, drafts)
    assert review is not None and review.reason == ROWS_MISSING and "1, 2" in review.detail
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4]
    assert drafts[0].bbox == [0, 100, 900, 150]  # the band's upper half
    assert all(f in drafts[0].review and f in drafts[1].review for f in SCORED_FIELDS)
    assert drafts[0].review.reasons.get("row") == checks.UNREADABLE and "row" not in drafts[1].review
    assert "row" not in drafts[2].review and "row" not in drafts[3].review


def test_a_sheet_with_one_number_a_band_is_left_alone():
    s = Sheet(cells={}, header=Header(), headings=["№", "Име"], body_rows=[1, 2], totals_row=None, carried_row=None,
              texts=[["1", "Иван Петров Иванов"], ["2", "Мария Петрова Иванова"]])  # fmt: skip
    drafts = [checks.RowDraft(values={"row": n}) for n in (1, 2)]
    assert split_stacked(s, ["row", "name"], drafts) is None and len(drafts) == 2
    # a band of stacked numbers with no name, no ЕГН: the lost people's sums, left to ``lost_rows``
    s.texts = [["1", "Иван Петров Иванов"], ["2\n3\n4", ""]]
    drafts = [checks.RowDraft(values={"row": 1, "name": "Иван Петров Иванов"}), checks.RowDraft(values={})]
    assert split_stacked(s, ["row", "name"], drafts) is None and len(drafts) == 2


def test_a_band_of_numbers_with_no_person_is_left_to_the_lost_rows():
    # the D regression sheet d-rows-lost-printed-numbers-skip: five people's lines lost, their numbers `2` to `6`
    # read in one empty band; taken for two people's band, the order after it no longer ran and rows 8 and 9
    # lost their printed numbers (``lost_rows`` brings 2-6 back as empty rows in review)
    texts = [["1", "Тодор Николов Юруков"], ["2\n3\n4\n5\n6", ""], ["7", "Илия Цветанов Бъчваров"]]
    s = Sheet(cells={}, header=Header(), headings=["№", "Име"], body_rows=[1, 2, 3], totals_row=None,
              carried_row=None, texts=texts)  # fmt: skip
    drafts = [checks.RowDraft(values={"row": 1, "name": texts[0][1]}), checks.RowDraft(values={"row": 23456}),
              checks.RowDraft(values={"row": 7, "name": texts[2][1]})]  # fmt: skip
    assert split_stacked(s, ["row", "name"], drafts) is None and len(drafts) == 3
