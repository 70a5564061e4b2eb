"""An amount the grid cut at its decimal point where the point is lost or a speck of dust sits after the
stotinki (family N, N dev 6001 p1: the net pay `364` | `62`, `2380` | `14 ,`): the stotinki join their leva in
the people's rows and in the `Всичко` row, the column is the net pay, the deductions beside it are the
deductions (they were read as the net pay on every row, the page sent to review whole)."""

from __future__ import annotations

from ocr import columns
from ocr.geometry import Box, Word
from ocr.sheet import Sheet
from ocr.split_cents import join_sums_cut_at_point

HEAD = ["П. №", "Трите имена", "ЕГН", "Осн. з-та", "Доп. възн-е", "Всичко нач.", "Уд-ки", "За", "пол.", ""]
ROWS = [  # as read on N dev 6001 p1
    ["1", "Илия Маринов Чолаков", "5503087568", "320.68", "125.07", "445.75", "81.13", "364", "62", ""],
    ["2", "Радка Тодорова Маринова", "5010130130", "226.59", "0.00", "226.59", "23.11", "203", ", 48", ""],
    ["3", "Донка Кирилова Юрукова", "4309226770", "304.57", "0.00", "304.57", "31.37", "273,", "20", ""],
    ["4", "Елена Йорданова Найденова", "2610243174", "257.88", "95.42", "353.30", "52.29", "301", "01", ""],
    ["5", "Кирил Тодоров Златев", "3706045322", "195.58", "76.28", "271.86", "38.60", "233", "26", ""],
    ["6", "Димитър Маринов Христов", "5208167921", "307.03", "27.63", "334.66", "54.55", "280", "11 ,", ""],
    ["7", "Стефан Йорданов Попов", "4204149002", "287.72", "103.58", "391.30", "48.91", "342", "39 ,", ""],
]
TOTALS = ["", "Всичко", "", "1878.17", "427.98", "2306.15", "329.96", "1976", "19 .", ""]


def _sheet() -> Sheet:
    t = len(ROWS) + 1
    cells = {(t, c): [Word(x, 0.9, Box(10 * c, 0, 10 * c + 9, 9))] for c, x in enumerate(TOTALS) if x}
    return Sheet(cells, None, list(HEAD), list(range(1, t)), t, None, [list(r) for r in ROWS])  # type: ignore[arg-type]


def test_stotinki_with_a_speck_after_them_join_the_leva_and_the_net_pay_is_found() -> None:
    s = _sheet()
    cut = columns.join_split_amounts(s.texts)
    assert cut == [8]
    assert [r[7] for r in s.texts][-2:] == ["28011", "34239"] and all(r[8] == "" for r in s.texts)
    join_sums_cut_at_point(s, cut)
    totals = [s.text(len(ROWS) + 1, c) for c in range(len(HEAD))]
    assert totals[7] == "1976.19" and totals[8] == ""
    kinds = columns.identify(s.texts, s.headings, totals)
    assert kinds[6:8] == ["deductions", "net_pay"]


def test_a_column_of_two_digit_figures_with_no_cut_stays_apart() -> None:
    # no figure ends in a separator nor any stotinki begins with one: no cut seen, nothing joined
    body = [[r[0], r[1], "364", "21"] for r in ROWS[:3]]
    assert columns.join_split_amounts(body) == []


def test_specks_on_either_side_of_the_stotinki_still_join() -> None:
    # N dev 6001 p3 as read: the net pay cut at its point, specks read before or after the stotinki
    body = [["1", "Илия Маринов Чолаков", "339.92", "44.87", "295.", "05", ""],
            ["2", "Радка Тодорова Маринова", "12.26", "1.43", "10,", "83", ""],
            ["3", "Донка Кирилова Юрукова", "133.32", "25.60", "107", ": 72", ""],
            ["4", "Кирил Тодоров Златев", "171.75", "29.46", "142,", "29. ,", ""]]  # fmt: skip
    assert columns.join_split_amounts(body) == [5]
    assert [r[4] for r in body] == ["295.05", "10,83", "10772", "142,29"]
