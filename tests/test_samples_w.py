"""Family W of the sample generator (held out from its making in session 20 to its one measurement at the start of
session 21; a development family since). These tests exercise the generator only, on development
seeds 15001-15040 (the evaluation seed is never generated here): its switches, its truth over many drawn sheets (the
deductions' items adding up to the scored fields, every column to its total), what a page shows of them (the figures
as the truth says on the typewriter's layer, the printed form's headings on their side and its column numbers, the
corrections with the right figure legible, the fingers off every scored figure, the carbon copy's scan and its map),
and its pages the same from the same seed under any hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_sheets,
    _forced_sheet,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(15001, 15041)  # W's development seeds
PARTS = ("tax", "insurance", "union_fee", "advance", "court")
SCORED = ("egn", "name", "days_worked", *MONEY_FIELDS)


def test_family_w_draws_its_own_switches():
    """W: both typewriter faces at several pitches, the form's faces and inks, both carbons, the four kinds of
    employer, every money form (a dot, a comma, a dash, leva and stotinki apart; a space for the thousands or none),
    the groups and the column numbers on most files, its periods, foliations, the copy's and the scanner's switches
    each on some files only; colour and greyscale; every file landscape, no generic corrections; 1980-1996."""
    from samples import families, family_w

    drawn = _drawn_habits("W", SEEDS)
    ws = [h.w for h in drawn if h.w]
    assert len(ws) == len(drawn) and all(h.family == "W" and h.face == "typewriter" for h in drawn)
    assert {w.face for w in ws} == set(family_w.W_FACES["typewriter"])
    assert {w.form_face for w in ws} == set(family_w.FORM_FACES)
    assert min(w.pitch for w in ws) < 0.6 and max(w.pitch for w in ws) > 0.64
    assert {w.form_ink for w in ws} == set(family_w.FORM_INKS) and {w.carbon for w in ws} == set(family_w.CARBONS)
    assert {w.kind for w in ws} == {"coop", "institute", "kitchen", "depot"}
    assert {(w.thousands, w.decimal) for w in ws} == set(family_w.W_MONEY) and not any(h.stotinki for h in drawn)
    assert all(h.decimal == ("," if h.w and h.w.decimal == "," else ".") for h in drawn)
    for flag in ("groups", "numbers", "staple", "colour"):
        assert 0.3 < sum(getattr(w, flag) for w in ws) / len(ws) < 0.95, flag
    assert {w.period for w in ws} == {"word", "upper", "roman", "digits"}
    assert {w.folio for w in ws} == {"ring", "box", "pencil"} and {w.pen for w in ws} == {"blue", "red"}
    assert {w.dpi for w in ws} == {240, 300} and {w.cradle for w in ws} == set(family_w.CRADLES)
    assert 0.2 < sum(w.hand > 0 for w in ws) / len(ws) < 0.8
    assert all(w.fluid > 0 and w.fingers > 0 for w in ws)
    for n in ("smudges", "prints", "creases"):
        assert {getattr(w, n) for w in ws} >= {0, 1, 2, 3}, n
    assert min(w.blur for w in ws) < 1.3 and max(w.blur for w in ws) > 2.0
    assert all(h.correction == "none" and h.landscape == 1.0 and h.ruling == "full" for h in drawn)
    assert families.YEARS["W"] == (1980, 1996) and "W" in families.FAMILIES


def test_family_w_is_held_apart_from_the_earlier_families():
    """W draws faces none of A-V draws (from a font package of its own: no directory of theirs), layouts none of them
    draws, and every column heading has words of its own; so do its titles."""
    from samples import families, family_q, family_r, family_t, family_v, family_w

    _assert_held_apart("W", own_extra=frozenset(family_w.FORM_FACES) | {family_w.HAND_FACE},
                       others_extra=frozenset(family_t.T_HANDS) | frozenset(family_v.FORM_FACES), own_dirs=True)
    titles = set(families.N_TITLES) | set(families.O_TITLES) | set(families.P_TITLES) | set(family_q.Q_TITLES)
    titles |= set(family_r.R_TITLES) | set(family_v.V_TITLES)
    assert not set(family_w.W_TITLES) & titles



def test_family_w_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many W sheets: the truth adds up (``_holds``); the tax and one more deduction at least, the pension
    fund's contribution not before 1992, no more columns than the form holds; the employer and the trades of the
    file's kind (a woman's trade in her form), W's titles, periods and totals' words, its groups over the pay and the
    deductions where the file has them, its money's form; the style: the electric typewriter, the printed headings,
    the row's and the days' headings on their side, the column numbers where the file has them; the truth keeps no
    deduction's item of its own."""
    from samples import data, family_w
    from samples.content import money_text
    from samples.generate import truth_of
    from samples.render import Geometry

    seen = {c: 0 for c in PARTS} | {"split": 0, "dash": 0, "groups": 0, "1992+": 0, "space": 0}
    for seed in (15001, 15002, 15003):
        for habits, sheet, style in _family_sheets("W", 25, seed):
            w = habits.w
            assert w is not None
            _assert_truth_holds(sheet, PARTS, every_total=True)
            parts = [c for c in sheet.layout if c in PARTS]
            assert parts[0] == "tax" and len(parts) >= 2
            assert "insurance" not in parts or sheet.year >= 1992
            assert {"row", "egn", "name", "days_worked", *MONEY_FIELDS} <= set(sheet.layout)
            assert len(sheet.layout) <= family_w.MAX_COLUMNS
            for c in parts:
                seen[c] += 1
            kind = next(e for e in family_w.EMPLOYERS if e[0] == w.kind)
            assert sheet.employer in kind[1]
            for row in sheet.rows:
                female = int(str(row["egn"])[8]) % 2
                assert row["position"] is None or any(t[female] == row["position"] for t in kind[2])
            assert sheet.title in family_w.W_TITLES and sheet.total_label in family_w.W_TOTAL_WORDS
            assert str(sheet.year) in sheet.period_text
            month = data.MONTHS[sheet.month - 1]
            roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[sheet.month - 1]
            assert (month in sheet.period_text.lower() or f"{sheet.month:02d} " in sheet.period_text
                    or f"{sheet.month:02d}/" in sheet.period_text or f"{roman} " in sheet.period_text
                    or f"{roman}/" in sheet.period_text)  # fmt: skip
            if w.groups:
                seen["groups"] += 1
                assert [g[2] in (*family_w.GROUPS_PAY, *family_w.GROUPS_CUT) for g in sheet.groups] == [True, True]
                assert sheet.groups[0][:2] == ("base_pay", "gross_pay") and sheet.groups[1][:2] == (parts[0], "deductions")
            else:
                assert not sheet.groups
            assert sheet.split_cents == (w.decimal == "split")
            typed = money_text(max(r["gross_pay"] for r in sheet.rows), sheet)
            if w.decimal in ("-", "split"):
                assert typed[-3] == ("-" if w.decimal == "-" else ".")
                seen["dash" if w.decimal == "-" else "split"] += 1
            else:
                assert typed[-3] == w.decimal
            seen["space"] += " " in typed
            seen["1992+"] += sheet.year >= 1992
            assert isinstance(style.writer, family_w.Electric) and style.printed_heads and style.landscape
            assert style.form_font is not None and style.form_font.name in {Path(f).name for f in family_w.FORM_FACES}
            assert {"row", "days_worked"} <= set(style.vertical_cols) and style.column_numbers == w.numbers
            assert not style.corrections and style.ruling == "full" and style.footer_roles == w.footer
            raw = truth_of(sheet, Geometry(3508, 2480, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows]), "p.png")
            dumped = raw.model_dump()
            assert not any(k in PARTS for row in dumped["rows"] for k in row)
            assert set(raw.totals) <= set(MONEY_FIELDS)
    assert all(n >= 2 for n in seen.values()), seen


