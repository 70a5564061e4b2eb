"""A line of corrections the grid cut from the person's line below it (G dev 702 p8: `282.60` typed over
a struck `282.50`) goes on top of that person's figure as its correction, and is no row of its own;
a line that may be a person's (figures in most columns, or a word) stays a row."""

from __future__ import annotations

from ocr import normalise
from ocr.header import Header
from ocr.sheet import Sheet
from ocr.strays import fold_correction_lines

KINDS = ["row", "name", "egn", "days_worked", "gross_pay", "deductions", "net_pay"]


def _sheet(texts: list[list[str]]) -> Sheet:
    return Sheet(cells={}, header=Header(), headings=[""] * len(KINDS), body_rows=list(range(1, len(texts) + 1)),
                 totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def _person(n: int, net: str) -> list[str]:
    return [str(n), "Иван Петров Иванов", "5001107970", "22", "339.26", "56.66", net]


def test_a_correction_between_two_rows_corrects_the_figure_below_it():
    s = _sheet([_person(10, "242.20"), ["", "", "", "", "", "", "282.60"], _person(11, "282.50"), _person(12, "102.56")])
    assert fold_correction_lines(s, KINDS) == [2]
    assert [t[0] for t in s.texts] == ["10", "11", "12"] and s.body_rows == [1, 3, 4]
    assert normalise.money_of_cell(s.texts[1][6]) == ("282.60", True)


def test_a_line_with_figures_in_most_columns_or_a_word_stays_a_row():
    person_under_a_stamp = ["", "", "", "21", "339.26", "56.66", "282.60"]
    s = _sheet([_person(10, "242.20"), person_under_a_stamp, _person(12, "282.50")])
    assert fold_correction_lines(s, KINDS) == [] and len(s.texts) == 3
    s = _sheet([_person(10, "242.20"), ["", "Петров", "", "", "", "", "282.60"], _person(12, "282.50")])
    assert fold_correction_lines(s, KINDS) == []


def test_figures_the_line_above_lacks_are_its_own_split_off_not_a_correction():
    above = [*_person(10, "")[:6], ""]
    s = _sheet([above, ["", "", "", "", "", "", "242.20"], _person(11, "282.50")])
    assert fold_correction_lines(s, KINDS) == []
