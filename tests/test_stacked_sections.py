"""ocr.stacked_sections: the line between two sections of a sheet stacked one under the other, each under its
own column headings (family AL: the piece-rate workers' section over the staff's, or under it)."""

from __future__ import annotations

from archive_core.records import PageReview, PayrollPage, PayrollRow
from ocr import stacked_sections as ss
from ocr.engine import OcrEngine
from ocr.extract import _infer_numbers
from ocr.geometry import Box, Grid

from .conftest import read_regression_sheet


def _grid(n_rows: int) -> Grid:
    return Grid(xs=[100, 200, 600, 900], ys=[200 + 50 * r for r in range(n_rows + 1)], ruled=True)


def _same(b: Box) -> list[int]:
    return [b.x0, b.y0, b.x1, b.y1]


PERSON = ["1", "3907164977 Ангелина Цветанова Колева", "167,75"]
HEAD = [["", "Презиме, име Изработени Сделна Премии", ""], ["", "и фамилия на акордника заработка", ""]]


def test_a_second_heading_inside_the_table_is_the_line_between_the_sections():
    texts = [["По ред", "ЕГН Служител", "Заработено"], PERSON, PERSON, ["", "Всичко по раздел I", "1885,39"],
             ["", "Б. Работници на акорд", ""], *HEAD, PERSON, PERSON]  # fmt: skip
    has = [ss.has_egn(t) for t in texts]
    kinds = [set(), set(), set(), set(), {"base_pay"}, {"name", "base_pay", "extra_pay"}, {"name", "base_pay"},
             set(), set()]  # fmt: skip
    g = _grid(len(texts))
    cut = ss.find_cut(g, texts, has, kinds, [], _same)
    assert cut is not None
    assert g.ys[4] < cut.y_at(300) < g.ys[5]  # above the heading's first line, under the section's title


def test_one_section_names_no_line():
    texts = [["По ред", "ЕГН Служител", "Заработено"], PERSON, PERSON, PERSON, ["", "Всичко", "1885,39"]]
    kinds = [{"row", "egn", "name"}, set(), set(), set(), set()]
    assert ss.find_cut(_grid(5), texts, [ss.has_egn(t) for t in texts], kinds, [], _same) is None


def test_a_department_heading_between_people_is_no_second_heading():
    texts = [["№", "ЕГН Име", "Сума"], PERSON, ["", "Цех Механичен", ""], PERSON]
    kinds = [{"row", "egn", "name"}, set(), set(), set()]
    assert ss.find_cut(_grid(4), texts, [ss.has_egn(t) for t in texts], kinds, [], _same) is None


def test_people_of_another_table_above_the_grid_cut_at_its_top():
    texts = [["№", "ЕГН Име", "Сума"], PERSON, PERSON]
    g = _grid(3)
    lost = [Box(150, 60, 300, 80), Box(150, 110, 300, 130)]
    cut = ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], [set()] * 3, lost, _same)
    assert cut is not None and 130 < cut.y_at(150) < g.ys[0]


def test_a_grid_that_begins_with_the_upper_sections_last_row_is_cut_over_its_own_heading():
    # AL dev 30002 p2: the grid's top line ran under the upper section's sixth row; its seventh row and subtotal
    # led the grid, the cut at the grid's top went through that row and the upper part lost its people
    texts = [["7", "4709142436 Христина Стефанова Борисова", "383,61"], ["", "Всичко по раздел I", "2424,80"],
             *HEAD, PERSON, PERSON]  # fmt: skip
    kinds = [set(), set(), {"name", "base_pay", "extra_pay"}, {"name", "base_pay"}, set(), set()]
    g = _grid(len(texts))
    lost = [Box(150, 60, 300, 80), Box(150, 110, 300, 130)]
    cut = ss.find_cut(g, texts, [False] * len(texts), kinds, lost, _same)
    assert cut is not None and g.ys[1] < cut.y_at(150) < g.ys[2]  # under the subtotal, over the heading


def test_people_of_another_table_below_the_grid_cut_at_its_bottom():
    texts = [["№", "ЕГН Име", "Сума"], PERSON, PERSON]
    g = _grid(3)
    lost = [Box(150, 500, 300, 520), Box(150, 560, 300, 580)]
    cut = ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], [set()] * 3, lost, _same)
    assert cut is not None and g.ys[-1] < cut.y_at(150) < 500


