"""Fields a person need not see and wrong figures that must not pass (issue 9, review load): the days
figure told by the width of its ink, a row of unread dashes filled from the column totals, a name
that lost a word."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import checks, inkcount, names
from ocr.geometry import Box


def _row(**values) -> checks.RowDraft:
    return checks.RowDraft(values=dict(values))


def _sheet(texts: list[str]) -> tuple[np.ndarray, list[Box]]:
    """Ink (255 on 0) of one typed figure per line, and each line's cell."""
    img = np.zeros((60 * len(texts), 700), dtype=np.uint8)
    boxes = []
    for i, t in enumerate(texts):
        (w, _h), _ = cv2.getTextSize(t, cv2.FONT_HERSHEY_SIMPLEX, 1.2, 3)
        cv2.putText(img, t, (650 - w, 60 * i + 45), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 255, 3)
        boxes.append(Box(0, 60 * i, 700, 60 * i + 60))
    return img, boxes


def test_the_ink_says_how_many_digits_a_figure_has():
    ink, boxes = _sheet(["5309272268", "7405273237", "3807087603", "22", "2", "14"])
    pitch = inkcount.digit_pitch(ink, boxes[:3])
    assert pitch is not None
    assert [inkcount.digit_count(ink, b, pitch) for b in boxes[3:]] == [2, 1, 2]


def test_a_reading_that_lost_a_repeated_digit_the_ink_shows_is_not_sent_to_review():
    r = _row(days_worked=22)
    r.conf["days_worked"] = 0.93
    r.alts["days_worked"] = [2]  # the second pass lost one of the two 2s
    r.ink_digits["days_worked"] = 2
    checks.check_days(r, 1991, 3)
    assert r.values["days_worked"] == 22 and "days_worked" not in r.review


def test_a_figure_every_pass_read_shorter_than_its_ink_goes_to_review():
    r = _row(days_worked=2)
    r.conf["days_worked"] = 0.87
    r.alts["days_worked"] = [2]
    r.ink_digits["days_worked"] = 2
    checks.check_days(r, 1991, 3)
    assert "days_worked" in r.review


def test_readings_that_differ_otherwise_still_go_to_review():
    r = _row(days_worked=21)
    r.conf["days_worked"] = 0.9
    r.alts["days_worked"] = [2]  # "21" vs "2": not a repeated digit lost
    r.ink_digits["days_worked"] = 2
    checks.check_days(r, 1991, 3)
    assert "days_worked" in r.review


PRESENT = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _money(b: str, e: str, g: str, d: str, n: str) -> checks.RowDraft:
    return _row(base_pay=b, extra_pay=e, gross_pay=g, deductions=d, net_pay=n)


def test_a_row_of_unread_dashes_is_the_zeros_the_column_totals_leave_for_it():
    rows = [_money("100.00", "10.00", "110.00", "20.00", "90.00"), _money(*[None] * 5),  # type: ignore[arg-type]
            _money("200.00", "0.00", "200.00", "30.00", "170.00")]  # fmt: skip
    totals = {"base_pay": "300.00", "extra_pay": "10.00", "gross_pay": "310.00", "deductions": "50.00",
              "net_pay": "260.00"}  # fmt: skip
    checks.run_checks(rows, totals, PRESENT, 1991, 3, {})
    assert all(rows[1].values[f] == "0.00" for f in PRESENT)
    assert not rows[1].review


def test_an_unread_figure_is_not_filled_when_another_of_its_column_is_in_doubt():
    rows = [_money("100.00", "10.00", "345.67", "20.00", "90.00"), _money(*[None] * 5),  # type: ignore[arg-type]
            _money("200.00", "0.00", "200.00", "30.00", "170.00")]  # fmt: skip
    totals = {"base_pay": "300.00", "extra_pay": "10.00", "gross_pay": "310.00", "deductions": "50.00",
              "net_pay": "260.00"}  # fmt: skip
    checks.run_checks(rows, totals, PRESENT, 1991, 3, {})
    assert {"gross_pay", "net_pay"} <= rows[1].review


def test_a_name_of_two_words_lost_one():
    assert names.check_name("Цветанов Славов")[1] is False
    assert names.check_name("Емил Цветанов Славов")[1] is True


def test_a_row_whose_gross_is_not_its_base_has_additional_pay_in_a_column_not_found():
    kinds = ["name", "base_pay", "gross_pay", "deductions", "net_pay"]
    rows = [_row(base_pay="140.98", gross_pay="159.31", deductions="20.00", net_pay="139.31"),
            _row(base_pay="200.00", gross_pay="200.00", deductions="20.00", net_pay="180.00")]  # fmt: skip
    checks.guard_page(rows, kinds, [["", "", "", "", ""]] * 2)
    assert "extra_pay" in rows[0].review and "extra_pay" not in rows[1].review


def test_a_figure_its_column_vouches_for_is_not_flagged_for_a_doubtful_neighbour():
    rows = [_row(base_pay="100.00", extra_pay="10.00", gross_pay="110.00"),
            _row(base_pay="200.00", extra_pay="5.00", gross_pay="205.00")]  # fmt: skip
    rows[1].review.add("extra_pay", checks.LOW_CONFIDENCE)  # e.g. a faint figure the engine was unsure of
    totals = {"base_pay": "300.00", "extra_pay": "15.00", "gross_pay": "315.00"}
    checks.check_totals(rows, totals, ["base_pay", "extra_pay", "gross_pay"])
    assert rows[1].review == {"extra_pay"}
