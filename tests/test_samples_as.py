"""Family AS of the sample generator (held out from its making in session 42 to its one measurement by the lead in session 43). These
tests exercise the generator only, on its maker's development seeds 37001-37040 (the evaluation seed is never generated
here): its switches and face held apart from A-AR, its truth over many drawn months (the pay, the itemised deductions to
their sum, net, the totals), the adding machine's tapes (each adds a money column row by row to its total, a slip taken
back), what a page prints (every printed value reading back to the truth; the tapes beside the table, never over a typed
string, their lines closer than the table's), the scan (every typed string far darker than its paper, the tapes'
figures printed on their own paper), and a page the same under another hash seed. Light for CI: one month drawn and
scanned, one page generated here and once more under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np
import pytest

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(37001, 37041)  # AS's development seeds
PINNED = "6169c6488f240de7"


def _owns(seeds=SEEDS) -> list:
    """The own habits of 10 AS files drawn from each of ``seeds``: every file AS's, typed on its typewriter."""
    drawn = common._drawn_habits("AS", seeds)
    assert all(h.family == "AS" and h.face == "typewriter" and h.as_ is not None for h in drawn)
    return [h.as_ for h in drawn]


def test_family_as_draws_its_own_switches():
    """AS: every layout, money format, nought, period wording, spacing, number of tapes, roll width, tape ink and
    paper, the machine's decimal and sum mark, the items' count on some, slips on some, grey and colour scans; a face of
    a font package none of A-AR uses, layouts and heading words of its own; one layout without ЕГН, two with itemised
    deductions."""
    from samples import families, family_as

    owns = _owns()
    assert {a.layout for a in owns} == set(range(len(family_as.AS_LAYOUTS)))
    assert {(a.thousands, a.decimal) for a in owns} == set(family_as.AS_MONEY)
    assert {a.zero for a in owns} == {"-", "0,00"} and {a.cpi for a in owns} == {10, 12}
    assert {a.period for a in owns} == set(range(len(family_as.PERIODS))) and {a.spacing for a in owns} == {1.0, 1.5}
    assert {a.tapes for a in owns} == {1, 2, 3} and {a.tape_mm for a in owns} == set(family_as.TAPE_MM)
    assert {a.tape_ink for a in owns} == set(family_as.TAPE_INKS) and {a.tape_paper for a in owns} == set(family_as.TAPE_PAPERS)
    assert {a.tape_decimal for a in owns} == {".", ","} and {a.total_mark for a in owns} == {"*", "T"}
    assert {a.count for a in owns} == {True, False} and {a.grey for a in owns} == {True, False}
    assert {a.slips for a in owns} == {0.0, 0.3, 0.6} and all(a.ruling == "none" for a in owns)
    assert {a.face for a in owns} == {family_as.BATANG}
    assert families.YEARS["AS"] == (1980, 1996) and "AS" in families.FAMILIES
    common._assert_held_apart("AS", own_dirs=True)
    for lay in family_as.AS_LAYOUTS:
        assert set(lay) <= set(family_as.HEADINGS_AS) and lay[0] == "row"
        assert {"name", "gross_pay", "deductions", "net_pay"} <= set(lay)
    assert sum("egn" not in lay for lay in family_as.AS_LAYOUTS) == 1
    assert sum(bool(set(lay) & set(family_as.PARTS)) for lay in family_as.AS_LAYOUTS) == 2


