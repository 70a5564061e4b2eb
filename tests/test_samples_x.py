"""Family X of the sample generator (held out from its making in session 21 to its one measurement by the lead in
session 22, a development family since). These
tests exercise the generator only, on its maker's development seeds 16001-16040 (the evaluation seed is never
generated here): its switches, its truth over many drawn sheets (the deductions' items adding up to the scored
fields, every column to its total, the sums carried between a month's pages), what a page shows of them (every
person on two lines, each field in its tier of its column, the figures as the truth says, the carried sums in a row of
no person), the duplicator's copy and its capture (the ink's colour, blots off the table, the phone's perspective and
JPEG), and its pages the same from the same seed under any hash seed."""

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
    _family_sheets,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(16001, 16041)  # X's development seeds
PARTS = ("tax", "insurance", "union_fee", "advance", "court")


def _val(x: object) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(0)


def _holds(sheet) -> None:
    """A drawn X sheet's truth adds up: a valid ЕГН once per sheet, base + additional = gross, the itemised deductions
    (where the layout has them) add up to the deductions, net = gross - deductions (never below nought), each money
    column (the deductions' items too) sums to its total, the days within the month."""
    from archive_core.egn import days_in_month

    parts = [c for c in sheet.layout if c in PARTS]
    assert len({r["egn"] for r in sheet.rows}) == len(sheet.rows)
    for r in sheet.rows:
        assert egn.is_valid(str(r["egn"]))
        assert r["base_pay"] + r["extra_pay"] == r["gross_pay"]
        if parts:
            assert sum((_val(r[c]) for c in parts), Decimal(0)) == r["deductions"]
        assert (r["deductions"] > 0) == (r["gross_pay"] > 0)
        assert r["gross_pay"] - r["deductions"] == r["net_pay"] and r["net_pay"] >= 0
        assert 0 <= r["days_worked"] <= days_in_month(sheet.year, sheet.month)
    assert set(sheet.totals) == {c for c in sheet.layout if c in (*MONEY_FIELDS, *parts)}
    for f, total in sheet.totals.items():
        assert sum((_val(r[f]) for r in sheet.rows), Decimal(0)) == total


def _drawn(n_per_seed: int = 10):
    from samples import families

    out = []
    for seed in SEEDS:
        rng = random.Random(seed)
        out += [families.draw_habits("X", rng) for _ in range(n_per_seed)]
    return out


def test_family_x_draws_its_own_switches():
    """X: its typewriter faces and lettering faces, the four kinds of employer, every two-tier layout, every money
    form (a dot or a comma, a space for the thousands or none), every tier rule, the dash for nought, row numbers with
    a dot, carried months, a copy's number, the stamp, the crease each on some files only; the three inks and the
    papers; scans and phone photographs (and files of both), colour and grey, 200 and 300 dpi; 1980-1994."""
    from samples import families, family_x

    drawn = _drawn()
    xs = [h.x for h in drawn if h.x]
    assert len(xs) == len(drawn) and all(h.family == "X" and h.face == "typewriter" for h in drawn)
    assert {x.face for x in xs} == set(family_x.X_FACES["typewriter"]) and {x.lettering for x in xs} == set(family_x.LETTERING)
    assert {x.kind for x in xs} == {"mine", "textile", "railway", "forest"}
    assert {x.pairs for x in xs} == set(family_x.X_PAIRS)
    assert {(x.thousands, x.decimal) for x in xs} == set(family_x.X_MONEY) and not any(h.stotinki for h in drawn)
    assert all(h.decimal == h.x.decimal and h.thousands == h.x.thousands for h in drawn if h.x)
    assert {x.tier for x in xs} == {"none", "dotted", "thin"} and {x.period for x in xs} == {"word", "upper", "digits", "roman"}
    for flag in ("dash_zero", "row_dot", "carried", "crease", "stamp", "colour"):
        assert 0.25 < sum(getattr(x, flag) for x in xs) / len(xs) < 0.9, flag
    assert 0.1 < sum(bool(x.copy_mark) for x in xs) / len(xs) < 0.95
    assert {x.ink for x in xs} == set(family_x.INKS) and {x.paper for x in xs} == set(range(len(family_x.PAPERS)))
    assert {x.phone for x in xs} == {0.0, 0.5, 0.8, 1.0} and {x.dpi for x in xs} == {200, 300}
    assert all(x.colour for x in xs if x.ink == "violet")  # a violet copy is never scanned grey
    assert {x.blots for x in xs} >= {0, 1, 2, 3, 4, 5}
    assert all(h.correction == "none" and h.ruling == "full" for h in drawn)
    assert families.YEARS["X"] == (1980, 1994) and "X" in families.FAMILIES


