"""Family AF of the sample generator (held out from its making in session 29 to its one measurement by the lead in session 30).
These tests exercise the generator only, on its maker's development seeds 24001-24040 (the evaluation seed is never
generated here): its switches and face held apart from A-AE, its truth over many drawn months (the rows sorted by
post with the director first, each share of a post and the base for it, the honorarium lessons x the rate per lesson,
the items to the additional pay, gross = base + it, the itemised deductions to their total, net = gross - deductions,
the same ЕГН on a main and an additional contract's row, the civil contracts' honorarium alone with the tax alone
deducted, every money column to its total), what a page prints (the shares, lessons, rates and honoraria typed, the
labels over the blocks no row, nothing but payroll-page/1 fields in the truth), the spirit duplicator's copy (strokes
spread, the dye fading down the page and paler on the run's last copies), the ADF's scan (holes of the backing's
colour clear of the typing, one torn out to the edge, the creases, the dpi) and its pages the same under another hash
seed."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

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

SEEDS = range(24001, 24041)  # AF's development seeds


def test_family_af_draws_its_own_switches():
    """AF: every layout, pitch, row pitch, rule kind, rule character, share format, civil contract's mark, money
    format, nought, block place, fade, pen, holes, dpi, JPEG quality and backing; group headings, labels, portrait
    masters, stamps, folds, dust lines and torn holes on some files only; a face of a font package none of A-AE uses,
    layouts and heading words of its own; 1980-1996."""
    from samples import families, family_af

    drawn = _drawn_habits("AF", SEEDS)
    afs = [h.af for h in drawn if h.af]
    assert len(afs) == len(drawn) and all(h.family == "AF" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in afs} == set(family_af.AF_FACES["typewriter"])
    assert {a.layout for a in afs} == set(family_af.AF_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in afs} == set(family_af.AF_MONEY) and {a.zero for a in afs} == {"-", "", "0,00"}
    assert {a.pitch for a in afs} == {10, 12} and {a.row_pitch for a in afs} == {1.0, 1.5, 2.0}
    assert {a.rules for a in afs} == {"typed", "ruled"} and {a.across for a in afs} == {"-", "="}
    assert {a.vchar for a in afs} == {"!", "I"} and {a.share_fmt for a in afs} == {"frac", "dec"}
    assert {a.civil_mark for a in afs} == {"г.д.", "ГД", "-"} and {a.extras_at for a in afs} == {"next", "foot"}
    assert {a.fade for a in afs} == {"down", "across"} and {a.pen for a in afs} == {"blue", "black"}
    assert {a.holes for a in afs} == {2, 4} and {a.dpi for a in afs} == {200, 300}
    assert {a.quality for a in afs} == {15, 25, 35, 50} and {a.backing for a in afs} == {"white", "grey", "black"}
    for flag in ("groups", "labels", "portrait", "stamp", "folded", "dust", "approve"):
        assert 0.15 < sum(getattr(a, flag) for a in afs) / len(afs) < 0.85, flag
    for share in ("torn", "haze", "scraped"):
        values = [getattr(a, share) for a in afs]
        assert 0.1 < sum(v == 0 for v in values) / len(values) < 0.6, share
    assert all(a.ruling == "none" and 1.2 <= a.spread <= 2.6 and abs(a.skew) <= 0.6 for a in afs)
    assert {family_af.jpeg_quality(a) for a in afs if a.dpi == 200} == {25, 35, 50}  # legible at 200 dpi
    assert {family_af.jpeg_quality(a) for a in afs if a.dpi == 300} == {15, 25, 35, 50}
    assert families.YEARS["AF"] == (1980, 1996) and "AF" in families.FAMILIES
    _assert_held_apart("AF", own_dirs=True)
    for c in family_af.HEADINGS_AF:  # every column of a layout has its words
        assert any(c in lay for lay in family_af.AF_LAYOUTS)
    assert {c for lay in family_af.AF_LAYOUTS for c in lay} <= set(family_af.HEADINGS_AF)
    assert all({"share", "lessons", "rate_l", "af_honor"} <= set(lay) for lay in family_af.AF_LAYOUTS)


def _months(seeds=range(24001, 24011)):
    for seed in seeds:
        yield from _family_months("AF", seed, files=4, months=5)


def _q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_family_af_truth_adds_up_over_many_months():
    """Every drawn AF month: rows numbered 1.. in the order printed, the main rows sorted by post (the director first);
    a valid ЕГН on every row, twice only for a main post and its additional contract (the same name); the base the
    post's salary x its share x the days paid over the month's working days; the honorarium lessons x the rate per
    lesson; the items to the additional pay, base + it = gross, the itemised deductions to ``deductions``, net = gross
    - deductions >= 0; a civil contract's row: no days, no share, a nought base, the honorarium its gross, a tenth of
    it the tax and the only deduction; every money column of the layout to its total, the lessons to theirs;
    institutions of AF's kinds (renamed from 1991); years across 1980-1996."""
    from samples import content, family_af
    from samples.content import working_days

    names = {n for n, _ in family_af.EMPLOYERS}
    names |= {family_af.renamed(n, 1991) for n in names}
    years, twice, civil, director_first = [], 0, 0, 0
    for habits, ef, sheets in _months():
        af = habits.af
        assert ef.employer in names
        years.append(sheets[0].year)
        staff = {p.egn: p for p in ef.staff}
        for sheet in sheets:
            cols = set(sheet.layout)
            paid = [c for c in family_af.ITEMS if c in cols]
            parts = [c for c in family_af.PARTS if c in cols]
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_af.ITEMS, *family_af.PARTS}
            kinds = [r["af_kind"] for r in sheet.rows]
            assert kinds == sorted(kinds, key=lambda k: k == "civil")  # the civil contracts last
            mains = [r for r in sheet.rows if r["af_kind"] == "main"]
            ranks = [af.rank[str(r["egn"])] for r in mains]
            assert ranks == sorted(ranks)
            director_first += bool(ranks) and ranks[0] == 0
            counts = Counter(str(r["egn"]) for r in sheet.rows)
            wd = working_days(sheet.year, sheet.month)
            scale = content.pay_scale(ef.start[0], sheet.year)
            rate = (af.rate0 * content.pay_scale(1985, sheet.year) * 10).quantize(Decimal(1), ROUND_HALF_UP) / 10
            for r in sheet.rows:
                e = str(r["egn"])
                born = egn.birth_date(e)
                assert egn.is_valid(e) and born is not None and born.year <= sheet.year - 17
                assert counts[e] == (2 if e in af.extras and r["af_kind"] != "civil" else 1)
                lessons = r["lessons"]
                assert r["rate_l"] == rate and r.get("af_honor", _q(lessons * rate)) == _q(lessons * rate)
                items = {c: r[c] for c in paid}
                extra = sum(items.values(), Decimal(0))
                assert r["gross_pay"] == r["base_pay"] + extra and r["extra_pay"] in (None, extra)
                assert r["gross_pay"] - r["deductions"] == r["net_pay"] >= 0
                if parts:
                    assert sum((r[c] for c in parts), Decimal(0)) == r["deductions"]
                if r["af_kind"] == "civil":
                    civil += 1
                    assert r["share"] is None and r["days_worked"] is None and r["base_pay"] == 0
                    assert r["gross_pay"] == _q(lessons * rate) and r["deductions"] == _q(r["gross_pay"] / 10)
                    continue
                days = r["days_paid"]
                assert r["days_worked"] == (days if "days_worked" in cols else None) and 0 <= days <= wd
                if r["af_kind"] == "main":
                    salary, share = staff[e].salary, af.shares[e]
                else:
                    twice += 1
                    _, share, salary = af.extras[e]
                    assert any(m["name"] == r["name"] for m in mains if str(m["egn"]) == e)
                assert r["share"] == share
                assert r["base_pay"] == _q(salary * scale * share * Decimal(days) / Decimal(wd))
            for f, total in sheet.totals.items():
                assert sum((r[f] for r in sheet.rows), Decimal(0)) == total
            assert sheet.extra["af_lessons"] == sum(r["lessons"] for r in sheet.rows)
    assert twice >= 30 and civil >= 30 and director_first >= 100
    assert min(years) < 1986 and max(years) > 1991


