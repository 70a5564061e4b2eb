"""Family AE of the sample generator (held out from its making in session 28 to its one measurement in session 29).
These tests exercise the generator only, on its maker's development seeds 23001-23040 (the evaluation seed is never
generated here): its switches and face held apart from A-AD, its truth over many drawn months (the hours,
night and overtime hours, the base for the hours at the hour's rate, the items to the additional pay, gross = base +
it, the itemised deductions to their total, every money column to its total, the hours' totals, a valid ЕГН once per
month, the days a shift count within the month's working days, null where no days column is printed), what a page
prints (the typed figures, hours and rates, the lifted and retyped cells over their pale ghosts), the flood's scan (the
wet part darker under its tide line, the pen's ink run there, the torn-off patches off every typed line, mould thin
over the typed cells, the rows waving with the cockles) and its pages the same under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples import (
    _assert_held_apart,
    _drawn_habits,
    _egn_truth_as_printed,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(23001, 23041)  # AE's development seeds


def test_family_ae_draws_its_own_switches():
    """AE: every layout, weight, ribbon, pitch, row pitch, rule kind, rule character, hours' format, money format,
    nought, pen, flood side, backing; lifted cells, stamps, group headings, stuck pages, mould and colour on some files
    only; a face of a font package none of A-AD uses, layouts and heading words of its own; 1980-1996."""
    from samples import families, family_ae

    drawn = _drawn_habits("AE", SEEDS)
    aes = [h.ae for h in drawn if h.ae]
    assert len(aes) == len(drawn) and all(h.family == "AE" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in aes} == set(family_ae.AE_FACES["typewriter"]) and {a.bold for a in aes} == {True, False}
    assert {a.layout for a in aes} == set(family_ae.AE_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in aes} == set(family_ae.AE_MONEY) and {a.zero for a in aes} == {"-", "", "0"}
    assert {a.ribbon for a in aes} == {"film", "fabric"} and {a.pitch for a in aes} == {10, 12, 15}
    assert {a.row_pitch for a in aes} == {1.5, 2.0} and {a.rules for a in aes} == {"typed", "pen"}
    assert {a.across for a in aes} == {"-", "_", "="} and {a.vchar for a in aes} == {"!", ":"}
    assert {a.hours_fmt for a in aes} == {"plain", "one", "hm"} and {a.pen for a in aes} == {"blue", "violet", "black"}
    assert {a.flood for a in aes} == {"foot", "side"} and {a.backing for a in aes} == {"white", "grey", "black"}
    for share in ("lifted", "stuck", "mould"):
        values = [getattr(a, share) for a in aes]
        assert 0.1 < sum(v == 0 for v in values) / len(values) < 0.6, share
    for flag in ("stamp", "groups", "colour", "bold"):
        assert 0.2 < sum(getattr(a, flag) for a in aes) / len(aes) < 0.85, flag
    assert all(0 < a.reach[0] < a.reach[1] < 1 and 1.5 <= a.cockle <= 6 for a in aes)
    assert all(a.ruling == "none" for a in aes)  # no generic rules: the family draws its own
    assert families.YEARS["AE"] == (1980, 1996) and "AE" in families.FAMILIES
    _assert_held_apart("AE", own_dirs=True)
    assert any("days_worked" not in lay for lay in family_ae.AE_LAYOUTS)  # hours without days
    for c in family_ae.HEADINGS_AE:  # every column of a layout has its words
        assert any(c in lay for lay in family_ae.AE_LAYOUTS)
    assert {c for lay in family_ae.AE_LAYOUTS for c in lay} <= set(family_ae.HEADINGS_AE)


def _months(seeds=range(23001, 23011)):
    for seed in seeds:
        yield from _family_months("AE", seed, files=4, months=5)


def _q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_family_ae_truth_adds_up_over_many_months():
    """Every drawn AE month: a valid ЕГН once per sheet; the days (a shift count) within the month's working days, null
    where the layout prints no days; the hours a shift's length times the days at most, the night hours within them;
    the base the hours at the hour's rate, the night and overtime items from their hours, the items (or, where none is
    printed, the night and overtime ones) to the additional pay, base + it = gross, the itemised deductions to
    ``deductions``, net = gross - deductions >= 0; every money column of the layout to its total, the hours to theirs;
    employers of its trades (Толбухин Добрич from 1991); 12-hour trades' days far under their hours on some sheets;
    years across 1980-1996."""
    from samples import family_ae
    from samples.content import working_days

    names = {n for n, _ in family_ae.EMPLOYERS} | {n for ns in family_ae.EMPLOYERS_1990S.values() for n in ns}
    names |= {n.replace("Толбухин", "Добрич") for n in names}  # the town's name from 1990
    years, long_shifts, no_days = [], 0, 0
    for habits, ef, sheets in _months():
        ae = habits.ae
        assert ef.employer in names
        years.append(sheets[0].year)
        for sheet in sheets:
            cols = set(sheet.layout)
            paid = [c for c in family_ae.ITEMS if c in cols] or list(family_ae.HIDDEN_ITEMS)
            parts = [c for c in family_ae.PARTS if c in cols]
            assert len({r["egn"] for r in sheet.rows}) == len(sheet.rows)
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_ae.ITEMS, *family_ae.PARTS}
            wd = working_days(sheet.year, sheet.month)
            for r in sheet.rows:
                born = egn.birth_date(str(r["egn"]))
                assert egn.is_valid(str(r["egn"])) and born is not None and born.year <= sheet.year - 17
                days, hours, night, over, rate = (r[k] for k in ("days_paid", "hours", "night_h", "over_h", "rate_h"))
                assert r["days_worked"] == (days if "days_worked" in cols else None) and 0 <= days <= wd
                assert 0 <= hours <= days * 12 and 0 <= night <= hours and over >= 0 and (hours * 2) % 1 == 0
                long_shifts += hours > days * 8 > 0
                no_days += "days_worked" not in cols
                assert r["base_pay"] in (None, _q(hours * rate))
                assert r.get("ae_night", _q(night * rate * ae.night_pct / 100)) == _q(night * rate * ae.night_pct / 100)
                assert r.get("ae_over", _q(over * rate * Decimal("1.5"))) == _q(over * rate * Decimal("1.5"))
                base = _q(hours * rate)
                items = {"ae_night": _q(night * rate * ae.night_pct / 100), "ae_over": _q(over * rate * Decimal("1.5")),
                         "ae_shift": _q(base * ae.shift_pct / 100),
                         "ae_years": _q(base * ae.class_pct.get(str(r["egn"]), 4) / 100)}  # fmt: skip
                extra = sum((items[c] for c in paid), Decimal(0))
                assert r["gross_pay"] == base + extra and r["extra_pay"] in (None, extra)
                assert r["gross_pay"] - r["deductions"] == r["net_pay"] >= 0
                if parts:
                    assert sum((r[c] for c in parts), Decimal(0)) == r["deductions"]
            for f, total in sheet.totals.items():
                assert sum((r[f] for r in sheet.rows), Decimal(0)) == total
            for h, total in sheet.extra["ae_hours"].items():
                assert h in cols and sum((r[h] for r in sheet.rows), Decimal(0)) == total
    assert long_shifts >= 20 and no_days >= 20
    assert min(years) < 1986 and max(years) > 1991


def test_family_ae_truth_has_no_egn_where_the_layout_prints_none():
    """AE's first layout prints no ЕГН (23001 p6-8): its truth has none (samples/generate.truth_of: the truth is
    what is printed: ``egn_printed_only``), the sheet's rows keep it (the items are keyed by it); a layout with an
    ЕГН column keeps it in the truth, and so does a sheet with the ЕГН typed under the name (family P) or one of
    another family (S's layouts without one keep it; AF sets ``egn_printed_only`` too)."""
    from dataclasses import replace as copy

    from samples.generate import truth_of
    from samples.render import Geometry

    months = list(_months())
    assert _egn_truth_as_printed(months) == {True, False}
    for _, _, sheets in months:
        for sheet in (s for s in sheets if "egn" not in s.layout):
            geo = Geometry(3508, 2480, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows])
            for kept in (copy(sheet, egn_under_name=True), copy(sheet, egn_printed_only=False)):
                assert [t.egn for t in truth_of(kept, geo, "p.png").rows] == [str(r["egn"]) for r in sheet.rows]


