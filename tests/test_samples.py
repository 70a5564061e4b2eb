"""The sample generator: sheets whose truth obeys the domain's checks, reproducible from a seed."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from archive_cli.main import cli, main
from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples_stable import DEGRADED_IN_CLI_TEST, degraded_pin

CLI_FAMILIES = "ABCDEFGHIJKLMNOPQRS"


@pytest.mark.parametrize(("family", "hard"), [(f, ()) for f in CLI_FAMILIES] + [("J", ("--hard", "all"))])
def test_samples_cli_writes_pages_truth_and_batches(tmp_path: Path, family: str, hard: tuple[str, ...]):
    """Three pages of seed 5 by `archive samples`: PNGs and their truth that adds up, the batches; page 1's truth the
    degraded page pinned in tests/test_samples_stable.py (its pin test leaves it to this one: drawn once a run)."""
    out = tmp_path / "s"
    res = CliRunner().invoke(
        cli, ["samples", "--out", str(out), "--pages", "3", "--seed", "5", "--family", family, *hard]
    )
    assert res.exit_code == 0, res.output
    pngs = sorted(out.glob("page-*.png"))
    assert len(pngs) == 3
    if not hard and (family, 5) in DEGRADED_IN_CLI_TEST:
        pinned = degraded_pin(family, 5)
        assert pinned and hashlib.sha256((out / "page-0001.json").read_bytes()).hexdigest()[:16] == pinned, family
    batches = json.loads((out / "batches.json").read_text(encoding="utf-8"))
    assert sorted(p for b in batches for p in b["pages"]) == [p.name for p in pngs]
    before: dict[tuple[object, ...], dict[str, str]] = {}  # the totals of a month's sheet carried to the next
    for png in pngs:
        img = cv2.imread(str(png), cv2.IMREAD_UNCHANGED)
        # A4 at 300 dpi (200 dpi is a hard case)
        assert hard or (img.shape[0] >= 2400 and img.shape[1] >= 2400)
        page = PayrollPage.load(png.with_suffix(".json"))
        assert page.rows and page.employer.name and page.period.year and 1980 <= page.period.year <= 1996
        assert page.period.month is not None
        seen = set()
        for r in page.rows:
            assert r.egn and egn.is_valid(r.egn) and r.egn not in seen
            seen.add(r.egn)
            assert r.days_worked is None or r.days_worked <= egn.days_in_month(
                page.period.year, page.period.month
            )
            v = {f: Decimal(getattr(r, f)) if getattr(r, f) else None for f in MONEY_FIELDS}
            if v["base_pay"] is not None and v["extra_pay"] is not None:
                assert v["base_pay"] + v["extra_pay"] == v["gross_pay"]
            assert v["gross_pay"] - v["deductions"] == v["net_pay"]
            assert (
                r.bbox
                and 0 <= r.bbox[0] < r.bbox[2] <= img.shape[1]
                and 0 <= r.bbox[1] < r.bbox[3] <= img.shape[0]
            )
        month = (page.employer.name, page.period.year, page.period.month)
        carried = before.get(month, {})  # a month continued from the sheet before: its "Всичко" has both
        for f, total in page.totals.items():
            assert sum(Decimal(getattr(r, f)) for r in page.rows) + Decimal(carried.get(f, 0)) == Decimal(total)
        before[month] = page.totals


def test_the_cli_test_draws_every_degraded_page_the_pins_leave_to_it():
    assert {(f, 5) for f in CLI_FAMILIES} >= DEGRADED_IN_CLI_TEST
    assert all(degraded_pin(f, s) for f, s in DEGRADED_IN_CLI_TEST)


def test_same_seed_same_pages(tmp_path: Path):
    digests = []
    for run in ("a", "b"):
        res = CliRunner().invoke(
            cli, ["samples", "--out", str(tmp_path / run), "--pages", "1", "--seed", "9"]
        )
        assert res.exit_code == 0
        digests.append(hashlib.sha256((tmp_path / run / "page-0001.png").read_bytes()).hexdigest())
    assert digests[0] == digests[1]


def test_unknown_hard_case_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as e:
        main(["samples", "--out", str(tmp_path), "--pages", "1", "--hard", "origami"])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "origami" in err[0]


def test_unknown_family_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as e:
        main(["samples", "--out", str(tmp_path), "--pages", "1", "--family", "Ж"])  # no family's letter (Z is one)
    assert e.value.code == 2
    assert "Ж" in capsys.readouterr().err


def test_family_number_formats_print_what_the_truth_says():
    from samples.content import SheetContent, money_text

    sheet = SheetContent("x", 1995, 1, 1, (), {}, [], {}, decimal_comma=True, thousands_space=True)
    sheet.thousands_sep = "."
    assert money_text(Decimal("1468.02"), sheet) == "1.468,02"
    sheet.thousands_sep, sheet.decimal_comma = "'", False
    assert money_text(Decimal("21468.02"), sheet) == "21'468.02"
    sheet.stotinki = True
    assert money_text(Decimal("1468.02"), sheet) == "146802"


def test_family_e_is_held_apart_from_b_c_and_d():
    """E draws what B, C and D do not: its faces, layouts and headings are none of theirs; its number
    formats are a dot with a decimal comma or an apostrophe; most sheets are landscape."""
    import random

    from samples import families, render

    others = {f for f, _ in render.FONTS} | {f for fam in "BCD" for f, _ in families.FAMILY_FONTS[fam]}
    e_faces = {f for faces in families.E_FACES.values() for f in faces}
    assert not e_faces & others
    bcd_layouts = {lay for fam in "BCD" for lay in families.FAMILY_LAYOUTS[fam]}
    assert not set(families.FAMILY_LAYOUTS["E"]) & bcd_layouts
    for col, words in families.HEADINGS_E.items():
        bcd = families.HEADINGS_MULTI.get(col, ()) + families.DEDUCTION_PARTS.get(col, ())
        assert not set(words) & set(bcd)
    rng = random.Random(3)
    drawn = [families.draw_habits("E", rng) for _ in range(300)]
    assert {(h.thousands, h.decimal) for h in drawn} == {(".", ","), ("'", ","), ("'", ".")}
    assert {h.face for h in drawn} == set(families.E_FACES)
    assert all(h.landscape >= 0.7 for h in drawn)
    assert {h.correction for h in drawn} >= {"over", "between"}
    for flag in ("carbon", "stamp_rows", "signatures_cross", "totals_hand"):
        assert 0.2 < sum(getattr(h, flag) for h in drawn) / len(drawn) < 0.9, flag


LETTERS = (*"EFGHIJKLMNOPQRSTUVWXYZ", "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN", "AO", "AP", "AQ", "AR", "AS", "AT")  # the families held out in turn, from session 2 on (after Z, two letters)


def _assert_held_apart(
    family: str, *, own_extra: frozenset[str] = frozenset(), others_extra: frozenset[str] = frozenset(),
    own_dirs: bool = False,
) -> None:
    """``family`` draws faces (its ``<F>_FACES`` and ``own_extra``) none of the families before it draws (A's, B-D's,
    the earlier letters' ``<F>_FACES`` and ``others_extra``, the faces they keep elsewhere), with ``own_dirs`` from
    font packages none of them uses; layouts none of them draws; and every column's heading words of its own."""
    from samples import families, render

    before = LETTERS[: LETTERS.index(family)]
    others = {f for f, _ in render.FONTS} | {f for fam in "BCD" for f, _ in families.FAMILY_FONTS[fam]}
    others |= {f for fam in before for kind in getattr(families, f"{fam}_FACES").values() for f in kind}
    others |= others_extra
    own = {f for kind in getattr(families, f"{family}_FACES").values() for f in kind} | own_extra
    assert own and not own & others
    assert all((render.FONT_DIR / f).exists() for f in own)
    if own_dirs:
        assert not {str(Path(f).parent) for f in own} & {str(Path(f).parent) for f in others}
    earlier = {lay for fam in (*"BCD", *before) for lay in families.FAMILY_LAYOUTS[fam]}
    assert not set(families.FAMILY_LAYOUTS[family]) & earlier
    for col, words in getattr(families, f"HEADINGS_{family}").items():
        seen = families.HEADINGS_MULTI.get(col, ()) + families.DEDUCTION_PARTS.get(col, ())
        seen += tuple(w for fam in before for w in getattr(families, f"HEADINGS_{fam}").get(col, ()))
        assert set(words) - set(seen), col  # each column has words of its own


@pytest.mark.parametrize("family", ["F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S"])
def test_held_out_families_are_held_apart_from_the_earlier_ones(family: str):
    """F to S (held out in turn from session 3 on) draw faces, layouts and heading words none of the
    families before them draws; each draws every face kind it has, and (but J-O, Q, R and S) some files in
    stotinki."""
    import random

    from samples import families

    _assert_held_apart(family)
    rng = random.Random(4)
    drawn = [families.draw_habits(family, rng) for _ in range(300)]
    faces = getattr(families, f"{family}_FACES")
    assert (family in "JKLMNOQRS" or any(h.stotinki for h in drawn)) and {h.face for h in drawn} == set(faces)


def test_family_e_truth_stays_exact_with_its_marks(tmp_path: Path):
    """Signatures across the figures are writing outside the cells (marks, with the row they belong to);
    every row keeps its sums and a valid ЕГН; years span 1980-1996. Drawn clean: the truth's rows, totals and marks
    are drawn before the scan, which only moves their boxes (generate._move; a quarter of the CPU: 4 s, not 16;
    E's scanned pages add up in test_samples_cli_writes_pages_truth_and_batches)."""
    from samples.generate import Options, generate_pages

    paths = generate_pages(tmp_path, 12, 23, options=Options(family="E", degraded=False))
    kinds, years = set(), set()
    for png in paths:
        page = PayrollPage.load(png.with_suffix(".json"))
        years.add(page.period.year)
        kinds |= {m["kind"] for m in page.marks or []}
        for r in page.rows:
            assert r.egn and egn.is_valid(r.egn)
            v = {f: Decimal(getattr(r, f)) if getattr(r, f) else None for f in MONEY_FIELDS}
            assert v["gross_pay"] - v["deductions"] == v["net_pay"]
            if v["base_pay"] is not None:
                assert v["base_pay"] + (v["extra_pay"] or 0) == v["gross_pay"]
        for f, total in page.totals.items():
            assert sum(Decimal(getattr(r, f)) for r in page.rows) == Decimal(total)
    assert {"signature", "stamp"} <= kinds
    assert all(y is not None and 1980 <= y <= 1996 for y in years) and min(y for y in years if y) < 1990


def test_family_j_draws_its_own_switches():
    """J: thousands by a comma with a decimal point, never stotinki; corrections with correction fluid;
    dashed rules, rectangular stamps and ticks on some files; sizes outside every other family's range;
    years 1984-1996."""
    import random

    from samples import families

    rng = random.Random(6)
    drawn = [families.draw_habits("J", rng) for _ in range(300)]
    assert {(h.thousands, h.decimal) for h in drawn} == {(",", "."), ("", ".")}
    assert not any(h.stotinki for h in drawn)
    assert "fluid" in {h.correction for h in drawn}
    for flag in ("dashed", "stamp_rect", "ticks"):
        assert 0.2 < sum(getattr(h, flag) for h in drawn) / len(drawn) < 0.9, flag
    others = [(40, 48), (36, 46), (34, 44), (32, 48)]  # the default and B, C, D (draw_habits)
    others += [r for f in "EFGHI" for r in getattr(families, f"{f}_SIZES").values()]
    for lo, hi in families.J_SIZES.values():
        assert all(hi < a or lo > b for a, b in others)
    assert families.YEARS["J"] == (1984, 1996)
    assert all(c not in families.FAMILY_LAYOUTS[f] for f in "BCDEFGHI" for c in ("tab_no", "hours"))


def _family_sheet(family: str, seed: int, years: tuple[int, int], **want: object):
    """One sheet of ``family`` drawn as generate_pages draws it (habits redrawn until they have ``want``),
    with its style and its render's geometry."""
    import random

    from samples import families
    from samples.content import make_file, make_sheet
    from samples.generate import Options, _render_fitting, _style
    from samples.render import available_fonts

    rng = random.Random(seed)
    habits = families.draw_habits(family, rng)
    while any(getattr(habits, k) != v for k, v in want.items()):
        habits = families.draw_habits(family, rng)
    ef = make_file(rng, 0, staff=12, years=years)
    families.adapt_file(ef, habits, rng)
    sheet = make_sheet(rng, ef, 0)
    families.adapt_sheet(sheet, habits, rng, ef)
    style = families.style_for(habits, rng, _style(rng, sheet, Options(family=family), available_fonts()))
    return sheet, style, *_render_fitting(sheet, style, rng)


def _j_sheet(seed: int, face: str):
    """One family J sheet of ``face`` with correction fluid and ticks."""
    return _family_sheet("J", seed, (1995, 1996), face=face, correction="fluid", ticks=True)


@pytest.mark.parametrize("face", ["typewriter", "print", "dot_matrix"])
def test_family_j_prints_columns_the_truth_leaves_out(tmp_path: Path, face: str):
    """A J sheet has the "Таб. №" and hours columns (headed, filled in: a personnel number a person keeps
    month after month, eight hours a day or so), amounts like 1,468.02, its rules dashed or not, ticks
    beside the rows (marks of their rows); the truth is payroll-page/1 as for every family: no personnel
    number or hours in it, the days only where the sheet has a days column."""
    from samples.generate import truth_of

    sheet, style, img, geo = _j_sheet(3, face)
    heads = {c: t for r, c, _, t in geo.cells if r == 0}
    cols = list(sheet.layout)
    assert heads[cols.index("tab_no")].startswith("Таб") and "час" in heads[cols.index("hours")].lower()
    body = [(r, cols[c], t) for r, c, _, t in geo.cells if 0 < r <= len(sheet.rows)]
    assert all(t.isdigit() for _, c, t in body if c in ("tab_no", "hours"))
    assert any("," in t and t[-3] == "." for _, c, t in body if c == "gross_pay")
    for row in sheet.rows:
        days = row["days_paid"]
        assert isinstance(days, int) and isinstance(row["hours"], int) and abs(row["hours"] - 8 * days) <= 16
    truth = truth_of(sheet, geo, "page-0001.png")
    page = PayrollPage.model_validate_json(truth.to_json())
    raw = json.loads(truth.to_json())
    assert not {"tab_no", "hours", "days_paid"} & {k for r in raw["rows"] for k in r}
    for r, src in zip(page.rows, sheet.rows, strict=True):
        assert r.days_worked == (src["days_paid"] if "days_worked" in cols else None)
        assert r.egn and egn.is_valid(r.egn)
    ticks = [m for m in page.marks or [] if m["kind"] == "tick"]
    assert ticks and all(0 <= m["row"] < len(page.rows) for m in ticks)
    stamps = [m for m in page.marks or [] if m["kind"] == "stamp"]
    assert all((len(m["polygon"]) == 4) == style.stamp_rect for m in stamps)  # rectangles: four corners


def test_family_k_draws_its_own_switches():
    """K: thousands by a narrow (half) space, or a dash for the decimal point (1468-02), never stotinki
    and no number format of any other family; always portrait; corrections cancelled with typed x's;
    headings on their side, column numbers, dotted rules, slipped carbons, surname-first names, Roman
    months and row numbers with a dot on some files; any year 1980-1996."""
    import random

    from samples import families

    rng = random.Random(7)
    drawn = [families.draw_habits("K", rng) for _ in range(300)]
    n = families.NARROW
    assert {(h.thousands, h.decimal) for h in drawn} == {(n, ","), (n, "."), ("", "-"), (n, "-")}
    assert not any(h.stotinki for h in drawn) and all(h.landscape == 0 for h in drawn)
    others = {(h.thousands, h.decimal) for f in "BCDEFGHIJ" for h in (families.draw_habits(f, rng) for _ in range(200))}
    assert not {(h.thousands, h.decimal) for h in drawn} & others
    assert all(t != n and d != "-" for t, d in others)
    assert "xout" in {h.correction for h in drawn}
    assert {h.names for h in drawn} == {"", "surname", "SURNAME"}
    for flag in ("vertical", "column_numbers", "dotted", "ghost", "roman", "row_dot", "carbon"):
        assert 0.2 < sum(getattr(h, flag) for h in drawn) / len(drawn) < 0.9, flag
    assert all(not h.ghost or h.carbon for h in drawn)
    assert families.YEARS["K"] == (1980, 1996)
    assert all(c not in lay for f in "BCDEFGHIJ" for lay in families.FAMILY_LAYOUTS[f] for c in ("rate", "class_pct"))


def _k_sheet(seed: int, **want: object):
    """One family K sheet whose habits have ``want``."""
    return _family_sheet("K", seed, (1993, 1996), **want)


@pytest.mark.parametrize(("thousands", "decimal"), [("\u202f", ","), ("", "-")])
def test_family_k_prints_its_own_figures_and_keeps_the_truth_exact(thousands: str, decimal: str):
    """A K sheet is portrait; its amounts are typed 1\u202f468,02 or 1468-02 (the truth: 1468.02), its
    row numbers "1." where the file has that habit, the surname first where it has that one, "Предприятие:"
    before the employer (not in the truth's name) where it has that one; its day's
    rate and class columns are outside the truth (the rate never totalled); every row adds up and every
    money column sums to the totals."""
    from samples.generate import truth_of
    from samples.render import MONEY

    sheet, style, img, geo = _k_sheet(
        11, thousands=thousands, decimal=decimal, names="SURNAME", row_dot=True, employer_label="Предприятие:"
    )
    assert img.height > img.width and not style.landscape
    cols = list(sheet.layout)
    body = [(r, cols[c], t) for r, c, _, t in geo.cells if 0 < r <= len(sheet.rows)]
    money = [t for _, c, t in body if c in MONEY and len(t) > 3]
    assert money and all(t[-3] == {",": ",", "-": "-"}[decimal] for t in money)
    assert any(thousands in t for t in money) if thousands else not any(" " in t or "\u202f" in t for t in money)
    assert all(t == f"{r}." for r, c, t in body if c == "row")
    truth = truth_of(sheet, geo, "page-0001.png")
    raw = json.loads(truth.to_json())
    assert raw["employer"]["name"] == sheet.employer and "Предприятие" not in sheet.employer  # the label is not the name
    assert not {"rate", "class_pct", "days_paid"} & {k for r in raw["rows"] for k in r}
    assert not {"rate", "class_pct", "tax", "insurance", "advance", "union_fee"} & set(raw["totals"])
    page = PayrollPage.model_validate_json(truth.to_json())
    for r in page.rows:
        surname, first, patronymic = (r.name or "").split(" ")
        assert surname.isupper() and not first.isupper()
        assert r.egn and egn.is_valid(r.egn)
        v = {f: Decimal(getattr(r, f)) if getattr(r, f) else None for f in MONEY_FIELDS}
        assert v["gross_pay"] - v["deductions"] == v["net_pay"]
        if v["base_pay"] is not None and v["extra_pay"] is not None:
            assert v["base_pay"] + v["extra_pay"] == v["gross_pay"]
    for f, total in page.totals.items():
        assert sum(Decimal(getattr(r, f)) for r in page.rows) == Decimal(total)
    assert page.totals


def test_family_k_heads_its_narrow_columns_on_their_side():
    """With vertical headings and column numbers the heading is taller than its lines would be across,
    and the first row starts below a line of column numbers; the truth's rows start there too."""
    sheet, style, img, geo = _k_sheet(12, vertical=True, column_numbers=True)
    heads = [box for r, _, box, _ in geo.cells if r == 0]
    head_h = heads[0][3] - heads[0][1]
    lines = max(len(sheet.headings[c].split("\n")) for c in sheet.layout)
    assert style.vertical_heads and head_h > lines * int(style.size * 1.25) + style.size
    assert geo.row_bboxes[0][1] >= heads[0][3] + int(style.size * 1.2)


def test_family_l_draws_its_own_switches():
    """L: an apostrophe or a space between the thousands with a decimal comma (the separator on some
    amounts only on most such files), never stotinki typed as one number; corrections in the margin with
    an arrow (which no other family draws) or typed over; only the heading ruled on some files (no other
    family); two-line rows, leva and stotinki in columns of their own, merged group headings, a stamp
    over the totals, the town after a comma, an address, continued months, the period in three new
    forms, on some files each; any year 1980-1996; the court order's column is no other family's."""
    import random

    from samples import families

    rng = random.Random(8)
    drawn = [families.draw_habits("L", rng) for _ in range(300)]
    assert {(h.thousands, h.decimal) for h in drawn} == {("'", ","), (" ", ","), ("'", "."), ("", ",")}
    assert not any(h.stotinki for h in drawn) and all(h.thousands or not h.loose for h in drawn)
    assert {h.correction for h in drawn} == {"arrow", "over", "none"} and "head" in {h.ruling for h in drawn}
    assert {h.period for h in drawn} == {"word", "digits", "roman", ""}
    for flag in ("two_line", "split_cents", "loose", "groups", "stamp_total", "town", "address", "carried", "title_period",
                 "initials", "total_word"):
        assert 0.2 < sum(bool(getattr(h, flag)) for h in drawn) / len(drawn) < 0.9, flag
    others = [families.draw_habits(f, rng) for f in "BCDEFGHIJK" for _ in range(100)]
    assert not {"arrow", "head"} & ({h.correction for h in others} | {h.ruling for h in others})
    assert not any(h.two_line or h.split_cents or h.groups or h.carried for h in others)
    assert families.YEARS["L"] == (1980, 1996) and "court" not in families.DEDUCTION_PARTS
    assert all(c not in lay for f in "BCDEFGHIJK" for lay in families.FAMILY_LAYOUTS[f] for c in ("court", "sick"))


def _family_sheets(family: str, n: int, seed: int):
    """``n`` sheets of ``family`` drawn as generate_pages draws them (content and style, not drawn on a page)."""
    import random

    from samples import families
    from samples.content import make_file, make_sheet
    from samples.generate import Options, _style
    from samples.render import available_fonts

    rng = random.Random(seed)
    out = []
    for i in range(n):
        habits = families.draw_habits(family, rng)
        ef = make_file(rng, i, staff=rng.randint(7, 15), years=families.YEARS[family])
        families.adapt_file(ef, habits, rng)
        sheet = make_sheet(rng, ef, 0)
        families.adapt_sheet(sheet, habits, rng, ef)
        style = families.style_for(habits, rng, _style(rng, sheet, Options(family=family), available_fonts()))
        out.append((habits, sheet, style))
    return out

def _first_sheet(family: str, seed: int, want, render):
    """The first of 40 sheets of ``family`` drawn from ``seed`` as generate_pages draws them for which ``want(own
    habits, sheet)`` holds: the family's own habits, the sheet and a drawing function (own habits -> image, geometry)
    by ``render(sheet, style, habits, rng)`` (families AI, AJ)."""
    import random

    for habits, sheet, st in _family_sheets(family, 40, seed):
        own = getattr(habits, family.lower())
        if want(own, sheet):
            return own, sheet, lambda h, sheet=sheet, st=st: render(sheet, st, h, random.Random(5))
    raise AssertionError(f"no such {family} sheet")


def _assert_own_layouts(family: str, layouts, headings, item: str, total: str) -> None:
    """``family`` (one of those whose module draws all its switches: AI, AJ) is listed, 1980-1996, held apart from the
    earlier ones (its face from a font package of its own), every column of its ``layouts`` headed in ``headings``,
    gross, deductions and net on every layout, the ЕГН missing on one, an ``item`` without its ``total`` on one."""
    from samples import families

    assert families.YEARS[family] == (1980, 1996) and family in families.FAMILIES
    _assert_held_apart(family, own_dirs=True)
    assert {c for lay in layouts for c in lay} <= set(headings)
    assert all("gross_pay" in lay and "deductions" in lay and "net_pay" in lay for lay in layouts)
    assert any("egn" not in lay for lay in layouts)
    assert any(item in lay and total not in lay for lay in layouts)


def _staff_row_base(r: dict, cols: set[str], post: str, salary, wd: int, year: int):
    """One drawn row of a family that pays a salary by post for the days (AI, AJ): a valid ЕГН of someone 15 or older,
    the days within the month's working days (the truth's days worked where the layout prints them, else null), the
    post the truth's position where printed (else null). Gives the base the row should have: ``salary`` (at the
    sheet's year) x the days over ``wd``, to the stotinka."""
    from decimal import ROUND_HALF_UP, Decimal

    e = str(r["egn"])
    born = egn.birth_date(e)
    assert egn.is_valid(e) and born is not None and born.year <= year - 15
    days = r["days_paid"]
    assert 0 <= days <= wd and r["days_worked"] == (days if "days_worked" in cols else None)
    assert r["position"] == (post if "position" in cols else None)
    return (salary * Decimal(days) / Decimal(wd)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _egn_truth_as_printed(months) -> set[bool]:
    """Each drawn sheet of ``months`` (``_family_months``'s output) against its truth (``egn_printed_only``): the
    ЕГН where the layout prints it, none where it does not, the sheet's rows keeping it either way (the generator
    keys people's items by it); the set of whether a layout printed one, for the caller to see both drawn."""
    from samples.generate import truth_of
    from samples.render import Geometry

    seen = set()
    for _, _, sheets in months:
        for sheet in sheets:
            printed = "egn" in sheet.layout
            truth = truth_of(sheet, Geometry(3508, 2480, row_bboxes=[[0, 0, 1, 1] for _ in sheet.rows]), "p.png")
            assert [t.egn for t in truth.rows] == [str(r["egn"]) if printed else None for r in sheet.rows]
            assert all(r["egn"] for r in sheet.rows)
            seen.add(printed)
    return seen


def _assert_month_pay(row: dict, parts: tuple[str, ...], shown: list[str], cols: set[str], wd: int) -> None:
    """One truth row of a month's pay adds up: gross the base and the additional pay, the deductions the parts
    printed (the others nought), net gross less them; the days worked where the layout prints them, the days
    paid within the month's working days ``wd`` (families AS, AT)."""
    g, d = row["gross_pay"], row["deductions"]
    assert g == row["base_pay"] + row["extra_pay"]
    assert d == sum((row[c] for c in shown), Decimal(0)) and all(row[c] == 0 for c in parts if c not in shown)
    assert 0 <= d <= g and row["net_pay"] == g - d
    assert (row["days_worked"] is None) == ("days_worked" not in cols)
    assert row["days_paid"] is not None and 0 <= row["days_paid"] <= wd


def _family_months(family: str, seed: int, files: int = 6, months: int = 6):
    """Each of ``files`` files of ``family`` drawn from ``seed`` as generate_pages draws them, with its sheets of
    ``months`` months (content, not drawn on a page): [(habits, file, [sheet, ...])]."""
    import random

    from samples import families
    from samples.content import make_file, make_sheet

    rng = random.Random(seed)
    out = []
    for i in range(files):
        habits = families.draw_habits(family, rng)
        ef = make_file(rng, i, staff=rng.randint(7, 15), years=families.YEARS[family])
        families.adapt_file(ef, habits, rng)
        sheets = []
        for k in range(months):
            sheet = make_sheet(rng, ef, k)
            families.adapt_sheet(sheet, habits, rng, ef)
            sheets.append(sheet)
        out.append((habits, ef, sheets))
    return out


def _typewriter_files(family: str, seeds) -> list:
    """The own habits of 10 ``family`` files drawn from each of ``seeds`` (AL's, AM's, AN's): every file the family's, typed
    on a typewriter of its faces, in the money formats of its own (``<F>_MONEY``)."""
    from samples import families

    drawn = _drawn_habits(family, seeds)
    owns = [getattr(h, family.lower()) for h in drawn]
    assert all(owns) and all(h.family == family and h.face == "typewriter" for h in drawn)
    assert {o.face for o in owns} == set(getattr(families, f"{family}_FACES")["typewriter"])
    module = getattr(families, f"family_{family.lower()}")
    assert {(o.thousands, o.decimal) for o in owns} == set(getattr(module, f"{family}_MONEY"))
    return owns


def _flatbed_pages(tmp_path, family: str, seed: int) -> tuple[list, str]:
    """Two ``family`` pages from ``seed`` (AL's, AM's, AN's) that add up (no marks), the first repeating under another hash
    seed (the second is the file's next month, drawn by the same code): each
    an L or RGB PNG at 200 or 300 dpi under 5 MB, its rows numbered 1.. . Gives the pages and their truth's pin."""
    from PIL import Image

    out = _repeats_under_another_hash_seed(tmp_path, family, seed, pages=2, twin_pages=1)
    pages = _pages_add_up(out, years=(1980, 1996), mark_kinds=())
    assert len(pages) == 2
    for png, page in pages:
        assert png.stat().st_size < 5_000_000 and [r.row for r in page.rows] == list(range(1, len(page.rows) + 1))
        with Image.open(png) as im:
            assert im.mode in ("L", "RGB") and round(im.info["dpi"][0]) in (200, 300)
    raw = "".join(PayrollPage.load(png.with_suffix(".json")).to_json() for png, _ in pages)
    return pages, hashlib.sha256(raw.encode()).hexdigest()[:16]


def _flatbed_pin(tmp_path, family: str, seed: int) -> str:
    """``_flatbed_pages``' two pages (AN's, AO's), every ЕГН of their truth valid where printed: their truth's pin."""
    pages, pin = _flatbed_pages(tmp_path, family, seed)
    assert all(r.egn is None or egn.is_valid(r.egn) for _, p in pages for r in p.rows)
    return pin


def _typing_far_darker(arr, m, boxes, floor_of) -> None:
    """Every typed string's box of the drawn page (``boxes``) in the scan ``arr`` (through the 2x3 map ``m``; AN's,
    AO's): its ink more than 90 grey levels darker than its paper and darker than ``floor_of(its paper)`` (the darkest
    the page's damage alone makes the paper, less a margin)."""
    for bx0, by0, bx1, by1 in boxes:
        pts = np.array([[bx0, by0, 1], [bx1, by1, 1]], np.float64) @ m.T
        (a, b), (c, d) = pts.astype(int)
        cut = np.asarray(arr[b + 3 : d - 3, a + 3 : c - 3], np.float32)
        if cut.size == 0:
            continue
        paper, ink = np.percentile(cut, 90), np.percentile(cut, 1)
        assert paper - ink > 90 and ink < floor_of(paper), (bx0, by0)


def _people_add_up(sheet, parts, shown) -> None:
    """A sheet's truth rows numbered 1, 2, 3 ..., each ЕГН valid and once, gross = base + additional pay, the
    deductions the sum of the shown items (``shown`` of ``parts``; the others nought), net = gross - deductions."""
    assert [r["row"] for r in sheet.rows] == list(range(1, len(sheet.rows) + 1))
    egns = [str(r["egn"]) for r in sheet.rows]
    assert len(set(egns)) == len(egns) and all(egn.is_valid(e) for e in egns)
    for r in sheet.rows:
        m = {f: r[f] for f in MONEY_FIELDS}
        assert m["gross_pay"] == m["base_pay"] + m["extra_pay"]
        assert m["deductions"] == sum((r[c] for c in shown), Decimal(0))
        assert all(r[c] == 0 for c in parts if c not in shown)
        assert 0 <= m["deductions"] <= m["gross_pay"] and m["net_pay"] == m["gross_pay"] - m["deductions"]


def _rendered_month(family: str, seed: int, want=lambda own, sheet: True):
    """The first month of a ``family`` file drawn from ``seed`` for which ``want(its own habits, sheet)`` holds, drawn
    by its module's ``render`` (AL's, AM's, AN's): (its own habits, the sheet, the image, the geometry)."""
    import importlib
    import random

    module = importlib.import_module(f"samples.family_{family.lower()}")
    for habits, _ef, sheets in _family_months(family, seed, files=6, months=1):
        own = getattr(habits, family.lower())
        if want(own, sheets[0]):
            img, geo = module.render(sheets[0], None, own, random.Random(5))
            return own, sheets[0], img, geo
    raise AssertionError(f"no such {family} month")


def _cells_read_back(sheet, geo, own, blank=lambda r, c: False) -> None:
    """A typed sheet's cells (AM's, AN's): one heading row; every printed cell of a field reads back to its row's truth
    (``_typed_value``; empty where ``blank(row, column)``), the totals row's cells the sheet's totals."""
    lay, n = sheet.layout, len(sheet.rows)
    assert len([c for c in geo.cells if c[0] == 0]) == len(lay)
    for i, j, _box, text in geo.cells:
        if i == 0:
            continue
        c = lay[j]
        if i == n + 1:
            assert _typed_value(text, own) == sheet.totals[c]
            continue
        r = sheet.rows[i - 1]
        if blank(r, c):
            assert text == ""
        elif c in MONEY_FIELDS:
            assert _typed_value(text, own) == r[c], (c, text)
        else:
            assert text == str(r[c])


def _typed_value(text: str, own) -> Decimal:
    """A typed amount read back as a person reads it (AL's, AM's, AN's): the file's thousands' mark (``own.thousands``) gone,
    the decimal a point, a nought's mark nought."""
    if text in ("-", "0,00", "0.00"):
        return Decimal(0)
    t = text.replace(own.thousands, "") if own.thousands else text
    return Decimal(t.replace(",", "."))


def _forced_sheet(family: str, seed: int, switches: dict, *, rows: int = 7, fits=None, adapt_args: tuple = ()):
    """The first of 12 ``family`` sheets from ``seed`` (content and style) with ``rows`` people or more that ``fits``
    (a test of the sheet), with ``switches`` forced on its file's own habits (``habits.<family>``) and the family's
    ``adapt_sheet`` and ``style`` drawn again under them: (its habits, the sheet, its style)."""
    import importlib
    import random
    from dataclasses import replace

    module = importlib.import_module(f"samples.family_{family.lower()}")
    for habits, sheet, style in _family_sheets(family, 12, seed):
        own = getattr(habits, family.lower())
        if own is None or len(sheet.rows) < rows or (fits is not None and not fits(sheet)):
            continue
        forced = replace(own, **switches)
        module.adapt_sheet(sheet, forced, random.Random(seed), *adapt_args)
        module.style(forced, random.Random(seed), style)
        return forced, sheet, style
    raise AssertionError(f"no {family} sheet")


def _digest_of(out) -> str:
    """The digest of every file in ``out`` (names and bytes)."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(out.iterdir()):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


def _generated_digest(out, pages: int, seed: int, family: str) -> str:
    """``pages`` pages of ``family`` generated into ``out``; the digest of every file written (names and bytes)."""
    from samples.generate import Options, generate_pages

    generate_pages(out, pages, seed, options=Options(family=family))
    return _digest_of(out)


def _repeats_under_another_hash_seed(
    tmp_path, family: str, seed: int, pages: int = 2, twin_pages: int | None = None
):
    """``pages`` pages of ``family`` from ``seed`` generated here into ``tmp_path/a`` and by another Python under
    another hash seed (tests/hash_seed_twin.py) into ``tmp_path/b``: the same bytes (no set's or dict's order leaks
    into a page). With ``twin_pages`` fewer than ``pages`` the twin draws only that many pages from the seed (for a
    family whose later pages are more months of the same file, drawn by the same code as the first): their images and
    truth the same bytes as the first ones here (so also the same whatever the number of pages after them). Gives ``a``."""
    from tests.hash_seed_twin import TWIN

    digest = _generated_digest(tmp_path / "a", pages, seed, family)
    if twin_pages is None or twin_pages >= pages:
        TWIN.draw(tmp_path / "b", pages, seed, family)
        assert digest == _digest_of(tmp_path / "b")
        return tmp_path / "a"
    TWIN.draw(tmp_path / "b", twin_pages, seed, family)
    for name in (f"page-{i:04d}.{ext}" for i in range(1, twin_pages + 1) for ext in ("png", "json")):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    return tmp_path / "a"


def _drawn_habits(family: str, seeds, n_per_seed: int = 10) -> list:
    """``n_per_seed`` files' habits of ``family`` drawn from each of ``seeds``, as generate_pages draws them first."""
    import random

    from samples import families

    out = []
    for seed in seeds:
        rng = random.Random(seed)
        out += [families.draw_habits(family, rng) for _ in range(n_per_seed)]
    return out


def _pages_add_up(
    out, years: tuple[int, int] = (1980, 1996), mark_kinds: tuple[str, ...] | None = None, carried: bool = False
) -> list[tuple[object, PayrollPage]]:
    """Every generated page's truth in ``out`` (its image path and page): valid payroll-page/1 with rows, an
    employer and a year within ``years``; each row's gross = base + additional (where the page has them), net =
    gross - deductions, its box inside the image; each total its column's sum (with ``carried``, where a month runs on
    over pages and the totals are the sums so far, no more than it); with ``mark_kinds``, every mark of
    one of those kinds and of no row or a row of the page."""
    from decimal import Decimal

    from PIL import Image

    pages = []
    for js in sorted(out.glob("page-*.json")):
        page = PayrollPage.load(js)
        with Image.open(js.with_suffix(".png")) as im:
            w, h = im.size
        assert page.rows and page.employer.name and page.period.year and years[0] <= page.period.year <= years[1]
        for r in page.rows:
            v = {f: Decimal(getattr(r, f)) if getattr(r, f) else None for f in MONEY_FIELDS}
            assert v["gross_pay"] is not None and v["deductions"] is not None
            assert v["gross_pay"] - v["deductions"] == v["net_pay"]
            if v["base_pay"] is not None and v["extra_pay"] is not None:
                assert v["base_pay"] + v["extra_pay"] == v["gross_pay"]
            assert r.bbox is None or 0 <= r.bbox[0] < r.bbox[2] <= w and 0 <= r.bbox[1] < r.bbox[3] <= h
        for f, total in page.totals.items():
            own = sum(Decimal(getattr(r, f) or 0) for r in page.rows)  # a cell left blank (AM) counts nothing
            assert own <= Decimal(total) if carried else own == Decimal(total)
        for mk in page.marks or [] if mark_kinds is not None else []:
            assert mk["kind"] in mark_kinds and (mk["row"] is None or 0 <= mk["row"] < len(page.rows))
        pages.append((js.with_suffix(".png"), page))
    return pages


PARTS = ("tax", "insurance", "advance", "union_fee")


def _assert_truth_holds(
    sheet, parts_kinds: tuple[str, ...] = PARTS, *, items_kinds: tuple[str, ...] = (), every_total: bool = False
) -> None:
    """A drawn sheet's truth adds up: a valid ЕГН once per sheet, the pay items (``items_kinds`` among its columns)
    add up to the additional pay, base + additional = gross, net = gross - deductions (never below nought), the
    itemised deductions (``parts_kinds`` among its columns) add up, the days within the month, each money column
    sums to its total (an item or deduction left blank counts nothing); with ``every_total`` every money column of
    the layout, items and deductions too, has its total."""
    from archive_core.egn import days_in_month

    def val(x: object) -> Decimal:
        return x if isinstance(x, Decimal) else Decimal(0)

    items = [c for c in sheet.layout if c in items_kinds]
    parts = [c for c in sheet.layout if c in parts_kinds]
    assert len({r["egn"] for r in sheet.rows}) == len(sheet.rows)
    for r in sheet.rows:
        assert egn.is_valid(str(r["egn"]))
        if items:
            assert sum((val(r[c]) for c in items), Decimal(0)) == r["extra_pay"]
        if r["base_pay"] is not None and r["extra_pay"] is not None:
            assert r["base_pay"] + r["extra_pay"] == r["gross_pay"]
        assert r["gross_pay"] - r["deductions"] == r["net_pay"] and r["net_pay"] >= 0
        if parts:
            assert sum((val(r[c]) for c in parts), Decimal(0)) == r["deductions"]
        if r.get("days_worked") is not None:
            assert 0 <= r["days_worked"] <= days_in_month(sheet.year, sheet.month)
    if every_total:
        assert set(sheet.totals) == {c for c in sheet.layout if c in (*MONEY_FIELDS, *items, *parts)}
    for f, total in sheet.totals.items():
        assert sum((val(r[f]) for r in sheet.rows), Decimal(0)) == total


def test_family_l_habits_occur_on_its_sheets_and_the_truth_adds_up():
    """Over 40 drawn L sheets every habit occurs on some of them, and every sheet's truth holds: a valid
    ЕГН once per sheet, base + additional = gross, the itemised deductions (a court order's too) add up
    to the deductions, net = gross - deductions, every money column sums to its total."""
    from collections import Counter

    from samples import data, families
    from samples.content import money_text, working_days

    seen: Counter[str] = Counter()
    for habits, sheet, style in _family_sheets("L", 40, 9):
        cols = list(sheet.layout)
        _assert_truth_holds(sheet, (*PARTS, "court"))
        m, y = sheet.month, sheet.year
        period = {"word": data.MONTHS[m - 1], "digits": f"{m:02d}", "roman": f"{families.ROMAN[m - 1]}-{y}".lower()}
        said = f"{sheet.title} {sheet.period_text}".lower()  # the period after the title on some files
        assert str(y) in said and period.get(habits.period, "") in said
        seen[f"period {habits.period}"] += 1
        seen["period in the title"] += not sheet.period_text and str(y) in sheet.title
        seen["father's initial"] += all(str(r["name"]).split(" ")[1].endswith(".") for r in sheet.rows)
        seen["totals word"] += sheet.total_label in families.L_TOTAL_WORDS
        amounts = [money_text(v, sheet) for v in sheet.totals.values()]
        amounts += [money_text(r[c], sheet) for r in sheet.rows for c in cols if c in sheet.totals]
        big = [t for t in amounts if len(t.replace(habits.thousands or "x", "")) > 6]
        if sheet.loose_thousands and any(habits.thousands in t for t in big) and any(
            habits.thousands not in t for t in big
        ):
            seen["thousands on some amounts only"] += 1
        seen["leva | stotinki"] += sheet.split_cents
        seen["court order"] += "court" in cols and any(not r["court"] for r in sheet.rows)
        if "sick" in cols:  # days on sick leave: no truth field, never more than the days not worked
            assert cols.index("sick") in (cols.index("days_worked") - 1, cols.index("days_worked") + 1)
            wd = working_days(sheet.year, sheet.month)
            assert all(0 <= r["sick"] <= wd - r["days_paid"] for r in sheet.rows)
            seen["sick days"] += any(r["sick"] for r in sheet.rows)
        seen["ЕГН or № at the far right"] += cols[-1] in ("egn", "row")
        seen["net before deductions"] += "deductions" in cols and cols.index("net_pay") < cols.index("deductions")
        for a, b, label in sheet.groups:
            run = cols[cols.index(a) : cols.index(b) + 1]
            assert len(run) >= 2 and label in {w for g in families.L_GROUPS.values() for w in g}
            seen["merged group heading"] += 1
        seen["town after a comma"] += any(sheet.employer == f"{n}, {t}" for n, t in families.L_EMPLOYERS)
        seen["address"] += bool(sheet.address)
        seen["two lines a row"] += style.two_line
        seen["only the heading ruled"] += style.ruled and style.ruling == "head"
        seen["margin arrow"] += style.corrections and style.correction_mode == "arrow"
        seen["stamp over the totals"] += style.stamp_total
        seen["landscape"] += style.landscape
        seen["new face"] += any(str(style.font).endswith(f) for k in families.L_FACES.values() for f in k)
    for habit in ("period word", "period digits", "period roman", "thousands on some amounts only",
                  "leva | stotinki", "court order", "ЕГН or № at the far right", "net before deductions",
                  "merged group heading", "town after a comma", "address", "two lines a row", "only the heading ruled",
                  "margin arrow", "stamp over the totals", "landscape", "period in the title", "father's initial",
                  "totals word", "sick days"):  # fmt: skip
        assert seen[habit] >= 2, (habit, seen)
    assert seen["new face"] == 40


def test_family_l_draws_two_line_rows_split_money_and_merged_headings():
    """A two-line L sheet: every row is two typed lines tall, the figures on the second; the money's
    leva and stotinki in columns of their own under "лв." / "ст." (no separator typed: the stotinki are
    the two digits after the amount's separator); the columns under a group heading are headed below its
    band; the truth is payroll-page/1 as always (no court order, no itemised deductions in it)."""
    from samples.generate import truth_of

    sheet, style, img, geo = _family_sheet("L", 14, (1992, 1996), two_line=True, split_cents=True, groups=True)
    assert style.two_line and sheet.split_cents and sheet.groups
    for box in geo.row_bboxes:
        assert box[3] - box[1] >= 2.6 * style.size
    heads = {c: box for r, c, box, _ in geo.cells if r == 0}
    cols = list(sheet.layout)
    top = min(b[1] for b in heads.values())
    grouped = {j for a, b, _ in sheet.groups for j in range(cols.index(a), cols.index(b) + 1)}
    assert grouped and all((heads[j][1] > top) == (j in grouped) for j in heads)
    raw = json.loads(truth_of(sheet, geo, "page-0001.png").to_json())
    assert not {"court", "sick", "tax", "insurance", "advance", "union_fee", "days_paid"} & {k for r in raw["rows"] for k in r}
    assert len(raw["rows"]) == len(sheet.rows) and set(raw["totals"]) <= set(MONEY_FIELDS)


def test_family_l_continued_month_keeps_people_and_sums_apart():
    """A month on two L sheets: the first ends with "Пренася се" (its own sums, the truth's totals), the
    second starts with "Пренос" (those sums) and ends with the month's "Всичко"; neither row is a person,
    and the second sheet's people keep their row numbers."""
    import random

    from samples import families
    from samples.content import split_carried
    from samples.generate import _render_fitting, truth_of

    sheet, style, _, _ = _family_sheet("L", 15, (1991, 1996))
    first, second = split_carried(sheet, 5)
    img, geo = _render_fitting(first, style, random.Random(1))
    labels = [t for r, _, _, t in geo.cells if r == len(first.rows) + 1 and not t[-1:].isdigit()]
    assert labels == [first.carry_out_label] and first.carry_out_label in families.L_CARRY_OUT
    raw = json.loads(truth_of(first, geo, "p.png").to_json())
    assert [r["row"] for r in raw["rows"]] == [1, 2, 3, 4, 5]
    assert all(Decimal(v) == sum(Decimal(r[f]) for r in raw["rows"]) for f, v in raw["totals"].items())
    img, geo = _render_fitting(second, style, random.Random(2))
    raw = json.loads(truth_of(second, geo, "p.png").to_json())
    assert [r["row"] for r in raw["rows"]] == list(range(6, len(sheet.rows) + 1))
    assert second.carried_in and second.carry_in_label in families.L_CARRY_IN
    assert {f: Decimal(v) for f, v in raw["totals"].items()} == {f: v for f, v in sheet.totals.items() if f in MONEY_FIELDS}


def test_family_l_corrects_in_the_margin_stamps_the_totals_and_rules_only_the_heading():
    """An L sheet with margin corrections, a stamp over the totals and only its heading ruled: each
    correction (the figure written in the margin, the arrow to the struck one) is a mark of its row that
    reaches past the table's right edge; one stamp lies on the totals row; no rule crosses the body."""
    import numpy as np

    sheet, style, img, geo = _family_sheet("L", 16, (1985, 1996), correction="arrow", stamp_total=True, ruling="head")
    fixes = [m for m in geo.marks if m["kind"] == "correction"]
    right = geo.table_bbox[2]
    assert fixes and all(0 <= m["row"] < len(sheet.rows) for m in fixes)
    assert any(max(x for x, _ in m["polygon"]) > right + 40 for m in fixes)
    totals = [box for r, _, box, _ in geo.cells if r == len(sheet.rows) + 1]
    t0, t1 = min(b[1] for b in totals), max(b[3] for b in totals)
    centres = [np.mean([y for _, y in m["polygon"]]) for m in geo.marks if m["kind"] == "stamp"]
    assert any(t0 <= c <= t1 for c in centres)
    ink = np.asarray(img) < 128
    x0, x1 = geo.table_bbox[0], right
    for y in range(geo.row_bboxes[0][1] + 4, geo.row_bboxes[-1][3] - 4):
        assert ink[y, x0:x1].mean() < 0.5, y  # no rule across the rows


def test_family_l_types_the_thousands_on_some_amounts_only():
    """A file with the loose habit separates the thousands on some amounts and not on others, the same
    amount always the same way; without the habit every amount is separated."""
    from samples.content import SheetContent, money_text

    sheet = SheetContent("x", 1993, 1, 1, (), {}, [], {}, decimal_comma=True, thousands_space=True)
    sheet.thousands_sep, sheet.loose_thousands = "'", True
    amounts = [Decimal(f"{1000 + 37 * k}.{k:02d}") for k in range(40)]
    typed = [money_text(a, sheet) for a in amounts]
    assert any("'" in t for t in typed) and any("'" not in t for t in typed)
    assert typed == [money_text(a, sheet) for a in amounts] and all(t[-3] == "," for t in typed)
    sheet.loose_thousands = False
    assert all("'" in money_text(a, sheet) for a in amounts)


def test_family_m_draws_its_own_switches():
    """M: ditto marks, leader dots, empty ruled lines, initials first, a roster by trade and a second
    table of the month's sums ("Рекапитулация") under the first, each on some
    files (no other family draws them); never stotinki; any year 1980-1996; the hours and a bonus
    ("Премия") on its layouts."""
    import random

    from samples import families

    rng = random.Random(8)
    drawn = [families.draw_habits("M", rng) for _ in range(300)]
    assert not any(h.stotinki for h in drawn)
    assert {h.ditto for h in drawn} == {"", *families.M_DITTO}
    for flag in ("ditto", "leaders", "blank_rows", "initials_first", "same_jobs", "total_word", "carbon",
                 "signatures_cross", "recap"):  # fmt: skip
        assert 0.2 < sum(bool(getattr(h, flag)) for h in drawn) / len(drawn) < 0.9, flag
    others = [families.draw_habits(f, rng) for f in "BCDEFGHIJKL" for _ in range(100)]
    assert not any(h.ditto or h.leaders or h.blank_rows or h.initials_first or h.same_jobs or h.recap for h in others)
    assert families.YEARS["M"] == (1980, 1996)
    assert any("hours" in lay for lay in families.FAMILY_LAYOUTS["M"])
    assert "Премия" in families.HEADINGS_M["extra_pay"]


def test_family_m_habits_occur_on_its_sheets_and_the_truth_adds_up():
    """Over 40 drawn M sheets every habit occurs on some of them, and every sheet's truth holds: a valid
    ЕГН once per sheet, base + bonus = gross, the itemised deductions add up, net = gross - deductions,
    every money column sums to its total; the hours are no truth field but eight a day, give or take."""
    from collections import Counter

    from samples import families

    seen: Counter[str] = Counter()
    for _habits, sheet, style in _family_sheets("M", 40, 9):
        cols = list(sheet.layout)
        _assert_truth_holds(sheet)
        for r in sheet.rows:
            if "hours" in cols:
                assert 0 <= r["hours"] <= 8 * 31
        same_above = [
            c for c in ("position", "days_worked") if c in cols
            for a, b in zip(sheet.rows, sheet.rows[1:], strict=False) if a[c] == b[c]
        ]  # fmt: skip
        seen["ditto"] += bool(style.ditto and same_above)
        seen["leader dots"] += style.leaders
        seen["empty ruled lines"] += bool(style.blank_rows and style.ruled)
        seen["initials first"] += all(str(r["name"])[1:3] == ". " and str(r["name"])[4:6] == ". " for r in sheet.rows)
        seen["hours"] += "hours" in cols
        seen["bonus"] += "extra_pay" in cols and sheet.headings["extra_pay"].startswith("Премия")
        seen["Итого / Сума"] += sheet.total_label in families.M_TOTAL_WORDS
        seen["landscape"] += style.landscape
        seen["portrait"] += not style.landscape
        seen["recap table"] += style.recap
        assert any(str(style.font).endswith(f) for k in families.M_FACES.values() for f in k)
    for habit in ("ditto", "leader dots", "empty ruled lines", "initials first", "hours", "bonus", "Итого / Сума",
                  "landscape", "portrait", "recap table"):  # fmt: skip
        assert seen[habit] >= 2, (habit, seen)


def test_family_m_ditto_marks_stand_for_the_value_above(tmp_path: Path):
    """On an M page with ditto marks the table's cell holds the mark, the truth the value it stands for
    (the row above's); the blank ruled lines add no row to the truth."""
    import random

    from samples import families
    from samples.render import render

    for habits, sheet, style in _family_sheets("M", 40, 9):
        if not (style.ditto and "position" in sheet.layout and style.blank_rows):
            continue
        _, geo = render(sheet, style, random.Random(1))
        j = sheet.layout.index("position")
        marks = [(r, t) for r, c, _, t in geo.cells if c == j and r >= 2 and t == style.ditto]
        assert marks, sheet.layout
        for r, _ in marks:
            assert sheet.rows[r - 1]["position"] == sheet.rows[r - 2]["position"]
        assert len(geo.row_bboxes) == len(sheet.rows)
        assert max(r for r, *_ in geo.cells) == len(sheet.rows) + 1  # the empty lines hold no cell; totals last
        assert habits.family == "M" and style.ditto in families.M_DITTO
        return
    raise AssertionError("no M sheet with ditto marks, a position column and empty lines drawn")


N_FLAGS = ("worn", "double", "dry", "show_through", "photo", "holes", "fold", "egn_boxes", "row_mark", "currency",
           "days_suffix", "zero_mark", "date_range", "pale_form", "paid_stamps")  # fmt: skip


def test_family_n_draws_its_own_switches():
    """N: a tired typewriter (worn keys, letters struck twice, a drying ribbon: typed files only), the back
    showing through, photographs, punched holes, folds, the ЕГН's boxes, "1)", "лв.", "21д.", zeros as "—",
    date ranges, pale forms, the cashier's stamps, each on some files (no other family draws them); never
    stotinki; any year 1980-1996."""
    import random

    from samples import families

    rng = random.Random(10)
    drawn = [families.draw_habits("N", rng) for _ in range(300)]
    assert not any(h.stotinki for h in drawn)
    for flag in N_FLAGS:
        assert 0.2 < sum(bool(getattr(h, flag)) for h in drawn) / len(drawn) < 0.9, flag
    assert not any(h.worn or h.double or h.dry for h in drawn if h.face == "print")
    others = [families.draw_habits(f, rng) for f in "BCDEFGHIJKLM" for _ in range(100)]
    assert not any(getattr(h, flag) for h in others for flag in N_FLAGS)
    assert families.YEARS["N"] == (1980, 1996)


def test_family_n_habits_occur_on_its_sheets_and_the_truth_adds_up():
    """Over 40 drawn N sheets every habit occurs on some of them, and every sheet's truth holds: a valid
    ЕГН once per sheet, base + additional = gross, the itemised deductions add up, net = gross -
    deductions, every money column sums to its total, the days within the month."""
    from collections import Counter

    from samples import families

    seen: Counter[str] = Counter()
    for habits, sheet, style in _family_sheets("N", 40, 9):
        cols = list(sheet.layout)
        _assert_truth_holds(sheet)
        for r in sheet.rows:
            assert r["days_worked"] is None or 0 <= r["days_worked"] <= egn.days_in_month(sheet.year, sheet.month)
        assert str(sheet.year) in sheet.period_text
        for flag in ("show_through", "photo"):  # the scan's habits (degrade_page)
            seen[flag] += getattr(habits, flag)
        seen["worn keys"] += bool(style.worn)
        seen["struck twice"] += style.double_strike > 0
        seen["ribbon dry"] += style.dry is not None
        seen["holes"] += style.holes
        seen["fold"] += style.fold
        seen["ЕГН boxes"] += style.egn_boxes and "egn" in cols
        seen["paid stamps"] += style.paid_stamps and "signature" in cols
        seen["pale form"] += style.ruled and style.rule_ink > 100
        seen["1)"] += sheet.row_mark == ")"
        seen["лв."] += bool(sheet.currency)
        seen["21д."] += bool(sheet.days_suffix) and "days_worked" in cols
        seen["zero mark"] += bool(sheet.zero_mark) and any(r.get(c) == 0 for r in sheet.rows for c in sheet.totals)
        seen["date range"] += sheet.period_text.startswith(("от ", "за периода"))
        seen["landscape"] += style.landscape
        seen["portrait"] += not style.landscape
        assert any(str(style.font).endswith(f) for k in families.N_FACES.values() for f in k)
    for habit in ("show_through", "photo", "worn keys", "struck twice", "ribbon dry", "holes", "fold", "ЕГН boxes",
                  "paid stamps", "pale form", "1)", "лв.", "21д.", "zero mark", "date range", "landscape", "portrait"):  # fmt: skip
        assert seen[habit] >= 2, (habit, seen)


def test_family_n_prints_its_own_marks_and_the_truth_keeps_the_values():
    """An N sheet with "1)", "лв." after the amounts, "21д.", zeros typed as a mark and the ЕГН in boxes:
    the table's cells hold what is typed, the truth the values (row numbers, days, amounts normalised,
    0.00 where the mark stands); nothing of N's is a truth key."""
    from samples.generate import truth_of

    sheet, style, img, geo = _family_sheet(
        "N", 17, (1980, 1996), row_mark=")", currency=" лв.", days_suffix="д.", zero_mark="—", egn_boxes=True
    )
    cols = list(sheet.layout)
    body = {(r, cols[c]): t for r, c, _, t in geo.cells if 0 < r <= len(sheet.rows)}
    for i, row in enumerate(sheet.rows, start=1):
        assert body[(i, "row")] == f"{row['row']})"
        if "days_worked" in cols:
            assert body[(i, "days_worked")] == f"{row['days_worked']}д."
        assert body[(i, "egn")] == row["egn"]
        for c in sheet.totals:
            t = body.get((i, c), "")
            assert t == "—" if row[c] == 0 else t.endswith(" лв.")
    raw = json.loads(truth_of(sheet, geo, "page-0001.png").to_json())
    for r, src in zip(raw["rows"], sheet.rows, strict=True):
        assert r["row"] == src["row"] and r["egn"] == src["egn"]
        for f in MONEY_FIELDS:
            assert r.get(f) == (f"{src[f]:.2f}" if src[f] is not None else None)
    assert not {"days_paid", "tax", "insurance", "advance", "union_fee"} & {k for r in raw["rows"] for k in r}


def test_family_n_photo_moves_the_truth_with_the_page():
    """A photographed sheet's map is a perspective (3x3): a mark on the page lands where the map says,
    which is not where any rotation and scale alone would put the four corners."""
    import random

    import numpy as np

    from samples import degrade

    page = np.full((700, 500), 255.0, dtype=np.float32)
    dots = [(60, 80), (440, 90), (250, 350), (70, 620), (430, 640)]
    for x, y in dots:
        page[y - 3 : y + 4, x - 3 : x + 4] = 0
    out, m = degrade.photo(page, random.Random(3))
    assert m.shape == (3, 3) and abs(m[2, 0]) + abs(m[2, 1]) > 0
    for (x, y), (u, v) in zip(dots, degrade.map_points(np.array(dots, dtype=np.float64), m), strict=True):
        win = out[int(v) - 8 : int(v) + 9, int(u) - 8 : int(u) + 9]
        assert win.min() < 120, (x, y, u, v)  # the dot is there
    box = degrade.map_box([60, 80, 440, 640], degrade.compose(degrade.identity(), m))
    assert 0 <= box[0] < box[2] <= 500 and 0 <= box[1] < box[3] <= 700