def test_family_as_truth_adds_up_and_every_tape_adds_its_column():
    """Every drawn AS month: each present person once (10-28 people a file), a valid ЕГН, the days within the month's
    working days, gross = base + additional, the itemised deductions the layout prints to their sum (ДОД, the union's
    fee and the advance withheld where only the total is printed), net = gross - deductions; the totals the fields'
    sums; employers of AS's with their towns renamed in their years; 1980-1996; the columns the office added (net
    first, one to three, each once); each tape printing the cleared register, the column's non-nought amounts in the
    rows' order with "+" (a slip keyed and taken back with "-" in between on some), the column's total with the file's
    mark, the items' count where the file prints it."""
    from samples import family_as
    from samples.content import working_days
    from samples.family_ai import renamed

    n_rows, years, slips = 0, set(), 0
    for seed in range(37001, 37007):
        for habits, ef, sheets in common._family_months("AS", seed, files=3, months=4):
            own = habits.as_
            assert 10 <= len(ef.staff) <= 28
            cols = set(family_as.AS_LAYOUTS[own.layout])
            shown = [c for c in family_as.PARTS if c in cols] or sorted(family_as.UNPRINTED)
            for sheet in sheets:
                years.add(sheet.year)
                assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
                assert sheet.employer == renamed(own.kind, sheet.year, family_as.RENAMED)
                wd = working_days(sheet.year, sheet.month)
                for r in sheet.rows:
                    n_rows += 1
                    common._assert_month_pay(r, family_as.PARTS, shown, cols, wd)
                assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
                assert set(sheet.totals) == {f for f in MONEY_FIELDS if f in cols}
                for f, v in sheet.totals.items():
                    assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
                checked = sheet.extra["as_job"]["checked"]
                assert checked[0] == "net_pay" and len(set(checked)) == len(checked) <= own.tapes
                assert family_as.fits(sheet, own, len(checked))  # the table and its tapes fit across the sheet
                assert len(checked) == 1 or not family_as.fits(sheet, own, len(checked) + 1) or len(checked) == min(
                    own.tapes, len([c for c in family_as.CHECKED if c in cols]))
                for c in checked:
                    lines = family_as.tape_lines([r[c] for r in sheet.rows], sheet.totals[c], own, random.Random(3))
                    slips += _assert_tape_adds_up(lines, [r[c] for r in sheet.rows], sheet.totals[c], own)
    assert n_rows > 600 and len(years) >= 6 and slips > 0


def _assert_tape_adds_up(lines: list[str], values: list[Decimal], total: Decimal, own) -> int:
    """A tape's lines: "0.00 *" first, the non-nought ``values`` in order with "+" (a figure with "+" then the same with
    "-" a slip taken back), a blank, ``total`` with the file's mark, the count with "#" where printed. Gives the slips."""
    def fig(v: Decimal) -> str:
        return f"{v:.2f}".replace(".", own.tape_decimal)

    body = [ln.split() for ln in lines]
    assert body[0] == [fig(Decimal(0)), "*"]
    end = body.index([])
    adds, slips, k = [], 0, 1
    while k < end:
        if k + 1 < end and body[k + 1] == [body[k][0], "-"]:
            assert body[k][1] == "+"
            slips, k = slips + 1, k + 2
            continue
        assert body[k][1] == "+"
        adds.append(body[k][0])
        k += 1
    assert adds == [fig(v) for v in values if v != 0]
    assert body[end + 1] == [fig(total), own.total_mark]
    assert body[end + 2 :] == ([[f"{len(adds):03d}", "#"]] if own.count else [])
    assert len({len(ln) for ln in lines if ln}) == 1  # the figures right-aligned, their marks a column after them
    return slips


@pytest.fixture(scope="module")
def month():
    """One AS month drawn and typed (dev seed 37003: a file with two tapes or more), its page as laid on the glass and
    scanned: (own habits, sheet, image, geometry, page, scan, map)."""
    from samples import family_as
    from samples.generate import Options, degrade_page

    own, sheet, img, geo = _rendered(37003, lambda o: o.tapes >= 2)
    page = family_as.page_of(img, geo, sheet, own, random.Random(7))
    arr, m, dpi, bend = degrade_page(img, random.Random(1), Options(family="AS"), np.random.default_rng(1), as_=page)
    assert bend is None and dpi in (200, 300)
    return own, sheet, img, geo, page, arr, m


def _rendered(seed: int, want):
    """The first month of an AS file drawn from ``seed`` whose own habits ``want``, typed: (own, sheet, image, geo)."""
    from samples import family_as

    for habits, _ef, sheets in common._family_months("AS", seed, files=8, months=1):
        if want(habits.as_):
            img, geo = family_as.render(sheets[0], None, habits.as_, random.Random(5))
            return habits.as_, sheets[0], img, geo
    raise AssertionError("no such AS month")


