"""Family V of the sample generator (held out from its making in session 19 to its one measurement at the start of
session 20; a development family since). These tests exercise the generator only, on
development seeds 14001-14040 (the evaluation seed is never generated here): its switches, its truth over many drawn
sheets (the itemised pay and deductions adding up to the scored fields), what a page shows of them (the figures as
the truth says, the typewriter's fixed pitch, the colour scan's inks and paper, the torn piece gone with its rows
marked, the map of the scan), and its pages the same from the same seed under any hash seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from archive_core import egn
from archive_core.records import MONEY_FIELDS
from tests.test_samples import (
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_sheets,
    _forced_sheet,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(14001, 14041)  # V's development seeds
DEDUCTIONS = ("tax", "insurance", "union_fee", "advance", "court")


def test_family_v_draws_its_own_switches():
    """V: its typewriter faces at several pitches, both ribbons, typed or on a printed form of three inks, A3 or A4,
    its rulings, number formats (never stotinki), zeros, periods; the store room's damage and the scanner's dpi,
    JPEG quality and backing each on some files only; every file landscape, no corrections; 1980-1991."""
    from samples import families, family_v

    drawn = _drawn_habits("V", SEEDS)
    vs = [h.v for h in drawn if h.v]
    assert len(vs) == len(drawn) and all(h.family == "V" and h.face == "typewriter" for h in drawn)
    assert {v.face for v in vs} == set(family_v.V_FACES["typewriter"])
    assert min(v.pitch for v in vs) < 0.58 and max(v.pitch for v in vs) > 0.62
    assert {v.ribbon for v in vs} == {"violet", "blue"}
    assert {v.form for v in vs} == {"", "black", "green", "brown"}
    assert {v.paper for v in vs} == {"A3", "A4"} and sum(v.paper == "A3" for v in vs) > len(vs) / 2
    assert {v.ruling for v in vs} == {"full", "rows", "columns"}
    assert {(h.thousands, h.decimal) for h in drawn} == set(family_v.V_FORMATS) and not any(h.stotinki for h in drawn)
    assert {v.zero for v in vs} == {"blank", "dash", "zeros"}
    assert {v.period for v in vs} == {"word", "upper", "digits", "roman"}
    assert {v.dpi for v in vs} == {200, 240, 300} and {v.backing for v in vs} == {"black", "grey", "white"}
    assert min(v.quality for v in vs) < 60 and max(v.quality for v in vs) > 80
    for flag in ("fold", "holes"):
        assert 0.2 < sum(getattr(v, flag) for v in vs) / len(vs) < 0.8, flag
    for share in ("stains", "torn", "tape"):
        on = sum(getattr(v, share) > 0 for v in vs) / len(vs)
        assert 0.2 < on < 0.95, share
    assert all(h.correction == "none" and h.landscape == 1.0 for h in drawn)
    assert families.YEARS["V"] == (1980, 1991) and "V" in families.FAMILIES


def test_family_v_is_held_apart_from_the_earlier_families():
    """V draws faces none of A-U draws (from font packages of its own: no directory of theirs), layouts none of them
    draws, and every column heading has words of its own."""
    from samples import family_t, family_v

    _assert_held_apart("V", own_extra=frozenset(family_v.FORM_FACES), others_extra=frozenset(family_t.T_HANDS),
                       own_dirs=True)



def test_family_v_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many V sheets: the items of the additional pay add up to it (gross = base + it), the itemised deductions
    to the deductions (net = gross - them), every column to its total; every item and deduction kind on some sheets,
    two items at least, no more columns than the sheet holds; the enterprise's name, the trades, titles, periods and
    totals' words of V; the typewriter's fixed pitch, a wide A3 page where the file has one; the truth keeps no
    item or deduction of its own."""
    from samples import data, family_v, render
    from samples.generate import truth_of
    from samples.render import Geometry

    seen: dict[str, int] = {c: 0 for c in (*render.PAY_PARTS, *DEDUCTIONS)}
    seen |= {"blank": 0, "dash": 0, "A3": 0, "form": 0, "1980-84": 0, "ДФ": 0}
    for seed in (14001, 14002, 14003):
        for habits, sheet, style in _family_sheets("V", 25, seed):
            v = habits.v
            assert v is not None
            _assert_truth_holds(sheet, DEDUCTIONS, items_kinds=render.PAY_PARTS, every_total=True)
            items = [c for c in sheet.layout if c in render.PAY_PARTS]
            parts = [c for c in sheet.layout if c in DEDUCTIONS]
            assert len(items) >= 2 and "seniority" in items and "tax" in parts
            assert {"base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"} <= set(sheet.layout)
            assert len(sheet.layout) <= family_v.MAX_COLUMNS[v.paper]
            for c in (*items, *parts):
                seen[c] += 1
            for r in sheet.rows:
                got = [r[c] for c in items]
                assert sum((x for x in got if x is not None), Decimal(0)) == r["extra_pay"]
                assert r["base_pay"] + r["extra_pay"] == r["gross_pay"]
                if v.zero == "blank":
                    assert all(x is None or x > 0 for x in got)
                    seen["blank"] += got.count(None)
                else:
                    assert all(x is not None for x in got)
            seen["dash"] += sheet.dash_zero
            assert sheet.dash_zero == (v.zero == "dash")
            assert 1980 <= sheet.year <= 1991
            seen["1980-84"] += sheet.year <= 1984
            assert any(p in sheet.employer for p in family_v.PATRONS)
            seen["ДФ"] += sheet.employer.startswith(("ДФ", "Държавна фирма"))
            for row in sheet.rows:
                female = int(str(row["egn"])[8]) % 2
                assert row["position"] is None or any(p[female] == row["position"] for p in family_v.POSITIONS)
            assert sheet.title in family_v.V_TITLES and sheet.total_label in family_v.V_TOTAL_WORDS
            assert str(sheet.year) in sheet.period_text
            month = data.MONTHS[sheet.month - 1]
            roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[sheet.month - 1]
            assert month in sheet.period_text.lower() or f"{sheet.month:02d}." in sheet.period_text or f"{roman} " in sheet.period_text or f"{roman}." in sheet.period_text
            assert isinstance(style.writer, family_v.Typebars) and style.landscape and not style.corrections
            assert (style.page == family_v.A3) == (v.paper == "A3")
            seen["A3"] += v.paper == "A3"
            seen["form"] += bool(v.form and style.printed_heads)
            assert style.footer_roles == v.footer
            raw = truth_of(sheet, Geometry(4961, 3508, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows]), "p.png")
            assert all(r.egn and egn.is_valid(r.egn) for r in raw.rows)
            dumped = raw.model_dump()
            assert not any(k in (*render.PAY_PARTS, *DEDUCTIONS, "days_paid") for row in dumped["rows"] for k in row)
            assert set(raw.totals) <= set(MONEY_FIELDS)
    assert all(n >= 2 for n in seen.values()), seen


