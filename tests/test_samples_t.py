"""Family T of the sample generator (held out from its making in session 17 to its one measurement at the start of
session 18, a development family since; these tests exercise the generator only): its switches, its truth over many drawn sheets, each of its traits on the sheets and in the
drawing, the clerk's hand drawing what it measures, the paper, and its pages the same from the same seed."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import numpy as np
from PIL import Image

from archive_core import egn
from tests.test_samples import (
    _assert_truth_holds,
    _family_sheets,
    _forced_sheet,
    _generated_digest,
    _pages_add_up,
)

T_FLAGS = ("spare", "zstrike", "double_under", "form_no", "folio", "refolio", "archive_stamp", "aged", "foxing",
           "dog_ear", "stamp_rows", "signatures_cross")  # fmt: skip


def test_family_t_draws_its_own_switches():
    """T: its hands and pens, its number formats (never stotinki), whole leva written with a dash on some files,
    a printed form (ruled full or by the columns, never unruled), its period phrasings, its corrections (never
    typed), the staple or its rust, each of its switches on some files only; any year 1980-1996."""
    from samples import families, family_t

    rng = random.Random(17)
    drawn = [families.draw_habits("T", rng) for _ in range(400)]
    assert all(h.t is not None and h.family == "T" for h in drawn)
    ts = [h.t for h in drawn if h.t]
    assert {t.hand for t in ts} == set(family_t.T_HANDS)
    assert {t.pen for t in ts} == {"ballpoint", "ink"} and {h.face for h in drawn} == {"form"}
    assert {(h.thousands, h.decimal) for h in drawn} == set(family_t.T_FORMATS) and not any(h.stotinki for h in drawn)
    assert {t.whole_mark for t in ts} == {"", "—", "-"}
    assert {h.ruling for h in drawn} == {"full", "columns"}
    assert {t.period for t in ts} == {"month", "slash", "dash", "comma"}
    assert {t.correction for t in ts} == {"scraped", "over", "none"}
    assert all(h.correction == "none" and not h.correction_typed for h in drawn)  # the generic ones stay off
    assert {t.staple for t in ts} == {"", "staple", "removed"}
    assert all(3 <= t.blank_lines <= 10 for t in ts if t.blank_lines) and not any(t.zstrike for t in ts if not t.blank_lines)
    assert not any(t.refolio for t in ts if not t.folio)
    assert len({round(t.slant, 2) for t in ts}) > 20 and all(0 <= t.low <= 0.15 for t in ts)
    for flag in T_FLAGS:
        assert 0.1 < sum(bool(getattr(t, flag)) for t in ts) / len(ts) < 0.9, flag
    assert families.YEARS["T"] == (1980, 1996)


def test_family_t_truth_adds_up_and_its_habits_occur_on_its_sheets():
    """Over many T sheets: the truth adds up; the co-operative's name one of the file's years; every trade a
    member's, a woman's (odd ninth digit of the ЕГН) in her form; its layouts, the column nobody filled where the
    switch says so and never in the truth; no more columns than the page holds; its titles, periods and totals'
    words; whole leva as the clerk writes them; the hand writes, the form prints the headings, the empty lines."""
    from samples import data, family_t
    from samples.content import money_text
    from samples.generate import truth_of
    from samples.render import Geometry

    seen = {"spare": 0, "woman": 0, "man": 0, "whole": 0, "blank": 0, "parts": 0, "1991": 0, "before": 0}
    periods = set()
    for habits, sheet, style in _family_sheets("T", 50, 26):
        t = habits.t
        assert t is not None
        _assert_truth_holds(sheet)
        assert sheet.employer in family_t.ENTERPRISES[0] + family_t.ENTERPRISES[1]
        seen["1991" if sheet.employer in family_t.ENTERPRISES[1] else "before"] += 1
        for row in sheet.rows:
            if row["position"] is not None:
                female = int(str(row["egn"])[8]) % 2
                assert any(p[female] == row["position"] for p in family_t.POSITIONS)
                seen["woman" if female else "man"] += 1
        cols = list(sheet.layout)
        assert len(cols) <= family_t.MAX_COLUMNS
        assert "spare" not in cols or t.spare
        seen["spare"] += "spare" in cols
        seen["parts"] += "tax" in cols
        assert sheet.title in family_t.T_TITLES and sheet.total_label in family_t.T_TOTAL_WORDS
        word = data.MONTHS[sheet.month - 1].capitalize()
        roman = f"{family_t.ROMAN[sheet.month - 1]}/{sheet.year % 100:02d}"
        assert (word in sheet.period_text and str(sheet.year) in sheet.period_text) or roman in sheet.period_text
        periods.add(t.period)
        if t.whole_mark:
            whole = [v for r in sheet.rows for v in r.values() if isinstance(v, Decimal) and v == int(v)]
            for v in whole:
                assert money_text(v, sheet).endswith(t.whole_mark)
            seen["whole"] += bool(whole)
        assert isinstance(style.writer, family_t.Hand) and style.printed_heads and style.form_font == style.font
        assert style.writer.font.endswith(t.hand) and style.writer.pen == t.pen and style.writer.low == t.low
        assert style.blank_rows == t.blank_lines and not style.corrections and not style.totals_hand
        seen["blank"] += bool(style.blank_rows)
        raw = truth_of(sheet, Geometry(2480, 3508, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows]), "p.png")
        assert not any(k in ("spare", "days_paid") for row in raw.model_dump()["rows"] for k in row)
        assert all(r.egn and egn.is_valid(r.egn) for r in raw.rows)
    assert all(v >= 3 for v in seen.values()), seen
    assert len(periods) >= 3


def test_family_t_hand_draws_within_what_it_measures():
    """Every hand writes Cyrillic, figures and the signs it lacks (by its stand-ins) inside the width it
    measures, its letters set close (narrower than the face would set them), leaning by its slant."""
    from samples import family_t
    from samples.render import FONT_DIR, Painter, Style

    text = "„Заря“ Щерев – 1 468,02 № 5"
    for k, name in enumerate(family_t.T_HANDS):
        for slant, pen in ((0.25, "ballpoint"), (-0.05, "ink")):
            hand = family_t.Hand(str(FONT_DIR / name), slant, pen, 40)
            img = Image.new("L", (1800, 200), 255)
            st = Style(font=FONT_DIR / name, typewriter=False, size=44, ruled=True, landscape=False, writer=hand)
            p = Painter(img, st, random.Random(k))
            w = p.width(text)
            p.text(100, 100, text)
            ink = np.argwhere(np.asarray(img) < 160)
            assert len(ink), name
            assert ink[:, 1].min() >= 100 - 12 and ink[:, 1].max() <= 100 + w + 12, (name, slant)
            assert ink[:, 1].max() - ink[:, 1].min() > 0.8 * w, name
            assert 70 < ink[:, 0].mean() < 125, name  # the x-height about y_mid
            face = p.font().getlength(text)
            if "kiloji" in name or "seto" in name or "klee" in name:
                assert w < face, name  # set close, not at the face's full-width advance


def _sheet_with(seed: int, **switches):
    """One T sheet (content and style) with ``switches`` forced on its file's habits."""
    spare = "spare" in switches
    return _forced_sheet("T", seed, switches, rows=6, fits=lambda sheet: not spare or "spare" in sheet.layout)


