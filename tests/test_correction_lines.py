"""A line between two rows that holds only corrections belongs to the person's row below it, whose figures
it corrects (issue 9): never a row of its own, never two people in one row; a column of corrected figures
keeps its kind (`samples --family E --seed 503 --pages 10` page-0009, page-0003)."""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from ocr import checks, columns, tables
from ocr.checks import RowDraft

XS = [0, 60, 300, 460, 560, 660, 760, 860, 960]  # №, name, ЕГН, days, base, extra, gross, net


def _person(ink: np.ndarray, a: int, b: int) -> None:
    ink[a:b, 40:55] = 255  # the row number, right-aligned
    ink[a:b, 70:250] = 255  # the name
    ink[a:b, 320:440] = 255  # the ЕГН
    for x1 in XS[4:]:
        ink[a:b, x1 - 60 : x1 - 6] = 255  # the days and the amounts, right-aligned


def _figure(ink: np.ndarray, a: int, b: int, col: int) -> None:
    ink[a:b, XS[col + 1] - 60 : XS[col + 1] - 6] = 255


def test_a_line_of_three_corrections_joins_the_row_below_it():
    ink = np.zeros((200, 960), np.uint8)
    _person(ink, 10, 30)
    for col in (4, 6, 7):  # base, gross and net corrected above the second person's figures
        _figure(ink, 50, 66, col)
    _person(ink, 80, 100)
    rows = tables.group_lines(ink, [(10, 30), (50, 66), (80, 100)], XS)
    assert rows == [[(10, 30)], [(50, 66), (80, 100)]]


def test_a_line_with_a_row_number_is_a_person_and_joins_no_one():
    ink = np.zeros((200, 960), np.uint8)
    _person(ink, 10, 30)
    ink[50:66, 40:55] = 255  # a row number: a person, whose name and ЕГН did not print
    for col in (4, 6, 7):
        _figure(ink, 50, 66, col)
    _person(ink, 80, 100)
    rows = tables.group_lines(ink, [(10, 30), (50, 66), (80, 100)], XS)
    assert rows == [[(10, 30)], [(50, 66)], [(80, 100)]]


def test_a_column_of_corrected_amounts_keeps_its_kind():
    heads = ["Пор. №", "ЕГН на лицето", "Собствено, бащино и фамилно име", "Начислено", "Сума на удръжките",
             "Получава", "Отраб. време (дни)"]  # fmt: skip
    body = [
        ["1", "2901078756", "Катя Кирилова Атанасова", "246,05", "45,52", "200,53", "23"],
        ["2", "4812034955", "Донка Николова Бъчварова", "141,50\n441,58", "11,74", "129,76", "22"],
        ["3", "4309068376", "Радка Маринова Ценова", "145,46", "23,42", "122,04", "20"],
        ["4", "6109142227", "Васил Лазаров Кънчев", "303,84\n303,54", "34,33", "269,51", "20"],
        ["5", "3505225868", "Цанко Борисов Йорданов", ",90", ",00", ",20", "- т9-"],
        ["6", "3312057272", "Катя Атанасова Цветкова", "243,62", "52,62", "191,00", "23"],
        ["7", "2709201920", "Тодор Илиев Чолаков", "158,90\n858,90", "34,32", "124,58", "23 л"],
    ]
    kinds = columns.identify(body, heads)
    assert kinds[3:6] == ["gross_pay", "deductions", "net_pay"]


def test_a_zero_row_read_as_ninety_stotinki_with_its_other_figures_unread_is_zeros():
    """`samples --family E --seed 503` page-0003: `0,00` read `0.90` in the gross column, the deductions and the
    net unread; every other row and every total vouched: the row is the zeros its columns leave for it."""
    fields = ["gross_pay", "deductions", "net_pay"]
    true = [("246.05", "45.52", "200.53"), ("141.50", "11.74", "129.76"), ("0.00", "0.00", "0.00"),
            ("243.62", "52.62", "191.00")]  # fmt: skip
    totals = {f: str(sum(Decimal(v[i]) for v in true)) for i, f in enumerate(fields)}
    rows = []
    for v in [true[0], true[1], ("0.90", None, None), true[3]]:
        d = RowDraft(values={"egn": "2910153214", "name": "Милка Иванова Пенчева", **dict(zip(fields, v, strict=True))})
        d.conf = {k: 0.96 for k in d.values}
        rows.append(d)
    checks.run_checks(rows, totals, ["egn", "name", *fields], 1980, 7, {})
    assert [tuple(r.values[f] for f in fields) for r in rows] == true
    assert not any(f in r.review for r in rows for f in fields)