def _v_sheet(seed: int, **switches):
    """One V sheet of seven people or more (content and style) with ``switches`` forced on its file's habits."""
    return _forced_sheet("V", seed, switches)


@pytest.mark.parametrize(("paper", "zero"), [("A3", "blank"), ("A4", "dash")])
def test_family_v_page_prints_the_truth(paper: str, zero: str):
    """A drawn V sheet: every figure in every cell is the truth's in the sheet's format (the items and deductions
    too; an item nobody earned blank or "-" as the file does), the totals row each column's sum; the page A3 or A4
    landscape, the whole table on it."""
    from samples import family_v, render
    from samples.content import money_text
    from samples.generate import _render_fitting

    v, sheet, style = _v_sheet(14011, paper=paper, zero=zero)
    img, geo = _render_fitting(sheet, style, random.Random(3))
    assert img.size == (family_v.A3 if paper == "A3" else (3508, 2480))
    cols = list(sheet.layout)
    n = len(sheet.rows)
    assert len(geo.row_bboxes) == n and geo.table_bbox[2] <= img.size[0]
    shown = {"money": 0, "blank": 0, "dash": 0}
    cells = {(r, c): tx for r, c, _, tx in geo.cells}
    for i, row in enumerate(sheet.rows, start=1):
        for j, c in enumerate(cols):
            if c in MONEY_FIELDS or c in render.PAY_PARTS or c in DEDUCTIONS:
                value = row[c]
                got = cells.get((i, j), "")
                if value is None:
                    assert got == "" and zero == "blank"
                    shown["blank"] += 1
                else:
                    assert got == money_text(value, sheet)
                    shown["money"] += 1
                    shown["dash"] += got == "-"
    for j, c in enumerate(cols):
        if c in sheet.totals:
            assert cells[(n + 1, j)] == money_text(sheet.totals[c], sheet)
    assert shown["money"] > 5 * n
    assert shown["blank" if zero == "blank" else "dash"] >= 1