def test_family_t_page_shows_its_traits_and_keeps_the_truth():
    """A rendered T sheet: every figure drawn is the truth's in the sheet's format (whole leva with the clerk's
    dash), the column nobody filled empty under its printed heading, the empty lines struck with a "Z", the totals
    underlined twice, corrections marked on their rows, the archive's stamp among the marks, the form's number and
    imprint and the folio in the margins."""
    from samples import family_t
    from samples.content import money_text
    from samples.generate import _render_fitting

    t, sheet, style = _sheet_with(31, spare=True, whole_mark="—", blank_lines=5, zstrike=True, double_under=True,
                                  correction="scraped", form_no=True, folio=True, refolio=True, archive_stamp=True)  # fmt: skip
    assert style.blank_rows == 5
    img, geo = _render_fitting(sheet, style, random.Random(3))
    before = np.asarray(img).copy()
    family_t.after_render(img, geo, sheet, style, t, random.Random(4))
    after = np.asarray(img)
    cols = list(sheet.layout)
    n = len(sheet.rows)
    for r, c, _, tx in geo.cells:
        if 1 <= r <= n and cols[c] in family_t.MONEY:
            assert tx == money_text(sheet.rows[r - 1][cols[c]], sheet)
        if r >= 1:
            assert cols[c] != "spare"
    heads = {c: tx for r, c, _, tx in geo.cells if r == 0}
    assert heads[cols.index("spare")] == sheet.headings["spare"].replace("\n", " ")
    changed = np.abs(after.astype(int) - before.astype(int)) > 30
    _, _, _, last = geo.row_bboxes[-1]
    totals_top = min(b[1] for r, _, b, _ in geo.cells if r == n + 1)
    x0, _, x1, _ = geo.table_bbox
    assert changed[last + 5 : totals_top - 5, x0:x1].sum() > 500  # the "Z" across the empty lines
    totals = [b for r, c, b, _ in geo.cells if r == n + 1 and cols[c] in sheet.totals]
    assert all(changed[b[1] : b[3], b[0] : b[2]].sum() > 30 for b in totals)  # underlined twice
    assert changed[:110, :].sum() > 100 and changed[-120:, :].sum() > 100  # the form's number, folio; imprint, stamp
    kinds = [m["kind"] for m in geo.marks]
    assert "stamp" in kinds
    assert all(0 <= m["row"] < n for m in geo.marks if m["kind"] == "correction")


