"""Family AK of the sample generator (held out from its making in session 34 to its one measurement by the lead at the
start of session 35; a development family from then). These tests exercise the generator only, on its maker's development seeds 29001-29040 (the evaluation
seed is never generated here): its switches and face held apart from A-AJ, its truth over many drawn months (the
members in the register's order, the base for the days at the norm, the premium, the itemised deductions, net, every
column to its total; the month over its pages, numbered on, each page's totals its own rows' sums, the month's sums
theirs; the natura a quantity of a produce at the year's price), what a page prints (the headings on a month's first
page only, every printed value reading back to the truth, the produce's line inside its row's box, a weak pin's row
faint but never gone), and its pages the same under another hash seed, every row's print in the photograph darker
than its ground (under the hand's shadow too)."""

from __future__ import annotations

import hashlib
import random
from decimal import Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests import test_samples as common

SEEDS = range(29001, 29041)  # AK's development seeds
PINNED = "8d84cac3b43b8656"


def test_family_ak_draws_its_own_switches():
    """AK: every layout, pitch, money format, nought, period wording, column separator, desk; portrait sheets,
    surname-first names, bare amounts under a lev, weak pins and the hand's shadow on some files only; a face of a font
    package none of A-AJ uses, layouts and heading words of its own; gross, deductions and net on every layout, the ЕГН
    on all but one; 1986-1996."""
    from samples import families, family_ak

    drawn = common._drawn_habits("AK", SEEDS)
    aks = [h.ak for h in drawn if h.ak]
    assert len(aks) == len(drawn) and all(h.family == "AK" and h.face == "dot_matrix" for h in drawn)
    assert {a.face for a in aks} == set(family_ak.AK_FACES["dot_matrix"])
    assert {a.layout for a in aks} == set(family_ak.AK_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in aks} == set(family_ak.AK_MONEY)
    assert {a.zero for a in aks} == {".00", "0.00"} and {a.cpi for a in aks} == set(family_ak.PITCHES)
    assert {a.period for a in aks} == set(family_ak.PERIODS) and {a.sep for a in aks} == {"|", ":", " "}
    assert {a.desk for a in aks} == set(family_ak.DESKS)
    for flag in ("portrait", "surname_first", "bare", "pin", "shadow", "detail"):
        assert 0.15 < sum(bool(getattr(a, flag)) for a in aks) / len(aks) < 0.9, flag
    assert all(a.ruling == "none" for a in aks)
    assert families.YEARS["AK"] == (1986, 1996) and "AK" in families.FAMILIES
    common._assert_held_apart("AK", own_dirs=True)
    lays = family_ak.AK_LAYOUTS
    assert {c for lay in lays for c in lay} <= set(family_ak.HEADINGS_AK)
    assert all("gross_pay" in lay and "deductions" in lay and "net_pay" in lay for lay in lays)
    assert sum("egn" not in lay for lay in lays) == 1


def _months(seeds=range(29001, 29009)):
    for seed in seeds:
        yield from common._family_months("AK", seed, files=3, months=4)


