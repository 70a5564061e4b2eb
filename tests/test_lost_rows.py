"""A person's row the grid lost is never silent: the printed numbers' gap brings it back in review."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS
from ocr import checks, lost_rows, rownumbers


def _drafts(numbers: list[int], gross: list[str]) -> list[checks.RowDraft]:
    return [
        checks.RowDraft(
            values={"row": n, "name": f"Лице {n}", "gross_pay": g}, bbox=[0, 100 * k, 900, 100 * k + 80]
        )
        for k, (n, g) in enumerate(zip(numbers, gross, strict=True))
    ]


def test_rows_lost_between_printed_numbers_come_back_in_review_and_the_page_goes_to_review():
    drafts = _drafts([1, 7, 8, 9], ["100.00", "200.00", "300.00", "400.00"])
    drafts.insert(1, checks.RowDraft(values={"gross_pay": "1000.00"}, bbox=[0, 80, 900, 100]))  # the band
    read = lost_rows.read_numbers(drafts)
    rownumbers.number_rows(drafts)
    why = lost_rows.restore_lost(drafts, read, {"gross_pay": "1700.00"})
    assert [d.values["row"] for d in drafts] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert drafts[0].values["name"] == "Лице 1"  # the first row keeps its printed number
    for k, d in enumerate(drafts[1:6]):
        assert set(SCORED_FIELDS) <= d.review and d.bbox == [0, 80 + 4 * k, 900, 84 + 4 * k]
    assert why is not None and "2, 3, 4, 5, 6" in why.detail


def test_a_misread_number_or_columns_that_add_up_lose_no_row():
    drafts = _drafts([1, 2, 8, 4], ["1.00", "2.00", "3.00", "4.00"])
    read = lost_rows.read_numbers(drafts)
    rownumbers.number_rows(drafts)
    assert lost_rows.restore_lost(drafts, read, {"gross_pay": "99.00"}) is None and len(drafts) == 4
    drafts = _drafts([1, 7, 8, 9], ["1.00", "2.00", "3.00", "4.00"])
    read = lost_rows.read_numbers(drafts)
    assert lost_rows.restore_lost(drafts, read, {"gross_pay": "10.00"}) is None and len(drafts) == 4


def _paid(rows: list[tuple[str, str, str]]) -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"row": k, "name": f"Лице {k}", "gross_pay": g, "deductions": d, "net_pay": n})
            for k, (g, d, n) in enumerate(rows, start=1)]  # fmt: skip


def test_rows_lost_under_the_last_one_read_send_the_page_to_review_by_the_totals():
    """No printed number after them shows the gap (AM eval: the last two supplementary rows of a sheet without
    ЕГН lost, no flag): the gross and the net short of "Всичко" as whole rows would be."""
    drafts = _paid([("100.00", "10.00", "90.00"), ("200.00", "20.00", "180.00")])
    totals = {"gross_pay": "350.00", "deductions": "35.00", "net_pay": "315.00"}  # a row of 50 / 5 / 45 lost
    why = lost_rows.short_of_totals(drafts, totals)
    assert why is not None and why.reason == lost_rows.ROWS_MISSING and "50.00" in why.detail
    # the sums carried from the sheet before are part of the totals, not a lost row
    carried = {"gross_pay": "50.00", "deductions": "5.00", "net_pay": "45.00"}
    assert lost_rows.short_of_totals(drafts, totals, carried) is None


def test_a_total_misread_or_one_figure_off_is_no_lost_row():
    drafts = _paid([("100.00", "10.00", "90.00"), ("200.00", "20.00", "180.00")])
    assert lost_rows.short_of_totals(drafts, {"gross_pay": "300.00", "net_pay": "270.00"}) is None  # they add up
    # one slip of the gross total's reading (`360.00` for `300.00`): the net adds up
    assert lost_rows.short_of_totals(drafts, {"gross_pay": "360.00", "net_pay": "270.00"}) is None
    # a figure of the gross misread by more than a slip, the net right: no row's sum lacks
    assert lost_rows.short_of_totals(drafts, {"gross_pay": "420.00", "deductions": "30.00", "net_pay": "270.00"}) is None


def _brought_back(values: dict[str, object], top: int) -> checks.RowDraft:
    d = checks.RowDraft(values=dict(values), bbox=[0, top, 900, top + 15])
    d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
    return d


def test_a_merged_foot_row_brought_back_takes_the_next_number_in_review():
    # AK dev 29003 p4: the last two lines one band numbered 48; the next person's ЕГН and name brought back
    # inside it with no number, every figure of row 49 counted missing with no flag
    drafts = _drafts([45, 46, 47, 48], ["1.00", "2.00", "3.00", "4.00"])
    drafts[-1].bbox = [0, 300, 900, 420]
    drafts += [_brought_back({"egn": "5002117504"}, 323), _brought_back({"name": "Стефан Василов"}, 341)]
    lost_rows.number_tail(drafts)
    assert drafts[4].values["row"] == 49 and "row" in drafts[4].review
    assert drafts[5].values.get("row") is None  # one number only


def test_a_tail_with_a_row_read_or_far_below_takes_no_number():
    drafts = _drafts([45, 46, 47, 48], ["1.00", "2.00", "3.00", "4.00"])
    drafts.append(_brought_back({"egn": "5002117504"}, 900))  # far under the last row: a signer, a total
    lost_rows.number_tail(drafts)
    assert drafts[4].values.get("row") is None
    drafts = _drafts([45, 46, 47, 48], ["1.00", "2.00", "3.00", "4.00"])
    drafts.append(checks.RowDraft(values={"egn": "5002117504", "gross_pay": "5.00"}, bbox=[0, 320, 900, 335]))
    lost_rows.number_tail(drafts)  # read, not brought back: ``rows_below.number_on``'s, by the pitch
    assert drafts[4].values.get("row") is None


def test_a_step_of_two_rows_among_people_brought_back_is_a_person_lost():
    # AK dev 29002 p2: no number read, every row brought back by its ЕГН or name; one person by neither
    tops = [239, 273, 305, 339, 373, 439, 473]
    drafts = [_brought_back({"egn": f"52111882{k:02d}"}, t) for k, t in enumerate(tops)]
    lost_rows.fill_pitch_gaps(drafts)
    assert len(drafts) == 8 and drafts[5].bbox is not None and 400 <= drafts[5].bbox[1] <= 410
    assert set(SCORED_FIELDS) <= drafts[5].review and not drafts[5].values
    read = [_brought_back({"egn": "5211188283"}, t) for t in tops]
    read[0].review = checks.Flags()  # a row read: the figures stand, no row put between
    lost_rows.fill_pitch_gaps(read)
    assert len(read) == 7
    blank = [_brought_back({}, t) for t in tops]  # bands with nothing read (AK dev 29012 p3): no person's pitch
    lost_rows.fill_pitch_gaps(blank)
    assert len(blank) == 7
    bands = [_brought_back({"name": "Лице", "days_worked": 21}, t) for t in tops]  # rows read, in review
    lost_rows.fill_pitch_gaps(bands)  # (AK dev 29012 p3: a person's line and the produce under it, figures read)
    assert len(bands) == 7
    wide = [_brought_back({"egn": "5211188283"}, t) for t in [100, 134, 167, 268, 301, 335]]
    wide.append(checks.RowDraft(values={"name": "Всичко стр", "gross_pay": "555.96"}, bbox=[0, 400, 900, 415]))
    lost_rows.fill_pitch_gaps(wide)  # three pitches: two people lost; the sums' line stays under them
    assert len(wide) == 9 and wide[-1].values.get("gross_pay") == "555.96"
    four = [_brought_back({"name": "Цонка Петрова"}, t) for t in [261, 294, 361, 462]]  # AK dev 29014 p3
    four.append(checks.RowDraft(values={"name": "Сума стр", "gross_pay": "666.73"}, bbox=[0, 589, 900, 627]))
    lost_rows.fill_pitch_gaps(four)  # steps of one, two and three pitches: three people lost between them
    tops = [d.bbox[1] for d in four if d.bbox]
    assert len(tops) == 8 and all(abs(a - b) <= 2 for a, b in zip(tops, [261, 294, 327, 361, 394, 428, 462, 589], strict=True))
    assert [bool(d.values) for d in four] == [True, True, False, True, False, False, True, True]
    three = [_brought_back({"name": "Цонка Петрова"}, t) for t in [261, 294, 361]]  # two steps tell no pitch
    lost_rows.fill_pitch_gaps(three)
    assert len(three) == 3
