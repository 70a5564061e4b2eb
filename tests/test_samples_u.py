"""Family U of the sample generator (held out from its making in session 18 to its one measurement in session 19, a
development family since; these tests exercise the generator only, on development seeds 13001-13040): its switches, its truth over many drawn sheets, what a page
shows of them (the figures as the truth says, the carried sums, the 9-pin printer's dots, the fax and its thermal
paper, the staple, pages turned with their truth), and its pages the same from the same seed."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples import (
    PARTS,
    _assert_held_apart,
    _assert_truth_holds,
    _drawn_habits,
    _family_sheets,
    _forced_sheet,
    _generated_digest,
)

SEEDS = range(13001, 13041)  # U's development seeds
U_FLAGS = ("head_fill", "bold_heads", "carried", "program_line", "fax", "fine", "rx_line", "streaks", "turned", "frame")


def test_family_u_draws_its_own_switches():
    """U: its faces (print and a 9-pin printer's), printers and programs, a spreadsheet's separators (never
    stotinki), negative corrections on some files, its rulings, periods and fax header words, the staple; the firm
    of every kind (ЕТ with the owner's name, ООД, ЕООД, АД, ЕАД); each switch on some files only; 1992-1996."""
    from samples import data, families, family_u

    drawn = _drawn_habits("U", SEEDS)
    us = [h.u for h in drawn if h.u]
    assert len(us) == len(drawn) and all(h.family == "U" for h in drawn)
    assert {h.face for h in drawn} == {"print", "pin9"}
    assert {u.printer for u in us} == {"laser", "inkjet", "pin9"}
    assert all((u.face == "pin9") == (u.printer == "pin9") for u in us)
    assert {u.program for u in us} == {"spreadsheet", "accounting"}
    assert {(h.thousands, h.decimal) for h in drawn} == set(family_u.U_FORMATS) and not any(h.stotinki for h in drawn)
    assert {u.negative for u in us} == {"", "minus", "paren"}
    assert {u.ruling for u in us} == {"full", "rows", "head", "none"}
    assert {u.period for u in us} == {"digits", "range", "word", "slash"}
    assert {u.fax_words for u in us} == {"bg", "latin", "short"}
    assert {u.staple for u in us} == {"", "staple", "shadow", "holes"}
    assert all(h.correction == "none" for h in drawn)
    for flag in U_FLAGS:
        assert 0.05 < sum(bool(getattr(u, flag)) for u in us) / len(us) < 0.95, flag
    assert not any(u.rx_line or u.streaks for u in us if not u.fax)
    assert not any(u.frame for u in us if u.program != "spreadsheet")
    kinds = {k for u in us for k in ("ЕТ", "ООД", "ЕООД", "АД", "ЕАД") if f" {k}" in f" {u.employer}".replace("„", " ")}
    assert kinds == {"ЕТ", "ООД", "ЕООД", "АД", "ЕАД"}
    owners = [u.employer for u in us if u.employer.startswith("ЕТ „")]
    assert all(any(n in e for n in data.MALE_FIRST + data.FEMALE_FIRST + family_u.BRANDS) for e in owners)
    assert any(u.address for u in us) and any(not u.address for u in us)
    assert 0 < sum(u.landscape > 0 for u in us) < len(us)
    assert families.YEARS["U"] == (1992, 1996)


def test_family_u_is_held_apart_from_the_earlier_families():
    """U draws faces none of A-T draws (from font packages of its own), layouts none of them draws, and every column
    heading has words of its own."""
    from samples import family_t

    _assert_held_apart("U", others_extra=frozenset(family_t.T_HANDS))


def test_family_u_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many U sheets: the truth adds up (a negative correction too: gross = base + it); the firm's name the
    file's; every position a person's (a woman's in her form); no union fee and no more columns than the page holds;
    its titles, periods and totals' words; a negative amount printed as the file prints it; the style of its printer
    (a 9-pin printer's characters and dotted rules, a spreadsheet's bold and shaded heading row) and its footer."""
    from samples import data, family_u
    from samples.content import money_text
    from samples.generate import truth_of
    from samples.render import Geometry

    seen = {"negative": 0, "paren": 0, "pin9": 0, "bold": 0, "fill": 0, "parts": 0, "address": 0, "1994-96": 0}
    for seed in (13001, 13002, 13003):
        for habits, sheet, style in _family_sheets("U", 25, seed):
            u = habits.u
            assert u is not None
            _assert_truth_holds(sheet)
            assert sheet.employer == u.employer and sheet.address == u.address
            seen["address"] += bool(sheet.address)
            assert 1992 <= sheet.year <= 1996
            seen["1994-96"] += sheet.year >= 1994
            for row in sheet.rows:
                if row["position"] is not None and row["row"] != 1:
                    female = int(str(row["egn"])[8]) % 2
                    assert any(p[female] == row["position"] for p in family_u.POSITIONS)
            cols = list(sheet.layout)
            assert len(cols) <= family_u.MAX_COLUMNS and "union_fee" not in cols
            seen["parts"] += "tax" in cols
            assert sheet.title in family_u.U_TITLES and sheet.total_label in family_u.U_TOTAL_WORDS
            assert str(sheet.year) in sheet.period_text
            negatives = [r["extra_pay"] for r in sheet.rows if isinstance(r["extra_pay"], Decimal) and r["extra_pay"] < 0]
            assert not negatives or u.negative
            for v in negatives:
                printed = money_text(v, sheet)
                assert printed.startswith("(") and printed.endswith(")") if u.negative == "paren" else printed.startswith("-")
                seen["paren" if u.negative == "paren" else "negative"] += 1
            if u.face == "pin9":
                assert isinstance(style.writer, family_u.Pins) and style.pin_rules and "terminus" in style.writer.font
                seen["pin9"] += 1
            else:
                assert style.writer is None and not style.pin_rules
                seen["bold"] += style.printed_heads and style.form_font is not None and "Bold" in style.form_font.name
            seen["fill"] += bool(style.head_fill)
            assert style.footer_roles == u.footer and style.sheet_words == u.sheet_words
            raw = truth_of(sheet, Geometry(2480, 3508, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows]), "p.png")
            assert all(r.egn and egn.is_valid(r.egn) for r in raw.rows)
            assert not any(k in PARTS or k == "days_paid" for row in raw.model_dump()["rows"] for k in row)
            word = data.MONTHS[sheet.month - 1]
            assert word in sheet.period_text.lower() or f"{sheet.month}" in sheet.period_text or family_u.ROMAN[sheet.month - 1] in sheet.period_text
    assert all(v >= 2 for v in seen.values()), seen


def _u_sheet(seed: int, **switches):
    """One U sheet with six people or more (content and style) with ``switches`` forced on its file's habits."""
    return _forced_sheet("U", seed, switches, fits=lambda sheet: {"base_pay", "extra_pay"} <= set(sheet.layout))


@pytest.mark.parametrize(("face", "negative"), [("print", "paren"), ("pin9", "minus")])
def test_family_u_page_prints_the_truth_and_carries_its_sums(face: str, negative: str):
    """A month over two or three rendered U pages: every figure drawn is the truth's in the sheet's format (a
    negative correction as the file prints it), each page's printed totals the sums so far, the last the month's,
    the row numbers run on, the pages numbered on; the carried row at the head is no row of the truth."""
    from samples import families, family_u
    from samples.content import money_text
    from samples.generate import _render_fitting, _style
    from samples.render import available_fonts

    rng = random.Random(13005)
    for _ in range(40):
        habits = families.draw_habits("U", rng)
        if habits.u is not None and habits.u.face == face:
            break
    u = replace(habits.u, negative=negative, carried=True)
    habits = replace(habits, u=u)
    from samples.content import make_file, make_sheet

    ef = make_file(rng, 0, staff=14, years=families.YEARS["U"])
    families.adapt_file(ef, habits, rng)
    if "extra_pay" not in ef.layout:  # a layout with the correction's column
        ef.layout = family_u.U_LAYOUTS[1]
        ef.headings = {c: family_u.HEADINGS_U[c][0] for c in ef.layout}
    sheet = make_sheet(rng, ef, 0)
    families.adapt_sheet(sheet, habits, random.Random(1), ef)
    if not any(r["extra_pay"] < 0 for r in sheet.rows):  # one correction at least
        r = sheet.rows[2]
        r["extra_pay"], r["gross_pay"] = Decimal("-12.50"), r["base_pay"] - Decimal("12.50")
        r["net_pay"] = r["gross_pay"] - r["deductions"]
        sheet.totals = {f: sum((r[f] for r in sheet.rows), Decimal(0)) for f in sheet.totals}
    _assert_truth_holds(sheet)
    pages = family_u.carried_pages(sheet, ef, random.Random(2), room=3)
    assert len(pages) in (2, 3) and pages[-1].totals == sheet.totals and pages[0].carried_in is None
    assert [r for p in pages for r in p.rows] == sheet.rows
    numbers = [int(str(r["row"])) for p in pages for r in p.rows]
    assert numbers == list(range(1, len(sheet.rows) + 1))
    before: dict[str, Decimal] = {}
    shown_negative = 0
    for k, page in enumerate(pages):
        assert page.sheet == pages[0].sheet + k and page.carry_out == (k < len(pages) - 1)
        assert (page.carried_in or {}) == before
        for f, total in page.totals.items():
            assert sum((r[f] for r in page.rows), Decimal(0)) + before.get(f, Decimal(0)) == total
        before = dict(page.totals)
        style = families.style_for(habits, random.Random(k), _style(random.Random(k), page, families_opts(), available_fonts()))
        img, geo = _render_fitting(page, style, random.Random(3 + k))
        cols = list(page.layout)
        n = len(page.rows)
        assert len(geo.row_bboxes) == n
        for r, c, _, tx in geo.cells:
            if 1 <= r <= n and cols[c] in MONEY_FIELDS:
                assert tx == money_text(page.rows[r - 1][cols[c]], page)
                shown_negative += tx.startswith("(" if negative == "paren" else "-")
            if r == n + 1 and cols[c] in page.totals:
                assert tx == money_text(page.totals[cols[c]], page)
        if page.carried_in:  # the carried row above the first person
            first_top = geo.row_bboxes[0][1]
            head_bottom = max(b[3] for r, _, b, _ in geo.cells if r == 0)
            assert first_top - head_bottom > style.size
    assert shown_negative >= 1


def test_family_u_spreadsheet_frame_is_no_part_of_the_table():
    """A spreadsheet printed with its frame: the column letters over the heading and the spreadsheet's row numbers
    left of every row (the heading's, each person's, the totals'), outside the table's cells; the truth's rows keep
    the table's own numbers."""
    from samples import family_u
    from samples.generate import _render_fitting, truth_of

    u, sheet, style = _u_sheet(13010, frame=True, program_line=False)
    img, geo = _render_fitting(sheet, style, random.Random(3))
    before = np.asarray(img).copy()
    family_u.after_render(img, geo, sheet, style, u, random.Random(4))
    changed = np.abs(np.asarray(img).astype(int) - before.astype(int)) > 30
    x0 = geo.row_bboxes[0][0]
    for _, y0, _, y1 in geo.row_bboxes:
        assert changed[y0 + 3 : y1 - 3, x0 - int(style.size * 1.5) + 2 : x0 - 2].sum() > 10  # its row number
    top = min(b[1] for r, _, b, _ in geo.cells if r == 0)
    assert changed[top - int(style.size) + 3 : top - 3, x0 : geo.row_bboxes[0][2]].sum() > 50  # the letters
    for _, _, b, _ in geo.cells:
        assert not changed[b[1] + 4 : b[3] - 4, b[0] + 4 : b[2] - 4].any()  # no cell written on
    truth = truth_of(sheet, geo, "p.png")
    assert [r.row for r in truth.rows] == [r["row"] for r in sheet.rows]


def families_opts():
    from samples.generate import Options

    return Options(family="U")


def test_family_u_pins_draw_dots_within_what_they_measure():
    """The 9-pin printer's characters: Cyrillic, figures and signs inside the width they measure, about the size
    asked, every stroke a row of round dots (ink with gaps between the pins)."""
    from samples import family_u
    from samples.render import FONT_DIR, Painter, Style

    text = "ЕТ „Вега“ Щерев – 12 345,67 № 5 (12.50)"
    for k, face in enumerate(family_u.U_FACES["pin9"]):
        pins = family_u.Pins(str(FONT_DIR / face))
        for size in (34, 40):
            img = Image.new("L", (2200, 200), 255)
            st = Style(font=FONT_DIR / family_u.VECTOR, typewriter=False, size=size, ruled=True, landscape=False, writer=pins)
            p = Painter(img, st, random.Random(k))
            w = p.width(text)
            p.text(100, 100, text)
            ink = np.argwhere(np.asarray(img) < 160)
            assert len(ink)
            assert ink[:, 1].min() >= 100 - 4 and ink[:, 1].max() <= 100 + w + 4
            assert ink[:, 1].max() - ink[:, 1].min() > 0.9 * w
            assert 0.6 * size < ink[:, 0].max() - ink[:, 0].min() < 1.6 * size
            assert 80 < np.median(ink[:, 0]) < 120  # about y_mid
            assert np.asarray(family_u._pin(4)).sum() < 16  # a pin's dot is round: the pitch's corners stay white


def _page(**switches):
    from samples import family_u

    u = replace(family_u.draw(random.Random(13007)), **switches)
    return u


def test_family_u_fax_thermal_paper_staple_and_turns():
    """The fax: the sender's header line at the top, black and white dots printed on greyed thermal paper (in
    standard mode each dot three pixels tall), a landscape sheet turned to go through sideways (the map turns its
    points), a streak down the page; the staple in the top-left corner; a page fed turned, its map composed."""
    from samples import degrade, family_u

    white = np.full((3508, 2480), 255.0, np.float32)
    white[1500:1540, 600:1800] = 20.0  # a typed bar
    u = _page(fax=True, fine=False, streaks=False, staple="", printer="laser", rx_line=False, fade=0.0)
    page = family_u.UPage(u, True, "12.04.95 14:32 ТЕЛ. 046/6-21-34 ЕТ ВЕГА  СТР. 01/03", "RX", 0)
    out, m = family_u.before_scan(white.copy(), page, random.Random(1))
    assert out.shape == white.shape and np.allclose(m, degrade.identity())
    assert (out[:60] < 150).sum() > 500  # the header line
    assert out[1500:1540, 600:1800].mean() < 90 and 200 < np.median(out) < 250  # the dots; the greyed paper
    thin = np.full((3508, 2480), 255.0, np.float32)
    thin[1500:1502, 600:1800] = 20.0  # a hairline: in standard mode a dot is three pixels tall, or the line is lost
    dark = (family_u.before_scan(thin, page, random.Random(1))[0][1480:1530, 1000] < 150).sum()
    assert dark == 0 or dark >= 3
    wide = np.full((2480, 3508), 255.0, np.float32)
    wide[100:140, 200:400] = 0.0
    turned, m = family_u.before_scan(wide, page, random.Random(2))
    assert turned.shape == (3508, 2480)
    x, y = degrade.map_points(np.array([[300.0, 120.0]]), m)[0]
    assert turned[int(y), int(x)] < 120  # the bar's middle where the map puts it
    streak = family_u.UPage(_page(fax=True, streaks=True, staple="", printer="laser", fade=0.0), True, "X", "RX", 0)
    on_white = family_u.before_scan(np.full((700, 500), 255.0, np.float32), streak, random.Random(3))[0]
    on_black = family_u.before_scan(np.full((700, 500), 0.0, np.float32), streak, random.Random(3))[0]
    # a black line down the page (dirt on the sender's glass) or a white one (a dead heating element)
    assert (on_white < 150).mean(axis=0).max() > 0.9 or (on_black > 150).mean(axis=0).max() > 0.9
    stapled = family_u.before_scan(np.full((3508, 2480), 250.0, np.float32),
                                   family_u.UPage(_page(staple="staple", printer="laser"), False, "", "", 0),
                                   random.Random(4))[0]  # fmt: skip
    assert stapled[:300, :300].min() < 130 and stapled[600:, 600:].min() == 250
    a = np.zeros((40, 60), np.float32)
    a[5, 10] = 255.0
    for turns in (1, 2, 3):
        b, mm = family_u.after_scan(a, degrade.identity(), family_u.UPage(u, False, "", "", turns))
        x, y = degrade.map_points(np.array([[10.0, 5.0]]), mm)[0]
        assert b[int(round(y)), int(round(x))] == 255.0


def test_family_u_some_pages_come_turned_a_minority():
    """Over the development seeds' files and months: some pages come by fax, some not; some are fed turned
    (a quarter or half turn), most upright; the fax header counts the month's pages ("СТР. 01/02", "P.01/02")."""
    from samples import family_u
    from samples.content import SheetContent

    sheet = SheetContent("ЕТ „Вега“", 1995, 3, 1, ("row",), {"row": "N"}, [], {})
    pages = []
    for seed in SEEDS:
        rng = random.Random(seed)
        u = family_u.draw(rng)
        for k in range(3):
            pages.append(family_u.page_of(u, sheet, k, 3, rng))
    fax = [p for p in pages if p.fax]
    assert 0.3 < len(fax) / len(pages) < 0.9
    turned = [p for p in pages if p.quarter_turns]
    assert 0 < len(turned) / len(pages) < 0.25
    assert {p.quarter_turns for p in turned} == {1, 2, 3}
    assert any("СТР." in p.header for p in fax) and any("P.0" in p.header for p in fax)
    assert all(p.header.rstrip().endswith(("/03", "/04", "03", "04", "01", "02")) for p in fax)


def test_family_u_pages_hold_and_repeat(tmp_path: Path):
    """Generated U pages (the whole path: printer, fax, thermal paper, staple, scan, turns): each page's truth is
    valid payroll-page/1 and adds up with the sums carried from the page before it, its boxes inside the image;
    the same seed gives the same bytes."""
    from samples import family_u

    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        digests.append(_generated_digest(out, 4, 13008, "U"))
    assert digests[0] == digests[1]
    firms = set()
    before: dict[tuple[object, ...], dict[str, str]] = {}
    for js in sorted((tmp_path / "a").glob("page-*.json")):
        page = PayrollPage.load(js)
        w, hgt = Image.open(js.with_suffix(".png")).size
        assert page.rows and page.employer.name and page.period.year and 1992 <= page.period.year <= 1996
        firms.add(page.employer.name)
        for r in page.rows:
            v = {f: Decimal(getattr(r, f)) if getattr(r, f) else None for f in MONEY_FIELDS}
            assert v["gross_pay"] - v["deductions"] == v["net_pay"]
            if v["base_pay"] is not None and v["extra_pay"] is not None:
                assert v["base_pay"] + v["extra_pay"] == v["gross_pay"]
            assert r.bbox and -5 <= r.bbox[0] < r.bbox[2] <= w + 5 and -5 <= r.bbox[1] < r.bbox[3] <= hgt + 5
        month = (page.employer.name, page.period.year, page.period.month)
        carried = before.get(month, {})
        for f, total in page.totals.items():
            assert sum(Decimal(getattr(r, f)) for r in page.rows) + Decimal(carried.get(f, 0)) == Decimal(total)
        before[month] = page.totals
    assert firms and all(any(k in f for k in ("ЕТ", "ООД", "АД")) for f in firms)
    assert family_u.U_LAYOUTS
