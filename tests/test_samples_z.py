"""Family Z of the sample generator (held out from its making in session 23 to its one measurement at the start of
session 24; a development family since). These tests exercise the generator only, on the development seeds
18001-18040 (the evaluation seed is never generated here): its switches, its truth over many drawn months (the itemised deductions adding up,
every column to its total, a wrong line and its storno in no row of the truth, the running control total), what a page
shows (the plates' and the numeric unit's print where the truth's cells say, the storno line in the ribbon's red half,
the form's ink), the production scanner's capture (bitonal or grey, the streaks, the holes, the map), and its pages
the same from the same seed under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
from PIL import Image

from archive_core import egn
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_months,
    _forced_sheet,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(18001, 18041)  # Z's development seeds
PARTS = ("tax", "union_fee", "advance", "court")


def test_family_z_draws_its_own_switches():
    """Z: every face of its three kinds (plates, numeric unit, form), every layout, money form, form ink, symbol and
    dpi; bitonal and grey scans, storno lines, barcode stickers on some files only; landscape, no generic corrections,
    no stotinki; 1980-1990 files (their months into 1991 at most)."""
    from samples import families, family_z

    drawn = _drawn_habits("Z", SEEDS)
    zs = [h.z for h in drawn if h.z]
    assert len(zs) == len(drawn) and all(h.family == "Z" and h.face == "numeric" for h in drawn)
    assert {z.plate_face for z in zs} == set(family_z.Z_FACES["plate"])
    assert {z.numeric_face for z in zs} == set(family_z.Z_FACES["numeric"])
    assert {z.form_face for z in zs} == set(family_z.Z_FACES["form"]) and {z.layout for z in zs} == set(family_z.Z_LAYOUTS)
    assert {(z.thousands, z.decimal) for z in zs} == set(family_z.Z_MONEY) and {z.zero for z in zs} == {"0", ""}
    assert {z.form_ink for z in zs} == set(family_z.FORM_INKS) and {z.minus for z in zs} == {"-", "CR", ""}
    assert {z.total_sym for z in zs} == {"*", "**"} and {z.dpi for z in zs} == {200, 240, 300}
    assert {z.period for z in zs} == set(family_z.PERIODS) and {z.holes for z in zs} == {2, 4}
    assert {z.total_word for z in zs} == set(family_z.Z_TOTAL_WORDS) and {z.ruling for z in zs} == {"full", "columns"}
    for share in ("storno", "barcode"):
        assert 0.2 < sum(getattr(z, share) > 0 for z in zs) / len(zs) < 0.95, share
    for flag in ("bitonal", "red_minus", "surname_first"):
        assert 0.2 < sum(getattr(z, flag) for z in zs) / len(zs) < 0.95, flag
    assert all(h.correction == "none" and h.landscape == 1.0 and not h.stotinki for h in drawn)
    assert families.YEARS["Z"] == (1980, 1990) and "Z" in families.FAMILIES


def test_family_z_is_held_apart_from_the_earlier_families():
    """Z's faces are of font packages none of A-Y draws from: the plates' and the numeric unit's directories nobody
    else's; the form's t1-cyrillic faces share X11's Type1 directory with V's t1-teams but no file of it. Its layouts
    are none of theirs; every column's headings have words of their own."""
    from samples import family_t, family_v, family_w, family_x, family_z

    others = {*family_t.T_HANDS, *family_v.FORM_FACES, *family_w.FORM_FACES, family_w.HAND_FACE, *family_x.LETTERING}
    _assert_held_apart("Z", others_extra=frozenset(others))
    dirs = {str(Path(f).parent) for f in (*family_z.Z_FACES["plate"], *family_z.Z_FACES["numeric"])}
    assert dirs == {"../X11/misc", "../opentype/ocr-b"}
    assert all(Path(f).name.startswith("n019") for f in family_z.Z_FACES["form"])  # t1-cyrillic's Val-Free Helvetian