def _sheet(seeds=range(23001, 23041), want=lambda ae, sheet: True):
    """The first drawn AE month (with its habits) that ``want``."""
    for habits, _, sheets in _months(seeds):
        for sheet in sheets:
            if want(habits.ae, sheet):
                return habits.ae, sheet
    raise AssertionError("no such AE month")


def _drawn(ae, sheet, seed: int = 5):
    from samples import family_ae
    from samples.render import Style

    st = Style(font=family_ae.FONT_DIR / ae.face, typewriter=True, size=44, ruled=False, landscape=True)
    family_ae.style(ae, random.Random(seed), st)
    return family_ae.render(sheet, st, ae, random.Random(seed))


def _ink_in(a: np.ndarray, polygon, level: float = 0.3) -> float:
    """The share of ``a``'s pixels (ink 0..1) over ``level`` inside the polygon's box."""
    pts = np.asarray(polygon, float)
    x0, y0 = np.floor(pts.min(axis=0)).astype(int)
    x1, y1 = np.ceil(pts.max(axis=0)).astype(int)
    box = a[max(0, y0) : y1, max(0, x0) : x1]
    return float((box > level).mean()) if box.size else 0.0


def test_family_ae_prints_hours_figures_and_lifted_cells_where_the_truth_says():
    """A drawn AE sheet: the typed cells hold the truth's ЕГН and net pay as the file types it, the hours and night
    hours as it types hours ("176,5", "176:30"), the totals row the hours' totals; a box per row inside the page; every
    lifted cell (a correction mark) holds its retyped figure over a pale ghost that is not it (ink under the strike
    level beside the typed strokes); the signatures in the pen's layer; pen rules or typed ones."""
    from samples import family_ae

    ae, sheet = _sheet(want=lambda ae, s: {"hours", "night_h", "signature"} <= set(s.layout) and len(s.rows) >= 8)
    for rules, fmt in (("typed", "hm"), ("pen", "plain")):
        forced = replace(ae, rules=rules, hours_fmt=fmt, lifted=0.3)
        img, geo = _drawn(forced, sheet)
        typed = (255.0 - np.asarray(img, np.float32)) / 255.0
        pen = (255.0 - sheet.extra["ae_pen"].astype(np.float32)) / 255.0
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows)
        assert all(0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H for b in geo.row_bboxes)
        cells = {(r, t) for r, _, _, t in geo.cells}
        for i, r in enumerate(sheet.rows):
            assert (i + 1, str(r["egn"])) in cells and (i + 1, family_ae.amount(r["net_pay"], forced, sheet.year)) in cells
            assert (i + 1, family_ae.hours_text(r["hours"], forced)) in cells
        n_tot = len(sheet.rows) + 1
        assert (n_tot, family_ae.hours_text(sheet.extra["ae_hours"]["hours"], forced)) in cells
        assert any(":" in t for r, t in cells if 0 < r <= len(sheet.rows)) == (fmt == "hm")
        fixes = [m for m in geo.marks if m["kind"] == "correction"]
        assert fixes and sheet.extra["ae_lifted"] == len(fixes)
        for m in fixes:  # the retyped strokes (full ink) and the ghost's (faint) inside the cell
            assert m["row"] is None or 0 <= m["row"] < len(sheet.rows)
            assert _ink_in(typed, m["polygon"], 0.5) > 0.02 and _ink_in(typed, m["polygon"], 0.06) > _ink_in(typed, m["polygon"], 0.5)
        assert pen.sum() > 0  # the signatures (and the pen's rules)
    assert family_ae.wrong_version("1234,56", random.Random(1)) != "1234,56"


