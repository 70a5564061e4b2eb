"""Family AJ of the sample generator (held out from its making in session 33 to its one measurement by the lead at the
start of session 34). These tests exercise the generator only, on its maker's development seeds 28001-28040 (the evaluation
seed is never generated here): its switches and face held apart from A-AI, its truth over many drawn months (the staff
in the order of the hotel's posts, the base for the days, the turnover's share and the season's supplement to the
additional pay, the itemised deductions, net, every column to its total; the checker's corrections: the typed row and
the typed totals adding up on their own, the truth the pencilled values), what a page prints (the truth's values in
their cells, each corrected one struck and pencilled above with a correction mark, long names over two lines of their
row), the store's damage (bites, worm holes, specks and grazing never on a typed or pencilled string; every value of
the truth darker than its ground after the scan, the pencil its colour), and its pages the same under another hash
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

SEEDS = range(28001, 28041)  # AJ's development seeds
PINNED = "fa84699430e1bce2"


def test_family_aj_draws_its_own_switches():
    """AJ: every layout, pitch, money format, nought, period wording, rules, pencil, backing; wrapped names,
    corrections, bites, worm holes, specks, grazing, portrait sheets and grey scans on some files only; a face of a
    font package none of A-AI uses, layouts and heading words of its own; gross, deductions and net on every layout, the
    ЕГН on most, the additional pay's items without their sum on one; 1980-1996."""
    from samples import family_aj

    drawn = common._drawn_habits("AJ", SEEDS)
    ajs = [h.aj for h in drawn if h.aj]
    assert len(ajs) == len(drawn) and all(h.family == "AJ" and h.face == "typewriter" for h in drawn)
    assert {a.face for a in ajs} == set(family_aj.AJ_FACES["typewriter"])
    assert {a.layout for a in ajs} == set(family_aj.AJ_LAYOUTS)
    assert {(a.thousands, a.decimal) for a in ajs} == set(family_aj.AJ_MONEY) and {a.zero for a in ajs} == {"-", "—", "0"}
    assert {a.pitch for a in ajs} == {10, 12} and {a.period for a in ajs} == set(family_aj.PERIODS)
    assert {a.rules for a in ajs} == {"typed", "pen"} and {a.pencil for a in ajs} == set(family_aj.PENCILS)
    assert {a.backing for a in ajs} == set(family_aj.BACKINGS)
    for flag in ("portrait", "grey", "merged"):
        assert 0.15 < sum(getattr(a, flag) for a in ajs) / len(ajs) < 0.85, flag
    for many in ("wrap", "checked", "bites", "worms", "specks", "grazes"):
        assert 0.1 < sum(bool(getattr(a, many)) for a in ajs) / len(ajs) < 0.95, many
    assert all(a.ruling == "none" for a in ajs)
    common._assert_own_layouts("AJ", family_aj.AJ_LAYOUTS, family_aj.HEADINGS_AJ, "turnover", "extra_pay")


def _months(seeds=range(28001, 28011)):
    for seed in seeds:
        yield from common._family_months("AJ", seed, files=4, months=5)


def _adds_up(r: dict, cols: set[str], items: tuple[str, ...], parts: tuple[str, ...]) -> None:
    """One row (the truth's or as typed) adds up: the items to the additional pay, base + additional = gross, the
    deductions' ``parts`` to their total (none given: not checked), the total never above gross, gross - deductions =
    net."""
    extra = r["turnover"] + r["season"]
    if "extra_pay" in cols:
        assert r["extra_pay"] == extra
    if "base_pay" in cols:
        assert r["gross_pay"] == r["base_pay"] + extra
    assert not parts or r["deductions"] == sum((r[c] for c in parts), Decimal(0))
    assert 0 <= r["deductions"] <= r["gross_pay"]
    assert r["net_pay"] == r["gross_pay"] - r["deductions"] and all(r[c] >= 0 for c in items)