def test_family_t_paper_ages_spots_and_folds():
    """The paper: browned and darker at the edges, foxed, a staple's rust in the top-left corner, a bottom
    corner folded over (the scanner's lid beyond the fold, the flap a shade darker)."""
    from samples import family_t

    base = family_t.draw(random.Random(0))
    white = np.full((1400, 1000), 250.0, np.float32)
    t = replace(base, aged=True, foxing=False, staple="", dog_ear=False)
    out = family_t.on_paper(white.copy(), t, random.Random(1))
    assert out.mean() < 245 and out[:20].mean() < out[600:800, 400:600].mean()
    spots = family_t.on_paper(white.copy(), replace(t, aged=False, foxing=True), random.Random(2))
    assert (spots < 235).sum() > 20
    rust = family_t.on_paper(white.copy(), replace(t, aged=False, staple="removed"), random.Random(3))
    assert rust[:250, :250].min() < 150 and rust[600:, 600:].min() == 250
    for seed in range(12):
        folded = family_t.on_paper(white.copy(), replace(t, aged=False, dog_ear=True), random.Random(seed))
        if (folded != 250).any():
            changed = np.argwhere(folded != 250)
            assert changed[:, 0].min() > 1400 - 180  # only the bottom corner
            assert changed[:, 1].max() < 180 or changed[:, 1].min() > 1000 - 180
            return
    raise AssertionError("no sheet folded")


def test_family_t_pages_hold_and_repeat(tmp_path: Path):
    """Generated T pages (the whole path: the hand, the form, the archive, the paper, the scan): each page's truth
    is valid payroll-page/1 and adds up, its boxes inside the image; the same seed gives the same bytes."""
    from samples import family_t

    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        digests.append(_generated_digest(out, 2, 12026, "T"))
        for png, page in _pages_add_up(out):
            w, hgt = Image.open(png).size
            for r in page.rows:
                assert r.bbox and -5 <= r.bbox[0] < r.bbox[2] <= w + 5 and -5 <= r.bbox[1] < r.bbox[3] <= hgt + 5
            assert page.employer.name in family_t.ENTERPRISES[0] + family_t.ENTERPRISES[1]
    assert digests[0] == digests[1]
