"""The generic table stage (`archive tables`): grid and cell texts as table-structure/1, before any
payroll meaning is given to the columns."""

from __future__ import annotations

import json

import numpy as np

from archive_core.errors import ExtractionError
from archive_core.records import SCHEMA_TABLE_STRUCTURE

from .extract import Analysis, _cell_words, _conf, _text, analyse, recognise


def structure_of(a: Analysis, image_name: str, width: int, height: int) -> dict[str, object]:
    g = a.grid
    words, _ = recognise(a)
    cells_words, _ = _cell_words(words, g)
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
    return {
        "schema": SCHEMA_TABLE_STRUCTURE,
        "image": image_name,
        "width": width,
        "height": height,
        "tables": [
            {
                "bbox": a.transform.box_to_original(g.bbox),
                "rows": g.n_rows,
                "cols": g.n_cols,
                "cells": cells,
            }
        ],
    }


def table_structure(image: np.ndarray, *, image_name: str, dpi: int | None = None) -> str:
    h, w = image.shape[:2]
    try:
        a = analyse(image, dpi=dpi)
    except ExtractionError:
        doc: dict[str, object] = {
            "schema": SCHEMA_TABLE_STRUCTURE, "image": image_name, "width": w, "height": h, "tables": []
        }  # fmt: skip
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(structure_of(a, image_name, w, h), ensure_ascii=False, indent=2) + "\n"
