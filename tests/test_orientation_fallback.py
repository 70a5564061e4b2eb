"""The orientation detector can be wrong, not only unsure: `samples --hard all --seed 56` page-0009 (a portrait
sheet fed sideways on a landscape scan, kept as tests/fixtures/regression/hard-sideways-orientation-misjudged-
200dpi) was said to need a quarter turn the wrong way, only that turn was tried and the page failed with "no
table found". Here an engine whose detector always names that wrong turn reads the fixture."""

from __future__ import annotations

import numpy as np

from bench.scoring import Score
from ocr.engine import OcrEngine

from .conftest import read_regression_sheet


class WrongTurn:
    """The real engine, whose orientation detector names one quarter turn the wrong way."""

    def __init__(self, engine: OcrEngine, turns: int) -> None:
        self.engine, self.turns = engine, turns

    def words(self, image: np.ndarray, **kw: object) -> list:  # type: ignore[type-arg]
        return self.engine.words(image, **kw)  # type: ignore[arg-type]

    def figures(self, image: np.ndarray, *, whitelist: str) -> list:  # type: ignore[type-arg]
        return self.engine.figures(image, whitelist=whitelist)

    def orientation(self, gray: np.ndarray, *, dpi: int) -> int:
        return self.turns


def test_a_page_the_detector_turns_the_wrong_way_is_still_read(ocr_engine: OcrEngine):
    truth, got = read_regression_sheet("hard-sideways-orientation-misjudged-200dpi", WrongTurn(ocr_engine, 1))
    s = Score()
    s.add(truth, got)
    assert s.rows_found == len(truth.rows) and s.row_numbers_ok == s.row_numbers
    assert sum(s.silent.values()) == 0, s.silent