def test_family_z_truth_holds_month_after_month():
    """Over many Z months: the truth adds up (every money column totalled, the itemised deductions their sum); a wrong
    line and its storno stand before the row they were printed for, carry no row number, are no row of the truth and
    leave the running control total where it was; the control total after the last line is the net pay's total; the
    names are the plates' (capitals, the surname first where the file says, the same every month); 12-28 people."""
    from samples import family_z

    seen = {"storno": 0, "rows": 0}
    for seed in (18001, 18002, 18003):
        for habits, ef, sheets in _family_months("Z", seed):
            z = habits.z
            assert z is not None and 12 <= len(ef.staff) <= 28
            plates = {p.egn: p.name for p in ef.staff}
            for sheet in sheets:
                _assert_truth_holds(sheet, PARTS, every_total=True)
                assert 1980 <= sheet.year <= 1991 and sheet.layout in family_z.Z_LAYOUTS
                lines, control = sheet.extra["z_lines"], sheet.extra["z_control"]
                assert [r for k, r in lines if k == "row"] == sheet.rows and len(control) == len(lines)
                running = Decimal(0)
                for n, ((kind, r), c) in enumerate(zip(lines, control, strict=True)):
                    running += -r["net_pay"] if kind == "storno" else r["net_pay"]
                    assert c == running
                    if kind == "wrong":
                        seen["storno"] += 1
                        assert lines[n + 1] == ("storno", r) and lines[n + 2][0] == "row" and r["row"] is None
                        assert lines[n + 2][1]["egn"] == r["egn"] and control[n + 1] == (control[n - 1] if n else 0)
                for r in sheet.rows:
                    seen["rows"] += 1
                    name = r["name"]
                    assert name == name.upper() and plates[r["egn"]] == name
                assert control[-1] == sheet.totals["net_pay"]
    assert seen["storno"] >= 3 and seen["rows"] > 500, seen


def _z_sheet(**switches):
    """A drawn Z sheet (development seed) with a storno, its file's switches forced: (habits, sheet, image, geometry,
    page)."""
    from samples import family_z

    def storno(sheet) -> bool:
        return any(k == "storno" for k, _ in sheet.extra["z_lines"])

    for seed in SEEDS:
        try:
            z, sheet, st = _forced_sheet("Z", seed, {"storno": 1.0, **switches}, rows=6, fits=None, adapt_args=(None,))
        except AssertionError:
            continue
        if not storno(sheet):
            continue
        rng = random.Random(3)
        img, geo = family_z.render(sheet, st, z, rng)
        page = family_z.page_of(img, geo, sheet, z, rng)
        return z, sheet, img, geo, page
    raise AssertionError("no Z sheet with a storno")


def test_family_z_page_prints_what_the_truth_says():
    """A drawn Z page: a box per row of the truth, a mark ``struck`` over the wrong line and one over its storno (no
    row's box); every row's printed cells carry ink where the truth's cells say, in the red half for the deductions
    on a file that prints them red (and in black on one that does not); the storno line all red; the form's headings
    in the form's ink, not the ribbon's."""
    for red_minus in (True, False):
        z, sheet, img, geo, page = _z_sheet(red_minus=red_minus)
        black = np.asarray(img) < 140
        red = page.red > 0.45
        plan = sheet.extra["z_plan"]
        assert len(geo.row_bboxes) == len(sheet.rows)
        struck = [m for m in geo.marks if m["kind"] == "struck"]
        assert len(struck) == 2 * sum(k == "storno" for k, _, _ in plan.lines) and all(m["row"] is None for m in struck)
        xs = plan.xs
        for kind, y0, y1 in plan.lines:
            band = (slice(y0, y1), slice(xs[1], xs[-1]))
            if kind == "storno":
                assert red[band].sum() > 400 and black[band].sum() < red[band].sum() / 5
        cells = {(r, sheet.layout[j]): (box, t) for r, j, box, t in geo.cells if 1 <= r <= len(sheet.rows)}
        for (r, c), ((x0, y0, x1, y1), t) in cells.items():
            ink_red = red[y0:y1, x0:x1].sum()
            ink_black = black[y0:y1, x0:x1].sum()
            deduction = c in PARTS or c == "deductions"
            if z.red_minus and deduction:
                assert ink_red > 6 * len(t.strip()), (r, c, t)
            else:
                assert ink_black > 6 * len(t.strip()) and ink_red < ink_black, (r, c, t)
        head = [box for r, _, box, _ in geo.cells if r == 0]
        x0, y0, x1, y1 = head[0][0], head[0][1], head[-1][2], head[-1][3]
        assert (page.form[y0 + 4 : y1 - 4, x0 + 4 : x1 - 4] > 0.5).sum() > 500
        assert not black[y0 + 4 : y1 - 4, x0 + 4 : x1 - 4].any()


def test_family_z_capture_follows_its_map():
    """The production scanner: a printed bar lands where the map puts it, at the file's dpi, stretched along the feed
    no more than a few per cent; a bitonal scan is 0 and 255 only, a grey one more; a dust streak runs down the whole
    page in one column; the punched holes show the scanner's backing."""
    from samples import degrade, family_z

    H, W = 2400, 3000
    a = np.full((H, W), 255.0, np.float32)
    a[1200:1240, 900:1700] = 0.0
    zero = np.zeros(a.shape, np.float32)
    base = replace(family_z.draw(random.Random(18004)), streaks=1, holes=2, backing=20)
    for bitonal, dpi in ((True, 300), (False, 200), (False, 240)):
        z = replace(base, bitonal=bitonal, dpi=dpi)
        out, m, got_dpi = family_z.scan(a, family_z.ZPage(z, 5, zero, zero, zero, False), np.random.default_rng(1))
        assert got_dpi == dpi and m.shape == (2, 3) and out.ndim == 2
        assert (set(np.unique(out).tolist()) == {0, 255}) == bitonal
        x, y = degrade.map_points(np.array([[1300.0, 1220.0]]), m)[0]
        assert out[int(y) - 3 : int(y) + 4, int(x) - 30 : int(x) + 30].mean() < 80
        assert out.shape[1] == int(W * dpi / 200) and 1.0 <= out.shape[0] / (H * dpi / 200) <= 1.03
        hx, hy = degrade.map_points(np.array([[102.0, H / 2 - 160]]), m)[0]
        assert out[int(hy) - 4 : int(hy) + 5, int(hx) - 4 : int(hx) + 5].mean() < 60
    dark = 0  # the streaks: on most pages a column dark from the top to the foot (some streaks are light)
    for seed in range(6):
        out, _, _ = family_z.scan(a, family_z.ZPage(base, seed, zero, zero, zero, False), np.random.default_rng(seed))
        dark += bool(((out < 128).mean(axis=0)[60:-60] > 0.95).any())
    assert dark >= 3


def test_family_z_pages_hold_and_repeat(tmp_path: Path):
    """Generated Z pages (the whole path, a development seed): 1-bit or grey PNGs at 200-300 dpi, each page's truth
    valid payroll-page/1 that adds up, ЕГН valid, names in capitals, boxes inside the image, marks ``struck`` of no
    row; the same bytes under another hash seed (page 1: page 2 is the file's next month, drawn by the same code); the
    truth as its maker left it."""
    out = _repeats_under_another_hash_seed(tmp_path, "Z", 18007, pages=2, twin_pages=1)
    for png, page in _pages_add_up(out, years=(1980, 1991), mark_kinds=("struck",)):
        with Image.open(png) as im:
            assert im.mode in ("1", "L") and round(im.info["dpi"][0]) in (200, 240, 300)
        assert len(page.rows) >= 10 and all(r.egn and egn.is_valid(r.egn) and r.name == r.name.upper() for r in page.rows)
        assert page.employer.name and page.employer.name == page.employer.name.upper()
    # Z's pages as its maker left them (the truth's bytes: its boxes follow the scanner's skew and stretch; the pixels
    # are not pinned, OpenCV's version changes them): the held-out set must be what it was made
    pinned = (("page-0001.json", "2a82dfc51f1db546"), ("page-0002.json", "2353bf608d4b1ff4"))
    for name, digest in pinned:
        assert hashlib.sha256((out / name).read_bytes()).hexdigest()[:16] == digest, name
