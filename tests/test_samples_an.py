"""Family AN of the sample generator (held out from its making in session 37 to its one measurement by the lead in
session 38). These tests exercise the generator only, on its maker's development seeds 32001-32040 (the evaluation seed is
never generated here): its switches and face held apart from A-AM, its truth over many drawn months (the days worked
without the days off sick, the pay, the itemised deductions to their sum, net; the sick-leave benefit and the sum to pay
out no field, never in gross or net; a person off sick the whole month all nought but the benefit; the totals),
what a page prints (every printed value reading back to the truth, the sum to pay out the last amount of a row, only
characters the typewriter has), the sheet beneath showing through (the next month's, across the table, every typed
string far darker than it), and its pages the same under another hash seed."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np

from archive_core.records import MONEY_FIELDS
from tests import test_samples as common

SEEDS = range(32001, 32041)  # AN's development seeds
PINNED = "eeee9af2e54ee1b1"


def test_family_an_draws_its_own_switches():
    """AN: every layout, face, money format, nought, period wording and carbon; grey scans and the wide carriage on
    some; a face of a font package none of A-AM uses, layouts and heading words of its own; the days off sick, the
    benefit and the sum to pay out (after net) in every layout, the benefit before gross on some, the ЕГН in all but
    one."""
    from samples import families, family_an

    ans = common._typewriter_files("AN", SEEDS)
    assert {a.layout for a in ans} == set(range(len(family_an.AN_LAYOUTS)))
    assert {a.zero for a in ans} == {"-", "0,00"} and {a.cpi for a in ans} == {10, 12}
    assert {a.period for a in ans} == set(range(len(family_an.PERIODS))) and {a.carbon for a in ans} == {"black", "blue"}
    for flag in ("grey", "wide"):
        assert 0.15 < sum(bool(getattr(a, flag)) for a in ans) / len(ans) < 0.9, flag
    assert all(0.12 <= a.ghost <= 0.24 and a.ruling == "none" for a in ans)
    assert families.YEARS["AN"] == (1980, 1996) and "AN" in families.FAMILIES
    common._assert_held_apart("AN", own_dirs=True)
    for lay in family_an.AN_LAYOUTS:
        assert set(lay) <= set(family_an.HEADINGS_AN)
        assert {"gross_pay", "deductions", "net_pay", "base_pay", "extra_pay", "days_worked", *family_an.OWN} <= set(lay)
        assert lay.index("to_pay") > lay.index("net_pay") and lay.index("to_pay") > lay.index("sick_pay")
    assert sum("egn" not in lay for lay in family_an.AN_LAYOUTS) == 1
    assert sum(lay.index("sick_pay") < lay.index("gross_pay") for lay in family_an.AN_LAYOUTS) == 2


def _months(seeds=range(32001, 32009)):
    for seed in seeds:
        yield from common._family_months("AN", seed, files=3, months=4)


def test_family_an_truth_adds_up_over_many_months():
    """Every drawn AN month: each present person once, a valid ЕГН, the days worked and off sick within the month's
    working days, gross = base + additional, the itemised deductions to their sum (all three where none is printed),
    never above gross, net = gross - deductions; the benefit only for days off sick, the sum to pay out net + the
    benefit; a person off sick the whole month nought in every field but the benefit; the totals the fields' sums;
    employers of AN's with their towns renamed in their years; 1980-1996."""
    from samples import family_an
    from samples.content import working_days

    n_rows = n_sick = n_away = 0
    years = set()
    for habits, _ef, sheets in _months():
        an = habits.an
        cols = set(family_an.AN_LAYOUTS[an.layout])
        shown = [c for c in family_an.PARTS if c in cols] or list(family_an.PARTS)
        for sheet in sheets:
            years.add(sheet.year)
            assert 1980 <= sheet.year <= 1996 and sheet.egn_printed_only
            assert sheet.employer == family_an.ai_renamed(an.kind, sheet.year, family_an.RENAMED)
            assert ("Толбухин" in sheet.employer) <= (sheet.year < 1990)
            assert ("Станке Димитров" in sheet.employer) <= (sheet.year < 1992)
            wd = working_days(sheet.year, sheet.month)
            common._people_add_up(sheet, family_an.PARTS, shown)
            for r in sheet.rows:
                n_rows += 1
                m = {f: r[f] for f in MONEY_FIELDS}
                assert all((m[f] is None) == (f not in cols) for f in MONEY_FIELDS)
                assert r["to_pay"] == m["net_pay"] + r["sick_pay"]
                assert (r["sick_pay"] > 0) == (r["sick_days"] > 0)
                assert r["days_worked"] == r["days_paid"] and 0 <= r["days_paid"] + r["sick_days"] <= wd
                assert (r["position"] is not None) == ("position" in cols)
                n_sick += r["sick_days"] > 0
                if r["sick_days"] == wd:  # off sick (or on maternity leave) the whole month
                    n_away += 1
                    assert r["days_paid"] == 0 and r["sick_pay"] > 0
                    assert all(m[f] == 0 for f in MONEY_FIELDS) and r["to_pay"] == r["sick_pay"]
            assert set(sheet.totals) == {f for f in MONEY_FIELDS if f in cols}
            for f, v in sheet.totals.items():
                assert v == sum((Decimal(r[f]) for r in sheet.rows), Decimal(0))
    assert n_rows > 600 and n_sick > 150 and n_away > 20 and len(years) >= 6


