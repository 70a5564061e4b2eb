"""Table structure on documents nobody here made: the ICDAR 2013 adjacency scoring and the generic finder."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from archive_core.config import Settings
from bench.adjacency import (
    Cell,
    Table,
    normalise_loose,
    read_icdar_structure,
    relations,
    score_document,
    tables_from_structure,
)
from ocr.engine import OcrEngine, engine_from_settings


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> OcrEngine:
    """Documents in English: the engine of settings with the English text model."""
    return engine_from_settings(Settings(data_dir=tmp_path_factory.mktemp("en"), ocr_lang="eng"))


def grid(rows: list[list[str]], page: int = 1, origin: tuple[int, int] = (0, 0)) -> Table:
    """A table with 100x50 px cells; empty strings are empty cells."""
    ox, oy = origin
    cells = [
        Cell(r, c, text, bbox=(ox + 100 * c, oy + 50 * r, ox + 100 * c + 100, oy + 50 * r + 50))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]
    return Table(page, cells)


TRUTH = [["Country", "2010", "2011"], ["Austria", "1.5", "2.0"], ["Belgium", "3.1", "4.2"]]


def test_perfect_structure_scores_one():
    s = score_document([grid(TRUTH)], [grid(TRUTH)])
    assert s.truth == 12  # 3 rows x 2 horizontal pairs + 3 columns x 2 vertical pairs
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_whitespace_differences_do_not_count():
    got = [["Country\n", "2010", "2011"], ["Austria", " 1.5", "2.0"], ["Belgium", "3.1", "4.2\n"]]
    assert score_document([grid(TRUTH)], [grid(got)]).f1 == 1.0


def test_a_split_cell_lowers_recall_and_precision():
    truth = grid([["Gross domestic product", "12"], ["Exports", "7"]])
    split = grid([["Gross domestic", "product", "12"], ["Exports", "", "7"]])
    s = score_document([truth], [split])
    assert 0 < s.recall < 1
    assert 0 < s.precision < 1
    # the relation between the two lower cells survives: the empty cell between them is skipped
    assert ("Exports", "7", "h") in relations(split)


def test_empty_cells_are_skipped_over():
    t = grid([["a", "", "b"], ["", "", ""], ["c", "", "d"]])
    assert set(relations(t)) == {("a", "b", "h"), ("c", "d", "h"), ("a", "c", "v"), ("b", "d", "v")}


def test_spanning_cell_has_a_neighbour_in_each_row_it_spans():
    t = Table(1, [Cell(0, 0, "Region", row_span=2), Cell(0, 1, "x"), Cell(1, 1, "y"), Cell(2, 0, "Total")])
    assert set(relations(t)) == {
        ("Region", "x", "h"),
        ("Region", "y", "h"),
        ("x", "y", "v"),
        ("Region", "Total", "v"),
    }


def test_missed_table_lowers_recall_and_extra_table_lowers_precision():
    first = grid(TRUTH)
    second = grid(TRUTH, origin=(0, 1000))
    missed = score_document([first, second], [grid(TRUTH)])
    assert missed.precision == 1.0 and missed.recall == 0.5
    extra = score_document([first], [grid(TRUTH), grid([["x", "y"]], origin=(0, 2000))])
    assert extra.recall == 1.0 and extra.precision < 1.0


def test_prediction_is_matched_to_the_table_it_overlaps_most_on_its_own_page():
    on_page_two = grid(TRUTH, page=2)
    s = score_document([grid(TRUTH, page=1)], [on_page_two])
    assert s.correct == 0 and s.recall == 0.0
    # shifted a little but overlapping the right table: still matched
    assert score_document([grid(TRUTH)], [grid(TRUTH, origin=(15, 10))]).f1 == 1.0


def test_loose_normalisation_ignores_punctuation_and_case():
    assert normalise_loose("Total (EUR):") == normalise_loose("total EUR")


def test_icdar_ground_truth_coordinates_become_top_left_pixels(tmp_path: Path):
    xml = tmp_path / "x-str.xml"
    xml.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<document filename="x"><table id="1"><region id="1" page="2" col-increment="0" row-increment="0">
<cell id="1" start-col="0" start-row="0" end-col="1"><bounding-box x1="72" x2="144" y1="700" y2="712"/>
<content>Head
line</content></cell>
<cell id="2" start-col="0" start-row="1"><bounding-box x1="72" x2="100" y1="680" y2="690"/><content>a</content></cell>
<cell id="3" start-col="1" start-row="1"><bounding-box x1="110" x2="144" y1="680" y2="690"/><content/></cell>
</region></table></document>""",
        encoding="utf-8",
    )
    (t,) = read_icdar_structure(xml, {1: 842.0, 2: 792.0}, dpi=300)
    assert t.page == 2
    head = t.cells[0]
    assert head.col_span == 2 and head.row_span == 1
    assert head.bbox == pytest.approx((300, (792 - 712) * 300 / 72, 600, (792 - 700) * 300 / 72))
    assert set(relations(t)) == {("Head line", "a", "v")}  # the empty cell has no relations


