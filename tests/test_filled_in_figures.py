"""A figure nobody could read that the row's sums filled in is no reading: the second run of the checks
(after the second pass) must not take it for one (as read on `samples --hard all --seed 55` page-0001, a
stamp over the deductions and the net pay of the first row)."""

from __future__ import annotations

from archive_core.records import PayrollRow
from bench.scoring import covering_row
from ocr import checks

PRESENT = list(checks.MONEY)


def _row() -> checks.RowDraft:
    # the deductions under the stamp unread, the net pay `220.51` misread `122.28` (the ring read as a 1)
    return checks.RowDraft(values={"base_pay": "243.31", "extra_pay": "34.06", "gross_pay": "277.37",
                                   "deductions": None, "net_pay": "122.28"})  # fmt: skip


def test_a_filled_in_figure_stays_in_review_when_the_checks_run_again():
    drafts = [_row()]
    checks.run_checks(drafts, {}, PRESENT, 1986, 9, {})
    assert drafts[0].values["deductions"] == "155.09"
    assert drafts[0].review.reasons["deductions"] == checks.UNREADABLE
    checks.forget_verdicts(drafts)
    checks.run_checks(drafts, {}, PRESENT, 1986, 9, {})
    assert drafts[0].review.reasons.get("deductions") == checks.UNREADABLE
    assert "net_pay" in drafts[0].review, "the net pay the filled-in figure was made from is as doubtful"


def test_a_filled_in_figure_the_column_total_confirms_goes_out():
    right = checks.RowDraft(values={"base_pay": "237.25", "extra_pay": "83.04", "gross_pay": "320.29",
                                    "deductions": "58.61", "net_pay": "261.68"})  # fmt: skip
    row = _row()
    row.values["net_pay"] = "220.51"
    drafts = [row, right]
    totals = {"base_pay": "480.56", "extra_pay": "117.10", "gross_pay": "597.66", "deductions": "115.47",
              "net_pay": "482.19"}  # fmt: skip
    for _ in range(2):
        checks.forget_verdicts(drafts)
        checks.run_checks(drafts, totals, PRESENT, 1986, 9, {})
    assert row.values["deductions"] == "56.86"
    assert not row.review and not right.review


def test_a_column_total_does_not_move_a_filled_in_figure_off_its_row_sum():
    # `samples --hard all --seed 55` page-0012: the base pay of one row unread (filled in as 303.76 - 39.62),
    # another row's `234.03` misread `334.03` with its additional pay unread; the base column is 100 over
    filled = checks.RowDraft(values={"base_pay": None, "extra_pay": "39.62", "gross_pay": "303.76"})
    misread = checks.RowDraft(values={"base_pay": "334.03", "extra_pay": None, "gross_pay": "311.26"})
    drafts = [filled, misread]
    present = ["base_pay", "extra_pay", "gross_pay"]
    checks.run_checks(drafts, {"base_pay": "498.17"}, present, 1986, 9, {})
    assert filled.values["base_pay"] == "264.14", "moved to 164.14: the column adds up, the row sum breaks"
    assert "base_pay" in misread.review or misread.values["base_pay"] == "234.03"


def _person(g: str, d: str, n: str) -> checks.RowDraft:
    return checks.RowDraft(values={"gross_pay": g, "deductions": d, "net_pay": n})


def test_a_row_filled_in_from_the_totals_alone_stays_in_review():
    # `samples --hard all --seed 56` page-0012: a row of dashes read as nothing, the net total `948.59`
    # misread `1948.59` and the deductions total `162.29` read `1621.29` the second time: what the totals
    # left (2459.00 / 1459.00 / 1000.00) kept the row's sum, as anything they leave would
    present = ["gross_pay", "deductions", "net_pay"]
    drafts = [_person("214.36", "23.58", "190.78"), _person("232.24", "43.66", "188.58"), _person(None, None, None)]  # type: ignore[arg-type]
    totals = {"gross_pay": "1446.60", "deductions": "567.24", "net_pay": "879.36"}
    for _ in range(2):
        checks.forget_verdicts(drafts)
        checks.run_checks(drafts, totals, present, 1982, 2, {})
    dashes = drafts[2]
    assert {"gross_pay", "deductions", "net_pay"} <= set(dashes.review), dashes.values


def test_a_row_of_dashes_the_totals_leave_nothing_for_is_zeros():
    present = ["gross_pay", "deductions", "net_pay"]
    drafts = [_person("214.36", "23.58", "190.78"), _person("232.24", "43.66", "188.58"), _person(None, None, None)]  # type: ignore[arg-type]
    for n, d in enumerate(drafts, 1):  # a person's row, its printed number read (not a line nobody filled)
        d.values["row"] = n
    totals = {"gross_pay": "446.60", "deductions": "67.24", "net_pay": "379.36"}
    checks.run_checks(drafts, totals, present, 1982, 2, {})
    assert drafts[2].values == {"row": 3, "gross_pay": "0.00", "deductions": "0.00", "net_pay": "0.00"}
    assert not drafts[2].review


def test_a_blank_row_of_no_person_read_is_not_issued_as_zeros():
    # `samples --hard all --seed 62` page-0006: a name's second line `Фъртунова` split off as a row of its
    # own, its figures blank, no ЕГН; the totals leave nothing for it: zeros, yet of whom nobody knows
    present = ["name", "egn", "gross_pay", "deductions", "net_pay"]
    drafts = [_person("214.36", "23.58", "190.78"), _person("232.24", "43.66", "188.58"), _person(None, None, None)]  # type: ignore[arg-type]
    for d, (name, egn) in zip(drafts, [("Иван Петров Иванов", "4507124565"), ("Мария Иванова Петрова", "5203158357"),
                                       ("Фъртунова", None)], strict=True):  # fmt: skip
        d.values.update(name=name, egn=egn, row=len([x for x in drafts if "row" in x.values]) + 1)
    totals = {"gross_pay": "446.60", "deductions": "67.24", "net_pay": "379.36"}
    checks.run_checks(drafts, totals, present, 1982, 2, {})
    assert {"gross_pay", "deductions", "net_pay"} <= set(drafts[2].review), drafts[2].values
    assert not {"gross_pay", "deductions", "net_pay"} & set(drafts[0].review)


