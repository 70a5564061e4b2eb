"""Family R of the sample generator (held out from its making in session 15 to its one
measurement in session 16; these tests exercise the generator only): its switches, its truth over many drawn sheets, each of
its traits on the sheets and in the drawing (its enterprises and trades, column orders with columns that are
no payroll-page/1 field, no row numbers, whole leva, raised stotinki, the sum in words, the rules drawn by
hand, the water stain, the mended tear, the microfilm and the black-and-white scan), and its pages the same
from the same seed."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples import _assert_truth_holds, _family_sheets, _generated_digest, _pages_add_up

R_FLAGS = ("numbered", "norm", "grade", "spaced_title", "form_period", "in_words", "site", "water", "tape")


def _r_sheet(seed: int, **want: object):
    """One R sheet drawn as generate_pages draws it, its R habits redrawn until they have ``want``; with its
    style and its clean render (geometry)."""
    from samples import families
    from samples.content import make_file, make_sheet
    from samples.generate import Options, _render_fitting, _style
    from samples.render import available_fonts

    rng = random.Random(seed)
    habits = families.draw_habits("R", rng)
    while any(getattr(habits.r, k) != v for k, v in want.items()):
        habits = families.draw_habits("R", rng)
    years = (1991, 1996) if want.get("money") == "whole" else families.YEARS["R"]
    ef = make_file(rng, 0, staff=rng.randint(7, 15), years=years)
    families.adapt_file(ef, habits, rng)
    sheet = make_sheet(rng, ef, 0)
    families.adapt_sheet(sheet, habits, rng, ef)
    style = families.style_for(habits, rng, _style(rng, sheet, Options(family="R"), available_fonts()))
    img, geo = _render_fitting(sheet, style, rng)
    return habits, sheet, style, img, geo


def test_family_r_draws_its_own_switches():
    """R: money in whole leva, raised stotinki or plain (no separator but a space for the thousands, a decimal
    point or comma), never stotinki without a separator; rules by hand in ink or pencil, or a printed form's;
    microfilm, black and white or a plain scan; each of its switches on some files; no corrections on a file
    whose stotinki are raised; any year 1980-1996."""
    from samples import families

    rng = random.Random(15)
    drawn = [families.draw_habits("R", rng) for _ in range(400)]
    assert all(h.r is not None and h.family == "R" for h in drawn)
    rs = [h.r for h in drawn if h.r]
    assert {r.money for r in rs} == {"raised", "whole", "plain"}
    assert {(h.thousands, h.decimal) for h in drawn} == {("", "."), (" ", "."), ("", ","), (" ", ",")}
    assert not any(h.stotinki for h in drawn)
    assert {r.hand for r in rs} == {"ink", "pencil", ""} and all(not r.hand for r in rs if r.rules == "none")
    assert {r.capture for r in rs} == {"microfilm", "bitonal", "scan"}
    film = [r for r in rs if r.capture == "microfilm"]
    assert all(r.capture == "microfilm" for r in rs if r.negative) and 0.05 < sum(r.negative for r in film) / len(film) < 0.5
    assert {r.trade for r in rs} == {"building", "transport", "mining"}
    assert {h.face for h in drawn} == {"typewriter", "print", "dot_matrix"}
    assert all(r.correction == "none" for r in rs if r.money == "raised")
    assert {r.correction for r in rs} == {"above", "none"}
    for flag in R_FLAGS:
        assert 0.1 < sum(bool(getattr(r, flag)) for r in rs) / len(rs) < 0.9, flag
    assert families.YEARS["R"] == (1980, 1996)


def test_family_r_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many R sheets: the truth adds up (itemised deductions too, whole leva too); the enterprise's name
    is one of its trade's, the positions its trade's; the layouts R's own, the row number null on every row
    of a sheet without a "row" column; the norm's fulfilment and the grade only where the layout has them
    and never in the truth; a letter-spaced title and a form's period on some sheets."""
    from samples import family_r
    from samples.generate import truth_of
    from samples.render import Geometry

    sheets = _family_sheets("R", 60, 7)
    seen = {"unnumbered": 0, "whole": 0, "norm": 0, "grade": 0, "spaced": 0, "form": 0}
    for habits, sheet, _ in sheets:
        r = habits.r
        assert r is not None
        _assert_truth_holds(sheet)
        years = family_r.ENTERPRISES[r.trade]
        assert sheet.employer in years[0] + years[1]
        assert all(row["position"] is None or row["position"] in family_r.TRADES[r.trade] for row in sheet.rows)
        cols = list(sheet.layout)
        assert ("row" in cols) == r.numbered and ("norm_pct" in cols) == r.norm and ("grade" in cols) == r.grade
        assert len(cols) <= family_r.MAX_COLUMNS
        if not r.numbered:
            seen["unnumbered"] += 1
            assert all(row["row"] is None for row in sheet.rows)
        if sheet.whole_leva:
            seen["whole"] += 1
            assert r.money == "whole" and sheet.year >= 1991
            for row in sheet.rows:
                assert all(row[f] is None or row[f] == int(row[f]) for f in MONEY_FIELDS)  # type: ignore[arg-type]
        seen["norm"] += "norm_pct" in cols
        seen["grade"] += "grade" in cols
        seen["spaced"] += sheet.title in family_r.R_TITLES
        seen["form"] += sheet.period_text.lower().startswith("месец")
        geo = Geometry(2480, 3508, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows])
        raw = json.loads(truth_of(sheet, geo, "page-0001.png").to_json())
        assert not {"norm_pct", "grade", "days_paid"} & {k for row in raw["rows"] for k in row}
        page = PayrollPage.model_validate(raw)
        assert all(p.egn and egn.is_valid(p.egn) for p in page.rows)
    assert all(v >= 3 for v in seen.values()), seen


