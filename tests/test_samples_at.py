"""Family AT of the sample generator (held out from its making in session 43 to its one measurement by the lead). These
tests exercise the generator only, on its maker's development seeds 38001-38040 (the evaluation seed is never generated
here): its switches and face held apart from A-AS, its truth over many drawn months (the pay, the itemised deductions to
their sum, net, the totals; the right sheet's name again), what a page prints (every printed value reading back to the
truth; each row's halves on the two sheets, the right one's rows off the left's by the month's offset; no typed string on
the join), the scan (every typed string far darker than its paper), and a page the same under another hash seed. Light
for CI: one month drawn and scanned, one page generated here and once more under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np
import pytest

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(38001, 38041)  # AT's development seeds
PINNED = "1bd3f962746acb7a"


def _owns(seeds=SEEDS) -> list:
    """The own habits of 10 AT files drawn from each of ``seeds``: every file AT's, typed on its typewriter."""
    drawn = common._drawn_habits("AT", seeds)
    assert all(h.family == "AT" and h.face == "typewriter" and h.at is not None for h in drawn)
    return [h.at for h in drawn]


def test_family_at_draws_its_own_switches():
    """AT: every layout, money format, nought, period wording, spacing, join, the right sheet's own line, its name
    again, the period again on some, the other machine on some (its line feed not the left's), both ribbons; a face of
    a font package none of A-AS uses, layouts and heading words of its own; one layout without ЕГН, two with itemised
    deductions, every layout's left sheet the pay and its right sheet the row number again, deductions and net."""
    from samples import families, family_at

    owns = _owns()
    assert {a.layout for a in owns} == set(range(len(family_at.AT_LAYOUTS)))
    assert {(a.thousands, a.decimal) for a in owns} == set(family_at.AT_MONEY)
    assert {a.zero for a in owns} == {"-", "0,00"} and {a.cpi for a in owns} == {10, 12}
    assert {a.period for a in owns} == set(range(len(family_at.PERIODS))) and {a.spacing for a in owns} == {1.5, 2.0}
    assert {a.join for a in owns} == set(family_at.JOINS) and {a.goon for a in owns} == set(range(len(family_at.GOONS)))
    assert {a.name2 for a in owns} == {"surname", "initials"} and {a.period_again for a in owns} == {True, False}
    assert {a.other for a in owns} == {True, False} and {a.ribbon for a in owns} == set(family_at.RIBBONS)
    assert all((a.feed == 1.0) != a.other for a in owns) and all(a.ruling == "none" for a in owns)
    assert {a.face for a in owns} == {family_at.MYEONGJO}
    assert families.YEARS["AT"] == (1980, 1996) and "AT" in families.FAMILIES
    common._assert_held_apart("AT", own_extra=frozenset({family_at.CODING}), own_dirs=True)
    for lay in family_at.AT_LAYOUTS:
        left, right = family_at.halves(lay)
        assert set(lay) <= set(family_at.HEADINGS_AT) and left[0] == "row" and right[0] == "row2"
        assert {"name", "gross_pay"} <= set(left) and {"deductions", "net_pay"} <= set(right)
    assert sum("egn" not in lay for lay in family_at.AT_LAYOUTS) == 1
    assert sum(bool(set(lay) & set(family_at.PARTS)) for lay in family_at.AT_LAYOUTS) == 2


def test_family_at_truth_adds_up():
    """Every drawn AT month: each present person once (10-30 people a file), a valid ЕГН, the days within the month's
    working days, gross = base + additional, the itemised deductions the layout prints to their sum (ДОД, the union's
    fee and the advance withheld where only the total is printed), net = gross - deductions; the totals the fields'
    sums; the right sheet's name again the surname or the initials; employers of AT's with their towns renamed in their
    years; 1980-1996; each month's join drawn (the right rows within a row and a half of the left's, a little turned,
    a gap or an overlap of the join's kind)."""
    from samples import family_at
    from samples.content import working_days
    from samples.family_ai import renamed

    n_rows, years, offsets = 0, set(), []
    for seed in range(38001, 38007):
        for habits, ef, sheets in common._family_months("AT", seed, files=3, months=4):
            own = habits.at
            assert 10 <= len(ef.staff) <= 30
            cols = set(family_at.AT_LAYOUTS[own.layout])
            shown = [c for c in family_at.PARTS if c in cols] or sorted(family_at.UNPRINTED)
            for sheet in sheets:
                years.add(sheet.year)
                assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
                assert sheet.employer == renamed(own.kind, sheet.year, family_at.RENAMED)
                wd = working_days(sheet.year, sheet.month)
                for r in sheet.rows:
                    n_rows += 1
                    common._assert_month_pay(r, family_at.PARTS, shown, cols, wd)
                    words = str(r["name"]).split()
                    assert r["name2"] == (words[-1] if own.name2 == "surname" else
                                          " ".join([*(w[0] + "." for w in words[:-1]), words[-1]]))  # fmt: skip
                assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
                assert set(sheet.totals) == {f for f in MONEY_FIELDS if f in cols}
                for f, v in sheet.totals.items():
                    assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
                job = sheet.extra["at_job"]
                offsets.append(job["offset"])
                assert abs(job["offset"]) <= 1.5 and abs(job["tilt"]) <= (1.0 if own.join == "loose" else 0.5)
                assert {"glued": (8, 20), "taped": (0, 1.5), "loose": (3, 12)}[own.join][0] <= job["gap_mm"] <= {
                    "glued": 20, "taped": 1.5, "loose": 12}[own.join]
    assert n_rows > 600 and len(years) >= 6
    assert min(offsets) < -1 and max(offsets) > 1 and any(abs(o) < 0.3 for o in offsets)


