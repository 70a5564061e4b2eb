"""Family AC of the sample generator (held out from its making in session 26 to its one measurement in session 27). These
tests exercise the generator only, on the development seeds 21001-21040 (the evaluation seed is never generated here):
its switches, held apart from the families before it, its truth over many drawn months (every row's piece earnings the
quantity times the month's rate, gross = base + bonus, the itemised deductions their sum, net = gross - deductions, every
column to its total, a valid ЕГН once per month, the days within the month, the seasonal people coming and going), what
a page shows (the typewriter's ink where the truth's cells say, a box per row, the stamp and signature marks, the
brigade leader's hand), the copies' capture (the map, the lid's border, the toner's tone curve, the stamp put on a copy),
and its pages the same from the same seed under another hash seed, their truth pinned."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
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

SEEDS = range(21001, 21041)  # AC's development seeds
PARTS = ("tax", "ac_food", "ac_bus", "advance")


def test_family_ac_draws_its_own_switches():
    """AC: every face, layout, money form, rule, name form, period and footer; printed forms, ditto marks, the brigade
    leader's hand, the lid open, a drum's streak, holes, staples on some files only; one to three copies, the stamp on
    the last copy or an earlier one; landscape drawn by its own renderer, no generic corrections, no stotinki; 1980-1996."""
    from samples import families, family_ac

    drawn = _drawn_habits("AC", SEEDS)
    acs = [h.ac for h in drawn if h.ac]
    assert len(acs) == len(drawn) and all(h.family == "AC" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in acs} == set(family_ac.AC_FACES["typewriter"]) and {a.layout for a in acs} == set(family_ac.AC_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in acs} == set(family_ac.AC_MONEY) and {a.zero for a in acs} == {"blank", "dash", "zeros"}
    assert {a.rules for a in acs} == {"full", "rows", "columns"} and {a.names for a in acs} == {"full", "surname", "initials"}
    assert {a.period for a in acs} == set(family_ac.AC_PERIODS) and {a.footer for a in acs} == set(family_ac.FOOTERS)
    assert {a.generations for a in acs} == {1, 2, 3} and {a.dpi for a in acs} == {200, 300}
    assert {a.form_face for a in acs} == set(family_ac.FORM_FACES) and {a.pen for a in acs} == {"ink", "ballpoint"}
    for flag in ("form", "ditto", "hand", "lid_open", "streak", "holes", "staple", "certified_last"):
        assert 0.15 < sum(getattr(a, flag) for a in acs) / len(acs) < 0.9, flag
    assert all(a.certified_last for a in acs if a.generations == 1)
    assert all(h.correction == "none" and not h.stotinki for h in drawn)
    assert families.YEARS["AC"] == (1980, 1996) and "AC" in families.FAMILIES


def test_family_ac_is_held_apart_from_the_earlier_families():
    """AC's typewriter faces are of a font package none of A-AB draws from (scalable-cyrfonts-tex's Courier), its form's
    face too (its Tarzana); its layouts are none of theirs; every column's headings have words of its own."""
    from samples import family_aa, family_ab, family_ac, family_t, family_v, family_w, family_x, family_z

    others = {*family_t.T_HANDS, *family_v.FORM_FACES, *family_w.FORM_FACES, family_w.HAND_FACE, *family_x.LETTERING,
              *(f for kind in family_z.Z_FACES.values() for f in kind),
              *(f for kind in family_aa.AA_FACES.values() for f in kind),
              *(f for kind in family_ab.AB_FACES.values() for f in kind)}  # fmt: skip
    _assert_held_apart("AC", own_extra=frozenset(family_ac.FORM_FACES), others_extra=frozenset(others), own_dirs=True)


def _months(seed: int, files: int = 6):
    return _family_months("AC", seed, files=files)


def test_family_ac_truth_holds_month_after_month():
    """Over many AC months: the truth adds up (a valid ЕГН once per month, the days within the month, gross = base +
    bonus, the itemised deductions their sum, net = gross - deductions never below nought, every money column of the
    layout totalled); every row's piece earnings are its quantity times the month's rate (one rate a month, rounded to
    the stotinka), its quantity a whole number of the unit's steps; the quantity's total is the rows'; the people are of
    the file's roster in its order, numbered from 1, not every one every month; the names as the file prints them
    (surname and initials on some files); most of them women; the work is one of the month's; 1980-1996."""
    from samples import family_ac

    seen = {"rows": 0, "women": 0, "months": 0, "short": 0, "initials": 0, "no_base": 0}
    for seed in (21001, 21002, 21003, 21004):
        for habits, ef, sheets in _months(seed):
            ac = habits.ac
            assert ac is not None and sheets
            roster = [p.egn for p in ef.staff]
            assert 14 <= len(roster) <= 44 and ef.departments[""] and ef.departments[""] not in ef.employer
            for sheet in sheets:
                seen["months"] += 1
                assert 1980 <= sheet.year <= 1996 and sheet.layout == ac.layout
                _assert_truth_holds(sheet, PARTS, every_total=True)
                unit, places = sheet.extra["ac_unit"], sheet.extra["ac_places"]
                works = family_ac.WORKS[sheet.month]
                assert any(str(sheet.extra["ac_work"]).startswith(w[0]) and unit == w[1] and places == w[2] for w in works)
                assert all("{u}" not in h for h in sheet.headings.values())
                rates = {r["ac_rate"] for r in sheet.rows}
                assert len(rates) == 1
                egns = [r["egn"] for r in sheet.rows]
                assert [e for e in roster if e in egns] == egns and [r["row"] for r in sheet.rows] == list(range(1, len(egns) + 1))
                seen["short"] += len(egns) < len(roster)
                for r in sheet.rows:
                    seen["rows"] += 1
                    seen["women"] += int(str(r["egn"])[8]) % 2
                    qty, rate = r["ac_qty"], r["ac_rate"]
                    assert qty > 0 and qty == qty.quantize(Decimal(1).scaleb(-places))
                    piece = (qty * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                    if "base_pay" in sheet.layout:
                        assert r["base_pay"] == piece
                    else:
                        seen["no_base"] += 1
                        assert r["gross_pay"] == piece + (r["extra_pay"] or 0)
                    assert r["position"] is None and 1 <= r["days_paid"] <= 26
                    if ac.names == "initials":
                        seen["initials"] += 1
                        surname, a, b = str(r["name"]).split()
                        assert len(a) == len(b) == 2 and a.endswith(".") and b.endswith(".") and len(surname) > 2
                assert sheet.extra["ac_qty_total"] == sum(r["ac_qty"] for r in sheet.rows)
    assert seen["rows"] > 600 and seen["short"] > seen["months"] / 2 and seen["initials"] > 50 and seen["no_base"] > 20, seen
    assert 0.6 < seen["women"] / seen["rows"] < 0.85, seen


def _ac_sheet(**switches):
    """A drawn AC month (development seed) with ``switches`` forced on its file: (habits, sheet)."""
    for seed in SEEDS:
        for habits, _ef, sheets in _months(seed, files=2):
            ac = replace(habits.ac, **switches)
            for sheet in sheets:
                if sheet.layout == ac.layout:
                    return ac, sheet
    raise AssertionError("no AC month")


def _render(ac, sheet, seed: int = 3):
    from samples import families, family_ac
    from samples.render import Style

    rng = random.Random(seed)
    st = Style(font=Path("x"), typewriter=True, size=40, ruled=True, landscape=True)
    family_ac.style(ac, rng, st)
    st.size = families.AC_SIZES["typewriter"][0]
    img, geo = family_ac.render(sheet, st, ac, rng)
    return img, geo, family_ac.page_of(img, geo, sheet, ac, rng)


def test_family_ac_page_prints_what_the_truth_says():
    """A drawn AC page: a box per row of the truth, one under the other within the table; every row's cells carry ink
    where the truth's cells say (the days and quantities by hand on a hand-filled file), the totals' cells too (the
    quantity's among them); the rate typed once and ditto marks under it where the file does so; the stamp and the
    signature are marks of no row, over the table's lower right or under it."""
    for hand, ditto, form in ((True, True, False), (False, False, True)):
        ac, sheet = _ac_sheet(hand=hand, ditto=ditto, form=form)
        img, geo, page = _render(ac, sheet)
        ink = np.asarray(img) < 160
        n = len(sheet.rows)
        assert len(geo.row_bboxes) == n
        tops = [b[1] for b in geo.row_bboxes]
        assert tops == sorted(tops) and geo.table_bbox[1] < tops[0] and geo.row_bboxes[-1][3] <= geo.table_bbox[3]
        for r, j, (x0, y0, x1, y1), text in geo.cells:
            if 1 <= r <= n + 1:
                assert ink[y0:y1, x0:x1].sum() > 8 * len(text.replace(" ", "")), (r, sheet.layout[j], text)
        totals = {sheet.layout[j] for r, j, _, _ in geo.cells if r == n + 1}
        assert totals == {c for c in sheet.layout if c in sheet.totals} | {"ac_qty"}
        rates = [t for r, j, _, t in geo.cells if 1 <= r <= n and sheet.layout[j] == "ac_rate"]
        assert (rates[1:] == ['"'] * (n - 1)) == ditto and rates[0][0].isdigit()
        kinds = sorted(m["kind"] for m in geo.marks)
        assert kinds == ["signature", "stamp"] and all(m["row"] is None for m in geo.marks)
        sx = [p[0] for m in geo.marks for p in m["polygon"]]
        assert max(sx) > (geo.table_bbox[0] + geo.table_bbox[2]) / 2
        assert page.stamp.max() > 0.8 and 1 <= page.stamp_on <= ac.generations


def test_family_ac_a3_sheet_is_reduced_onto_a4():
    """A month of many people is typed on an A3 sheet; its first copy reduces it onto A4 (about 0.7), later copies keep
    the size; the table stays on every copy."""
    from samples import degrade

    ac, sheet = _ac_sheet(generations=3, certified_last=False)
    sheet.rows = sheet.rows * 3  # many people (their cells only are drawn here)
    sheet.rows = [{**r, "row": k + 1} for k, r in enumerate(sheet.rows)][:30]
    img, geo, page = _render(ac, sheet)
    assert img.size == (4961, 3508) and page.sizes == ((3508, 2480),) * 3
    assert 0.68 < np.hypot(*page.maps[0][0, :2]) < 0.72 and all(np.hypot(*m[0, :2]) > 0.98 for m in page.maps[1:])
    m = degrade.identity()
    for mm in page.maps:
        m = degrade.compose(mm, m)
    x0, y0, x1, y1 = degrade.map_box(geo.table_bbox, m)
    assert 0 < x0 < x1 < 3508 and 0 < y0 < y1 < 2480


def test_family_ac_capture_follows_its_map():
    """The copies and the scan: a typed bar lands where the map puts it at the file's dpi, black; the paper is white
    (the tone curve), light grey strokes drop out; an open lid leaves a dark border round the sheet on the copy, a shut
    one a white border; the stamp put on the last copy is grey, not black."""
    from samples import degrade, family_ac

    H, W = 2480, 3508
    a = np.full((H, W), 250.0, np.float32)
    a[1200:1240, 900:1700] = 20.0  # a dark bar
    a[1600:1603, 900:1700] = 200.0  # a faint hairline
    base = replace(family_ac.draw(random.Random(21005)), toner=0.1, streak=False, holes=False, staple=False)
    for lid, dpi in ((True, 300), (False, 200)):
        ac = replace(base, lid_open=lid, dpi=dpi, generations=1, certified_last=True, contrast=0.8)
        rng = random.Random(1)
        m0 = family_ac._fit(W, H, W, H, 0.92, 0.8, [900, 1200, 1700, 1600], rng)  # a copy reduced: the border shows
        stamp = np.zeros((200, 500), np.float32)
        stamp[20:180, 20:480] = 1.0
        page = family_ac.ACPage(ac, 5, ((W, H),), (m0,), stamp, (2600, 1900), 1, (), None)
        out, m, got = family_ac.scan(a, page, np.random.default_rng(1))
        assert got == dpi and m.shape == (2, 3) and out.ndim == 2 and out.dtype == np.uint8
        (bx, by), (hx, hy), (px, py), (sx, sy), (ox, oy) = degrade.map_points(
            np.array([[1300.0, 1220.0], [1300.0, 1601.5], [1300.0, 800.0], [2850.0, 2000.0], [-70.0, 1240.0]]), m)
        assert out[int(by) - 2 : int(by) + 3, int(bx) - 30 : int(bx) + 30].mean() < 60
        assert out[int(py) - 10 : int(py) + 10, int(px) - 30 : int(px) + 30].mean() > 200
        assert out[int(hy) - 1 : int(hy) + 2, int(hx) - 30 : int(hx) + 30].mean() > 200  # the hairline dropped out
        assert 60 < out[int(sy) - 10 : int(sy) + 10, int(sx) - 10 : int(sx) + 10].mean() < 200
        border = out[int(oy) - 10 : int(oy) + 10, int(ox) - 10 : int(ox) + 10].mean()  # beside the sheet on the glass
        assert (border < 90) if lid else (border > 180), (lid, border)


def test_family_ac_pages_hold_and_repeat(tmp_path: Path):
    """Generated AC pages (the whole path, a development seed): grey PNGs at 200 or 300 dpi, each page's truth valid
    payroll-page/1 whose rows add up and whose totals are its rows', ЕГН valid, the stamp and signature marks of no row,
    boxes inside the image; the same bytes under another hash seed (page 1: pages 2 and 3 are the file's next months,
    drawn by the same code); the truth as its maker left it."""
    out = _repeats_under_another_hash_seed(tmp_path, "AC", 21007, pages=3, twin_pages=1)
    for png, page in _pages_add_up(out, mark_kinds=("stamp", "signature")):
        with Image.open(png) as im:
            assert im.mode == "L" and round(im.info["dpi"][0]) in (200, 300)
        assert all(r.egn and egn.is_valid(r.egn) and r.name for r in page.rows)
        assert sorted(m["kind"] for m in page.marks or []) == ["signature", "stamp"]
    # AC's pages as its maker left them (the truth's bytes; the pixels are not pinned, OpenCV's version changes them):
    # the held-out set must be what it was made
    pinned = (("page-0001.json", "40c85182bbddcc34"), ("page-0002.json", "2082ca175b3ad1ee"),
              ("page-0003.json", "eb7ea29b09f40752"))  # fmt: skip
    for name, digest in pinned:
        assert hashlib.sha256((out / name).read_bytes()).hexdigest()[:16] == digest, name