def test_family_aj_truth_adds_up_over_many_months_and_so_does_what_was_typed():
    """Every drawn AJ month: rows numbered 1.., a valid ЕГН once per sheet, the staff in the order of the posts (the
    post the truth's position where the sheet prints it, else null), the base the post's salary x the days over the
    month's working days, the turnover's share for waiters, barmen and the kitchen only, the season's supplement in
    June-September only, the additional pay, gross, the deductions and net adding up, every column to its total, the
    period as typed; on a checked sheet each typed (struck) row adds up on its own too and differs from the truth in
    printed columns only, and the typed totals are the typed column's sums; employers of AJ's, 1980-1996, corrections
    on many sheets, the ЕГН in the truth where the layout prints it only."""
    from samples import data, family_aj
    from samples.content import pay_scale, working_days

    names = {family_aj.renamed(n, y) for n in family_aj.EMPLOYERS for y in (1980, 1990, 1991, 1993)}
    order = [p for p, _, _ in family_aj.POSTS]
    shares = {p for p, _, t in family_aj.POSTS if t}
    years, employers, checked, sheets_n = [], set(), 0, 0
    for habits, ef, sheets in _months():
        aj = habits.aj
        staff = {p.egn: p for p in ef.staff}
        posts = [order.index(aj.posts[p.egn]) for p in ef.staff]
        assert posts == sorted(posts) and len(ef.staff) <= 14
        for sheet in sheets:
            sheets_n += 1
            cols = set(sheet.layout)
            assert sheet.layout == aj.layout and sheet.employer in names
            assert sheet.employer == family_aj.renamed(aj.kind, sheet.year)
            employers.add(aj.kind)
            years.append(sheet.year)
            parts = tuple(c for c in family_aj.PARTS if c in cols)  # none printed: the four, unseen
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            assert set(sheet.totals) == cols & {*MONEY_FIELDS, *family_aj.ITEMS, *family_aj.PARTS}
            assert len({str(r["egn"]) for r in sheet.rows}) == len(sheet.rows)
            m, word = sheet.month, data.MONTHS[sheet.month - 1]
            assert sheet.period_text in {f"за месец {word} {sheet.year} г.", f"м. {data.ROMAN[m - 1]} {sheet.year} г.",
                                         f"{m:02d}.{sheet.year} г.", f"{word.upper()} {sheet.year} Г."}  # fmt: skip
            wd = working_days(sheet.year, m)
            scale = pay_scale(ef.start[0], sheet.year)
            for r in sheet.rows:
                e = str(r["egn"])
                base = common._staff_row_base(r, cols, aj.posts[e], staff[e].salary * scale, wd, sheet.year)
                assert r["base_pay"] == (base if "base_pay" in cols else None)
                assert r["turnover"] == 0 or aj.posts[e] in shares
                assert r["season"] == 0 or 6 <= m <= 9
                full = {**r, "base_pay": base, "extra_pay": r["turnover"] + r["season"]}
                _adds_up(full, cols, family_aj.ITEMS, parts or family_aj.PARTS)
            for f, total in sheet.totals.items():
                assert sum((r[f] for r in sheet.rows), Decimal(0)) == total
            typed = sheet.extra["aj_typed"]
            checked += bool(typed)
            for k, was in typed.items():
                r, w = sheet.rows[k], sheet.extra["aj_worked"][k]
                assert was and was == {c: w[c] for c in sheet.layout if c in w and w[c] != r[c]}
                _adds_up(w, cols, family_aj.ITEMS, parts)
            for f, total in sheet.extra["aj_typed_totals"].items():
                assert total == sum((typed.get(k, {}).get(f, r[f]) for k, r in enumerate(sheet.rows)), Decimal(0))
    assert len(employers) >= 5 and min(years) < 1986 and max(years) > 1991
    assert 0.3 < checked / sheets_n < 0.95
    assert common._egn_truth_as_printed(_months(range(28001, 28006))) == {True, False}


def _sheet(want):
    """The first of 40 AJ sheets drawn from dev seed 28003 that ``want`` (tests/test_samples._first_sheet)."""
    from samples import family_aj

    return common._first_sheet("AJ", 28003, want, family_aj.render)


