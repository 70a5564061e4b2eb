"""A page whose table no grid was found for, its type a few specks a letter, has its people's rows by its lines
of writing alone (ocr/faint_table.py: AB dev 20009 p5, 20001 p8, thin 16 mm film scanned bitonal, failed "no
table" with every person lost)."""

from __future__ import annotations

import numpy as np

from archive_api.i18n_reasons import REASON_WORDS
from archive_core.records import SCORED_FIELDS
from ocr.faint_table import TABLE_UNFOUND, instead_of, page, rows_of_lines

W, H = 2400, 1800


def _specks(img: np.ndarray, top: int, spans: list[tuple[int, int]], rng: np.random.Generator) -> None:
    """A typed line 24 px tall broken to specks: 3-pixel dots, one in five places, across each span."""
    for x0, x1 in spans:
        for y in range(top, top + 24, 4):
            for x in range(x0, x1, 6):
                if rng.random() < 0.2:
                    img[y : y + 3, x : x + 3] = 0


def _sheet(rows: int, pitch: int = 70, first: int = 500, total: bool = True) -> np.ndarray:
    rng = np.random.default_rng(7)
    img = np.full((H, W), 255, np.uint8)
    _specks(img, 200, [(300, 900)], rng)  # the institution's name
    for k in range(3):  # the heading's lines, single-spaced
        _specks(img, 330 + 35 * k, [(200 + 160 * c, 300 + 160 * c) for c in range(13)], rng)
    cells = [(200, 260), (300, 700), (760, 1000), *((1100 + 160 * c, 1200 + 160 * c) for c in range(7))]
    for r in range(rows):
        _specks(img, first + pitch * r, cells, rng)
    if total:  # the page's total, double-struck: ink in every column
        for _ in range(2):
            _specks(img, first + pitch * rows + 20, [(300, 700), (1000, 2250)], rng)
    return img


def test_the_lines_of_a_table_found_by_nothing_are_its_rows_each_in_review() -> None:
    out = page(_sheet(12), 300, "p.png")
    assert out is not None and out.page_review is not None and out.page_review.reason == TABLE_UNFOUND
    assert len(out.rows) == 12
    assert all(set(r.review or []) >= set(SCORED_FIELDS) for r in out.rows)
    mids = [(r.bbox[1] + r.bbox[3]) / 2 for r in out.rows if r.bbox]
    assert all(abs(m - (500 + 12 + 70 * k)) <= 6 for k, m in enumerate(mids))
    assert REASON_WORDS["bg"][f"reason.{TABLE_UNFOUND}"] and REASON_WORDS["en"][f"reason.{TABLE_UNFOUND}"]


def test_lines_too_faint_to_find_between_found_ones_are_rows_too() -> None:
    img = _sheet(10)
    img[500 + 70 * 4 : 500 + 70 * 6, :] = 255  # two people's lines left no ink at all
    assert len(rows_of_lines(img < 128)) == 10


def test_a_page_of_few_lines_or_none_on_one_pitch_is_no_table() -> None:
    assert page(_sheet(3, total=False), 300, "p.png") is None  # three lines: no table of people
    assert page(np.full((H, W), 255, np.uint8), 300, "p.png") is None  # a blank sheet
    rng = np.random.default_rng(3)
    img = np.full((H, W), 255, np.uint8)
    for top in (500, 580, 730, 800, 1010, 1200, 1230):  # lines at no one pitch (a letter's paragraphs, a form)
        _specks(img, top, [(300, 2000)], rng)
    assert rows_of_lines(img < 128) == []


def test_a_reading_of_a_few_rows_with_no_person_gives_way_to_the_lines_of_writing() -> None:
    # AB dev 20009 p6: a film's scratches across the sheet taken for its rules, one row read of 18 people
    from archive_core.records import Employer, PayrollPage, PayrollRow

    read = PayrollPage(image="p.png", employer=Employer(name="Военна болница - Плевен"),
                       rows=[PayrollRow(name="Газ", bbox=[0, 1100, 2400, 1300])])  # fmt: skip
    out = instead_of(read, _sheet(12), 300, "p.png")
    assert len(out.rows) == 12 and out.employer.name == "Военна болница - Плевен"
    assert out.page_review is not None and out.page_review.reason == TABLE_UNFOUND
    assert instead_of(read, np.full((H, W), 255, np.uint8), 300, "p.png") is read  # no lines: as read
