"""A dot-matrix printout's typed marks (family P): rules typed as a line of squat hyphens or of equals signs
(ocr/typed_rules.py), "!"/"|" column marks one a text line (ocr/column_marks.py), and row numbers with
leading dotted zeros read as 6s (ocr/row_zeros.py)."""

from __future__ import annotations

import numpy as np

from ocr import checks
from ocr.column_marks import column_marks
from ocr.lines import find_rules
from ocr.pins import stacked
from ocr.preprocess import components
from ocr.row_zeros import as_zeros, read_leading_zeros
from ocr.typed_rules import typed_rules


def _blank(h: int = 600, w: int = 1600) -> np.ndarray:
    return np.zeros((h, w), dtype=np.uint8)


def _typed(img: np.ndarray, y: int, x0: int, x1: int, dash: int, thick: int, pitch: float) -> None:
    x = float(x0)
    while x + dash <= x1:
        img[y : y + thick, int(x) : int(x) + dash] = 255
        x += pitch


def _rules(img: np.ndarray) -> np.ndarray:
    _, _, stats, cents = components(img)
    return typed_rules(img, stats, cents, stacked(stats), 1.0)


def test_a_line_of_squat_hyphens_is_a_rule() -> None:
    img = _blank()
    _typed(img, 100, 100, 1500, 10, 10, 14.5)  # "-----" typed: each hyphen no longer than thick
    mask = _rules(img)
    cols = np.nonzero(mask[105])[0]
    assert cols.size and cols[0] <= 110 and cols[-1] >= 1480


def test_equals_signs_run_together_are_a_rule() -> None:
    img = _blank()
    x = 100
    for n in (42, 56, 41, 54, 42, 60, 44, 50, 41, 55, 43, 58, 42, 56, 41, 54, 42, 60, 44, 50):
        img[300:311, x : x + n] = 255  # the bars of "=====" run together into pieces of any length
        x += n + 2
    assert np.count_nonzero(_rules(img)[305]) > 900


def test_a_row_of_dots_or_of_letters_is_no_rule() -> None:
    img = _blank()
    _typed(img, 100, 100, 1500, 4, 4, 14.5)  # fill dots: more paper than ink
    for k in range(60):  # a text line: letters 22 px tall, a hyphen between words now and then
        x = 100 + 24 * k
        if k % 7 == 3:
            img[400:408, x : x + 12] = 255
        else:
            img[390:412, x : x + 14] = 255
    assert np.count_nonzero(_rules(img)) == 0


def _marks(img: np.ndarray) -> np.ndarray:
    _, _, stats, cents = components(img)
    return column_marks(stats, cents, img.shape[:2], 1.0)


def test_bar_marks_one_a_line_make_a_vertical_rule() -> None:
    img = _blank(1200, 800)
    y = 100
    for _ in range(7):  # a person's two lines, a "|" on each, a typed rule's gap between persons
        for line in (0, 34):
            img[y + line : y + line + 23, 320:326] = 255
        y += 81
    mask = _marks(img)
    rows = np.nonzero(mask[:, 323])[0]
    assert rows.size and rows[0] <= 101 and rows[-1] >= y - 81 + 34 + 20


def test_ones_one_a_row_far_apart_are_no_column_rule() -> None:
    img = _blank(1200, 800)
    for k in range(10):  # the last digit "1" of a figure, one a row, rows 81 px apart
        img[100 + 81 * k : 123 + 81 * k, 500:506] = 255
    assert np.count_nonzero(_marks(img)) == 0


def test_a_printout_with_typed_rules_and_bar_marks_has_a_ruled_grid() -> None:
    """The whole: fanfold perforations down the sides (so a printout), a table of typed rules and bars."""
    img = _blank(3508, 2480)
    for y in range(0, 3508, 30):  # the perforations down both sides
        img[y : y + 18, 150:154] = 255
        img[y : y + 18, 2330:2334] = 255
    tops = [318 + 81 * k for k in range(8)]
    for y in tops:
        _typed(img, y, 320, 2120, 10, 10, 14.5)
    for x in (322, 430, 852, 1088, 1396, 1764, 2110):
        for y in tops[:-1]:
            for line in (14, 48):
                img[y + line : y + line + 23, x : x + 6] = 255
    rules = find_rules(img)
    assert len([r for r in rules.horizontal if 300 <= r.pos <= 900]) == 8
    assert len([v for v in rules.vertical if 300 <= v.pos <= 2130]) == 7