def test_family_aj_prints_the_typed_figures_struck_and_the_right_ones_pencilled_over_them():
    """A drawn AJ sheet the checker corrected, its names wrapped: every cell of the truth holds its value (the
    pencilled one where the typed one was wrong); each wrong typed figure typed and struck on its row's line with the
    right one pencilled above it, inside the row's box, under a correction mark of that row and field (of no row in
    the totals); the typed totals struck where a sum changed; a long name over two lines of its row (the truth's name
    the whole); the employer, the unit, the title and the period typed over the table; the truth the payroll-page/1
    fields alone."""
    from samples.content import money_text
    from samples.generate import truth_of

    aj, sheet, draw = _sheet(lambda aj, s: bool(s.extra["aj_typed"]) and "turnover" in s.layout and len(s.rows) >= 6)
    forced = replace(aj, wrap=17, posts=dict(aj.posts))
    img, geo = draw(forced)
    assert len(geo.row_bboxes) == len(sheet.rows)
    by_col = {(r, sheet.layout[j]): (b, t) for r, j, b, t in geo.cells}
    words = sheet.extra["aj_words"]
    pencil = sheet.extra["aj_pencil"]
    typed = sheet.extra["aj_typed"]
    marks = {(mk["row"], mk["fields"][0]) for mk in geo.marks}
    assert all(mk["kind"] == "correction" for mk in geo.marks)
    for i, r in enumerate(sheet.rows):
        assert by_col[(i + 1, "name")][1] == r["name"]
        assert by_col[(i + 1, "net_pay")][1] == money_text(r["net_pay"], sheet)
        x0, y0, x1, y1 = geo.row_bboxes[i]
        if len(r["name"]) > 17:  # on two lines: its parts typed one under the other inside the row
            first, rest = r["name"][: r["name"].rfind(" ", 0, 18)], r["name"][r["name"].rfind(" ", 0, 18) + 1 :]
            ba = next(b for w, b in words if w == first and y0 <= b[1] <= y1)
            bb = next(b for w, b in words if w == rest and y0 <= b[1] <= y1 + 60)
            assert bb[1] > ba[1] + 30
        for c, old in typed.get(i, {}).items():
            new = sheet.rows[i][c]
            old_t = str(old) if c == "days_worked" else money_text(old, sheet)
            new_t = str(new) if c == "days_worked" else money_text(new, sheet)
            box, text = by_col[(i + 1, c)]
            assert text == new_t and (i, c) in marks
            struck = [b for w, b in words if w == old_t and box[0] - 5 <= b[0] and b[2] <= box[2] + 5 and y0 <= b[1] < y1]
            above = [b for w, b in words if w == new_t and box[0] - 40 <= b[0] and y0 <= b[1] and b[3] <= y1 + 5]
            assert struck and above and above[0][3] < struck[0][3]
            sx0, sy0, sx1, sy1 = struck[0]
            assert (pencil[sy0:sy1, sx0:sx1] < 200).any()  # the stroke through it
    n_tot = len(sheet.rows) + 1
    for f, total in sheet.totals.items():
        if f in sheet.layout:
            assert by_col[(n_tot, f)][1] == money_text(total, sheet)
            changed = sheet.extra["aj_typed_totals"][f] != total
            assert ((None, f) in marks) == changed
    assert any(len(r["name"]) > 17 for r in sheet.rows)
    top = geo.table_bbox[1]
    job = sheet.extra["aj_job"]
    for s in (sheet.employer, str(job["unit"]), sheet.title, sheet.period_text):
        assert [b[3] < top for w, b in words if w == s] == [True], s
    page = truth_of(sheet, geo, "page-0001.png")
    assert page.employer.name == sheet.employer
    for row in page.model_dump()["rows"]:
        assert {k for k, v in row.items() if v not in (None, [], {})} - {"bbox", "polygon"} <= set(ROW_FIELDS)
    assert [r.net_pay for r in page.rows] == [f"{r['net_pay']:.2f}" for r in sheet.rows]
    assert {m["kind"] for m in page.marks or []} == {"correction"}


