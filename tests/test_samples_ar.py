"""Family AR of the sample generator (held out from its making in session 41 to its one measurement by the lead in session 42). These
tests exercise the generator only, on its maker's development seeds 36001-36040 (the evaluation seed is never generated
here): its switches and face held apart from A-AQ, its truth over many drawn months (the pay, the itemised deductions to
their sum, net; the totals over both blocks), what a page prints (the list snaked in two blocks side by side: the left
block's rows and beside them, on the same lines, the rest numbered on; the headings typed twice, the sheet's totals under
the right block; every printed value reading back to the truth; only characters the typewriter has), the two passes'
join (the seam near the middle, the right pass shifted and its boxes with it, every typed string far darker than its
paper), and its pages the same under another hash seed."""

from __future__ import annotations

import math
import random
from decimal import Decimal

import numpy as np

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(36001, 36041)  # AR's development seeds
PINNED = "02b8103c19178659"


def test_family_ar_draws_its_own_switches():
    """AR: every layout, money format, nought, period wording, spacing, split, carry, heading words and ribbon; a hard
    cut or a blended band, the glass's edge only on a hard cut, the seam within 15 mm of the middle, the right pass's
    offset and turn small; a face of a font package none of A-AQ uses, layouts and heading words of its own; one
    layout without ЕГН."""
    from samples import families, family_ar

    ars = common._typewriter_files("AR", SEEDS)
    assert {a.layout for a in ars} == set(range(len(family_ar.AR_LAYOUTS)))
    assert {a.zero for a in ars} == {"-", "0,00"} and {a.cpi for a in ars} == {12, 15}
    assert {a.period for a in ars} == set(range(len(family_ar.PERIODS)))
    assert {a.spacing for a in ars} == {1.0, 1.5, 2.0} and {a.split for a in ars} == {"even", "full"}
    assert {a.carry for a in ars} == {"carry", "sums", "none"} and {a.short_heads for a in ars} == {True, False}
    assert {a.ribbon for a in ars} == {"black", "blue"}
    assert 0.2 < sum(a.blend == 0 for a in ars) / len(ars) < 0.9
    assert all(a.blend == 0 or 40 <= a.blend <= 160 for a in ars) and all(a.blend == 0 for a in ars if a.edge)
    assert any(a.edge for a in ars)
    assert all(abs(a.seam) <= 15 and abs(a.step) <= 5 and abs(a.tilt) <= 0.2 for a in ars)
    assert all(0.93 <= a.exposure <= 1.06 and a.ruling == "none" for a in ars)
    assert families.YEARS["AR"] == (1980, 1996) and "AR" in families.FAMILIES
    common._assert_held_apart("AR", own_dirs=True)
    for lay in family_ar.AR_LAYOUTS:
        assert set(lay) <= set(family_ar.HEADINGS_AR) and lay[0] == "row"
        assert {"name", "gross_pay", "deductions", "net_pay"} <= set(lay)
    assert sum("egn" not in lay for lay in family_ar.AR_LAYOUTS) == 1
    assert sum(bool(set(lay) & set(family_ar.PARTS)) for lay in family_ar.AR_LAYOUTS) == 2


def _months(seeds=range(36001, 36007)):
    for seed in seeds:
        yield from common._family_months("AR", seed, files=3, months=4)


def test_family_ar_truth_adds_up_over_many_months():
    """Every drawn AR month: each present person once (26-56 people a file), a valid ЕГН, the days within the month's
    working days, gross = base + additional, the itemised deductions the layout prints to their sum, never above gross,
    net = gross - deductions (ДОД, the union's fee and the advance withheld where a layout prints only their total);
    the totals the fields' sums over both blocks; the left block holding half the people or
    more, the right at least two; employers of AR's with their towns renamed in their years; 1980-1996."""
    from samples import family_ar
    from samples.content import working_days
    from samples.family_ai import renamed

    n_rows = 0
    years = set()
    for habits, ef, sheets in _months():
        ar = habits.ar
        assert 26 <= len(ef.staff) <= 56
        cols = set(family_ar.AR_LAYOUTS[ar.layout])
        shown = [c for c in family_ar.PARTS if c in cols] or sorted(family_ar.UNPRINTED)  # withheld all the same
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
            assert sheet.employer == renamed(ar.kind, sheet.year, family_ar.RENAMED)
            assert ("Толбухин" in sheet.employer) <= (sheet.year < 1990)
            assert ("Михайловград" in sheet.employer) <= (sheet.year < 1993)
            wd = working_days(sheet.year, sheet.month)
            n, left = len(sheet.rows), sheet.extra["ar_job"]["left"]
            assert (n + 1) // 2 <= left <= n - 2 or (ar.split == "even" and left == (n + 1) // 2)
            for r in sheet.rows:
                n_rows += 1
                g, d = r["gross_pay"], r["deductions"]
                if r["base_pay"] is not None:
                    assert g == r["base_pay"] + r["extra_pay"]
                assert d == sum((r[c] for c in shown), Decimal(0)) and (d > 0 or g == 0)
                assert all(r[c] == 0 for c in family_ar.PARTS if c not in shown)
                assert 0 <= d <= g and r["net_pay"] == g - d
                assert (r["days_worked"] is None) == ("days_worked" not in cols)
                assert r["days_paid"] is not None and 0 <= r["days_paid"] <= wd
                assert (r["position"] is not None) == ("position" in cols)
            assert [r["row"] for r in sheet.rows] == list(range(1, n + 1))
            assert family_ar.fit(ar, family_ar.widths_of(sheet)) is not None  # the two blocks fit across the sheet
            assert set(sheet.totals) == {f for f in MONEY_FIELDS if f in cols}
            for f, v in sheet.totals.items():
                assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
    assert n_rows > 1000 and len(years) >= 6


