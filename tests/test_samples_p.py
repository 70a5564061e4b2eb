"""Family P (held out from its making): a computer centre's printouts on fanfold paper and co-operatives'
sheets; its habits occur on its sheets, its truth keeps the values, one seed gives the same pages."""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np

from archive_core import egn
from archive_core.records import MONEY_FIELDS, PayrollPage
from tests.test_samples import _assert_truth_holds, _family_sheet, _family_sheets

P_FLAGS = ("printout", "fanfold", "typed_rules", "caps", "row_zeros", "egn_under_name", "period_p", "employer_right",
           "coop", "blue_stamp", "soft")  # fmt: skip


def test_family_p_draws_its_own_switches():
    """P: printouts (fanfold, typed rules, capitals: printouts only, never a correction on them), row numbers
    with leading zeros, the ЕГН under the name, its periods, the employer top-right, co-operatives, a blue
    stamp, out of focus: each on some files and on no other family's; stotinki on some; 1980-1996."""
    from samples import families

    rng = random.Random(12)
    drawn = [families.draw_habits("P", rng) for _ in range(300)]
    for flag in P_FLAGS:
        assert 0.1 < sum(bool(getattr(h, flag)) for h in drawn) / len(drawn) < 0.9, flag
    assert all(h.face == "dot_matrix" for h in drawn if h.printout)
    assert not any((h.fanfold or h.typed_rules or h.caps) and not h.printout for h in drawn)
    assert all(h.correction == "none" for h in drawn if h.printout)
    assert {h.row_zeros for h in drawn} == {0, 2, 3} and {h.period_p for h in drawn} == {"", "short", "year_first", "printout"}
    assert any(h.stotinki for h in drawn) and {h.face for h in drawn} == set(families.P_FACES)
    others = [families.draw_habits(f, rng) for f in "BCDEFGHIJKLMNO" for _ in range(60)]
    assert not any(getattr(h, flag) for h in others for flag in P_FLAGS)
    assert families.YEARS["P"] == (1980, 1996)


def test_family_p_habits_occur_on_its_sheets_and_the_truth_adds_up():
    """Over 40 drawn P sheets every habit occurs on some, and every sheet's truth holds: a valid ЕГН once per
    sheet (also where no column holds it), base + additional = gross, the itemised deductions add up, net =
    gross - deductions, each money column sums to its total, the days within the month."""
    from samples import families

    seen: Counter[str] = Counter()
    for habits, sheet, style in _family_sheets("P", 40, 21):
        cols = list(sheet.layout)
        _assert_truth_holds(sheet)
        for r in sheet.rows:
            assert r["days_worked"] is None or 0 <= r["days_worked"] <= egn.days_in_month(sheet.year, sheet.month)
            if habits.caps:  # printed in capitals: the truth is what is on the page
                assert str(r["name"]) == str(r["name"]).upper()
        assert f"{sheet.year % 100:02d}" in sheet.period_text
        seen["soft"] += habits.soft
        seen["fanfold"] += style.fanfold
        seen["typed rules"] += style.typed_rules
        seen["capitals"] += style.caps and sheet.employer == sheet.employer.upper()
        seen["centre"] += bool(sheet.centre) and sheet.centre not in sheet.employer
        seen["client code"] += bool(re.search(r"\d{4}$", sheet.employer_label))
        seen["01"] += sheet.row_zeros > 0
        seen["ЕГН under the name"] += sheet.egn_under_name and "egn" not in cols
        seen["ЕГН last"] += cols[-1] == "egn" or cols[-2:] == ["egn", "signature"]
        seen["net before days"] += "days_worked" in cols and cols.index("net_pay") < cols.index("days_worked")
        seen["two-digit year"] += str(sheet.year) not in sheet.period_text
        seen["year first"] += sheet.period_text.startswith(str(sheet.year))
        seen["employer top-right"] += style.employer_right
        seen["co-operative"] += sheet.employer.upper().startswith(("ТКЗС", "АПК", "ДЗС", "ЗК", "ЗКПУ", "ТПК", "ПК"))
        seen["blue stamp"] += style.blue_stamp
        seen["stotinki"] += sheet.stotinki
        seen["landscape"] += style.landscape
        seen["portrait"] += not style.landscape
        assert any(str(style.font).endswith(f) for k in families.P_FACES.values() for f in k)
    for habit in ("soft", "fanfold", "typed rules", "capitals", "centre", "client code", "01", "ЕГН under the name",
                  "ЕГН last", "net before days", "two-digit year", "year first", "employer top-right", "co-operative",
                  "blue stamp", "stotinki", "landscape", "portrait"):  # fmt: skip
        assert seen[habit] >= 2, (habit, seen)