def test_table_structure_document_is_read_back(tmp_path: Path):
    doc = {
        "schema": "table-structure/1",
        "image": "p.png",
        "width": 1000,
        "height": 1000,
        "tables": [
            {
                "bbox": [0, 0, 300, 150],
                "rows": 3,
                "cols": 3,
                "cells": [
                    {"row": r, "col": c, "row_span": 1, "col_span": 1, "bbox": [0, 0, 1, 1], "text": t}
                    for r, row in enumerate(TRUTH)
                    for c, t in enumerate(row)
                ],
            }
        ],
    }
    (t,) = tables_from_structure(json.loads(json.dumps(doc)), page=1)
    assert score_document([grid(TRUTH)], [t]).f1 == 1.0


# --- the generic finder on a page it has never seen: two tables, ruled and unruled, amid prose ------

FONT = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")
RULED = [["Country", "Exports", "Imports"], ["Austria", "12.5", "10.1"], ["Belgium", "30.2", "28.7"],
         ["Denmark", "8.4", "9.9"], ["Finland", "6.1", "5.3"]]  # fmt: skip
UNRULED = [["Year", "Staff", "Budget", "Offices"], ["2005", "120", "3,400", "12"], ["2006", "135", "3,950", "14"],
           ["2007", "151", "4,210", "15"], ["2008", "160", "4,480", "17"]]  # fmt: skip


def _draw_page() -> tuple[np.ndarray, list[Table]]:
    """An A4 page at 300 dpi with a prose line, a fully ruled table and an unruled one (a rule under the
    heading only); the truth as adjacency tables."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (2480, 3508), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 42)
    d.text((250, 250), "The tables below give the figures reported by the member states in 2008.", font=font)
    truth = []
    x0, y0, cw, rh = 300, 500, 420, 90
    cells = []
    for r, row in enumerate(RULED):
        for c, text in enumerate(row):
            d.text((x0 + c * cw + 25, y0 + r * rh + 22), text, font=font)
            cells.append(
                Cell(r, c, text, bbox=(x0 + c * cw, y0 + r * rh, x0 + (c + 1) * cw, y0 + (r + 1) * rh))
            )
    for r in range(len(RULED) + 1):
        d.line([(x0, y0 + r * rh), (x0 + 3 * cw, y0 + r * rh)], fill=0, width=4)
    for c in range(4):
        d.line([(x0 + c * cw, y0), (x0 + c * cw, y0 + len(RULED) * rh)], fill=0, width=4)
    truth.append(Table(1, cells))
    d.text((250, 1100), "Staff and budget of the agency grew every year of the period.", font=font)
    x0, y0, cw, rh = 300, 1400, 380, 75
    cells = []
    for r, row in enumerate(UNRULED):
        for c, text in enumerate(row):
            d.text((x0 + c * cw, y0 + r * rh), text, font=font)
            cells.append(
                Cell(r, c, text, bbox=(x0 + c * cw, y0 + r * rh, x0 + c * cw + 200, y0 + r * rh + 50))
            )
    d.line([(x0 - 20, y0 + 62), (x0 + 4 * cw, y0 + 62)], fill=0, width=3)
    truth.append(Table(1, cells))
    return np.asarray(img), truth


@pytest.mark.slow
def test_generic_finder_reads_a_ruled_and_an_unruled_table_on_one_page(english: OcrEngine):
    from ocr.structure import table_structure

    page, truth = _draw_page()
    doc = json.loads(table_structure(page, image_name="report.png", engine=english, dpi=300))
    assert doc["schema"] == "table-structure/1"
    found = tables_from_structure(doc, page=1)
    assert len(found) == 2
    s = score_document(truth, found)
    assert s.f1 >= 0.9, s.as_dict()
    # cell boxes are in the pixels of the image as given: each ruled cell's text lies in a found cell
    boxes = [c.bbox for t in found for c in t.cells if c.bbox]
    for c in truth[0].cells:
        assert c.bbox is not None
        x, y = c.bbox[0] + 25 + 30, c.bbox[1] + 22 + 20  # a point on the cell's first letters
        assert any(b[0] - 10 <= x <= b[2] + 10 and b[1] - 10 <= y <= b[3] + 10 for b in boxes), c.text


@pytest.mark.slow
def test_payroll_sheets_keep_the_payroll_grid(ocr_engine: OcrEngine):
    import cv2

    from ocr.structure import find_tables

    path = sorted((Path(__file__).parent / "fixtures" / "pages").glob("page-*.png"))[0]
    img = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
    auto = find_tables(img, engine=ocr_engine)
    assert auto == find_tables(img, engine=ocr_engine, finder="payroll")
    assert len(auto) == 1 and auto[0]["rows"] >= 10


@pytest.mark.slow
def test_generic_finder_reads_a_photocopy_of_the_page(english: OcrEngine):
    import random

    import cv2

    from bench.adjacency import map_tables
    from ocr.structure import table_structure
    from samples import degrade

    page, truth = _draw_page()
    rng, np_rng = random.Random(5), np.random.default_rng(5)
    img = degrade.speckles(degrade.noise(degrade.blur(degrade.uneven_light(page.astype(np.float32), rng), rng),
                                         rng, np_rng), rng, np_rng)  # fmt: skip
    img, m = degrade.skew(img, 0.8, 235.0)
    doc = json.loads(table_structure(degrade.to_uint8(img), image_name="copy.png", engine=english, dpi=300))
    found = map_tables(tables_from_structure(doc, page=1), cv2.invertAffineTransform(m))
    assert len(found) == 2
    assert score_document(truth, found).f1 >= 0.85
