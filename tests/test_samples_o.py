"""Family O of the sample generator (held out: nobody reads its pages): its switches, its truth over many
drawn sheets, its departments and subtotals that are no person's rows, its spread and paper's marks, and
its pages the same from the same seed."""

from __future__ import annotations

import json
import random
from decimal import Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS
from tests.test_samples import _assert_truth_holds, _family_sheet, _family_sheets

O_FLAGS = ("departments", "subtotals", "whole_mark", "form_period", "graph", "corner_stamp", "photocopy", "coffee",
           "torn", "spread")  # fmt: skip


def test_family_o_draws_its_own_switches():
    """O: "=" for the decimal point, departments with subtotals, "150=-", the form's period line, squared
    paper, the corner stamp, photocopies, coffee rings, torn corners, spreads, ticks on the right, each on
    some files (none of these switches is drawn by another family); never stotinki; any year 1980-1996."""
    from samples import families

    rng = random.Random(12)
    drawn = [families.draw_habits("O", rng) for _ in range(300)]
    assert not any(h.stotinki for h in drawn)
    for flag in (*O_FLAGS, "ticks"):
        assert 0.1 < sum(bool(getattr(h, flag)) for h in drawn) / len(drawn) < 0.9, flag
    assert 0.3 < sum(h.decimal == "=" for h in drawn) / len(drawn) < 0.9
    assert not any(h.subtotals and not h.departments for h in drawn)
    assert not any(h.whole_mark and h.decimal != "=" for h in drawn)
    others = [families.draw_habits(f, rng) for f in "BCDEFGHIJKLMN" for _ in range(100)]
    assert not any(getattr(h, flag) for h in others for flag in O_FLAGS)
    assert not any(h.decimal == "=" for h in others)
    assert families.YEARS["O"] == (1980, 1996)


def test_family_o_types_amounts_with_an_equals_sign():
    """'=' for the decimal point (123=45), whole leva '150=-' on some files; the thousands as drawn."""
    from samples.content import SheetContent, money_text

    sheet = SheetContent("x", 1987, 5, 1, (), {}, [], {}, decimal_sep="=")
    assert money_text(Decimal("123.45"), sheet) == "123=45"
    assert money_text(Decimal("150.00"), sheet) == "150=00"
    sheet.whole_mark = "-"
    assert money_text(Decimal("150.00"), sheet) == "150=-"
    assert money_text(Decimal("150.05"), sheet) == "150=05"
    sheet.thousands_space = True
    assert money_text(Decimal("21468.00"), sheet) == "21 468=-"


def test_family_o_habits_occur_on_its_sheets_and_the_truth_adds_up():
    """Over 40 drawn O sheets every habit occurs on some of them, and every sheet's truth holds: a valid
    ЕГН once per sheet, row numbers 1, 2, 3 ... across the departments, base + additional = gross, the
    itemised deductions add up, net = gross - deductions, every money column sums to its total (the grand
    total, never a department's), the days within the month; a department's people stand together."""
    from collections import Counter

    from samples import families
    from samples.content import department_runs

    seen: Counter[str] = Counter()
    for habits, sheet, style in _family_sheets("O", 40, 13):
        _assert_truth_holds(sheet)
        assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
        for r in sheet.rows:
            assert r["days_worked"] is None or 0 <= r["days_worked"] <= egn.days_in_month(sheet.year, sheet.month)
        runs = department_runs(sheet.rows)
        assert len({d for *_, d in runs}) == len(runs)  # each department once, its people together
        for flag in ("photocopy", "coffee", "torn"):  # the scan's habits (degrade_page)
            seen[flag] += getattr(habits, flag)
        seen["departments"] += len(runs) >= 2
        seen["subtotals"] += len(runs) >= 2 and style.subtotals
        seen["= decimal"] += sheet.decimal_sep == "="
        seen["150=-"] += sheet.whole_mark == "-"
        seen["form period"] += bool(sheet.form_month) and style.form_font is not None
        seen["graph paper"] += style.graph
        seen["corner stamp"] += style.corner_stamp
        seen["ticks right"] += style.ticks and style.ticks_right
        seen["spread"] += style.spread and style.landscape
        seen["landscape"] += style.landscape
        seen["portrait"] += not style.landscape
        assert any(str(style.font).endswith(f) for k in families.O_FACES.values() for f in k)
    for habit in ("photocopy", "coffee", "torn", "departments", "subtotals", "= decimal", "150=-", "form period",
                  "graph paper", "corner stamp", "ticks right", "spread", "landscape", "portrait"):  # fmt: skip
        assert seen[habit] >= 2, (habit, seen)


