"""A ЕГН typed in the ten boxes of a printed form (family N): the boxes' sides are taken off before the
digits pass, so the ЕГН is read (N dev 6001 p6-p8: `442`, `47470` read for the ЕГН, no ЕГН column found and
every field of every row sent to review for it). A ЕГН typed without boxes keeps every stroke: a monospaced
face's digit stems stand at one pitch too, but no taller than the digits."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.analysis import Analysis
from ocr.box_rules import take_off_sides
from ocr.engine import OcrEngine
from ocr.geometry import Grid
from ocr.reading import NUMERIC_CHARS, mosaic_read

FONT = "/usr/share/fonts/truetype/hack/Hack-Bold.ttf"
EGNS = ["6603022412", "4710047630", "4707091073", "5201144945"]
PITCH, SIZE = 30, 34


def _page(boxed: bool) -> Analysis:
    xs, ys = [0, 420], [0, 60, *(60 + 60 * (r + 1) for r in range(len(EGNS)))]
    img = Image.new("L", (xs[-1], ys[-1]), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, SIZE)
    for r, egn in enumerate(EGNS):
        top = ys[r + 1] + 10
        for i, ch in enumerate(egn):
            draw.text((40 + i * PITCH + PITCH / 2, top + 4), ch, font=font, fill=0, anchor="ma")
        if boxed:  # the sides only: the rules above and below go with the table's ruling
            for i in range(len(egn) + 1):
                draw.line([(40 + i * PITCH, top), (40 + i * PITCH, top + 42)], fill=0, width=2)
    gray = np.asarray(img, dtype=np.uint8).copy()
    ink = np.where(gray < 128, 255, 0).astype(np.uint8)
    return Analysis(gray, ink, gray.copy(), Grid(xs=xs, ys=ys, ruled=True), None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]


def _read(a: Analysis, engine: OcrEngine) -> list[str]:
    boxes = [a.grid.cell(r, 0) for r in range(1, a.grid.n_rows)]
    return [
        "".join(w.text for w in ws)
        for ws in mosaic_read(a, boxes, lambda m: engine.figures(m, whitelist=NUMERIC_CHARS))
    ]


def test_the_boxes_sides_are_taken_off_and_the_egn_is_read(ocr_engine: OcrEngine) -> None:
    a = _page(boxed=True)
    assert _read(a, ocr_engine) != EGNS  # the sides read as figures
    assert take_off_sides(a, ["numeric"]) == len(EGNS)
    assert _read(a, ocr_engine) == EGNS


def test_an_egn_without_boxes_keeps_its_strokes() -> None:
    a = _page(boxed=False)
    before = a.clean.copy()
    assert take_off_sides(a, ["numeric"]) == 0 and (a.clean == before).all()


def test_longest_runs_takes_each_columns_first_longest_run() -> None:
    """Per pixel column the longest run of ink down it, the top one of two as long, and nothing in a
    column of paper: the run a box's side is measured by (a side touching a digit is still one run)."""
    from ocr.box_rules import _longest_runs

    cell = np.zeros((12, 4), bool)
    cell[1:4, 0] = cell[6:9, 0] = True  # two runs of 3: the top one
    cell[0:2, 1] = cell[4:11, 1] = True  # the lower, longer one
    cell[:, 3] = True  # the whole height
    best, start, end = _longest_runs(cell)
    assert best.tolist() == [3, 7, 0, 12]
    assert start.tolist() == [1, 4, 0, 0]
    assert end.tolist() == [4, 11, 0, 12]
