"""Family AM of the sample generator (held out from its making in session 36 to its one measurement by the lead in session 37). These
tests exercise the generator only, on its maker's development seeds 31001-31040 (the evaluation seed is never generated
here): its switches and face held apart from A-AL, its truth over many drawn months (the regular rows, the two
advances and the other itemised deductions to their sum, the supplementary payroll's rows of the same people again with
only the additional pay, numbered on, the sheet's totals over both), what a page prints (every printed value reading
back to the truth, a supplementary row's base and days empty, only characters the typewriter has), the light's fading
(its edge through the table, the faded typing still far darker than its paper, the same column dark on one side and
pale on the other), and its pages the same under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(31001, 31041)  # AM's development seeds
PINNED = "f333efdc83068040"


def test_family_am_draws_its_own_switches():
    """AM: every layout, money format, nought, period wording and cover; the violet ribbon on most files, the regular
    rows' subtotal and grey scans on some; a face of a font package none of A-AL uses, layouts and heading words of its
    own; gross, deductions, net and both advances in every layout, the ЕГН in all but one; any year 1980-1996."""
    from samples import families, family_am

    ams = common._typewriter_files("AM", SEEDS)
    assert {a.layout for a in ams} == set(range(len(family_am.AM_LAYOUTS)))
    assert {a.zero for a in ams} == {"-", "0,00"} and {a.cpi for a in ams} == {10, 12}
    assert {a.period for a in ams} == set(range(len(family_am.PERIODS))) and {a.cover for a in ams} == {"folder", "sheet"}
    for flag in ("violet", "subtotal", "grey", "wide"):
        assert 0.15 < sum(bool(getattr(a, flag)) for a in ams) / len(ams) < 0.9, flag
    assert all(0.5 <= a.fade <= 0.75 and a.ruling == "none" for a in ams)
    assert families.YEARS["AM"] == (1980, 1996) and "AM" in families.FAMILIES
    common._assert_held_apart("AM", own_dirs=True)
    for lay in family_am.AM_LAYOUTS:
        assert set(lay) <= set(family_am.HEADINGS_AM)
        assert {"gross_pay", "deductions", "net_pay", "base_pay", "extra_pay", "advance1", "advance2"} <= set(lay)
    assert sum("egn" not in lay for lay in family_am.AM_LAYOUTS) == 1


def _months(seeds=range(31001, 31009)):
    for seed in seeds:
        yield from common._family_months("AM", seed, files=3, months=4)


def test_family_am_truth_adds_up_over_many_months():
    """Every drawn AM month: the regular rows (each present person once, a valid ЕГН, the days within the month's
    working days, gross = base + additional, the itemised deductions — ДОД, the union's fee where printed, the two
    advances — to their sum, never above gross, net = gross - deductions), then 2-4 supplementary rows of people of the
    regular ones (the same ЕГН, name and post), numbered on, no base and no days, gross = the additional pay, only
    their ДОД deducted; the regular rows' subtotals their sums; the sheet's totals the sums over every row; employers of
    AM's with their towns renamed in their years; 1980-1996."""
    from samples import family_am
    from samples.content import working_days

    n_rows = n_supp = 0
    years, whats = set(), set()
    for habits, _ef, sheets in _months():
        am = habits.am
        cols = set(family_am.AM_LAYOUTS[am.layout])
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
            assert sheet.employer == family_am.ai_renamed(am.kind, sheet.year, family_am.RENAMED)
            assert ("Толбухин" in sheet.employer) <= (sheet.year < 1990)
            assert ("Михайловград" in sheet.employer) <= (sheet.year < 1993)
            wd = working_days(sheet.year, sheet.month)
            job = sheet.extra["am_job"]
            n_reg = job["n_regular"]
            regular, supp = sheet.rows[:n_reg], sheet.rows[n_reg:]
            assert 2 <= len(supp) <= 4 and [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            egns = [str(r["egn"]) for r in regular]
            assert len(set(egns)) == len(egns) and all(egn.is_valid(e) for e in egns)
            by_egn = {str(r["egn"]): r for r in regular}
            assert len({str(r["egn"]) for r in supp}) == len(supp)
            for r in sheet.rows:
                n_rows += 1
                m = {f: r[f] for f in MONEY_FIELDS}
                assert all((m[f] is None) == (f not in cols) for f in MONEY_FIELDS if f != "base_pay")
                assert m["deductions"] == sum((r[c] for c in family_am.PARTS if c in cols), Decimal(0))
                assert all(r[c] == 0 for c in family_am.PARTS if c not in cols)
                assert 0 <= m["deductions"] <= m["gross_pay"] and m["net_pay"] == m["gross_pay"] - m["deductions"]
                assert (r["position"] is not None) == ("position" in cols)
                if r["supplementary"]:
                    n_supp += 1
                    first = by_egn[str(r["egn"])]
                    assert (r["name"], r["position"]) == (first["name"], first["position"])
                    assert m["base_pay"] is None and r["days_worked"] is None and m["extra_pay"] > 0
                    assert m["gross_pay"] == m["extra_pay"] and m["deductions"] == r["tax"]
                else:
                    assert m["gross_pay"] == m["base_pay"] + m["extra_pay"]
                    assert r["days_worked"] == (r["days_paid"] if "days_worked" in cols else None)
                    assert 0 <= r["days_paid"] <= wd
            whats.add(job["supp"])
            assert not any(r["supplementary"] for r in regular) and all(r["supplementary"] for r in supp)
            for f, v in job["sub"].items():
                assert v == sum((Decimal(r[f] or 0) for r in regular), Decimal(0))
            assert set(sheet.totals) == {f for f in MONEY_FIELDS if f in cols}
            for f, v in sheet.totals.items():
                assert v == sum((Decimal(r[f] or 0) for r in sheet.rows), Decimal(0))
    assert n_rows > 600 and n_supp > 150 and len(years) >= 6 and len(whats) >= 10


def _drawn_sheet(seed: int, want=lambda am, sheet: True):
    """The first month of an AM file drawn from ``seed`` for which ``want(habits, sheet)`` holds, rendered."""
    return common._rendered_month("AM", seed, want)


def test_family_am_prints_the_supplementary_rows_and_every_value():
    """An AM page: one heading row; every printed cell of a field reads back to its row's truth, a supplementary row's
    base and days cells empty, the "Всичко" row's cells the sheet's totals; the supplementary payroll's line typed
    between the regular rows and the supplementary ones; no typed string with a character the typewriter has not;
    the row boxes in order, one per row, inside the page."""
    from samples import family_am

    for seed in (31001, 31002, 31003, 31005):
        am, sheet, img, geo = _drawn_sheet(seed)
        common._cells_read_back(sheet, geo, am, lambda r, c: r["supplementary"] and c in ("base_pay", "days_worked"))
        n = len(sheet.rows)
        job = sheet.extra["am_job"]
        texts = [sheet.employer, sheet.title, sheet.period_text, job["supp"], *job["heads"].values(), job["total"],
                 *(str(r["name"]) for r in sheet.rows), *(str(r["position"]) for r in sheet.rows)]  # fmt: skip
        assert not any(ch in t for t in texts for ch in family_am.UNTYPED)
        ys = [b[1] for b in geo.row_bboxes]
        assert len(ys) == n and ys == sorted(ys)
        gap = geo.row_bboxes[job["n_regular"]][1] - geo.row_bboxes[job["n_regular"] - 1][1]
        assert gap > 1.3 * family_am.LINE  # the supplementary payroll's line between them
        assert all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in geo.row_bboxes)


def test_family_am_fades_part_of_the_table_and_keeps_it_readable():
    """The light's fading: its edge crosses the table (part of the rows' area exposed, part covered); in the scan
    (grey) every row's typing far darker than its paper on both sides of the edge, and the faded side's typing paler
    than the covered side's."""
    from samples import family_am
    from samples.generate import Options, degrade_page

    for seed, cover in ((31004, "folder"), (31006, "sheet")):
        am, sheet, img, geo = _drawn_sheet(seed, lambda a, s, c=cover: a.cover == c and a.violet)
        am.grey = True
        page = family_am.page_of(img, geo, sheet, am, random.Random(7))
        x0, y0, x1, y1 = geo.table_bbox
        share = float(page.exposed[y0:y1, x0:x1].mean())
        assert 0.1 < share < 0.9, share
        arr, m, _dpi, _bend = degrade_page(img, random.Random(1), Options(family="AM"), np.random.default_rng(1), am=page)
        ink = {0: [], 1: []}
        for bx0, by0, bx1, by1 in sheet.extra["am_keep"]:
            if not (y0 < by0 and by1 < y1):
                continue
            e = page.exposed[by0:by1, bx0:bx1]
            if e.min() < 1 and e.max() > 0:  # (a string across the edge)
                continue
            pts = np.array([[bx0, by0, 1], [bx1, by1, 1]], np.float64) @ m.T
            (a, b), (c, d) = pts.astype(int)
            cut = np.asarray(arr[b + 3 : d - 3, a + 3 : c - 3], np.float32)
            if cut.size == 0:
                continue
            contrast = np.percentile(cut, 90) - np.percentile(cut, 1)
            assert contrast > 45, (bx0, by0, contrast)
            ink[int(e.max() > 0)].append(np.percentile(cut, 1))
        assert ink[0] and ink[1] and np.median(ink[1]) > np.median(ink[0]) + 30


def test_family_am_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AM pages from dev seed 31002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН where printed, some names twice; PNGs at 200 or 300 dpi under 5 MB;
    the truth pinned."""
    pages, pin = common._flatbed_pages(tmp_path, "AM", 31002)
    assert all(r.egn is None or egn.is_valid(r.egn) for _, p in pages for r in p.rows)
    assert all(len({r.name for r in p.rows}) < len(p.rows) for _, p in pages)  # the supplementary rows' people again
    assert pin == PINNED
