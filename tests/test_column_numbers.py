"""The line of column numbers under a printed form's heading (`1 | 2 | ... | 10`) is part of the heading,
never a person (issue 9, family K: K dev 3003 p4 took its `1` for the first person's printed number and
every person below took the number above their own)."""

from __future__ import annotations

from ocr.column_numbers import drop_column_numbers, is_column_numbers, is_heading_line, join_heading_line
from ocr.geometry import Grid
from ocr.sheet import Sheet

NUMBERS = ["1", "Н", "3", "4", "5", "6", "7", "8", "9", "10"]  # K dev 3003 p4 as read: `2` read as `Н`
P1 = ["1.", "ЗЛАТЕВА Пенка Христова", "6104013232", "61-53", "23", "799-91", "8-00", "799-91", "460-38", "339-53"]
P2 = ["2.", "КОЛЕВА Живка Маринова", "3203053352", "28-89", "22", "346-70", "135-21", "481-91", "4-82", "397-89"]


def _sheet(*rows: list[str]) -> Sheet:
    return Sheet({}, None, [], list(range(1, len(rows) + 1)), None, None, [list(r) for r in rows])  # type: ignore[arg-type]


def test_a_line_of_column_numbers_is_no_person():
    assert is_column_numbers(NUMBERS)
    assert is_column_numbers(["2", "3", "", "5", "6", "7"])  # the first column cut off by the grid: the step shifts
    assert is_column_numbers(["1.", "2.", "3.", "4.", "5.", "6."])
    assert is_column_numbers(["1", "3", "з", "4", "", "6", "", "6", "7", "", "8", "9", "", "18"])  # K 3001 p2: split columns
    assert is_column_numbers(["Н", "2", "4", "4", "8", "6", "7", "", "9", "10"])  # K 3003 p5: misread, 8 for 5
    assert is_column_numbers(["Н", "2", "з", "4", "", "8", "", "8", "7", "8", "", ",", "", "10"])  # K 3001 p1
    assert is_column_numbers(["", "г", "3", "4", "5", "", "", "8", "9", "1"])  # K 3002 p2: 6 and 7 read empty
    assert is_column_numbers(["1", "2", "3", "4", "8", "8", "7", "8", "", ""])  # K 3003 p3


def test_a_person_or_a_line_of_figures_is_no_line_of_column_numbers():
    assert not is_column_numbers(P1)
    assert not is_column_numbers(["", "", "", "", "", "", "", "1 544,03", "", ""])  # a correction half a line below
    assert not is_column_numbers(["", "", "", "4", "22", "", "", "", "", ""])  # a person's days, a stray figure
    assert not is_column_numbers(["7", "", "", "21", "12", "30", "8", "", "", ""])  # figures that do not rise


def test_the_column_numbers_leave_the_people_rows_and_the_carried_sums_are_found_under_them():
    s = _sheet(NUMBERS, P1, P2)
    assert drop_column_numbers(s) == 1
    assert s.body_rows == [2, 3] and [t[0] for t in s.texts] == ["1.", "2."]
    carried = ["", "От пренос", "", "", "", "1200-00", "", "", "", ""]
    s = _sheet(NUMBERS, carried, P1)
    assert drop_column_numbers(s) == 1
    assert s.carried_row == 2 and s.body_rows == [3]
    s = _sheet(P1, P2)
    assert drop_column_numbers(s) is None and s.body_rows == [1, 2]


def test_column_numbers_misread_on_a_faint_line_are_no_person():
    # K dev 3018 p4 as read: the column numbers `1 ... 10` on a faint line; taken for the first person's row
    assert is_column_numbers(["4", "2", "з", "а", "5", "5", "т", "з", "»", "зе"])
    assert not is_column_numbers(["4", "", "", "", "5", "", "", "", "", ""])  # marks in a few columns only
    assert not is_column_numbers(["", "", "", "", "", "", "", "1 544,03", "", ""])


def test_column_numbers_with_a_few_misread_or_two_in_a_joined_cell_are_no_person():
    # K dev 3001 (20 pages) p11 as read: `1`, `5` and `10` misread (`4`, `6`, `18`), `3`, `4`, `6` read empty;
    # taken for the first person's row, every person was cited under the line above and the page went whole
    # to review
    assert is_column_numbers(["4", "2", "", "", "6", "", "7", "8", "9", "18"])
    assert is_column_numbers(["1", "2", "8", "", "", "", "7", "8", "9", "18"])  # p18
    assert is_column_numbers(["1", "2 з 4", "6", "7", "8", "9 10"])  # p7: a grid that joined columns
    assert not is_column_numbers(["1", "2 з 4", "6", "7", "8", "9 104"])  # an amount in the line: a person's
    assert not is_column_numbers(["4", "", "", "", "6", "", "", "18", "", ""])  # three marks: too few
    s = _sheet(["4", "2", "", "", "6", "", "7", "8", "9", "18"], P1, P2)
    assert drop_column_numbers(s) == 1 and [t[0] for t in s.texts] == ["1.", "2."]