_value = common._typed_value


def test_family_an_prints_every_value_and_the_sum_to_pay_out_last():
    """An AN page: one heading row; every printed cell of a field reads back to its row's truth, the totals row's cells
    the sheet's totals; the last amount typed on a row the sum to pay out (not net where the person was off sick); no
    typed string with a character the typewriter has not; the row boxes in order, one per row, inside the page."""
    from samples import family_an

    for seed in (32001, 32002, 32003, 32005):
        an, sheet, img, geo = common._rendered_month("AN", seed)
        common._cells_read_back(sheet, geo, an)
        lay, n = sheet.layout, len(sheet.rows)
        for r in sheet.rows:
            texts = [family_an.cell(c, r, sheet) for c in lay]
            last = [t for c, t in zip(lay, texts, strict=True) if t and c not in ("signature",)][-1]
            assert _value(last, an) == r["to_pay"]
            j = lay.index("sick_pay")
            assert (texts[j] == "") == (r["sick_pay"] == 0) and (texts[lay.index("sick_days")] == "") == (not r["sick_days"])
        job = sheet.extra["an_job"]
        texts = [sheet.employer, sheet.title, sheet.period_text, *job["heads"].values(), job["total"],
                 *(str(r["name"]) for r in sheet.rows), *(str(r["position"]) for r in sheet.rows)]  # fmt: skip
        assert not any(ch in t for t in texts for ch in family_an.UNTYPED)
        ys = [b[1] for b in geo.row_bboxes]
        assert len(ys) == n and ys == sorted(ys)
        assert all(0 <= b[0] < b[2] <= img.width and 0 <= b[1] < b[3] <= img.height for b in geo.row_bboxes)


def test_family_an_shows_the_sheet_beneath_and_keeps_the_typing_readable():
    """The sheet beneath: the next month's (its period other), the same people with other figures; its ghost across the
    table's rows, at most ``an.ghost``; in the scan (grey) every typed string of the sheet far darker than its paper and
    than the ghost around it."""
    from samples import family_an
    from samples.generate import Options, degrade_page

    for seed in (32004, 32006):
        an, sheet, img, geo = common._rendered_month("AN", seed)
        an.grey = True
        under = family_an.beneath(sheet, an, random.Random(3))
        assert [r["name"] for r in under.rows] == [r["name"] for r in sheet.rows]
        assert [r["gross_pay"] for r in under.rows] != [r["gross_pay"] for r in sheet.rows]
        assert (under.year * 12 + under.month) - (sheet.year * 12 + sheet.month) == 1
        assert under.period_text != sheet.period_text
        page = family_an.page_of(img, geo, sheet, an, random.Random(7))
        x0, y0, x1, y1 = geo.table_bbox
        assert float(page.ghost.max()) <= an.ghost + 1e-6
        assert float((page.ghost[y0:y1, x0:x1] > 0.05).mean()) > 0.02  # the ghost's typing across the table
        arr, m, _dpi, _bend = degrade_page(img, random.Random(1), Options(family="AN"), np.random.default_rng(1), an=page)
        # the darkest the ghost alone makes the paper, less 60
        share = 1 - an.ghost
        common._typing_far_darker(arr, m, sheet.extra["an_keep"], lambda paper, share=share: paper * share - 60)


def test_family_an_pages_repeat_under_another_hash_seed_and_add_up(tmp_path):
    """Two AN pages from dev seed 32002, generated here (the first also by another Python under another hash seed: the same bytes);
    their truth payroll-page/1 that adds up, no marks, valid ЕГН where printed; PNGs at 200 or 300 dpi under 5 MB; the
    truth pinned."""
    assert common._flatbed_pin(tmp_path, "AN", 32002) == PINNED
