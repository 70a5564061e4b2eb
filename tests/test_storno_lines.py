"""A bookkeeping machine's wrong line and the storno line that reverses it (family Z) are no people's rows: the
sheet's people keep their printed numbers 1, 2, 3 ... A line of no number that the sheet does not prove a storno
(its figures another's, or the numbers not stepping across it) stays a row. Nought leva printed as nothing
before the point (`.00`) is nought, not an unreadable figure."""

from __future__ import annotations

from ocr import normalise
from ocr.sheet import Sheet
from ocr.storno_lines import drop_storno_pairs

KINDS: list[str | None] = ["row", "name", "egn", "days_worked", "base_pay", "gross_pay", "net_pay", None]
ONE = ["01", "ЙОРДАНОВ ЛЮБОМИР СТОЯНОВ", "4807201024", "21", "215.19", "271.14", "254.60", "254.60"]
WRONG = ["", "ВАСИЛЕВ ЗДРАВКО СТОЯНОВ", "7307289901", "21", "316.56", "440.16", "402.31", "656.91"]
STORNO = ["", "ВАСИЛЕВ ЗДРАВКО СТОЯНОВ", "7307289901", "21", "316.56-", "440.16-", "402.31-", "254.60"]
TWO = ["02", "ВАСИЛЕВ ЗДРАВКО СТОЯНОВ", "7307289901", "21", "315.66", "439.16", "418.52", "673.12"]
THREE = ["03", "ХАДЖИЕВ ЦАНКО НИКОЛОВ", "6305069887", "20", "329.85", "329.85", "310.72", "983.84"]


def _sheet(rows: list[list[str]]) -> Sheet:
    return Sheet({}, None, [], list(range(1, len(rows) + 1)), None, None, [list(r) for r in rows])  # type: ignore[arg-type]


def test_a_wrong_line_and_its_storno_are_no_people():
    s = _sheet([ONE, WRONG, STORNO, TWO, THREE])
    assert drop_storno_pairs(s, KINDS) == [2, 3]
    assert [t[0] for t in s.texts] == ["01", "02", "03"]


def test_the_control_total_back_proves_the_storno_where_a_number_is_unread():
    s = _sheet([ONE, WRONG, STORNO, ["", *TWO[1:]], THREE])
    assert drop_storno_pairs(s, KINDS) == [2, 3]
    assert [t[1] for t in s.texts] == [ONE[1], TWO[1], THREE[1]]


def test_a_storno_figure_read_a_digit_off_is_still_its_mirror():
    storno = [*STORNO[:5], "440.18-", *STORNO[6:]]
    s = _sheet([ONE, WRONG, storno, TWO, THREE])
    assert drop_storno_pairs(s, KINDS) == [2, 3]


def test_two_unnumbered_people_of_other_pay_stay_rows():
    other = ["", "ХАДЖИЕВ ЦАНКО НИКОЛОВ", "6305069887", "20", "329.85", "329.85", "310.72", "565.32"]
    s = _sheet([ONE, WRONG, other, TWO, THREE])
    assert drop_storno_pairs(s, KINDS) == []
    assert len(s.texts) == 5


def test_two_unnumbered_lines_alike_the_sheet_does_not_prove_a_storno_stay_rows():
    # the numbers do not step by one across them (two people's numbers unread) and no total goes back
    wrong = [*WRONG[:7], "656.91"]
    storno = [*STORNO[:7], "1059.22"]
    s = _sheet([ONE, wrong, storno, ["04", *TWO[1:]], THREE])
    assert drop_storno_pairs(s, KINDS) == []


def test_nought_leva_printed_as_nothing_is_nought():
    assert normalise.money(".00") == "0.00"
    assert normalise.money(",05-") == "0.05"
    assert normalise.money(".00**") == "0.00"
    assert normalise.money("1'133.37") == "1133.37"
    assert normalise.money("2.621,03CR") == "2621.03"
    assert normalise.money(".0") is None