def test_family_ak_truth_adds_up_over_many_months_and_pages():
    """Every drawn AK month: rows numbered 1.. in the register's order of the surnames, names in capitals, a valid ЕГН
    once per sheet, the days within the month's working days, the post where printed, gross = base + premium (no
    premium where the base stands alone), the itemised deductions to their sum, never above gross, net, every column
    to its total; cut into its pages: the rows numbered on over them, each page's totals its rows' sums, the month's
    sums on each; the headless pages at least a third of all; employers of AK's (the liquidation council's from 1992),
    1986-1996."""
    from samples import family_ak
    from samples.content import working_days

    n_rows = n_pages = headless = n_produce = 0
    years = set()
    for habits, _ef, sheets in _months():
        ak = habits.ak
        cols = set(ak.layout)
        last = 0 if ak.surname_first else -1
        for sheet in sheets:
            years.add(sheet.year)
            assert 1986 <= sheet.year <= 1996 and sheet.employer == family_ak.renamed(ak.kind, sheet.year)
            assert sheet.employer.startswith("ЛС НА ТКЗС") == (sheet.year >= 1992 and ak.kind.startswith("ТКЗС"))
            wd = working_days(sheet.year, sheet.month)
            egns = [str(r["egn"]) for r in sheet.rows]
            assert len(set(egns)) == len(egns) and all(egn.is_valid(e) for e in egns)
            surnames = [str(r["name"]).split()[last] for r in sheet.rows]
            assert surnames == sorted(surnames)
            for i, r in enumerate(sheet.rows, start=1):
                n_rows += 1
                assert r["row"] == i and str(r["name"]) == str(r["name"]).upper()
                assert 0 <= r["days_paid"] <= wd and r["days_worked"] == (r["days_paid"] if "days_worked" in cols else None)
                assert (r["position"] in family_ak.POSTS) if "position" in cols else r["position"] is None
                m = {f: r[f] for f in MONEY_FIELDS}
                assert all((m[f] is None) == (f not in cols) for f in MONEY_FIELDS)
                extra = m["extra_pay"] if "extra_pay" in cols else (Decimal(0) if "base_pay" in cols else None)
                if m["base_pay"] is not None and extra is not None:
                    assert m["gross_pay"] == m["base_pay"] + extra
                produce = r["produce"]
                if produce is not None:  # the natura a quantity of one produce at the year's price
                    n_produce += 1
                    what, qty, unit, price = produce
                    spec = next(p for p in family_ak.PRODUCE if p[0] == what)
                    assert unit == spec[1] and spec[3][0] <= qty <= spec[3][1] and r["natura"] == qty * price > 0
                else:
                    assert r["natura"] == 0
                parts = [c for c in family_ak.PARTS if c in cols]
                if parts:
                    assert m["deductions"] == sum((r[c] for c in parts), Decimal(0))
                assert 0 <= m["deductions"] <= m["gross_pay"] and m["net_pay"] == m["gross_pay"] - m["deductions"]
            for f, v in sheet.totals.items():
                assert v == sum((r[f] or Decimal(0) for r in sheet.rows), Decimal(0))
            pages = family_ak.pages(sheet, ak, random.Random(1))
            n_pages += len(pages)
            headless += len(pages) - 1
            assert [r["row"] for p in pages for r in p.rows] == list(range(1, len(sheet.rows) + 1))
            assert [p.sheet for p in pages] == list(range(1, len(pages) + 1))
            for p in pages:
                assert p.rows and p.extra["ak_grand"] == sheet.totals and p.extra["ak_pages"] == len(pages)
                for f, v in p.totals.items():
                    assert v == sum((r[f] or Decimal(0) for r in p.rows), Decimal(0))
            for f, v in sheet.totals.items():
                assert v == sum((p.totals[f] for p in pages), Decimal(0))
    assert n_rows > 1000 and headless > n_pages / 3 and len(years) >= 5 and n_rows / 5 < n_produce < n_rows / 2


def _drawn_pages(seed: int, want):
    """The pages of the first month of an AK file drawn from ``seed`` for which ``want(habits, pages)`` holds."""
    from samples import family_ak

    for habits, _ef, sheets in common._family_months("AK", seed, files=6, months=1):
        pages = family_ak.pages(sheets[0], habits.ak, random.Random(2))
        if want(habits.ak, pages):
            return habits.ak, pages
    raise AssertionError("no such AK month")


def _value(text: str, ak) -> Decimal:
    """A printed amount read back as a person reads it: the thousands' mark gone, the decimal a point."""
    t = text.replace(ak.thousands, "") if ak.thousands else text
    t = t.replace(",", ".")
    return Decimal("0" + t if t.startswith(".") else t)


