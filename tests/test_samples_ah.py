"""Family AH of the sample generator (held out from its making in session 31 to its one measurement by the lead in
session 32). These tests exercise the generator only, on its maker's development seeds 26001-26040 (the evaluation
seed is never generated here): its switches and face held apart from A-AG, its truth over many drawn months (the crew
in the order of their ranks, the days at sea and in port to the days on the roll, the base for the days, the
sea-service supplement for the share at sea, gross, the itemised deductions, net; the currency allowance the rank's
rate x the days at sea, never in gross; every column to its total), what a page prints (the truth's values typed, the
currency and the days at sea and in port in columns of their own, nothing but payroll-page/1 fields in the truth,
days_worked null where only the two parts are printed), the tear (never through a typed string, the lost strip
neither), the pieces' moves (the ink where the truth's moved boxes say), the tape and the scan (the typing under the
tape and its glare still dark on light paper; 16 levels of grey or 1-bit), and its pages the same under another hash
seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, ROW_FIELDS, PayrollPage
from tests.test_samples import (
    _assert_held_apart,
    _drawn_habits,
    _egn_truth_as_printed,
    _family_months,
    _pages_add_up,
    _repeats_under_another_hash_seed,
)

SEEDS = range(26001, 26041)  # AH's development seeds


def test_family_ah_draws_its_own_switches():
    """AH: every layout, face, pitch, row pitch, rule kind and character, money format, nought, currency, supplement,
    tape, dither and dpi; portrait sheets, two tears, tears down, bitonal scans and glare on some files only; a face of
    a font package none of A-AG uses, layouts and heading words of its own; gross and deductions on every layout;
    1980-1996."""
    from samples import families, family_ah

    drawn = _drawn_habits("AH", SEEDS)
    ahs = [h.ah for h in drawn if h.ah]
    assert len(ahs) == len(drawn) and all(h.family == "AH" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in ahs} == set(family_ah.AH_FACES["typewriter"])
    assert {a.layout for a in ahs} == set(family_ah.AH_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in ahs} == set(family_ah.AH_MONEY) and {a.zero for a in ahs} == {"-", "", "0,00"}
    assert {a.pitch for a in ahs} == {10, 12, 15} and {a.row_pitch for a in ahs} == {1.0, 1.5, 2.0}
    assert {a.rules for a in ahs} == {"typed", "pen"} and {a.across for a in ahs} == {"-", "_"}
    assert {a.vchar for a in ahs} == {"|", "!"} and {a.pen for a in ahs} == {"blue", "black"}
    assert {a.currency for a in ahs} == {"USD", "DM"} and {a.supplement for a in ahs} == {20, 30, 40, 50, 60}
    assert {a.tape for a in ahs} == {"across", "along"} and {a.dither for a in ahs} == {"ordered", "diffusion"}
    assert {a.dpi for a in ahs if not a.bitonal} == {200, 300} and {a.dpi for a in ahs if a.bitonal} == {300}
    for flag in ("portrait", "across_tear", "bitonal"):
        assert 0.15 < sum(getattr(a, flag) for a in ahs) / len(ahs) < 0.85, flag
    assert 0.15 < sum(a.tears == 2 for a in ahs) / len(ahs) < 0.6
    assert 0.1 < sum(a.glare == 0 for a in ahs) / len(ahs) < 0.6 and all(a.glare <= 0.25 for a in ahs if a.bitonal)
    assert all(a.ruling == "none" and 0.07 <= a.yellow <= 0.2 and a.shift <= 6 and a.turn <= 0.35 for a in ahs)
    assert families.YEARS["AH"] == (1980, 1996) and "AH" in families.FAMILIES
    _assert_held_apart("AH", own_dirs=True)
    assert {c for lay in family_ah.AH_LAYOUTS for c in lay} <= set(family_ah.HEADINGS_AH)
    assert all("gross_pay" in lay and "deductions" in lay and "currency" in lay for lay in family_ah.AH_LAYOUTS)
    assert any(lay.index("currency") < lay.index("gross_pay") for lay in family_ah.AH_LAYOUTS)
    assert any("sea_days" in lay and "days_worked" not in lay for lay in family_ah.AH_LAYOUTS)


def _months(seeds=range(26001, 26011)):
    for seed in seeds:
        yield from _family_months("AH", seed, files=4, months=5)


def _q(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_family_ah_truth_adds_up_over_many_months():
    """Every drawn AH month: rows numbered 1.. in the order printed, a valid ЕГН once per sheet, the crew in the
    order of their ranks (the rank the truth's position where the sheet prints it, else null); days at sea + days in
    port = the days on the roll (days_worked where printed, else null); the base the rank's salary x the days over
    the month's working days, the supplement the file's per cent of it for the share at sea, gross = base +
    supplement, the itemised deductions to ``deductions``, net = gross - deductions >= 0; the currency the rank's
    daily rate x the days at sea (no payroll-page/1 field); every money column and the currency to their totals;
    companies of AH's kinds; years across 1980-1996."""
    from samples import content, family_ah
    from samples.content import working_days

    names = {n for n, _ in family_ah.EMPLOYERS} | {family_ah.renamed(n, 1991) for n, _ in family_ah.EMPLOYERS}
    years, kinds, no_days = [], set(), 0
    for habits, ef, sheets in _months():
        ah = habits.ah
        assert ef.employer in names
        kinds.add(ah.kind)
        years.append(sheets[0].year)
        staff = {p.egn: p for p in ef.staff}
        order = [r for r, _ in family_ah.RANKS[ah.kind]]
        ranks = [order.index(ah.ranks[p.egn]) for p in ef.staff]
        assert ranks == sorted(ranks) and ah.ranks[ef.staff[0].egn] == "капитан"
        for sheet in sheets:
            cols = set(sheet.layout)
            assert sheet.layout == ah.layout
            parts = [c for c in family_ah.PARTS if c in cols]
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_ah.PARTS, "currency"}
            assert len({str(r["egn"]) for r in sheet.rows}) == len(sheet.rows)
            no_days += "days_worked" not in cols and "sea_days" in cols
            wd = working_days(sheet.year, sheet.month)
            scale = content.pay_scale(ef.start[0], sheet.year)
            for r in sheet.rows:
                e = str(r["egn"])
                born = egn.birth_date(e)
                assert egn.is_valid(e) and born is not None and born.year <= sheet.year - 15
                days, sea = r["days_paid"], r["sea_days"]
                assert sea + r["port_days"] == days and 0 <= sea <= days <= wd
                assert r["days_worked"] == (days if "days_worked" in cols else None)
                assert r["position"] == (ah.ranks[e] if "position" in cols else None)
                base = _q(staff[e].salary * scale * Decimal(days) / Decimal(wd))
                extra = _q(base * Decimal(ah.supplement) / 100 * Decimal(sea) / Decimal(days)) if days else Decimal(0)
                money = {"base_pay": base, "extra_pay": extra, "gross_pay": base + extra}
                for f, v in money.items():
                    assert r[f] == (v if f in cols else None)
                net = base + extra - r["deductions"]
                assert r["net_pay"] == net >= 0 and r["deductions"] >= 0
                if parts:
                    assert sum((r[c] for c in parts), Decimal(0)) == r["deductions"]
                assert r["currency"] == _q(ah.rates[e] * sea)
            for f, total in sheet.totals.items():
                assert sum((r[f] for r in sheet.rows), Decimal(0)) == total
    assert kinds == {"sea", "river", "fish"} and no_days >= 3
    assert min(years) < 1986 and max(years) > 1991


