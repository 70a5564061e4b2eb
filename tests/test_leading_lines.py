"""Lines over the table's first person with no mark of a person's are no rows (ocr/leading_lines.py: R dev
10005 p12, a faint microfilm's employer line, a blank line and its garbled heading read as three rows over the
people of an unnumbered sheet). No OCR."""

from __future__ import annotations

from ocr import checks
from ocr.leading_lines import drop_leading

from .conftest import NAMES
from .conftest import person_egn as _egn


def _person(i: int, **values: object) -> checks.RowDraft:
    return checks.RowDraft(values={"name": NAMES[i % 4], "egn": _egn(i), "days_worked": 21, "gross_pay": "234.13",
                                   "deductions": "37.23", "net_pay": "196.90", **values})  # fmt: skip


def test_the_employers_line_a_blank_and_the_garbled_heading_over_the_people_go() -> None:
    drafts = [checks.RowDraft(values={"name": "Строителни Войски Поделение"}), checks.RowDraft(values={}),
              checks.RowDraft(values={"name": "Пи", "days_worked": 131, "base_pay": "34.98", "extra_pay": "1.34"}),
              _person(0), _person(1), _person(2)]  # fmt: skip
    assert drop_leading(drafts) == 3
    assert [d.values["name"] for d in drafts] == NAMES[:3]


def test_a_line_with_a_persons_mark_stays() -> None:
    for first in (
        checks.RowDraft(values={"egn": "5105091223"}),  # an ЕГН read, failing its check digit
        checks.RowDraft(values={"row": 1}),  # a printed number
        checks.RowDraft(values={"name": "Тодор Иванов Жечев"}),  # a person's name, the ЕГН unread
        checks.RowDraft(values={"days_worked": 21, "gross_pay": "234.13", "net_pay": "196.90"}),  # a row's figures
    ):
        drafts = [first, _person(0), _person(1)]
        assert drop_leading(drafts) == 0 and len(drafts) == 3


def test_nothing_goes_on_a_page_with_no_egn_read_or_under_a_person() -> None:
    drafts = [checks.RowDraft(values={"name": "Пи"}), checks.RowDraft(values={"name": "Иван Петров Иванов"})]
    assert drop_leading(drafts) == 0 and len(drafts) == 2
    drafts = [_person(0), checks.RowDraft(values={}), _person(1)]  # a blank between two people stays
    assert drop_leading(drafts) == 0 and len(drafts) == 3


def test_a_numbered_sheets_lines_stay() -> None:
    drafts = [checks.RowDraft(values={}), _person(0, row=1), _person(1, row=2)]
    assert drop_leading(drafts) == 0 and len(drafts) == 3