def test_family_as_prints_the_table_and_staples_the_tapes_beside_it(month):
    """An AS page: every printed cell of a field reads back to its row's truth, the totals row's cells the sheet's
    totals; the rows' boxes in order down the sheet inside the table; the row numbers typed in order; no typed string
    with a character the typewriter has not; the tapes (one a checked column) right of the table's last column, inside
    the sheet, never over a typed string, their lines closer than the table's rows."""
    from samples import family_as
    from samples.family_ah import LINE

    own, sheet, img, geo, page, _arr, _m = month
    common._cells_read_back(sheet, geo, own)
    lay, n = sheet.layout, len(sheet.rows)
    boxes = geo.row_bboxes
    assert len(boxes) == n and [b[1] for b in boxes] == sorted(b[1] for b in boxes)
    x0, y0, x1, y1 = geo.table_bbox
    assert all(x0 <= b[0] < b[2] <= x1 and y0 <= b[1] < b[3] <= y1 for b in boxes)
    assert [t for i, j, _b, t in geo.cells if 1 <= i <= n and lay[j] == "row"] == [str(q) for q in range(1, n + 1)]
    job = sheet.extra["as_job"]
    texts = [sheet.employer, sheet.title, sheet.period_text, job["total"], *family_as.HEADINGS_AS.values(),
             *(str(r["name"]) for r in sheet.rows), *(str(r["position"]) for r in sheet.rows)]  # fmt: skip
    assert not any(ch in t for t in texts for ch in family_as.UNTYPED)
    tapes = page.tapes
    assert [t.column for t in tapes] == job["checked"] and len(tapes) >= 2
    keep = sheet.extra["as_keep"]
    for t in tapes:
        tx0, ty0, tx1, ty1 = t.box
        assert tx0 >= 0 and tx1 <= img.width and ty0 >= 0 and ty1 <= img.height
        assert t.pitch < LINE * min(1.0, own.spacing) and t.lines[-1 - own.count].endswith(own.total_mark)
        ys, xs = np.nonzero(t.paper > 0.05)
        assert xs.min() + tx0 > x1  # the tape's paper right of the table
        for bx0, by0, bx1, by1 in keep:  # and over no typed string
            a, b = max(bx0, tx0), max(by0, ty0)
            c, d = min(bx1, tx1), min(by1, ty1)
            assert c <= a or d <= b or t.paper[b - ty0 : d - ty0, a - tx0 : c - tx0].max() < 0.05


def test_family_as_scan_keeps_the_typing_readable_and_prints_the_tapes(month):
    """The scan: every typed string of the sheet far darker than its paper; each tape's printed figures far darker than
    its paper where the tape above it leaves it bare (the tapes fanned out, the first on top)."""
    own, sheet, _img, _geo, page, arr, m = month
    grey = arr if arr.ndim == 2 else arr.mean(axis=2)
    common._typing_far_darker(grey, m, sheet.extra["as_keep"], lambda paper: paper * 0.9 - 40)
    for k, t in enumerate(page.tapes):  # each tape's figures where the one above it leaves it bare
        x0, y0, x1, y1 = t.box
        x0 = max(x0, page.tapes[k - 1].box[2]) if k else x0
        pts = np.array([[x0, y0, 1], [x1, y1, 1]], np.float64) @ m.T
        (a, b), (c, d) = pts.astype(int)
        cut = np.asarray(grey[max(0, b) : d, max(0, a) : c], np.float32)
        assert np.percentile(cut, 99) - np.percentile(cut, 0.5) > 90


def test_family_as_page_repeats_under_another_hash_seed_and_adds_up(tmp_path):
    """One AS page from dev seed 37002, generated here and by another Python under another hash seed: the same bytes;
    its truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; an L or RGB PNG at 200 or 300 dpi under
    5 MB; the truth pinned."""
    import hashlib

    from PIL import Image

    from archive_core import egn
    from archive_core.records import PayrollPage

    out = common._repeats_under_another_hash_seed(tmp_path, "AS", 37002, pages=1)
    pages = common._pages_add_up(out, years=(1980, 1996), mark_kinds=())
    assert len(pages) == 1
    png, page = pages[0]
    assert png.stat().st_size < 5_000_000 and [r.row for r in page.rows] == list(range(1, len(page.rows) + 1))
    assert all(r.egn is None or egn.is_valid(r.egn) for r in page.rows)
    with Image.open(png) as im:
        assert im.mode in ("L", "RGB") and round(im.info["dpi"][0]) in (200, 300)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED
