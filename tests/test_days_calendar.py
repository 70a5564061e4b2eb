"""Days worked whose two readings disagree, settled by the month's working days (ocr/days_calendar.py).

The readings are those of `samples --family H --seed 810 --pages 8` (dev seed) page-0001, May 1987 (21
working days): three people's "21" in a serifed face read 24 by the first model and 21 by the second
went to review, though no one on a five-day sheet works 24 days in May. The page itself is not kept as
a regression sheet: reduced (150 dpi or 16 grey levels) it reads 21 at once, and at its own 5 MB."""

from __future__ import annotations

from ocr import plausibility
from ocr.checks import LOW_CONFIDENCE, OUT_OF_RANGE, READINGS_DISAGREE, RowDraft
from ocr.days_calendar import doubt_beyond_calendar, settle_by_calendar, vouch_full_months


def _row(days: int, second: int, pay: str = "328.87") -> RowDraft:
    d = RowDraft(
        values={"days_worked": days, "base_pay": pay, "gross_pay": pay}, alts={"days_worked": [second]}
    )
    if days != second:
        d.review.add("days_worked", READINGS_DISAGREE)
    return d


def _h810_page1() -> list[RowDraft]:
    return [_row(21, 21, "356.08"), _row(14, 14, "164.13"), _row(24, 21), _row(24, 21, "299.66"),
            _row(24, 21, "327.65"), _row(12, 12, "192.08"), _row(6, 6, "102.63")]  # fmt: skip


def test_a_days_figure_beyond_the_months_working_days_gives_way_to_the_other_reading():
    drafts = _h810_page1()
    settle_by_calendar(drafts, 1987, 5)
    plausibility.cross_check(drafts, ["days_worked", "base_pay", "gross_pay"], 1987, 5)
    assert [d.values["days_worked"] for d in drafts] == [21, 14, 21, 21, 21, 12, 6]
    assert not any("days_worked" in d.review for d in drafts)


def test_readings_two_digits_apart_stay_in_review():
    drafts = _h810_page1()
    drafts[2] = _row(77, 11)  # a "17" both models misread: neither reading is to be trusted
    settle_by_calendar(drafts, 1987, 5)
    assert drafts[2].values["days_worked"] == 77
    assert drafts[2].review.reasons["days_worked"] == READINGS_DISAGREE


def test_a_sheet_counting_saturdays_is_left_to_a_person():
    drafts = _h810_page1()
    drafts[0] = _row(25, 25, "356.08")  # a settled row above May's 21 working days: six-day weeks
    settle_by_calendar(drafts, 1987, 5)
    assert all(d.values["days_worked"] == 24 and "days_worked" in d.review for d in drafts[2:5])


def test_the_settled_figure_still_answers_to_the_pay():
    drafts = _h810_page1()
    drafts[3] = _row(24, 21, "40.00")  # a tenth of what a full month pays on the sheet
    settle_by_calendar(drafts, 1987, 5)
    plausibility.cross_check(drafts, ["days_worked", "base_pay", "gross_pay"], 1987, 5)
    assert drafts[3].review.reasons.get("days_worked") == OUT_OF_RANGE


def test_without_the_period_nothing_is_settled():
    drafts = _h810_page1()
    settle_by_calendar(drafts, None, None)
    assert [d.values["days_worked"] for d in drafts[2:5]] == [24, 24, 24]


def _unsure(days: int, conf: float = 0.4, ink: int | None = 2, second: int | None = None) -> RowDraft:
    d = RowDraft(values={"days_worked": days, "gross_pay": "283.02"}, conf={"days_worked": conf},
                 alts={"days_worked": [second]} if second is not None else {}, ink_digits={"days_worked": ink} if ink else {})  # fmt: skip
    d.review.add("days_worked", LOW_CONFIDENCE)
    return d


def _i910_page1() -> list[RowDraft]:
    """I dev 910 p1, November 1981 (21 working days): nine settled `21`, three read with confidence 0.4."""
    settled = [RowDraft(values={"days_worked": x, "gross_pay": "283.02"}) for x in [21] * 7 + [5, 11]]
    return [_unsure(21), *settled[:4], _unsure(21), _unsure(21, conf=0.47), *settled[4:]]


def test_days_read_unsure_that_are_the_calendars_and_the_sheets_full_month_go_out():
    drafts = [*_i910_page1(), RowDraft(values={"days_worked": 24}), RowDraft(values={"days_worked": 24})]
    vouch_full_months(drafts, 1981, 11)  # (two `24` read for 21, for the pay check: not a six-day week)
    assert not any("days_worked" in d.review for d in drafts)


def test_days_read_unsure_stay_in_review_unless_calendar_sheet_ink_and_readings_all_agree():
    for odd in (_unsure(12), _unsure(21, ink=1), _unsure(21, ink=None), _unsure(21, second=2), _unsure(21, conf=0.0)):
        drafts = [*_i910_page1(), odd]
        vouch_full_months(drafts, 1981, 11)
        assert odd.review.reasons["days_worked"] == LOW_CONFIDENCE
    drafts = _i910_page1()
    vouch_full_months(drafts, 1981, 10)  # 22 working days: the sheet's 21 is not the calendar's
    assert sum("days_worked" in d.review for d in drafts) == 3
    drafts = [_unsure(21), _unsure(21), *(RowDraft(values={"days_worked": x}) for x in (21, 21, 21, 8, 8, 8, 8))]
    vouch_full_months(drafts, 1981, 11)  # the settled rows carry 8 more often than 21: not the sheet's month
    assert sum("days_worked" in d.review for d in drafts) == 2


def test_days_above_the_months_working_days_with_a_one_read_four_go_to_review():
    # AK dev 29001 p3: April 1994 (21 working days) printed by a 9-pin printer, `21` read `24` on eight rows, none
    # doubted; `22` (no `1` read `4`) and days within the month stay as read
    drafts = [RowDraft(values={"days_worked": n}) for n in (24, 27, 21, 22, 14)]
    doubt_beyond_calendar(drafts, 1994, 4)
    assert [d.review.reasons.get("days_worked") for d in drafts] == [OUT_OF_RANGE, OUT_OF_RANGE, None, None, None]
    drafts = [RowDraft(values={"days_worked": 24})]
    doubt_beyond_calendar(drafts, None, None)  # the period unsure: no calendar to go by
    assert not drafts[0].review