def _w_sheet(seed: int, **switches):
    """One W sheet of seven people or more (content and style) with ``switches`` forced on its file's habits."""
    return _forced_sheet("W", seed, switches, adapt_args=(None,))


def _ink_in(a: np.ndarray, box, inset: int = 6) -> int:
    x0, y0, x1, y1 = box
    return int((a[y0 + inset : y1 - inset, x0 + inset : x1 - inset] < 160).sum())


@pytest.mark.parametrize(("decimal", "groups"), [("split", True), ("-", False), (",", True)])
def test_family_w_page_prints_the_truth(decimal: str, groups: bool, monkeypatch: pytest.MonkeyPatch):
    """A drawn W sheet: every figure in every cell is the truth's in the file's form, the totals row each column's
    sum; the typing on the typewriter's layer only (the page keeps the form's print: no typed ink inside a body
    cell), the narrow columns' headings on their side (a heading cell taller than wide), the groups' cells over their
    columns, a line of column numbers under the heading (no person's row)."""
    from samples import render
    from samples.content import money_text
    from samples.generate import _render_fitting

    turned: list[tuple[float, float, str]] = []
    side_of = render.Painter.vertical_text

    def spy(self, x0, x1, y_bottom, lines, scale):
        turned.append((x0, x1, " ".join(lines)))
        assert self.style.writer is None and self.style.font == style.form_font  # printed by the form, not typed
        side_of(self, x0, x1, y_bottom, lines, scale)

    monkeypatch.setattr(render.Painter, "vertical_text", spy)
    w, sheet, style = _w_sheet(15011, decimal=decimal, numbers=True)
    first = next(c for c in sheet.layout if c in PARTS)
    sheet.groups = (("base_pay", "gross_pay", "НАЧИСЛЕНО"), (first, "deductions", "УДРЪЖКИ")) if groups else ()
    img, geo = _render_fitting(sheet, style, random.Random(3))
    assert img.size == (3508, 2480)
    layer = np.asarray(style.writer.layer_of(img))
    page = np.asarray(img)
    cols = list(sheet.layout)
    n = len(sheet.rows)
    assert len(geo.row_bboxes) == n and geo.table_bbox[2] <= img.size[0]
    cells = {(r, c): (b, tx) for r, c, b, tx in geo.cells}
    stamped = [np.asarray(mk["polygon"]) for mk in geo.marks if mk["kind"] == "stamp"]

    def clear(box) -> bool:  # no stamp of the employer's over the cell
        return all(p[:, 0].max() < box[0] or p[:, 0].min() > box[2] or p[:, 1].max() < box[1] or p[:, 1].min() > box[3]
                   for p in stamped)  # fmt: skip

    shown = 0
    for i, row in enumerate(sheet.rows, start=1):
        for j, c in enumerate(cols):
            if c in MONEY_FIELDS or c in PARTS:
                box, got = cells[(i, j)]
                assert got == money_text(row[c], sheet)
                assert _ink_in(layer, box) > 20
                if not sheet.split_cents and clear(box):
                    assert _ink_in(page, box) == 0  # the typing is the carbon's layer, not the page's
                shown += 1
            if c in ("egn", "name"):
                assert cells[(i, j)][1] == str(row[c])
    for j, c in enumerate(cols):
        if c in sheet.totals:
            assert cells[(n + 1, j)][1] == money_text(sheet.totals[c], sheet)
    assert shown >= 7 * n
    heads = {j: b for r, j, b, _ in geo.cells if r == 0}
    texts = {j: t for r, j, _, t in geo.cells if r == 0}
    side = [j for j, c in enumerate(cols) if c in style.vertical_cols]
    assert {"row", "days_worked"} <= {cols[j] for j in side} and "name" not in style.vertical_cols
    last = turned[-len(side) :]  # the final try's headings on their side: exactly the narrow columns'
    assert [(x0, x1, t) for x0, x1, t in last] == [(heads[j][0], heads[j][2], texts[j]) for j in side]
    if groups:  # the items' cells (on their side too) start under the group's label
        for c in ("base_pay", "extra_pay", "gross_pay", first, "deductions"):
            assert heads[cols.index(c)][1] > geo.table_bbox[1] + 20, c
        assert heads[cols.index("name")][1] == geo.table_bbox[1]
    else:
        assert heads[cols.index("base_pay")][1] == geo.table_bbox[1]
    # the column numbers: printed on the page (not the layer) between the heading and the first row
    bottom = max(b[3] for b in heads.values())
    band = page[bottom + 4 : geo.row_bboxes[0][1] - 4, geo.table_bbox[0] + 6 : geo.table_bbox[2] - 6]
    assert band.size and (band < 160).sum() > 50 * len(cols) * 0.3
    assert (layer[bottom + 4 : geo.row_bboxes[0][1] - 4] < 160).sum() == 0


