"""Family AD of the sample generator (held out from its making in session 27 to its one measurement in session 28). These
tests exercise the generator only, on its maker's development seeds 22001-22040 (the evaluation seed is never generated
here): its switches and faces held apart from A-AC, its truth over many drawn months (the items to the additional pay,
gross = base + them, the itemised deductions to their total, every column to its total, a valid ЕГН once per month of a
person born 1920-1978, the days within the month's working days), the people's names through the renaming and the
restoration (the ЕГН kept, the name that stands in the truth, the struck and the noted ones), what a page prints (the
typed cells, the pen's strike over a struck name and the written name above it, the typed note, the signatures), the
aged paper's colour scan (the broken-off piece showing the lid, its torn marks, the tape), and its pages the same
under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal

import cv2
import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(22001, 22041)  # AD's development seeds


def test_family_ad_draws_its_own_switches():
    """AD: every face, layout, paper, pitch, row pitch, rule kind, column character, nought, pen, lid and A4 dpi; the
    early strikes, the restorations' two ways, torn and taped pages on some files only; faces of font packages none of
    A-AC uses, layouts and heading words of its own; 1980-1996."""
    from samples import families, family_ad

    drawn = _drawn_habits("AD", SEEDS)
    ads = [h.ad for h in drawn if h.ad]
    assert len(ads) == len(drawn) and all(h.family == "AD" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in ads} == set(family_ad.AD_FACES["typewriter"])
    assert {a.columns for a in ads} == set(family_ad.AD_COLUMNS) and {a.layout for a in ads} == set(family_ad.AD_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in ads} == set(family_ad.AD_MONEY) and {a.zero for a in ads} == {"-", "", "0"}
    assert {a.paper for a in ads} == {"A3L", "A4L"} and {a.pitch for a in ads} == {10, 12}
    assert {a.row_pitch for a in ads} == {2.5, 3.0} and {a.rules for a in ads} == {"typed", "pen"}
    assert {a.vchar for a in ads} == {"!", ":"} and {a.pen for a in ads} == {"blue", "violet", "black"}
    assert {a.lid for a in ads} == {"white", "grey", "black"} and {a.dpi for a in ads} == {300, 400}
    assert {a.restore for a in ads} == {"hand", "note"} and {a.ribbon for a in ads} == {"black", "violet"}
    for share in ("early", "torn", "tape"):
        values = [getattr(a, share) for a in ads]
        assert 0.2 < sum(v == 0 for v in values) / len(values) < 0.8, share
    assert 0.2 < sum(a.numbers for a in ads) / len(ads) < 0.8
    assert all(a.ruling == "none" for a in ads)  # no generic rules: the family draws its own
    assert families.YEARS["AD"] == (1980, 1996) and "AD" in families.FAMILIES
    _assert_held_apart("AD", own_dirs=True)
    for c in family_ad.HEADINGS_AD:  # every column of a layout has its words
        assert any(c in lay for lay in family_ad.AD_LAYOUTS)


def _months(seeds=range(22001, 22009)):
    for seed in seeds:
        yield from _family_months("AD", seed, files=4, months=5)


def test_family_ad_truth_adds_up_over_many_months():
    """Every drawn AD month: a valid ЕГН once per sheet of a person born 1920-1978, the days within the month's working
    days, the items (seniority, bonus) to the additional pay and base + them = gross, the itemised deductions (ДОД, the
    union's fee, the advance) to ``deductions``, net = gross - deductions, every money column of the layout to its
    total; the works of the Rhodopes or the north-east; months around the renaming and the restoration on many files."""
    from samples import family_ad
    from samples.content import working_days

    years = []
    works = {w[0].replace("„", '"').replace("“", '"') for w in family_ad.WORKS}
    works |= {w.replace("„", '"').replace("“", '"') for ws in family_ad.WORKS_1990S.values() for w in ws}
    for _, ef, sheets in _months():
        assert ef.employer in works
        years.append(sheets[0].year)
        for sheet in sheets:
            _assert_truth_holds(sheet, family_ad.PARTS)
            cols = set(sheet.layout)
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_ad.ITEMS, *family_ad.PARTS}
            for r in sheet.rows:
                born = egn.birth_date(str(r["egn"]))
                assert born is not None and 1920 <= born.year <= 1978
                if "days_worked" in cols:
                    assert 0 <= r["days_worked"] <= working_days(sheet.year, sheet.month)
                items = sum((r[c] for c in family_ad.ITEMS if c in cols), Decimal(0))
                if set(family_ad.ITEMS) <= cols:
                    assert r["base_pay"] + items == r["gross_pay"]
                if set(family_ad.ITEMS) <= cols and "extra_pay" in cols:
                    assert items == r["extra_pay"]
    assert sum(1984 <= y <= 1985 for y in years) >= 4 and sum(1989 <= y <= 1991 for y in years) >= 4
    assert min(years) < 1984 and max(years) > 1991


def test_family_ad_names_through_the_renaming_and_the_restoration():
    """A renamed person keeps the ЕГН and changes the name: the own (a name a Bulgarian dictionary does not hold)
    before the renaming, the imposed (Bulgarian) one from it, the own again after the restoration; on the first sheets
    after a renaming the old name typed and the new one standing (struck: the truth the new one), after a restoration
    the imposed one typed and struck or the own typed over a note naming the former one; never a note or a strike on
    other months."""
    from samples import data, family_ad

    seen = {"struck_new": 0, "struck_back": 0, "note": 0, "changed": 0}
    for habits, _, sheets in _months(range(22001, 22017)):
        ad = habits.ad
        names_by_egn: dict[str, set[str]] = {}
        for sheet in sheets:
            ym = (sheet.year, sheet.month)
            for r, (stands, typed, how) in zip(sheet.rows, sheet.extra["ad_names"], strict=True):
                p = ad.people[str(r["egn"])]
                assert r["name"] == stands
                names_by_egn.setdefault(str(r["egn"]), set()).add(stands)
                if not p.imposed:
                    assert stands == typed == p.own and how == ""
                    continue
                assert stands == (p.imposed if p.renamed <= ym < p.restored else p.own)
                if how == "struck":
                    assert typed != stands and {typed, stands} == {p.own, p.imposed}
                    seen["struck_new" if stands == p.imposed else "struck_back"] += 1
                elif how:
                    assert typed == stands == p.own and p.imposed.split()[-1] in how
                    assert p.restored <= ym < family_ad._month_add(p.restored, 2)
                    seen["note"] += 1
                else:
                    assert typed == stands
                first = p.own.split()[0]
                if p.kind == "turk":
                    assert first not in data.MALE_FIRST + data.FEMALE_FIRST
                    assert p.imposed.split()[0] in data.MALE_FIRST + data.FEMALE_FIRST
        seen["changed"] += sum(len(v) > 1 for v in names_by_egn.values())
    assert all(v >= 3 for v in seen.values()), seen


def _sheet_with(want, seeds=range(22001, 22041)):
    """The first drawn AD month (with its habits) whose names' ways include ``want``."""
    for habits, _, sheets in _months(seeds):
        for sheet in sheets:
            hows = {"struck" if h == "struck" else "note" if h else "" for _, _, h in sheet.extra["ad_names"]}
            if want <= hows:
                return habits.ad, sheet
    raise AssertionError(f"no AD month with {want}")


def _drawn(ad, sheet, seed: int = 5):
    from samples import family_ad
    from samples.render import Style

    st = Style(font=family_ad.FONT_DIR / ad.face, typewriter=True, size=50, ruled=False, landscape=True)
    family_ad.style(ad, random.Random(seed), st)
    img, geo = family_ad.render(sheet, st, ad, random.Random(seed))
    return img, geo


def _ink_in(a: np.ndarray, polygon, level: float = 0.3) -> float:
    """The share of ``a``'s pixels (ink 0..1) over ``level`` inside the polygon's box."""
    pts = np.asarray(polygon, float)
    x0, y0 = np.floor(pts.min(axis=0)).astype(int)
    x1, y1 = np.ceil(pts.max(axis=0)).astype(int)
    box = a[max(0, y0) : y1, max(0, x0) : x1]
    return float((box > level).mean()) if box.size else 0.0


def test_family_ad_prints_the_renaming_marks_where_the_truth_says():
    """A drawn AD sheet with struck and noted names: every struck name is typed (the old one) and struck through by
    the pen, the name that stands written by the pen above it (a correction mark), every note typed; the typed cells
    hold the truth's figures and ЕГН; a box per row inside the page; the people's signatures in the pen's layer."""
    ad, sheet = _sheet_with({"struck"})
    for rules in ("typed", "pen"):
        forced = replace(ad, rules=rules)
        img, geo = _drawn(forced, sheet)
        typed = (255.0 - np.asarray(img, np.float32)) / 255.0
        pen = (255.0 - sheet.extra["ad_pen"].astype(np.float32)) / 255.0
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows)
        assert all(0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H for b in geo.row_bboxes)
        struck = [m for m in geo.marks if m["kind"] == "struck"]
        written = [m for m in geo.marks if m["kind"] == "correction"]
        want = [i for i, (_, _, h) in enumerate(sheet.extra["ad_names"]) if h == "struck"]
        assert [m["row"] for m in struck] == want == [m["row"] for m in written]
        for m in struck:
            assert m["fields"] == ["name"] and _ink_in(typed, m["polygon"]) > 0.03 and _ink_in(pen, m["polygon"]) > 0.005
        for m in written:
            assert _ink_in(pen, m["polygon"]) > 0.02 and _ink_in(typed, m["polygon"], 0.5) < _ink_in(pen, m["polygon"])
        cells = {(r, t) for r, _, _, t in geo.cells}
        for i, r in enumerate(sheet.rows):
            assert any(rr == i + 1 and str(r["egn"]) in t for rr, t in cells)
            assert any(rr == i + 1 and f"{r['net_pay']:.2f}".replace(".", ad.decimal) in t.replace(" ", "") for rr, t in cells)
        assert any(c == "signature" for c, _ in forced.columns) and pen.sum() > 0  # the signatures, the strikes
    ad, sheet = _sheet_with({"note"})
    img, geo = _drawn(ad, sheet)
    typed = (255.0 - np.asarray(img, np.float32)) / 255.0
    notes = [m for m in geo.marks if m["kind"] == "note"]
    assert notes and all(_ink_in(typed, m["polygon"]) > 0.03 for m in notes)
    for m in notes:  # the note under its row's name, inside the row's box
        b = geo.row_bboxes[m["row"]]
        assert b[1] <= min(p[1] for p in m["polygon"]) and max(p[1] for p in m["polygon"]) <= b[3] + 2