def test_family_r_prints_whole_leva_and_the_truth_keeps_two_decimals():
    """A file in whole leva (from 1991): every amount printed without stotinki or a separator for them
    ("3 450", "3450"), the truth "3450.00"; the totals printed the same way and equal to the columns' sums."""
    from samples.generate import truth_of

    habits, sheet, _, _, geo = _r_sheet(3, money="whole")
    assert sheet.whole_leva and sheet.year >= 1991
    cols = list(sheet.layout)
    money = [(c, t) for row, c, _, t in geo.cells if row > 0 and cols[c] in MONEY_FIELDS]
    assert money and all(t.replace(" ", "").isdigit() for _, t in money)
    page = PayrollPage.model_validate_json(truth_of(sheet, geo, "page-0001.png").to_json())
    for row in page.rows:
        for f in MONEY_FIELDS:
            v = getattr(row, f)
            assert v is None or v.endswith(".00")
    for f, total in page.totals.items():
        assert sum(Decimal(getattr(r, f)) for r in page.rows) == Decimal(total)


def test_family_r_raises_the_stotinki_and_the_truth_is_the_same():
    """Raised stotinki change the drawing of every amount (the leva, then the stotinki smaller and higher, no
    separator drawn), not the truth: the same sheet drawn both ways gives the same row boxes and cells."""
    from samples.render import render

    _, sheet, style, img, geo = _r_sheet(5, money="raised", signatures_cross=False, stamp_rows=False)
    assert style.raised_cents
    style.raised_cents = False
    flat, geo_flat = render(sheet, style, random.Random(1))
    style.raised_cents = True
    raised, geo_raised = render(sheet, style, random.Random(1))
    assert geo_flat.row_bboxes == geo_raised.row_bboxes and geo_flat.cells == geo_raised.cells
    assert np.asarray(flat).tobytes() != np.asarray(raised).tobytes()
    # in one figure's box, the stotinki's ink sits higher than the leva's
    cols = list(sheet.layout)
    j = cols.index("net_pay")
    row, c, (x0, y0, x1, y1), t = next(cell for cell in geo_raised.cells if cell[0] == 1 and cell[1] == j)
    a = 255 - np.asarray(raised, dtype=np.int32)[y0 + 8 : y1 - 8, x0 + 8 : x1 - 8]  # inside the rules
    cols_ink = np.nonzero(a.max(axis=0) > 100)[0]
    right = a[:, cols_ink[-1] - 8 : cols_ink[-1] + 1]
    left = a[:, cols_ink[0] : cols_ink[0] + 8]
    assert np.nonzero(right.max(axis=1) > 100)[0].min() < np.nonzero(left.max(axis=1) > 100)[0].min()


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "нула"),
        (1, "един"),
        (12, "дванадесет"),
        (21, "двадесет и един"),
        (105, "сто и пет"),
        (120, "сто и двадесет"),
        (200, "двеста"),
        (1000, "хиляда"),
        (1120, "хиляда сто и двадесет"),
        (1796, "хиляда седемстотин деветдесет и шест"),
        (2005, "две хиляди и пет"),
        (2300, "две хиляди и триста"),
        (2432, "две хиляди четиристотин тридесет и два"),
        (163861, "сто шестдесет и три хиляди осемстотин шестдесет и един"),
    ],
)
def test_family_r_writes_the_sum_in_words(n: int, words: str):
    from samples import family_r

    assert family_r.in_words(n) == words