def test_an_unplaced_additional_pay_column_is_zero_where_gross_is_the_proven_base():
    # `samples --hard all --seed 55` page-0011: the additional pay column under a stamp, blank on two rows
    kinds = ["row", "name", "egn", "days_worked", "base_pay", None, "gross_pay", "deductions", "net_pay"]
    present = [k for k in kinds if k]
    drafts = [checks.RowDraft(values={"egn": e, "base_pay": b, "gross_pay": g, "deductions": d, "net_pay": n})
              for e, b, g, d, n in (("3709171670", "290.82", "290.82", "26.46", "264.36"),
                                    ("4802203282", "140.98", "159.31", "13.38", "145.93"))]  # fmt: skip
    kinds.remove("name")
    checks.run_checks(drafts, {}, present, 1984, 3, {})
    checks.guard_page(drafts, kinds, [[""] * len(kinds) for _ in drafts])
    assert drafts[0].values["extra_pay"] == "0.00" and "extra_pay" not in drafts[0].review
    assert drafts[1].values["extra_pay"] == "18.33" and drafts[1].review.reasons["extra_pay"] == checks.UNREADABLE


def test_the_row_covering_a_line_of_a_page_fed_sideways_is_the_nearest_across():
    # the rows of a page fed sideways lie side by side in the image as given: each spans its whole height
    truth = PayrollRow(row=3, bbox=[579, 232, 701, 3344])
    two, three = PayrollRow(row=2, bbox=[513, 201, 645, 3376]), PayrollRow(row=3, bbox=[590, 200, 697, 3375])
    assert covering_row(truth, [two, three]) is three


def test_a_net_pay_above_the_gross_is_in_doubt_when_no_sum_can_be_done():
    # `samples --hard all --seed 56` page-0003: the deductions unread, the net `146.30` read `1146.30`
    row = checks.RowDraft(values={"gross_pay": "176.05", "deductions": None, "net_pay": "1146.30"})
    checks.check_money(row, ["gross_pay", "deductions", "net_pay"])
    assert row.review.reasons.get("net_pay") == checks.ROW_SUM and "deductions" in row.review


def test_an_unread_row_number_is_certain_between_read_ones_and_flagged_beyond_them():
    read = [None, 2, None, 4, None]  # a stamp over the first, third and last numbers
    drafts = [checks.RowDraft(values={"row": n, "name": "Иван Петров Иванов"}) for n in read]
    checks.number_rows(drafts)
    assert [d.values["row"] for d in drafts] == [1, 2, 3, 4, 5]
    assert "row" not in drafts[2].review, "between 2 and 4 the sequence makes it certain"
    assert drafts[0].review.reasons["row"] == drafts[4].review.reasons["row"] == checks.UNREADABLE


def test_a_zero_row_beside_dashes_for_additional_pay_is_read_as_zeros():
    # `samples --family D --seed 101` page-0003: additional pay a dash on most rows (read as nothing, base
    # and gross alike), and one row of dashes: the totals leave exactly nothing for it
    def row(b: str | None, e: str | None, g: str | None, d: str | None, n: str | None) -> checks.RowDraft:
        return checks.RowDraft(values={"base_pay": b, "extra_pay": e, "gross_pay": g, "deductions": d, "net_pay": n})

    drafts = [row("1036.35", None, "1036.35", "133.69", "902.66"), row("1058.81", "232.94", "1291.75", "268.68", "1023.07"),
              row(None, None, None, None, None)]  # fmt: skip
    for n, d in enumerate(drafts, 1):  # a person's row, its printed number read (not a line nobody filled)
        d.values["row"] = n
    totals = {"base_pay": "2095.16", "extra_pay": "232.94", "gross_pay": "2328.10", "deductions": "402.37",
              "net_pay": "1925.73"}  # fmt: skip
    for _ in range(2):
        checks.forget_verdicts(drafts)
        checks.run_checks(drafts, totals, PRESENT, 1990, 5, {})
    assert drafts[0].values["extra_pay"] == "0.00" and not drafts[0].review
    assert all(drafts[2].values[f] == "0.00" for f in PRESENT) and not drafts[2].review


def test_two_figures_of_a_row_filled_from_the_totals_stay_in_review():
    # L dev 4009 p2: one row's deductions (a struck `43.14`, corrected) and net pay unread, the handwritten
    # deductions total `219.43` misread `219.13` and the net total unreadable: the deductions filled from
    # their total (0.30 short) and the net pay from the totals' gross - deductions held the row's sum
    # gross - deductions = net by construction, and both went out wrong without a flag
    present = ["gross_pay", "deductions", "net_pay"]
    drafts = [_person("214.36", "23.58", "190.78"), _person("232.24", "43.66", "188.58"),
              _person("283.96", None, None)]  # type: ignore[arg-type]  # fmt: skip
    totals = {"gross_pay": "730.56", "deductions": "114.08", "net_pay": "12.41"}  # deductions: 114.38
    for _ in range(2):
        checks.forget_verdicts(drafts)
        checks.run_checks(drafts, totals, present, 1982, 2, {})
    row = drafts[2]
    assert {"deductions", "net_pay"} <= set(row.review), row.values
