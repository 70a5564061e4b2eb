"""A column that does not add up is not held against rows right beyond doubt when its culprit is a row
whose sums cannot be done (issue 9, review load; D dev 103 page 6); a row that is not right beyond doubt
keeps its flags."""

from __future__ import annotations

from ocr import checks, lone_culprit

FIVE = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
PRESENT = list(FIVE)
GOOD = [("2487.99", "0.00", "2487.99", "268.70", "2219.29"), ("3505.85", "420.70", "3926.55", "357.32", "3569.23"),
        ("520.57", "93.70", "614.27", "92.75", "521.52"), ("3031.82", "272.86", "3304.68", "373.43", "2931.25")]  # fmt: skip
# the culprit: its gross misread, its base and net unread (no sum of the row can be done)
BAD = (None, "34.88", "177.33", "289.93", None)
TOTALS = {"base_pay": "11289.06", "extra_pay": "822.14", "gross_pay": "12111.20", "deductions": "1382.13",
          "net_pay": "10729.07"}  # fmt: skip


def _page(second: str | None = "alike", last: tuple[str | None, ...] = GOOD[3]) -> list[checks.RowDraft]:
    rows = []
    for vals in [*GOOD[:2], BAD, GOOD[2], last]:
        r = checks.RowDraft(values={"name": "Иван Петров Иванов", **dict(zip(FIVE, vals, strict=True))})
        for f in FIVE:
            r.conf[f] = 0.0  # the engine's confidence says nothing on this face
        rows.append(r)
    checks.run_checks(rows, TOTALS, PRESENT, 1990, 3, {})
    for r in rows:
        for f in FIVE:
            if f in r.review and r.values.get(f) is not None and second is not None:
                r.alts[f] = [
                    r.values[f] if second == "alike" or (second == "one" and f != "deductions") else "1.00"
                ]
    return rows


def test_rows_holding_both_sums_and_read_alike_twice_are_not_held_to_the_culprits_column():
    rows = _page()
    assert any("gross_pay" in r.review for r in rows if r is not rows[2])  # the column flagged them all
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert all(not (set(FIVE) & r.review) for r in rows if r is not rows[2])
    assert {"base_pay", "gross_pay", "net_pay"} <= rows[2].review


def test_rows_the_second_model_did_not_read_keep_their_flags():
    rows = _page(None)
    before = [set(r.review) for r in rows]
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert [set(r.review) for r in rows] == before


def test_a_second_reading_the_rows_sums_reject_does_not_keep_the_row_in_doubt():
    rows = _page("one")  # the deductions read `1.00` the second time: no sum of its row holds with it
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert all(not (set(FIVE) & r.review) for r in rows if r is not rows[2])
    assert {"base_pay", "gross_pay", "net_pay"} <= rows[2].review


def _kept(rows: list[checks.RowDraft]) -> bool:
    before = [set(r.review) for r in rows]
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    return [set(r.review) for r in rows] == before


def test_a_row_two_of_whose_figures_the_second_model_read_otherwise_keeps_its_flags():
    """Two figures of one row misread alike keep its sum (E dev 507 --hard all p1: `1377.66` and `1242.66`
    for 1377.60 and 1242.60); the second model reading them otherwise, so that the row adds up as well,
    says the row is in doubt."""
    rows = _page()
    rows[1].alts.update(extra_pay=["420.10"], gross_pay=["3925.95"], net_pay=["3568.63"])  # adds up too
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert {"gross_pay", "net_pay"} <= rows[1].review
    assert not set(FIVE) & rows[0].review


def test_second_readings_that_break_the_rows_sums_do_not_keep_it_in_doubt():
    """A face whose eights the second model reads as zeros (D dev 103 p6: `2407.99` for a base and a gross
    of 2487.99, `260.70` for deductions of 268.70): no net of the row follows them, the first reading
    stands; nor does every figure read `1.00` (E dev 507 p2: the second readings a rule's `1` added)."""
    rows = _page()
    rows[0].alts.update(base_pay=["2407.99"], gross_pay=["2407.99"], deductions=["260.70"])
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert not set(FIVE) & rows[0].review
    rows = _page("other")  # every figure read `1.00` the second time
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert not set(FIVE) & rows[0].review