def _sheet(seeds=range(24001, 24041), want=lambda af, sheet: True):
    """The first drawn AF month (with its habits) that ``want``."""
    for habits, _, sheets in _months(seeds):
        for sheet in sheets:
            if want(habits.af, sheet):
                return habits.af, sheet
    raise AssertionError("no such AF month")


def _drawn(af, sheet, seed: int = 5):
    from samples import family_af
    from samples.render import Style

    st = Style(font=family_af.FONT_DIR / af.face, typewriter=True, size=42, ruled=False, landscape=True)
    family_af.style(af, random.Random(seed), st)
    return family_af.render(sheet, st, af, random.Random(seed))


def test_family_af_prints_shares_lessons_and_blocks_and_keeps_them_out_of_the_truth():
    """A drawn AF sheet with a civil contract and an additional contract at the foot: the typed cells hold the truth's
    ЕГН and net pay as the file types them, each row's share ("1/2", "г.д."), lessons, rate and honorarium; the labels
    over the foot block and the civil contracts typed (no row: one box per truth row); the truth built from it has
    the payroll-page/1 fields alone, both rows of the same ЕГН, the civil row's days null and base nought."""
    from samples import family_af
    from samples.generate import truth_of

    af, sheet = _sheet(want=lambda af, s: s.extra["af_civil_at"] is not None and "egn" in s.layout
                       and any(r["af_kind"] == "extra" for r in s.rows))  # fmt: skip
    forced = replace(af, labels=True, extras_at="foot", share_fmt="frac", civil_mark="г.д.")
    sheet.rows.sort(key=lambda r: (r["af_kind"] == "civil", r["af_kind"] == "extra"))  # the foot block's order
    for i, r in enumerate(sheet.rows, start=1):
        r["row"] = i
    sheet.extra["af_foot_at"] = next(i for i, r in enumerate(sheet.rows) if r["af_kind"] == "extra")
    sheet.extra["af_civil_at"] = next(i for i, r in enumerate(sheet.rows) if r["af_kind"] == "civil")
    img, geo = _drawn(forced, sheet)
    W, H = img.size
    assert len(geo.row_bboxes) == len(sheet.rows)
    assert all(0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H for b in geo.row_bboxes)
    cells = {(r, t) for r, _, _, t in geo.cells}
    for i, r in enumerate(sheet.rows):
        assert (i + 1, str(r["egn"])) in cells and (i + 1, family_af.amount(r["net_pay"], forced, sheet.year)) in cells
        assert (i + 1, "г.д." if r["af_kind"] == "civil" else family_af.share_text(r["share"], forced)) in cells
        if r["lessons"]:
            assert (i + 1, str(r["lessons"])) in cells and (i + 1, family_af.rate_text(r["rate_l"], forced)) in cells
            assert (i + 1, family_af.amount(r["af_honor"], forced, sheet.year)) in cells
    typed = (255.0 - np.asarray(img, np.float32)) / 255.0
    job = sheet.extra["af_job"]
    gaps = [geo.row_bboxes[k][1] - geo.row_bboxes[k - 1][3] for k in (sheet.extra["af_foot_at"], sheet.extra["af_civil_at"])]
    pitch = geo.row_bboxes[1][1] - geo.row_bboxes[0][3]
    assert all(g > pitch + 30 for g in gaps)  # a label's line between the blocks
    k = sheet.extra["af_civil_at"]
    assert typed[geo.row_bboxes[k - 1][3] + 5 : geo.row_bboxes[k][1] - 5].max() > 0.5  # the label typed there
    bare, bare_geo = _drawn(replace(forced, approve=False), sheet)  # no approval at the top right
    above = (255.0 - np.asarray(bare, np.float32))[: bare_geo.table_bbox[1], W // 2 :].sum()
    approved, a_geo = _drawn(replace(forced, approve=True), sheet)
    assert (255.0 - np.asarray(approved, np.float32))[: a_geo.table_bbox[1], W // 2 :].sum() > 1.3 * above
    assert job["civil_label"] not in {t for _, t in cells}
    page = truth_of(sheet, geo, "page-0001.png")
    raw = page.model_dump()
    for row in raw["rows"]:
        assert {k for k, v in row.items() if v not in (None, [], {})} - {"bbox", "polygon"} <= set(ROW_FIELDS)
    by_egn = Counter(r.egn for r in page.rows)
    assert any(n == 2 for n in by_egn.values())
    civil = [r for r, s in zip(page.rows, sheet.rows, strict=True) if s["af_kind"] == "civil"]
    assert civil and all(r.days_worked is None and Decimal(r.base_pay or "1") == 0 for r in civil)


def test_family_af_scraped_cells_keep_a_ghost_under_the_retyped_value():
    """A drawn AF sheet with many cells struck wrong on the master: each correction mark's cell holds its retyped
    value (a typed cell of the truth's row) over a faint ghost and smear (ink under the strike level beside the typed
    strokes); the truth unchanged."""
    from samples import family_af

    af, sheet = _sheet(want=lambda af, s: len(s.rows) >= 8)
    img, geo = _drawn(replace(af, scraped=0.3), sheet)
    clean, _ = _drawn(replace(af, scraped=0.0), sheet)  # the same sheet typed right the first time
    typed = (255.0 - np.asarray(img, np.float32)) / 255.0
    right = (255.0 - np.asarray(clean, np.float32)) / 255.0
    fixes = [m for m in geo.marks if m["kind"] == "correction"]
    assert len(fixes) >= 5
    cells = {(r, t) for r, _, _, t in geo.cells}
    for m in fixes:
        assert 0 <= m["row"] < len(sheet.rows) and m["fields"][0] in sheet.layout
        assert any(r == m["row"] + 1 for r, _ in cells)
        pts = np.asarray(m["polygon"], float)
        x0, y0 = np.floor(pts.min(axis=0)).astype(int)
        x1, y1 = np.ceil(pts.max(axis=0)).astype(int)
        box, was = typed[y0:y1, x0:x1], right[y0:y1, x0:x1]
        assert (box > 0.5).mean() > 0.01  # the retyped value
        faint = ((box > 0.04) & (box < 0.35)).mean()
        assert faint > ((was > 0.04) & (was < 0.35)).mean() + 0.05  # the ghost and the smear under it
    assert family_af.wrong_version("1234,56", random.Random(1)) != "1234,56"


def test_family_af_portrait_master_kept_clear_of_the_holes_on_its_left():
    """A portrait AF master (the narrow layout): punched on the left, every typed string clear of the holes."""
    from samples import family_af

    af, sheet = _sheet(want=lambda af, s: af.portrait and s.layout == family_af.AF_LAYOUTS[-1])
    img, geo = _drawn(af, sheet)
    page = family_af.page_of(img, geo, sheet, replace(af, holes=4), random.Random(2))
    assert page.paper == "A4P" and page.punched == "left" and img.size == (2480, 3508)
    for hx, _ in page.holes:
        assert hx == family_af.HOLE_IN
        for x0, _, _, _ in page.keep:
            assert x0 > hx + family_af.HOLE_R + 60


def test_family_af_largest_month_fits_one_sheet():
    """An AF file drawn from a roster of 20 keeps 15 (a small institution); its months with every additional and
    civil contract, the approval and the blocks' labels forced, fit one A4 sheet (the approval and labels left off
    where nothing else fits), each row a box inside the page."""
    from samples import families, family_af
    from samples.content import make_file, make_sheet

    rng = random.Random(24007)
    for i in range(4):
        habits = families.draw_habits("AF", rng)
        ef = make_file(rng, i, staff=20, years=families.YEARS["AF"])
        families.adapt_file(ef, habits, rng)
        assert len(ef.staff) == 15
        af = replace(habits.af, approve=True, labels=True, extras_at="foot", row_pitch=2.0, pitch=10)
        af.extras = {p.egn: ("корепетитор", Decimal("0.5"), Decimal(100)) for p in ef.staff[:3]}
        sheet = make_sheet(rng, ef, 0)
        family_af.adapt_sheet(sheet, af, rng, ef)
        img, geo = _drawn(af, sheet)
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows) >= 14
        assert all(0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H - 60 for b in geo.row_bboxes)


def test_family_af_dye_spreads_and_fades_down_the_page_and_the_run():
    """The same typed strokes at the top and at the foot of a master copied down the page: the copy's strokes spread
    over more of the paper than the master's, paler at the foot; the run's last copy paler than its first."""
    from samples import family_af

    af, sheet = _sheet(want=lambda af, s: len(s.layout) <= 14)
    img, geo = _drawn(af, sheet)
    page = family_af.page_of(img, geo, sheet, replace(af, fade="down", run=50), random.Random(3))
    typed = np.zeros((2000, 1200), np.float32)
    for y in (100, 1800):
        typed[y : y + 40, 200:1000:20] = 1.0  # a row of strokes
    first = replace(page, copy=1)
    last = replace(page, copy=50)
    a = family_af.dye(typed, first, random.Random(1))
    b = family_af.dye(typed, last, random.Random(1))
    assert (a > 0.15).sum() > 1.3 * (typed > 0.15).sum()  # spread
    top, foot = a[80:160].sum(), a[1780:1860].sum()
    assert foot < 0.92 * top  # fading down the page
    assert b.sum() < 0.8 * a.sum() and family_af.copy_strength(last) < family_af.copy_strength(first)


def test_family_af_scan_punched_folded_and_torn():
    """The ADF's scan of a drawn AF sheet: RGB at the file's dpi, the page's size scaled to it; the holes clear of
    every typed string (on the copy, the master askew), the backing's colour through them, the torn one open to the
    edge; the creases darker than the paper beside them; the map of the page's boxes inside the scan."""
    from samples import family_af

    af, sheet = _sheet(want=lambda af, s: not af.portrait and len(s.layout) <= 14)
    for dpi in (200, 300):
        forced = replace(af, dpi=dpi, holes=4, torn=1.0, folded=True, backing="black", dust=False, haze=0.0)
        img, geo = _drawn(forced, sheet)
        page = family_af.page_of(img, geo, sheet, forced, random.Random(2))
        assert page.punched == "top" and len(page.holes) == 4 and page.torn >= 0
        for hx, hy in page.holes:  # clear of every typed string as the copy took it
            for x0, y0, x1, y1 in page.keep:
                pts = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], float) @ page.offset.T
                assert not (pts[:, 0].min() - 40 < hx < pts[:, 0].max() + 40 and pts[:, 1].min() - 40 < hy < pts[:, 1].max() + 40)
        out, mat, got, bend = family_af.scan(np.asarray(img, np.float32), page, np.random.default_rng(1))
        assert out.ndim == 3 and got == dpi and bend is None
        W, H = img.size
        assert abs(out.shape[1] - W * dpi / 300) < 80
        grey = out.astype(np.float32).mean(axis=2)
        m = mat @ np.linalg.inv(np.vstack([page.offset, [0, 0, 1]]))  # the paper's points to the scan's

        def at(x: float, y: float, r: int = 6, m=m, grey=grey) -> float:
            u, v = m @ np.array([x, y, 1.0])
            return float(np.median(grey[int(v) - r : int(v) + r, int(u) - r : int(u) + r]))

        paper = at(W * 0.5, H * 0.93, 20)
        for k, (hx, hy) in enumerate(page.holes):
            assert at(hx, hy) < 60 < paper  # the black backing through the hole
            if k == page.torn:
                assert at(hx, 20) < 60  # torn out to the edge
            else:
                assert at(hx, 20) > 150
        fx, fy = page.folds
        assert at(fx, H * 0.93, 2) < paper - 4  # the crease down the middle
        for b in geo.row_bboxes:
            u, v = (m @ np.vstack([page.offset, [0, 0, 1]]) @ np.array([b[0], b[1], 1.0]))[:2]
            assert 0 <= u < out.shape[1] and 0 <= v < out.shape[0]