def _o_sheet(seed: int, **want: object):
    return _family_sheet("O", seed, (1980, 1996), **want)


def test_family_o_departments_and_subtotals_are_no_persons_rows():
    """On an O sheet of departments with subtotals the truth has one row per person and no more, numbered
    on across the departments; each department's heading row and subtotal row lie between its people's
    rows (a gap of a row's height over the first person of a department after the first, of two rows
    after the last person of a department), the grand total is the month's; no key of O's is in the truth."""
    from samples.content import department_runs
    from samples.generate import truth_of

    sheet, style, img, geo = _o_sheet(21, departments=True, subtotals=True, decimal="=")
    runs = department_runs(sheet.rows)
    assert len(runs) >= 2 and style.subtotals
    assert len(geo.row_bboxes) == len(sheet.rows)
    row_h = min(b[3] - b[1] for b in geo.row_bboxes)
    for a, _, _ in runs[1:]:
        gap = geo.row_bboxes[a][1] - geo.row_bboxes[a - 1][3]
        assert gap >= 2 * row_h - 2, (a, gap, row_h)  # the subtotal row, then the next heading row
    for i in range(1, len(sheet.rows)):
        if i not in {a for a, _, _ in runs}:
            assert geo.row_bboxes[i][1] - geo.row_bboxes[i - 1][3] < row_h / 2
    raw = json.loads(truth_of(sheet, geo, "page-0001.png").to_json())
    assert [r["row"] for r in raw["rows"]] == list(range(1, len(sheet.rows) + 1))
    assert not {"dept", "days_paid"} & {k for r in raw["rows"] for k in r}
    for f, total in raw["totals"].items():
        assert sum(Decimal(r[f]) for r in raw["rows"]) == Decimal(total)
    body = [t for r, c, _, t in geo.cells if 0 < r <= len(sheet.rows) and sheet.layout[c] in MONEY_FIELDS]
    assert body and all("=" in t for t in body)


def test_family_o_spread_moves_each_page_and_the_truth_with_it():
    """A spread: the same sheet drawn as two facing pages is the single page's left part moved left and
    its right part moved right by as much, the gutter between two columns; every row's box widens by the
    two moves, its left edge on the left page and its right edge on the right."""
    from dataclasses import replace

    from samples.render import render

    sheet, style, *_ = _o_sheet(22, spread=True)
    flat_img, flat = render(sheet, replace(style, spread=False), random.Random(5))
    book_img, book = render(sheet, style, random.Random(5))
    assert len(book.row_bboxes) == len(flat.row_bboxes) == len(sheet.rows)
    moves = {(b[0] - a[0], b[2] - a[2]) for a, b in zip(flat.row_bboxes, book.row_bboxes, strict=True)}
    assert len(moves) == 1
    left, right = moves.pop()
    assert left < 0 < right and left == -right or abs(left + right) <= 1
    a, b = np.asarray(flat_img), np.asarray(book_img)
    x0, x1 = flat.row_bboxes[0][0], flat.row_bboxes[0][0] + 300  # the left page, far from the gutter
    y0, y1 = flat.row_bboxes[0][1], flat.row_bboxes[-1][3]  # the people's rows (a spread's title moves left)
    assert np.array_equal(b[y0:y1, x0 + left : x1 + left], a[y0:y1, x0:x1])


def test_family_o_paper_marks_keep_the_writing_and_the_table():
    """A coffee ring only darkens the paper; a torn corner takes only the bottom corner's margin (the
    table ends 330 pixels above the foot of every page); a photocopy's streaks run down the page."""
    from samples import degrade

    page = np.full((1200, 900), 255.0, dtype=np.float32)
    page[300:320, 100:800] = 20.0  # a line of writing
    stained = degrade.coffee_stain(page, random.Random(3))
    assert (stained <= page + 1e-3).all() and (stained < page - 1).any()
    assert stained[300:320, 100:800].max() <= 20.0 + 1e-3
    for seed in range(6):
        torn = degrade.torn_corner(page, random.Random(seed), 60.0)
        changed = np.argwhere(torn != page)
        assert len(changed) and changed[:, 0].min() >= 1200 - 280
        assert (changed[:, 1] < 280).all() or (changed[:, 1] >= 900 - 280).all()
    copied = degrade.photocopy(page, random.Random(4))
    assert copied.shape == page.shape and copied[:, 400:500].mean() < 245  # grey paper
    assert copied[300:320, 100:800].mean() < 60  # the writing stays dark