def test_one_person_outside_or_people_on_both_sides_are_rows_the_grid_missed():
    texts = [["№", "ЕГН Име", "Сума"], PERSON, PERSON]
    g = _grid(3)
    assert ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], [set()] * 3, [Box(150, 60, 300, 80)], _same) is None
    both = [Box(150, 60, 300, 80), Box(150, 500, 300, 520)]
    assert ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], [set()] * 3, both, _same) is None


def test_the_cut_follows_a_turned_page():
    cut = ss.Cut(0, 100, 1000, 120)
    assert cut.y_at(500) == 110


def test_a_second_heading_ending_the_grid_cuts_over_it():
    """The grid ended at the second section's heading, its people under the last rule (AL dev 30002 p7: the six
    staff lost without a flag): the heading's run ends the grid."""
    texts = [["Ред", "ЕГН Акордьор", "Заработка"], PERSON, PERSON, ["", "Всичко по раздел I", "1746,18"],
             ["", "II. Работници и служители на щатна заплата", ""], ["", "Служител ЕГН", ""],
             ["", "(име и фамилия) на лицето заплата", ""]]  # fmt: skip
    kinds = [set(), set(), set(), set(), {"base_pay"}, {"egn"}, {"name", "base_pay"}]
    g = _grid(len(texts))
    cut = ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], kinds, [], _same)
    assert cut is not None and g.ys[4] < cut.y_at(300) < g.ys[5]


def test_a_footer_naming_two_kinds_under_the_people_is_no_heading():
    texts = [["Ред", "ЕГН Име", "Сума"], PERSON, PERSON, ["", "Съставил: Касиер:", ""]]
    kinds = [set(), set(), set(), {"name", "signature"}]
    assert ss.find_cut(_grid(4), texts, [ss.has_egn(t) for t in texts], kinds, [], _same) is None


def test_two_sections_not_read_apart_send_the_page_to_review():
    page = PayrollPage(image="x.png", rows=[PayrollRow(row=7, name="Иван Петров")])
    ss.unsplit_to_review(page, ss.Cut(0, 700, 1000, 720))
    assert page.page_review is not None and page.page_review.reason == ss.SECTIONS_UNREAD
    assert "710" in page.page_review.detail
    assert [r.row for r in page.rows] == [7]  # the rows as read


def test_a_page_in_review_for_another_reason_says_the_sections_first_and_keeps_it():
    page = PayrollPage(image="x.png", page_review=PageReview(reason="layout_unproved", detail="колоните"))
    ss.unsplit_to_review(page, ss.Cut(0, 700, 1000, 700))
    assert page.page_review is not None and page.page_review.reason == ss.SECTIONS_UNREAD
    assert "layout_unproved: колоните" in page.page_review.detail


def test_a_sheet_whose_grid_begins_in_the_upper_section_is_read_in_its_two_sections(ocr_engine: OcrEngine):
    """AL dev 30002 p2: the grid began with the upper section's seventh row and subtotal; cut at the grid's top
    the upper part lost its people, the split was not taken, the page went out in review as `sections_unread`
    with the upper section's rows unnumbered and one person lost. Cut over the lower section's own heading,
    both sections are read: every person, numbered as printed, no page review."""
    truth, got = read_regression_sheet("al-stacked-sections-unsplit-lost-rows", ocr_engine)
    assert [r.row for r in got.rows] == [r.row for r in truth.rows]
    assert [r.egn for r in got.rows] == [r.egn for r in truth.rows]
    assert got.page_review is None


def test_a_second_heading_garbled_under_the_figure_columns_is_found_and_both_sections_read(ocr_engine: OcrEngine):
    """AL dev 30031 p4: the lower section's heading under the upper's figure columns, read by the digits model,
    named two kinds: no cut, the reading ended the table at the upper subtotal and its five staff were lost
    (four restored by name only, unnumbered, the fifth not at all). Read again with the text model the heading
    names its columns: both sections read, every person numbered as printed."""
    truth, got = read_regression_sheet("al-stacked-second-heading-garbled", ocr_engine)
    assert [r.row for r in got.rows] == [r.row for r in truth.rows]
    assert [r.egn for r in got.rows] == [r.egn for r in truth.rows]


def test_a_lower_sections_heading_garbled_is_cut_over_and_the_upper_read_whole(ocr_engine: OcrEngine):
    """AL dev 30029 p1: the grid began with the upper section's subtotal, the lower section's heading read as
    figures: the cut ran over the subtotal's row, the upper part was read poorly (at 200 dpi: its rows
    unnumbered, its amounts in the wrong columns, 64 fields silent; here the page to review whole). The
    heading's rows read again with the text model: the cut over it, both sections read, no page review."""
    truth, got = read_regression_sheet("al-stacked-lower-heading-garbled", ocr_engine)
    assert [r.row for r in got.rows] == [r.row for r in truth.rows]
    assert [(r.egn, r.gross_pay, r.net_pay) for r in got.rows] == [(r.egn, r.gross_pay, r.net_pay) for r in truth.rows]
    assert got.page_review is None


def _row(n: int | None, name: str | None, gross: str | None, egn: str | None = None) -> PayrollRow:
    return PayrollRow(row=n, name=name, egn=egn, gross_pay=gross)


def test_a_band_without_a_name_or_egn_is_no_person_of_the_run():
    """AL dev 30007 p4: a highlighter's edge cut row 4 in two; the lower band (no name, no ЕГН) took a number
    of the run counted on to the lower section's first, and row 1 went without one."""
    rows = [_row(None, "Иван Петров", "10.00"), _row(None, None, "0.00"), _row(None, None, None, "3904175920")]
    assert ss.people(rows) == [rows[0], rows[2]]


def test_sections_whose_rows_miss_the_grand_total_are_unmet():
    upper = PayrollPage(image="x.png", rows=[_row(1, "А Б", "10.00"), _row(2, "В Г", "20.00")],
                        totals={"gross_pay": "30.00"})  # fmt: skip
    lower = PayrollPage(image="x.png", rows=[_row(3, "Д Е", "5.00")], totals={"gross_pay": "40.00"})
    assert ss.totals_unmet(upper, lower, {"gross_pay": "40.00"}) == ["gross_pay"]  # a row of 5.00 lost
    assert ss.totals_unmet(upper, lower, {"gross_pay": "35.00"}) == []
    review = ss.unmet_to_review(["gross_pay"], {"gross_pay": "40.00"})
    assert review.reason == "column_total" and "40.00" in review.detail


def test_a_lower_subtotal_without_the_upper_one_is_no_grand_total_to_check():
    upper = PayrollPage(image="x.png", rows=[_row(1, "А Б", "10.00")])
    lower = PayrollPage(image="x.png", rows=[_row(2, "Д Е", "5.00")], totals={"gross_pay": "5.00"})
    assert ss.totals_unmet(upper, lower, {"gross_pay": "5.00"}) == []


def test_numbers_counted_on_unproved_by_the_totals_send_the_rows_to_review():
    rows = [_row(None, "Иван Петров", "10.00"), _row(None, "Мария Иванова", "20.00")]
    _infer_numbers(rows, 5, whole=True)
    assert [r.row for r in rows] == [5, 6]
    assert all({"row", "name", "gross_pay"} <= set(r.review or []) for r in rows)
    proved = [_row(None, "Иван Петров", "10.00")]
    _infer_numbers(proved, 5)
    assert proved[0].review == ["row"]


def test_a_lower_heading_read_with_a_stray_figure_still_names_the_cut():
    """AL dev 30019 p2: the grid ran on over the lower section's title and heading, read with `40.3` and `3.`
    among its words (no sum of money): the heading was taken for a row of figures, no cut was found, the lower
    section's three people were lost without a flag."""
    texts = [["Ред", "ЕГН Име", "Сума"], PERSON, PERSON, ["", "Сума раздел I:", "2051,60"],
             ["3", "ители и помощен персонал", ""], ["", "ител ЕГН Прис. амилия) служител дни", "3. 40.3"]]  # fmt: skip
    kinds = [{"row", "egn", "name"}, set(), set(), set(), set(), {"egn", "name", "days_worked", "base_pay"}]
    g = _grid(len(texts))
    cut = ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], kinds, [], _same)
    assert cut is not None and g.ys[4] < cut.y_at(300) < g.ys[5]


