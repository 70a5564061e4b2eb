"""Family Q of the sample generator (held out from its making: nobody reads its pages, the reader is never
run on it): its switches, its truth over many drawn sheets, each of its traits on the sheets and in the
drawing (its institutions, column orders, three-line headings, number formats, Roman months, deductions
with a court order, carried rows that are no person's, stamp and signature over the totals, corrections in
the margin and typed over, the phone's photograph), and its pages the same from the same seed."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from archive_core import egn
from archive_core.records import MONEY_FIELDS
from tests.test_samples import PARTS, _assert_truth_holds, _family_sheets

Q_FLAGS = ("court", "phone", "curl", "carried", "roman", "parent", "unit", "stamp_sign")


def _q_sheet(seed: int, **want: object):
    """One Q sheet drawn as generate_pages draws it, its Q habits redrawn until they have ``want``; with
    its style (not rendered)."""
    from samples import families
    from samples.content import make_file, make_sheet
    from samples.generate import Options, _style
    from samples.render import available_fonts

    rng = random.Random(seed)
    habits = families.draw_habits("Q", rng)
    while any(getattr(habits.q, k) != v for k, v in want.items()):
        habits = families.draw_habits("Q", rng)
    ef = make_file(rng, 0, staff=rng.randint(7, 15), years=families.YEARS["Q"])
    families.adapt_file(ef, habits, rng)
    sheet = make_sheet(rng, ef, 0)
    families.adapt_sheet(sheet, habits, rng, ef)
    style = families.style_for(habits, rng, _style(rng, sheet, Options(family="Q"), available_fonts()))
    return habits, ef, sheet, style


def test_family_q_draws_its_own_switches():
    """Q: thousands by an apostrophe or a dot with a decimal comma (or an apostrophe with a point), never
    stotinki; corrections in the margin or typed over; each of its switches on some files and on no other
    family's; a curling edge only on a phone's photograph; always portrait; any year 1980-1996."""
    from samples import families

    rng = random.Random(14)
    drawn = [families.draw_habits("Q", rng) for _ in range(300)]
    assert all(h.q is not None and h.family == "Q" for h in drawn)
    assert {(h.thousands, h.decimal) for h in drawn} == {("'", ","), (".", ","), ("'", ".")}
    assert not any(h.stotinki for h in drawn)
    assert {h.correction for h in drawn} == {"margin", "over", "none"}
    assert {h.q.institution for h in drawn if h.q} == {"hospital", "school", "municipality"}
    for flag in Q_FLAGS:
        assert 0.1 < sum(bool(getattr(h.q, flag)) for h in drawn) / len(drawn) < 0.9, flag
    assert not any(h.q and h.q.curl and not h.q.phone for h in drawn)
    assert all(h.landscape == 0.0 for h in drawn)
    others = [families.draw_habits(f, rng) for f in "BCDEFGHIJKLMNO" for _ in range(60)]
    assert not any(h.q is not None for h in others)
    assert families.YEARS["Q"] == (1980, 1996)


def test_family_q_habits_occur_on_its_sheets_and_the_truth_adds_up():
    """Over 40 drawn Q sheets every trait occurs on some of them and every sheet's truth holds (a valid ЕГН
    once per sheet, base + additional = gross, the itemised deductions with a court order's add up to the
    deductions, net = gross - deductions, each money column sums to its total, the days within the month,
    row numbers 1, 2, 3 ...); every sheet is portrait, in a Q face, its every heading on three lines, the
    ЕГН right after the name."""
    from samples import family_q
    from samples.content import money_text

    seen: Counter[str] = Counter()
    for habits, sheet, style in _family_sheets("Q", 40, 15):
        q = habits.q
        assert q is not None
        cols = list(sheet.layout)
        _assert_truth_holds(sheet, (*PARTS, "court"))
        assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
        for r in sheet.rows:
            assert r["days_worked"] is None or 0 <= r["days_worked"] <= egn.days_in_month(
                sheet.year, sheet.month
            )
        assert cols.index("egn") == cols.index("name") + 1
        assert all(len(sheet.headings[c].split("\n")) == 3 for c in cols)
        assert not style.landscape and any(
            str(style.font).endswith(f) for k in family_q.Q_FACES.values() for f in k
        )
        assert len(cols) <= family_q.MAX_COLUMNS
        assert (
            sheet.employer in family_q.INSTITUTIONS[q.institution][sheet.year >= 1991]
        )  # its name of the years
        assert all(
            r["position"] is None or r["position"] in family_q.POSITIONS[q.institution] for r in sheet.rows
        )
        seen[q.institution] += 1
        seen["net before deductions"] += cols.index("net_pay") < cols.index("deductions")
        seen["days at the end"] += cols[-1] == "days_worked"
        parts = [c for c in cols if c in (*PARTS, "court")]
        seen["three or more deductions"] += len(parts) >= 3
        if "court" in cols:  # a court order garnishes a few people's pay, the rest's cell blank
            seen["court order"] += any(r["court"] for r in sheet.rows) and any(
                not r["court"] for r in sheet.rows
            )
        big = [money_text(v, sheet) for v in sheet.totals.values() if v >= 1000]
        seen["apostrophe thousands"] += any("'" in t for t in big)
        seen["dot thousands, decimal comma"] += any("." in t and t[-3] == "," for t in big)
        if q.roman:
            assert family_q.ROMAN[sheet.month - 1] in sheet.period_text.split(" ")[2].split("/")
            assert str(sheet.year) in sheet.period_text
            seen["roman month"] += 1
        seen["ministry above"] += sheet.parent in family_q.PARENTS[q.institution]
        seen["unit under"] += sheet.address in family_q.UNITS[q.institution]
        seen["carry words"] += (
            sheet.carry_in_label in family_q.Q_CARRY_IN and sheet.carry_out_label in family_q.Q_CARRY_OUT
        )
        seen["margin, by hand"] += (
            style.corrections and style.correction_mode == "margin" and not style.correction_typed
        )
        seen["typed over"] += style.corrections and style.correction_mode == "over"
        seen[f"face {habits.face}"] += 1
    for trait in ("hospital", "school", "municipality", "net before deductions", "days at the end",
                  "three or more deductions", "court order", "apostrophe thousands", "dot thousands, decimal comma",
                  "roman month", "ministry above", "unit under", "margin, by hand", "typed over", "face typewriter",
                  "face print", "face dot_matrix"):  # fmt: skip
        assert seen[trait] >= 2, (trait, seen)
    assert seen["carry words"] == 40


def test_family_q_types_its_number_formats():
    """1'468,02 and 1.468,02 (and 21'468.02): the truth keeps 1468.02."""
    from samples.content import SheetContent, money_text

    sheet = SheetContent("x", 1987, 11, 1, (), {}, [], {}, decimal_comma=True, thousands_space=True)
    sheet.thousands_sep = "'"
    assert money_text(Decimal("1468.02"), sheet) == "1'468,02"
    sheet.thousands_sep = "."
    assert money_text(Decimal("1468.02"), sheet) == "1.468,02"
    sheet.thousands_sep, sheet.decimal_comma = "'", False
    assert money_text(Decimal("21468.02"), sheet) == "21'468.02"


def test_family_q_carried_pages_keep_people_and_sums_apart():
    """A long month on two or three pages: the people's rows split in order, the row numbers running on;
    each page but the first opens with the sums before it ("Пренос от предходната страница"), each but
    the last closes with the sums so far ("Пренос", its printed totals), the last with the month's; the
    carried rows are drawn (the first person a row lower) and are no rows of the truth."""
    from samples import family_q
    from samples.generate import _render_fitting, truth_of
    from samples.render import render

    counts = set()
    for seed in range(3, 40):
        habits, ef, sheet, style = _q_sheet(seed, carried=True, correction="none", stamp_sign=False)
        assert len(sheet.rows) >= 14  # the file's larger staff (20-30): a month fills more than one sheet
        sheet_no = ef.sheet_no
        pages = family_q.carried_pages(sheet, ef, random.Random(seed), room=3)
        assert ef.sheet_no == sheet_no + len(pages) - 1
        counts.add(len(pages))
        if len(pages) == 3:
            break
    assert counts <= {2, 3} and 3 in counts
    assert [r for p in pages for r in p.rows] == sheet.rows
    assert [p.sheet for p in pages] == list(range(sheet.sheet, sheet.sheet + len(pages)))
    assert pages[0].carried_in is None and pages[-1].totals == sheet.totals
    assert [p.carry_out for p in pages] == [True] * (len(pages) - 1) + [False]
    before: dict[str, Decimal] = {}
    for page in pages:
        assert (page.carried_in or {}) == before
        for f, total in page.totals.items():
            assert before.get(f, Decimal(0)) + sum(r[f] for r in page.rows) == total
        before = page.totals
    page = pages[1]  # the middle page: "Пренос от предходната страница" at its head, "Пренос" at its foot
    assert page.carried_in and page.carry_out and page.carry_in_label in family_q.Q_CARRY_IN
    img, geo = _render_fitting(page, style, random.Random(7))  # the type as small as the page needs
    _, plain = render(replace(page, carried_in=None), replace(style), random.Random(7))
    row_h = geo.row_bboxes[0][3] - geo.row_bboxes[0][1]
    assert geo.row_bboxes[0][1] - plain.row_bboxes[0][1] == row_h  # the carried row above the first person
    assert len(geo.row_bboxes) == len(page.rows)
    label = [t for r, _, _, t in geo.cells if r == len(page.rows) + 1]
    assert page.carry_out_label in label  # "Пренос" on the last row
    raw = json.loads(truth_of(page, geo, "page-0001.png").to_json())
    assert [r["row"] for r in raw["rows"]] == [r["row"] for r in page.rows] and raw["rows"][0]["row"] > 1
    assert {k: Decimal(v) for k, v in raw["totals"].items()} == {
        k: v for k, v in page.totals.items() if k in MONEY_FIELDS
    }


def test_family_q_stamp_and_signature_over_the_totals():
    """The office's stamp pressed over a figure of the totals row and the chief accountant's signature
    across it: both marks of no row, drawn where they say (ink added inside the stamp's circle)."""
    from samples import family_q
    from samples.generate import _render_fitting

    habits, _, sheet, style = _q_sheet(5, stamp_sign=True)
    assert habits.q is not None
    img, geo = _render_fitting(sheet, style, random.Random(2))
    before = np.asarray(img).copy()
    n = len(geo.marks)
    family_q.after_render(img, geo, sheet, style, habits.q, random.Random(3))
    stamp, sign = geo.marks[n:]
    assert stamp["kind"] == "stamp" and sign["kind"] == "signature" and stamp["row"] is None is sign["row"]
    circle = np.asarray(stamp["polygon"])
    cx, cy = circle.mean(axis=0)
    r = float(np.hypot(*(circle[0] - (cx, cy))))
    totals = [
        box for i, c, box, _ in geo.cells if i == len(sheet.rows) + 1 and sheet.layout[c] in sheet.totals
    ]
    assert any(x0 - r <= cx <= x1 + r and y0 - r <= cy <= y1 + r for x0, y0, x1, y1 in totals)
    rect = np.asarray(sign["polygon"])
    assert rect[:, 0].min() < cx < rect[:, 0].max() and rect[:, 1].min() < cy < rect[:, 1].max()
    after = np.asarray(img)
    y0, y1, x0, x1 = int(cy - r), int(cy + r), int(cx - r), int(cx + r)
    assert (after[y0:y1, x0:x1] < before[y0:y1, x0:x1]).sum() > 2000


def test_family_q_corrects_in_the_margin_by_hand_and_types_over_the_slips(monkeypatch: pytest.MonkeyPatch):
    """Margin: the slip struck through in its cell, the right figure handwritten right of the table (the
    truth keeps it). Typed over: the slip typed, then the right figure typed over it at the same right
    edge (one digit apart)."""
    from samples.generate import _render_fitting
    from samples.render import Painter

    for mode in ("margin", "over"):
        calls: list[tuple[str, float, float, str]] = []
        orig_text, orig_hand = Painter.text, Painter.handwrite

        def text(self, x, y_mid, t, scale=1.0, _o=orig_text, _c=calls):
            _c.append(("text", x + self.width(t, scale), y_mid, t))
            _o(self, x, y_mid, t, scale)

        def hand(self, x, y_mid, t, _o=orig_hand, _c=calls):
            _c.append(("hand", x, y_mid, t))
            _o(self, x, y_mid, t)

        monkeypatch.setattr(Painter, "text", text)
        monkeypatch.setattr(Painter, "handwrite", hand)
        fixed = 0
        for seed in range(20, 40):
            _, _, sheet, style = _q_sheet(seed, correction=mode)
            assert style.corrections and style.correction_mode == mode
            calls.clear()
            _, geo = _render_fitting(sheet, style, random.Random(seed))
            body = {t for r, _, _, t in geo.cells if 0 < r <= len(sheet.rows)}
            if mode == "margin":
                right = geo.table_bbox[2]
                fixed += sum(1 for k, x, _, t in calls if k == "hand" and x > right and t in body)
            else:
                for (k1, e1, y1, t1), (k2, e2, y2, t2) in zip(calls, calls[1:], strict=False):
                    if (
                        k1 == k2 == "text"
                        and abs(e1 - e2) < 2
                        and y1 == y2
                        and t2 in body
                        and len(t1) == len(t2)
                    ):
                        fixed += sum(a != b for a, b in zip(t1, t2, strict=True)) == 1
            if fixed >= 3:
                break
        assert fixed >= 3, mode
        monkeypatch.undo()


def test_family_q_phone_photo_moves_the_truth_with_the_page():
    """A phone's photograph: the page in perspective (a 3x3 homography) with the desk showing round it, the
    curling edge bending the rows near one side only, the light uneven across the paper, the resolution
    lower (a fine pattern washed out); the points of the truth moved through the bending and the
    homography land on the marks drawn there."""
    from samples import degrade, family_q

    h, w = 3508, 2480
    page = np.full((h, w), 240.0, dtype=np.float32)
    dots = [(300, 400), (1240, 1754), (2200, 3100), (2300, 600), (200, 3300)]
    for x, y in dots:
        page[y - 12 : y + 12, x - 12 : x + 12] = 0.0
    page[2000:2100, 600:700] = np.where((np.indices((100, 100)).sum(axis=0) % 2) == 0, 0.0, 240.0)
    out, m, bend = family_q.phone_photo(page, random.Random(8), 240.0, None, curl=True)
    assert out.shape == (h, w) and m.shape == (3, 3) and abs(m[2, 0]) + abs(m[2, 1]) > 1e-7
    assert bend is not None and np.abs(bend).max() >= 10
    edge = max(np.abs(bend[:100]).max(), np.abs(bend[-100:]).max())
    assert edge >= 10 and np.abs(bend[w // 2 - 50 : w // 2 + 50]).max() < edge / 2
    moved = degrade.map_points(degrade.bend_points(dots, bend), m)
    for x, y in moved:
        patch = out[int(y) - 6 : int(y) + 7, int(x) - 6 : int(x) + 7]
        assert patch.mean() < 120, (x, y, patch.mean())
    assert out[5, 5] < 150 and out[-5, -5] < 150  # the desk round the sheet
    paper = [
        np.percentile(out[y : y + 300, x : x + 300], 90)
        for x, y in ((400, 700), (1800, 700), (400, 2700), (1800, 2700))
    ]
    assert max(paper) - min(paper) > 12  # the lamp, the vignette, the phone's shadow
    fine = degrade.map_points(degrade.bend_points([[650.0, 2050.0]], bend), m)[0]
    cx, cy = int(fine[0]), int(fine[1])
    assert out[cy - 20 : cy + 20, cx - 20 : cx + 20].std() < 40  # a 1-pixel checkerboard: washed out


def test_family_q_pages_carry_rows_and_their_truth_holds(tmp_path: Path):
    """Q pages as generated: every truth adds up with the sums carried from the page before it of the same
    month; a month runs on over pages (row numbers going on), every page portrait at 300 dpi; some photographed (the desk
    round the sheet); stamps are marks."""
    from samples.generate import Options, generate_pages

    paths = generate_pages(tmp_path, 6, 3, options=Options(family="Q"))
    before: dict[tuple[object, ...], dict[str, str]] = {}
    continued = phones = 0
    kinds: set[str] = set()
    for png in paths:
        raw = json.loads(png.with_suffix(".json").read_text(encoding="utf-8"))
        kinds |= {m["kind"] for m in raw.get("marks") or []}
        month = (raw["employer"]["name"], raw["period"]["year"], raw["period"]["month"])
        carried = before.get(month, {})
        continued += bool(carried)
        if carried:
            assert raw["rows"][0]["row"] > 1
        for f, total in raw["totals"].items():
            assert sum(Decimal(r[f]) for r in raw["rows"]) + Decimal(carried.get(f, "0")) == Decimal(total)
        before[month] = raw["totals"]
        from PIL import Image

        with Image.open(png) as im:
            assert im.height > im.width >= 2400 and round(im.info["dpi"][0]) == 300
            a = np.asarray(im)
        phones += bool(a[5, 5] < 150 and a[-5, -5] < 150)  # the desk round a photographed sheet
    assert continued >= 1 and phones >= 1 and "stamp" in kinds
