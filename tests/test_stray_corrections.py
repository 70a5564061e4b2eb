"""A correction the grid left as a row of its own joins the person's row below it as new-over-struck
(issue 9, review load; E dev 503 page 7, G dev 702 p8: `282.60` typed over a struck `282.50`): no line of
figures without a person, no person lost or moved; a line that may be a person's (figures in most
columns, or a word) stays a row."""

from __future__ import annotations

from decimal import Decimal

from ocr import checks, normalise, parts_guard, sheet, stray_corrections
from ocr.header import Header
from ocr.sheet import Sheet

KINDS = ["row", "name", "egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]
P5 = ["5", "Пенка Ангелова Костова", "4506097573", "1'315,38", "249,92", "1'565,30", "140,87", "1'424,43"]
P6 = ["6", "Цветанка Николова Щерева", "4708051250", "865,04", "448696", "1'064,00", "184,07", "879,93"]
LINE = ["", "", "", "", "198.96", "", "", ""]


def _sheet(*rows: list[str]) -> Sheet:
    return Sheet({}, None, [], list(range(1, len(rows) + 1)), None, None, [list(r) for r in rows])  # type: ignore[arg-type]


def test_a_line_of_one_figure_between_two_people_is_the_correction_of_the_figure_below_it():
    s = _sheet(P5, LINE, P6)
    assert stray_corrections.fold_correction_lines(s, KINDS) == [2]
    assert s.body_rows == [1, 3] and [r[0] for r in s.texts] == ["5", "6"]
    assert s.texts[1][4] == "198.96\n448696"
    r = checks.RowDraft(
        values={k: sheet.value(k, s.texts[1][c]) for c, k in enumerate(KINDS) if k in checks.MONEY}
    )
    checks.check_money(r, [k for k in KINDS if k in checks.MONEY])
    assert r.values["extra_pay"] == "198.96" and not r.review  # 865.04 + 198.96 = 1064.00


def test_two_lines_of_corrections_over_one_row_both_correct_it():
    net = ["", "", "", "", "", "", "", "1'241,21"]
    s = _sheet(P5, LINE, net, P6)
    assert stray_corrections.fold_correction_lines(s, KINDS) == [3, 2]
    assert [r[0] for r in s.texts] == ["5", "6"]
    assert s.texts[1][4] == "198.96\n448696" and s.texts[1][7] == "1'241,21\n879,93"


def test_a_line_with_a_name_or_a_row_number_is_a_person_and_stays_a_row():
    named = ["", "Иван Петров", "", "", "198.96", "", "", ""]
    numbered = ["7", "", "", "", "198.96", "", "", ""]
    for line in (named, numbered):
        s = _sheet(P5, line, P6)
        assert stray_corrections.fold_correction_lines(s, KINDS) == []
        assert len(s.texts) == 3


def test_a_speck_read_as_a_letter_in_a_persons_column_does_not_make_the_line_a_person():
    # J dev 1003 p2: `р` read off a speck in the ЕГН column of the line of a typed correction
    line = ["", "", "р", "", "198.96", "", "", ""]
    s = _sheet(P5, line, P6)
    assert stray_corrections.fold_correction_lines(s, KINDS) == [2]
    assert s.texts[1][4] == "198.96\n448696"
    worded = ["", "", "ре", "", "198.96", "", "", ""]  # two letters are a word's beginning: the line stays
    s = _sheet(P5, worded, P6)
    assert stray_corrections.fold_correction_lines(s, KINDS) == []


def test_a_figure_over_an_empty_cell_is_no_correction():
    below = [*P6[:4], "", *P6[5:]]
    s = _sheet(P5, LINE, below)
    assert stray_corrections.fold_correction_lines(s, KINDS) == []


# --- a line of corrections between two rows (G dev 702 p8) ----------------------------------------------

G_KINDS = ["row", "name", "egn", "days_worked", "gross_pay", "deductions", "net_pay"]


def _g_sheet(texts: list[list[str]]) -> Sheet:
    return Sheet(cells={}, header=Header(), headings=[""] * len(G_KINDS), body_rows=list(range(1, len(texts) + 1)),
                 totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def _g_person(n: int, net: str) -> list[str]:
    return [str(n), "Иван Петров Иванов", "5001107970", "22", "339.26", "56.66", net]


def test_a_correction_between_two_rows_corrects_the_figure_below_it():
    s = _g_sheet(
        [
            _g_person(10, "242.20"),
            ["", "", "", "", "", "", "282.60"],
            _g_person(11, "282.50"),
            _g_person(12, "102.56"),
        ]
    )
    assert stray_corrections.fold_correction_lines(s, G_KINDS) == [2]
    assert [t[0] for t in s.texts] == ["10", "11", "12"] and s.body_rows == [1, 3, 4]
    assert normalise.money_of_cell(s.texts[1][6]) == ("282.60", True)


def test_a_line_with_figures_in_most_columns_or_a_word_stays_a_row():
    person_under_a_stamp = ["", "", "", "21", "339.26", "56.66", "282.60"]
    s = _g_sheet([_g_person(10, "242.20"), person_under_a_stamp, _g_person(12, "282.50")])
    assert stray_corrections.fold_correction_lines(s, G_KINDS) == [] and len(s.texts) == 3
    s = _g_sheet([_g_person(10, "242.20"), ["", "Петров", "", "", "", "", "282.60"], _g_person(12, "282.50")])
    assert stray_corrections.fold_correction_lines(s, G_KINDS) == []


def test_figures_the_line_above_lacks_are_its_own_split_off_not_a_correction():
    above = [*_g_person(10, "")[:6], ""]
    s = _g_sheet([above, ["", "", "", "", "", "", "242.20"], _g_person(11, "282.50")])
    assert stray_corrections.fold_correction_lines(s, G_KINDS) == []


# --- the itemised deductions against the deductions figure ----------------------------------------------

HUNG = ["name", "gross_pay", "deductions", "net_pay"]
MONEY3 = ["gross_pay", "deductions", "net_pay"]


def _row(ded: str, net: str, parts: list[str]) -> checks.RowDraft:
    r = checks.RowDraft(values={"gross_pay": "18227.64", "deductions": ded, "net_pay": net})
    r.parts = [Decimal(p) for p in parts]
    return r


def _read(ded: str, net: str) -> Sheet:
    return _sheet(["Пенчо Димитров Лазаров", "18.227,64", ded, net])


def test_deductions_their_parts_deny_go_to_review_with_the_net_mended_to_fit_them():
    # E dev 501 page 3: deductions `2.350,87` read `2.350,37`, the net read `15.8772` mended by one digit
    # to 15877.27 so that the row's sum holds
    r = _row("2350.37", "15877.27", ["1567.58", "401.01", "200.00", "182.28"])
    parts_guard.doubt_deductions_against_parts(
        [r], {"deductions": "2651.68"}, MONEY3, {}, _read("2.350,37", "15.8772"), HUNG
    )
    assert {"deductions", "net_pay"} <= r.review


def test_deductions_their_parts_confirm_their_column_proves_or_read_as_they_stand_are_not_flagged():
    right = ["1567.58", "401.01", "200.00", "182.28"]
    r = _row("2350.87", "15876.77", right)
    parts_guard.doubt_deductions_against_parts(
        [r], {"deductions": "2651.68"}, MONEY3, {}, _read("2.350,87", "15.876,77"), HUNG
    )
    assert not r.review
    misread_part = ["1567.58", "401.01", "200.80", "182.28"]  # a part misread, the figures read as they stand
    r = _row("2350.87", "15876.77", misread_part)
    parts_guard.doubt_deductions_against_parts(
        [r], {"deductions": "2651.68"}, MONEY3, {}, _read("2.350,87", "15.876,77"), HUNG
    )
    assert not r.review
    r = _row("2350.87", "15876.77", misread_part)  # the column adds up to its total
    parts_guard.doubt_deductions_against_parts(
        [r], {"deductions": "2350.87"}, MONEY3, {}, _read("2.350,87", "15.8772"), HUNG
    )
    assert not r.review


def test_deductions_and_net_the_second_pass_read_so_are_not_doubted_for_misread_parts():
    # E dev 501 page 3 (300 dpi): the first pass garbled the deductions and net cells (`2,350,387`,
    # `15.8772 |`), the second read them right and every sum of the row holds; a part misread (`200.80`)
    # is no reason to doubt them
    misread_part = ["1567.58", "401.01", "200.80", "182.28"]
    r = _row("2350.87", "15876.77", misread_part)
    r.alts = {"deductions": [Decimal("2350.87")], "net_pay": [Decimal("15876.77")]}
    parts_guard.doubt_deductions_against_parts(
        [r], {"deductions": "2651.68"}, MONEY3, {}, _read("2,350,387", "15.8772 |"), HUNG
    )
    assert not r.review


def test_a_net_no_model_read_stays_doubted_beside_deductions_the_second_pass_read():
    # the deductions read `2350.37` by the second pass, the net mended to 15877.27 to fit them: no model
    # read that net, so the two may be two misreads made to agree
    r = _row("2350.37", "15877.27", ["1567.58", "401.01", "200.00", "182.28"])
    r.alts = {"deductions": [Decimal("2350.37")], "net_pay": [Decimal("15872.72")]}
    parts_guard.doubt_deductions_against_parts(
        [r], {"deductions": "2651.68"}, MONEY3, {}, _read("2,350,387", "15.8772 |"), HUNG
    )
    assert {"deductions", "net_pay"} <= r.review


def test_a_pay_figure_mended_above_deductions_their_part_denies_sends_the_row_to_review():
    # AA dev 19005 p4: `226.85 .00 226.85 13.84 13.84 213.01` read `226.25 .00 226.55 13.24 13.84 213.01`;
    # the gross mended to 226.25 so that both sums hold with the tax column's misread `13.24`, while its part
    # (`ВСИЧКО УДРЪЖ-ИЯ`, 13.84) says otherwise: every figure of the chain out wrong, none in review
    kinds = ["name", "base_pay", "extra_pay", "gross_pay", "deductions", "deduction_part", "net_pay"]
    present = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]
    read = _sheet(["ПЕНЧЕВА ДОНКА ЛАЗАРОВА", "226.25", ".00", "226.55", "13.24", "13.84", "213.01"])

    def row(gross: str) -> checks.RowDraft:
        r = checks.RowDraft(values={"base_pay": "226.25", "extra_pay": "0.00", "gross_pay": gross,
                                    "deductions": "13.24", "net_pay": "213.01"})
        r.parts = [Decimal("13.84")]
        return r

    r = row("226.25")
    parts_guard.doubt_deductions_against_parts([r], {}, present, {}, read, kinds)
    assert set(present) <= r.review
    r = row("226.55")  # nothing mended (the sums fail and say so themselves): not this guard's
    parts_guard.doubt_deductions_against_parts([r], {}, present, {}, read, kinds)
    assert not r.review
    r = row("226.25")  # the gross mended and in review already: before a person as it is
    r.review.add("gross_pay", checks.ROW_SUM)
    parts_guard.doubt_deductions_against_parts([r], {}, present, {}, read, kinds)
    assert set(r.review) == {"gross_pay"}
    r = row("226.25")  # the second pass read the gross so: two models' misreads, not a mend
    r.alts = {"gross_pay": [Decimal("226.25")]}
    parts_guard.doubt_deductions_against_parts([r], {}, present, {}, read, kinds)
    assert not r.review
