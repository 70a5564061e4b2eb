"""Family Y of the sample generator (held out from its making in session 22 to its one measurement by the lead in
session 23, a development family since). These tests exercise the generator only, on its
maker's development seeds 17001-17040 (the evaluation seed is never generated here): its switches, its truth over many
drawn months (a struck leaver out of the truth and off the roster, a late hire written in and on the roster after, the
totals of the rows that stand), what a page shows (the struck row typed and struck, the written row not typed, every
cell under a slip or a label marked covered and no other), the fold, the sleeve and the capture, and its pages the
same from the same seed under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

from archive_core import egn
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(17001, 17041)  # Y's development seeds
PARTS = ("tax", "union_fee", "advance", "court")


def test_family_y_draws_its_own_switches():
    """Y: both faces of its typewriter, the five kinds of organisation, every layout, every money form and nought,
    both inks, both strikes, pencil and pens; struck leavers, late hires, clips, slips, labels, photographs each on
    some files only; every file landscape, no generic corrections; 1980-1996."""
    from samples import families, family_y

    drawn = _drawn_habits("Y", SEEDS)
    ys = [h.y for h in drawn if h.y]
    assert len(ys) == len(drawn) and all(h.family == "Y" and h.face == "typewriter" for h in drawn)
    assert {y.face for y in ys} == set(family_y.Y_FACES["typewriter"])
    assert {y.kind for y in ys} == set(family_y.EMPLOYERS) and {y.layout for y in ys} == set(family_y.Y_LAYOUTS)
    assert {(y.thousands, y.decimal) for y in ys} == set(family_y.Y_MONEY) and {y.zero for y in ys} == {"", "-", "--"}
    assert {y.ribbon for y in ys} == set(family_y.RIBBONS) and {y.strike for y in ys} == {"diagonal", "line"}
    assert {y.rule_pen for y in ys} == {"pencil", "blue", "black"} and {y.band for y in ys} == {"top", "bottom", "none"}
    assert {y.period for y in ys} == set(family_y.PERIODS) and {y.ruling for y in ys} == {"full", "columns"}
    for share in ("struck", "late", "slip", "label", "photo"):
        assert 0.2 < sum(getattr(y, share) > 0 for y in ys) / len(ys) < 0.95, share
        assert sum(getattr(y, share) < 1 for y in ys) / len(ys) > 0.2, share
    for flag in ("row_dot", "spaced_title", "caps_heads", "colour"):
        assert 0.2 < sum(getattr(y, flag) for y in ys) / len(ys) < 0.9, flag
    assert all(h.correction == "none" and h.landscape == 1.0 and not h.stotinki for h in drawn)
    assert families.YEARS["Y"] == (1980, 1996) and "Y" in families.FAMILIES


def test_family_y_is_held_apart_from_the_earlier_families():
    """Y's typewriter is of a font package none of A-X draws from (no directory of theirs; its hand is family T's);
    its layouts are none of theirs; every column's headings have words of their own."""
    from samples import family_t, family_v, family_w, family_x

    others = {*family_t.T_HANDS, *family_v.FORM_FACES, *family_w.FORM_FACES, family_w.HAND_FACE, *family_x.LETTERING}
    _assert_held_apart("Y", others_extra=frozenset(others), own_dirs=True)


def test_family_y_truth_holds_month_after_month():
    """Over many Y months: the truth adds up (every money column totalled, the itemised deductions their sum); a
    struck leaver is no row of the truth (its row number skipped, its figures in no total) and on no later month's
    sheet; a late hire is the last row, numbered on, written by hand, and typed on the later months; a roster of 3-14
    people; the employer and positions of the file's kind."""
    from samples import family_y

    seen = {"struck": 0, "hand": 0, "typed after": 0}
    for seed in (17001, 17002, 17003):
        for habits, ef, sheets in _family_months("Y", seed):
            y = habits.y
            assert y is not None
            names, jobs = family_y.EMPLOYERS[y.kind], family_y.POSITIONS[y.kind]
            for k, sheet in enumerate(sheets):
                _assert_truth_holds(sheet, PARTS, every_total=True)
                lines = sheet.extra["y_lines"]
                assert [ln[1] for ln in lines if ln[0] != "struck"] == sheet.rows
                assert sheet.employer in names and sheet.layout in family_y.Y_LAYOUTS
                assert 3 <= len(ef.staff) <= 14 and len([ln for ln in lines if ln[0] != "hand"]) >= 2
                assert [ln[1]["row"] for ln in lines] == sorted(ln[1]["row"] for ln in lines)
                for ln in lines:
                    female = int(str(ln[1]["egn"])[8]) % 2
                    assert ln[1]["position"] is None or any(t[female] == ln[1]["position"] for t in jobs)
                for ln in lines:
                    if ln[0] == "struck":
                        seen["struck"] += 1
                        gone = ln[1]["egn"]
                        assert ln[2] in {w for pair in family_y.STRUCK_WORDS for w in pair}
                        assert all(r["egn"] != gone for later in sheets[k:] for r in later.rows)
                        assert ln[1]["row"] not in {r["row"] for r in sheet.rows}
                    if ln[0] == "hand":
                        seen["hand"] += 1
                        assert ln is lines[-1] and ln[1]["row"] == max(r["row"] for r in sheet.rows)
                        if k + 1 < len(sheets):
                            later = [r["egn"] for r in sheets[k + 1].rows]
                            seen["typed after"] += ln[1]["egn"] in later
    assert all(n >= 3 for n in seen.values()), seen