def test_family_ak_prints_headings_on_the_first_page_only_and_every_value_as_its_truth():
    """A month over two or more pages: the first page's headings (row 0 cells) above its rows; the later pages none,
    their first row numbered on from the page before, the running line with the employer and the period; every printed
    cell of a field reads back to the truth (a bare ".85" too), the page's sums line to the page's totals; a row's
    produce line under it (its quantity, ending with the natura) within the row's box, a row without one a line high."""
    from samples import family_ak

    notes = 0
    for seed in (29001, 29003, 29005):
        ak, pages = _drawn_pages(seed, lambda a, p: len(p) >= 2 and a.detail)
        for k, sheet in enumerate(pages):
            img, geo = family_ak.render(sheet, None, ak, random.Random(5))
            heads = [c for c in geo.cells if c[0] == 0]
            assert (len(heads) == len(sheet.layout)) == (k == 0) and (not heads) == (k > 0)
            if k:
                assert sheet.rows[0]["row"] == pages[k - 1].rows[-1]["row"] + 1
            for i, j, _box, text in geo.cells:
                c = sheet.layout[j]
                if i == 0:
                    continue
                if i == len(sheet.rows) + 1:
                    assert _value(text, ak) == sheet.totals[c]
                    continue
                r = sheet.rows[i - 1]
                if c in MONEY_FIELDS:
                    assert _value(text, ak) == r[c], (c, text)
                else:
                    assert text == str(r[c])
            assert img.size == family_ak.PAPERS[sheet.extra["ak_fit"][0]]
            for r, (_x0, y0, _x1, y1) in zip(sheet.rows, geo.row_bboxes, strict=True):  # a produce's line the row's
                note = family_ak.detail(r, sheet, ak)
                assert (y1 - y0 > 1.8 * family_ak.LINE) == bool(note)
                if note:
                    notes += 1
                    assert note.endswith(family_ak.amount(r["natura"], sheet, ak)) and str(r["produce"][1]) in note
    assert notes > 5


def test_family_ak_weak_pin_prints_its_row_faint_never_gone():
    """The same page with and without a weak pin: the pin's rows keep 45 % of the ink (never nothing), the rest
    untouched."""
    from dataclasses import replace

    from samples import family_ak

    ak, pages = _drawn_pages(29002, lambda a, p: True)
    plain, _ = family_ak.render(pages[0], None, replace(ak, pin=0.0), random.Random(5))
    pinned, _ = family_ak.render(pages[0], None, replace(ak, pin=0.55), random.Random(5))
    a = 255.0 - np.asarray(plain, np.float32)
    b = 255.0 - np.asarray(pinned, np.float32)
    inked = a > 40
    ratio = b[inked] / a[inked]
    assert ratio.min() > 0.35 and (ratio < 0.6).mean() > 0.02 and (np.abs(ratio - 1) < 0.02).mean() > 0.6


def test_family_ak_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AK pages from dev seed 29002 (a month's first page and its headless second, photographed with the hand's
    shadow), generated here and by another Python under another hash seed: the same bytes; their truth payroll-page/1
    that adds up, no marks, the rows numbered on over the two; RGB PNGs at 200 dpi under 5 MB; in every row's box of
    the truth the print's darkest pixels far darker than the row's ground, in the shadow too; the truth pinned."""
    from PIL import Image

    out = common._repeats_under_another_hash_seed(tmp_path, "AK", 29002, pages=2)
    pages = common._pages_add_up(out, years=(1986, 1996), mark_kinds=())
    assert len(pages) == 2 and [p.sheet for _, p in pages] == [1, 2]
    assert pages[1][1].rows[0].row == pages[0][1].rows[-1].row + 1
    assert all(r.egn is None or egn.is_valid(r.egn) for _, p in pages for r in p.rows)
    for png, page in pages:
        assert png.stat().st_size < 5_000_000
        with Image.open(png) as im:
            assert im.mode == "RGB" and round(im.info["dpi"][0]) == 200
            grey = np.asarray(im.convert("L"), np.float32)
        for r in page.rows:
            x0, y0, x1, y1 = r.bbox
            cut = grey[y0:y1, x0:x1]
            assert np.percentile(cut, 50) - np.percentile(cut, 0.5) > 40, r.row
    raw = "".join(PayrollPage.load(png.with_suffix(".json")).to_json() for png, _ in pages)
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED
