"""The printed row numbers (`№ по ред`) are read, not counted (issue 9): under a stamp whose ring joins the
typed digits the column looked empty and every row went out without its number; a correction line taken for
a row pushed its neighbours onto the wrong printed numbers."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from bench.scoring import Score
from ocr import checks, rownumbers
from ocr.engine import OcrEngine
from ocr.geometry import Box, Word
from ocr.header import Header
from ocr.rownumbers import (
    darkest_ink,
    doubt_unread_numbers,
    number_rows,
    put_leading,
    reread_disputed,
    reread_missing,
    split_name_cells,
)
from ocr.sheet import Sheet

from .conftest import read_regression_sheet


@pytest.mark.xdist_group("regression:hard-stamp-over-row-numbers")  # read once with test_regression.py
def test_row_numbers_under_a_stamp_are_read_from_the_sheet(ocr_engine: OcrEngine):
    truth, got = read_regression_sheet("hard-stamp-over-row-numbers", ocr_engine)
    s = Score()
    s.add(truth, got)
    assert s.row_numbers == 3
    assert s.row_numbers_ok == s.row_numbers, [r.row for r in got.rows]


def test_only_figure_shaped_dark_ink_is_kept():
    gray = np.full((300, 120), 250, np.uint8)
    gray[40:80, 60:66] = 40  # a typed "1" in a row 100 high
    gray[10:290, 20:23] = 170  # a lighter stamp's ring across the rows
    gray[150:155, 90:93] = 40  # a dark speck
    kept = darkest_ink(gray, 100.0)
    assert (kept[40:80, 60:66] == 40).all()
    assert (kept[10:290, 20:23] == 255).all() and (kept[150:155, 90:93] == 255).all()


def test_a_correction_line_taken_for_a_row_does_not_shift_the_printed_numbers():
    # as read on `samples --family E --seed 501` page-0007: a correction typed between rows 1 and 2 came out
    # as a row of its own, and row 5's number was misread as 7; row 1 was numbered 0, the correction line 1
    read = [(1, "Йордан Пенчов Ангелов"), (None, None), (2, "Николай Цветанов Атанасов"), (3, "Христо Петров Щерев"),
            (4, "Чавдар Василов Василев"), (7, "Живко Борисов Ценов"), (None, "Пенчо Димитров Лазаров")]  # fmt: skip
    drafts = [checks.RowDraft(values={"row": n, "name": name} if n else {"name": name}) for n, name in read]
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, None, 2, 3, 4, 5, 6]
    assert "row" in drafts[1].review and "row" in drafts[5].review  # no number; misread 7
    assert "row" not in drafts[0].review



def test_a_wrapped_name_line_taken_for_a_row_does_not_shift_the_printed_numbers():
    # as read on `samples --family D --seed 503 --hard all` page-0005: a stamp over a wrapped name split its
    # second line (`ърков`) off as a row; the numbers below it went one too high
    drafts = [checks.RowDraft(values={"row": 4, "name": "Йордан Кирилов", "egn": "6507179089", "net_pay": "2332.53"}),
              checks.RowDraft(values={"name": "ърков"}),
              checks.RowDraft(values={"row": 5, "name": "Стефка Василова Петрова", "net_pay": "1837.41"}),
              checks.RowDraft(values={"row": 6, "name": "Милка Стефанова Николова", "net_pay": "543.54"})]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [4, None, 5, 6]
    assert "row" in drafts[1].review and "row" not in drafts[0].review

def _sheet_of_names(names: list[str]) -> Sheet:
    return Sheet(cells={}, header=Header(), headings=["Име", "ЕГН"], body_rows=list(range(1, len(names) + 1)),
                 totals_row=None, carried_row=None, texts=[[n, "4004058538"] for n in names])  # fmt: skip


def test_row_number_typed_in_the_name_cell_is_the_printed_number_and_leaves_the_name():
    s = _sheet_of_names(["1 Елена Славова", "„2 Огнян Русев", "/ 3 Евгения Юрукова", "(Да 44 Росица Пенчева"])
    lead = split_name_cells(s, ["name", "egn"])
    assert lead == {0: 1, 1: 2, 2: 3, 3: 44}
    assert [t[0] for t in s.texts] == ["Елена Славова", "Огнян Русев", "Евгения Юрукова", "Росица Пенчева"]
    drafts = [checks.RowDraft(values={"name": t[0]}, bbox=[0, 0, 1, 1]) for t in s.texts]
    put_leading(drafts, lead)
    number_rows(drafts)
    assert [d.values["row"] for d in drafts] == [1, 2, 3, 4]
    assert "row" in drafts[3].review and "row" not in drafts[0].review  # 44 read: the order says 4, in doubt


def test_stray_digits_before_a_few_names_are_no_row_numbers():
    s = _sheet_of_names(["Елена Славова", "3 Огнян Русев", "Евгения Юрукова", "Росица Пенчева"])
    assert split_name_cells(s, ["name", "egn"]) == {}
    assert s.texts[1][0] == "3 Огнян Русев"
    assert split_name_cells(_sheet_of_names(["1 Елена Славова", "2 Огнян Русев"]), ["row", "name"]) == {}


def test_a_row_of_figures_whose_name_and_number_went_unread_keeps_its_place_in_the_order():
    # as read on `samples --family K --seed 3001` page-0005 (a slipped carbon): row 6's name, ЕГН and number
    # unread, its figures read; left out of the order, row 7 (its number unread too) was cited as 6
    def row(n: int | None, name: str | None, figures: tuple[int, str, str]) -> checks.RowDraft:
        v: dict[str, object] = {"days_worked": figures[0], "gross_pay": figures[1], "deductions": figures[2]}
        return checks.RowDraft(values={**v, **({"row": n} if n else {}), **({"name": name} if name else {})})

    drafts = [row(4, "Пенчева Петя Петрова", (20, "1046.57", "500.00")), row(5, "Ценов Стоян Стефанов", (20, "3484.78", "392.27")),
              row(None, None, (2, "98.50", "274.42")), row(None, "Кънчев Христофор Пенчов", (23, "1104.95", "482.88")),
              row(8, "Павлова Величка Христова", (16, "1620.15", "277.05"))]  # fmt: skip
    drafts.insert(2, checks.RowDraft(values={"net_pay": "1544.03"}))  # a correction half a line below: no person
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [4, 5, None, 6, 7, 8]


def test_a_band_of_several_rows_holding_their_sums_takes_no_printed_number():
    # `d-rows-lost-printed-numbers-skip`: the grid lost the rules between rows 2-6, one band five rows tall
    # with every figure (their sums) and no name; counted as a person, row 1 was cited as 5
    def row(n: int | None, name: str | None, top: int, bottom: int) -> checks.RowDraft:
        v: dict[str, object] = {"days_worked": 21, "gross_pay": "900.00", "deductions": "90.00", "net_pay": "810.00"}
        return checks.RowDraft(values={**v, **({"row": n} if n else {}), **({"name": name} if name else {})},
                               bbox=[60, top, 1600, bottom])  # fmt: skip

    drafts = [row(None, "Тодор Николов Юруков", 440, 496), row(None, None, 496, 776),
              row(7, "Илия Цветанов Бъчваров", 776, 832), row(8, "Любомир Цветанов Фъртунов", 832, 888)]  # fmt: skip
    number_rows(drafts)
    assert drafts[1].values.get("row") is None and "row" in drafts[1].review  # lost_rows brings back 2-6
    assert [d.values.get("row") for d in drafts[2:]] == [7, 8]


def test_a_no_column_none_of_whose_numbers_was_read_puts_every_row_number_in_review():
    # as read on `samples --family K --seed 3001` page-0006 (a faint carbon): no number read on any row
    kinds: list[str | None] = ["row", "name", "egn"]
    s = Sheet(cells={}, header=Header(), headings=["Пор. №", "Име", "ЕГН"], body_rows=[1, 2],
              totals_row=None, carried_row=None, texts=[["", "Иван Петров Иванов", ""], ["", "Петър Иванов Петров", ""]])  # fmt: skip
    drafts = [checks.RowDraft(values={"name": t[1]}) for t in s.texts]
    number_rows(drafts)
    doubt_unread_numbers(s, kinds, drafts)
    assert all(d.review.reasons.get("row") == checks.UNREADABLE and "row" not in d.values for d in drafts)
    unnumbered = Sheet(cells={}, header=Header(), headings=["Име", "ЕГН"], body_rows=[1], totals_row=None,
                       carried_row=None, texts=[["Иван Петров", "4004058538"]])  # fmt: skip
    drafts = [checks.RowDraft(values={"name": "Иван Петров"})]
    doubt_unread_numbers(unnumbered, ["name", "egn"], drafts)  # a sheet with no № column: nothing to read
    assert not drafts[0].review


class _Grid:
    def cell(self, r: int, c: int) -> tuple[int, int, int, int]:
        return (c * 10, r * 10, c * 10 + 10, r * 10 + 10)


class _Transform:
    def box_to_original(self, box: tuple[int, int, int, int]) -> list[int]:
        return list(box)


def _far_right_sheet(numbers: list[str]) -> tuple[Sheet, list[str | None]]:
    # as read on `samples --family L --seed 4002` page-0001: the `№ поред` typed at the far right, its `№`
    # read as `Ш`; the numbers were read but no column was taken for them, and every row went out unnumbered
    kinds: list[str | None] = ["name", "egn", "net_pay", "days_worked", None]
    s = Sheet(cells={}, header=Header(), headings=["Име, бащино", "ЕГН", "Остава да получи", "Дни", "Ш Поред"],
              body_rows=list(range(1, len(numbers) + 1)), totals_row=None, carried_row=None,
              texts=[[f"Иван Петров {i}", "4004058538", "92.03", "21", n] for i, n in enumerate(numbers)])  # fmt: skip
    return s, kinds


def test_row_numbers_typed_at_the_far_right_are_the_printed_numbers():
    s, kinds = _far_right_sheet(["1", "2", "3", "4"])
    drafts = [checks.RowDraft(values={"name": t[0]}) for t in s.texts]
    a = SimpleNamespace(grid=_Grid(), transform=_Transform())
    reread_missing(a, s, kinds, drafts, engine=None)  # type: ignore[arg-type]  # read already: no engine asked
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4]
    assert not any("row" in d.review for d in drafts)


def test_far_right_numbers_read_beside_specks_and_stops_are_the_printed_numbers():
    # L dev 4003 (12 pages) p10 as read: specks and stops beside most numbers; left unread, fewer than half
    # the rows' numbers were read and the layout gate withheld every number on the page
    s, kinds = _far_right_sheet(["1", ", - 2.", ", 3\n,", "! 4", ": 5", "6\n.", "| - 7"])
    drafts = [checks.RowDraft(values={"name": t[0]}) for t in s.texts]
    a = SimpleNamespace(grid=_Grid(), transform=_Transform())
    reread_missing(a, s, kinds, drafts, engine=None)  # type: ignore[arg-type]  # read already: no engine asked
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4, 5, 6, 7]
    # a letter, or two numbers, in the cell: no number is taken from it (the order fills it in, in review)
    s, kinds = _far_right_sheet(["1", "2", "з 3", "7 4", "5", "6"])
    drafts = [checks.RowDraft(values={"name": t[0]}) for t in s.texts]
    reread_missing(a, s, kinds, drafts, engine=None)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == [1, 2, None, None, 5, 6]


def test_a_far_right_no_column_none_of_whose_numbers_was_read_puts_every_row_number_in_review():
    s, kinds = _far_right_sheet(["", ""])
    drafts = [checks.RowDraft(values={"name": t[0]}) for t in s.texts]
    number_rows(drafts)
    doubt_unread_numbers(s, kinds, drafts)
    assert all(d.review.reasons.get("row") == checks.UNREADABLE for d in drafts)


def test_numbers_read_one_band_below_their_rows_all_go_to_review():
    # the `1` typed low, level with the second person's line: the first row has none, the order would
    # number it 0 and every other row one person off
    drafts = [checks.RowDraft(values={"name": "Яна Маринова Гъркова"}),
              *(checks.RowDraft(values={"row": n, "name": f"Иван Петров {n}"}) for n in (1, 2, 3))]  # fmt: skip
    number_rows(drafts)
    assert "row" in drafts[0].review
    assert all(d.review.reasons.get("row") == checks.ROW_NUMBER for d in drafts[1:])


def test_row_numbers_at_the_far_right_before_a_margin_column_are_the_printed_numbers():
    # L dev 4005 p4: a correction typed in the margin beyond the `№ по ред` made a column of the grid with
    # no heading, the last one; the numbers were read, no column was taken for them (0 of 11 rows numbered)
    s, kinds = _far_right_sheet(["1", "2", "3", "4"])
    s.headings.append("")
    kinds.append(None)
    for i, t in enumerate(s.texts):
        t.append("д 47.76" if i == 2 else "")
    drafts = [checks.RowDraft(values={"name": t[0]}) for t in s.texts]
    a = SimpleNamespace(grid=_Grid(), transform=_Transform())
    reread_missing(a, s, kinds, drafts, engine=None)  # type: ignore[arg-type]  # read already: no engine asked
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4]


def test_a_line_of_figures_the_printed_numbers_place_is_a_persons():
    # K dev 3017 p5 as read: the sixth person's ЕГН, name and number unread and only four figures of six;
    # left out of the order, every person below took the number above their own (7 read as 6, ...)
    def row(n: int | None, egn: str | None, figures: int) -> checks.RowDraft:
        fields = ["days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"][:figures]
        values: dict[str, object] = {f: "1.00" for f in fields}
        if n is not None:
            values["row"] = n
        if egn:
            values["egn"] = egn
        return checks.RowDraft(values=values, bbox=[0, 0, 100, 50])

    drafts = [row(1, "5202062266", 6), row(2, "3103056300", 6), row(3, "4311225331", 6), row(4, "2601035753", 6),
              row(None, "6104087343", 1), row(None, None, 4), row(7, "4511188744", 6), row(None, "2507243719", 2),
              row(9, "3311098343", 6), row(None, "6201280497", 6), row(None, None, 6), row(12, "6506030022", 6)]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == list(range(1, 13))
    assert "row" not in drafts[6].review and "row" not in drafts[8].review
    # a line of figures no printed number places stays out of the order
    drafts = [row(1, "5202062266", 6), row(2, "3103056300", 6), row(None, None, 2), row(3, "4311225331", 6)]
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, None, 3]


def test_a_line_of_figures_in_the_people_s_step_keeps_its_place_where_the_numbers_read_cannot_tell():
    # AH dev 26013 p1 as read: a tape over the first four people's numbers, names and ЕГН; the fourth kept only
    # its days and pay. The numbers read below agree as well without it: left out, the three above took the
    # numbers 2-4 and the first person's number went out of the page (eight fields lost without a flag)
    def row(n: int | None, top: int, figures: int, name: str | None = None) -> checks.RowDraft:
        values: dict[str, object] = {f: "1.00" for f in ["days_worked", "gross_pay", "deductions", "net_pay"][:figures]}
        if n is not None:
            values["row"] = n
        if name:
            values["name"] = name
        return checks.RowDraft(values=values, bbox=[280, top, 3195, top + 60])

    tops = [684, 756, 807, 850, 907, 959, 1007, 1052, 1107]
    drafts = [row(None, tops[0], 4, "Т-ва Попова"), row(None, tops[1], 4), row(None, tops[2], 4), row(None, tops[3], 2),
              *(row(n, t, 4, "Иван Пенчов Георгиев") for n, t in zip(range(5, 10), tops[4:], strict=True))]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == list(range(1, 10))
    # a correction typed between two people's lines stands within their pitch: out of the order, as before
    drafts = [row(None, 684, 4, "Т-ва Попова"), row(None, 740, 4), row(None, 770, 2),
              *(row(n, t, 4, "Иван Пенчов Георгиев") for n, t in zip(range(3, 8), (800, 860, 920, 980, 1040), strict=True))]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, None, 3, 4, 5, 6, 7]


def test_a_person_s_line_torn_in_two_name_fragments_keeps_the_first_person_s_number():
    # AH dev 26005 p8 as read: a tear's dotted line across the second row; the first band held the first person
    # (his number unread), the second person came back as two lines of a name's words and nothing else. Left out
    # of the order, the first person took the number 2 from the `3` below: his row, printed 1, went out under no
    # number at all (seven fields lost without a flag)
    def row(n: int | None, top: int, name: str, egn: str | None = None, figures: int = 0) -> checks.RowDraft:
        values: dict[str, object] = {f: "1.00" for f in ["gross_pay", "deductions", "net_pay"][:figures]}
        values["name"] = name
        if n is not None:
            values["row"] = n
        if egn:
            values["egn"] = egn
        return checks.RowDraft(values=values, bbox=[261, top, 3358, top + 70])

    people = [row(n, t, "Илия Христов Славов", "3704139443", 3) for n, t in zip(range(3, 8), (939, 1011, 1088, 1160, 1235), strict=True)]
    drafts = [row(None, 750, "Иван Атанасов Кирилов", "4306239161", 3), row(None, 872, "Зраня Георги"),
              row(None, 899, "Ва Гъркова"), *people]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, None, 3, 4, 5, 6, 7]
    assert "row" in drafts[1].review
    # a wrapped name's one line under its row is no person: the order as before
    drafts = [row(None, 750, "Иван Атанасов Кирилов", "4306239161", 3), row(None, 872, "Гъркова"),
              *(row(n, t, "Илия Христов Славов", "3704139443", 3) for n, t in zip(range(2, 7), (939, 1011, 1088, 1160, 1235), strict=True))]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [1, None, 2, 3, 4, 5, 6]
    # two names each typed on two lines, their halves neighbours (hard dev 56 p5: `Огнян Стоянов` / `Кирилов` /
    # `Николай Йорданов` / `Ценов`): the middle two are no torn person
    drafts = [row(4, 1074, "Яркова", "2509181010", 3), row(5, 1163, "Огнян Стоянов", "5708185100", 3),
              row(None, 1259, "Кирилов"), row(None, 1311, "Николай Йорданов"), row(6, 1370, "Ценов", "5403011949", 3),
              row(7, 1463, "Митко Иванов Василев", "2610272980", 3)]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [4, 5, None, None, 6, 7]


def test_a_name_typed_on_two_lines_read_as_two_rows_takes_one_printed_number():
    # as read on `samples --seed 56 --hard all` page-0005: the first person's name typed on two lines, the
    # grid took `Милка Христова` (a `3.28` beside it) for a row above `1 Георгиева ...`; the order numbered it
    # 0, and every printed number of the page went to review and out of the page
    def row(n: int | None, name: str, egn: str | None = None, figures: int = 5) -> checks.RowDraft:
        fields = ["days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"][:figures]
        values: dict[str, object] = {f: "1.00" for f in fields}
        values.update({"name": name, **({"row": n} if n else {}), **({"egn": egn} if egn else {})})
        return checks.RowDraft(values=values, bbox=[0, 0, 100, 50])

    drafts = [row(None, "Милка Христова", figures=1), row(1, "Георгиева", "6104029516"),
              row(2, "Атанас Илиев Цветков", "3602202008"), row(3, "Лиляна Пенчова Узунова", "4801226914"),
              row(4, "Огнян Стоянов", "5708185100"), row(None, "Кирилов", figures=0),
              row(5, "Николай Йорданов Ценов", "5403011949")]  # fmt: skip
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [None, 1, 2, 3, 4, None, 5]
    assert all("row" not in d.review for d in drafts if d.values.get("row"))
    assert "row" in drafts[0].review
    # a full name with no ЕГН over a row read `1` is a person's: the numbers sit a band low (family L)
    drafts = [row(None, "Яна Маринова Гъркова", figures=1), row(1, "Георгиева", "6104029516"),
              row(2, "Атанас Илиев Цветков", "3602202008")]  # fmt: skip
    number_rows(drafts)
    assert all(d.review.reasons.get("row") == checks.ROW_NUMBER for d in drafts[1:])


class _OtherReadings:
    """An engine whose every mosaic reading is given: ``words`` (the text model) and ``figures`` lists of
    one text per cell, in the order they are asked."""

    def __init__(self, words: list[list[str]], figures: list[list[str]]) -> None:
        self.w, self.f = words, figures

    def words(self, m: np.ndarray, *, psm: int = 6, whitelist: str | None = None) -> list[Word]:
        return [Word(t, 0.9, Box(0, 0, 1, 1)) for t in self.w.pop(0)]

    def figures(self, m: np.ndarray, *, whitelist: str) -> list[Word]:
        return [Word(t, 0.9, Box(0, 0, 1, 1)) for t in self.f.pop(0)]


def _one_per_cell(a: object, boxes: list[object], read: object) -> list[list[Word]]:
    got = read(np.full((10, 10), 255, np.uint8))  # type: ignore[operator]
    return [[w] if w.text else [] for w in got]


def test_numbers_the_figures_model_misread_off_the_order_are_read_again_by_the_other(monkeypatch):
    # Q dev 9020 p1 (a phone's blurred photograph of a typewriter's italic face) as read by the figures
    # model: `1` read `4`, `11`-`13` read `41`-`43`, 3 read 2, 7-9 unread; half the numbers disputed, none
    # went out and every row of the page went to review
    monkeypatch.setattr(rownumbers, "mosaic_read", _one_per_cell)
    first = [4, 2, 2, 4, 5, 6, None, None, None, 16, 41, 42, 43, 14]
    drafts = [checks.RowDraft(values={"row": n, "name": f"Иван Петров {i}"} if n else {"name": f"Иван Петров {i}"})
              for i, n in enumerate(first)]  # fmt: skip
    kinds: list[str | None] = ["row", "name"]
    s = Sheet(cells={}, header=Header(), headings=["№ по ред", "Име"], body_rows=list(range(1, 15)),
              totals_row=None, carried_row=None, texts=[[str(n or ""), "x"] for n in first])  # fmt: skip
    a = SimpleNamespace(grid=_Grid(), transform=_Transform())
    # the text model on the 9 disputed cells (its `1`, `2` for 11, 12: the leading ones lost, on their place,
    # ``rownumbers.lost_ones``), the figures model on the 3 left enlarged, then the text model on the one left
    # enlarged (unread: the order fills it in between two numbers that fit)
    engine = _OtherReadings(words=[["1", "2", "7", "8", "", "19", "1", "2", "13"], [""]],
                            figures=[["3", "", "10"]])  # fmt: skip
    reread_disputed(a, s, kinds, drafts, engine)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4, 5, 6, 7, 8, None, 10, 11, 12, 13, 14]
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == list(range(1, 15))
    assert not any(d.review.reasons.get("row") == checks.ROW_NUMBER for d in drafts)


def test_a_second_reading_off_the_order_too_is_not_taken(monkeypatch):
    monkeypatch.setattr(rownumbers, "mosaic_read", _one_per_cell)
    first = [1, 2, 7, 4, 5]
    drafts = [checks.RowDraft(values={"row": n, "name": f"Иван Петров {n}"}) for n in first]
    s = Sheet(cells={}, header=Header(), headings=["№", "Име"], body_rows=list(range(1, 6)),
              totals_row=None, carried_row=None, texts=[[str(n), "x"] for n in first])  # fmt: skip
    a = SimpleNamespace(grid=_Grid(), transform=_Transform())
    engine = _OtherReadings(words=[["8"], ["9"]], figures=[["1"]])  # `7` read `8`, `1`, `9`: never the row's 3
    reread_disputed(a, s, ["row", "name"], drafts, engine)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == first
    number_rows(drafts)
    assert drafts[2].review.reasons.get("row") == checks.ROW_NUMBER


def test_dotted_zeros_read_as_nines_and_a_later_run_read_short_do_not_hide_the_order(monkeypatch):
    # P dev 8012 p1, a dot-matrix printout's `Пор. N` (read `пор. "`: no column taken for the numbers): the
    # figures model read only `3`, `4` on their place and `2`, `3`, `4` for 12-14 (an offset below 1, which
    # no printed order has); the text model reads `02` ... `09` as `92` ... `99`, the dotted zero as a 9
    monkeypatch.setattr(rownumbers, "mosaic_read", _one_per_cell)
    first = [None, None, 3, 4, None, None, None, None, None, None, None, 2, 3, 4]
    drafts = [checks.RowDraft(values={"row": n, "name": f"Иван Петров {i}"} if n else {"name": f"Иван Петров {i}"})
              for i, n in enumerate(first)]  # fmt: skip
    s = Sheet(cells={}, header=Header(), headings=['пор. "', "Име"], body_rows=list(range(1, 15)),
              totals_row=None, carried_row=None, texts=[["", "x"] for _ in first])  # fmt: skip
    assert rownumbers.row_column(s, [None, "name"]) == 0
    a = SimpleNamespace(grid=_Grid(), transform=_Transform())
    # the 12 cells off offset 1, read by the text model: `92` for 02, `98` for 08, `19` for 10 (no zero)
    engine = _OtherReadings(words=[["", "92", "95", "", "9", "98", "99", "19", "", "12", "13", "14"], ["", "", "", ""]],
                            figures=[["1", "", "", "8", ""]])  # fmt: skip
    reread_disputed(a, s, [None, "name"], drafts, engine)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4, 5, None, None, 8, 9, None, None, 12, 13, 14]
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == list(range(1, 15))
    assert not any(d.review.reasons.get("row") == checks.ROW_NUMBER for d in drafts)


def test_a_reading_with_a_nine_for_a_zero_inside_is_not_the_number():
    assert rownumbers._on_its_place(98, 8) and rownumbers._on_its_place(8, 8)
    assert not rownumbers._on_its_place(19, 10)  # a 9 after the first digit is no leading zero
    assert not rownumbers._on_its_place(7, 8) and not rownumbers._on_its_place(None, 8)


def _faint_numbers(digits: list[int]) -> tuple[SimpleNamespace, Sheet]:
    """A `№` column of 70 px rows, each cell's number `digits` wide in a thin film's faint grey (paper 228, type
    200-208), a typed `|` at the cell's right edge."""
    from ocr.geometry import Grid

    n = len(digits)
    gray = np.full((70 * n + 100, 400), 228, np.uint8)
    for r, k in enumerate(digits):
        top = 50 + 70 * r
        for d in range(k):
            gray[top + 20 : top + 48, 40 + 18 * d : 54 + 18 * d] = 205 - 3 * d
        gray[top + 5 : top + 65, 112:115] = 200  # the `|`
    grid = Grid(xs=[10, 118, 390], ys=[50 + 70 * r for r in range(n + 1)], ruled=False)
    s = Sheet(cells={}, header=Header(), headings=["N", "Име"], body_rows=list(range(n)), totals_row=None,
              carried_row=None, texts=[["", "Иван Петров"] for _ in range(n)])  # fmt: skip
    return SimpleNamespace(gray=gray, grid=grid), s


