"""Family AQ of the sample generator (held out from its making in session 40 to its one measurement by the lead in session 41). These
tests exercise the generator only, on its maker's development seeds 35001-35040 (the evaluation seed is never generated
here): its switches and face held apart from A-AP, its truth over many drawn months (the items by kind adding up to the
base, the additional pay, gross and the deductions; net; the totals), what a page prints (a computing centre's printout
by kinds of payment: a block of lines a person — the person's line, the accruals and the deductions side by side under
their codes, the sums — every printed field reading back to the truth, capitals only), the scan (every printed string far
darker than its paper and bars), and its pages the same under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(35001, 35041)  # AQ's development seeds
PINNED = "fda609c832f24b95"


def test_family_aq_draws_its_own_switches():
    """AQ: every layout, code book, period, line spacing, place of the sums, separator, bars, ribbon and money format;
    names surname first, "ЕГН" before the number, the strips on, a drum printer on some files each; a face of a font
    package none of A-AP uses, layouts and heading words of its own; every layout with the pay's fields, the ЕГН on all
    but one; every kind in every code book, its code its own, its words in their print positions."""
    from samples import families, family_aq

    drawn = common._drawn_habits("AQ", SEEDS)
    aqs = [h.aq for h in drawn]
    assert all(aqs) and all(h.family == "AQ" and h.face == "typewriter" for h in drawn)
    assert {a.layout for a in aqs} == set(range(len(family_aq.AQ_LAYOUTS)))
    assert {a.codes for a in aqs} == set(range(len(family_aq.CODES)))
    assert {a.period for a in aqs} == set(range(len(family_aq.PERIODS))) and {a.lpi for a in aqs} == {6, 8}
    assert {a.close for a in aqs} == set(family_aq.CLOSES) and {a.separator for a in aqs} == set(family_aq.SEPARATORS)
    assert {a.bars for a in aqs} == set(family_aq.BARS) and {a.ribbon for a in aqs} == set(family_aq.RIBBONS)
    assert {(a.thousands, a.decimal) for a in aqs} == set(family_aq.AQ_MONEY) and all(a.ruling == "none" for a in aqs)
    for flag in ("surname_first", "egn_label", "strips", "drum"):
        assert 0.15 < sum(getattr(a, flag) for a in aqs) / len(aqs) < 0.9, flag
    assert families.YEARS["AQ"] == (1980, 1996) and "AQ" in families.FAMILIES
    common._assert_held_apart("AQ", own_dirs=True)
    for lay in family_aq.AQ_LAYOUTS:
        assert {"row", "name", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay"} <= set(lay)
        assert "extra_pay" not in lay  # the additional pay: its items only
    assert sum("egn" not in lay for lay in family_aq.AQ_LAYOUTS) == 1
    for book in family_aq.CODES:
        assert set(book) == {*family_aq.ACCRUALS, *family_aq.CUTS}
        assert len({code for code, _w in book.values()}) == len(book)
        assert all(len(code) <= 3 and len(words) <= 18 and words == words.upper() for code, words in book.values())


def _months(seeds=range(35001, 35009)):
    for seed in seeds:
        yield from common._family_months("AQ", seed, files=3, months=4)


def test_family_aq_truth_adds_up_over_many_months():
    """Every drawn AQ month: each present person once, a valid ЕГН, the days 1 to the month's working days, the base
    the base's item, the additional pay the other accruals' sum (printed nowhere as one figure), gross all accruals', the
    deductions the deduction items' sum, never above gross, net = gross - deductions; the totals the sums of the base,
    gross, deductions and net (no additional pay's); a person's personnel number the same every month; names, posts and
    employer in capitals, the employer's towns renamed in their years; the month on one sheet; 1980-1996."""
    from samples import family_aq
    from samples.content import working_days

    n_rows, years, lpis = 0, set(), set()
    for habits, _ef, sheets in _months():
        aq = habits.aq
        lpis.add(aq.lpi)
        tabs: dict[str, object] = {}  # a person's personnel number: the same every month
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
            assert ("ТОЛБУХИН" in sheet.employer) <= (sheet.year < 1990)
            assert ("МИХАЙЛОВГРАД" in sheet.employer) <= (sheet.year < 1993)
            assert sheet.employer == sheet.employer.upper() and sheet.rows
            assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
            lines = family_aq.HEAD_LINES + sum(family_aq.block_lines(r, aq) for r in sheet.rows)
            assert lines + family_aq.foot_lines(sheet.rows) <= family_aq.page_lines(aq)
            wd = working_days(sheet.year, sheet.month)
            egns = [str(r["egn"]) for r in sheet.rows]
            assert len(set(egns)) == len(egns) and all(common.egn.is_valid(e) for e in egns)
            for r in sheet.rows:
                n_rows += 1
                acc, cuts = r["accruals"], r["cuts"]
                assert 1 <= r["days_worked"] <= wd and r["base_pay"] == acc["base"]
                assert r["extra_pay"] == sum((v for k, v in acc.items() if k != "base"), Decimal(0))
                assert r["gross_pay"] == r["base_pay"] + r["extra_pay"] and all(v > 0 for v in cuts.values())
                assert r["deductions"] == sum(cuts.values(), Decimal(0)) <= r["gross_pay"]
                assert r["net_pay"] == r["gross_pay"] - r["deductions"]
                assert str(r["name"]) == str(r["name"]).upper()
                assert tabs.setdefault(str(r["egn"]), r["tab"]) == r["tab"] and len(str(r["tab"])) == 4
                assert (r["position"] is not None) == ("position" in sheet.layout)
            assert set(sheet.totals) == {"base_pay", "gross_pay", "deductions", "net_pay"}
            for f, v in sheet.totals.items():
                assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
    assert n_rows > 150 and len(years) >= 6 and lpis == {6, 8}


def _typed(text: str, aq) -> Decimal:
    """A printed amount read back: the file's thousands' mark gone, the decimal a point."""
    return Decimal((text.replace(aq.thousands, "") if aq.thousands else text).replace(",", "."))


def test_family_aq_prints_a_block_of_lines_a_person():
    """An AQ page: every printed field reads back to its row's truth (the zero-padded row number its number, the ЕГН
    after its label, the days and the base on the base's item line, gross, deductions and net on the sums' line or
    lines), the foot's to the totals; each person's fields inside the person's block, the blocks in order and apart, each
    of three lines or more, the person's line first and the base's item under it; over the pages the sums on one line
    and under the halves; no lower-case letter printed."""
    from samples import family_aq

    closes, pages = set(), 0
    for seed in range(35001, 35009):
        aq, sheet, img, geo = common._rendered_month("AQ", seed)
        pages += 1
        closes.add(aq.close)
        lay, n = sheet.layout, len(sheet.rows)
        assert len(geo.row_bboxes) == n == len(geo.row_polygons)
        seen: dict[int, set[str]] = {i: set() for i in range(1, n + 2)}
        line = 300 / aq.lpi
        for i, j, box, text in geo.cells:
            if i == 0:
                continue
            c = lay[j]
            seen[i].add(c)
            want = sheet.totals[c] if i == n + 1 else sheet.rows[i - 1][c]
            if c in MONEY_FIELDS:
                assert _typed(text, aq) == want, (seed, i, c, text)
            elif c in ("row", "days_worked"):
                assert int(text) == want
            else:
                assert text == str(want)
            if i <= n:
                b = geo.row_bboxes[i - 1]
                assert b[0] <= box[0] < box[2] <= b[2] and b[1] <= box[1] + 10 and box[3] - 5 <= b[3], (seed, i, c)
        must = {"row", "name", "days_worked", "base_pay", "gross_pay", "deductions", "net_pay"}
        must |= {"egn"} if "egn" in lay else set()
        assert all(seen[i] >= must for i in range(1, n + 1))
        assert seen[n + 1] == {"base_pay", "gross_pay", "deductions", "net_pay"}
        for a, b in zip(geo.row_bboxes, geo.row_bboxes[1:], strict=False):
            assert a[3] <= b[1]
        for i in range(1, n + 1):
            b = geo.row_bboxes[i - 1]
            assert b[3] - b[1] >= 3 * line - 2
            y = {c: box[1] for k, j, box, _t in geo.cells if k == i for c in (lay[j],)}
            assert y["name"] < y["base_pay"] < y["gross_pay"] and abs(y["base_pay"] - y["name"] - line) < 2
        assert all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in geo.row_bboxes)
        texts = [sheet.employer, sheet.title, sheet.period_text, *(str(r["name"]) for r in sheet.rows),
                 *(str(r["position"]) for r in sheet.rows), *(w for book in family_aq.CODES for _c, w in book.values())]
        assert all(t == t.upper() for t in texts)
    assert closes == set(family_aq.CLOSES) and pages == 8


def test_family_aq_scan_keeps_the_printing_far_darker():
    """The scan (grey at 200 dpi): every printed string of the sheet far darker than its paper (a bar's too), with a
    faint ribbon as well as a fresh one."""
    from samples import family_aq
    from samples.generate import Options, degrade_page

    for seed, ribbon in ((35004, "faint"), (35010, "fresh")):
        aq, sheet, img, geo = common._rendered_month("AQ", seed)
        aq.ribbon = ribbon
        page = family_aq.page_of(img, geo, sheet, aq, random.Random(7))
        arr, m, dpi, _bend = degrade_page(img, random.Random(1), Options(family="AQ"), np.random.default_rng(1), aq=page)
        assert dpi == 200 and arr.ndim == 2
        common._typing_far_darker(arr, m, sheet.extra["aq_keep"], lambda paper: 0.62 * paper)


def test_family_aq_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AQ pages from dev seed 35002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; PNGs at 200 dpi under 5 MB; the truth
    pinned."""
    assert common._flatbed_pin(tmp_path, "AQ", 35002) == PINNED