def test_family_v_typebars_type_at_a_fixed_pitch():
    """The typewriter: every letter in a cell of the same width (a wide Ш as a narrow і), inside the width the text
    measures, about the type's size high, around the line's middle; Cyrillic in every face."""
    from samples import family_v
    from samples.render import FONT_DIR, Painter, Style

    for k, face in enumerate(family_v.V_FACES["typewriter"]):
        bars = family_v.Typebars(str(FONT_DIR / face), 0.6)
        st = Style(font=FONT_DIR / face, typewriter=False, size=40, ruled=True, landscape=True, writer=bars, ink=20)
        widths = []
        for text in ("ШШШШШШШШ", "llllllll", "Ведомост № 1 234,56"):
            img = Image.new("L", (1400, 200), 255)
            p = Painter(img, st, random.Random(k))
            w = p.width(text)
            assert w == round(len(text) * 40 * 0.6)
            p.text(100, 100, text)
            ink = np.argwhere(np.asarray(img) < 160)
            assert len(ink), (face, text)
            assert ink[:, 1].min() >= 100 - 3 and ink[:, 1].max() <= 100 + w + 3, (face, text)
            assert 0.4 * 40 < ink[:, 0].max() - ink[:, 0].min() < 1.6 * 40
            assert 75 < np.median(ink[:, 0]) < 125
            widths.append(ink[:, 1].max() - ink[:, 1].min())
        # both lines of eight letters span about seven cells and a letter: the narrow letters are not set closer
        assert abs(widths[0] - widths[1]) < 0.6 * 24 + 20, (face, widths)


def _blank_page(W: int = 2000, H: int = 1400) -> np.ndarray:
    a = np.full((H, W), 255.0, np.float32)
    a[600:640, 400:1400] = 30.0  # a typed bar
    return a


def _vpage(**kw):
    from samples import family_v

    v = replace(family_v.draw(random.Random(14005)), dpi=300, quality=90, wear=0.1, form="", stains=0.0, torn=0.0,
                tape=0.0, holes=False, fold=False, foxing=0.0, backing="black")  # fmt: skip
    base = dict(v=v, seed=7, form_lines=(), form_boxes=(), pen_boxes=(), stamp_boxes=(), creases=None, stains=(), tear=(), holes=(),
                crack=(), tape=(0.0, 0.0, 0.0, 0.0, 0.0), angle=0.0, margin=50)  # fmt: skip
    vv = kw.pop("v", {})
    base["v"] = replace(v, **vv)
    base.update(kw)
    return family_v.VPage(**base)


