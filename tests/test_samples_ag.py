"""Family AG of the sample generator (held out from its making in session 30 to its one measurement by the lead in
session 31). These tests exercise the generator only, on its maker's development seeds 25001-25040 (the evaluation
seed is never generated here): its switches and face held apart from A-AF, its truth over many drawn months (the base
for the days worked, gross = base + additional, the itemised deductions to their total, net = gross - deductions, the
cashier's breakdown of every net pay into the year's banknotes and the coins under the smallest, every money column
and every count to its total), what a page prints (the counts and coins typed, "ДЕПОНИРАНО" stamped over the signature
cell of its rows, nothing but payroll-page/1 fields in the truth), the fire (the burned edges kept clear of every typed
string, the felt through them, the charred band and the scorch) and the copy stand (the frame at the file's dpi, the
ruler and the colour chart beside the sheet), and its pages the same under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import cv2
import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, ROW_FIELDS, PayrollPage
from tests.test_samples import (
    _assert_held_apart,
    _drawn_habits,
    _egn_truth_as_printed,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(25001, 25041)  # AG's development seeds


def test_family_ag_draws_its_own_switches():
    """AG: every layout, pitch, row pitch, rule kind, rule character, money format, nought, count's nought, pen,
    felt, chart's place and dpi; group headings, portrait sheets, a unit's line, stamps, deposited rows and soot on
    some files only; one to three burned edges; a face of a font package none of A-AF uses, layouts and heading words
    of its own, the breakdown's columns on every layout; 1980-1996."""
    from samples import families, family_ag

    drawn = _drawn_habits("AG", SEEDS)
    ags = [h.ag for h in drawn if h.ag]
    assert len(ags) == len(drawn) and all(h.family == "AG" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in ags} == set(family_ag.AG_FACES["typewriter"])
    assert {a.layout for a in ags} == set(family_ag.AG_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in ags} == set(family_ag.AG_MONEY) and {a.zero for a in ags} == {"-", "", "0,00"}
    assert {a.count_zero for a in ags} == {"", "-", "0"}
    assert {a.pitch for a in ags} == {10, 12} and {a.row_pitch for a in ags} == {1.0, 1.5, 2.0}
    assert {a.rules for a in ags} == {"typed", "pen"} and {a.across for a in ags} == {"-", "="}
    assert {a.vchar for a in ags} == {"!", ":"} and {a.pen for a in ags} == {"blue", "black"}
    assert {a.felt for a in ags} == {"black", "grey"} and {a.chart for a in ags} == {"right", "left", "bottom"}
    assert {a.dpi for a in ags} == {200, 240, 300} and {len(a.burned) for a in ags} == {1, 2, 3}
    assert {e for a in ags for e in a.burned} == set(family_ag.EDGES)
    for flag in ("groups", "portrait", "unit", "stamp"):
        assert 0.15 < sum(getattr(a, flag) for a in ags) / len(ags) < 0.85, flag
    for share in ("deposit", "soot"):
        values = [getattr(a, share) for a in ags]
        assert 0.1 < sum(v == 0 for v in values) / len(values) < 0.7, share
    assert all(a.ruling == "none" and 0.35 <= a.depth <= 0.95 and 80 <= a.scorch <= 260 for a in ags)
    assert families.YEARS["AG"] == (1980, 1996) and "AG" in families.FAMILIES
    _assert_held_apart("AG", own_dirs=True)
    assert {c for lay in family_ag.AG_LAYOUTS for c in lay} - {"bills"} <= set(family_ag.HEADINGS_AG)
    assert all("bills" in lay and "net_pay" in lay for lay in family_ag.AG_LAYOUTS)
    for c in family_ag.HEADINGS_AG:  # every column of a layout has its words
        assert c in family_ag.CASH or any(c in lay for lay in family_ag.AG_LAYOUTS)


def test_family_ag_breakdown_and_denominations():
    """The cashier's breakdown: greedy from the largest note, the coins what stays under the smallest; the notes of
    each year (1 to 20 leva to 1990, larger ones as the lev lost its worth)."""
    from samples import family_ag

    assert family_ag.breakdown(Decimal("207.63"), (20, 10, 5, 2, 1)) == ([10, 0, 1, 1, 0], Decimal("0.63"))
    assert family_ag.breakdown(Decimal("0.40"), (20, 10, 5, 2, 1)) == ([0, 0, 0, 0, 0], Decimal("0.40"))
    assert family_ag.breakdown(Decimal("9576.52"), (1000, 500, 200, 100, 50)) == ([9, 1, 0, 0, 1], Decimal("26.52"))
    assert family_ag.denominations(1980) == family_ag.denominations(1990) == (20, 10, 5, 2, 1)
    assert family_ag.denominations(1991)[0] == 100 and family_ag.denominations(1996)[0] == 1000
    assert all(len(family_ag.denominations(y)) == family_ag.MAX_BILLS for y in range(1980, 1997))
    assert family_ag.expand(("row", "net_pay", "bills"), 5) == ("row", "net_pay", *family_ag.BILLS, "coins")


