"""Family AL of the sample generator (held out from its making in session 35 to its one measurement by the lead at the
start of session 36; a development family from then). These tests exercise the generator only, on its maker's development seeds 30001-30040 (the evaluation
seed is never generated here): its switches and face held apart from A-AK, its truth over many drawn months (two
sections under their own columns, rows numbered on across them, a piece-rate row's norm-hours, gross = base + premium
or supplement, the itemised deductions to their sum, net, each section's subtotals its rows' sums, the sheet's totals
the grand total of the pay fields both sections print), what a page prints (two heading rows, gross and net at other
places in the second section, every printed value reading back to the truth), the clerks' marks (highlighter bands
only over the marked rows with the typing under them darker than the band, pencil never through a typed string), and
its pages the same under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(30001, 30041)  # AL's development seeds
PINNED = "e14b92cfb7ecec00"


def test_family_al_draws_its_own_switches():
    """AL: every pair of sections, money format, nought, period wording, section numbering and highlighter colour;
    the piece-rate section first, the red half of the ribbon, grey scans on some files only; a face of a font package
    none of A-AK uses, layouts and heading words of its own; gross, deductions, net and the ЕГН in every layout, the
    same pay fields (but the itemised deductions) in both sections of a pair, gross at another place in each; any year
    1980-1996."""
    from samples import families, family_al

    als = common._typewriter_files("AL", SEEDS)
    assert {a.pair for a in als} == set(range(len(family_al.SECTIONS)))
    assert {a.zero for a in als} == {"-", "0,00"} and {a.cpi for a in als} == {10, 12, 15}
    assert {a.period for a in als} == set(range(len(family_al.PERIODS)))
    assert {a.numbers for a in als} == set(range(len(family_al.NUMBERS)))
    assert {a.marker for a in als} == set(family_al.HIGHLIGHTERS) and {a.spacing for a in als} == {1.0, 1.5, 2.0}
    for flag in ("piece_first", "red", "grey"):
        assert 0.15 < sum(bool(getattr(a, flag)) for a in als) / len(als) < 0.9, flag
    assert all(a.ruling == "none" for a in als)
    assert families.YEARS["AL"] == (1980, 1996) and "AL" in families.FAMILIES
    common._assert_held_apart("AL", own_dirs=True)
    assert {c for lay in family_al.AL_LAYOUTS for c in lay} <= set(family_al.HEADINGS_AL)
    for piece, time in family_al.SECTIONS:
        assert set(piece) <= set(family_al.HEADINGS_PIECE) and set(time) <= set(family_al.HEADINGS_TIME)
        for lay in (piece, time):
            assert {"egn", "gross_pay", "deductions", "net_pay", "base_pay"} <= set(lay)
        assert {f for f in MONEY_FIELDS if f in piece} == {f for f in MONEY_FIELDS if f in time}
        assert piece.index("gross_pay") != time.index("gross_pay") and piece.index("net_pay") != time.index("net_pay")
        assert "norm_hours" in piece and "norm_hours" not in time


def _months(seeds=range(30001, 30009)):
    for seed in seeds:
        yield from common._family_months("AL", seed, files=3, months=4)


def test_family_al_truth_adds_up_over_many_months():
    """Every drawn AL month: the rows in two sections (the first's then the second's, neither empty), numbered 1..
    across them, a valid ЕГН once per sheet, the days within the month's working days and null where the row's section
    prints none, the post likewise, a piece-rate row's norm-hours about 8 an hour a day at 88-135 % of the norm, gross =
    base + premium (none where the pair prints none), the itemised deductions to their sum, never above gross, net;
    each section's subtotals its rows' sums; the sheet's totals the sums over both sections of the pay fields both
    print, and only those; employers of AL's with their towns renamed in their years; 1980-1996."""
    from samples import family_al
    from samples.content import working_days

    n_rows = 0
    years, firsts = set(), set()
    for habits, _ef, sheets in _months():
        al = habits.al
        secs = family_al.sections(al)
        firsts.add(secs[0][0])
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996
            assert sheet.employer == family_al.ai_renamed(al.kind, sheet.year, family_al.RENAMED)
            assert ("Толбухин" in sheet.employer) <= (sheet.year < 1990)
            wd = working_days(sheet.year, sheet.month)
            egns = [str(r["egn"]) for r in sheet.rows]
            assert len(set(egns)) == len(egns) and all(egn.is_valid(e) for e in egns)
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            ks = [r["section"] for r in sheet.rows]
            assert ks == sorted(ks) and set(ks) == {0, 1}
            for r in sheet.rows:
                n_rows += 1
                kind, lay = secs[int(r["section"])]
                cols = set(lay)
                assert kind == ("piece" if str(r["egn"]) in al.piece else "time") or len([
                    q for q in sheet.rows if q["section"] == r["section"]]) == 1  # fmt: skip
                assert 0 <= r["days_paid"] <= wd
                assert r["days_worked"] == (r["days_paid"] if "days_worked" in cols else None)
                assert (r["position"] is not None) == ("position" in cols)
                if kind == "piece":
                    assert abs(r["norm_hours"] - 8 * r["days_paid"] * 1.1) <= 8 * r["days_paid"] * 0.26 + 1
                m = {f: r[f] for f in MONEY_FIELDS}
                assert all((m[f] is None) == (f not in cols) for f in MONEY_FIELDS)
                extra = m["extra_pay"] if "extra_pay" in cols else Decimal(0)
                assert m["gross_pay"] == m["base_pay"] + extra
                parts = [c for c in family_al.PARTS if c in cols]
                if parts:
                    assert m["deductions"] == sum((r[c] for c in parts), Decimal(0))
                assert 0 <= m["deductions"] <= m["gross_pay"] and m["net_pay"] == m["gross_pay"] - m["deductions"]
            job = sheet.extra["al_job"]
            for k, (_kind, lay) in enumerate(secs):
                rows = [r for r in sheet.rows if r["section"] == k]
                for f, v in job["sub"][k].items():
                    assert f in lay and v == sum((Decimal(r[f] or 0) for r in rows), Decimal(0))
            common_fields = {f for f in MONEY_FIELDS if all(f in lay for _, lay in secs)}
            assert set(sheet.totals) == common_fields >= {"base_pay", "gross_pay", "deductions", "net_pay"}
            for f, v in sheet.totals.items():
                assert v == sum((r[f] for r in sheet.rows), Decimal(0))
                assert v == sum((s[f] for s in job["sub"]), Decimal(0))
    assert n_rows > 800 and len(years) >= 6 and firsts == {"piece", "time"}