def test_family_p_prints_its_own_marks_and_the_truth_keeps_the_values():
    """A P printout with "001" row numbers, the ЕГН under the name and everything in capitals: the table's
    cells hold what is printed (the ЕГН in the name's column, on the line under the name), the truth the
    values (the row number an integer, the ЕГН, the name as printed, amounts normalised in leva); the
    centre's name and the client's code are no part of the employer."""
    from samples.generate import truth_of

    sheet, style, img, geo = _family_sheet(
        "P", 31, (1980, 1996), printout=True, caps=True, row_zeros=3, egn_under_name=True, stotinki=True
    )
    cols = list(sheet.layout)
    assert "egn" not in cols and "name" in cols
    body: dict[tuple[int, str], list[tuple[list[int], str]]] = {}
    for r, c, box, t in geo.cells:
        if 0 < r <= len(sheet.rows):
            body.setdefault((r, cols[c]), []).append((box, t))
    for i, row in enumerate(sheet.rows, start=1):
        assert [t for _, t in body[(i, "row")]] == [f"{row['row']:03d}"]
        (name_box, name), (egn_box, egn_t) = sorted(body[(i, "name")], key=lambda bt: bt[0][1])
        assert name == row["name"] == str(row["name"]).upper() and egn_t == row["egn"]
        assert egn_box[1] > name_box[1]  # the ЕГН on the line under the name
        for c in sheet.totals:
            t = body[(i, c)][0][1] if (i, c) in body else "-"
            assert t == ("-" if row[c] == 0 else str(int(Decimal(str(row[c])) * 100)))  # stotinki only
    raw = json.loads(truth_of(sheet, geo, "page-0001.png").to_json())
    assert raw["employer"]["name"] == sheet.employer and sheet.employer == sheet.employer.upper()
    assert sheet.employer_label not in raw["employer"]["name"] or not sheet.employer_label
    assert not sheet.centre or sheet.centre not in raw["employer"]["name"]
    for r, src in zip(raw["rows"], sheet.rows, strict=True):
        assert r["row"] == src["row"] and r["egn"] == src["egn"] and r["name"] == src["name"]
        for f in MONEY_FIELDS:
            assert r.get(f) == (f"{src[f]:.2f}" if src[f] is not None else None)


def test_family_p_printout_is_fanfold_with_typed_rules():
    """A printout on fanfold paper ruled by its printer: round feed holes down both edges, no solid rule drawn
    across the table (its rules are rows of dashes and "!"), the dashes there all the same, grey bands under
    the print, and a blue stamp over the totals lighter than the print."""
    sheet, style, img, geo = _family_sheet(
        "P", 41, (1980, 1996), fanfold=True, typed_rules=True, blue_stamp=True, ruling="full"
    )
    assert style.fanfold and style.typed_rules and style.ruled
    a = np.asarray(img)
    h, w = a.shape
    for x in range(0, 200), range(w - 200, w):  # the tractor strips: a hole every half inch
        strip = a[:, x.start : x.stop]
        dark_rows = (strip < 200).sum(axis=1) > 20
        runs = np.flatnonzero(np.diff(dark_rows.astype(int)) == 1)
        assert len(runs) >= h // 150 - 2, len(runs)
    x0, y0, x1, y1 = geo.table_bbox
    table = a[y0 - 20 : y1 + 20, x0:x1] < 128
    longest = max(_longest_run(row) for row in table)
    assert longest < 0.5 * (x1 - x0)  # no ruled line: typed dashes leave gaps
    dashed = [k for k, row in enumerate(table) if row.sum() > 0.3 * (x1 - x0)]
    assert len(dashed) >= 3  # over and under the heading, under the totals (and between the rows)
    band = a[:, 200 : w - 200]
    assert ((band > 225) & (band < 248)).mean() > 0.2  # the grey bands
    stamps = [np.asarray(m["polygon"]) for m in geo.marks if m["kind"] == "stamp"]
    over = [q for q in stamps if abs(q[:, 1].mean() - y1) < 200]  # centred on the totals, the table's last line
    assert over
    cx, cy = over[0].mean(axis=0)
    ring = a[int(cy) - 200 : int(cy) + 200, int(cx) - 200 : int(cx) + 200]
    assert ((ring > 110) & (ring < 215)).sum() > 1500  # the blue ink: a grey lighter than the print


def _longest_run(row: np.ndarray) -> int:
    best = cur = 0
    for v in row:
        cur = cur + 1 if v else 0
        best = max(best, cur)
    return best


def test_family_p_out_of_focus_softens_the_strokes():
    """Scanned out of focus: every edge softer (the Laplacian's variance falls), the strokes still there."""
    import cv2

    from samples import degrade

    page8 = np.full((300, 600), 255, dtype=np.uint8)
    cv2.putText(page8, "1468.02", (20, 200), cv2.FONT_HERSHEY_SIMPLEX, 4, 0, 6)
    page = page8.astype(np.float32)
    soft = degrade.defocus(page, random.Random(2))
    assert cv2.Laplacian(soft, cv2.CV_32F).var() < 0.5 * cv2.Laplacian(page, cv2.CV_32F).var()
    assert soft.min() < 100


def test_family_p_pages_are_the_same_from_one_seed(tmp_path: Path):
    """Two runs of one seed give the same P pages (images and truth), and the truth is payroll-page/1."""
    from samples.generate import Options, generate_pages

    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        generate_pages(out, 2, 2041, options=Options(family="P"))
        h = hashlib.sha256()
        for f in sorted(out.iterdir()):
            h.update(f.name.encode() + f.read_bytes())
        digests.append(h.hexdigest())
        for png in sorted(out.glob("page-*.png")):
            page = PayrollPage.load(png.with_suffix(".json"))
            assert page.rows and all(r.egn and egn.is_valid(r.egn) for r in page.rows)
    assert digests[0] == digests[1]
