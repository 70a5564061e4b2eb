"""Family S of the sample generator (held out from its making in session 16 to its one measurement in session 17;
these tests exercise the generator only): its switches,
its truth over many drawn sheets, each of its traits on the sheets and in the drawing (its enterprises and
their staff's positions in a woman's form for a woman, the turnover column that is no payroll-page/1 field,
its titles, periods and totals' words, the headings printed small, the book's curved page, gutter, stitching
and facing page, the truth moved with the page), and its pages the same from the same seed."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from archive_core import egn
from archive_core.records import PayrollPage
from tests.test_samples import _assert_truth_holds, _family_sheets, _generated_digest, _pages_add_up

S_FLAGS = ("turnover", "small_heads", "carbon", "facing", "stitches", "stamp_rows", "signatures_cross")


def test_family_s_draws_its_own_switches():
    """S: its three trades and face kinds, its number formats (never stotinki), a ruled book (full, rows or
    columns, never unruled), a book photographed, scanned or a loose leaf, the spine on either side, the
    facing page and the stitching only in a book; its period phrasings; each of its switches on some files;
    the carbon copy's back showing through; a photographed book in perspective; any year 1980-1996."""
    from samples import families, family_s

    rng = random.Random(16)
    drawn = [families.draw_habits("S", rng) for _ in range(400)]
    assert all(h.s is not None and h.family == "S" for h in drawn)
    ss = [h.s for h in drawn if h.s]
    assert {s.trade for s in ss} == set(family_s.ENTERPRISES)
    assert {h.face for h in drawn} == {"typewriter", "print", "dot_matrix"}
    assert {(h.thousands, h.decimal) for h in drawn} == set(family_s.S_FORMATS) and not any(h.stotinki for h in drawn)
    assert {h.ruling for h in drawn} == {"full", "rows", "columns"}
    assert {s.book for s in ss} == {"photo", "scan", "flat"} and {s.spine for s in ss} == {"left", "right"}
    assert not any(s.facing or s.stitches for s in ss if s.book == "flat")
    assert all(s.face == "typewriter" for s in ss if s.small_heads)  # a printout's headings are its own size
    assert {s.period for s in ss} == {"words", "short", "apostrophe", "year_first"}
    assert {s.correction for s in ss} == {"above", "none"}
    assert not any(h.correction_typed for h in drawn)  # the right figure written above the struck one by hand
    assert all(h.photo == (h.s.book == "photo") and h.show_through == h.carbon == h.s.carbon for h in drawn if h.s)
    for flag in S_FLAGS:
        assert 0.1 < sum(bool(getattr(s, flag)) for s in ss) / len(ss) < 0.9, flag
    assert families.YEARS["S"] == (1980, 1996)