def _sheet(seeds=range(26001, 26041), want=lambda ah, sheet: True):
    """The first drawn AH month (with its habits) that ``want``."""
    for habits, _, sheets in _months(seeds):
        for sheet in sheets:
            if want(habits.ah, sheet):
                return habits.ah, sheet
    raise AssertionError("no such AH month")


def _drawn(ah, sheet, seed: int = 5):
    from samples import family_ah
    from samples.render import Style

    st = Style(font=family_ah.FONT_DIR / ah.face, typewriter=True, size=40, ruled=False, landscape=True)
    family_ah.style(ah, random.Random(seed), st)
    return family_ah.render(sheet, st, ah, random.Random(seed))


def test_family_ah_prints_what_the_truth_says():
    """A drawn AH sheet with the days at sea and in port but no days on the roll: the typed cells hold the truth's
    name, rank and net pay as the file types them, each row's days at sea and in port and its currency in their
    columns, the totals row the currency's sum; the truth built from it has the payroll-page/1 fields alone,
    days_worked null, and no currency among its amounts."""
    from samples import family_ah
    from samples.generate import truth_of

    ah, sheet = _sheet(want=lambda ah, s: "sea_days" in s.layout and "days_worked" not in s.layout and len(s.rows) >= 5)
    img, geo = _drawn(ah, sheet)
    W, H = img.size
    assert len(geo.row_bboxes) == len(sheet.rows)
    assert all(0 <= b[0] < b[2] <= W and 0 <= b[1] < b[3] <= H for b in geo.row_bboxes)
    by_col = {(r, sheet.layout[j]): t for r, j, _, t in geo.cells}
    for i, r in enumerate(sheet.rows):
        assert by_col[(i + 1, "name")] == r["name"] and by_col[(i + 1, "position")] == r["position"]
        assert by_col[(i + 1, "net_pay")] == family_ah.amount(r["net_pay"], ah, sheet.year)
        assert by_col[(i + 1, "sea_days")] == str(r["sea_days"]) and by_col[(i + 1, "port_days")] == str(r["port_days"])
        assert by_col[(i + 1, "currency")] == family_ah.amount(r["currency"], ah, sheet.year)
    total = len(sheet.rows) + 1
    assert by_col[(total, "currency")] == family_ah.amount(sum(r["currency"] for r in sheet.rows), ah, sheet.year)
    heads = {sheet.layout[j]: t for r, j, _, t in geo.cells if r == 0}
    assert ah.currency in heads["currency"]
    page = truth_of(sheet, geo, "page-0001.png")
    currency = {f"{r['currency']:.2f}" for r in sheet.rows} - {"0.00"}
    for row in page.model_dump()["rows"]:
        assert {k for k, v in row.items() if v not in (None, [], {})} - {"bbox", "polygon"} <= set(ROW_FIELDS)
        assert row["days_worked"] is None
        assert not {row[f] for f in MONEY_FIELDS} & currency - {row["base_pay"], row["gross_pay"]}
    assert [r.net_pay for r in page.rows] == [f"{r['net_pay']:.2f}" for r in sheet.rows]
    assert "currency" not in page.totals


def test_family_ah_largest_month_fits_one_sheet():
    """An AH file drawn from a roster of 30 keeps 22 (one ship's crew); its months of 1995-1996 (the widest amounts,
    thousands spaced) in every layout at double spacing and ten to the inch fit one A4 sheet (turned and at a
    smaller pitch where need be), each row a box inside the page."""
    from samples import families, family_ah
    from samples.content import make_file, make_sheet

    rng = random.Random(26007)
    for i, layout in enumerate(family_ah.AH_LAYOUTS * 2):
        habits = families.draw_habits("AH", rng)
        ef = make_file(rng, i, staff=30, years=(1995, 1996) if i < len(family_ah.AH_LAYOUTS) else (1980, 1996))
        habits.ah.layout = layout
        families.adapt_file(ef, habits, rng)
        assert len(ef.staff) == 22 and ef.layout == layout
        ah = replace(habits.ah, row_pitch=2.0, pitch=10, thousands=" ")
        sheet = make_sheet(rng, ef, 0)
        family_ah.adapt_sheet(sheet, ah, rng, ef)
        img, geo = _drawn(ah, sheet)
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows) >= 15
        assert all(130 <= b[0] < b[2] <= W - 130 and 150 <= b[1] < b[3] <= H - 150 for b in geo.row_bboxes)


def test_family_ah_tear_keeps_clear_of_the_typing_and_the_pieces_carry_their_boxes():
    """Drawn AH sheets torn across (two tears) and down: no tear line and no lost strip on a typed string's ink; the
    pieces after the first moved, apart from the one before; on the grey scan (16 levels, the long tape along the
    tear yellowed and glaring) every row's cells dark where the truth's moved boxes say, on lighter paper, the typing
    under the tape too (and on the mended sheet drawn --pristine); the lid's white in the lost strip in the margin."""
    from samples import family_ah
    from samples.degrade import map_box

    ah, sheet = _sheet(want=lambda ah, s: not ah.portrait and len(s.rows) >= 9 and ah.row_pitch >= 1.5)
    for across in (True, False):
        forced = replace(ah, across_tear=across, tears=2, lost=14.0, tape="along", yellow=0.2, glare=0.5, shift=5.0,
                         turn=0.3, bitonal=False, dpi=300, ranks=dict(ah.ranks), rates=dict(ah.rates))  # fmt: skip
        img, geo = _drawn(forced, sheet)
        cells = [(r, j, list(b), t) for r, j, b, t in geo.cells]
        page = family_ah.page_of(img, geo, sheet, forced, random.Random(3))
        assert page.across == across and len(page.tears) >= 1 and len(page.moves) == len(page.tears) + 1
        text = family_ah._text_mask(img, page.keep)
        H, W = text.shape
        for line, strip in zip(page.tears, page.lost, strict=True):
            for k in range(0, len(line), 3):
                a, b = int(line[k]) - 1, int(np.ceil(line[k] + strip[k])) + 2
                assert not (text[a:b, k].any() if across else text[k, a:b].any())
        for (_, _, b0, _), (_, _, b1, _) in zip(cells, geo.cells, strict=True):  # each cell moved with its piece
            mv = page.moves[family_ah.piece_of(page, (b0[0] + b0[2]) / 2, (b0[1] + b0[3]) / 2)]
            assert b1 == family_ah._move_box(b0, mv)
        assert all(np.abs(mv[:, 2]).max() > 1.0 for mv in page.moves[1:])
        mended = family_ah.flat(np.asarray(img, np.float32), page)  # --pristine: the pieces where the boxes say
        for r, _, b, t in geo.cells:
            if 1 <= r <= len(sheet.rows) and len(t) >= 2:
                assert np.percentile(mended[b[1] + 8 : b[3] - 4, b[0] : b[2]], 2) < 100, (r, t)
        out, m, dpi, bend = family_ah.scan(np.asarray(img, np.float32), replace(page, angle=0.0), np.random.default_rng(1))
        assert out.ndim == 2 and dpi == 300 and bend is None and len(np.unique(out)) <= 16
        g = out.astype(np.float32)
        n_rows = len(sheet.rows)
        for r, _, b, t in geo.cells:
            if not 1 <= r <= n_rows or len(t) < 2:
                continue
            x0, y0, x1, y1 = map_box(b, m)
            win = g[y0 + 8 : y1 - 4, x0 : x1]
            assert np.percentile(win, 2) < 100 and np.percentile(win, 90) > 150, (r, t)
        if across:  # the lid's white in the lost strip beyond the typing, left of the sheet's text
            line, strip = page.tears[0], page.lost[0]
            k = int(np.argmax(strip[:60]))
            assert strip[k] > 6 and g[int(line[k] + strip[k] / 2), k] > 230


