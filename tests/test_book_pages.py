"""Family S, a payroll book photographed or scanned open: the facing page's strip beyond the gutter is no
part of the page (ocr/book_gutter.py), the rows curving into the spine are put flat (ocr/book_curve.py), a
period with a year of two digits whose apostrophe or digits were misread ("м. януари ? 84", 'носмври "ВЗ')
is read again, never guessed (ocr/header.py, ocr/period.py)."""

from __future__ import annotations

import numpy as np

from bench.scoring import _norm
from ocr import book_curve
from ocr.book_curve import flatten
from ocr.book_gutter import facing_strip, without_facing
from ocr.engine import OcrEngine
from ocr.geometry import Box, Word
from ocr.header import Header, read_period

from .conftest import read_regression_sheet


def _book(facing: bool) -> np.ndarray:
    """A grey page 1000 x 2000 with a gutter's shadow 150 px from its left side and, when ``facing``, the
    facing page's paper beyond it (else a dark desk)."""
    w = 2000
    x = np.arange(w, dtype=np.float32)
    light = 225.0 * (1.0 - 0.6 * np.exp(-np.abs(x - 150.0) / 40.0))
    if not facing:
        light[:150] = 50.0
    page = np.tile(light, (1000, 1))
    page[::40, 400:1800] = 30.0  # typing's rows, no column of paper lost
    return page.clip(0, 255).astype(np.uint8)


def test_gutter_with_the_facing_page_beyond_it_is_cut_at_its_deepest_point():
    cut = facing_strip(_book(True))
    assert cut is not None and cut[0] == "left" and 140 <= cut[1] <= 170
    out = without_facing(_book(True))
    assert (out[:, : cut[1]] > 200).all()


def test_a_desk_beyond_the_page_is_no_facing_page():
    assert facing_strip(_book(False)) is None


def test_a_flat_sheet_is_left_as_it_is():
    flat = np.full((1200, 1800), 220, np.uint8)
    flat[100:1100:50, 200:1600] = 20
    assert facing_strip(flat) is None


def test_flatten_moves_each_column_by_its_shift_and_scale():
    g = np.full((400, 300), 255, np.uint8)
    g[210, :] = 0  # a rule 10 px below its place (200) at every column
    out = flatten(g, np.full(300, 10.0), np.zeros(300), 200.0)
    assert (out[200, :] < 128).all() and (out[210, :] > 128).all()


def _line(*texts: str) -> list[Word]:
    return [Word(t, 0.9, Box(100 * i, 0, 100 * i + 80, 30)) for i, t in enumerate(texts)]


def test_short_year_after_its_apostrophe_read_as_a_word():
    h = Header()
    assert read_period(_line("Заплати", "за", "м.", "януари", "?", "84"), h)
    assert (h.year, h.month) == (1984, 1) and h.year_word is not None and h.year_word.text == "84"


def test_short_year_read_with_letters_is_left_for_the_second_reading():
    h = Header()
    assert not read_period(_line("Заплати", "за", "м.", "носмври", '"ВЗ'), h)
    assert h.month == 11 and h.year is None and h.year_short
    assert h.year_word is not None and h.year_word.text == '"ВЗ'


def test_a_word_of_letters_after_the_month_is_no_year():
    h = Header()
    read_period(_line("Заплати", "за", "м.", "ноември", "ВЗАЛА"), h)
    assert h.year is None and not h.year_short


def test_facing_page_title_is_not_the_employer(ocr_engine: OcrEngine):
    truth, got = read_regression_sheet("s-book-facing-page-title-as-employer", ocr_engine)
    assert got.employer.name is not None and "книга" not in got.employer.name.lower()
    assert _norm(got.employer.name) == _norm(truth.employer.name) or got.employer.review
    assert (got.period.year, got.period.month) == (truth.period.year, truth.period.month)


def test_a_rule_is_followed_with_polyfit_s_slope_and_numpy_s_runs() -> None:
    """Following a book's rules fits the slope of its last points in closed form and splits a column's ink
    into runs in plain Python (issue 9: np.polyfit and np.split were most of its CPU): the slope is
    np.polyfit's to the last bits, the runs np.split's, so the rule is followed the same way."""
    rng = np.random.default_rng(3)
    for _ in range(200):
        xs = np.sort(rng.choice(np.arange(0, 3000, 3), size=int(rng.integers(4, 9)), replace=False))
        ys = np.round(rng.normal(500, 4, xs.size) * 2) / 2  # centres of runs: whole or half pixels
        pts = list(zip(xs.tolist(), ys.tolist(), strict=True))
        assert abs(book_curve._slope(pts) - np.polyfit(xs, ys, 1)[0]) < 1e-12
        rows = np.flatnonzero(rng.random(40) < 0.6)
        split = [(int(r[0]), int(r[-1])) for r in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if r.size]
        assert book_curve._runs(rows.tolist()) == split
    assert book_curve._slope([(0, 7.5), (3, 7.5), (6, 7.5), (9, 7.5)]) == 0.0  # a level rule: no drift