def test_family_s_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many S sheets: the truth adds up (the turnover's total too); the enterprise's name one of its trade's
    of the file's years; every position its trade's, a woman's (odd ninth digit of the ЕГН) in her form; the
    layouts S's own, the turnover column where the switch says so (the value of the work done in services) and
    never in the truth; its titles, periods and totals' words; no more columns than the page holds; the
    headings printed small where the switch says so."""
    from samples import data, family_s
    from samples.generate import truth_of
    from samples.render import Geometry

    seen = {"turnover": 0, "work_done": 0, "small": 0, "woman": 0, "man": 0}
    periods = set()
    for habits, sheet, style in _family_sheets("S", 60, 7):
        s = habits.s
        assert s is not None
        _assert_truth_holds(sheet)
        years = family_s.ENTERPRISES[s.trade]
        assert sheet.employer in years[sheet.year >= 1991] or sheet.employer in years[0] + years[1]
        pairs = family_s.POSITIONS[s.trade]
        for row in sheet.rows:
            if row["position"] is not None:
                female = int(str(row["egn"])[8]) % 2
                assert any(p[female] == row["position"] for p in pairs)
                seen["woman" if female else "man"] += 1
        cols = list(sheet.layout)
        assert len(cols) <= family_s.MAX_COLUMNS
        assert ("turnover" in cols) == s.turnover
        if s.turnover:
            seen["turnover"] += 1
            assert all(isinstance(r["turnover"], Decimal) and r["turnover"] == int(r["turnover"]) for r in sheet.rows)
            assert sheet.totals["turnover"] == sum(r["turnover"] for r in sheet.rows)
            if s.trade == "services":
                seen["work_done"] += 1
                assert sheet.headings["turnover"] in family_s.WORK_DONE
        assert sheet.title in family_s.S_TITLES and sheet.total_label in family_s.S_TOTAL_WORDS
        mname = data.MONTHS[sheet.month - 1]
        assert mname in sheet.period_text and (str(sheet.year) in sheet.period_text or f"'{sheet.year % 100:02d}" in sheet.period_text)
        periods.add(s.period)
        if s.small_heads:
            seen["small"] += 1
            assert style.heading_scale < 0.75
        geo = Geometry(2480, 3508, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows])
        raw = json.loads(truth_of(sheet, geo, "page-0001.png").to_json())
        assert not {"turnover", "days_paid"} & {k for row in raw["rows"] for k in row}
        assert "turnover" not in raw["totals"]
        page = PayrollPage.model_validate(raw)
        printed = "egn" in sheet.layout or sheet.egn_under_name  # none in the truth where the layout prints none
        assert all((p.egn is not None) == printed and (p.egn is None or egn.is_valid(p.egn)) for p in page.rows)
    assert all(v >= 3 for v in seen.values()), seen
    assert periods == {"words", "short", "apostrophe", "year_first"}


def test_family_s_draws_the_turnover_as_money_and_totals_it():
    """The turnover column is drawn in the sheet's money format in every row and under the table (its total),
    as the other amounts are; the truth keeps none of it."""
    from samples.content import money_text
    from samples.generate import _render_fitting

    habits, sheet, style = next(t for t in _family_sheets("S", 20, 3) if t[0].s is not None and t[0].s.turnover)
    _, geo = _render_fitting(sheet, style, random.Random(3))
    j = list(sheet.layout).index("turnover")
    texts = {row: t for row, c, _, t in geo.cells if c == j and row > 0}
    for i, r in enumerate(sheet.rows, start=1):
        assert texts[i] == money_text(r["turnover"], sheet)
    assert texts[len(sheet.rows) + 1] == money_text(sheet.totals["turnover"], sheet)


def _ink_page(w: int = 1800, h: int = 1400):
    """A white page with black bars where the rows are, and their geometry (boxes, polygons, cells)."""
    from samples.render import Geometry, rect_polygon

    img = Image.new("L", (w, h), 255)
    a = np.asarray(img).copy()
    geo = Geometry(w, h)
    for k in range(8):
        y0 = 200 + 120 * k
        box = [40 + 10 * k, y0, w - 200, y0 + 40]
        a[box[1] : box[3], box[0] : box[2]] = 0
        geo.row_bboxes.append(list(box))
        geo.row_polygons.append(rect_polygon(*box))
        geo.cells.append((k + 1, 0, list(box), "x"))
    geo.table_bbox = [40, 200, w - 200, 200 + 120 * 7 + 40]
    return Image.fromarray(a), geo


def test_family_s_book_moves_the_truth_with_the_curved_page():
    """The page bound at its spine, photographed or scanned, the spine on either side: the image grows on the
    spine's side, and every row's ink stays inside its moved box and polygon, each moved box full of ink (the
    rows squeezed and bent near the spine, the gutter dark)."""
    from dataclasses import replace

    from samples import family_s

    base = family_s.draw(random.Random(0))
    for seed, (book, spine) in enumerate([("photo", "left"), ("photo", "right"), ("scan", "left"), ("scan", "right")]):
        s = replace(base, book=book, spine=spine, facing=False, stitches=False)
        img, geo = _ink_page()
        out = family_s.bind(img, geo, s, random.Random(seed))
        a = np.asarray(out)
        assert a.shape[0] == img.height and a.shape[1] > img.width and geo.width == a.shape[1]
        ink = np.argwhere(a < 25)  # (y, x); the paper is never that dark, not even in the gutter
        assert len(ink)
        inside_box = np.zeros(len(ink), bool)
        inside_poly = np.zeros(len(ink), bool)
        for box, poly in zip(geo.row_bboxes, geo.row_polygons, strict=True):
            x0, y0, x1, y1 = box
            inside_box |= (ink[:, 1] >= x0 - 2) & (ink[:, 1] <= x1 + 2) & (ink[:, 0] >= y0 - 2) & (ink[:, 0] <= y1 + 2)
            contour = np.asarray(poly, np.float32).reshape(-1, 1, 2)
            sample = ink[:: max(1, len(ink) // 4000)]
            hit = np.array([cv2.pointPolygonTest(contour, (float(x), float(y)), True) > -3 for y, x in sample])
            inside_poly[:: max(1, len(ink) // 4000)] |= hit
            mask = np.zeros(a.shape, np.uint8)
            cv2.fillPoly(mask, [np.rint(np.asarray(poly)).astype(np.int32)], 1)
            mask = cv2.erode(mask, np.ones((9, 9), np.uint8)).astype(bool)
            assert mask.any() and (a[mask] < 60).mean() > 0.95, (book, spine, box)  # the moved row full of ink
        assert inside_box.all(), (book, spine)
        assert inside_poly[:: max(1, len(ink) // 4000)].all(), (book, spine)
        spine_x = a.shape[1] - img.width if spine == "left" else img.width
        col = a[: 150, :].mean(axis=0)  # above the rows: paper and gutter only
        assert abs(int(np.argmin(col)) - spine_x) < 15 and col.min() < 0.6 * np.median(col), (book, spine)
        rows_left = [b[0] for b in geo.row_bboxes]
        if spine == "left":  # the rows' left ends, near the spine, squeezed towards it
            assert all(x - spine_x < 40 + 10 * k for k, x in enumerate(rows_left))


def test_family_s_book_shows_the_facing_page_and_the_stitching_a_loose_leaf_nothing():
    """Beyond the gutter, the facing page's edge with typing on it; the thread in the gutter; a loose leaf
    (no book) is left as it was."""
    from dataclasses import replace

    from samples import family_s

    base = family_s.draw(random.Random(0))
    img, geo = _ink_page()
    s = replace(base, book="photo", spine="left", facing=True, stitches=True)
    out = np.asarray(family_s.bind(img, geo, s, random.Random(5)))
    grown = out.shape[1] - img.width
    facing = out[:, : grown - 80]
    assert (facing < 60).mean() > 0.02  # typing on the facing page
    gutter = out[:, grown - 8 : grown + 8]
    assert (gutter < 70).any(axis=1).mean() > 0.1  # the thread's stitches down the fold
    flat = replace(base, book="flat", facing=False, stitches=False)
    img2, geo2 = _ink_page()
    boxes = [list(b) for b in geo2.row_bboxes]
    assert family_s.bind(img2, geo2, flat, random.Random(5)) is img2 and geo2.row_bboxes == boxes


def test_family_s_pages_hold_and_repeat(tmp_path: Path):
    """Generated S pages (the whole path: the book, the photograph or scan, the carbon): each page's truth is
    valid payroll-page/1 and adds up, its boxes inside the image; the same seed gives the same bytes."""
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        digests.append(_generated_digest(out, 3, 2, "S"))
        for png, page in _pages_add_up(out):
            w, hgt = Image.open(png).size
            for r in page.rows:  # every box inside the image grown by the book's gutter and facing page
                assert r.bbox and -5 <= r.bbox[0] < r.bbox[2] <= w + 5 and -5 <= r.bbox[1] < r.bbox[3] <= hgt + 5
    assert digests[0] == digests[1]
