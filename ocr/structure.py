"""The generic table stage (`archive tables`): grid and cell texts as table-structure/1, before any
payroll meaning is given to the columns.

The payroll grid finder goes first (one ruled grid, or an unruled sheet between long rules); when it
finds no table, the generic finder (ocr.generic: several ruled, partly ruled or unruled tables per
page) does. Cell texts come from one tesseract pass either way.
"""

from __future__ import annotations

import json

import numpy as np

from archive_core.errors import ExtractionError
from archive_core.records import SCHEMA_TABLE_STRUCTURE

from . import generic, tables, tess
from .extract import Analysis, _cell_words, _conf, _text, analyse
from .geometry import Word


def _grid_words(a: Analysis, lang: str) -> list[Word]:
    """One tesseract pass over the table's band of the page."""
    g = a.grid
    top = max(0, g.ys[0] - 6)
    bottom = min(a.clean.shape[0], g.ys[-1] + 8)
    return tess.words(a.clean[top:bottom], lang=lang, psm=6, offset=(0, top))


def structure_of(a: Analysis, *, lang: str = "bul") -> list[dict[str, object]]:
    """The payroll grid as one table-structure/1 table."""
    g = a.grid
    cells_words, _ = _cell_words(_grid_words(a, lang), g)
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
                    "text": _text(ws),
                    "confidence": round(_conf(ws), 2),
                }
            )
    return [{"bbox": a.transform.box_to_original(g.bbox), "rows": g.n_rows, "cols": g.n_cols, "cells": cells}]


FINDERS = ("auto", "payroll", "generic")


def _rows_hold_single_entries(a: Analysis) -> bool:
    """A ruled payroll grid has a rule under every row: a body row holding many text lines means the
    rules only frame a table whose rows are not ruled (a report's table), which the generic finder
    reads better."""
    g = a.grid
    if not g.ruled:
        return True
    for r in range(1, g.n_rows):
        bands = tables.text_bands(a.ink, g.ys[r] + 3, g.ys[r + 1] - 3, g.xs[0], g.xs[-1])
        if len(bands) > 3:
            return False
    return True


def _overlaps(a: list[int], b: list[int]) -> bool:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w > 0 and h > 0 and w * h > 0.2 * min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))


def find_tables(
    image: np.ndarray, *, dpi: int | None = None, lang: str = "bul", finder: str = "auto"
) -> list[dict[str, object]]:
    """All tables of a page image. ``finder``: "payroll" (the payroll grid or nothing), "generic", or
    "auto": the payroll grid when there is one (and its rows are ruled one entry each, when it is a
    ruled grid), plus the generic finder's tables elsewhere on the page; else the generic finder's."""
    if finder not in FINDERS:
        raise ValueError(f"unknown table finder {finder!r}")
    payroll: list[dict[str, object]] = []
    if finder != "generic":
        try:
            a = analyse(image, dpi=dpi)
        except ExtractionError:
            pass
        else:
            if finder == "payroll" or _rows_hold_single_entries(a):
                payroll = structure_of(a, lang=lang)
        if finder == "payroll":
            return payroll
    page = generic.prepare(image, dpi=dpi)
    words = generic.recognise_page(page, lang=lang)
    found = generic.structure_tables(page, generic.find_tables(page, words))
    if not payroll:
        return found
    grid_box: list[int] = payroll[0]["bbox"]  # type: ignore[assignment]
    return payroll + [t for t in found if not _overlaps(t["bbox"], grid_box)]  # type: ignore[arg-type]


def table_structure(
    image: np.ndarray, *, image_name: str, dpi: int | None = None, lang: str = "bul", finder: str = "auto"
) -> str:
    """table-structure/1 JSON text of one page image."""
    h, w = image.shape[:2]
    doc: dict[str, object] = {
        "schema": SCHEMA_TABLE_STRUCTURE,
        "image": image_name,
        "width": w,
        "height": h,
        "tables": find_tables(image, dpi=dpi, lang=lang, finder=finder),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