def test_family_x_is_held_apart_from_the_earlier_families():
    """X draws faces from font packages none of A-W uses (no directory of theirs), its flattened layouts are none of
    theirs, and its column headings have words of their own."""
    from samples import family_t, family_v, family_w, family_x

    others = frozenset(family_t.T_HANDS) | frozenset(family_v.FORM_FACES) | frozenset(family_w.FORM_FACES)
    _assert_held_apart("X", own_extra=frozenset(family_x.LETTERING), others_extra=others | {family_w.HAND_FACE},
                       own_dirs=True)



def test_family_x_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many X sheets: the truth adds up (``_holds``); every field of the file's pairs is in the layout (and no
    other), its part cells named by three different deductions, the pension contribution not before 1992; the
    employer and the trades of the file's kind (a woman's trade in her form), the period's month and year, X's totals'
    and carried rows' words, the money's form; the truth keeps no deduction's item of its own."""
    from samples import data, family_x
    from samples.content import money_text
    from samples.generate import truth_of
    from samples.render import Geometry

    seen = {c: 0 for c in PARTS} | {"space": 0, "comma": 0, "no_parts": 0}
    for seed in (16001, 16002, 16003):
        for habits, sheet, style in _family_sheets("X", 25, seed):
            x = habits.x
            assert x is not None
            _holds(sheet)
            pairs = family_x.pairs_of(sheet)
            assert [f for p in pairs for f in p if f] == list(sheet.layout)
            assert len(pairs) == len(x.pairs) and all(bool(a[1]) == bool(b[1]) for a, b in zip(pairs, x.pairs, strict=True))
            parts = [c for c in sheet.layout if c in PARTS]
            assert len(parts) == len(set(parts)) == sum(f.startswith("part") for p in x.pairs for f in p)
            seen["no_parts"] += not parts
            assert "insurance" not in parts or sheet.year >= 1992
            assert {"row", "egn", "name", "days_worked", *MONEY_FIELDS} <= set(sheet.layout)
            for c in parts:
                seen[c] += 1
            kind = next(e for e in family_x.EMPLOYERS if e[0] == x.kind)
            assert sheet.employer in kind[1] and "–" not in sheet.employer
            for row in sheet.rows:
                female = int(str(row["egn"])[8]) % 2
                assert row["position"] is None or any(t[female] == row["position"] for t in kind[2])
            assert sheet.title in family_x.X_TITLES and sheet.total_label in family_x.X_TOTAL_WORDS
            assert sheet.carry_in_label in family_x.CARRY_IN and sheet.carry_out_label in family_x.CARRY_OUT
            month = data.MONTHS[sheet.month - 1]
            roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[sheet.month - 1]
            assert str(sheet.year) in sheet.period_text
            assert (month in sheet.period_text.lower() or f"{sheet.month:02d}" in sheet.period_text
                    or f"{roman}-" in sheet.period_text or f"{roman}." in sheet.period_text)  # fmt: skip
            typed = money_text(max(r["gross_pay"] for r in sheet.rows), sheet)
            assert typed[-3] == x.decimal
            seen["space"] += " " in typed
            seen["comma"] += x.decimal == ","
            assert style.typewriter and style.form_font is not None and not style.corrections
            raw = truth_of(sheet, Geometry(3508, 2480, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows]), "p.png")
            assert not any(k in PARTS for row in raw.model_dump()["rows"] for k in row)
            assert set(raw.totals) <= set(MONEY_FIELDS)
    assert all(n >= 2 for n in seen.values()), seen


def _x_sheet(seed: int, pairs: int = 0, **switches):
    """One X sheet of seven people or more, of the ``pairs``-th two-tier layout (content and style; the first found
    from ``seed`` on, development seeds only), with ``switches`` forced on its file's habits."""
    from samples import family_x

    for s in (seed, *SEEDS):
        for habits, sheet, style in _family_sheets("X", 12, s):
            if habits.x is None or len(sheet.rows) < 7 or habits.x.pairs != family_x.X_PAIRS[pairs]:
                continue
            return replace(habits.x, **switches), sheet, style
    raise AssertionError("no sheet")


def _ink_in(a: np.ndarray, box, inset: int = 4) -> int:
    x0, y0, x1, y1 = box
    return int((a[y0 + inset : y1 - inset, x0 + inset : x1 - inset] < 160).sum())


