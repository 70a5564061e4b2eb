"""Days figures read a digit short of their ink: a phone's blurred photograph of a typewriter's `21`, `22`
or `23` reads `2` to both models (the second digit run into the first; Q dev 9013 p2 three rows, 9015 p2
two, 9018 p1 one), and the ink beside it is two digits wide (``ocr.inkcount``). Such a cell is read once
more on the cells enlarged (``ENLARGED``: the figures' model, then the text model, 1.5 then 2 times, cubic),
and the first reading as wide as the ink that keeps the first reading's digits in order is taken. It stays
in review (the readings disagree): a reading the enlargement gave is no proof, only a better guess for the
person who checks it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from .analysis import Analysis
from .checks import READINGS_DISAGREE, RowDraft
from .engine import OcrEngine
from .geometry import Box, Word, text_lines
from .reading import mosaic_read
from .sheet import Sheet

DIGITS = "0123456789"
ENLARGED = (("figures", 1.5), ("words", 1.5), ("figures", 2.0), ("words", 2.0))


def _reader(engine: OcrEngine, model: str, f: float) -> Callable[[np.ndarray], list[Word]]:
    def read(m: np.ndarray) -> list[Word]:
        big = cv2.resize(m, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
        ws = engine.words(big, psm=6, whitelist=DIGITS) if model == "words" else engine.figures(big, whitelist=DIGITS)
        return [replace(w, box=Box(*(round(v / f) for v in (w.box.x0, w.box.y0, w.box.x1, w.box.y1)))) for w in ws]

    return read


def _keeps(short: int, x: int) -> bool:
    """``x`` holds the digits of ``short`` in order, with more of them (`2` in `21`, `21` in `213`)."""
    it = iter(str(x))
    return len(str(x)) > len(str(short)) and all(ch in it for ch in str(short))


def short_of_ink(d: RowDraft) -> bool:
    """The days read (every reading) with fewer digits than the ink is wide."""
    v, wide = d.values.get("days_worked"), d.ink_digits.get("days_worked")
    if not isinstance(v, int) or wide is None:
        return False
    readings = [v, *(x for x in d.alts.get("days_worked", []) if isinstance(x, int))]
    return all(len(str(x)) < wide for x in readings)


def reread_short_days(a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[RowDraft], engine: OcrEngine) -> None:
    """The days figures ``short_of_ink`` read again enlarged; the first reading as wide as the ink that keeps
    the first reading's digits taken, the field in review."""
    if "days_worked" not in kinds:
        return
    c = kinds.index("days_worked")
    todo = [i for i, d in enumerate(drafts) if i < len(s.body_rows) and short_of_ink(d)]
    for model, f in ENLARGED:
        if not todo:
            return
        boxes = [a.grid.cell(s.body_rows[i], c) for i in todo]
        read = mosaic_read(a, boxes, _reader(engine, model, f))
        for i, ws in zip(todo, read, strict=True):
            d = drafts[i]
            text = "".join(text_lines(ws))
            if not text.isdigit():
                continue
            x, v = int(text), d.values["days_worked"]
            if len(text) == d.ink_digits["days_worked"] and 1 <= x <= 31 and isinstance(v, int) and _keeps(v, x):
                d.alts.setdefault("days_worked", []).append(v)
                d.values["days_worked"] = x
                d.review.add("days_worked", READINGS_DISAGREE)
        todo = [i for i in todo if short_of_ink(drafts[i])]
