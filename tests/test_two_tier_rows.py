"""A two-tier sheet (family X): every person on two lines, most columns two fields one over the other (the
name over the ЕГН, the base pay over the additional pay, the gross over the deductions), the heading's
lower tier a line of its own. Each person is one row and each paired column two fields (X dev 16001 p1:
read as lines, the additional pay was a row of its own and every field went to review)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ocr import checks, columns, mirrored_changes
from ocr.analysis import Analysis
from ocr.geometry import Box, Grid, Word
from ocr.sheet import Sheet
from ocr.two_tier import TierGrid, split_tiers
from tests.test_two_line_rows import blank_analysis

HEAD = ["№", "Име, презиме, фамилия", "Дни", "Заработка (осн.)", "Всичко начислено", "Сума за получаване"]
LOWER = ["", "ЕГН на лицето", "", "Премии, добавки", "Всичко удръжки", ""]
# each person's upper line, then lower line; the row number, days and net pay single
LINES = [
    ["1", "Живко Атанасов Цветков", "21", "142.09", "142.09", "130.15"],
    ["", "4205029341", "", "0.00", "11.94", ""],
    ["2", "Симеон Петров Стоянов", "21", "269.05", "269.05", "235.23"],
    ["", "5109065480", "", "0.00", "33.82", ""],
    ["3", "Чавдар Лазаров Борисов", "21", "176.84", "183.91", "160.74"],
    ["", "6009142481", "", "7.07", "23.17", ""],
]
TOTALS = ["", "Всичко", "", "587.98", "595.05", "526.12"]


def _page(lines: list[list[str]]) -> tuple[Analysis, Sheet]:
    """The grid as a ruled two-tier sheet gives it: the heading, its lower tier, then each line a row."""
    rows = [LOWER, *lines, TOTALS]
    ys = [0, 100]
    for _ in rows:
        ys.append(ys[-1] + 50)
    g = Grid(xs=[200 * c for c in range(len(HEAD) + 1)], ys=ys, ruled=True)

    def word(t: str, r: int, c: int) -> Word:
        return Word(t, 0.9, Box(200 * c + 5, ys[r] + 10, 200 * c + 150, ys[r] + 40))

    cells = {(0, c): [word(t, 0, c)] for c, t in enumerate(HEAD)}
    cells.update({(r + 1, c): [word(t, r + 1, c)] for r, row in enumerate(rows) for c, t in enumerate(row) if t})
    n = len(rows)
    s = Sheet(cells, None, list(HEAD), list(range(1, n)), n, None, [list(r) for r in rows[:-1]])  # type: ignore[arg-type]
    a = blank_analysis(g)
    return a, s


def test_a_persons_two_lines_are_one_row_each_paired_column_two_fields():
    a, s = _page(LINES)
    kinds = columns.identify(s.texts, s.headings, TOTALS)
    a, tiered = split_tiers(a, s, kinds, TOTALS)
    assert tiered and isinstance(a.grid, TierGrid)
    assert len(s.texts) == 3 and s.totals_row is not None
    kinds = columns.identify(s.texts, s.headings, s.texts and [s.text(s.totals_row, c) for c in range(len(s.headings))],
                             any_order=True)  # fmt: skip
    row = dict(zip(kinds, s.texts[2], strict=True))
    assert row["name"] == "Чавдар Лазаров Борисов" and row["egn"] == "6009142481"
    assert (row["base_pay"], row["extra_pay"], row["gross_pay"], row["deductions"], row["net_pay"]) == (
        "176.84", "7.07", "183.91", "23.17", "160.74")  # fmt: skip
    assert s.headings[kinds.index("extra_pay")] == "Премии, добавки"
    extra = a.grid.cell(3, kinds.index("extra_pay"))  # the lower line's own box, under the base pay's
    assert extra.y0 >= a.grid.cell(3, kinds.index("base_pay")).y1


def test_a_name_line_over_a_figures_line_is_no_two_tier_sheet():
    # family L: the name on the first line, the figures on the second, no column holding both
    lines = []
    for upper in LINES[::2]:
        lines += [[upper[0], upper[1], "", "", "", ""], ["", "", upper[2], upper[3], upper[4], upper[5]]]
    a, s = _page(lines)
    before = [list(t) for t in s.texts]
    assert split_tiers(a, s, columns.identify(s.texts, s.headings, TOTALS), TOTALS) == (a, False)
    assert s.texts == before


def test_pay_and_deductions_pairs_are_told_apart_only_by_their_itemised_parts():
    # base over gross, additional over deductions, tax over advance, the net: the sums of the rows hold with
    # the pay pair and the deductions pair either way round; the itemised deductions say which is which
    body = [["142.09", "174.77", "32.68", "30.76", "14.21", "16.55", "144.01"],
            ["269.05", "352.87", "83.82", "51.08", "26.91", "24.17", "301.79"],
            ["176.84", "176.84", "0.00", "17.33", "10.33", "7.00", "159.51"]]  # fmt: skip
    heads = ["", "", "", "", "", "", ""]
    kinds = columns.identify(body, heads, None, any_order=True)
    assert kinds == ["base_pay", "gross_pay", "extra_pay", "deductions", columns.PART, columns.PART, "net_pay"]


def test_two_rows_moved_between_the_same_two_columns_go_to_a_person():
    def row(values: dict[str, str], changed: dict[str, str], doubted: set[str]) -> checks.RowDraft:
        d = checks.RowDraft(values=dict(values))
        d.changed = {f: (checks.COLUMN_RECONCILE, old) for f, old in changed.items()}
        for f in doubted:
            d.review.add(f, checks.ROW_SUM)
        return d

    present = ["base_pay", "extra_pay", "gross_pay"]
    misread = row({"base_pay": "260.57", "extra_pay": "112.59", "gross_pay": "373.16"}, {"extra_pay": "392.59"},
                  {"base_pay", "extra_pay"})  # fmt: skip
    moved = row({"base_pay": "166.24", "extra_pay": "18.02", "gross_pay": "184.26"},
                {"base_pay": "146.24", "extra_pay": "36.02", "gross_pay": "164.26"}, set())  # fmt: skip
    bystander = row({"base_pay": "100.00", "extra_pay": "10.00", "gross_pay": "110.00"}, {}, set())
    assert mirrored_changes.doubt_traded_moves([misread, moved, bystander], present) > 0
    assert {"base_pay", "extra_pay"} <= moved.review and {"base_pay", "extra_pay"} <= misread.review
    assert not bystander.review


def test_a_listing_of_one_line_a_person_with_its_numbers_mostly_unread_is_no_two_tier_sheet():
    # AA dev 19017 p2: a line printer's listing on a fiche, the row numbers read on 3 lines of 10; the line
    # under each read number was taken for the person's lower tier and two people joined in one row
    people = [
        ["1", "Живко Атанасов Цветков", "21", "142.09", "142.09", "130.15"],
        ["", "Симеон Петров Стоянов", "21", "269.05", "269.05", "235.23"],
        ["", "Чавдар Лазаров Борисов", "21", "176.84", "183.91", "160.74"],
        ["4", "Петър Иванов Колев", "20", "201.10", "215.40", "190.02"],
        ["", "Мария Николова Тодорова", "21", "188.00", "188.00", "170.45"],
        ["", "Иван Георгиев Маринов", "18", "150.33", "162.70", "149.90"],
        ["7", "Стоян Димитров Пенчев", "21", "230.12", "251.60", "221.08"],
        ["", "Росица Янкова Щерева", "21", "190.75", "190.75", "171.30"],
        ["", "Тодор Христов Янков", "19", "177.40", "189.20", "168.11"],
    ]
    a, s = _page(people)
    before = [list(t) for t in s.texts]
    assert split_tiers(a, s, columns.identify(s.texts, s.headings, TOTALS), TOTALS) == (a, False)
    assert s.texts == before


def test_lines_whose_number_cells_hold_a_numbers_ink_are_people_not_lower_tiers():
    # AB dev 20003 p5, p7: a thin film's grey type, the row numbers read on every other line; each unread line
    # was taken for the lower tier of the person above and sixteen people joined into ten, six lost unflagged.
    # The № cell of each of those lines holds a number's ink as the numbered lines' do: people of one line
    people = [
        [str(k) if k % 2 else "", name, "21", f"{100 + 7 * k}.09", f"{110 + 7 * k}.09", f"{99 + 7 * k}.15"]
        for k, name in enumerate(("Живко Атанасов Цветков", "Симеон Петров Стоянов", "Чавдар Лазаров Борисов",
                                  "Петър Иванов Колев", "Мария Николова Тодорова", "Иван Георгиев Маринов",
                                  "Стоян Димитров Пенчев", "Росица Янкова Щерева"), start=1)
    ]  # fmt: skip
    a, s = _page(people)
    g = a.grid
    ink = np.zeros((g.ys[-1], g.xs[-1]), np.uint8)
    for r in range(2, 2 + len(people)):  # (rows 0 and 1: the heading and its lower tier)
        if people[r - 2][0]:
            ink[g.ys[r] + 15 : g.ys[r] + 38, 80:110] = 255  # a number read
    tiered = replace(a, ink=ink)
    assert split_tiers(tiered, s, columns.identify(s.texts, s.headings, TOTALS), TOTALS)[1]  # the lower lines blank
    a, s = _page(people)
    for r in range(2, 2 + len(people)):
        ink[g.ys[r] + 15 : g.ys[r] + 38, 80:110] = 255  # a number's ink on every line, read or not
    before = [list(t) for t in s.texts]
    assert split_tiers(replace(a, ink=ink), s, columns.identify(s.texts, s.headings, TOTALS), TOTALS)[1] is False
    assert s.texts == before
