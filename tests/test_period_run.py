"""The months of an employer's run of sheets follow one another (``ocr.period_run``): a page whose month is out of
step with its neighbours goes to a person (AF dev 24003 p2: Roman "II.1983" read "11.1983" between January and
March, out without a doubt); a run that skips or repeats months, or a page already in doubt, doubts nothing."""

from __future__ import annotations

from pathlib import Path

from archive_core.records import Employer, PayrollPage, Period
from ocr import period_run, runner


def test_a_month_out_of_step_between_its_neighbours_is_found_with_the_month_they_pin():
    assert period_run.expected_months([(1983, 1), (1983, 11), (1983, 3), (1983, 4)]) == [(1, (1983, 2))]
    # at a run's start or end: the two pages after or before it pin it; across a year's end too
    assert period_run.expected_months([(1983, 7), (1983, 2), (1983, 3)]) == [(0, (1983, 1))]
    assert period_run.expected_months([(1989, 11), (1989, 12), (1989, 1)]) == [(2, (1990, 1))]


def test_a_run_that_skips_or_repeats_a_month_or_a_period_in_doubt_pins_nothing():
    assert period_run.expected_months([(1983, 1), (1983, 2), (1983, 4), (1983, 5)]) == []  # March missing
    assert period_run.expected_months([(1983, 1), (1983, 1), (1983, 2)]) == []  # a second sheet of January
    assert period_run.expected_months([(1983, 1), None, (1983, 11), (1983, 4)]) == []
    assert period_run.expected_months([(1983, 1), (1983, 2)]) == []


def _page(i: int, year: int | None, month: int | None, review: str | None = None,
          employer: str = "НЧ „Пробуда – 1905“ – с. Крушовица") -> PayrollPage:  # fmt: skip
    return PayrollPage(image=f"page-{i}.png", employer=Employer(name=employer),
                       period=Period(year=year, month=month, review=review))  # fmt: skip


def test_the_run_s_pages_are_put_in_the_file_s_order_and_only_the_odd_page_is_written_again():
    # read as the workers finished them, named page-2 ... page-10: "page-10" after "page-9", not after "page-1"
    months = {2: 1, 3: 11, 4: 3, 5: 4, 6: 5, 7: 6, 8: 7, 9: 8, 10: 9}
    pages = [_page(i, 1983, m) for i, m in months.items()]
    outs = [runner.Outcome(Path(p.image), True, document=p.to_json()) for p in reversed(pages)]
    changed = runner.agree(outs)
    assert [o.path.name for o in changed] == ["page-3.png"]
    doubted = PayrollPage.model_validate_json(changed[0].document or "")
    assert doubted.period.month == 11 and doubted.period.review and "02.1983" in doubted.period.review


def test_a_period_already_in_doubt_is_neither_evidence_nor_doubted_again():
    pages = [_page(1, 1983, 1), _page(2, 1983, 11, review="месецът е разчетен неуверено"), _page(3, 1983, 3)]
    assert period_run.doubt_out_of_step(pages) == 0
    assert pages[1].period.review == "месецът е разчетен неуверено"


def test_a_month_not_read_is_given_the_month_its_neighbours_pin_in_review():
    # AF dev 24013 p1: "за м. юди 1981 г." (юли or юни?) left unread between June and August
    pages = [_page(1, 1981, 6), _page(2, 1981, None), _page(3, 1981, 8)]
    assert period_run.doubt_out_of_step(pages) == 1
    assert (pages[1].period.year, pages[1].period.month) == (1981, 7) and "07.1981" in (pages[1].period.review or "")
    # a year read otherwise than the neighbours' month: left unread, nobody's guess
    pages = [_page(1, 1981, 6), _page(2, 1986, None), _page(3, 1981, 8)]
    assert period_run.doubt_out_of_step(pages) == 0 and pages[1].period.month is None
    # neighbours that pin nothing (a month skipped around it): left unread
    pages = [_page(1, 1981, 5), _page(2, None, None), _page(3, 1981, 8)]
    assert period_run.doubt_out_of_step(pages) == 0 and pages[1].period.month is None


def test_pages_of_another_employer_pin_nothing():
    """A file's lone page after another file's run (E's evaluation set: its month doubted for the run before it)."""
    run = [_page(1, 1996, 11), _page(2, 1996, 12)]
    lone = _page(3, 1995, 4, employer="ЕТ „Марин Колев – МК“ Силистра")
    assert period_run.doubt_out_of_step([*run, lone]) == 0 and lone.period.review is None
    # the same employer read a letter off is the same file
    odd = _page(3, 1995, 4, employer="НЧ „Пробуда – 1905“ – с. Крушовнца")
    assert period_run.doubt_out_of_step([*run, odd]) == 1 and odd.period.review
    # and an employer not read says nothing about the file
    unread = _page(3, 1995, 4, employer="")
    assert period_run.doubt_out_of_step([*run, unread]) == 0


def test_a_page_between_two_pages_of_one_month_is_pinned_to_that_month():
    """AK dev 29002 p2: a sheet's continuation page, its running line's year `1991` read `1994` (a dot-matrix 1),
    between the sheet's first and third pages of 1991: its period to review with the month they pin; a page of the
    next month after two pages of one month stays in step."""
    assert period_run.expected_months([(1991, 5), (1994, 5), (1991, 5)]) == [(1, (1991, 5))]
    pages = [_page(1, 1991, 5), _page(2, 1994, 5), _page(3, 1991, 5)]
    assert period_run.doubt_out_of_step(pages) == 1 and "05.1991" in (pages[1].period.review or "")
    assert period_run.expected_months([(1991, 5), (1991, 5), (1991, 6), (1991, 6)]) == []
    # a continuation page whose month was not read: the month of the pages around it, in review
    pages = [_page(1, 1991, 5), _page(2, None, None), _page(3, 1991, 5)]
    assert period_run.doubt_out_of_step(pages) == 1 and pages[1].period.month == 5 and pages[1].period.review