def _months(seeds=range(25001, 25011)):
    for seed in seeds:
        yield from _family_months("AG", seed, files=4, months=5)


def _q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_family_ag_truth_adds_up_over_many_months():
    """Every drawn AG month: rows numbered 1.. in the order printed, a valid ЕГН once per sheet; the base the salary x
    the days worked over the month's working days, base + additional = gross, the itemised deductions to
    ``deductions``, net = gross - deductions >= 0; the breakdown of the net pay into the file's notes (those of its
    first year) greedy from the largest, the coins under the smallest, sum(count x note) + coins = net; every money
    column and the coins to their totals, every count to its; enterprises of AG's kinds (renamed from 1989 and 1992);
    years across 1980-1996."""
    from samples import content, family_ag
    from samples.content import working_days

    names = {n for n, _ in family_ag.EMPLOYERS}
    names |= {family_ag.renamed(n, y) for n in names for y in (1989, 1992)}
    years, deposited, notes = [], 0, set()
    for habits, ef, sheets in _months():
        ag = habits.ag
        assert ef.employer in names and ag.denominations == family_ag.denominations(ef.start[0])
        years.append(sheets[0].year)
        staff = {p.egn: p for p in ef.staff}
        dens = ag.denominations
        notes |= set(dens)
        for sheet in sheets:
            cols = set(sheet.layout)
            assert sheet.layout == family_ag.expand(ag.layout, len(dens))
            parts = [c for c in family_ag.PARTS if c in cols]
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_ag.PARTS, "coins"}
            assert len({str(r["egn"]) for r in sheet.rows}) == len(sheet.rows)
            wd = working_days(sheet.year, sheet.month)
            scale = content.pay_scale(ef.start[0], sheet.year)
            for r in sheet.rows:
                e = str(r["egn"])
                born = egn.birth_date(e)
                assert egn.is_valid(e) and born is not None and born.year <= sheet.year - 15
                days = r["days_paid"]
                assert r["days_worked"] == (days if "days_worked" in cols else None) and 0 <= days <= wd
                base = _q(staff[e].salary * scale * Decimal(days) / Decimal(wd))
                extra = _q(base * Decimal(ag.bonus[e]) / 100)
                money = {"base_pay": base, "extra_pay": extra, "gross_pay": base + extra}
                for f, v in money.items():
                    assert r[f] == (v if f in cols else None)
                net = base + extra - r["deductions"]
                assert r["net_pay"] == net >= 0 and r["deductions"] >= 0
                if parts:
                    assert sum((r[c] for c in parts), Decimal(0)) == r["deductions"]
                counts = [r[b] for b in family_ag.BILLS[: len(dens)]]
                assert sum(n * d for n, d in zip(counts, dens, strict=True)) + r["coins"] == net
                assert 0 <= r["coins"] < dens[-1] and all(n >= 0 for n in counts)
                rest = net
                for n, d in zip(counts, dens, strict=True):  # greedy: no note of a kind left over
                    rest -= n * d
                    assert 0 <= rest < d
                deposited += bool(r["ag_deposited"])
                assert not r["ag_deposited"] or "signature" in cols
            for f, total in sheet.totals.items():
                assert sum((r[f] for r in sheet.rows), Decimal(0)) == total
            assert sheet.extra["ag_counts"] == [sum(r[b] for r in sheet.rows) for b in family_ag.BILLS[: len(dens)]]
    assert deposited >= 10 and {20, 1}.issubset(notes) and max(notes) >= 200
    assert min(years) < 1986 and max(years) > 1991


def _sheet(seeds=range(25001, 25041), want=lambda ag, sheet: True):
    """The first drawn AG month (with its habits) that ``want``."""
    for habits, _, sheets in _months(seeds):
        for sheet in sheets:
            if want(habits.ag, sheet):
                return habits.ag, sheet
    raise AssertionError("no such AG month")