def _y_sheet(**switches):
    """A Y month with a struck row and a written row (development seeds), its file's switches forced, drawn; gives
    (habits, sheet, style, image, geometry, page)."""
    from samples import families, family_y
    from samples.generate import Options, _style
    from samples.render import available_fonts

    for seed in SEEDS:
        for habits, _, sheets in _family_months("Y", seed, files=3, months=4):
            for sheet in sheets:
                kinds = [ln[0] for ln in sheet.extra["y_lines"]]
                if "struck" in kinds and "hand" in kinds and "signature" in sheet.layout:
                    y = replace(habits.y, **switches)
                    rng = random.Random(5)
                    st = families.style_for(replace(habits, y=y), rng, _style(rng, sheet, Options(family="Y"), available_fonts()))
                    img, geo = family_y.render(sheet, st, y, rng)
                    page = family_y.page_of(img, geo, sheet, st, y, rng)
                    return y, sheet, st, img, geo, page
    raise AssertionError("no month with a struck and a written row")


def test_family_y_page_shows_struck_and_written_rows():
    """A drawn Y page: a box per row of the truth (none for the struck row), the struck row typed and a line of the
    pen across it with its word; the written row not typed but written in every cell; every typed row's figures
    typed where the truth's cells say; the totals written by the hand when a row is."""
    from samples.render import cell_text

    y, sheet, st, img, geo, page = _y_sheet(slip=0.0, label=0.0, clip=0.0)
    typed = np.asarray(img) < 140
    pen = page.pen > 0.3
    plan = sheet.extra["y_plan"]
    assert len(geo.row_bboxes) == len(sheet.rows) == sum(k != "struck" for k, *_ in plan.rows)
    xs = plan.xs
    for kind, y0, y1, _, word in plan.rows:
        band = (slice(y0 + 4, y1 - 4), slice(xs[0] + 4, xs[-2] - 4))
        if kind == "struck":
            assert typed[band].sum() > 500 and pen[band].sum() > 300 and word
        if kind == "hand":
            assert typed[band].sum() < 20 and pen[band].sum() > 1500
    cells = {(r, c): (box, t) for r, c, box, t in geo.cells if r >= 1}
    for i, row in enumerate(sheet.rows, start=1):
        for j, c in enumerate(sheet.layout):
            text = cell_text(sheet, row, c)
            if not text or c == "signature":
                continue
            (x0, y0, x1, y1), t = cells[(i, j)]
            assert t == text
            ink = (pen if i == len(sheet.rows) else typed)[y0 + 3 : y1 - 3, x0 + 3 : x1 - 3].sum()
            assert ink > 8 * len(text.replace(" ", "")), (c, text)
    y0, y1 = plan.total
    money_j = sheet.layout.index("net_pay")
    assert pen[y0:y1, xs[money_j] : xs[money_j + 1]].sum() > 100 and not typed[y0:y1, xs[money_j] : xs[money_j + 1]].any()


