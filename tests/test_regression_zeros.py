"""A sheet typed on a dot-matrix face whose zeros carry a bar (family E dev seed 504 page 5): every
'0,00' was read '8,00' or '9,00' and figures like '103,76' as '183,76' (56 of 72 fields right, 49 sent to
review). Read again, the zeros must be zeros (``ocr.zeros``). The fixture: tests/fixtures/regression/README.md."""

from __future__ import annotations

import cv2
from PIL import Image

from archive_core.records import PayrollPage
from bench.scoring import Score, match_rows
from ocr.engine import OcrEngine
from ocr.extract import extract_image

from .conftest import FIXTURES

MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")


def test_slashed_zeros_are_read_as_zeros(ocr_engine: OcrEngine):
    png = FIXTURES / "regression" / "e-slashed-zeros-read-as-eight.png"
    truth = PayrollPage.load(png.with_suffix(".json"))
    dpi = round(Image.open(png).info.get("dpi", (300, 300))[0])
    got = extract_image(
        cv2.imread(str(png), cv2.IMREAD_UNCHANGED), image_name=png.name, engine=ocr_engine, dpi=dpi
    )
    zeros = [(t.row, f, getattr(g, f) if g else None) for t, g in match_rows(truth.rows, got.rows)
             for f in MONEY if getattr(t, f) == "0.00"]  # fmt: skip
    assert zeros, "the sheet has rows without additional pay"
    wrong = [z for z in zeros if z[2] != "0.00"]
    assert not wrong, f"zero figures read otherwise (row, field, read): {wrong}"
    s = Score()
    s.add(truth, got)
    assert sum(s.silent.values()) == 0
    assert s.accuracy >= 0.85, (
        f"{sum(s.correct.values())} of {sum(s.truth_values.values())} fields right (before: 56 of 72)"
    )