def test_family_r_sum_in_words_names_the_leva_and_stotinki():
    from samples import family_r

    assert family_r.sum_in_words(Decimal("1796.29")) == "хиляда седемстотин деветдесет и шест лева и 29 ст."
    assert family_r.sum_in_words(Decimal("1.00")) == "един лев"
    assert family_r.sum_in_words(Decimal("3450")) == "три хиляди четиристотин и петдесет лева"


def test_family_r_hand_drawn_rules_lean_and_overshoot():
    """A rule drawn by hand does not keep to the straight line of a printed form's: over a few rules, some run
    past their ends and some lean (ink over more rows than the pen's width)."""
    from samples.render import FONT_DIR, Painter, Style

    past, lean = 0, 0
    for seed in range(12):
        img = Image.new("L", (1600, 400), 255)
        style = Style(font=FONT_DIR / "dejavu/DejaVuSans.ttf", typewriter=False, size=40, ruled=True, landscape=False)
        style.hand_rules = "ink"
        Painter(img, style, random.Random(seed)).hline(300, 1300, 200)
        a = np.asarray(img) < 200
        xs, ys = np.nonzero(a.any(axis=0))[0], np.nonzero(a.any(axis=1))[0]
        past += xs.min() < 295 or xs.max() > 1305
        lean += ys.max() - ys.min() > 4
    assert past >= 3 and lean >= 3


def test_family_r_capture_and_damage():
    """Black and white: only black and white pixels; microfilm: the frame's dark edge on a side, no white
    left; water and tape change the page where they lie, not everywhere."""
    from samples import family_r

    base = family_r.draw(random.Random(0))
    page = np.full((700, 500), 235.0, np.float32)
    page[100:600:30, 50:450] = 40.0
    bw = family_r.capture(page.copy(), _with(base, capture="bitonal"), random.Random(1), 235.0)
    assert set(np.unique(bw)) <= {0.0, 255.0} and (bw == 0).any()
    film = family_r.capture(page.copy(), _with(base, capture="microfilm", negative=False), random.Random(2), 235.0)
    edges = [film[:5].mean(), film[-5:].mean(), film[:, :5].mean(), film[:, -5:].mean()]
    assert min(edges) < 60 and film.max() <= 255 and np.median(film) < 240
    neg = family_r.capture(page.copy(), _with(base, capture="microfilm", negative=True), random.Random(2), 235.0)
    assert np.median(neg) < 100 and neg[100, 200] > neg[115, 200]  # the paper dark, the writing light
    assert np.array_equal(family_r.capture(page.copy(), _with(base, capture="scan"), random.Random(3), 235.0), page)
    wet = family_r._water(page.copy(), random.Random(4))
    changed = np.abs(wet - page) > 3
    assert 0.02 < changed.mean() < 0.9
    taped = family_r._tape(page.copy(), random.Random(5))
    changed = np.abs(taped - page) > 3
    assert 0.005 < changed.mean() < 0.5


def _with(r, **kw):
    from dataclasses import replace

    return replace(r, **kw)


def test_family_r_pages_hold_and_repeat(tmp_path: Path):
    """Generated R pages (the whole path: paper, capture, the sum in words): each page's truth is valid
    payroll-page/1 and adds up, the same seed gives the same bytes."""
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        digests.append(_generated_digest(out, 3, 2, "R"))
        _pages_add_up(out)
    assert digests[0] == digests[1]