def _drawn(ag, sheet, seed: int = 5):
    from samples import family_ag
    from samples.render import Style

    st = Style(font=family_ag.FONT_DIR / ag.face, typewriter=True, size=40, ruled=False, landscape=True)
    family_ag.style(ag, random.Random(seed), st)
    return family_ag.render(sheet, st, ag, random.Random(seed))


def test_family_ag_prints_the_breakdown_and_stamps_deposited_rows():
    """A drawn AG sheet with a signature column and rows deposited: the typed cells hold the truth's ЕГН or name and
    net pay as the file types them, each row's counts of notes and its coins, the totals row each count's sum; each
    deposited row a stamp mark over its signature cell (the row's box), no signature there; the truth built from it
    has the payroll-page/1 fields alone."""
    from samples import family_ag
    from samples.generate import truth_of

    ag, sheet = _sheet(want=lambda ag, s: "signature" in s.layout and len(s.rows) >= 6)
    for r in sheet.rows[:3]:
        r["ag_deposited"] = True
    for r in sheet.rows[3:]:
        r["ag_deposited"] = False
    forced = replace(ag, count_zero="-")
    img, geo = _drawn(forced, sheet)
    W, H = img.size
    assert len(geo.row_bboxes) == len(sheet.rows)
    assert all(0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H for b in geo.row_bboxes)
    cells = {(r, t) for r, _, _, t in geo.cells}
    by_col = {(r, sheet.layout[j]): t for r, j, _, t in geo.cells}
    n_dens = len(ag.denominations)
    for i, r in enumerate(sheet.rows):
        assert (i + 1, str(r["name"])) in cells
        assert (i + 1, family_ag.amount(r["net_pay"], forced, sheet.year)) in cells
        for b in family_ag.BILLS[:n_dens]:
            assert by_col[(i + 1, b)] == (str(r[b]) if r[b] else "-")
        assert by_col.get((i + 1, "coins"), "") == family_ag.amount(r["coins"], forced, sheet.year, part=True)
    total = len(sheet.rows) + 1
    for b in family_ag.BILLS[:n_dens]:
        assert by_col[(total, b)] == str(sum(r[b] for r in sheet.rows))
    stamps = [m for m in geo.marks if m["kind"] == "stamp" and m["row"] is not None]
    assert sorted(m["row"] for m in stamps) == [0, 1, 2]
    stamp = sheet.extra["ag_stamp"]
    pen = 255 - sheet.extra["ag_pen"].astype(np.int32)
    sig = sheet.layout.index("signature")
    for i, b in enumerate(geo.row_bboxes[:5]):
        cell = next(c[2] for c in geo.cells if c[0] == 0 and c[1] == sig)  # the signature column's span
        x0, x1 = cell[0], cell[2]
        inked = stamp[b[1] : b[3], x0:x1].max()
        signed = pen[b[1] : b[3], x0:x1].max()
        assert (inked > 0.3 and signed < 50) if i < 3 else inked < 0.05
    page = truth_of(sheet, geo, "page-0001.png")
    for row in page.model_dump()["rows"]:
        assert {k for k, v in row.items() if v not in (None, [], {})} - {"bbox", "polygon"} <= set(ROW_FIELDS)
    assert [r.net_pay for r in page.rows] == [f"{r['net_pay']:.2f}" for r in sheet.rows]


def test_family_ag_largest_month_fits_one_sheet():
    """An AG file drawn from a roster of 30 keeps 22 (a shop's month); its months of 1995-1996 (the widest amounts,
    thousands spaced, the group headings) in every layout at double spacing and ten to the inch fit one A4 sheet
    (turned and at a smaller pitch where need be), each row a box inside the page, the margins wide enough for the
    fire."""
    from samples import families, family_ag
    from samples.content import make_file, make_sheet

    rng = random.Random(25007)
    for i, layout in enumerate(family_ag.AG_LAYOUTS * 2):
        habits = families.draw_habits("AG", rng)
        ef = make_file(rng, i, staff=30, years=(1995, 1996) if i < len(family_ag.AG_LAYOUTS) else (1980, 1996))
        families.adapt_file(ef, habits, rng)
        assert len(ef.staff) == 22
        ag = replace(habits.ag, row_pitch=2.0, pitch=10, layout=layout, unit=True, groups=True, thousands=" ")
        ef.layout = family_ag.expand(ag.layout, len(ag.denominations))
        sheet = make_sheet(rng, ef, 0)
        family_ag.adapt_sheet(sheet, ag, rng, ef)
        img, geo = _drawn(ag, sheet)
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows) >= 15
        assert all(140 <= b[0] < b[2] <= W - 140 and 150 <= b[1] < b[3] <= H - 150 for b in geo.row_bboxes)


