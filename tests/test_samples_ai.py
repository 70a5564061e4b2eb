"""Family AI of the sample generator (held out from its making in session 32 to its one measurement by the lead at the
start of session 33). These tests exercise the generator only, on its maker's development seeds 27001-27040 (the evaluation
seed is never generated here): its switches and face held apart from A-AH, its truth over many drawn months (the staff
in the order of their posts, the base for the days, the project fee and the author's supervision to the additional
pay, gross, the itemised deductions, net, every column to its total), what a page prints (the truth's values lettered
in their cells, the employer, the period and the sheet's number in the title block at the lower right under the table,
nothing but payroll-page/1 fields in the truth), the diazo copy (the ground tinted and banded, the lines soft where the
tracing paper lifted and only there, every lettered value of the truth clearly darker than the ground around it in
colour and in grey, the worst exposure, fading and creases drawn at once), and its pages the same under another hash
seed."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from decimal import Decimal

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, ROW_FIELDS, PayrollPage
from tests import test_samples as common

SEEDS = range(27001, 27041)  # AI's development seeds
PINNED = "509e171b8e3baefc"


def test_family_ai_draws_its_own_switches():
    """AI: every layout, lettering height, row height, money format, nought, period wording, dye; slanted lettering,
    a title line over the table, portrait sheets, lifts, creases, fading and grey scans on some files only; a face
    of a font package none of A-AH uses, layouts and heading words of its own; gross and deductions on every layout,
    the ЕГН on most, the additional pay's items without their sum on one; 1980-1996."""
    from samples import family_ai

    drawn = common._drawn_habits("AI", SEEDS)
    ais = [h.ai for h in drawn if h.ai]
    assert len(ais) == len(drawn) and all(h.family == "AI" and h.face == "lettering" for h in drawn)
    assert {a.face for a in ais} == set(family_ai.AI_FACES["lettering"])
    assert {a.layout for a in ais} == set(family_ai.AI_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in ais} == set(family_ai.AI_MONEY) and {a.zero for a in ais} == {"-", "—"}
    assert {a.height for a in ais} == {2.5, 3.5} and {a.row_mm for a in ais} == {7.0, 8.0, 10.0}
    assert {a.period for a in ais} == {"roman", "word", "digits"} and {a.dye for a in ais} == set(family_ai.DYES)
    assert {a.fade_edge for a in ais} == {"left", "right", "top", "bottom"} and {a.dpi for a in ais} == {200, 300}
    for flag in ("slant", "title_line", "portrait", "grey"):
        assert 0.15 < sum(getattr(a, flag) for a in ais) / len(ais) < 0.85, flag
    for many in ("lifts", "creases", "fade"):
        assert 0.1 < sum(bool(getattr(a, many)) for a in ais) / len(ais) < 0.9, many
    assert all(a.ruling == "none" and 0.7 <= a.exposure <= 1.35 and a.bands <= 0.22 and a.fade <= 0.35 for a in ais)
    common._assert_own_layouts("AI", family_ai.AI_LAYOUTS, family_ai.HEADINGS_AI, "objects", "extra_pay")


def _months(seeds=range(27001, 27011)):
    for seed in seeds:
        yield from common._family_months("AI", seed, files=4, months=5)