def test_an_egn_cut_in_two_by_the_other_sections_rule_is_a_person():
    """AL dev 30018 p2: the grid took both sections' column rules, each ЕГН read in two cells: no row had a
    person, no cut was found, the lower section's eight people were lost."""
    assert ss.has_egn(["1", "Юлия", "420815", "5338", "44,62"])
    assert not ss.has_egn(["1", "Юлия", "420815", "5339", "44,62"])  # no valid ЕГН: two figures side by side


def test_a_name_that_lost_its_first_word_is_held_by_the_whole_name():
    before = [PayrollRow(row=3, name="Петров Бъчваров")]
    assert ss.holds_everyone([PayrollRow(row=3, name="Николай Петров Бъчваров")], before)
    assert not ss.holds_everyone([PayrollRow(row=3, name="Николай Иванов Колев")], before)


def test_a_name_restored_cut_short_is_held_by_the_whole_name() -> None:
    """AL dev 30031 p4: the one table's reading restored `Ангелина Иванов` from a line cut short; the parts,
    read apart, held `Ангелина Иванова Колева` and were refused (the page's five staff lost)."""
    before = [PayrollRow(name="Ангелина Иванов")]
    assert ss.holds_everyone([PayrollRow(row=12, name="Ангелина Иванова Колева")], before)
    assert not ss.holds_everyone([PayrollRow(row=12, name="Ангелина Петрова Колева")], before)


def test_upper_people_without_a_readable_egn_are_found_by_their_sums():
    """AL dev 30013 p1: the upper section's ЕГН each cut by the number's cell (`1.5 | 904043110`): no row of it
    had an ЕГН, the heading run was looked for under the lower section's first person, none was found, and the
    page went out whole in review with its rows unnumbered."""
    texts = [["Ред", "ЕГН Име", "Сума", "Остатък"], ["1.5", "904043110 Юлия Ценова", "202,00", "205,09"],
             ["22", "604055556 Петя Ангелова", "234,00", "66,05"], ["", "Сума раздел I", "887,82", "765,06"],
             ["3", "Акордни работници", "", ""], ["", "Акордьор ЕГН на", "Сделна", "Удръжки"], PERSON + ["1,94"]]  # fmt: skip
    kinds = [{"row", "egn", "name"}, set(), set(), set(), set(), {"name", "egn", "base_pay", "deductions"}, set()]
    g = _grid(len(texts))
    cut = ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], kinds, [], _same)
    assert cut is not None and g.ys[4] < cut.y_at(300) < g.ys[5]


def test_a_title_block_under_the_table_is_no_second_section(ocr_engine: OcrEngine) -> None:
    """AI dev 27001 p1: the drawing frame's title block under the table, ruled like a table of its own, was taken
    for a second section (``ruled_outside``); read alone it held no person (`Дата Изготвил`, `Гл Счетоводител
    Директор`), and the page, read right, went to review whole as `sections_unread`."""
    _, got = read_regression_sheet("ai-title-block-under-the-table", ocr_engine)
    assert got.page_review is None or got.page_review.reason != ss.SECTIONS_UNREAD, got.page_review


def test_nobody_in_a_title_blocks_lines_but_a_person_anywhere() -> None:
    block = [PayrollRow(name="Дата Изготвил"), PayrollRow(name="Гл Счетоводител Директор")]
    assert ss.nobody(block)
    assert not ss.nobody([*block, PayrollRow(name="Живко Ангелов Томов")])
    assert not ss.nobody([*block, PayrollRow(egn="4306239161")])