def test_family_ae_scans_the_flooded_sheet():
    """The scan of a drawn AE sheet flooded from its foot: RGB (an A4 sheet in colour), the wet part darker than the dry
    part above the tide line, the pen's ink run there (spread wider than on the dry part); the torn-off patches clear of
    every typed line; the cockling a vertical shift per column within the cockles' amplitude."""
    from samples import family_ae

    ae, sheet = _sheet(want=lambda ae, s: len(s.layout) <= 13)
    ae = replace(ae, flood="foot", reach=(0.45, 0.5), stuck=1.0, mould=10, colour=True, stamp=True, ribbon="film")
    img, geo = _drawn(ae, sheet)
    page = family_ae.page_of(img, geo, sheet, ae, random.Random(3))
    assert page.paper == "A4L" and page.patches and page.side == "foot"
    for poly in page.patches:
        xs, ys = [p[0] for p in poly], [p[1] for p in poly]
        assert not any(min(xs) < b[2] and b[0] < max(xs) and min(ys) < b[3] and b[1] < max(ys) for b in page.keep)
    out, mat, dpi, bend = family_ae.scan(np.asarray(img, np.float32), page, np.random.default_rng(1))
    assert out.ndim == 3 and dpi == 300 and bend.shape == (img.size[0],)
    assert np.abs(bend).max() <= sum(a for a, _, _ in page.waves) + 1e-6
    H, W = img.size[1], img.size[0]
    grey = out.mean(axis=2)

    def at(x: float, y: float) -> np.ndarray:
        u, v = mat @ np.array([x, y, 1.0])
        return grey[int(v) - 40 : int(v) + 40, int(u) - 40 : int(u) + 40]

    dry = np.median(at(W * 0.5, 60))
    wet = np.median(at(W * 0.5, H - 80))
    assert dry - wet > 6  # the wet part darker