def test_family_aj_merges_a_run_of_one_post_into_one_cell():
    """A drawn AJ sheet with its posts merged (ruled by pen): each run of rows of one post has the post typed once in
    one cell the run's height (every row's truth position the post), no rule across the post's column between the
    run's rows while the rule runs on across the other columns; the rows' boxes between the rules, never overlapping."""
    from samples import family_aj

    aj, sheet, draw = _sheet(lambda aj, s: "position" in s.layout and family_aj.runs([r["position"] for r in s.rows]))
    img, geo = draw(replace(aj, merged=True, rules="pen", posts=dict(aj.posts)))
    a = np.asarray(img)
    words = sheet.extra["aj_words"]
    j, name_j = sheet.layout.index("position"), sheet.layout.index("name")
    by = {(r, c): (b, t) for r, c, b, t in geo.cells}
    merged = family_aj.runs([r["position"] for r in sheet.rows])
    assert merged and all(r["position"] for r in sheet.rows)
    for r0, r1 in merged:
        post = sheet.rows[r0]["position"]
        top, bottom = geo.row_bboxes[r0][1], geo.row_bboxes[r1][3]
        assert len([b for w, b in words if w == post and top <= b[1] and b[3] <= bottom]) == 1
        assert {tuple(by[(i + 1, j)][0]) for i in range(r0, r1 + 1)} == {tuple(by[(r0 + 1, j)][0])}
        assert all(by[(i + 1, j)][1] == post for i in range(r0, r1 + 1))
        x0, _, x1, _ = by[(r0 + 1, j)][0]
        ymid = (geo.row_bboxes[r0][3] + geo.row_bboxes[r0 + 1][1]) // 2
        band = a[ymid - 6 : ymid + 7]
        assert band[:, x0 + 20 : x1 - 20].min() > 200  # no rule in the merged cell
        nx0, _, nx1, _ = by[(r0 + 1, name_j)][0]
        assert band[:, nx0 + 20 : nx1 - 20].min() < 100  # the rule across the name's column
    assert all(p[3] <= q[1] for p, q in zip(geo.row_bboxes, geo.row_bboxes[1:], strict=False))


def test_family_aj_widest_month_fits_its_sheet():
    """An AJ file drawn from a roster of 30 keeps 14; its months of 1995-1996 (the widest amounts, thousands dotted)
    in every layout at 10 to the inch with wrapped names fit a sheet (A4, turned, a smaller pitch or A3 where need
    be), every row inside it."""
    from samples import families, family_aj
    from samples.content import make_file, make_sheet

    rng = random.Random(28007)
    for i, layout in enumerate(family_aj.AJ_LAYOUTS):
        habits = families.draw_habits("AJ", rng)
        ef = make_file(rng, i, staff=30, years=(1995, 1996))
        habits.aj.layout = layout
        families.adapt_file(ef, habits, rng)
        assert len(ef.staff) == 14 and ef.layout == layout
        aj = replace(habits.aj, pitch=10, thousands=".", wrap=21, checked=1.0, posts=dict(habits.aj.posts))
        sheet = make_sheet(rng, ef, 0)
        family_aj.adapt_sheet(sheet, aj, rng, ef)
        img, geo = family_aj.render(sheet, None, aj, random.Random(5))
        W, H = img.size
        assert len(geo.row_bboxes) == len(sheet.rows) >= 10
        assert all(0 < b[0] < b[2] < W and 0 < b[1] < b[3] < H - 100 for b in geo.row_bboxes)
        assert all(a[3] <= b[1] for a, b in zip(geo.row_bboxes, geo.row_bboxes[1:], strict=False))


def _damaged():
    from samples import family_aj

    aj, sheet, draw = _sheet(lambda aj, s: bool(s.extra["aj_typed"]) and len(s.layout) <= 11 and 7 <= len(s.rows) <= 10)
    forced = replace(aj, bites=2, worms=4, specks=200, grazes=2, posts=dict(aj.posts))
    img, geo = draw(forced)
    assert img.size[0] <= 3508  # an A4 sheet (an A3 one is scanned grey)
    return family_aj, forced, sheet, img, geo