def _page(seed: int, **switches):
    from samples import family_w
    from samples.generate import _render_fitting

    w, sheet, style = _w_sheet(seed, **switches)
    img, geo = _render_fitting(sheet, style, random.Random(seed))
    before = [dict(r) for r in sheet.rows]
    page = family_w.page_of(img, geo, sheet, style, w, random.Random(seed))
    return w, sheet, style, img, geo, page, before


def test_family_w_corrections_keep_the_right_figure_legible():
    """Corrections: under each fluid patch the right figure is retyped (the retyped layer's ink inside the patch); a
    hand correction types the slip lower in the cell, strikes it and writes the right figure above it in ink (the
    pen's layer inked in the cell's upper part, a mark ``correction`` of that row around it); the truth keeps the
    right figures."""
    found_fluid = found_hand = 0
    for seed in range(15020, 15026):
        w, sheet, style, img, geo, page, before = _page(seed, fluid=1.0, hand=1.0)
        assert [dict(r) for r in sheet.rows] == before
        assert page.fluids
        for x0, y0, x1, y1 in page.fluids:
            found_fluid += 1
            assert x1 - x0 > 40 and y1 - y0 > 20
            assert (page.over[y0 - 12 : y1 + 12, x0 - 12 : x1 + 12] < 160).sum() > 30
        marks = [mk for mk in geo.marks if mk["kind"] == "correction"]
        for mk in marks:
            found_hand += 1
            i = mk["row"]
            box = geo.row_bboxes[i]
            pts = np.asarray(mk["polygon"])
            ymid = (box[1] + box[3]) / 2
            assert pts[:, 1].mean() < ymid  # written above the struck figure
            x0, x1 = int(pts[:, 0].min()), int(pts[:, 0].max())
            upper = page.pen[box[1] : int(ymid), x0:x1]
            assert (upper < 160).sum() > 40
            lower = page.typed[int(ymid) : box[3], x0:x1]
            assert (lower < 160).sum() > 40  # the slip typed in the row's lower half
    assert found_fluid >= 6 and found_hand >= 4


