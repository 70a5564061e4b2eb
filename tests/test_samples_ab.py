"""Family AB of the sample generator (held out from its making in session 25 to its one measurement in session 26). These
tests exercise the generator only, on the development seeds 20001-20040 (the evaluation seed is never generated here):
its switches, its truth over many drawn months (the allowances and the itemised deductions to their totals, gross =
base + the allowances, every column to its total, a valid ЕГН once per month) and over the pages a month runs to (each
page its rows, the sums carried from page to page, the row numbers running on), what a page prints (the wheel's type
where the truth's cells say, a box per row and none for a carried line), the roll film's capture (the map, the
scratches along the film, the black-and-white scan keeping the type), and its pages the same under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
from PIL import Image

from archive_core import egn
from archive_core.records import MONEY_FIELDS
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(20001, 20041)  # AB's development seeds


def test_family_ab_draws_its_own_switches():
    """AB: every face, layout, money form, nought, separator, rule, mark, ministry, period, line feed, film mode and
    dpi; carbon film and fabric ribbons, double-struck headings, surname first, civilians' posts, negative scratches
    and bitonal scans on some files only; landscape, no generic corrections, no stotinki; 1985-1996."""
    from samples import families, family_ab

    drawn = _drawn_habits("AB", SEEDS)
    abs_ = [h.ab for h in drawn if h.ab]
    assert len(abs_) == len(drawn) and all(h.family == "AB" and h.face == "daisy" for h in drawn)
    assert {a.face for a in abs_} == set(family_ab.AB_FACES["daisy"]) and {a.layout for a in abs_} == set(family_ab.AB_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in abs_} == set(family_ab.AB_MONEY) and {a.zero for a in abs_} == {"0", "-", ""}
    assert {a.sep for a in abs_} == {" ", "|"} and {a.rule for a in abs_} == {"-", "_", "="}
    assert {a.mark for a in abs_} == set(family_ab.MARKS) and {a.ministry for a in abs_} == set(family_ab.MINISTRIES)
    assert {a.period for a in abs_} == set(family_ab.PERIODS) and {a.spacing for a in abs_} == {1.0, 1.5, 2.0}
    assert {a.film for a in abs_} == {"cine", "comic"} and {a.dpi for a in abs_} == {200, 300}
    assert {a.ribbon for a in abs_} == {"film", "fabric"} and {a.scratches for a in abs_} == {0, 1, 2, 3, 5}
    for flag in ("bold", "surname_first", "civil", "negative", "bitonal"):
        assert 0.15 < sum(getattr(a, flag) for a in abs_) / len(abs_) < 0.9, flag
    assert all(a.stamp == 0.0 for a in abs_ if not a.mark) and any(a.stamp > 0 for a in abs_)
    assert all(a.ink >= 0.85 for a in abs_ if a.ribbon == "film") and all(a.ink < 0.85 for a in abs_ if a.ribbon == "fabric")
    assert all(h.correction == "none" and h.landscape == 1.0 and not h.stotinki for h in drawn)
    assert families.YEARS["AB"] == (1985, 1996) and "AB" in families.FAMILIES


def test_family_ab_is_held_apart_from_the_earlier_families():
    """AB's faces are of a font package none of A-AA draws from (xfonts-cronyx-100dpi's Courier, a directory no other
    family's face is in); its layouts are none of theirs; every column's headings have words of its own."""
    from samples import family_t, family_v, family_w, family_x, family_z

    others = {*family_t.T_HANDS, *family_v.FORM_FACES, *family_w.FORM_FACES, family_w.HAND_FACE, *family_x.LETTERING,
              *(f for kind in family_z.Z_FACES.values() for f in kind)}  # fmt: skip
    _assert_held_apart("AB", others_extra=frozenset(others), own_dirs=True)


def _months(seed: int):
    """Each drawn AB month of ``seed`` with its file and its pages: [(habits, file, month, pages)]."""
    from samples import family_ab

    out = []
    for habits, ef, sheets in _family_months("AB", seed):
        ab = habits.ab
        assert ab is not None
        for k, sheet in enumerate(sheets):
            out.append((ab, ef, sheet, family_ab.pages(sheet, ab, random.Random(seed * 10 + k))))
    return out


def test_family_ab_truth_holds_month_after_month():
    """Over many AB months: the truth adds up (a valid ЕГН once per month, gross = base + the allowances, the
    additional pay their sum where the layout prints it and no value where it does not, the itemised deductions their
    sum, net = gross - deductions, every money column totalled, allowances and deductions too); the month's pages hold
    its rows in order, three at least on the last, numbered 1, 2, ... (the truth's sheet), each page's totals the sums
    so far, each after the first carrying the sums before it; the names and posts as the file's roster has them;
    12-45 people; 1985-1996."""
    from samples import family_ab

    seen = {"pages": 0, "carried": 0, "rows": 0, "ranks": 0, "no_extra": 0, "allowance": 0}
    for seed in (20001, 20002, 20003):
        for _ab, ef, sheet, pages in _months(seed):
            assert 12 <= len(ef.staff) <= 45 and sheet.layout in family_ab.AB_LAYOUTS
            assert 1985 <= sheet.year <= 1996
            adds = [c for c in sheet.layout if c in family_ab.ADDS]
            printed = "extra_pay" in sheet.layout
            _assert_truth_holds(sheet, family_ab.CUTS, items_kinds=family_ab.ADDS if printed else (), every_total=printed)
            assert set(sheet.totals) == {c for c in sheet.layout if c in (*MONEY_FIELDS, *family_ab.ADDS, *family_ab.CUTS)}
            roster = {p.egn: (p.name, p.position) for p in ef.staff}
            for r in sheet.rows:
                seen["rows"] += 1
                assert r["gross_pay"] == r["base_pay"] + sum((r[c] for c in adds), Decimal(0))
                assert (r["extra_pay"] is None) != printed
                seen["no_extra"] += not printed
                seen["allowance"] += any(r[c] > 0 for c in adds)
                assert r["name"] == roster[r["egn"]][0]
                if "position" in sheet.layout:
                    assert r["position"] == roster[r["egn"]][1]
                    seen["ranks"] += r["position"] in family_ab.RANKS
                assert r["row"] == sheet.rows.index(r) + 1
            assert [r for p in pages for r in p.rows] == sheet.rows and len(pages[-1].rows) >= 3
            assert [p.sheet for p in pages] == list(range(1, len(pages) + 1))
            run = dict.fromkeys(sheet.totals, Decimal(0))
            for k, page in enumerate(pages):
                assert page.carried_in == (None if k == 0 else run)
                run = {f: run[f] + sum((r[f] for r in page.rows), Decimal(0)) for f in run}
                assert page.totals == run and page.carry_out == (k < len(pages) - 1)
                seen["pages"] += 1
                seen["carried"] += page.carried_in is not None
            assert run == sheet.totals
    assert seen["carried"] >= 5 and seen["rows"] > 1000 and seen["ranks"] > 50 and seen["no_extra"] > 100, seen
    assert seen["allowance"] > 0.9 * seen["rows"], seen


def _ab_page(**switches):
    """A drawn AB month (development seed) with ``switches`` forced on its file and two pages or more: (habits, its
    second page, image, geometry, page)."""
    from samples import family_ab

    for seed in SEEDS:
        for ab, _ef, sheet, _ in _months(seed):
            forced = replace(ab, **switches)
            pages = family_ab.pages(sheet, forced, random.Random(seed))
            if len(pages) < 2:
                continue
            page = pages[1]
            rng = random.Random(3)
            img, geo = family_ab.render(page, None, forced, rng)  # type: ignore[arg-type]
            return forced, page, img, geo, family_ab.page_of(img, geo, page, forced, rng)
    raise AssertionError("no AB month of two pages")


def test_family_ab_page_prints_what_the_truth_says():
    """A drawn AB page after the first: a box per row of the truth (none for the carried sums above them), the rows'
    boxes one under the other within the table; every row's cells carry the wheel's ink where the truth's cells say,
    the totals' cells too; a nought left blank prints nothing; the page's "Лист" number and its period."""
    from samples import family_ab

    for sep, zero, spacing in (("|", "-", 2.0), (" ", "", 1.0)):
        ab, page, img, geo, p = _ab_page(sep=sep, zero=zero, spacing=spacing, chipped=0, ribbon="film", ink=1.0)
        ink = np.asarray(img) < 128
        assert len(geo.row_bboxes) == len(page.rows) and page.carried_in is not None and page.sheet == 2
        tops = [b[1] for b in geo.row_bboxes]
        assert tops == sorted(tops) and geo.table_bbox[1] < tops[0] and geo.row_bboxes[-1][3] <= geo.table_bbox[3]
        assert min(b - a for a, b in zip(tops, tops[1:], strict=False)) >= int(spacing * 200 / 6) - 1
        first = min(box[1] for r, _, box, _ in geo.cells if r == 1)
        assert ink[geo.table_bbox[1] + 100 : first - 2].any()  # the carried sums above row 1
        for r, j, (x0, y0, x1, y1), text in geo.cells:
            if 1 <= r <= len(page.rows) + 1:
                assert ink[y0:y1, x0:x1].sum() > 8 * len(text.replace(" ", "")), (r, page.layout[j], text)
        texts = {(r, page.layout[j]): t for r, j, _, t in geo.cells}
        for i, row in enumerate(page.rows, start=1):
            for c in page.layout:
                if c in family_ab.ADDS + family_ab.CUTS and row[c] == 0:
                    assert texts.get((i, c), "") == zero
        totals = [t for r, _, _, t in geo.cells if r == len(page.rows) + 1]
        assert len(totals) == len(page.totals)
        assert p.stamp in ("", page.extra["ab_job"]["stamp"])  # type: ignore[index]


def test_family_ab_capture_follows_its_map():
    """The roll film scanned: a printed bar lands dark where the map puts it at the file's dpi, grey or black and
    white (the bitonal scan keeps a grey-ribboned stroke); the scratches run along the film: down the page in cine
    mode, across it in comic mode."""
    from samples import degrade, family_ab

    H, W = 1100, 1500  # half a page (the capture's margins go with it): quicker
    a = np.full((H, W), 255.0, np.float32)
    a[550:562, 450:850] = 255.0 * (1 - 0.6)  # a fabric ribbon's stroke
    base = replace(family_ab.draw(random.Random(20004)), scratches=0)
    for bitonal, dpi, exposure in ((False, 300, 0.0), (True, 200, -1.0), (True, 300, 1.0)):
        ab = replace(base, bitonal=bitonal, dpi=dpi, exposure=exposure)
        out, m, got = family_ab.scan(a, family_ab.ABPage(ab, 5, "", (0, 0)), np.random.default_rng(1))
        assert got == dpi and m.shape == (2, 3) and out.ndim == 2 and out.dtype == np.uint8
        x, y = degrade.map_points(np.array([[650.0, 556.0]]), m)[0]
        bar = out[int(y) - 1 : int(y) + 2, int(x) - 30 : int(x) + 30].mean()
        near = out[int(y) - 60 : int(y) - 40, int(x) - 30 : int(x) + 30].mean()
        assert bar < near - 60, (bitonal, exposure, bar, near)
        assert set(np.unique(out)) <= {0, 255} if bitonal else len(np.unique(out)) > 50
    blank = np.full((H, W), 255.0, np.float32)
    for film in ("cine", "comic"):
        ab = replace(base, scratches=5, negative=True, film=film, bitonal=False, dpi=200, exposure=0.0)
        out, m, _ = family_ab.scan(blank, family_ab.ABPage(ab, 11, "", (0, 0)), np.random.default_rng(2))
        (x0, y0), (x1, y1) = degrade.map_points(np.array([[150.0, 150.0], [W - 150.0, H - 150.0]]), m)
        inner = out[int(y0) : int(y1), int(x0) : int(x1)] < 150
        down, across = inner.mean(axis=0).max(), inner.mean(axis=1).max()  # the darkest column's, row's share
        assert (down > across) == (film == "cine"), (film, down, across)


def test_family_ab_pages_hold_and_repeat(tmp_path: Path):
    """Generated AB pages (the whole path, a development seed): grey or 1-bit PNGs at 200 or 300 dpi, each page's truth valid
    payroll-page/1 whose rows add up and whose totals are no less than its rows' (a carried page's are the sums so
    far), ЕГН valid, boxes inside the image, the row numbers running on from the page before when it is the same
    month's; the same bytes under another hash seed; the truth as its maker left it."""
    out = _repeats_under_another_hash_seed(tmp_path, "AB", 20019, pages=2)  # a bitonal file at 200 dpi: quick
    before = None
    for png, page in _pages_add_up(out, years=(1985, 1996), carried=True):
        with Image.open(png) as im:
            assert im.mode in ("L", "1") and round(im.info["dpi"][0]) in (200, 300)
        assert all(r.egn and egn.is_valid(r.egn) and r.name for r in page.rows)
        if before is not None and page.sheet and page.sheet > 1:
            assert page.period == before.period and page.rows[0].row == before.rows[-1].row + 1
        before = page
    # AB's pages as its maker left them (the truth's bytes; the pixels are not pinned, OpenCV's version changes them):
    # the held-out set must be what it was made
    pinned = (("page-0001.json", "f5548f67a16cc7b8"), ("page-0002.json", "814c7a3907e55e54"))
    for name, digest in pinned:
        assert hashlib.sha256((out / name).read_bytes()).hexdigest()[:16] == digest, name
