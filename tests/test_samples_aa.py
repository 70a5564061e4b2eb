"""Family AA of the sample generator (held out from its making in session 24 to its one measurement in session 25). These
tests exercise the generator only, on the development seeds 19001-19040 (the evaluation seed is never generated here):
its switches, its truth over many drawn months (every row's sums and itemised deductions, every column to its total, a
valid ЕГН once per month) and over the pages a month's listing runs to (each page its own rows, the sums carried from
page to page, the department subtotals, the row numbers running on), what a page shows (the printer's type where the
truth's cells say, a box per row and none for a carried or subtotal line, the fanfold's holes), the microfiche's capture
(the map, the negative, the lamp's vignetting), and its pages the same from the same seed under another hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
from PIL import Image

from archive_core import egn
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(19001, 19041)  # AA's development seeds
PARTS = ("tax", "union_fee", "advance", "dsk")


def test_family_aa_draws_its_own_switches():
    """AA: every face, layout, money form, separator, rule, bar, capture and dpi; drum and chain printers, single and
    double spacing, 6 and 8 lines to the inch, the names in full, surname first or cut; COM frames (no paper: no
    bars, no worn type) and departments on some files only; landscape, no generic corrections, no stotinki;
    1984-1992 files (their months into 1993 at most)."""
    from samples import families, family_aa

    drawn = _drawn_habits("AA", SEEDS)
    aas = [h.aa for h in drawn if h.aa]
    assert len(aas) == len(drawn) and all(h.family == "AA" and h.face == "printer" for h in drawn)
    assert {a.face for a in aas} == set(family_aa.AA_FACES["printer"]) and {a.layout for a in aas} == set(family_aa.AA_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in aas} == set(family_aa.AA_MONEY) and {a.zero for a in aas} == {"0", ""}
    assert {a.sep for a in aas} == {" ", "!", "|", ":"} and {a.rule for a in aas} == {"-", "="}
    assert {a.bars for a in aas} == set(family_aa.BARS) and {a.capture for a in aas} == {"negative", "positive", "scan"}
    assert {a.dpi for a in aas} == {200, 300} and {a.printer for a in aas} == {"drum", "chain"}
    assert {a.spacing for a in aas} == {1, 2} and {a.lpi for a in aas} == {6, 8}
    assert {a.names for a in aas} == {"full", "surname", "cut"} and {a.period for a in aas} == set(family_aa.PERIODS)
    for flag in ("departments", "heavy", "blank_parts"):
        assert 0.15 < sum(getattr(a, flag) for a in aas) / len(aas) < 0.9, flag
    com = [a for a in aas if a.source == "com"]
    assert 0.1 < len(com) / len(aas) < 0.45
    assert all(a.bars == "plain" and a.worn == 0 and a.capture != "positive" for a in com)
    assert all(a.worn >= 2 for a in aas if a.source == "paper")
    assert all(h.correction == "none" and h.landscape == 1.0 and not h.stotinki for h in drawn)
    assert families.YEARS["AA"] == (1984, 1992) and "AA" in families.FAMILIES


def test_family_aa_is_held_apart_from_the_earlier_families():
    """AA's faces are of a font package none of A-Z draws from (xfonts-base's "fixed" cells; Z's address plates share
    X11's misc directory, from xfonts-cronyx-misc, but no file of it); its layouts are none of theirs; every column's
    headings have words of its own."""
    from samples import family_aa, family_t, family_v, family_w, family_x, family_z

    others = {*family_t.T_HANDS, *family_v.FORM_FACES, *family_w.FORM_FACES, family_w.HAND_FACE, *family_x.LETTERING,
              *(f for kind in family_z.Z_FACES.values() for f in kind)}  # fmt: skip
    _assert_held_apart("AA", others_extra=frozenset(others))
    assert not any(Path(f).name.startswith("koi") for f in family_aa.AA_FACES["printer"])


def _listing(seed: int):
    """Each drawn AA month of ``seed`` with its file and the pages its listing runs to: [(habits, file, month, pages)]."""
    from samples import family_aa

    out = []
    for habits, ef, sheets in _family_months("AA", seed):
        aa = habits.aa
        assert aa is not None
        for k, sheet in enumerate(sheets):
            out.append((aa, ef, sheet, family_aa.pages(sheet, ef, aa, random.Random(seed * 10 + k))))
    return out


def test_family_aa_truth_holds_month_after_month():
    """Over many AA months: the truth adds up (a valid ЕГН once per month, gross = base + additional, the itemised
    deductions their sum, net = gross - deductions, every money column totalled); the listing's pages hold the month's
    rows in order, each page at least one, numbered 1, 2, ... (the truth's sheet), each page's totals the sums so far
    (the last the month's), each page after the first carrying the sums before it; a department's subtotal is its
    rows' sums; the names in capitals as the file's roster has them, no longer than the program's field; 24-72
    people; 1984-1993."""
    from samples import family_aa

    seen = {"pages": 0, "carried": 0, "subtotals": 0, "rows": 0}
    for seed in (19001, 19002, 19003):
        for _aa, ef, sheet, pages in _listing(seed):
            assert 24 <= len(ef.staff) <= 72 and sheet.layout in family_aa.AA_LAYOUTS
            assert 1984 <= sheet.year <= 1993
            _assert_truth_holds(sheet, PARTS, every_total=True)
            roster = {p.egn: p.name for p in ef.staff}
            assert [r for p in pages for r in p.rows] == sheet.rows and all(p.rows for p in pages)
            assert [p.sheet for p in pages] == list(range(1, len(pages) + 1))
            run = dict.fromkeys(sheet.totals, Decimal(0))
            for k, page in enumerate(pages):
                assert page.carried_in == (None if k == 0 else run)
                run = {f: run[f] + sum((r[f] for r in page.rows), Decimal(0)) for f in run}
                assert page.totals == run and page.carry_out == (k < len(pages) - 1)
                seen["pages"] += 1
                seen["carried"] += page.carried_in is not None
            assert run == sheet.totals
            for kind, v in family_aa.month_lines(sheet):
                if kind == "sub":
                    label, sums = v
                    code = label.split()[-1].rstrip(":")
                    mine = [r for r in sheet.rows if str(r["dept"]).split()[1] == code]
                    assert mine and sums == {f: sum((r[f] for r in mine), Decimal(0)) for f in sheet.totals}
                    seen["subtotals"] += 1
            for r in sheet.rows:
                seen["rows"] += 1
                assert r["name"] == str(r["name"]).upper() == roster[r["egn"]] and len(str(r["name"])) <= 30
                assert r["row"] == sheet.rows.index(r) + 1
    assert seen["carried"] >= 10 and seen["subtotals"] >= 5 and seen["rows"] > 1000, seen


def _aa_page(**switches):
    """A drawn AA month (development seed) with ``switches`` forced on its file and a listing of two pages or more:
    (habits, its second page, image, geometry, page)."""
    from samples import family_aa

    for seed in SEEDS:
        for aa, ef, sheet, _ in _listing(seed):
            forced = replace(aa, **switches)
            pages = family_aa.pages(sheet, ef, forced, random.Random(seed))
            if len(pages) < 2:
                continue
            page = pages[1]
            rng = random.Random(3)
            img, geo = family_aa.render(page, None, forced, rng)  # type: ignore[arg-type]
            return forced, page, img, geo, family_aa.page_of(img, geo, page, forced, rng)
    raise AssertionError("no AA listing of two pages")


def test_family_aa_page_prints_what_the_truth_says():
    """A drawn AA page after the first: a box per row of the truth (none for the carried sums above them or a
    department's lines), the rows' boxes one under the other within the table; every row's cells carry the printer's
    ink where the truth's cells say, the totals' cells too; the fanfold's holes down both edges on paper, none on a
    COM frame."""
    for source, sep, departments in (("paper", "!", True), ("com", " ", False)):
        aa, page, img, geo, p = _aa_page(source=source, sep=sep, departments=departments,
                                         bars="green" if source == "paper" else "plain", worn=2 if source == "paper" else 0)  # fmt: skip
        ink = np.asarray(img) < 128
        assert len(geo.row_bboxes) == len(page.rows) and page.carried_in is not None
        tops = [b[1] for b in geo.row_bboxes]
        assert tops == sorted(tops) and geo.table_bbox[1] < tops[0] and geo.row_bboxes[-1][3] <= geo.table_bbox[3]
        first_cells = [box for r, _, box, _ in geo.cells if r == 1]
        assert ink[geo.table_bbox[1] + 60 : min(b[1] for b in first_cells) - 2].any()  # the carried sums above row 1
        for r, j, (x0, y0, x1, y1), text in geo.cells:
            if 1 <= r <= len(page.rows) + 1:
                assert ink[y0:y1, x0:x1].sum() > 8 * len(text.replace(" ", "")), (r, page.layout[j], text)
        totals = [t for r, _, _, t in geo.cells if r == len(page.rows) + 1]
        assert len(totals) == len([c for c in page.layout if c in page.totals])
        holes = p.paper[:, 40:60] < 100
        assert holes.any() == (source == "paper")
        if source == "paper":
            assert (p.paper[:, -60:-40] < 100).any() and (p.paper < 240).mean() > 0.1  # both strips; the bars


def test_family_aa_capture_follows_its_map():
    """The microfiche read back: a printed bar lands where the map puts it at the file's dpi, dark on a positive
    print and light on a negative one; a reader-printer's lamp leaves the blank frame's corners darker than its middle
    on a positive print; a grey copy's tones are flat and never black or white."""
    from samples import degrade, family_aa

    H, W = 2200, 2975
    a = np.full((H, W), 255.0, np.float32)
    a[1100:1140, 900:1700] = 0.0
    paper = np.full((H, W), 250.0, np.float32)
    base = replace(family_aa.draw(random.Random(19004)), source="paper")
    for capture, dpi in (("positive", 300), ("negative", 200), ("scan", 300)):
        aa = replace(base, capture=capture, dpi=dpi)
        out, m, got = family_aa.scan(a, family_aa.AAPage(aa, 5, paper, False), np.random.default_rng(1))
        assert got == dpi and m.shape == (2, 3) and out.ndim == 2 and out.dtype == np.uint8
        x, y = degrade.map_points(np.array([[1300.0, 1120.0]]), m)[0]
        bar = out[int(y) - 2 : int(y) + 3, int(x) - 30 : int(x) + 30].mean()
        near = out[int(y) - 60 : int(y) - 40, int(x) - 30 : int(x) + 30].mean()
        assert (bar > near + 40) if capture == "negative" else (bar < near - 40), (capture, bar, near)
        if capture == "scan":
            assert out.min() > 10 and np.percentile(out, 99) < 250
    blank = np.full((H, W), 255.0, np.float32)
    aa = replace(base, capture="positive", dpi=200)
    out, m, _ = family_aa.scan(blank, family_aa.AAPage(aa, 7, paper, False), np.random.default_rng(2))
    (cx, cy), (kx, ky) = degrade.map_points(np.array([[W / 2, H / 2], [120.0, 120.0]]), m)
    assert out[int(cy) - 20 : int(cy) + 20, int(cx) - 20 : int(cx) + 20].mean() > out[int(ky) : int(ky) + 40, int(kx) : int(kx) + 40].mean() + 15


def test_family_aa_pages_hold_and_repeat(tmp_path: Path):
    """Generated AA pages (the whole path, a development seed): grey PNGs at 200 or 300 dpi, each page's truth valid
    payroll-page/1 whose rows add up and whose totals are no less than its rows' (a carried page's are the sums so
    far), ЕГН valid, names and the employer in capitals, boxes inside the image, the row numbers running on from the
    page before when it is the same month's; the same bytes under another hash seed; the truth as its maker left it."""
    out = _repeats_under_another_hash_seed(tmp_path, "AA", 19007, pages=3)
    before = None
    for png, page in _pages_add_up(out, years=(1984, 1993), carried=True):
        with Image.open(png) as im:
            assert im.mode == "L" and round(im.info["dpi"][0]) in (200, 300)
        assert all(r.egn and egn.is_valid(r.egn) and r.name and r.name == r.name.upper() for r in page.rows)
        assert page.employer.name and page.employer.name == page.employer.name.upper()
        if before is not None and page.sheet and page.sheet > 1:
            assert page.period == before.period and page.rows[0].row == before.rows[-1].row + 1
        before = page
    # AA's pages as its maker left them (the truth's bytes; the pixels are not pinned, OpenCV's version changes them):
    # the held-out set must be what it was made
    pinned = (("page-0001.json", "58efabb1a4fece75"), ("page-0002.json", "831d1045ee5431a6"),
              ("page-0003.json", "41c84e3d917794f5"))  # fmt: skip
    for name, digest in pinned:
        assert hashlib.sha256((out / name).read_bytes()).hexdigest()[:16] == digest, name