def test_family_ah_bitonal_scan_dithers_the_tape_and_keeps_the_typing():
    """A drawn AH sheet scanned bitonal (ordered and error-diffused): only black and white; clean paper white, the
    tape's yellow in dots (some black, mostly white), every typed cell of the rows black in part."""
    from samples import family_ah
    from samples.degrade import map_box

    ah, sheet = _sheet(want=lambda ah, s: not ah.portrait and len(s.rows) >= 6)
    for dither in ("ordered", "diffusion"):
        forced = replace(ah, across_tear=True, tears=1, tape="along", yellow=0.2, glare=0.25, bitonal=True,
                         dither=dither, dpi=300, ranks=dict(ah.ranks), rates=dict(ah.rates))  # fmt: skip
        img, geo = _drawn(forced, sheet)
        page = family_ah.page_of(img, geo, sheet, forced, random.Random(4))
        page = replace(page, angle=0.0, tapes=tuple((*t[:5], 0.0) for t in page.tapes))
        out, m, _, _ = family_ah.scan(np.asarray(img, np.float32), page, np.random.default_rng(2))
        assert set(np.unique(out)) <= {0, 255}
        x, y, length, width, turn, _ = page.tapes[0]
        u, v = m @ np.array([x, y, 1.0])
        core = out[int(v) - 8 : int(v) + 8, int(u) - 300 : int(u) + 300]
        assert 0.03 < (core == 0).mean() < 0.6  # the tape's yellow dithered (the typing under it too)
        clean = out[30:130, out.shape[1] // 2 - 200 : out.shape[1] // 2 + 200]
        assert (clean == 0).mean() < 0.02
        for r, _, b, t in geo.cells:
            if 1 <= r <= len(sheet.rows) and len(t) >= 2:
                x0, y0, x1, y1 = map_box(b, m)
                assert (out[y0 + 8 : y1 - 4, x0:x1] == 0).mean() > 0.04, t


def test_family_ah_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AH page from dev seed 26002 (a grey file at 300 dpi, the largest), generated here and by another Python
    under another hash seed: the same bytes; its truth payroll-page/1 that adds up, no marks; a grey PNG of 16 levels
    under ~5 MB at 300 dpi; the truth pinned."""
    from PIL import Image

    out = _repeats_under_another_hash_seed(tmp_path, "AH", 26002, pages=1)
    pages = _pages_add_up(out, mark_kinds=())
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode == "L" and round(im.info["dpi"][0]) == 300
        assert len(np.unique(np.asarray(im))) <= 16
    assert png.stat().st_size < 5_000_000
    assert all(r.egn is None or egn.is_valid(r.egn) for r in page.rows)  # none where the layout prints none
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED


PINNED = "a1431c69c9b2c664"  # the truth without ЕГН on its layout (session 32)


def test_ah_layouts_without_an_egn_column_have_no_egn_in_their_truth():
    """Three AH layouts print no ЕГН (the lead's look at dev 26001 p2 after AH's measurement): their truth has none
    — nobody can read it there (payroll-page/1: a column the sheet does not have is null) — while the sheet's rows
    keep it (the ranks and currency rates are keyed by it)."""
    assert _egn_truth_as_printed(_months()) == {True, False}
