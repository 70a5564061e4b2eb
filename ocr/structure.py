"""The generic table stage (`archive tables`): grid and cell texts as table-structure/1, before any
payroll meaning is given to the columns.

The payroll grid finder goes first (one ruled grid, or an unruled sheet between long rules); when it
finds no table, or a grid without a column of personal numbers (not a payroll sheet), the generic
finder (ocr.generic: several ruled, partly ruled or unruled tables per page) does.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np

from archive_core.errors import ExtractionError
from archive_core.records import SCHEMA_TABLE_STRUCTURE

from . import generic
from .analysis import Analysis, analyse
from .engine import OcrEngine
from .geometry import Word, reading_text
from .reading import cell_words, confidence


def _grid_words(a: Analysis, engine: OcrEngine) -> list[Word]:
    """One pass of the text model over the table's band of the page."""
    g = a.grid
    top = max(0, g.ys[0] - 6)
    bottom = min(a.clean.shape[0], g.ys[-1] + 8)
    return engine.words(a.clean[top:bottom], psm=6, offset=(0, top))


def structure_of(a: Analysis, *, engine: OcrEngine) -> list[dict[str, Any]]:
    """The payroll grid as one table-structure/1 table."""
    g = a.grid
    cells_words, _ = cell_words(_grid_words(a, engine), g)
    cells = []
    for r in range(g.n_rows):
        for c in range(g.n_cols):
            ws = cells_words.get((r, c), [])
            if not ws:
                continue
            cells.append(
                {
                    "row": r,
                    "col": c,
                    "row_span": 1,
                    "col_span": 1,
                    "bbox": a.transform.box_to_original(g.cell(r, c)),
                    "text": reading_text(ws),
                    "confidence": round(confidence(ws), 2),
                }
            )
    return [{"bbox": a.transform.box_to_original(g.bbox), "rows": g.n_rows, "cols": g.n_cols, "cells": cells}]


FINDERS = ("auto", "payroll", "generic")


def _egn_rows(table: dict[str, Any]) -> float:
    """Share of body rows (after the heading row) holding a word that reads as a personal number."""
    rows: dict[int, bool] = {}
    for c in table["cells"]:
        if c["row"] == 0:
            continue
        hit = False
        for token in str(c["text"]).split():
            digits = re.sub(r"\D", "", token)
            hit = hit or (9 <= len(digits) <= 11 and len(digits) >= 0.8 * len(token))
        rows[c["row"]] = rows.get(c["row"], False) or hit
    return sum(rows.values()) / max(1, int(table["rows"]) - 1)


def find_tables(
    image: np.ndarray, *, engine: OcrEngine, dpi: int | None = None, finder: str = "auto"
) -> list[dict[str, Any]]:
    """All tables of a page image. ``finder``: "payroll" (the payroll grid or nothing), "generic", or
    "auto": the payroll grid when there is one and it is a payroll sheet's (a column of personal
    numbers, ЕГН, in at least a third of its rows), else the generic finder's tables. Documents that
    are not payroll sheets often have a frame of rules or two long rules that the payroll finder would
    take for a sheet's grid; the generic finder reads them far better."""
    if finder not in FINDERS:
        raise ValueError(f"unknown table finder {finder!r}")
    if finder != "generic":
        try:
            a = analyse(image, dpi=dpi)
        except ExtractionError:
            if finder == "payroll":
                return []
        else:
            payroll = structure_of(a, engine=engine)
            if finder == "payroll" or _egn_rows(payroll[0]) >= 1 / 3:
                return payroll
    page = generic.prepare(image, dpi=dpi)
    words = generic.recognise_page(page, engine=engine)
    return generic.structure_tables(page, generic.find_tables(page, words))


def table_structure(
    image: np.ndarray, *, image_name: str, engine: OcrEngine, dpi: int | None = None, finder: str = "auto"
) -> str:
    """table-structure/1 JSON text of one page image."""
    h, w = image.shape[:2]
    doc: dict[str, object] = {
        "schema": SCHEMA_TABLE_STRUCTURE,
        "image": image_name,
        "width": w,
        "height": h,
        "tables": find_tables(image, engine=engine, dpi=dpi, finder=finder),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