def test_a_row_whose_gross_the_second_model_read_a_digit_off_keeps_its_flags():
    rows = _page()
    rows[0].alts["gross_pay"] = ["2487.90"]  # one digit off: the row's sum may have moved with its net
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert "gross_pay" in rows[0].review
    assert not set(FIVE) & rows[1].review


def test_two_rows_in_doubt_in_the_culprits_column_keep_their_flags_and_the_rows_beside_them_not():
    """The column's difference could be on either, or shared: the totals cannot test which, and the rows
    both models read alike whose sums hold are cleared as where there is one (D dev 103 p4 and p6: the
    rows beside two culprits went to review whole, 61 right figures)."""
    rows = _page(last=("3031.82", "272.86", None, "373.43", "2931.25"))  # a second row's gross unread
    assert "gross_pay" in rows[4].derived  # filled in from its sums, not confirmed by its column
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert all(not set(FIVE) & rows[i].review for i in (0, 1, 3))
    assert "gross_pay" in rows[4].review and {"base_pay", "gross_pay", "net_pay"} <= rows[2].review


def test_what_the_totals_leave_for_the_culprit_must_keep_its_rows_sums():
    """The culprit's base and net unread, its gross misread: the totals leave 1742.83, 1777.71 and 1487.78
    for them, which keep its sums; a net total that breaks the totals' own sums leaves a net that does not
    (a total misread, or the difference elsewhere): no row is cleared by it."""
    rows = _page()
    before = [set(r.review) for r in rows]
    lone_culprit.clear_where_culprit_known(rows, {**TOTALS, "net_pay": "10729.70"}, PRESENT, {})
    assert [set(r.review) for r in rows] == before


def test_a_second_reading_that_only_adds_a_digit_does_not_keep_the_row_in_doubt():
    """A rule or a speck beside the figures read as a digit (E dev 507 p2: `21217.58` and `11789.59` for
    2217.58 and 1789.59) is no second view of them: the row is cleared as both models read it alike."""
    rows = _page()
    rows[0].alts["gross_pay"], rows[0].alts["net_pay"] = ["12487.99"], ["12219.29"]
    lone_culprit.clear_where_culprit_known(rows, TOTALS, PRESENT, {})
    assert not set(FIVE) & rows[0].review


THREE = ("gross_pay", "deductions", "net_pay")
# E dev 505 p6 as read: rows 2 and 4 break their sums (1806.25/1535.29 for 1806.15/1535.23, 9490.54 for
# 1490.54); the others hold, both models read them alike
E505 = [("1321.25", "122.88", "1198.37"), ("1354.25", "280.33", "1073.92"), ("1806.25", "270.92", "1535.29"),
        ("1572.91", "292.56", "1280.35"), ("1641.56", "151.02", "9490.54"), ("1125.43", "228.46", "896.97"),
        ("1294.81", "120.42", "1174.39"), ("1894.99", "151.60", "1743.39")]  # fmt: skip
E505_TOTALS = {"gross_pay": "12011.35", "deductions": "1618.19", "net_pay": "10393.16"}


def test_rows_read_alike_beside_two_rows_whose_sums_fail_are_cleared():
    """The gross and net columns' differences can lie on either row whose sum fails (both read, both
    in review): the totals cannot say which, and the rows both models read alike, whose sums hold, go out
    unflagged as before (E dev 505 p6: 6 right figures in review)."""
    rows = []
    for vals in E505:
        r = checks.RowDraft(values={"name": "Иван Петров Иванов", **dict(zip(THREE, vals, strict=True))})
        for f in THREE:
            r.conf[f] = 0.0
        rows.append(r)
    checks.run_checks(rows, E505_TOTALS, list(THREE), 1990, 3, {})
    for r in rows:
        for f in THREE:
            if f in r.review:
                r.alts[f] = [r.values[f]]
    assert {"gross_pay", "net_pay"} <= rows[1].review  # the columns flagged it
    lone_culprit.clear_where_culprit_known(rows, E505_TOTALS, list(THREE), {})
    assert all(not set(THREE) & rows[i].review for i in (0, 1, 3, 5, 6, 7))
    assert {"gross_pay", "net_pay"} <= rows[2].review and {"gross_pay", "net_pay"} <= rows[4].review
