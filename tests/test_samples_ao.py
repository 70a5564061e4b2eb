"""Family AO of the sample generator (held out from its making in session 38 to its one measurement by the lead in
session 39). These tests exercise the generator only, on its maker's development seeds 33001-33040 (the evaluation seed is
never generated here): its switches and face held apart from A-AN, its truth over many drawn months (the pay, the
itemised deductions to their sum, net; the totals), what a page prints (the table in two parts one under the other: part
I's cells the pay, part II's the same people again in the same order with their deductions and net, every printed value
reading back to the truth; only characters the typewriter has), the crumpling (creases across the table, the typing
shifted a pixel or two, every typed string far darker than its paper and the creases), and its pages the same under
another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(33001, 33041)  # AO's development seeds
PINNED = "23fd5c6f556743a1"


def test_family_ao_draws_its_own_switches():
    """AO: every layout, face, money format, nought, period wording, shortened name and ribbon; grey scans on some; a
    face of a font package none of A-AN uses, layouts and heading words of its own; every layout's pay in part I and
    its deductions and net in part II (the row number and the name again there), the ЕГН in all but one."""
    from samples import families, family_ao

    aos = common._typewriter_files("AO", SEEDS)
    assert {a.layout for a in aos} == set(range(len(family_ao.AO_PANELS)))
    assert {a.zero for a in aos} == {"-", "0,00"} and {a.cpi for a in aos} == {12, 15}
    assert {a.period for a in aos} == set(range(len(family_ao.PERIODS)))
    assert {a.name2 for a in aos} == {"full", "initials"} and {a.ribbon for a in aos} == {"black", "navy"}
    assert 0.15 < sum(a.grey for a in aos) / len(aos) < 0.9
    assert all(18 <= a.creases <= 36 and a.ruling == "none" for a in aos)
    assert families.YEARS["AO"] == (1980, 1996) and "AO" in families.FAMILIES
    common._assert_held_apart("AO", own_dirs=True)
    for (up, low), lay in zip(family_ao.AO_PANELS, family_ao.AO_LAYOUTS, strict=True):
        assert set(up) | set(low) <= set(family_ao.HEADINGS_AO)
        assert {"base_pay", "extra_pay", "gross_pay", "days_worked", "name"} <= set(up)
        assert {"deductions", "net_pay"} <= set(low) and not {"deductions", "net_pay", "base_pay"} & (set(up) & set(low))
        assert low[:2] == ("row", "name2") and up[0] == "row"
        assert lay == (*up, *(c for c in low if c not in up))
    assert sum("egn" not in lay for lay in family_ao.AO_LAYOUTS) == 1


def _months(seeds=range(33001, 33009)):
    for seed in seeds:
        yield from common._family_months("AO", seed, files=3, months=4)


def test_family_ao_truth_adds_up_over_many_months():
    """Every drawn AO month: each present person once, a valid ЕГН, the days within the month's working days, gross =
    base + additional, the itemised deductions the layout prints to their sum, never above gross, net = gross -
    deductions; the totals the fields' sums; employers of AO's with their towns renamed in their years; 1980-1996."""
    from samples import family_ao
    from samples.content import working_days
    from samples.family_ai import renamed

    n_rows = 0
    years = set()
    for habits, _ef, sheets in _months():
        ao = habits.ao
        cols = set(family_ao.AO_LAYOUTS[ao.layout])
        shown = [c for c in family_ao.PARTS if c in cols]
        assert shown
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
            assert sheet.employer == renamed(ao.kind, sheet.year, family_ao.RENAMED)
            assert ("Толбухин" in sheet.employer) <= (sheet.year < 1990)
            assert ("Михайловград" in sheet.employer) <= (sheet.year < 1993)
            wd = working_days(sheet.year, sheet.month)
            common._people_add_up(sheet, family_ao.PARTS, shown)
            for r in sheet.rows:
                n_rows += 1
                m = {f: r[f] for f in MONEY_FIELDS}
                assert all(m[f] is not None for f in MONEY_FIELDS)
                assert r["days_worked"] == r["days_paid"] and 0 <= r["days_paid"] <= wd
                assert (r["position"] is not None) == ("position" in cols)
            assert set(sheet.totals) == set(MONEY_FIELDS)
            for f, v in sheet.totals.items():
                assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
    assert n_rows > 600 and len(years) >= 6


def test_family_ao_prints_the_pay_and_under_it_the_deductions_of_the_same_people():
    """An AO page: every printed cell of a field reads back to its row's truth, the totals row's cells the sheet's
    totals; part II under part I: every row's deductions and net on a line below every row of part I, in the rows'
    order, the row's number and its name (in full or shortened) typed again there; no typed string with a character the
    typewriter has not; the row boxes (part I's lines) in order, one per row, inside the page."""
    from samples import family_ao

    for seed in (33001, 33002, 33003, 33005, 33006):
        ao, sheet, img, geo = common._rendered_month("AO", seed)
        common._cells_read_back(sheet, geo, ao)
        lay, n = sheet.layout, len(sheet.rows)
        part_one_end = max(b[3] for b in geo.row_bboxes)
        for c in ("deductions", "net_pay"):
            ys = [b[1] for i, j, b, _t in geo.cells if 1 <= i <= n and lay[j] == c]
            assert len(ys) == n and ys == sorted(ys) and min(ys) > part_one_end, c
        typed = [t for i, j, _b, t in geo.cells if 1 <= i <= n and lay[j] == "row"]
        assert typed == [str(k) for k in range(1, n + 1)]  # part I's numbers are the truth's cells
        for r in sheet.rows:
            again = family_ao.cell("name2", r, sheet)
            assert again == (r["name"] if ao.name2 == "full" else family_ao.initials(str(r["name"])))
            assert again.split()[-1] == str(r["name"]).split()[-1]
        job = sheet.extra["ao_job"]
        texts = [sheet.employer, sheet.title, sheet.period_text, *job["heads"].values(), job["total"], job["one"],
                 job["two"], *(str(r["name"]) for r in sheet.rows), *(str(r["position"]) for r in sheet.rows)]  # fmt: skip
        assert not any(ch in t for t in texts for ch in family_ao.UNTYPED)
        ys = [b[1] for b in geo.row_bboxes]
        assert len(ys) == n and ys == sorted(ys)
        assert all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in geo.row_bboxes)
        x0, y0, x1, y1 = geo.table_bbox
        assert y0 < min(ys) and y1 > max(b[3] for _i, _j, b, _t in geo.cells)


