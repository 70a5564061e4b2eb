"""Family AP of the sample generator (held out from its making in session 39 to its one measurement by the lead in session 40). These
tests exercise the generator only, on its maker's development seeds 34001-34040 (the evaluation seed is never generated
here): its switches and faces held apart from A-AO, its truth over many drawn months (the pay, the itemised deductions to
their sum, net; the totals), what a page prints (a printed form's grid and the month typed on it off that grid — the
typed lines drifting across the printed rows and slanting, figures across the printed column rules —, every typed value
reading back to the truth, the printed rows under the people left empty, only characters the typewriter has), the scan
(every typed string far darker than its paper and the form's print), and its pages the same under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(34001, 34041)  # AP's development seeds
PINNED = "6f2a601a1e28e76f"


def test_family_ap_draws_its_own_switches():
    """AP: every form, money format, nought, month wording, row pitch, line spacing habit, printed or typed row numbers,
    column numbers, totals' place, strike-out, form ink, ribbon and paper; grey scans on some; faces of a font package
    none of A-AO uses (the typing's and the form's print), forms and heading words of its own; every form with printed
    columns the employer never fills, the pay's fields and the ЕГН on all but one; every form's grid inside its paper,
    13-28 printed rows for people."""
    from samples import families, family_ap

    aps = common._typewriter_files("AP", SEEDS)
    assert {a.layout for a in aps} == set(range(len(family_ap.AP_FORMS)))
    assert {a.zero for a in aps} == {"-", "0,00"} and {a.cpi for a in aps} == {10, 12}
    assert {a.period for a in aps} == set(range(len(family_ap.PERIODS)))
    assert {a.pitch_mm for a in aps} == set(family_ap.ROW_PITCHES)
    for flag in ("lever", "numbered", "col_numbers", "foot", "strike", "grey"):
        assert 0.15 < sum(getattr(a, flag) for a in aps) / len(aps) < 0.9, flag
    assert {a.ink for a in aps} == set(family_ap.INKS) and {a.ribbon for a in aps} == set(family_ap.RIBBONS)
    assert {a.paper for a in aps} == set(family_ap.PAPERS_TINT) and all(a.ruling == "none" for a in aps)
    assert families.YEARS["AP"] == (1980, 1996) and "AP" in families.FAMILIES
    common._assert_held_apart("AP", own_extra=frozenset({family_ap.TAKAO_P}), own_dirs=True)
    for (_code, paper, cols), lay in zip(family_ap.AP_FORMS, family_ap.AP_LAYOUTS, strict=True):
        assert set(lay) <= set(family_ap.HEADINGS_AP) and lay[0] == "row"
        assert {"name", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"} <= set(lay)
        assert set(lay) & set(family_ap.UNUSED) and set(lay) & set(family_ap.PARTS)
        assert sum(w for _c, w in cols) * family_ap.MM < family_ap.PAPERS[paper][0] - 300
    assert sum("egn" not in lay for lay in family_ap.AP_LAYOUTS) == 1
    printed = {family_ap.frame_of(a).rows for a in aps}
    assert min(printed) >= 13 and max(printed) <= 28 and len(printed) >= 4  # the forms' printed rows for people


def _months(seeds=range(34001, 34009)):
    for seed in seeds:
        yield from common._family_months("AP", seed, files=3, months=4)


def test_family_ap_truth_adds_up_over_many_months():
    """Every drawn AP month: each present person once, a valid ЕГН, the days within the month's working days, gross =
    base + additional, the itemised deductions the form prints to their sum, never above gross, net = gross -
    deductions; no more people than the form's printed rows hold (a row to spare); the totals the fields' sums;
    employers of AP's with their towns renamed in their years; 1980-1996."""
    from samples import family_ap
    from samples.content import working_days
    from samples.family_ai import renamed

    n_rows = 0
    years = set()
    for habits, _ef, sheets in _months():
        ap = habits.ap
        cols = set(family_ap.AP_LAYOUTS[ap.layout])
        shown = [c for c in family_ap.PARTS if c in cols]
        assert shown
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
            assert sheet.employer == renamed(ap.kind, sheet.year, family_ap.RENAMED)
            assert ("Толбухин" in sheet.employer) <= (sheet.year < 1990)
            assert ("Михайловград" in sheet.employer) <= (sheet.year < 1993)
            assert 1 <= len(sheet.rows) <= family_ap.capacity(ap)
            wd = working_days(sheet.year, sheet.month)
            common._people_add_up(sheet, family_ap.PARTS, shown)
            for r in sheet.rows:
                n_rows += 1
                assert r["days_paid"] <= wd and (r["days_worked"] is not None) == ("days_worked" in cols)
                assert (r["position"] is not None) == ("position" in cols)
            assert set(sheet.totals) == set(MONEY_FIELDS)
            for f, v in sheet.totals.items():
                assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
    assert n_rows > 400 and len(years) >= 6


def _line_base(poly) -> float:
    """A row's typed baseline at the grid's left, from its box's polygon (its top 0.8 of a line above it)."""
    from samples import family_ap

    return float(poly[0][1]) + 0.8 * family_ap.LINE


