"""Two tables of the same columns on one image (two sheets photographed side by side) read as one wide
table: the header names its columns twice (``sheet.column_sets_repeat``), the halves are read apart, and
what cannot be read apart goes to review as ``checks.TWO_TABLES`` instead of out with two people's
figures on one row (``sheet.two_tables_to_review``). The headings are as read on H dev seed 815
``--hard all`` page 8."""

from __future__ import annotations

import numpy as np

from archive_api.i18n import MESSAGES
from archive_core.records import PayrollPage, PayrollRow
from ocr import checks, extract, sheet

# two sheets side by side read as one table of 13 columns (the OCR's own spelling)
TWO = ["ии Трите имена лицете: ц на лицето ц", "Ен дни (19 10 цифри) и) отработен отработени", "ранна О грапденма -",
       "начислена сума “", ".06щ0 удържано", "бтащане за и (лв.)", "е на л ицет о", "Трите имена н а лицето",
       "„ии (10 цифри)", "дни отработени", "уетни г граждение", "Начислна сума", "| Общо излащане за удържано, (лв)"]  # fmt: skip
# one of them read alone
ONE = ["» на лицете", "Трите имена на лицето", "ЕГН (19 цифри)", "Дни отработени", "ссевно граждение",
       "Нначислена сума", "„общо удържано", "и щане за (лв.)"]  # fmt: skip


def test_the_columns_named_twice_are_two_tables():
    assert sheet.column_sets_repeat(TWO) == 7  # the second set from the second sheet's names on


def test_one_sheet_is_one_table():
    assert sheet.column_sets_repeat(ONE) is None
    # itemised deductions and a signature column: kinds named twice, but not three of them in one order
    heads = ["№", "Име, презиме, фамилия", "ЕГН", "Дни", "Основна заплата", "Начислено", "Данък", "ДОО",
             "Аванс", "Общо удръжки", "За получаване", "Подпис"]  # fmt: skip
    assert sheet.column_sets_repeat(heads) is None


def _page() -> PayrollPage:
    rows = [
        PayrollRow(row=1, name="Лазар Тодоров Златев", egn="6406088268", gross_pay="24.60", bbox=[0, 10, 900, 40]),
        PayrollRow(row=2, name="Васил Николов Колев", egn="5909216034", bbox=[0, 40, 900, 70]),
    ]
    return PayrollPage(image="x.png", rows=rows)


def test_two_tables_read_as_one_send_every_field_to_review():
    page = sheet.two_tables_to_review(_page(), 7)
    assert page.page_review is not None and page.page_review.reason == checks.TWO_TABLES
    for r in page.rows:
        assert {"row", "egn", "name", "days_worked", "gross_pay", "net_pay"} <= set(r.review or [])
        assert {v.reason for v in (r.review_reasons or {}).values()} == {checks.TWO_TABLES}


def test_the_reason_has_words_in_both_languages():
    assert checks.TWO_TABLES in checks.REASONS
    for lang in ("bg", "en"):
        assert f"reason.{checks.TWO_TABLES}" in MESSAGES[lang]


def test_extraction_sends_two_tables_it_cannot_read_apart_to_review(monkeypatch):
    """A portrait image (no halves to read apart) whose header names its columns twice."""

    def read_page(image, *, image_name, dpi, quarter_turns, engine, hints=None, cuts=None):
        if hints is not None:
            hints["two_tables"] = True
        return _page()

    monkeypatch.setattr(extract, "read_page", read_page)
    page = extract.extract_image(np.full((1400, 1000), 255, np.uint8), image_name="x.png", engine=None)  # type: ignore[arg-type]
    assert page.page_review is not None and page.page_review.reason == checks.TWO_TABLES
    assert all("gross_pay" in (r.review or []) for r in page.rows)


def test_a_column_found_on_one_of_two_sheets_only_goes_to_review_on_the_other():
    """H dev 802 ``--hard all`` page 1: two sheets side by side, turned; the second sheet's days column
    was not found, and six days went out empty without a flag."""
    left = PayrollPage(image="x.png", rows=[PayrollRow(row=1, name="А Б В", days_worked=22)])
    right = PayrollPage(image="x.png", rows=[PayrollRow(row=7, name="Г Д Е", bbox=[0, 0, 9, 9])])
    sheet.doubt_fields_the_other_sheet_has(right, left)
    sheet.doubt_fields_the_other_sheet_has(left, right)
    assert right.rows[0].review == ["days_worked"]
    assert right.rows[0].review_reasons["days_worked"].reason == checks.UNREADABLE  # type: ignore[index]
    assert not left.rows[0].review