def test_family_w_fingers_never_cover_a_scored_figure():
    """The fingers hold the sheet at its edges: each reaches in from beyond the page's left or right edge, over the
    margin and at most the row numbers' or signatures' cells; no finger's outline reaches a cell of a scored field
    (ЕГН, name, days, money) in any row or the totals. The employer's stamp lies under the table (where the page has
    room for it), off its figures."""
    found = stamps = 0
    for seed in range(15001, 15013):
        w, sheet, style, img, geo, page, _ = _page(seed, fingers=1.0)
        cols = sheet.layout
        scored = [b for r, c, b, t in geo.cells if r >= 1 and cols[c] in SCORED]
        x_lo, x_hi = min(b[0] for b in scored), max(b[2] for b in scored)
        fingers = [mk for mk in geo.marks if mk["kind"] == "finger"]
        assert len(fingers) == len(page.fingers) >= 1
        for mk in fingers:
            found += 1
            xs = np.asarray(mk["polygon"])[:, 0]
            assert xs.min() <= 1 or xs.max() >= img.size[0] - 1  # from an edge
            assert xs.max() < x_lo or xs.min() > x_hi, (seed, xs.min(), xs.max(), x_lo, x_hi)
        for mk in geo.marks:
            if mk["kind"] == "stamp":
                stamps += 1
                room = img.size[1] - geo.table_bbox[3] > 2 * 200 + 60
                assert not room or np.asarray(mk["polygon"])[:, 1].min() >= geo.table_bbox[3], seed
    assert found >= 12 and stamps >= 6