def test_family_ap_types_the_month_off_the_printed_grid():
    """An AP page: every typed cell of a field reads back to its row's truth (the printed row numbers the rows' numbers),
    the totals row's cells the sheet's totals; the rows in order, one per printed row from the first, each typed line
    no more than the drift (and the slant) off where it was meant to sit in its printed row, and over the pages lines
    visibly off (a fifth of a row and more) and slanting; a typed figure across a printed column rule on some pages; no
    two typed strings of a line touching; no typed cell on the printed rows left empty under the people (but the
    totals' where typed on the row after them); no typed string with a character the typewriter has not."""
    from samples import family_ap

    far, slanted, across, pages = 0, 0, 0, 0
    for seed in (34001, 34002, 34003, 34005, 34006, 34007, 34008, 34009):
        ap, sheet, img, geo = common._rendered_month("AP", seed)
        pages += 1
        common._cells_read_back(sheet, geo, ap)
        fr = family_ap.frame_of(ap)
        lay, n, P = sheet.layout, len(sheet.rows), fr.pitch
        assert n <= fr.rows - 1 and len(geo.row_bboxes) == n == len(geo.row_polygons)
        for i, poly in enumerate(geo.row_polygons):
            off = _line_base(poly) - (fr.row_top(i) + family_ap.SET * P)
            assert abs(off) <= family_ap.DRIFT * P + 1, (seed, i, off)
            far += abs(off) > 0.2 * P
            slope = (poly[len(poly) // 2 - 1][1] - poly[0][1]) / (poly[len(poly) // 2 - 1][0] - poly[0][0])
            assert 0.0015 < abs(slope) < 0.0055
        slanted += 1
        inner = fr.edges[1:-1]
        for i in range(1, n + 2):
            boxes = sorted(b for k, _j, b, _t in geo.cells if k == i)
            assert all(a[2] - 4 + 2 <= b[0] + 4 for a, b in zip(boxes, boxes[1:], strict=False))  # a space between
            across += sum(any(b[0] + 4 < e < b[2] - 4 for e in inner) for k, j, b, _t in geo.cells
                          if k == i and lay[j] in MONEY_FIELDS)  # fmt: skip
        below = fr.row_top(n + (0 if ap.foot else 1))  # the empty printed rows' top
        assert not [c for c in geo.cells if c[0] <= n and c[2][1] > below]
        totals_y = [b[1] for k, _j, b, _t in geo.cells if k == n + 1]
        assert totals_y and (min(totals_y) > fr.foot - 0.4 * P if ap.foot else max(totals_y) < fr.row_top(n + 1))
        ys = [b[1] for b in geo.row_bboxes]
        assert ys == sorted(ys)
        assert all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in geo.row_bboxes)
        texts = [sheet.employer, *(str(r["name"]) for r in sheet.rows), *(str(r["position"]) for r in sheet.rows),
                 *family_ap.TOTALS]  # fmt: skip
        assert not any(ch in t for t in texts for ch in family_ap.UNTYPED)
    assert far >= 3 and slanted == pages and across >= 3


def test_family_ap_names_too_long_for_the_form_typed_shorter():
    """A name too long for its printed column at the pitch is typed with the father's name as an initial, and the
    truth holds the name as typed."""
    from samples import family_ap

    assert family_ap.short_name("Иван Петров Георгиев") == "Иван П. Георгиев"
    shortened = 0
    for seed in (34001, 34002, 34004):
        ap, sheet, _img, geo = common._rendered_month("AP", seed, lambda own, sheet: own.layout >= 2)
        j = sheet.layout.index("name")
        typed = {k: t for k, jj, _b, t in geo.cells if jj == j and 1 <= k <= len(sheet.rows)}
        assert [typed[k] for k in range(1, len(sheet.rows) + 1)] == [r["name"] for r in sheet.rows]
        shortened += sum(". " in str(r["name"]) for r in sheet.rows)
    assert shortened >= 1


def test_family_ap_scan_keeps_the_typing_far_darker():
    """The scan (grey): every typed string of the sheet far darker than its paper and darker than the form's print at
    its full strength (a black print nearly as dark as the typing)."""
    from samples import family_ap
    from samples.generate import Options, degrade_page
    from samples.handwork import seen_by

    for seed in (34004, 34010):
        ap, sheet, img, geo = common._rendered_month("AP", seed)
        ap.grey = True
        page = family_ap.page_of(img, geo, sheet, ap, random.Random(7))
        arr, m, _dpi, _bend = degrade_page(img, random.Random(1), Options(family="AP"), np.random.default_rng(1), ap=page)
        printed = float(seen_by(True)(family_ap.INKS[ap.ink])[0])
        common._typing_far_darker(arr, m, sheet.extra["ap_keep"], lambda paper, p=printed: 0.9 * p + 0.1 * paper)


def test_family_ap_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AP pages from dev seed 34002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; PNGs at 200 or 300 dpi under 5 MB; the
    truth pinned."""
    assert common._flatbed_pin(tmp_path, "AP", 34002) == PINNED