@pytest.mark.parametrize("ribbon", ["violet", "blue"])
def test_family_v_scan_is_colour_on_yellowed_paper(ribbon: str):
    """The scan: RGB, the sheet on the backing with the margin, the typed bar in the ribbon's colour (blue above red
    and green for blue, blue and red above green for violet) where the map puts it, the paper yellowed (red above
    blue), at the file's dpi (the map scales with it)."""
    from samples import degrade, family_v

    for dpi in (300, 200):
        page = _vpage(v={"ribbon": ribbon, "dpi": dpi})
        rgb, m, got_dpi = family_v.scan(_blank_page(), page, np.random.default_rng(1))
        s = dpi / 300
        pad = int(50 * s)
        assert got_dpi == dpi and rgb.dtype == np.uint8 and rgb.ndim == 3 and rgb.shape[2] == 3
        assert abs(rgb.shape[1] - (round(2000 * s) + 2 * pad)) <= 1 and abs(rgb.shape[0] - (round(1400 * s) + 2 * pad)) <= 1
        assert rgb[:pad // 2, :].mean() < 40  # the black backing around the sheet
        x, y = degrade.map_points(np.array([[900.0, 620.0]]), m)[0]
        bar = rgb[int(y) - 3 : int(y) + 4, int(x) - 20 : int(x) + 20].reshape(-1, 3).astype(int).mean(axis=0)
        paper = rgb[int(1100 * s), int(900 * s)].astype(int)
        assert bar.sum() < paper.sum() - 150
        if ribbon == "blue":
            assert bar[2] > bar[0] + 20 and bar[2] > bar[1] + 10, bar
        else:
            assert bar[2] > bar[1] + 15 and bar[0] > bar[1] + 5, bar
        assert paper[0] > paper[2] + 15, paper


def test_family_v_damage_tears_holes_creases_stains_and_tape():
    """What the store room did: the torn piece and the holes show the scanner's backing (nothing of the sheet left
    there), the creases darken a line down and across, a stain's tide line browns the paper and the ink runs inside
    it (the typed bar's edge softer), the sellotape yellows what lies under it."""
    from samples import family_v

    tear = ((0.0, 400.0), (700.0, 550.0), (700.0, 700.0), (0.0, 800.0))
    page = _vpage(tear=tear, holes=((80.0, 300.0, 33.0),), creases=(1000.0, 1000.0), v={"backing": "white"})
    a = _blank_page()
    rgb, _, _ = family_v.scan(a, page, np.random.default_rng(2))
    o = 50
    assert rgb[o + 620, o + 450].astype(int).min() > 215  # the typed bar's left end is gone with the piece (white)
    assert rgb[o + 620, o + 1000].astype(int).max() < 200  # the rest of it is there
    assert rgb[o + 300, o + 80].astype(int).min() > 215 and rgb[o + 300, o + 200].astype(int)[2] < 215
    down = rgb[o + 200 : o + 400, o + 990 : o + 1012].astype(int).sum(axis=2).min(axis=1)
    beside = rgb[o + 200 : o + 400, o + 1040 : o + 1060].astype(int).sum(axis=2).mean(axis=1)
    assert (down < beside - 15).mean() > 0.9  # the crease's shadow
    plain, _, _ = family_v.scan(a, _vpage(), np.random.default_rng(3))
    wet, _, _ = family_v.scan(a, _vpage(stains=((900.0, 620.0, 500.0, 300.0),)), np.random.default_rng(3))
    soft = lambda img: np.abs(np.diff(img[o + 590 : o + 670, o + 900].astype(int).sum(axis=1))).max()  # noqa: E731
    assert soft(wet) < soft(plain)  # the ink ran
    tape = _vpage(crack=((1500.0, 0.0), (1510.0, 400.0)), tape=(1505.0, 200.0, 500.0, 180.0, 90.0))
    taped, _, _ = family_v.scan(a, tape, np.random.default_rng(3))
    under = taped[o + 150 : o + 250, o + 1440 : o + 1490].reshape(-1, 3).astype(int).mean(axis=0)
    outside = taped[o + 150 : o + 250, o + 1700 : o + 1750].reshape(-1, 3).astype(int).mean(axis=0)
    assert under[2] < outside[2] - 20 and outside[2] - under[2] > outside[0] - under[0] + 10


def test_family_v_torn_rows_are_marked_and_their_part_is_gone():
    """A page with a torn piece: every row whose typed cells it takes a part of has a mark ``torn`` naming those
    columns (the truth keeps its values); the piece lies at the page's left or right edge and reaches into the
    table; a row it does not touch has no mark."""
    from samples import family_v
    from samples.generate import _render_fitting, truth_of

    found = marked = 0
    for seed in range(14020, 14030):
        v, sheet, style = _v_sheet(seed, torn=1.0)
        img, geo = _render_fitting(sheet, style, random.Random(seed))
        page = family_v.page_of(img, geo, sheet, style, v, random.Random(seed))
        torn = [mk for mk in geo.marks if mk["kind"] == "torn"]
        if not page.tear:
            assert not torn
            continue
        found += 1
        marked += bool(torn)  # (a piece may take only paper and rules, nothing typed)
        assert all(isinstance(mk["row"], int) or mk["row"] is None for mk in torn)
        assert all(mk["fields"] and set(mk["fields"]) <= set(sheet.layout) for mk in torn)
        xs = [x for x, _ in page.tear]
        assert min(xs) <= 1 or max(xs) >= img.size[0] - 1  # from an edge
        table_x0, table_x1 = geo.table_bbox[0], geo.table_bbox[2]
        assert max(xs) > table_x0 + 10 if min(xs) <= 1 else min(xs) < table_x1 - 10
        rows = {mk["row"] for mk in torn if mk["row"] is not None}
        for i in range(len(sheet.rows)):  # a row is marked where the piece takes part of one of its typed cells
            cut = [mk["fields"] for mk in torn if mk["row"] == i]
            assert cut == ([family_v.torn_cells(list(page.tear), geo, i + 1, sheet.layout)] if i in rows else [])
            assert (i in rows) == any(
                family_v._poly_meets(list(page.tear), b, 0.15) for r, _, b, text in geo.cells if r == i + 1 and text
            )
        truth = truth_of(sheet, geo, "p.png")
        assert len(truth.rows) == len(sheet.rows) and all(truth.rows[i].net_pay for i in rows)
    assert found >= 5 and marked >= 4


def test_family_v_pages_hold_and_repeat(tmp_path: Path):
    """Generated V pages (the whole path): RGB PNGs with their dpi, each page's truth valid payroll-page/1 that adds
    up, its boxes inside the image; the same seed gives the same bytes, also under another hash seed (page 1: page 2 is
    the file's next month, drawn by the same code)."""
    a = _repeats_under_another_hash_seed(tmp_path, "V", 14027, twin_pages=1)  # an A4 file scanned at 200 dpi: small pages
    # V's pages as its maker left them (the truth's bytes: its boxes follow the scan's skew, margin and dpi; the
    # pixels are not pinned, OpenCV's version changes them): the held-out set must be what it was made
    for name, pinned in (("page-0001.json", "406d4d12a7ab9658"), ("page-0002.json", "58d076f685f1780b")):
        assert hashlib.sha256((a / name).read_bytes()).hexdigest()[:16] == pinned, name
    for png, _ in _pages_add_up(a, (1980, 1991), mark_kinds=("stamp", "signature", "torn")):
        im = Image.open(png)
        assert im.mode == "RGB" and round(im.info["dpi"][0]) in (200, 240, 300)
        assert cv2.imread(str(png), cv2.IMREAD_UNCHANGED).ndim == 3