def test_family_ag_fire_keeps_clear_of_the_typing():
    """The burned edges of drawn AG sheets: the paper gone and charred only outside every typed string (40 pixels
    clear), deepest where it burned in; on the scan the felt through the burned edge, the charred band dark, the
    scorched paper browner (redder than blue) than the sheet's middle, every row's box inside the frame."""
    from samples import family_ag

    ag, sheet = _sheet(want=lambda ag, s: not ag.portrait and len(s.rows) >= 5)
    for edges in (("top", "left"), ("right", "bottom", "left")):
        forced = replace(ag, burned=edges, depth=0.95, felt="grey", soot=0.0, scorch=200.0, brown=0.1, dpi=300)
        img, geo = _drawn(forced, sheet)
        W, H = img.size
        page = family_ag.page_of(img, geo, sheet, forced, random.Random(3))
        assert set(page.burn) == set(edges)
        page = replace(page, flakes=page.flakes or ((W / 2, 30.0, 12.0, 8.0, 0.0),))
        gone = family_ag.burned_mask(page, W, H)
        clear = cv2.distanceTransform((~gone).astype(np.uint8), cv2.DIST_L2, 5)
        for x0, y0, x1, y1 in page.keep:  # the charred band and 40 pixels more clear of every typed string
            assert clear[y0:y1, x0:x1].min() >= page.char + 39
        for x, y, _, _, _ in page.flakes:  # the flakes fallen out
            assert gone[int(y), int(x)]
        assert all(d.max() > 60 for d in page.burn.values())
        flat = replace(page, angle=0.0, bend=None)
        out, m, dpi, bend = family_ag.scan(np.asarray(img, np.float32), flat, np.random.default_rng(1))
        assert out.ndim == 3 and dpi == 300 and bend is None
        img_rgb = out.astype(np.float32)

        def at(x: float, y: float, r: int = 4, m=m, img_rgb=img_rgb) -> np.ndarray:
            u, v = m @ np.array([x, y, 1.0])
            return np.median(img_rgb[int(v) - r : int(v) + r, int(u) - r : int(u) + r].reshape(-1, 3), axis=0)

        e = edges[0]
        d = page.burn[e]
        k = int(np.argmax(d))  # where it burned deepest
        inside = {"top": (k, 0.0), "right": (W - 1.0, k), "bottom": (k, H - 1.0), "left": (0.0, k)}[e]
        step = {"top": (0, 1), "right": (-1, 0), "bottom": (0, -1), "left": (1, 0)}[e]
        gone_at = at(inside[0] + step[0] * d[k] / 2, inside[1] + step[1] * d[k] / 2)
        assert np.all(np.abs(gone_at - np.array(family_ag.FELTS["grey"])) < 25)  # the felt through it
        charred = at(inside[0] + step[0] * (d[k] + 4), inside[1] + step[1] * (d[k] + 4), 2)
        middle = at(W / 2, (geo.row_bboxes[0][1] + geo.row_bboxes[0][3]) / 2 - 40, 6)
        assert charred.mean() < 110 < middle.mean()
        scorched = at(inside[0] + step[0] * (d[k] + 60), inside[1] + step[1] * (d[k] + 60), 6)
        assert scorched.mean() < middle.mean() - 20 and scorched[0] - scorched[2] > middle[0] - middle[2] + 10
        for b in geo.row_bboxes:
            for x, y in ((b[0], b[1]), (b[2], b[3])):
                u, v = m @ np.array([x, y, 1.0])
                assert 0 <= u < out.shape[1] and 0 <= v < out.shape[0]