def test_numbers_of_one_digit_whose_ink_is_two_digits_wide_are_not_the_sheets():
    # AB dev 20011 p2 (thin film): 26 ... 37 with their faint tens lost, numbered 6 ... 17 by the order
    unread: list[int | None] = [None, 7] + [None] * 9 + [17]  # two of twelve read as they stand
    a, s = _faint_numbers([2] * 12)
    drafts = [checks.RowDraft(values={"row": 6 + i, "name": "Иван Петров"}) for i in range(12)]
    rownumbers.doubt_numbers_narrower_than_ink(a, s, ["row", "name"], drafts, unread)  # type: ignore[arg-type]
    assert all(d.values.get("row") is None and "row" in d.review for d in drafts)
    # 6 ... 17 as printed: the one-digit numbers half as wide as the others
    a, s = _faint_numbers([1] * 4 + [2] * 8)
    drafts = [checks.RowDraft(values={"row": 6 + i, "name": "Иван Петров"}) for i in range(12)]
    rownumbers.doubt_numbers_narrower_than_ink(a, s, ["row", "name"], drafts, unread)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == list(range(6, 18)) and not any("row" in d.review for d in drafts)


def test_a_sheet_carried_on_from_another_numbered_from_one_is_numbered_by_the_order():
    # AB dev 20011 p6 (thin film): the sheet's `От пренос` line over people 29-36, read and numbered 1-8
    def sheet(carried: int | None, said: str = "От пренос") -> Sheet:
        cells = {(1, 1): [Word(said, 0.9, Box(0, 0, 10, 10))]}
        return Sheet(cells=cells, header=Header(), headings=["N", "Име"], body_rows=[2, 3, 4, 5], totals_row=None,
                     carried_row=carried, texts=[["", "Иван Петров"] for _ in range(4)])  # fmt: skip

    def drafts(first: int) -> list[checks.RowDraft]:
        return [checks.RowDraft(values={"row": first + i, "name": "Иван Петров"}) for i in range(4)]

    for said in ("От пренос", "Прен, озт лист 4"):  # (as read on thin film: `Пренесено от лист 1`)
        ones = drafts(1)
        rownumbers.doubt_numbers_from_one_after_carried(sheet(1, said), ones)
        assert all(d.values.get("row") is None and "row" in d.review for d in ones)
    # no carried line; sums set apart at the top not said carried (L's `l-two-line-rows-split-stotinki`); or
    # numbered on from the sheet before
    for s, first in ((sheet(None), 1), (sheet(1, "1234.50"), 1), (sheet(1), 29)):
        kept = drafts(first)
        rownumbers.doubt_numbers_from_one_after_carried(s, kept)
        assert [d.values["row"] for d in kept] == [first + i for i in range(4)] and not any("row" in d.review for d in kept)


def test_number_cells_holding_other_ink_give_no_opinion_on_the_numbers_width():
    # E's `e-hard-wrapped-names-signatures-split-rows`: signatures across the № cells, their widths anything
    unread: list[int | None] = [None] * 11
    a, s = _faint_numbers([2] * 4 + [2, 2, 2, 5, 6, 1, 6])  # 10-16: three of seven two digits wide
    drafts = [checks.RowDraft(values={"row": 6 + i, "name": "Иван Петров"}) for i in range(11)]
    rownumbers.doubt_numbers_narrower_than_ink(a, s, ["row", "name"], drafts, unread)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == list(range(6, 17))


def test_numbers_read_as_they_stand_are_not_doubted_by_their_width():
    a, s = _faint_numbers([2] * 12)  # `1.` ... `9.` as wide as `10` (K's `k-row-numbers-11-12-read-1-2`)
    drafts = [checks.RowDraft(values={"row": 1 + i, "name": "Иван Петров"}) for i in range(12)]
    read: list[int | None] = list(range(1, 13))
    rownumbers.doubt_numbers_narrower_than_ink(a, s, ["row", "name"], drafts, read)  # type: ignore[arg-type]
    assert [d.values.get("row") for d in drafts] == list(range(1, 13))


def test_the_columns_printed_numbers_over_the_first_person_leave_the_peoples_numbers_as_read():
    # AD dev 22002 p4: the columns numbered `1 2 3 4 ...` under the heading, that line read as a row (no name, no
    # ЕГН) with its `4` as the `№` over the people's `1`, `2`, `3`: the order numbered it 0 and every person's number
    # (and field) of the page went to review, 79 of 80 fields right
    def row(n: int | None, name: str | None, egn: str | None, figures: int = 6) -> checks.RowDraft:
        fields = ["days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"][:figures]
        values: dict[str, object] = {f: "1.00" for f in fields}
        values.update({"row": n, "name": name, "egn": egn})
        return checks.RowDraft(values=values, bbox=[0, 0, 100, 50])

    people = [("Мустафа Шабанов Салиев", "2508079446"), ("Христина Борисова Добрева", "2902102878"),
              ("Христина Атанасова Петрова", "5202248250")]  # fmt: skip
    drafts = [row(4, None, None), *(row(i + 1, n, e) for i, (n, e) in enumerate(people))]
    number_rows(drafts)
    assert [d.values.get("row") for d in drafts] == [None, 1, 2, 3]
    assert "row" in drafts[0].review and not any("row" in d.review for d in drafts[1:])
    # the first person's own line numbered 0 by the order (its number unread, typed a band low: family L) is
    # still the sign of numbers one band off: every number to review
    drafts = [row(None, None, "6104029516"), *(row(i + 1, n, e) for i, (n, e) in enumerate(people))]
    number_rows(drafts)
    assert "row" in drafts[0].review and all(d.review.reasons.get("row") == checks.ROW_NUMBER for d in drafts[1:])