def test_family_aj_mice_and_insects_never_touch_a_typed_or_pencilled_string():
    """The worst store drawn at once (two bites, four tunnels, 200 specks, two grazed patches) on three pages: paper
    lost, specks and grazing on each, none of it within any typed or pencilled string's box (the headings, the rows,
    the totals, the header and signers' lines, the pencilled figures)."""
    family_aj, aj, sheet, img, geo = _damaged()
    keep = family_aj.keep_mask((img.size[1], img.size[0]), sheet.extra["aj_keep"], 0)
    lost = specked = grazed = 0
    for seed in (1, 2, 3):
        page = family_aj.page_of(img, geo, sheet, aj, random.Random(seed))
        assert not page.lost[keep].any() and not page.specks[keep].any() and not page.grazed[keep].any()
        assert not page.rim[keep].any()
        lost += int(page.lost.sum() > 200)
        specked += int((page.specks > 0).sum() > 100)
        grazed += int((page.grazed > 25).sum() > 1000)
    assert lost == specked == grazed == 3


def test_family_aj_scan_keeps_every_value_darker_than_its_ground_and_the_pencil_its_colour():
    """The damaged page scanned in colour at 200 dpi on a black backing and in grey at 300 on a white one: in every
    cell of the truth's rows and totals the value's darkest clearly darker than the ground around it (through the
    scan's map); the backing through the holes; the pencilled figures red (or blue) in colour; the --pristine drawing
    black on white."""
    from samples.degrade import map_box

    family_aj, aj, sheet, img, geo = _damaged()
    for grey, backing, pencil in ((False, "black", "red"), (True, "white", "blue")):
        forced = replace(aj, grey=grey, backing=backing, pencil=pencil, posts=dict(aj.posts))
        page = family_aj.page_of(img, geo, sheet, forced, random.Random(4))
        out, m, dpi, bend = family_aj.scan(np.asarray(img, np.float32), page, np.random.default_rng(1))
        assert bend is None and dpi == (300 if grey else 200) and out.ndim == (2 if grey else 3)
        g = out.astype(np.float32) if grey else out.astype(np.float32).mean(axis=2)
        n = len(sheet.rows)
        for r, _, b, t in geo.cells:
            if 1 <= r <= n + 1 and t.strip("-—"):
                x0, y0, x1, y1 = map_box(b, m)
                win = g[max(0, y0) : y1, max(0, x0) : x1]
                assert np.percentile(win, 90) - win.min() > 60, (r, t)
        ys, xs = np.nonzero(page.lost)
        k = len(ys) // 2
        x, y = (m @ np.array([xs[k], ys[k], 1.0])).round().astype(int)
        assert abs(float(g[y, x]) - family_aj.BACKINGS[backing]) < 40
        if not grey:  # the aged paper yellowish (RGB: more red than blue)
            assert np.median(out[::7, ::7, 0]) > np.median(out[::7, ::7, 2]) + 10
        if not grey:  # where the pencil is (and no typing, no hole), through the map: red over blue
            a = np.asarray(img)
            ys, xs = np.nonzero((page.pencil < 80) & (a > 240) & ~page.lost)
            pts = (m @ np.vstack([xs, ys, np.ones(len(xs))])).round().astype(int)
            dark = out[pts[1], pts[0]].astype(np.float32)
            assert (dark[:, 0] - dark[:, 2]).mean() > 25  # red over blue (RGB): the red pencil
    flat = family_aj.flat(np.asarray(img, np.float32), page)
    assert flat.max() == 250.0 and flat.min() < 40.0


def test_family_aj_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """One AJ page from dev seed 28002, generated here and by another Python under another hash seed: the same
    bytes; its truth payroll-page/1 that adds up, correction marks only; a PNG under ~5 MB at its dpi; the truth
    pinned."""
    from PIL import Image

    out = common._repeats_under_another_hash_seed(tmp_path, "AJ", 28002, pages=1)
    pages = common._pages_add_up(out, mark_kinds=("correction",))
    assert len(pages) == 1
    png, page = pages[0]
    with Image.open(png) as im:
        assert im.mode in ("L", "RGB") and round(im.info["dpi"][0]) in (200, 300)
    assert png.stat().st_size < 5_000_000
    assert all(r.egn is None or egn.is_valid(r.egn) for r in page.rows)
    raw = PayrollPage.load(png.with_suffix(".json")).to_json()
    assert hashlib.sha256(raw.encode()).hexdigest()[:16] == PINNED