def test_family_ae_runs_the_pens_ink_only_where_wet():
    """The same stroke of the pen drawn dry and under water, scanned grey: in the wet scan its ink spreads over more of
    the paper round it."""
    from samples import family_ae

    ae, sheet = _sheet(want=lambda ae, s: len(s.layout) <= 13)
    img, geo = _drawn(ae, sheet)
    page = family_ae.page_of(img, geo, sheet, replace(ae, stuck=0.0, mould=0), random.Random(3))
    blank = np.full((2480, 1400), 255.0, np.float32)  # a strip of a page, blank but for the pen
    pen = np.full(blank.shape, 255, np.uint8)
    pen[1900:1960, 300:900] = 0  # a stroke in the page's lower part
    stamp = np.zeros(blank.shape, np.float32)
    spread = []
    for reach in (0.05, 0.6):  # dry, wet
        p = replace(page, pen=pen, stamp=stamp, reach=reach, lines=(), waves=((0.0, 300.0, 0.0),), angle=0.0,
                    ae=replace(page.ae, flood="foot", colour=False), side="foot", colonies=(), patches=(), keep=())  # fmt: skip
        out, mat, _, _ = family_ae.scan(blank, p, np.random.default_rng(2))
        assert out.ndim == 2  # a grey scan
        x0, y0 = (mat @ np.array([300, 1700, 1.0])).astype(int)
        x1, y1 = (mat @ np.array([900, 2160, 1.0])).astype(int)
        win = out[y0:y1, x0:x1].astype(float)
        paper = np.median(out[y0 - 200 : y0 - 150, x0:x1])
        spread.append(float((win < paper - 25).mean()))
    assert spread[1] > spread[0] * 1.3


def test_family_ae_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AE page from dev seed 23001, generated here and by another Python under another hash seed: the same bytes;
    its truth payroll-page/1 that adds up, with marks of AE's kinds only; its PNG under ~5 MB at 300 dpi; the truth
    pinned."""
    from PIL import Image

    out = _repeats_under_another_hash_seed(tmp_path, "AE", 23001, pages=1)
    pages = _pages_add_up(out, mark_kinds=("correction", "stamp"))
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode in ("RGB", "L") and round(im.info["dpi"][0]) == 300
    assert png.stat().st_size < 5_500_000
    assert all(egn.is_valid(r.egn or "") for r in page.rows)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED


PINNED = "c61ff244fe6d2185"


def test_family_ae_mould_is_thin_over_the_typed_cells():
    """The same mould colony grown across the edge of a typed cell's box and on bare paper: over the box its specks and
    stain far paler (the figures stay legible), away from it the same, with no hard edge at the box's side."""
    from samples import family_ae

    for seed in range(4):
        grown = []
        for boxed in (False, True):
            out = np.full((3, 400, 400), 230.0, np.float32)
            keep = np.zeros((400, 400), np.uint8)
            keep[:, 200:] = boxed  # a typed cell's box: the right half
            family_ae._colony(out, keep, 200, 200, 80, "dark", random.Random(seed))
            grown.append(230.0 - out.mean(axis=0))
        bare, boxed_ = grown
        assert bare[:, 220:].sum() > 0 and boxed_[:, 220:].sum() < 0.5 * bare[:, 220:].sum()
        assert np.allclose(boxed_[:, :150], bare[:, :150], atol=0.05)  # away from the box the same
        step = np.abs(np.diff(boxed_[:, 185:215].mean(axis=0)))
        assert step.max() < 0.5 * max(1e-6, bare[:, 185:215].mean(axis=0).max())  # no edge at the box's side