def test_family_af_thin_paper_greyer_over_a_dark_backing():
    """The same blank AF copy scanned over the ADF's white and black backings: the thin paper greyer over the black."""
    from samples import family_af

    af, sheet = _sheet(want=lambda af, s: len(s.layout) <= 14)
    img, geo = _drawn(af, sheet)
    page = family_af.page_of(img, geo, sheet, af, random.Random(2))
    blank = np.full((1200, 1600), 255.0, np.float32)
    empty = replace(page, pen=np.full(blank.shape, 255, np.uint8), stamp=np.zeros(blank.shape, np.float32), holes=(),
                    folds=(0.0, 0.0), dust=-1.0, angle=0.0, offset=np.array([[1.0, 0, 0], [0, 1.0, 0]]))  # fmt: skip
    paper = []
    for backing in ("white", "black"):
        p = replace(empty, af=replace(af, backing=backing, dpi=300, haze=0.0))
        out, _, _, _ = family_af.scan(blank, p, np.random.default_rng(1))
        paper.append(float(np.median(out[400:800, 600:1000])))
    assert paper[1] < paper[0] - 8


def test_family_af_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AF page from dev seed 24001, generated here and by another Python under another hash seed: the same bytes;
    its truth payroll-page/1 that adds up, with stamp and correction marks only; an RGB PNG under ~5 MB at 200 or 300 dpi; the truth
    pinned."""
    from PIL import Image

    out = _repeats_under_another_hash_seed(tmp_path, "AF", 24001, pages=1)
    pages = _pages_add_up(out, mark_kinds=("stamp", "correction"))
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode == "RGB" and round(im.info["dpi"][0]) in (200, 300)
    assert png.stat().st_size < 5_000_000
    assert all(r.egn is None or egn.is_valid(r.egn) for r in page.rows)  # (no ЕГН where the layout prints none)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED


PINNED = "2bf56da2752ae85c"  # (session 30: no ЕГН in the truth of a layout that prints none)


def test_family_af_truth_has_no_egn_where_the_layout_prints_none():
    """Two AF layouts print no ЕГН (dev 24001 p1): their truth has none — nobody can read it there (payroll-page/1:
    a column the sheet does not have is null) — while the sheet's rows keep it (the shares are keyed by it)."""
    assert _egn_truth_as_printed(_months()) == {True, False}