def test_family_y_covered_cells_are_marked():
    """A slip and a label over the table: every row cell whose ink lies under them (a twentieth or more) is in the
    row's mark ``covered``, every cell marked lies under them, and the truth keeps their values."""
    for seed_switch in ({"slip": 1.0, "label": 1.0, "clip": 1.0}, {"slip": 1.0, "label": 0.0, "clip": 0.0}):
        _, sheet, _, img, geo, page = _y_sheet(**seed_switch)
        ink = (np.asarray(img) < 150) | (page.pen > 0.35)
        hidden = page.cover_a > 0.5
        n = len(sheet.rows)
        marks = {m["row"]: set(m["fields"]) for m in geo.marks if m["kind"] == "covered"}
        assert marks, "nothing covered"
        for r, j, (x0, y0, x1, y1), _ in geo.cells:
            if r == 0 or (r > n and sheet.layout[j] not in sheet.totals):
                continue
            cell = ink[y0:y1, x0:x1]
            under = (cell & hidden[y0:y1, x0:x1]).sum()
            row = r - 1 if r <= n else None
            if cell.sum() and under >= max(1, cell.sum() // 20):
                assert sheet.layout[j] in marks.get(row, set()), (r, sheet.layout[j])
        for row, fields in marks.items():  # the truth keeps what is hidden
            assert all(sheet.rows[row][f] is not None for f in fields) if row is not None else fields <= set(sheet.totals)


def test_family_y_capture_follows_its_map():
    """The sheet in its sleeve, captured: a typed bar where the map puts it; a flatbed scan 200 dpi (grey when the file
    scans grey), a photograph's map 3x3 and the desk round the sleeve; the fold's crease shading the paper across
    the sheet's middle."""
    from samples import degrade, family_y

    a = np.full((family_y.A3[1], family_y.A3[0]), 255.0, np.float32)
    a[700:740, 500:1300] = 20.0
    zero = np.zeros(a.shape, np.float32)
    y = replace(family_y.draw(random.Random(17005)), colour=True, ribbon="black", band="none", wear=0.2)
    page = family_y.YPage(y, 3, False, zero, zero, np.zeros((*a.shape, 3), np.float32), zero, [[500, 700, 1300, 740]])
    rgb, m, dpi = family_y.scan(a, page, np.random.default_rng(1))
    assert dpi == 200 and rgb.ndim == 3 and m.shape == (2, 3)
    x, yy = degrade.map_points(np.array([[900.0, 720.0]]), m)[0]
    bar = rgb[int(yy) - 4 : int(yy) + 5, int(x) - 30 : int(x) + 30].astype(int).sum(axis=2).mean()
    paper = np.median(rgb[int(yy) + 150 : int(yy) + 250, int(x) - 100 : int(x) + 100].astype(int).sum(axis=2))
    assert bar < paper - 250
    grey, mg, _ = family_y.scan(a, replace(page, y=replace(y, colour=False)), np.random.default_rng(1))
    assert grey.ndim == 2
    photo, mp, dp = family_y.scan(a, replace(page, photo=True), np.random.default_rng(1))
    assert mp.shape == (3, 3) and dp < 200 and photo.ndim == 3
    px, py = degrade.map_points(np.array([[900.0, 720.0]]), mp)[0]
    assert photo[int(py) - 3 : int(py) + 4, int(px) - 20 : int(px) + 20].astype(int).sum(axis=2).mean() < paper - 200
    # the vertical crease: a ridge of light and shade near the sheet's middle, not far from it
    light, rub = family_y._fold(400, 2000, random.Random(2))
    across = light[200]
    assert across[900:1100].max() - across[900:1100].min() > 0.08 and abs(across[100:300] - 1).max() < 0.02
    assert rub.min() < 0.5 and rub[5, 5] > 0.99


def test_family_y_pages_hold_and_repeat(tmp_path: Path):
    """Generated Y pages (the whole path, a development seed): PNGs with their dpi, each page's truth valid
    payroll-page/1 that adds up, ЕГН valid, boxes inside the image, marks of Y's kinds (``covered`` with the fields
    hidden); the same bytes under another hash seed (page 1: page 2 is the file's next month, drawn by the same code); the
    truth as its maker left it."""
    from archive_core.records import MONEY_FIELDS

    out = _repeats_under_another_hash_seed(tmp_path, "Y", 17007, pages=2, twin_pages=1)
    for png, page in _pages_add_up(out, mark_kinds=("covered", "struck")):
        with Image.open(png) as im:
            assert im.mode in ("RGB", "L") and 170 <= round(im.info["dpi"][0]) <= 200
        assert len(page.rows) >= 2 and all(r.egn and egn.is_valid(r.egn) and r.name for r in page.rows)
        for mk in page.marks or []:
            assert mk["kind"] == "struck" or set(mk["fields"]) <= {"row", "egn", "name", "position", "days_worked",
                                                                   "signature", *MONEY_FIELDS, *PARTS}  # fmt: skip
    # Y's pages as its maker left them (the truth's bytes: its boxes follow the capture's skew or perspective; the
    # pixels are not pinned, OpenCV's version changes them): the held-out set must be what it was made
    pinned = (("page-0001.json", "a874c845c1bc994b"), ("page-0002.json", "485218e82607e7eb"))
    for name, digest in pinned:
        assert hashlib.sha256((out / name).read_bytes()).hexdigest()[:16] == digest, name
