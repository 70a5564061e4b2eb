"""Days read a digit short of their ink (a phone's blurred `21` read `2` by both models, Q dev 9013 p2): read
again enlarged, a reading as wide as the ink that keeps the first reading's digits is taken, and the field
stays in review. No OCR: the engine's readings are given."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ocr import checks, short_days
from ocr.geometry import Box, Word


class _Grid:
    def cell(self, r: int, c: int) -> Box:
        return Box(c * 10, r * 10, c * 10 + 10, r * 10 + 10)


class _Readings:
    """An engine whose every mosaic reading is given, one text per cell, in the order asked."""

    def __init__(self, figures: list[list[str]], words: list[list[str]]) -> None:
        self.f, self.w = figures, words

    def figures(self, m: np.ndarray, *, whitelist: str) -> list[Word]:
        return [Word(t, 0.9, Box(0, 0, 1, 1)) for t in self.f.pop(0)]

    def words(self, m: np.ndarray, *, psm: int = 6, whitelist: str | None = None) -> list[Word]:
        return [Word(t, 0.9, Box(0, 0, 1, 1)) for t in self.w.pop(0)]


def _one_per_cell(a: object, boxes: list[object], read: object) -> list[list[Word]]:
    got = read(np.full((10, 10), 255, np.uint8))  # type: ignore[operator]
    return [[w] if w.text else [] for w in got]


def _row(days: int, ink: int, alts: list[int]) -> checks.RowDraft:
    d = checks.RowDraft(values={"name": "Иван Петров Иванов", "days_worked": days})
    d.ink_digits["days_worked"] = ink
    d.alts["days_worked"] = list(alts)
    return d


def test_days_read_a_digit_short_of_their_ink_are_read_again_enlarged_and_stay_in_review(monkeypatch):
    monkeypatch.setattr(short_days, "mosaic_read", _one_per_cell)
    drafts = [
        _row(2, 2, [2]),  # `21` read `2` twice, two digits of ink: the enlarged figures' model reads 21
        _row(21, 2, [2]),  # one reading as wide as the ink already: not read again
        _row(3, 1, [3]),  # one digit of ink: a `3` is a `3`
        _row(2, 2, [2]),  # enlarged `13` drops the `2` read twice: not taken; `7` is one digit: not taken
        _row(2, 2, []),  # no enlarged reading as wide as the ink: left as read
    ]
    s = SimpleNamespace(body_rows=[1, 2, 3, 4, 5])
    a = SimpleNamespace(grid=_Grid())
    engine = _Readings(figures=[["21", "13", "9"], ["", ""]], words=[["7", "4"], ["", ""]])
    short_days.reread_short_days(a, s, ["name", "days_worked"], drafts, engine)  # type: ignore[arg-type]
    assert [d.values["days_worked"] for d in drafts] == [21, 21, 3, 2, 2]
    assert drafts[0].review.reasons.get("days_worked") == checks.READINGS_DISAGREE  # a better guess, no proof
    assert 2 in drafts[0].alts["days_worked"]
    assert "days_worked" not in drafts[1].review and "days_worked" not in drafts[2].review


def test_a_reading_that_keeps_the_first_digits_in_order():
    assert short_days._keeps(2, 21) and short_days._keeps(2, 12) and short_days._keeps(3, 23)
    assert not short_days._keeps(2, 13) and not short_days._keeps(21, 21) and not short_days._keeps(21, 12)