def _continuation(running: bool) -> Sheet:
    return Sheet(cells={}, header=Header(sheet=2), headings=['ТКЗС "ИСКРА" С.ЛОМ 03.1991 СТР. 2', ""],
                 body_rows=list(range(1, 10)), totals_row=None, carried_row=None, texts=[], running=running)  # fmt: skip


def _numbered(numbers: list[int | None], doubted: set[int] = frozenset()) -> list[checks.RowDraft]:  # type: ignore[assignment]
    drafts = [checks.RowDraft(values={"name": "ИВАН ПЕТРОВ ИВАНОВ"} | ({"row": n} if n is not None else {}))
              for n in numbers]  # fmt: skip
    for i in doubted:
        drafts[i].review.add("row", checks.UNREADABLE)
    return drafts


def test_a_headless_continuation_pages_rows_are_never_counted_from_one():
    # AK evaluation page: a continuation page's people printed 60-68 came out numbered 1-8, read unsure (its first
    # printed number unread; every field cited under another person's number without a word): no number, to review
    drafts = _numbered(list(range(1, 9)), doubted=set(range(8)))
    rownumbers.doubt_numbers_on_continuation(_continuation(True), drafts)
    assert all(d.values.get("row") is None and "row" in d.review for d in drafts)
    # counted from 1 (the first two unread, the rest read 3 ...): no number either
    drafts = _numbered(list(range(1, 9)), doubted={0, 1})
    rownumbers.doubt_numbers_on_continuation(_continuation(True), drafts)
    assert all(d.values.get("row") is None and "row" in d.review for d in drafts)
    # one number read and the rest counted from it (in review): no cross-check, nothing kept
    drafts = _numbered(list(range(60, 69)), doubted=set(range(1, 9)))
    rownumbers.doubt_numbers_on_continuation(_continuation(True), drafts)
    assert all(d.values.get("row") is None and "row" in d.review for d in drafts)
    # 60-68 read as they stand, one apart: the sheet's own numbers
    drafts = _numbered(list(range(60, 69)), doubted={0})
    rownumbers.doubt_numbers_on_continuation(_continuation(True), drafts)
    assert [d.values.get("row") for d in drafts] == list(range(60, 69)) and "row" not in drafts[1].review
    # a sheet whose every page numbers from 1 (S, P dev pages): 1 and 2 read as they stand
    drafts = _numbered(list(range(1, 9)))
    rownumbers.doubt_numbers_on_continuation(_continuation(True), drafts)
    assert [d.values.get("row") for d in drafts] == list(range(1, 9)) and not any(d.review for d in drafts)
    # a sheet's first page (no running line): the order's inference stays, in review
    drafts = _numbered(list(range(1, 9)), doubted={0, 1})
    rownumbers.doubt_numbers_on_continuation(_continuation(False), drafts)
    assert [d.values.get("row") for d in drafts] == list(range(1, 9))


def test_numbers_read_without_their_tens_digit_do_not_number_the_rows_anew():
    """AK dev 29005 p1: a dot-matrix `2` too faint, rows 22-28 read `2` to `8` — agreeing with each other, they
    numbered seven rows 2-8 and the page went to review whole for numbers that do not run. The place gives
    their numbers (the read digits are their last ones); beyond the last number read whole, an inference in
    review."""
    read = [*range(1, 19), None, None, None, *range(2, 9)]
    drafts = [checks.RowDraft(values={"row": n, "name": f"Иван Петров Колев{i}"} if n else {"name": f"Иван Петров Колев{i}"})
              for i, n in enumerate(read)]  # fmt: skip
    number_rows(drafts)
    assert [d.values["row"] for d in drafts] == list(range(1, 29))
    assert not any("row" in d.review for d in drafts[:18]) and all("row" in d.review for d in drafts[18:])
    # a number that is no ending of its place's number still contradicts it
    drafts = [checks.RowDraft(values={"row": n, "name": "Иван Петров Колев"}) for n in [1, 2, 3, 4, 9, 6]]
    number_rows(drafts)
    assert "row" in drafts[4].review and drafts[4].values["row"] == 5