@pytest.fixture(scope="module")
def month():
    """One AT month drawn and typed (dev seed 38005: a glued file whose right sheet prints the name again, typed on the other machine, its rows more than a row above the left's), its page as
    laid on the glass and scanned: (own habits, sheet, image, geometry, page, scan, map)."""
    from samples import family_at
    from samples.generate import Options, degrade_page

    own, sheet, img, geo = common._rendered_month("AT", 38005, lambda o, s: o.join == "glued" and "name2" in s.layout
                                                  and abs(s.extra["at_job"]["offset"]) > 0.5)  # fmt: skip
    page = family_at.page_of(img, geo, sheet, own, random.Random(7))
    arr, m, dpi, bend = degrade_page(img, random.Random(1), Options(family="AT"), np.random.default_rng(1), at=page)
    assert bend is None and dpi == 200
    return own, sheet, img, geo, page, arr, m


def test_family_at_prints_each_row_on_two_sheets(month):
    """An AT page: every printed cell of a field reads back to its row's truth, the totals rows' cells the sheet's
    totals; each row's cells on the left sheet (the pay) and on the right one (deductions, net) inside its box (their middles); the
    right sheet's rows off the left's by the month's offset (a row and more on some), its row numbers typed again in
    order; no typed string with a character the typewriter has not; every typed string on one sheet (none on the join:
    glued, the right sheet's edge over no typed string of the left's)."""
    from samples import family_at
    from samples.family_ah import LINE

    own, sheet, img, geo, _page, _arr, _m = month
    common._cells_read_back(sheet, geo, own)
    lay, n = sheet.layout, len(sheet.rows)
    k = lay.index("row2")
    boxes = geo.row_bboxes
    assert len(boxes) == n
    job = sheet.extra["at_job"]
    sp = family_at.spacing_for(own, n)
    shifts = []
    for i in range(1, n + 1):
        cells = [(j, b) for q, j, b, _t in geo.cells if q == i]
        x0, y0, x1, y1 = boxes[i - 1]
        assert {j < k for j, _ in cells} == {True, False}
        assert all(x0 <= (b[0] + b[2]) / 2 <= x1 and y0 <= (b[1] + b[3]) / 2 <= y1 for _, b in cells)  # both halves
        left = np.mean([b[3] for j, b in cells if j < k])
        right = np.mean([b[3] for j, b in cells if j >= k])
        shifts.append(right - left)
    assert abs(shifts[0] - job["offset"] * sp * LINE) < 40  # the first rows: the month's offset
    assert abs(job["offset"]) * sp * LINE > 0.5 * sp * LINE
    row_cells = [t for i, j, _b, t in geo.cells if 1 <= i <= n and lay[j] == "row"]
    assert row_cells == [str(q) for q in range(1, n + 1)]
    texts = [sheet.employer, sheet.title, sheet.period_text, job["total"], *family_at.HEADINGS_AT.values(),
             *(str(r["name"]) for r in sheet.rows), *(str(r["position"]) for r in sheet.rows), *family_at.GOONS]
    assert not any(ch in t for t in texts for ch in family_at.UNTYPED)
    papers = sheet.extra["at_papers"]
    for bx0, by0, bx1, by1 in sheet.extra["at_keep"]:  # each typed string on one sheet, none on the join
        under = papers[max(0, by0) : by1, max(0, bx0) : bx1]
        assert under.min() == under.max() > 0, (bx0, by0)
    assert img.width > 4500 and img.height < 3508 + 2 * 1.5 * 2 * LINE + 2 * family_at.PAD + 60


def test_family_at_scan_keeps_the_typing_readable(month):
    """The scan: every typed string of both sheets far darker than its paper (the glue, the tape, the lid's edges
    darken the paper far less)."""
    _own, sheet, _img, _geo, _page, arr, m = month
    grey = arr if arr.ndim == 2 else arr.mean(axis=2)
    common._typing_far_darker(grey, m, sheet.extra["at_keep"], lambda paper: paper * 0.9 - 40)


def test_family_at_page_repeats_under_another_hash_seed_and_adds_up(tmp_path):
    """One AT page from dev seed 38002, generated here and by another Python under another hash seed: the same bytes;
    its truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; an L PNG at 200 dpi under 5 MB; the truth
    pinned."""
    import hashlib

    from PIL import Image

    from archive_core import egn
    from archive_core.records import PayrollPage

    out = common._repeats_under_another_hash_seed(tmp_path, "AT", 38002, pages=1)
    pages = common._pages_add_up(out, years=(1980, 1996), mark_kinds=())
    assert len(pages) == 1
    png, page = pages[0]
    assert png.stat().st_size < 5_000_000 and [r.row for r in page.rows] == list(range(1, len(page.rows) + 1))
    assert all(r.egn is None or egn.is_valid(r.egn) for r in page.rows)
    with Image.open(png) as im:
        assert im.mode == "L" and round(im.info["dpi"][0]) == 200
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED
