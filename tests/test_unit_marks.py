"""A unit typed after every figure of a column (family N: `192,41 лв`) is taken off before the digits model
reads the figures: left on, `33,46 лв` was read `33,467` and `70,09 лв` `19609--` (N dev 6001 p16/p18: the
deductions and the net pay failing every row sum, the pages sent to review whole). Figures typed apart
(stotinki after a space, `164 18`) are no unit and stay."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.analysis import Analysis
from ocr.engine import OcrEngine
from ocr.geometry import Box, Grid
from ocr.reading import NUMERIC_CHARS, mosaic_read
from ocr.unit_marks import take_off_units

FONT = "/usr/share/fonts/truetype/hack/Hack-Italic.ttf"  # family N's dot-matrix face (fonts-hack)
WITH_UNIT = ["192,41 лв", "37,72 лв", "178,76 лв", "255,27 лв", "268,44 лв"]
APART = ["164 18", "142 43", "185 73", "242 19", "170 06"]  # leva and stotinki typed apart: figures


def _page() -> Analysis:
    xs, ys = [0, 400, 800], [0, 60, *(60 + 60 * (r + 1) for r in range(len(WITH_UNIT)))]
    img = Image.new("L", (xs[-1], ys[-1]), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 34)
    for r, texts in enumerate(zip(WITH_UNIT, APART, strict=True)):
        for c, t in enumerate(texts):
            draw.text((xs[c + 1] - 20, ys[r + 1] + 12), t, font=font, fill=0, anchor="ra")
    gray = np.asarray(img, dtype=np.uint8).copy()
    ink = np.where(gray < 128, 255, 0).astype(np.uint8)
    return Analysis(gray, ink, gray.copy(), Grid(xs=xs, ys=ys, ruled=True), None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]


def _read(a: Analysis, c: int, engine: OcrEngine) -> list[str]:
    boxes = [a.grid.cell(r, c) for r in range(1, a.grid.n_rows)]
    read = mosaic_read(a, boxes, lambda m: engine.figures(m, whitelist=NUMERIC_CHARS))
    return ["".join(w.text for w in ws) for ws in read]


def test_the_unit_after_every_figure_is_taken_off_and_figures_apart_stay(ocr_engine: OcrEngine) -> None:
    a = _page()
    assert _read(a, 0, ocr_engine)[1] == "37,721"  # as read with the unit on: 37.72 read 377.21
    before = a.clean[:, 400:].copy()
    assert take_off_units(a, ["numeric", "numeric"], ocr_engine) == len(WITH_UNIT)
    assert _read(a, 0, ocr_engine) == [t.removesuffix(" лв") for t in WITH_UNIT]
    assert (a.clean[:, 400:] == before).all()  # `164 18`: untouched


def test_a_unit_read_as_words_after_the_amount_leaves_a_money_column() -> None:
    # N dev 6001 p16: the net pay's column, stamps beside it, read by the text model (`234,20 лв`,
    # `202,41 ла |ИЗЯПАТЕНО|`): no money column, and the deductions beside it were taken for the net pay
    from ocr import columns
    from ocr.geometry import Word
    from ocr.sheet import Sheet
    from ocr.unit_marks import strip_unit_words

    rows = [["1", "Васил Цветанов Иванов", "192,41", "73,12", "265,53", "31,33", "234,20 лв"],
            ["2", "Лиляна Стоянова Петрова", "37,72", "9,43", "47,15", "9,38", "37,77 лв"],
            ["3", "Борис Георгиев Славов", "178,76", "53,63", "232,39", "29,98", "202,41 ла |ИЗЯПАТЕНО|"],
            ["4", "Пламен Георгиев Илиев", "255,27", "33,19", "288,46", "33,46", "255,00 ла"]]  # fmt: skip
    totals = ["", "Всичко", "663,16", "169,37", "833,53", "104,15", "729,38 лв"]
    cells = {(5, c): [Word(t, 0.9, Box(10 * c, 0, 10 * c + 9, 9))] for c, t in enumerate(totals) if t}
    s = Sheet(cells, None, [""] * 7, [1, 2, 3, 4], 5, None, [list(r) for r in rows])  # type: ignore[arg-type]
    strip_unit_words(s)
    assert [r[6] for r in s.texts] == ["234,20", "37,77", "202,41", "255,00"] and s.text(5, 6) == "729,38"
    kinds = columns.identify(s.texts, s.headings, [s.text(5, c) for c in range(7)])
    assert kinds[2:] == ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _column(texts: list[str]) -> Analysis:
    xs, ys = [0, 400], [0, 60, *(60 + 60 * (r + 1) for r in range(len(texts)))]
    img = Image.new("L", (xs[-1], ys[-1]), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 34)
    for r, t in enumerate(texts):
        draw.text((xs[1] - 20, ys[r + 1] + 12), t, font=font, fill=0, anchor="ra")
    gray = np.asarray(img, dtype=np.uint8).copy()
    ink = np.where(gray < 128, 255, 0).astype(np.uint8)
    return Analysis(gray, ink, gray.copy(), Grid(xs=xs, ys=ys, ruled=True), None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]


def test_units_on_most_cells_only_from_the_columns_middle_down_are_found_and_too_few_are_not(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A column's cells are looked into until a unit in every cell left could no longer make most of them
    (issue 9: CPU per page): units on the last six of ten cells are still found, on the last five none, and
    then the cells past the fifth plain one are not looked into."""
    from ocr import unit_marks

    plain = [t.removesuffix(" лв") for t in WITH_UNIT]
    six = unit_marks.unit_pieces(_column(plain[:4] + WITH_UNIT + WITH_UNIT[:1]), [0])
    assert len(six) == 6 and min(p.y0 for p in six) >= 60 + 60 * 4
    looked: list[int] = []
    real = unit_marks.trailing_unit

    def counted(ink, box):  # type: ignore[no-untyped-def]
        looked.append(box.y0)
        return real(ink, box)

    monkeypatch.setattr(unit_marks, "trailing_unit", counted)
    assert unit_marks.unit_pieces(_column(plain + WITH_UNIT), [0]) == []
    assert max(looked) < 60 + 60 * 5  # the five units after five plain figures were never looked for