def test_a_stamp_across_the_corrections_does_not_make_them_a_row():
    """`samples --family E --seed 501` page-0004: a stamp's ring over the line of corrections, in a column
    of figures: the line still goes with the person below it."""
    ink = np.zeros((200, 960), np.uint8)
    _person(ink, 10, 30)
    _figure(ink, 50, 66, 4)
    ink[45:70, 690:730] = 255  # the stamp: in the middle of the gross column, no figure
    _person(ink, 80, 100)
    assert tables.group_lines(ink, [(10, 30), (50, 66), (80, 100)], XS) == [[(10, 30)], [(50, 66), (80, 100)]]
    ink[45:70, 120:200] = 255  # the stamp over the name as well: no line of corrections
    assert tables.group_lines(ink, [(10, 30), (50, 66), (80, 100)], XS) != [[(10, 30)], [(50, 66), (80, 100)]]


def test_a_whole_row_recounted_in_pencil_over_its_ruled_band_stays_the_persons_row():
    """AJ dev 28002 p7: the checker's recount of a row (one wrong day changes every figure) pencilled on the
    band's first line, over the struck typed ones: one person's row, its corrections on top (not a row of
    figures of nobody, which sent the page to review whole); outside a ruled band such a line stays apart."""
    ink = np.zeros((200, 960), np.uint8)
    for col in (3, 4, 5, 6, 7):  # days, base, extra, gross, net: every figure of the row
        _figure(ink, 10, 26, col)
    _person(ink, 36, 56)
    bands = [(10, 26), (36, 56)]
    assert tables.group_lines(ink, bands, XS, second_lines=True) == [bands]
    assert tables.rows_between_rules(ink, bands, [], XS, lambda i, b, x: tables.group_lines(i, b, x, True)) == [bands]
    # a line of figures that is not the band's first (a person whose name a stamp hid, under another): its own
    _person(ink, 100, 120)
    three = [(100, 120), (130, 146), (156, 176)]
    for col in (3, 4, 5, 6, 7):
        _figure(ink, 130, 146, col)
    _person(ink, 156, 176)
    assert tables.group_lines(ink, three, XS, second_lines=True) == [[b] for b in three]


def test_a_ruled_band_typed_with_colon_marks_is_one_row_with_its_wrapped_name_and_empty_pencil_line():
    """AJ dev 28001 p2: ":" typed down every line between columns the grid took for no rule (thin strokes at
    one place on each line), the checker's empty line over the row and the name wrapped onto a line of its own:
    each line inked in five columns by the marks alone, every line was a row (the page in review whole)."""
    ink = np.zeros((120, 960), np.uint8)
    bands = [(10, 30), (40, 60), (70, 90)]
    for x in (330, 520, 720, 900):  # the colons, inside the grid's columns, down the whole band
        for a, b in bands:
            ink[a + 3 : a + 9, x : x + 8] = 255
            ink[b - 9 : b - 3, x : x + 8] = 255
    _person(ink, 40, 60)
    ink[70:90, 70:200] = 255  # the name's second line
    assert tables.group_lines(ink, bands, XS, second_lines=True) == [bands]
    # a second person's line in the band stays a row of its own
    _person(ink, 70, 90)
    assert tables.group_lines(ink, bands, XS, second_lines=True) == [bands[:2], bands[2:]]


def test_the_totals_recounted_in_pencil_over_their_ruled_band_stay_the_totals():
    """AJ dev 28002 p7: the checker's sums pencilled over the struck typed totals: the totals' row, not a row of
    figures of nobody before it."""
    ink = np.zeros((80, 960), np.uint8)
    for col in (3, 4, 5, 6, 7):
        _figure(ink, 10, 26, col)
    ink[36:56, 70:200] = 255  # "Всичко:", in the name's column
    for col in (3, 4, 5, 6, 7):
        _figure(ink, 36, 56, col)
    bands = [(10, 26), (36, 56)]
    assert tables.group_lines(ink, bands, XS, second_lines=True) == [bands]


def test_days_pencilled_over_the_struck_typed_days_read_as_the_pencilled_in_review():
    """AJ dev 28002 p1: `23` pencilled over the struck `22` was read `232` (out of range, the row's days lost):
    the upper figure, a correction (``checks.run_checks`` sends an unvouched correction to review)."""
    from ocr import normalise, sheet

    assert normalise.days_of_cell("23\n22") == (23, True)
    assert normalise.days_of_cell("23") == (23, False)
    assert normalise.days_of_cell("Иван\n22") == (22, False)
    assert sheet.value("days_worked", "23\n22") == 23
