"""A person's row typed on two lines (family L: the ЕГН, name and row number on the first, the figures on
the second) is one row; two people are never merged (L dev 4005 p2: each person read as a row with a name
and no figures and a row of figures with no name, 0 of 8 people found)."""

from __future__ import annotations

import numpy as np

from ocr import columns
from ocr.analysis import Analysis
from ocr.geometry import Box, Grid, Word
from ocr.sheet import Sheet
from ocr.two_line import join_rows, pairs

HEAD = ["Граждански номер (ЕГН)", "Име, бащино и фамилно име", "Заплата", "Премии", "Начислено общо",
        "Удръжки", "Остава да получи", "Явил се (дни)", "№ по ред"]  # fmt: skip
P = [
    ["4704220198", "Радка Борисова Попова", "", "", "", "", "", "", "1"],
    ["", "", "164.18", "22.99", "187.17", "20.59", "166.58", "21", ""],
    ["5406093853", "Теменужка Иванова Щерева", "", "", "", "", "", "", "2"],
    ["", "", "142.43", "31.33", "173.76", "23.81", "149.95", "22", ""],
    ["3906141241", "Камен Петров Ангелов", "", "", "", "", "", "", "3"],
    ["", "", "185.73", "52.00", "237.73", "22.82", "214.91", "22", ""],
]
TOTALS = ["", "Всичко", "492.34", "106.32", "598.66", "67.22", "531.44", "", ""]


def blank_analysis(g: Grid) -> Analysis:
    """A page's analysis with no image: only its grid matters to the row rules tested here."""
    blank = np.zeros((1, 1), np.uint8)
    return Analysis(blank, blank, blank, g, None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]


def _page(rows: list[list[str]], heights: list[int] | None = None) -> tuple[Analysis, Sheet]:
    n = len(rows)
    ys = [0]
    for h in [50, *(heights or [50] * n), 50]:
        ys.append(ys[-1] + h)
    g = Grid(xs=[100 * c for c in range(len(HEAD) + 1)], ys=ys, ruled=True)
    cells = {(r + 1, c): [Word(t, 0.9, Box(100 * c + 5, ys[r + 1] + 5, 100 * c + 60, ys[r + 1] + 40))]
             for r, row in enumerate(rows) for c, t in enumerate(row) if t}  # fmt: skip
    cells.update({(n + 1, c): [Word(t, 0.9, Box(100 * c + 5, ys[n + 1] + 5, 100 * c + 60, ys[n + 1] + 40))]
                  for c, t in enumerate(TOTALS) if t})  # fmt: skip
    s = Sheet(cells, None, list(HEAD), list(range(1, n + 1)), n + 1, None, [list(r) for r in rows])  # type: ignore[arg-type]
    a = blank_analysis(g)
    return a, s


def test_a_persons_two_lines_are_one_row():
    a, s = _page(P)
    kinds = columns.identify(s.texts, s.headings, TOTALS)
    assert pairs(s, kinds) == [0, 2, 4]
    a, kinds = join_rows(a, s, kinds, TOTALS)
    assert len(s.texts) == 3 and s.body_rows == [1, 2, 3] and s.totals_row == 4
    assert a.grid.n_rows == 5  # the heading, three people, the totals
    assert s.texts[1][:3] == ["5406093853", "Теменужка Иванова Щерева", "142.43"] and s.texts[1][8] == "2"
    assert kinds[:3] == ["egn", "name", "base_pay"]
    assert s.text(2, 2) == "142.43" and s.text(2, 0) == "5406093853"  # the cells of the joined band
    assert s.text(4, 1) == "Всичко"


def test_two_people_are_never_joined():
    one_line = [["4704220198", "Радка Борисова Попова", "164.18", "22.99", "187.17", "20.59", "166.58", "21", "1"],
                ["5406093853", "Теменужка Иванова Щерева", "142.43", "31.33", "173.76", "23.81", "149.95", "22", "2"]]  # fmt: skip
    a, s = _page(one_line + P[4:])
    kinds = columns.identify(s.texts, s.headings, TOTALS)
    assert pairs(s, kinds) == []  # one person's two lines on a sheet of one-line rows: no habit of the page
    both_people = [P[0], P[2], P[1], P[3]]  # a person with no figures above a person: never one row
    a, s = _page(both_people)
    assert pairs(s, columns.identify(s.texts, s.headings, TOTALS)) == []
    numbered = [P[0], [*P[1][:8], "2"], P[2], [*P[3][:8], "3"]]  # the figures' line has a number of its own
    a, s = _page(numbered)
    assert pairs(s, columns.identify(s.texts, s.headings, TOTALS)) == []


FULL = [
    ["5002162904", "Васил Петров Бъчваров", "217.14", "60.80", "277.94", "37.80", "240.14", "21", "1"],
    ["6501130203", "Димитър Ангелов Димитров", "285.19", "62.74", "347.93", "74.11", "273.82", "21", "2"],
    ["4109109138", "Надежда Димитрова Юрукова", "310.16", "111.66", "421.82", "92.38", "329.44", "21", "3"],
]


def test_one_person_split_where_the_grid_kept_the_others_two_lines_together():
    """L dev 4005 p1: the grid kept nine people's two lines together and split one: its two lines are as
    tall as the others' rows, each far shorter, so they are one row; of the same height as the others' rows
    (two rows of a sheet typed on one line each), they stay apart."""
    rows = [*FULL, [*P[0][:8], "4"], P[1]]
    a, s = _page(rows, [100, 100, 100, 50, 50])
    kinds = columns.identify(s.texts, s.headings, TOTALS)
    assert pairs(s, kinds) == []  # no habit of the page without the heights
    a, kinds = join_rows(a, s, kinds, TOTALS)
    assert len(s.texts) == 4 and s.texts[3][0] == "4704220198" and s.texts[3][2] == "164.18"
    a, s = _page(rows, [50, 50, 50, 50, 50])
    kinds = columns.identify(s.texts, s.headings, TOTALS)
    a, kinds = join_rows(a, s, kinds, TOTALS)
    assert len(s.texts) == 5


def test_a_position_typed_under_the_name_is_no_person_and_no_part_of_the_name():
    # L dev 4010 p2: the position on the figures' line, in the name's column (`шофьор`, `общ работник`)
    rows = [[*P[0][:1], "Донка С. Стоянова", *P[0][2:]], ["", "шофьор", *P[1][2:]],
            [*P[2][:1], "Лиляна Д. Атанасова", *P[2][2:]], ["", "общ работник", *P[3][2:]]]  # fmt: skip
    a, s = _page(rows)
    kinds = columns.identify(s.texts, s.headings, TOTALS)
    a, kinds = join_rows(a, s, kinds, TOTALS)
    assert [r[1] for r in s.texts] == ["Донка С. Стоянова", "Лиляна Д. Атанасова"]
    assert [r[2] for r in s.texts] == ["164.18", "142.43"]
    rows[1][1] = "Иван Петров Иванов"  # a name on the figures' line: a person of its own
    a, s = _page([*rows, P[4], P[5]])
    assert pairs(s, columns.identify(s.texts, s.headings, TOTALS)) == [2, 4]