def _draft(row: int | None) -> checks.RowDraft:
    return checks.RowDraft(values={} if row is None else {"row": row})


def test_leading_dotted_zeros_read_as_sixes() -> None:
    assert [as_zeros(v) for v in (61, 667, 16, 8, 86, 10)] == [1, 7, 16, 8, 6, 10]
    drafts = [_draft(v) for v in (61, 62, 63, 64, 65, None, 87)]
    read_leading_zeros(drafts)  # the zeros follow the order better (87 fits only as 7)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4, 5, None, 7]
    assert not any("row" in d.review for d in drafts)


def test_as_well_either_way_the_zeros_go_to_review() -> None:
    drafts = [_draft(v) for v in (61, 62, 63, 64)]  # a sheet going on from row 61 reads the same
    read_leading_zeros(drafts)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4]
    assert all("row" in d.review for d in drafts)


def test_a_sheet_carrying_sums_in_keeps_its_numbers_as_read() -> None:
    # AA dev 19005 p7: `0062` ... `0064` under `ОТ ПРЕДХОДНА СТРАНИЦА`; as zeros (2-4) they fit the order
    # no better than as read, and a sheet going on from another does not start at row 1 or 2
    carried = {"base_pay": "11772.53", "net_pay": "12877.41"}
    drafts = [_draft(v) for v in (62, 63, 64)]
    read_leading_zeros(drafts, carried)
    assert [d.values.get("row") for d in drafts] == [62, 63, 64]
    assert not any("row" in d.review for d in drafts)
    drafts = [_draft(v) for v in (61, 62, 63, 64, 65, None, 87)]  # only the zeros fit: taken all the same
    read_leading_zeros(drafts, carried)
    assert [d.values.get("row") for d in drafts] == [1, 2, 3, 4, 5, None, 7]


def test_numbers_without_misread_zeros_stay() -> None:
    drafts = [_draft(v) for v in (16, 17, 18, 19)]
    read_leading_zeros(drafts)
    assert [d.values.get("row") for d in drafts] == [16, 17, 18, 19]
    drafts = [_draft(v) for v in (7, 8, 9, 10)]
    read_leading_zeros(drafts)
    assert [d.values.get("row") for d in drafts] == [7, 8, 9, 10]


def test_zeros_read_in_the_middle_too() -> None:
    from ocr.row_zeros import readings

    assert readings(616) == {616, 16, 610, 10}
    drafts = [_draft(v) for v in (604, 602, 603, 604, 605, 6, 607, 608, 604, 616, 1, 612)]
    read_leading_zeros(drafts)  # `001` ... `012` with dotted zeros (`004` read `604`, `009` read `604`)
    # what no zero makes fit stays as read, for the order (``checks.number_rows``) to settle
    assert [d.values.get("row") for d in drafts] == [604, 2, 3, 4, 5, 6, 7, 8, 604, 10, 1, 12]


def test_an_unheaded_column_counting_the_rows_with_dotted_zeros_is_the_row_column() -> None:
    from ocr.row_zeros import take_row_column

    texts = [[n, "Иван Петров Иванов"] for n in ("604", "602", "603", "604", "605", "006", "607", "608.", "616")]
    assert take_row_column(texts, [None, "name"]) == ["row", "name"]
    figures = [[n, "Иван Петров Иванов"] for n in ("120", "45", "310", "87", "64")]  # figures, no count
    assert take_row_column(figures, [None, "name"]) == [None, "name"]


def test_a_column_counting_three_rows_in_a_run_and_few_others_is_the_row_column() -> None:
    from ocr.row_zeros import take_row_column

    # P dev 8012 p2 (`Пор. N` read `ПР. м`): 6 of 13 cells fit the order with their dotted zeros as zeros,
    # `82 63 64` for 02, 03, 04 one under another
    cells = ("", "82", "63", "64", "3", "3", "7", "08", "30", "10", "1", "12", "")
    texts = [[n, "Иван Петров Иванов"] for n in cells]
    assert take_row_column(texts, [None, "name"]) == ["row", "name"]
    scattered = ("", "82", "", "64", "", "6", "", "08", "", "10", "", "12", "")  # 6 fit, none in a run
    assert take_row_column([[n, "Иван Петров"] for n in scattered], [None, "name"]) == [None, "name"]