def test_family_ag_copy_stand_ruler_and_chart_beside_the_sheet():
    """The copy stand's frame of a drawn AG sheet at each dpi: the sheet scaled to it, the colour chart's patches
    (its red, its yellow) and the ruler's white strip beside the sheet on the chosen side, outside the sheet."""
    from samples import family_ag

    ag, sheet = _sheet(want=lambda ag, s: len(s.rows) >= 5)
    img, geo = _drawn(ag, sheet)
    W, H = img.size
    for dpi, chart in ((200, "right"), (240, "bottom"), (300, "left")):
        forced = replace(ag, dpi=dpi, chart=chart, felt="black", soot=0.0)
        page = family_ag.page_of(img, geo, sheet, forced, random.Random(4))
        flat = replace(page, angle=0.0, bend=None)
        out, m, got, _ = family_ag.scan(np.asarray(img, np.float32), flat, np.random.default_rng(2))
        assert got == dpi and abs(m[0, 0] - dpi / 300) < 1e-6
        x0, y0 = m @ np.array([0.0, 0.0, 1.0])
        x1, y1 = m @ np.array([W, H, 1.0])
        rgb = out.astype(np.int32)
        outside = np.ones(out.shape[:2], bool)
        outside[int(y0) - 5 : int(y1) + 5, int(x0) - 5 : int(x1) + 5] = False
        red = (rgb[..., 0] > 140) & (rgb[..., 1] < 80) & (rgb[..., 2] < 90) & outside
        yellow = (rgb[..., 0] > 180) & (rgb[..., 1] > 160) & (rgb[..., 2] < 80) & outside
        white = (rgb.min(axis=2) > 190) & outside
        assert red.sum() > 500 and yellow.sum() > 500 and white.sum() > 5000
        ys, xs = np.nonzero(red)
        if chart == "right":
            assert xs.min() > x1
        elif chart == "left":
            assert xs.max() < x0
        else:
            assert ys.min() > y1


def test_family_ag_cockled_sheet_waves_and_its_rows_follow():
    """A heat-cockled AG sheet on the stand: the scan's bend its page's wave (no wave on a flat file's page); each
    typed row's ink, found on the frame where the wave and the map put the row's box, as dark as on the flat sheet's
    frame, and the wave's height there off by it (a row's ink moved by the shift)."""
    from samples import family_ag
    from samples.degrade import bend_points, map_points

    ag, sheet = _sheet(want=lambda ag, s: len(s.rows) >= 6)
    img, geo = _drawn(ag, sheet)
    page = family_ag.page_of(img, geo, sheet, replace(ag, cockle=10.0, dpi=300), random.Random(6))
    assert page.bend is not None and 4 < np.ptp(page.bend) <= 40
    assert family_ag.page_of(img, geo, sheet, replace(ag, cockle=0.0), random.Random(6)).bend is None
    a = np.asarray(img, np.float32)
    out, m, _, bend = family_ag.scan(a, replace(page, angle=0.0), np.random.default_rng(3))
    flat, m0, _, none = family_ag.scan(a, replace(page, angle=0.0, bend=None), np.random.default_rng(3))
    assert none is None and bend is page.bend
    grey, grey0 = out.astype(np.float32).mean(axis=2), flat.astype(np.float32).mean(axis=2)
    k = int(np.argmax(np.abs(page.bend[geo.row_bboxes[0][0] : geo.row_bboxes[0][2]]))) + geo.row_bboxes[0][0]
    shift = page.bend[k]
    assert abs(shift) > 3  # the row's wave where it is highest
    def centre(g: np.ndarray, mm: np.ndarray, b: list[int]) -> float:  # the ink's height in the row's columns at k
        (u0, v0), (u1, v1) = map_points(np.array([[k - 60, b[1] - 12], [k + 60, b[3] + 12]], float), mm)
        win = (g[int(v0) : int(v1), int(u0) : int(u1)] < 110).sum(axis=1).astype(float)
        return float((win * np.arange(len(win))).sum() / max(win.sum(), 1e-6)) + v0

    for b in geo.row_bboxes[:4]:
        moved = centre(grey, m, b) - centre(grey0, m0, b)
        assert abs(moved - shift) < 3  # the row's ink moved by the wave
        assert abs(bend_points([[k, b[1]]], bend)[0, 1] - b[1] - shift) < 1e-6  # and its box with it


def test_family_ag_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AG page from dev seed 25020 (a 300 dpi file, the largest frames), generated here and by another Python under
    another hash seed: the same bytes; its truth payroll-page/1 that adds up, with stamp marks only; an RGB PNG under
    ~5 MB at 300 dpi; the truth pinned."""
    from PIL import Image

    out = _repeats_under_another_hash_seed(tmp_path, "AG", 25020, pages=1)
    pages = _pages_add_up(out, mark_kinds=("stamp",))
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode == "RGB" and round(im.info["dpi"][0]) == 300
    assert png.stat().st_size < 5_000_000
    assert all(egn.is_valid(r.egn or "") for r in page.rows)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED


PINNED = "520fcbdd05a11291"


def test_ag_layouts_without_an_egn_column_have_no_egn_in_their_truth():
    """Three AG layouts print no ЕГН (the lead's look at dev 25001 p1 after AG's measurement): their truth has none
    — nobody can read it there (payroll-page/1: a column the sheet does not have is null) — while the sheet's rows
    keep it (the bonuses and loans are keyed by it)."""
    assert _egn_truth_as_printed(_months()) == {True, False}
