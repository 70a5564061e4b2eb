"""The sheet's period read once more where it was unsure (``ocr.period``): a wrong month or year would put
every row of the sheet in another month and no sum would notice, so a doubt goes to a person."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import numpy as np

from archive_core.records import PayrollPage
from ingest.records import person_months
from ocr import period
from ocr.geometry import Box, Transform, Word
from ocr.header import Header


class Digits:
    """An engine whose digits model reads ``text`` (and counts how often it was asked)."""

    def __init__(self, text: str) -> None:
        self.text, self.calls = text, 0

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        self.calls += 1
        return [Word(self.text, 0.9, Box(0, 0, image.shape[1], image.shape[0]))]


PAGE: Any = SimpleNamespace(clean=np.full((400, 1200), 255, np.uint8), transform=Transform())


def _header(month: str, month_conf: float, year: str, year_conf: float) -> Header:
    h = Header(year=int(year), month=9)
    h.month_word = Word(month, month_conf, Box(400, 100, 560, 140))
    h.year_word = Word(year, year_conf, Box(580, 100, 680, 140))
    return h


def test_an_unsure_year_read_otherwise_a_second_time_goes_to_review_with_both_readings():
    h, engine = _header("септември", 0.96, "1995", 0.82), Digits("1996")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert engine.calls == 1 and h.year == 1995
    assert h.period_review is not None and "„1995“" in h.period_review and "„1996“" in h.period_review
    assert h.period_bbox == [580, 100, 680, 140]


def test_a_year_read_the_same_twice_or_read_sure_is_no_doubt():
    h, engine = _header("септември", 0.96, "1995", 0.82), Digits("1995")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert h.period_review is None and engine.calls == 1
    h, engine = _header("септември", 0.96, "1995", 0.95), Digits("1996")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert h.period_review is None and engine.calls == 0  # sure: not read again


def test_june_and_july_one_letter_apart_are_doubted_when_unsure_other_months_are_not():
    for word, conf, doubted in [("юли", 0.70, True), ("юни", 0.95, False), ("Юлн", 0.95, True),
                                ("септемвои", 0.60, False), ("май", 0.80, True), ("март", 0.97, False)]:  # fmt: skip
        h = _header(word, conf, "1987", 0.97)
        h.month = {"юли": 7, "юни": 6, "юлн": 7, "септемвои": 9, "май": 5, "март": 3}[word.lower()]
        period.confirm(PAGE, h, Digits("1987"))  # type: ignore[arg-type]
        assert (h.period_review is not None) == doubted, word


def test_a_doubted_period_sends_every_row_of_the_page_to_review_for_its_period():
    page = PayrollPage.model_validate(
        {
            "image": "p.png",
            "period": {"year": 1995, "month": 9, "review": "годината е прочетена „1995“, при втори прочит „1996“",
                       "bbox": [580, 100, 680, 140]},
            "rows": [{"row": 1, "egn": "5003140242", "days_worked": 20, "review": []}],
        }
    )  # fmt: skip
    (pm,) = person_months(page, page_sha256="0" * 64, employer=None, file_no=None, box=None)
    assert {"year", "month"} <= set(pm.review) and pm.review_reasons["year"].reason == "period"
    assert pm.review_reasons["year"].bbox == [580, 100, 680, 140]
    undoubted = json.loads(
        PayrollPage.model_validate({"image": "q.png", "period": {"year": 1995, "month": 9}}).to_json()
    )
    assert undoubted["period"] == {
        "year": 1995,
        "month": 9,
    }  # payroll-page/1 as before when there is no doubt