def test_family_ar_prints_the_list_in_two_blocks_side_by_side():
    """An AR page: every printed cell of a field reads back to its row's truth, the totals row's cells the sheet's
    totals (under the right block); the left block's rows 1..k, the right block's k+1..n beside them on the same lines
    (a line holds row i and row k + i), every right box right of every left box; the row numbers typed in order; the
    headings' truth cells the left block's once; no typed string with a character the typewriter has not."""
    from samples import family_ar

    for seed in (36001, 36002, 36003, 36005, 36008):
        ar, sheet, img, geo = common._rendered_month("AR", seed)
        common._cells_read_back(sheet, geo, ar)
        lay, n, k = sheet.layout, len(sheet.rows), sheet.extra["ar_job"]["left"]
        boxes = geo.row_bboxes
        assert len(boxes) == n and all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in boxes)
        left, right = boxes[:k], boxes[k:]
        assert max(b[2] for b in left) < min(b[0] for b in right)
        assert [b[1] for b in left] == sorted(b[1] for b in left) and [b[1] for b in right] == sorted(b[1] for b in right)
        sp = family_ar.spacing_for(ar, max(k, n - k), img.height) * family_ar.LINE
        carried = 1 if ar.carry == "carry" else 0  # the right block's carry line on the first row's line
        for i, b in enumerate(right):  # typed line by line across the sheet
            assert abs(b[1] - left[0][1] - (i + carried) * sp) <= 2
        for i, b in enumerate(left):
            assert abs(b[1] - left[0][1] - i * sp) <= 2
        typed = [t for i, j, _b, t in geo.cells if 1 <= i <= n and lay[j] == "row"]
        assert typed == [str(q) for q in range(1, n + 1)]
        totals = [b for i, _j, b, _t in geo.cells if i == n + 1]
        assert totals and min(b[0] for b in totals) > max(b[2] for b in left)
        job = sheet.extra["ar_job"]
        texts = [sheet.employer, sheet.title, sheet.period_text, *job["heads"].values(), *job["heads_r"].values(),
                 job["total"], job["sum"], *job["carry"], *(str(r["name"]) for r in sheet.rows),
                 *(str(r["position"]) for r in sheet.rows)]  # fmt: skip
        assert not any(ch in t for t in texts for ch in family_ar.UNTYPED)
        x0, y0, x1, y1 = geo.table_bbox
        assert x0 <= min(b[0] for b in boxes) and x1 >= max(b[2] for b in boxes) and y1 > max(b[3] for b in boxes)


def test_family_ar_joins_two_passes_at_a_seam_and_keeps_the_typing_readable():
    """The join: left of the seam the left pass (no shift), right of it the right pass shifted by its offset and turn,
    a ramp across a blended band; the truth's bend the shift where the right pass shows; in the scan every typed string
    of the sheet far darker than its paper."""
    from samples import family_ar
    from samples.generate import Options, degrade_page

    for seed in (36004, 36007):
        ar, sheet, img, geo = common._rendered_month("AR", seed)
        page = family_ar.page_of(img, geo, sheet, ar, random.Random(7))
        assert abs(page.seam - img.width / 2) <= 15 * family_ar.MM + 1
        for blend in (0, 120):
            ar.blend = blend
            share, shift = family_ar.joined(page, img.width)
            c = int(page.seam)
            assert share[: c - blend // 2 - 1].max() == 0 and share[c + blend // 2 + 1 :].min() == 1
            assert abs(shift[c] - ar.step) < 0.01
            most = abs(ar.step) + img.width / 2 * math.tan(math.radians(abs(ar.tilt)))
            assert float(np.abs(shift[c:]).max()) <= most + 0.01
        arr, m, dpi, bend = degrade_page(img, random.Random(1), Options(family="AR"), np.random.default_rng(1), ar=page)
        assert dpi == 200 and bend is not None and len(bend) == img.width
        assert float(np.abs(bend[: int(page.seam) - ar.blend]).max()) == 0
        np.testing.assert_allclose(bend, share * shift, atol=1e-4)
        common._typing_far_darker(arr, m, sheet.extra["ar_keep"], lambda paper: paper * 0.9 - 40)


def test_family_ar_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AR pages from dev seed 36002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; PNGs at 200 dpi under 5 MB; the truth
    pinned."""
    assert common._flatbed_pin(tmp_path, "AR", 36002) == PINNED


def test_family_ar_types_long_names_with_the_fathers_initial_only_where_the_blocks_would_not_fit():
    """A month of AR whose people have very long names: the two blocks would overrun the A3 sheet, so every name over
    20 characters is typed with the father's initial (the truth as typed) and the blocks fit; the same people with
    their own names keep them in full."""
    from samples import families, family_ar
    from samples.content import make_file, make_sheet

    def month(long: bool):
        rng = random.Random(36009)
        habits = families.draw_habits("AR", rng)
        ef = make_file(rng, 0, staff=30, years=families.YEARS["AR"])
        families.adapt_file(ef, habits, rng)
        if long:
            for p in ef.staff:
                p.name = "Христодора Константинова Попгеоргиева-Хаджиева"
        sheet = make_sheet(rng, ef, 0)
        families.adapt_sheet(sheet, habits, rng, ef)
        return habits.ar, sheet

    ar, sheet = month(True)
    assert {r["name"] for r in sheet.rows} == {"Христодора К. Попгеоргиева-Хаджиева"}
    assert family_ar.fit(ar, family_ar.widths_of(sheet)) is not None
    ar, sheet = month(False)
    assert not any(". " in str(r["name"]) for r in sheet.rows)
    assert family_ar.fit(ar, family_ar.widths_of(sheet)) is not None