def test_a_second_heading_garbled_under_figure_columns_is_read_again_with_the_text_model() -> None:
    """AL dev 30031 p2: the lower section's heading under the upper's figure columns, read by the digits model
    (`3`, `| 36`, `00.`), named only `ЕГН` and `Служител`: no cut, its three people lost without review. The
    quiet rows between the people are read again (``read_kinds``): the heading's other kinds, the cut over it."""
    texts = [["Ред", "ЕГН Акордьор", "Заработка"], PERSON, PERSON, ["", "Всичко по раздел I", "1746,18"],
             ["", "II. Служители и помощен персонал", ""], ["", "ЕГН Служител", "| 36"], PERSON, PERSON]  # fmt: skip
    kinds = [set(), set(), set(), set(), set(), {"egn", "name"}, set(), set()]
    g, asked = _grid(len(texts)), []

    def read_kinds(r: int) -> set[str]:
        asked.append(r)
        return {"egn", "name", "base_pay", "gross_pay", "net_pay"} if r == 5 else set()

    has = [ss.has_egn(t) for t in texts]
    assert ss.find_cut(g, texts, has, kinds, [], _same) is None  # as the rows read: no second heading
    cut = ss.find_cut(g, texts, has, kinds, [], _same, read_kinds=read_kinds)
    assert cut is not None and g.ys[4] < cut.y_at(300) < g.ys[5]  # under the section's title, over its heading
    assert asked == [4, 5]  # only the quiet rows between people are read again


def test_a_department_heading_read_again_naming_nothing_is_still_no_cut() -> None:
    texts = [["№", "ЕГН Име", "Сума"], PERSON, ["", "Цех Механичен", ""], PERSON]
    kinds = [{"row", "egn", "name"}, set(), set(), set()]
    cut = ss.find_cut(_grid(4), texts, [ss.has_egn(t) for t in texts], kinds, [], _same, read_kinds=lambda r: set())
    assert cut is None


def test_a_grid_below_another_table_whose_heading_is_garbled_is_cut_over_its_heading_read_again() -> None:
    """AL dev 30029 p1: the grid begins with the upper section's subtotal, its own heading read as figures (no
    kind named): the cut fell over the subtotal's row; the heading's rows read again name their kinds."""
    texts = [["", "Сума раздел I:", "2127,06"], ["", "Б. Служители", ""], ["0", "| ,6", "36"], ["", "о име", "1 8"],
             PERSON, PERSON]  # fmt: skip
    kinds = [set(), set(), set(), {"name"}, set(), set()]
    g = _grid(len(texts))
    lost = [Box(150, 60, 300, 80), Box(150, 110, 300, 130)]

    def read_kinds(r: int) -> set[str]:
        assert r != 0  # the subtotal's row (its sums) is no heading: not read again
        return {2: {"row", "egn", "name", "position"}, 3: {"name", "base_pay", "days_worked"}}.get(r, set())

    cut = ss.find_cut(g, texts, [ss.has_egn(t) for t in texts], kinds, lost, _same, read_kinds=read_kinds)
    assert cut is not None and g.ys[1] < cut.y_at(150) < g.ys[2]  # under the section's title, over the heading


def test_people_under_the_row_that_ended_the_table_cut_under_it() -> None:
    """AL dev 30031 p2: the lower section's heading unfound (no text model to read it again), its ЕГН cut by the
    number's cell (`126 | 602185966`): the reading ended the table at `Всичко по раздел I` and dropped the three
    people under it without review. The line goes under that row: the parts are read apart or sent to review."""
    staff = [["126", "602185966 Димитър Йорданов Щерев", "211,69", "77,88"],
             ["135", "210127046 Живко Борисов Томов", "303,52", "140,78"]]  # fmt: skip
    texts = [["Ред", "ЕГН Акордьор", "Заработка"], PERSON, PERSON, ["", "Всичко по раздел I", "1746,18"],
             ["", "II. Служители и помощен персонал", ""], ["", "ЕГН Служител", ""], *staff,
             ["", "Всичко по раздел II", "515,21"]]  # fmt: skip
    kinds = [set(), set(), set(), set(), set(), {"egn", "name"}, set(), set(), set()]
    g, has = _grid(len(texts)), [ss.has_egn(t) for t in texts]
    assert ss.find_cut(g, texts, has, kinds, [], _same) is None
    cut = ss.find_cut(g, texts, has, kinds, [], _same, ended=3)
    assert cut is not None and g.ys[4] < cut.y_at(300) < g.ys[5]  # under the subtotal
    assert ss.find_cut(g, texts[:-3], has[:-3], kinds[:-3], [], _same, ended=3) is None  # one person: no section
    footer = [["", "Съставил: Иван Петров", ""], ["", "Гл. счетоводител: Мария Колева", ""]]
    assert ss.find_cut(_grid(6), texts[:4] + footer, has[:4] + [False] * 2, [set()] * 6, [], _same, ended=3) is None