def test_family_ai_truth_adds_up_over_many_months():
    """Every drawn AI month: rows numbered 1.. in the order printed, a valid ЕГН once per sheet, the staff in the
    order of their posts (the post the truth's position where the sheet prints it, else null); the base the post's
    salary x the days over the month's working days; the project fee and the supervision (the printed ones; none
    where the sheet prints others) to the additional pay, gross = base + additional; the printed deductions to
    ``deductions`` (none beyond them), never above gross, net = gross - deductions; every money column, item and
    deduction to its total; the period as the title block letters it; employers of AI's; years across 1980-1996;
    the ЕГН in the truth where the layout prints it only."""
    from samples import content, data, family_ai
    from samples.content import working_days

    names = {family_ai.renamed(n, y) for n in family_ai.EMPLOYERS for y in (1980, 1990, 1991, 1993)}
    years, employers = [], set()
    order = [p for p, _ in family_ai.POSTS]
    for habits, ef, sheets in _months():
        ai = habits.ai
        staff = {p.egn: p for p in ef.staff}
        posts = [order.index(ai.posts[p.egn]) for p in ef.staff]
        assert posts == sorted(posts) and len(ef.staff) <= 15
        for sheet in sheets:
            cols = set(sheet.layout)
            assert sheet.layout == ai.layout and sheet.employer in names and sheet.employer == family_ai.renamed(
                ai.kind, sheet.year)
            employers.add(ai.kind)
            years.append(sheet.year)
            items = [c for c in family_ai.ITEMS if c in cols]
            parts = [c for c in family_ai.PARTS if c in cols]
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_ai.ITEMS, *family_ai.PARTS}
            assert len({str(r["egn"]) for r in sheet.rows}) == len(sheet.rows)
            m = sheet.month
            assert sheet.period_text in {f"м. {data.ROMAN[m - 1]} {sheet.year} г.", f"{data.MONTHS[m - 1]} {sheet.year} г.",
                                         f"{m:02d}.{sheet.year} г."}  # fmt: skip
            wd = working_days(sheet.year, sheet.month)
            scale = content.pay_scale(ef.start[0], sheet.year)
            for r in sheet.rows:
                e = str(r["egn"])
                base = common._staff_row_base(r, cols, ai.posts[e], staff[e].salary * scale, wd, sheet.year)
                extra = r["objects"] + r["supervision"]
                if items:
                    assert all(r[c] == 0 for c in family_ai.ITEMS if c not in items)
                money = {"base_pay": base, "extra_pay": extra, "gross_pay": base + extra}
                for f, v in money.items():
                    assert r[f] == (v if f in cols else None)
                ded = sum((r[c] for c in family_ai.PARTS), Decimal(0))
                if parts:
                    assert all(r[c] == 0 for c in family_ai.PARTS if c not in parts)
                assert r["deductions"] == ded and 0 <= ded <= base + extra
                assert r["net_pay"] == base + extra - ded
            for f, total in sheet.totals.items():
                assert sum((r[f] for r in sheet.rows), Decimal(0)) == total
    assert len(employers) >= 5 and min(years) < 1986 and max(years) > 1991
    assert common._egn_truth_as_printed(_months(range(27001, 27006))) == {True, False}


def _sheet(want):
    """The first of 40 AI sheets drawn from dev seed 27003 that ``want`` (tests/test_samples._first_sheet)."""
    from samples import family_ai

    return common._first_sheet("AI", 27003, want, family_ai.render)


def test_family_ai_prints_what_the_truth_says_and_the_title_block_holds_the_header():
    """A drawn AI sheet with the additional pay's items but not their sum: the lettered cells hold the truth's name,
    post, ЕГН and net pay as the file letters them, the items in their columns, the totals row their sums; the
    employer, the period and the sheet's number lettered once each in the title block at the lower right, under the
    table (the period over the table too where the file letters a title line), the section and the archive number
    there too; the truth has the payroll-page/1 fields alone and extra_pay null."""
    from samples import family_ai
    from samples.content import money_text
    from samples.generate import truth_of

    ai, sheet, draw = _sheet(lambda ai, s: "objects" in s.layout and "extra_pay" not in s.layout and len(s.rows) >= 5)
    for title_line in (False, True):
        forced = replace(ai, title_line=title_line, posts=dict(ai.posts))
        img, geo = draw(forced)
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows)
        by_col = {(r, sheet.layout[j]): t for r, j, _, t in geo.cells}
        for i, r in enumerate(sheet.rows):
            assert by_col[(i + 1, "name")] == r["name"] and by_col[(i + 1, "position")] == r["position"]
            assert by_col[(i + 1, "egn")] == r["egn"]
            assert by_col[(i + 1, "net_pay")] == money_text(r["net_pay"], sheet)
            assert by_col[(i + 1, "objects")] == money_text(r["objects"], sheet)
        total = len(sheet.rows) + 1
        assert by_col[(total, "objects")] == money_text(sum(r["objects"] for r in sheet.rows), sheet)
        words = sheet.extra["ai_words"]
        table_bottom = geo.table_bbox[3]
        job = sheet.extra["ai_job"]
        for s in (sheet.employer, sheet.title, str(job["section"]), str(job["archive"])):
            boxes = [b for w, b in words if w == s and b[1] > table_bottom]
            assert len(boxes) == 1 and boxes[0][0] > W * 0.3 and boxes[0][3] < H, s
        sheet_cell = W - (5 + 37.5) * family_ai.PX_MM  # the "Лист" cell's middle (the "Листа" one right of it)
        assert [abs((b[0] + b[2]) / 2 - sheet_cell) < 40 for w, b in words if w == str(sheet.sheet)].count(True) == 1
        over = [b for w, b in words if sheet.period_text in w and b[3] < geo.table_bbox[1]]
        assert len([b for w, b in words if w == sheet.period_text and b[1] > table_bottom]) == 1
        assert len(over) == title_line
    page = truth_of(sheet, geo, "page-0001.png")
    assert page.employer.name == sheet.employer and page.sheet == sheet.sheet
    for row in page.model_dump()["rows"]:
        assert {k for k, v in row.items() if v not in (None, [], {})} - {"bbox", "polygon"} <= set(ROW_FIELDS)
        assert row["extra_pay"] is None
    assert [r.net_pay for r in page.rows] == [f"{r['net_pay']:.2f}" for r in sheet.rows]
    assert "objects" not in page.totals


def test_family_ai_largest_month_fits_one_sheet_above_the_title_block():
    """An AI file drawn from a roster of 30 keeps 15 (one section); its months of 1995-1996 (the widest amounts,
    thousands spaced) in every layout at the largest lettering and the highest rows fit one A4 sheet (turned, the
    lettering smaller or the rows lower where need be), each row inside the frame and above the title block."""
    from samples import families, family_ai
    from samples.content import make_file, make_sheet

    rng = random.Random(27007)
    mm = family_ai.PX_MM
    for i, layout in enumerate(family_ai.AI_LAYOUTS):
        habits = families.draw_habits("AI", rng)
        ef = make_file(rng, i, staff=30, years=(1995, 1996))
        habits.ai.layout = layout
        families.adapt_file(ef, habits, rng)
        assert len(ef.staff) == 15 and ef.layout == layout
        ai = replace(habits.ai, height=3.5, row_mm=10.0, thousands=" ", title_line=True, posts=dict(habits.ai.posts))
        sheet = make_sheet(rng, ef, 0)
        family_ai.adapt_sheet(sheet, ai, rng, ef)
        img, geo = family_ai.render(sheet, None, ai, random.Random(5))
        W, H = img.size
        block_top = H - 60 * mm
        assert len(geo.row_bboxes) == len(sheet.rows) >= 10
        assert all(20 * mm < b[0] < b[2] < W - 5 * mm and 5 * mm < b[1] < b[3] < block_top for b in geo.row_bboxes)
        assert geo.table_bbox[3] < block_top


def _copy_case():
    return _sheet(lambda ai, s: not ai.portrait and len(s.rows) >= 8)


