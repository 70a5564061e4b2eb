"""An adding machine's paper tape stapled a few millimetres right of a ruled table (family AS): its edges are long
lines down the page and its figures a column of amounts, yet none of it is the table's. The table's frame keeps it
out (a line down the page no rule across crosses and that does not run the table's height is no column's side; a
side drawn at the rules' end bounds the rows' writing), and a column whose figures carry the machine's marks (`+`,
`*`, `T`, `#`) is no pay."""

from __future__ import annotations

import numpy as np

from ocr import adding_tape, columns
from ocr.lines import Rule, Rules
from ocr.tables import _ruled_grid, _unruled_grid

W, H = 2400, 1600
SIDES = (100, 300, 700, 900, 1100, 1300)  # the table's column rules, 300..1300 tall
TOP, FOOT = 300, 1300


def _table_rules(extra: list[Rule]) -> Rules:
    """A framed table: its rules across at the heading's top and foot, under each of 18 rows and the totals
    (overshooting the sides by 30 px, as a clerk's ruler does), its column rules from top to foot; ``extra``:
    more lines down the page."""
    across = [Rule(y, SIDES[0] - 30, SIDES[-1] + 30) for y in (TOP, 400, *range(450, 1300, 50), FOOT)]
    vert = [Rule(x, TOP, FOOT) for x in SIDES] + extra
    return Rules(across, vert, np.zeros((H, W), np.uint8))


def test_a_tapes_edges_beside_the_table_are_no_column_rules() -> None:
    # a tape's two edges, begun a few rows down, ended past the foot; the scan's border at the image's side
    tape = [Rule(1360, 420, 1450), Rule(1880, 430, 1470), Rule(30, 640, 1580)]
    grid = _ruled_grid(_table_rules(tape), size=(H, W))
    assert grid is not None
    assert grid.xs == list(SIDES)  # the table's columns only, not the tape's strip as a last column


def test_a_column_rule_the_rules_across_fall_short_of_stays() -> None:
    # the table's last rule, its rules across faded short of it, runs the table's height: still its side
    rules = _table_rules([Rule(1500, TOP, FOOT)])
    grid = _ruled_grid(rules, size=(H, W))
    assert grid is not None and grid.xs == [*SIDES, 1500]


def _page_with_tape(framed: bool) -> tuple[np.ndarray, Rules]:
    """An unruled body (rules across only at the heading and the totals; the table's sides drawn or not) with a
    person's line of writing in each column every 50 px, and a tape's figures 60 px right of the rules' end on
    every line."""
    ink = np.zeros((H, W), np.uint8)
    right = SIDES[-1] + 30
    for y in range(415, 1280, 50):
        for a, b in zip(SIDES, SIDES[1:], strict=False):
            ink[y : y + 25, a + 20 : b - 20] = 255
        ink[y + 2 : y + 27, right + 60 : right + 200] = 255  # the tape's figure on the line
    across = [Rule(y, SIDES[0] - 30, right) for y in (TOP, 400, FOOT)]
    vert = [Rule(x, TOP, FOOT) for x in (SIDES[0], SIDES[-1])] if framed else []
    return ink, Rules(across, vert, np.zeros((H, W), np.uint8))


def test_writing_past_a_drawn_side_is_none_of_the_tables() -> None:
    ink, rules = _page_with_tape(framed=True)
    grid = _unruled_grid(ink, rules)
    assert grid is not None and grid.xs[-1] <= SIDES[-1] + 40  # the tape's figures are no column


def test_writing_past_the_rules_end_is_the_tables_where_no_side_is_drawn() -> None:
    ink, rules = _page_with_tape(framed=False)
    grid = _unruled_grid(ink, rules)
    assert grid is not None and grid.xs[-1] > SIDES[-1] + 200  # (a rule faded at its end: the rows' writing reaches)


def test_a_column_of_figures_with_the_machines_marks_is_a_tapes() -> None:
    tape = ["0.00 *", "176,88 +", "106.83 +", "", "21.03 +", "2959.52 *", "026 #"]
    net = ["176,88", "106.83", "21.03", "76.19", "", "213.91", "83.59"]
    storno = ["12.50-", "3.20", "4.10-", "", "1.00", "2.00", "3.00"]  # a payroll's storno sign is no mark
    assert adding_tape.tape_columns([net, tape, storno]) == [1]
    assert adding_tape.marked("2959.52 T") and not adding_tape.marked("Всичко +")


def test_a_tape_read_as_the_last_column_is_no_pay() -> None:
    """The tape's figures in a column right of the net: the money columns are the sheet's, the tape none."""
    rows = [("1", "Иван Петров Иванов", "284.15", "107.27", "176.88", "176.88 +"),
            ("2", "Петър Иванов Петров", "169.21", "62.38", "106.83", "106.83 +"),
            ("3", "Мария Иванова Петрова", "23.66", "2.63", "21.03", "21.03 +"),
            ("4", "Елена Петрова Иванова", "159.30", "83.11", "76.19", "76.19 +")]  # fmt: skip
    heads = ["№", "Име", "Всичко начислено", "Сума на удръжките", "Чиста сума за получаване", ""]
    kinds = columns.identify([list(r) for r in rows], heads, ["", "Всичко", "636.32", "255.39", "380.93", "380.93 *"])
    assert kinds[5] is None
    assert kinds[2:5] == ["gross_pay", "deductions", "net_pay"]


def test_the_gross_typed_before_the_pay_it_sums() -> None:
    """AS dev 37001 p2: `Всичко начисл.` before `Заплата` and `Други`; the rows without additional pay held
    under any order that took the gross for the deductions, their deductions wrong without a flag."""
    rows = [("1", "Иван Петров Иванов", "58.71", "58.71", "0.00", "6.52", "52.19"),
            ("2", "Петър Иванов Петров", "185.32", "161.15", "24.17", "77.53", "107.79"),
            ("3", "Мария Иванова Петрова", "236.61", "236.61", "0.00", "92.77", "143.84"),
            ("4", "Елена Петрова Иванова", "172.04", "159.30", "12.74", "78.28", "93.76"),
            ("5", "Стоян Петров Иванов", "286.39", "286.39", "0.00", "132.18", "154.21")]  # fmt: skip
    heads = ["", "", "", "", "", "", ""]  # the headings unread: the sums alone tell the order
    kinds = columns.identify([list(r) for r in rows], heads)
    assert kinds[2:7] == ["gross_pay", "base_pay", "extra_pay", "deductions", "net_pay"]
