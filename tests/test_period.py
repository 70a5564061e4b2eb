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
    """An engine whose digits model reads ``text`` and whose text model reads ``word`` (``text`` unless
    given), counting how often it was asked."""

    def __init__(self, text: str, word: str | None = None) -> None:
        self.text, self.word, self.calls = text, text if word is None else word, 0

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        self.calls += 1
        return [Word(self.text, 0.9, Box(0, 0, image.shape[1], image.shape[0]))]

    def words(
        self, image: np.ndarray, *, psm: int = 6, whitelist: str | None = None, offset=(0, 0)
    ) -> list[Word]:
        self.calls += 1
        return [Word(self.word, 0.9, Box(0, 0, image.shape[1], image.shape[0]))]


PAGE: Any = SimpleNamespace(clean=np.full((400, 1200), 255, np.uint8), ink=np.zeros((400, 1200), np.uint8),
                            transform=Transform())  # fmt: skip


def _header(month: str, month_conf: float, year: str, year_conf: float) -> Header:
    h = Header(year=int(year), month=9)
    h.month_word = Word(month, month_conf, Box(400, 100, 560, 140))
    h.year_word = Word(year, year_conf, Box(580, 100, 680, 140))
    return h


def test_an_unsure_year_read_otherwise_a_second_time_goes_to_review_with_both_readings():
    h, engine = _header("септември", 0.96, "1995", 0.82), Digits("1996", "1995")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    # the text model read it again too and gives 1995 twice, but the digits model's year is taken where the
    # readings disagree (K dev 3002 p2: the text model "1988" twice, the digits model 1983, right), in review
    assert engine.calls == 2 and h.year == 1996 and h.year_readings == (1996, 1995)
    assert h.period_review is not None and "„1995“" in h.period_review and "„1996“" in h.period_review
    assert h.period_bbox == [580, 100, 680, 140]
    h = _header("юли", 0.96, "1989", 0.82)  # J dev 1009 p2: both second readings say 1985
    period.confirm(PAGE, h, Digits("1985"))  # type: ignore[arg-type]
    assert h.year == 1985 and h.period_review is not None and "1989" in h.period_review


def test_a_year_not_read_as_one_of_the_archive_is_read_again_and_taken_when_two_readings_agree():
    h = _header("септември", 0.96, "1994", 0.91)
    h.year, h.year_word = None, Word("Г994", 0.91, Box(580, 100, 680, 140))  # J dev 1011 p1: a speck on the 1
    period.confirm(PAGE, h, Digits("904", "994"))  # type: ignore[arg-type]
    assert (h.year, h.month, h.period_review) == (1994, 9, None)
    h = _header("септември", 0.96, "1995", 0.69)
    h.year, h.year_word = (
        None,
        Word("1895", 0.69, Box(580, 100, 680, 140)),
    )  # J dev 1007 p1: a dot-matrix year
    period.confirm(PAGE, h, Digits("5", "1995"))  # type: ignore[arg-type]
    assert (h.year, h.period_review) == (1995, None)
    h = _header("септември", 0.96, "1981", 0.5)  # J dev 1001 p1: '198!', a letter taken for a digit
    h.year_word = Word("198!", 0.5, Box(580, 100, 680, 140))
    period.confirm(PAGE, h, Digits("1984"))  # type: ignore[arg-type]
    assert (h.year, h.period_review) == (1984, None)
    h = _header("септември", 0.96, "1995", 0.69)
    h.year, h.year_word = None, Word("18?5", 0.69, Box(580, 100, 680, 140))
    period.confirm(PAGE, h, Digits("5", "7"))  # type: ignore[arg-type]
    assert (h.year, h.month, h.period_review) == (None, None, None)  # no year read: no period at all
    h.year, h.year_word, h.month, h.month_word = (
        None,
        Word("1895", 0.69, Box(580, 100, 680, 140)),
        9,
        Word("септември", 0.96, Box(400, 100, 560, 140)),
    )
    period.confirm(PAGE, h, Digits("1993", "1993"))  # type: ignore[arg-type]
    assert h.year == 1993 and h.period_review is not None  # two readings of 1993 against the first's 95


def test_a_year_read_the_same_twice_or_read_sure_is_no_doubt():
    h, engine = _header("септември", 0.96, "1995", 0.82), Digits("1995")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert h.period_review is None and engine.calls == 1
    h, engine = _header("септември", 0.96, "1995", 0.95), Digits("1995")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert h.period_review is None and engine.calls == 1  # sure, and read so again


def test_a_year_read_with_confidence_is_read_again_and_a_second_reading_against_it_is_a_doubt():
    h, engine = _header("септември", 0.96, "1995", 0.95), Digits("1996", "1995")
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert h.year == 1996 and h.period_review is not None and "1996" in h.period_review  # the digits model's
    h, engine = _header("септември", 0.96, "1995", 0.95), Digits("1335", "1995")  # a dot-matrix year: no year
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert (h.year, h.period_review, engine.calls) == (1995, None, 2)  # the text model reads it so again


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


def test_a_reading_of_the_year_word_gives_the_archives_year_it_can_only_be():
    assert [period.as_year(t) for t in ("1994", "Г994", "1895", "994", "1994г.", "19941", "1979", "94", "")] == [
        1994, 1994, 1995, 1994, 1994, 1994, None, None, None]  # fmt: skip


def test_a_year_read_with_confidence_that_no_second_reading_reads_at_all_stands_without_a_doubt():
    h, engine = _header("август", 0.96, "1991", 0.95), Digits("11991", "")  # I dev 905 p1: the rereads fail
    h.month = 8
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert (h.year, h.period_review) == (1991, None)
    h, engine = _header("август", 0.96, "1991", 0.7), Digits("11991", "")  # unsure: no second reading vouches
    h.month = 8
    period.confirm(PAGE, h, engine)  # type: ignore[arg-type]
    assert h.year == 1991 and h.period_review is not None


def test_where_the_readings_of_the_year_disagree_the_digits_model_s_is_taken_and_goes_to_review():
    for first, digits, right in (("1981", "1991", 1991), ("1989", "1980", 1980), ("1980", "1986", 1986)):
        h = _header("май", 0.96, first, 0.9)  # K dev 3004 p1, 3010 p1, M dev 5007 p2: no year by the text model
        period.confirm(PAGE, h, Digits(digits, "29"))  # type: ignore[arg-type]
        assert h.year == right and h.period_review is not None and f"„{digits}“" in h.period_review
    h = _header("април", 0.96, "1981", 0.9)  # K dev 3007 p2: "2983" is no reading of a year of the archive
    period.confirm(PAGE, h, Digits("2983", ""))  # type: ignore[arg-type]
    assert h.year == 1981 and h.period_review is not None