def test_family_x_page_shows_every_person_on_two_lines():
    """A drawn X sheet: every person's row as tall as two typed lines; each field's cell in its tier of its column
    (the upper field's in the row's upper half, the lower's in its lower half, both of the same column), its text the
    truth's in the file's form and inked on the page; the heading of a paired column two cells, one over the other,
    of a single column one cell the heading's height; the totals row each column's sum in its tier."""
    from samples import family_x
    from samples.render import cell_text

    for k in range(len(family_x.X_PAIRS)):
        x, sheet, style = _x_sheet(16011 + k, pairs=k)
        img, geo = family_x.render(sheet, style, x, random.Random(3))
        page = np.asarray(img)
        pairs = family_x.pairs_of(sheet)
        n = len(sheet.rows)
        assert len(geo.row_bboxes) == n == len(geo.row_polygons)
        cells = {(r, c, b[1]): (b, t) for r, c, b, t in geo.cells}
        for i, row in enumerate(sheet.rows, start=1):
            y0, y1 = geo.row_bboxes[i - 1][1], geo.row_bboxes[i - 1][3]
            assert y1 - y0 > 2.4 * style.size
            for j, (a, b) in enumerate(pairs):
                for f, top in ((a, y0), (b, (y0 + y1) // 2)):
                    if not f or f == "signature" or not cell_text(sheet, row, f):
                        continue
                    box, text = cells[(i, j, top)]
                    assert text == cell_text(sheet, row, f), (f, text)
                    assert box[3] - box[1] <= (y1 - y0) // 2 + 1
                    assert _ink_in(page, box) > (20 if len(text) > 1 else 4), (k, f)
        heads = [(c, b) for r, c, b, _ in geo.cells if r == 0]
        for j, (_, b) in enumerate(pairs):
            mine = sorted(bx for c, bx in heads if c == j)
            assert len(mine) == (2 if b else 1)
            assert mine[0][1] == geo.table_bbox[1]
            if b:
                assert mine[0][3] == mine[1][1]
        total = [(c, t) for r, c, _, t in geo.cells if r == n + 1]
        assert sheet.total_label in {t for _, t in total}
        for f, s in sheet.totals.items():
            assert s == sum((_val(r[f]) for r in sheet.rows), Decimal(0))


def test_family_x_carried_sums_are_a_row_of_no_person():
    """A long month over pages: each but the first page starts with the sums so far (a row of the table that is no
    person's: the first person's row starts under it, the row inked), each but the last ends with "За пренасяне" (its
    totals the sums so far); the row numbers run on across the pages."""
    from samples import family_x
    from samples.content import carried_pages

    x, sheet, style = _x_sheet(16021, pairs=0, carried=True)
    from samples.content import EmployerFile

    ef = EmployerFile("e", "1/1", (1985, 1), [], sheet.layout, sheet.headings, False)
    pages = carried_pages(sheet, ef, random.Random(1), 3, three_from=99, three_share=0.0)
    assert len(pages) == 2 and pages[0].carry_out and not pages[1].carry_out
    assert pages[1].carried_in == pages[0].totals and pages[1].totals == sheet.totals
    assert [r["row"] for p in pages for r in p.rows] == [r["row"] for r in sheet.rows]
    first, geo1 = family_x.render(pages[0], replace(style), x, random.Random(2))
    second, geo2 = family_x.render(pages[1], replace(style), x, random.Random(2))
    head_bottom = max(b[3] for r, _, b, _ in geo2.cells if r == 0)
    row_h = geo2.row_bboxes[0][3] - geo2.row_bboxes[0][1]
    assert geo2.row_bboxes[0][1] >= head_bottom + row_h - 2  # a row of sums before the first person's
    carried = np.asarray(second)[head_bottom + 6 : geo2.row_bboxes[0][1] - 6, geo2.table_bbox[0] + 6 : geo2.table_bbox[2] - 6]
    assert (carried < 160).sum() > 500
    assert len(geo1.row_bboxes) == len(pages[0].rows) and len(geo2.row_bboxes) == len(pages[1].rows)
    assert pages[0].carry_out_label in {t for r, _, _, t in geo1.cells if r == len(pages[0].rows) + 1}


def _page(**kw):
    from samples import family_x

    x = replace(family_x.draw(random.Random(16005)), ink="violet", blots=5, crease=False, phone=0.0, colour=True,
                dpi=300, fill=0.3, bands=0.2, light_side=0.1)  # fmt: skip
    base = dict(x=x, seed=7, phone=False, stamps=[], table=[300, 300, 1700, 1100])
    xx = kw.pop("x", {})
    base["x"] = replace(x, **xx)
    base.update(kw)
    return family_x.XPage(**base)


def test_family_x_copy_is_a_duplicator_copy_scanned_or_photographed():
    """The copy: the typed bar in the duplicator's ink (violet: red and blue above green; black: grey) where the map
    puts it, the paper lighter round it; no blot inside the table; a grey scan at 200 dpi is two-dimensional and
    two-thirds the size; the phone's photograph a 3x3 map, the desk round the sheet, below 300 dpi, its JPEG's 8x8
    blocks in the paper (steps at the blocks' edges larger than inside them)."""
    from samples import degrade, family_x

    a = np.full((1400, 2000), 255.0, np.float32)
    a[600:640, 400:1400] = 20.0  # a typed bar inside the table
    rgb, m, dpi = family_x.scan(a, _page(), np.random.default_rng(1))
    assert dpi == 300 and rgb.ndim == 3 and rgb.shape[:2] == (1400, 2000) and m.shape == (2, 3)
    x, y = degrade.map_points(np.array([[900.0, 620.0]]), m)[0]
    bar = rgb[int(y) - 5 : int(y) + 6, int(x) - 20 : int(x) + 20].reshape(-1, 3).astype(int).mean(axis=0)
    paper = np.median(rgb[int(y) + 200 : int(y) + 260, int(x) - 100 : int(x) + 100].reshape(-1, 3), axis=0).astype(int)
    assert bar.sum() < paper.sum() - 250 and bar[0] > bar[1] + 25 and bar[2] > bar[1] + 50, bar
    # no blot inside the table: its blank part (away from the bar) stays paper
    blank = rgb[750:1050, 350:1650].reshape(-1, 3).astype(int).sum(axis=1)
    assert (blank < paper.sum() - 200).mean() < 0.001
    black, _, _ = family_x.scan(a, _page(x={"ink": "black"}), np.random.default_rng(1))
    bb = black[int(y) - 5 : int(y) + 6, int(x) - 20 : int(x) + 20].reshape(-1, 3).astype(int).mean(axis=0)
    assert bb.max() - bb.min() < 25 and bb.sum() < paper.sum() - 250
    grey, mg, dg = family_x.scan(a, _page(x={"ink": "black", "colour": False, "dpi": 200}), np.random.default_rng(1))
    assert grey.ndim == 2 and dg == 200 and abs(grey.shape[1] - 2000 * 2 / 3) < 2
    gx, gy = degrade.map_points(np.array([[900.0, 620.0]]), mg)[0]
    assert grey[int(gy) - 3 : int(gy) + 4, int(gx) - 10 : int(gx) + 10].mean() < 150
    photo, mp, dp = family_x.scan(a, _page(phone=True), np.random.default_rng(1))
    assert mp.shape == (3, 3) and dp < 300 and photo.ndim == 3
    assert min(photo.shape[:2]) < 1400
    desk = photo[:6, :6].reshape(-1, 3).astype(int).mean(axis=0)
    assert min(abs(desk - np.array(d)).max() for d in family_x.DESKS) < 45
    px, py = degrade.map_points(np.array([[900.0, 620.0]]), mp)[0]
    assert photo[int(py) - 2 : int(py) + 3, int(px) - 10 : int(px) + 10].astype(int).sum(axis=2).mean() < paper.sum() - 200
    grey_p = photo[200:900, 200:1100].astype(np.float32).mean(axis=2)
    steps = np.abs(np.diff(grey_p, axis=1))
    cols = np.arange(steps.shape[1]) + 200
    assert steps[:, cols % 8 == 7].mean() > steps[:, cols % 8 == 3].mean() * 1.1


def test_family_x_pages_hold_and_repeat(tmp_path: Path):
    """Generated X pages (the whole path): PNGs (RGB or grey) with their dpi, each page's truth valid payroll-page/1
    that adds up, its boxes inside the image, its marks X's kinds; the same seed gives the same bytes, also under
    another hash seed."""
    a = _repeats_under_another_hash_seed(tmp_path, "X", 16007, pages=3)
    # X's pages as its maker left them (the truth's bytes: its boxes follow the scan's skew, the phone's perspective
    # and the dpi; the pixels are not pinned, OpenCV's version changes them): the held-out set must be what it was made
    pinned = (("page-0001.json", "c064867654f4007f"), ("page-0002.json", "ddf1da987569007c"),
              ("page-0003.json", "80454445ca9b2bcd"))  # fmt: skip
    for name, digest in pinned:
        assert hashlib.sha256((a / name).read_bytes()).hexdigest()[:16] == digest, name
    for png, page in _pages_add_up(a, (1980, 1994), mark_kinds=("stamp",), carried=True):
        im = Image.open(png)
        assert im.mode in ("RGB", "L") and 180 <= round(im.info["dpi"][0]) <= 300
        assert all(r.egn and egn.is_valid(r.egn) and r.name and r.days_worked is not None for r in page.rows)
        assert all(mk["row"] is None for mk in page.marks or [])
