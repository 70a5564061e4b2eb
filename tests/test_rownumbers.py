"""The printed row numbers (`№ по ред`) are read, not counted (issue 9): under a stamp whose ring joins the
typed digits the column looked empty and every row went out without its number."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from archive_core.records import PayrollPage
from bench.scoring import Score
from ocr.engine import OcrEngine
from ocr.extract import extract_image
from ocr.rownumbers import darkest_ink

from .conftest import FIXTURES


def test_row_numbers_under_a_stamp_are_read_from_the_sheet(ocr_engine: OcrEngine):
    png = FIXTURES / "regression" / "hard-stamp-over-row-numbers.png"
    truth = PayrollPage.load(png.with_suffix(".json"))
    dpi = round(Image.open(png).info.get("dpi", (300, 300))[0])
    got = extract_image(cv2.imread(str(png), cv2.IMREAD_UNCHANGED), image_name=png.name, engine=ocr_engine, dpi=dpi)
    s = Score()
    s.add(truth, got)
    assert s.row_numbers == 3
    assert s.row_numbers_ok == s.row_numbers, [r.row for r in got.rows]


def test_only_figure_shaped_dark_ink_is_kept():
    gray = np.full((300, 120), 250, np.uint8)
    gray[40:80, 60:66] = 40  # a typed "1" in a row 100 high
    gray[10:290, 20:23] = 170  # a lighter stamp's ring across the rows
    gray[150:155, 90:93] = 40  # a dark speck
    kept = darkest_ink(gray, 100.0)
    assert (kept[40:80, 60:66] == 40).all()
    assert (kept[10:290, 20:23] == 255).all() and (kept[150:155, 90:93] == 255).all()