def test_family_ad_scans_the_aged_sheet_in_colour():
    """The scan of a drawn AD sheet: RGB, the paper yellowed (red over blue), the sheet's size at the dpi of its
    paper; a piece broken off through rows: torn marks of the rows whose typed cells it takes (the totals' with no
    row), the lid showing where it was; the tape over a crack yellower than the paper round it."""
    from samples import family_ad

    ad, sheet = _sheet_with(set(), range(22003, 22004))
    ad = replace(ad, torn=1.0, tape=1.0, lid="black", paper="A4L", foxing=20)
    img, geo = _drawn(ad, sheet)
    for k in range(40):  # a page whose piece takes a part of some typed cells
        page = family_ad.page_of(img, geo, sheet, ad, random.Random(k))
        torn = [m for m in geo.marks if m["kind"] == "torn"]
        if torn:
            break
    assert page.piece and torn and all(m["fields"] for m in torn)
    assert all(m["row"] is None or 0 <= m["row"] < len(sheet.rows) for m in torn)
    out, mat, dpi = family_ad.scan(np.asarray(img, np.float32), page, np.random.default_rng(1))
    assert out.ndim == 3 and out.shape[2] == 3
    assert dpi == (300 if sheet.extra["ad_paper"].startswith("A3") else ad.dpi)
    W, H = img.size
    assert abs(out.shape[1] - (W + 2 * 30) * dpi / 300) < (2 * 110 + 2) * dpi / 300
    mid = out[out.shape[0] // 3 : out.shape[0] // 2, out.shape[1] // 3 : out.shape[1] // 2].reshape(-1, 3)
    assert np.median(mid[:, 0]) - np.median(mid[:, 2]) > 20  # yellowed paper
    gone = np.zeros((H, W), np.uint8)
    cv2.fillPoly(gone, [np.asarray(page.piece, np.int32)], 1)
    dist = cv2.distanceTransform(gone, cv2.DIST_L2, 3)
    py, px = np.unravel_index(int(np.argmax(dist)), dist.shape)  # the piece's middle
    x, y = mat @ np.array([px, py, 1.0])
    assert out[int(y), int(x)].mean() < 60  # the black lid where the piece is gone

    def yellow(x: float, y: float) -> float:
        win = out[int(y) - 20 : int(y) + 21, int(x) - 20 : int(x) + 21].reshape(-1, 3).astype(float)
        return float(np.median(win[:, 0]) - np.median(win[:, 2]))

    cx, cy, _, width, _ = page.tape
    assert page.crack and width > 0
    tx, ty = mat @ np.array([cx, cy, 1.0])
    side = cx + width if cx + width < W - 60 else cx - width
    sx, sy = mat @ np.array([side, cy, 1.0])
    assert yellow(tx, ty) > yellow(sx, sy)  # the tape gone yellow over the paper


def test_family_ad_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AD page from dev seed 22001, generated here and by another Python under another hash seed: the same bytes;
    its truth payroll-page/1 that adds up, with marks of AD's kinds only; its image an RGB PNG; the truth pinned."""
    from PIL import Image

    out = _repeats_under_another_hash_seed(tmp_path, "AD", 22001, pages=1)
    pages = _pages_add_up(out, mark_kinds=("struck", "correction", "note", "torn"))
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode == "RGB" and round(im.info["dpi"][0]) in (300, 400)
    assert all(egn.is_valid(r.egn or "") for r in page.rows)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED


PINNED = "860a00c7354c817b"