def _wpage(**kw):
    from samples import family_w

    w = replace(family_w.draw(random.Random(15005)), dpi=300, colour=True, carbon="indigo", form_ink="black",
                blur=1.2, strength=0.85, faint=0.0, through=0.0, cradle="black")  # fmt: skip
    H, W = 1400, 2000
    typed = np.full((H, W), 255, np.uint8)
    typed[600:640, 400:1400] = 30  # a typed bar
    blank = np.full((H, W), 255, np.uint8)
    base = dict(w=w, seed=7, typed=typed, over=blank, pen=blank, folio=blank, fluids=(), pen_boxes=(), stamp_boxes=(),
                smudges=(), prints=(), creases=(), staple=None, fingers=(), bend=(0.0, True), through=(0, 0),
                angle=0.0, margin=50)  # fmt: skip
    ww = kw.pop("w", {})
    base["w"] = replace(w, **ww)
    base.update(kw)
    return family_w.WPage(**base)


def test_family_w_scan_is_a_carbon_copy_on_the_cradle():
    """The scan: RGB (or grey), the sheet on the dark cradle with the margin; the typed bar in the carbon's colour
    (indigo: blue above red above green) where the map puts it, the printed form's rule in its ink; a fluid patch
    whiter than the paper round the retyped figure; a finger skin-coloured where the map puts it; the bend moves the
    map as the image (the bar's middle where the bend says), at the file's dpi."""
    from samples import degrade, family_w

    a = np.full((1400, 2000), 255.0, np.float32)
    a[1000:1003, 200:1800] = 30.0  # a printed rule
    page = _wpage()
    rgb, m, dpi, bend = family_w.scan(a, page, np.random.default_rng(1))
    assert dpi == 300 and rgb.dtype == np.uint8 and rgb.ndim == 3 and rgb.shape[:2] == (1500, 2100)
    assert rgb[:20, :].mean() < 40  # the black cradle around the sheet
    x, y = degrade.map_points(degrade.bend_points(np.array([[900.0, 620.0]]), bend), m)[0]
    bar = rgb[int(y) - 3 : int(y) + 4, int(x) - 20 : int(x) + 20].reshape(-1, 3).astype(int).mean(axis=0)
    paper = rgb[int(y) + 200, int(x)].astype(int)
    assert bar.sum() < paper.sum() - 200 and bar[2] > bar[0] + 10 > bar[1] + 10, bar
    rx, ry = degrade.map_points(np.array([[1000.0, 1001.0]]), m)[0]
    rule = rgb[int(ry) - 1 : int(ry) + 2, int(rx) - 20 : int(rx) + 20].reshape(-1, 3).astype(int).mean(axis=0)
    assert rule.sum() < paper.sum() - 200 and abs(rule[2] - rule[0]) < 25
    grey, _, _, _ = family_w.scan(a, _wpage(w={"colour": False}), np.random.default_rng(1))
    assert grey.ndim == 2 and grey.shape == rgb.shape[:2]
    # a fluid patch over the bar's middle, the figure retyped on it a little lower
    over = np.full((1400, 2000), 255, np.uint8)
    over[640:672, 850:950] = 30
    patched, m2, _, b2 = family_w.scan(a, _wpage(fluids=((800, 590, 1000, 690),), over=over), np.random.default_rng(1))
    px, py = degrade.map_points(np.array([[860.0, 612.0]]), m2)[0]
    assert patched[int(py), int(px)].astype(int).sum() > paper.sum() - 30  # the bar gone under the patch
    qx, qy = degrade.map_points(np.array([[900.0, 656.0]]), m2)[0]
    assert patched[int(qy), int(qx)].astype(int).sum() < paper.sum() - 200  # the retyped figure
    # a finger from beyond the left edge, its tip at x=300
    held, m3, _, _ = family_w.scan(a, _wpage(fingers=((300.0, 300.0, -100.0, 300.0, 180.0, 0),)), np.random.default_rng(1))
    fx, fy = degrade.map_points(np.array([[60.0, 300.0]]), m3)[0]
    skin = held[int(fy) - 5 : int(fy) + 5, int(fx) - 5 : int(fx) + 5].reshape(-1, 3).astype(int).mean(axis=0)
    assert skin[0] > skin[1] + 25 > skin[2] + 25, skin
    ox, oy = degrade.map_points(np.array([[420.0, 300.0]]), m3)[0]
    assert abs(held[int(oy), int(ox)].astype(int).sum() - paper.sum()) < 60  # past the tip: the paper
    # bent: the right edge raised by the amplitude, the left not; the map follows at 240 dpi
    bent, m4, dpi4, b4 = family_w.scan(a, _wpage(bend=(12.0, True), w={"dpi": 240}), np.random.default_rng(1))
    assert dpi4 == 240 and len(b4) == 2000 and abs(b4[0]) < 0.01 and abs(b4[-1] + 12.0) < 0.01
    for px_ in (500.0, 1300.0):
        bx, by = degrade.map_points(degrade.bend_points(np.array([[px_, 620.0]]), b4), m4)[0]
        assert bent[int(by) - 1 : int(by) + 2, int(bx)].astype(int).sum(axis=1).min() < paper.sum() - 150