def test_a_thin_first_band_with_short_marks_in_most_columns_is_the_column_numbers():
    # K dev 3007 p2 as read: the numbers of columns 5-8 read empty on the thin line under the heading; taken
    # for the first person's row, its `2` numbered a row 0 and every printed number on the page was withheld
    line = ["2", "г", "з", "4", "", "", "", "", "2", "28"]
    assert not is_column_numbers(line)
    thin = Grid(xs=list(range(0, 1100, 100)), ys=[0, 200, 230, 290, 350, 410], ruled=True)
    s = _sheet(line, P1, P2, P1)
    assert drop_column_numbers(s, thin) == 1 and [t[0] for t in s.texts] == ["1.", "2.", "1."]
    # the same marks in a band as tall as the people's: a line of a row (left as read)
    tall = Grid(xs=list(range(0, 1100, 100)), ys=[0, 200, 260, 320, 380, 440], ruled=True)
    s = _sheet(line, P1, P2, P1)
    assert drop_column_numbers(s, tall) is None and len(s.texts) == 4
    # a thin band with figures in half the columns only (a correction typed above the first person): a row's
    s = _sheet(["7", "", "", "21", "12", "30", "8", "", "", ""], P1, P2, P1)
    assert drop_column_numbers(s, thin) is None


def test_the_headings_last_line_under_a_groups_rule_is_no_person():
    # L dev 4028 p1 as read: the heading's last line (`Работник` / `или служител`, `Възнаграждение` over
    # `Основна | Други | Общо`) under the group's rule, taken for the first person (`Илия Служител`)
    line = ["", "или служител", "", "", "", "Общо", "", ".", "", "060", "4", "", ""]
    s = _sheet(line, P1, P2)
    s.headings = ["№ поред", "Работник", "Явил се", "", "Възнаграждение", "", "", "", "", "", "", "", ""]
    assert join_heading_line(s) == 1
    assert s.body_rows == [2, 3] and s.headings[1] == "Работник или служител" and s.headings[5] == "Общо"
    # a person, a department's heading over its people, a row of sums carried in: rows, left as read
    assert not is_heading_line(P1)
    assert not is_heading_line(["", "Цех", "Механичен", ""])
    assert not is_heading_line(["", "От пренос", "", "1200-00", "", ""])
    assert not is_heading_line(["", "Иван Петров", "", "Общо"])  # a name


def test_a_line_of_the_heading_over_the_column_numbers_goes_with_them():
    # W dev 15001 p1: `лв.` | `ст.` over each pair of a split amount's columns, read `18.` | `` and `1.`
    units = ["", "", "", "", "", "1", "", "18.", "", "1.", "", "1", "", "1,", "", "18."]
    numbers = ["", "1", "2", "3", "4", "5", "", "6", "", "7", "", "8", "", "9", "", "10"]
    s = _sheet(units, numbers, P1, P2)
    assert drop_column_numbers(s) == 2
    assert s.body_rows == [3, 4] and [t[0] for t in s.texts] == ["1.", "2."]
    # W dev 15007 p1: the grid ended the heading at a group's rule, the heading's lower level a row of its own
    lower = ["", "ЕГН (от л. карта)", "Име, презиме и фамилия", "", "60", "23", "", "0-", "", "", "", "", "", "", "", "34"]
    s = _sheet(lower, numbers, P1, P2)
    s.headings = [""] * len(lower)
    assert drop_column_numbers(s) == 2 and len(s.texts) == 2
    assert s.headings[1] == "ЕГН (от л. карта)" and s.headings[2] == "Име, презиме и фамилия"
    second = ["", "2", "", "", "", "8", "-", "", "", "а ,", "", "", ": Е хо", "", "", ""]  # W dev 15007 p4: two lines
    s = _sheet(lower, second, numbers, P1)
    s.headings = [""] * len(lower)
    assert drop_column_numbers(s) == 3 and len(s.texts) == 1 and s.headings[1] == "ЕГН (от л. карта) 2"
    s = _sheet(P1, numbers, P2)  # a person's line over a line that rises like numbers: the person stays
    assert drop_column_numbers(s) is None and len(s.texts) == 3
