"""Leva and stotinki typed in columns of their own (family L, `лв.` | `ст.`): one amount, never the printed
row number (L dev 4005 p2: the stotinki column taken for `№`, numbers 17 to 31 on a sheet of 8 people, every
amount read as `1.64` for 164.18)."""

from __future__ import annotations

from ocr import columns
from ocr.checks import RowDraft
from ocr.geometry import Box, Grid, Word
from ocr.sheet import Sheet, doubtful
from ocr.split_cents import cents_columns, join_cents

HEAD = ["Граждански номер (ЕГН)", "Име, бащино и фамилно име", "Заплата по разписание", "", "Премии, клас", "",
        "Начислено общо", "", "Явил се (дни)", "№ по ред"]  # fmt: skip
SUB = ["", "", ".", "кг.", ".", ".", ".", ".", "", ""]  # the `лв.` / `ст.` line as read
ROWS = [
    ["4704220198", "Радка Борисова Попова", "164", "18", "22", "99", "187", "17", "21", "1"],
    ["5406093853", "Теменужка Иванова Щерева", "142", "43", "31", "33", "173", "76", "22", "2"],
    ["3906141241", "Камен Петров Ангелов", "185", "73", "52", "00", "237", "73", "22", "3"],
    ["2604266479", "Катя Маринова Атанасова", "42.", "ЕА,", "10", "49", "54", "19", "5", "4"],  # a correction
]
TOTALS = ["", "Всичко", "1'370,", "76", "257,", "| 1", "1628,", "37", "", ""]


def _sheet(rows: list[list[str]]) -> Sheet:
    cells = {
        (len(rows) + 1, c): [Word(t, 0.9, Box(10 * c, 0, 10 * c + 9, 9))] for c, t in enumerate(TOTALS) if t
    }
    return Sheet(cells, None, list(HEAD), list(range(1, len(rows) + 1)), len(rows) + 1, None,  # type: ignore[arg-type]
                 [list(r) for r in rows])  # fmt: skip


def test_stotinki_join_their_leva_and_are_no_row_numbers():
    s = _sheet([SUB, *ROWS])
    assert join_cents(s) == [3, 5, 7]
    assert s.body_rows == [2, 3, 4, 5]  # the `лв.` / `ст.` line is the heading's
    assert [r[2] for r in s.texts] == ["164.18", "142.43", "185.73", ""]  # a stotinki cell unread: no amount
    assert [r[4] for r in s.texts] == ["22.99", "31.33", "52.00", "10.49"]
    assert all(r[c] == "" for r in s.texts for c in (3, 5, 7))
    t = s.totals_row
    assert t is not None and s.text(t, 2) == "1'370.76" and s.text(t, 6) == "1628.37"
    kinds = columns.identify(s.texts, s.headings, [s.text(t, c) for c in range(len(HEAD))])
    assert kinds.count("row") <= 1 and kinds[3] != "row" and kinds[2] == "base_pay"


def test_amounts_with_their_own_stotinki_and_a_headed_figure_beside_are_no_pair():
    rows = [["1", "Иван Петров Иванов", "164.18", "21"], ["2", "Петър Иванов Петров", "142.43", "22"]]
    assert cents_columns(rows, ["№", "Име", "Заплата", ""]) == []  # decimals of their own
    rows = [["1", "Иван Петров Иванов", "16418", "21"], ["2", "Петър Иванов Петров", "14243", "22"]]
    assert cents_columns(rows, ["№", "Име", "Заплата", "Дни"]) == []  # the days, headed
    assert cents_columns(rows, ["№", "Име", "Заплата", "ст."]) == [3]


def test_a_separator_read_before_the_leva_still_joins():
    # L dev 4019 p2 as read (leva and stotinki apart under `Други`, no rule between them): a point or a
    # thousands mark seen at the leva cell's edge (`, 798`, `'893`) left the pair unjoined, the stotinki
    # taken for the printed row numbers and every amount of the sheet shifted (right 61 -> 5 of 72)
    rows = [["303", "68"], ["710", "01"], ["948", "45"], ["0", "00"], ["570", "06"], ["618", "7"],
            [", 798", "68"], ["'893", "99"], [", 184", "98"]]  # fmt: skip
    s = Sheet({}, None, ["Начислено Други", ""], list(range(1, 10)), None, None, rows)  # type: ignore[arg-type]
    assert join_cents(s) == [1]
    assert [r[0] for r in s.texts] == ["303.68", "710.01", "948.45", "0.00", "570.06", "", "798.68", "893.99",
                                       "184.98"]  # fmt: skip


def test_a_figure_is_read_again_with_its_stotinki():
    # L dev 4008 p1: the second pass read the leva cell alone, `8508` (an amount in stotinki: 85.08), on every
    # figure of a row whose gross was misread; the row's sums held a hundred times too small, and its five
    # amounts went out wrong without a flag. The figure's box takes in its stotinki's cell.
    s = _sheet([SUB, *ROWS])
    cents = join_cents(s)
    g = Grid(xs=[100 * c for c in range(len(HEAD) + 1)], ys=[50 * r for r in range(8)], ruled=True)
    assert s.figure_box(g, 2, 2) == Box(200, 100, 400, 150)  # leva and stotinki
    assert s.figure_box(g, 2, 8) == g.cell(2, 8)  # the days: a cell of their own
    kinds: list[str | None] = ["egn", "name", "base_pay", None, "extra_pay", None, "gross_pay", None, "days_worked",
                               "row"]
    drafts = [RowDraft(values={}) for _ in s.texts]
    boxes = {(t.row, t.kind): t.box for t in doubtful(g, s, kinds, drafts)}
    assert cents == [3, 5, 7] and boxes[(0, "gross_pay")] == Box(600, 100, 800, 150)