def test_family_ai_diazo_copy_keeps_every_value_darker_than_its_ground():
    """The worst diazo copy drawn at once (underexposed in colour, overexposed in grey, the deepest bands, two lifts, three
    creases, the faded edge) in colour at 200 dpi and grey at 300: the ground tinted (never white) and uneven; in
    every cell of the truth's rows and totals the lettering's darkest clearly darker than the ground around it
    (where the cells are, through the scan's map); the --pristine drawing black on white."""
    from samples import family_ai
    from samples.degrade import map_box

    ai, sheet, draw = _copy_case()
    for exposure, dye, grey, edge in ((0.7, "sepia", False, "left"), (1.35, "blue", True, "top")):
        forced = replace(ai, exposure=exposure, bands=0.22, lifts=2, creases=3, fade=0.35, fade_edge=edge, dye=dye,
                         grey=grey, slant=True, posts=dict(ai.posts))  # fmt: skip
        img, geo = draw(forced)
        page = family_ai.page_of(img, geo, sheet, forced, random.Random(3))
        assert len(page.lifts) == 2 and len(page.creases) == 3
        out, m, dpi, bend = family_ai.scan(np.asarray(img, np.float32), page, np.random.default_rng(1))
        assert bend is None and dpi == (300 if grey else 200) and out.ndim == (2 if grey else 3)
        g = out.astype(np.float32) if grey else out.astype(np.float32).mean(axis=2)
        ground = g[int(g.shape[0] * 0.6) : int(g.shape[0] * 0.7), int(g.shape[1] * 0.05) : int(g.shape[1] * 0.5)]
        assert np.median(ground) < 250 and np.percentile(g, 99) - np.percentile(g, 40) > 2
        n = len(sheet.rows)
        for r, _, b, t in geo.cells:
            if not 1 <= r <= n + 1 or len(t) < 2:
                continue
            x0, y0, x1, y1 = map_box(b, m)
            win = g[max(0, y0) : y1, max(0, x0) : x1]
            assert np.percentile(win, 90) - win.min() > (45 if grey else 35), (r, t, exposure)
        flat = family_ai.flat(np.asarray(img, np.float32), page)
        assert flat.max() == 250.0 and flat.min() < 40.0


def test_family_ai_lifts_soften_the_lines_there_only():
    """Where the tracing paper lifted off the copy paper the dye's lines spread (a softer, lower peak), and nowhere
    else: the copy with a lift and the copy without it differ only within the lift's reach."""
    from samples import family_ai

    ai, sheet, draw = _copy_case()
    forced = replace(ai, lifts=1, creases=0, fade=0.0, posts=dict(ai.posts))
    img, geo = draw(forced)
    page = family_ai.page_of(img, geo, sheet, forced, random.Random(7))
    a = np.asarray(img, np.float32)
    with_lift, without = family_ai.dye(a, page), family_ai.dye(a, replace(page, lifts=()))
    x, y, rx, ry, _, _ = page.lifts[0]
    reach = max(rx, ry) + 200
    diff = np.abs(with_lift - without) > 0.02
    ys, xs = np.nonzero(diff)
    assert len(ys) > 500 and np.hypot(xs - x, ys - y).max() <= reach * 1.5
    core = (slice(int(y - ry / 3), int(y + ry / 3)), slice(int(x - rx / 3), int(x + rx / 3)))
    assert np.abs(np.diff(with_lift[core], axis=1)).mean() < np.abs(np.diff(without[core], axis=1)).mean()


def test_family_ai_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AI page from dev seed 27002 (a grey file at 300 dpi), generated here and by another Python under another
    hash seed: the same bytes; its truth payroll-page/1 that adds up, no marks; a PNG under ~5 MB at its dpi; the
    truth pinned."""
    from PIL import Image

    out = common._repeats_under_another_hash_seed(tmp_path, "AI", 27002, pages=1)
    pages = common._pages_add_up(out, mark_kinds=())
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode in ("L", "RGB") and round(im.info["dpi"][0]) == (300 if im.mode == "L" else 200)
    assert png.stat().st_size < 5_000_000
    assert all(r.egn is None or egn.is_valid(r.egn) for r in page.rows)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED
