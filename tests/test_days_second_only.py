"""A days figure the first pass could not read and the second model read alone (the regression sheet
h-heading-taken-for-rows-base-pay-unread, row 8: `3` for 5, out unflagged once the second pass read more
cells in one go): no sum vouches for days, so one model's word goes to a person. No OCR: the readings as
the passes gave them."""

from __future__ import annotations

from ocr import checks, sheet


def _second_pass(first: int | None, second: str) -> checks.RowDraft:
    d = checks.RowDraft(values={"days_worked": first})
    d.conf["days_worked"] = 0.64
    t = sheet.Target(0, "days_worked", (0, 0, 10, 10))
    sheet.add_readings([d], [t], {0: second})
    return d


def test_days_only_the_second_model_read_go_to_a_person():
    d = _second_pass(None, "3")
    checks.check_days(d, 1990, 3)
    assert d.values["days_worked"] == 3
    assert d.review.reasons.get("days_worked") == checks.LOW_CONFIDENCE


def test_days_both_models_read_alike_stand():
    d = _second_pass(21, "21")
    checks.check_days(d, 1990, 3)
    assert "days_worked" not in d.review