def _drawn_sheet(seed: int, want=lambda al, sheet: True):
    """The first month of an AL file drawn from ``seed`` for which ``want(habits, sheet)`` holds, rendered."""
    return common._rendered_month("AL", seed, want)


_value = common._typed_value


def test_family_al_prints_two_sections_under_their_own_columns():
    """An AL page: two heading rows (one per section, their columns each its own); every printed cell of a field reads
    back to its row's truth in its section's column, the grand total's cells to the sheet's totals; gross and net stand
    at other places in the second section than in the first; the row boxes in order, one per row, inside the page."""
    from samples import family_al

    for seed in (30001, 30002, 30004):
        al, sheet, img, geo = _drawn_sheet(seed)
        secs = family_al.sections(al)
        heads = [c for c in geo.cells if c[0] == 0]
        assert len(heads) == len(secs[0][1]) + len(secs[1][1])
        x_of: dict[tuple[int, str], set[int]] = {}
        n = len(sheet.rows)
        for i, j, box, text in geo.cells:
            if i == 0:
                continue
            if i == n + 1:  # the grand total, under the last section's columns
                c = secs[1][1][j]
                assert _value(text, al) == sheet.totals[c]
                continue
            r = sheet.rows[i - 1]
            c = secs[int(r["section"])][1][j]
            x_of.setdefault((int(r["section"]), c), set()).add(box[0])
            if c in MONEY_FIELDS:
                assert _value(text, al) == r[c], (c, text)
            else:
                assert text == str(r[c])
        for c in ("gross_pay", "net_pay"):
            assert x_of[(0, c)].isdisjoint(x_of[(1, c)]), c
        ys = [b[1] for b in geo.row_bboxes]
        assert len(ys) == n and ys == sorted(ys)
        assert all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in geo.row_bboxes)


def test_family_al_marks_the_consulted_rows_never_through_the_typing():
    """The clerks' marks on a page: highlighter only over the marked rows, each marked row's band there; pencil never
    through a typed string (ticks in the margin, lines in the gap under the typing, notes beside the table); in the
    scan the typing in every marked row far darker than its band."""
    from samples import family_al
    from samples.generate import Options, degrade_page

    al, sheet, img, geo = _drawn_sheet(30003, lambda a, s: a.spacing > 1.2 and a.marker != "yellow")
    page = family_al.page_of(img, geo, sheet, al, random.Random(7))
    assert page.marked and page.marker.max() > 0.5
    pads = 0.6 * family_al.LINE
    covered = np.zeros(page.marker.shape, bool)
    for i in page.marked:
        x0, y0, x1, y1 = geo.row_bboxes[i]
        assert page.marker[y0:y1, x0:x1].max() > 0.5, i
        covered[max(0, int(y0 - pads)) : int(y1 + pads), max(0, x0 - 60) : x1 + 60] = True
    assert page.marker[~covered].max() == 0
    pencil = page.pencil < 200
    assert pencil.any()
    for x0, y0, x1, y1 in sheet.extra["al_keep"]:
        assert not pencil[y0 + 4 : y1 - 4, x0 + 4 : x1 - 4].any(), (x0, y0, x1, y1)
    arr, m, dpi, _bend = degrade_page(img, random.Random(1), Options(family="AL"), np.random.default_rng(1), al=page)
    grey = arr if arr.ndim == 2 else np.asarray(np.mean(arr, axis=2), np.float32)
    for i in page.marked:
        x0, y0, x1, y1 = geo.row_bboxes[i]
        pts = np.array([[x0, y0, 1], [x1, y1, 1]], np.float64) @ m.T
        (a, b), (c, d) = pts.astype(int)
        cut = np.asarray(grey[b + 6 : d - 6, a + 20 : c - 20], np.float32)
        assert np.percentile(cut, 50) - np.percentile(cut, 0.5) > 60, i


def test_family_al_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AL pages from dev seed 30002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН; PNGs at 200 or 300 dpi under 5 MB; the truth
    pinned."""
    pages, pin = common._flatbed_pages(tmp_path, "AL", 30002)
    assert all(r.egn is not None and egn.is_valid(r.egn) for _, p in pages for r in p.rows)
    assert pin == PINNED