def test_family_w_pages_hold_and_repeat(tmp_path: Path):
    """Generated W pages (the whole path): PNGs (RGB or grey) with their dpi, each page's truth valid payroll-page/1
    that adds up, its boxes inside the image, its marks W's kinds; the same seed gives the same bytes, also under
    another hash seed (page 1: page 2 is the file's next month, drawn by the same code)."""
    a = _repeats_under_another_hash_seed(tmp_path, "W", 15007, twin_pages=1)
    # W's pages as its maker left them (the truth's bytes: its boxes follow the scan's bend, skew, margin and dpi; the
    # pixels are not pinned, OpenCV's version changes them): the held-out set must be what it was made
    for name, pinned in (("page-0001.json", "9e745015ce661b64"), ("page-0002.json", "f118af3764d5ec2c")):
        assert hashlib.sha256((a / name).read_bytes()).hexdigest()[:16] == pinned, name
    for png, _ in _pages_add_up(a, mark_kinds=("stamp", "correction", "finger")):
        im = Image.open(png)
        assert im.mode in ("RGB", "L") and round(im.info["dpi"][0]) in (240, 300)


def test_family_w_pristine_page_has_its_layers(tmp_path: Path):
    """``--pristine``: the drawn page with the typewriter's layer on it (the figures there, grey, 300 dpi, no cradle)."""
    from samples.generate import Options, generate_pages

    generate_pages(tmp_path, 1, 15003, options=Options(family="W", degraded=False))
    page = PayrollPage.load(tmp_path / "page-0001.json")
    im = np.asarray(Image.open(tmp_path / "page-0001.png"))
    assert im.ndim == 2 and im.shape == (2480, 3508)
    for r in page.rows:
        x0, y0, x1, y1 = r.bbox
        assert (im[y0:y1, x0:x1] < 120).sum() > 500