def test_family_ao_crumples_the_sheet_and_keeps_the_typing_readable():
    """The crumpling: creases across the table (the light's dip on their lines, the paper shifted by no more than a
    few pixels); in the scan (grey) every typed string of the sheet far darker than its paper and than the creases'
    darkest lines."""
    from samples import family_ao
    from samples.generate import Options, degrade_page

    for seed in (33004, 33007):
        ao, sheet, img, geo = common._rendered_month("AO", seed)
        ao.grey = True
        page = family_ao.page_of(img, geo, sheet, ao, random.Random(7))
        assert len(page.creases) == ao.creases
        light, sx, sy = family_ao.crumpled(page, img.height, img.width)
        x0, y0, x1, y1 = geo.table_bbox
        assert float((light[y0:y1, x0:x1] < 0.95).mean()) > 0.001  # crease lines through the table
        assert family_ao.LIGHT[0] - 1e-6 <= float(light.min()) and float(light.max()) <= family_ao.LIGHT[1] + 1e-6
        assert 0.3 < float(np.abs(np.hypot(sx, sy)).max()) <= 6.0
        del light, sx, sy
        arr, m, _dpi, _bend = degrade_page(img, random.Random(1), Options(family="AO"), np.random.default_rng(1), ao=page)
        # the darkest a crease's line alone makes the paper (its light's least share), less 40
        common._typing_far_darker(arr, m, sheet.extra["ao_keep"], lambda paper: paper * family_ao.LIGHT[0] - 40)


def test_family_ao_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AO pages from dev seed 33002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; PNGs at 200 or 300 dpi under 5 MB; the
    truth pinned."""
    assert common._flatbed_pin(tmp_path, "AO", 33002) == PINNED
