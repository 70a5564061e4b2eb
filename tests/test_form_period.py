"""The period typed on a form's printed blank "за месец ........ 19 .. г." (family AP), read again alone where the
page's reading left it unread."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr.form_period import read_form_period
from ocr.geometry import Box, Word
from ocr.header import Header

LABEL = [Word("за", 0.96, Box(100, 341, 120, 353)), Word("месец", 0.96, Box(130, 341, 190, 354))]


class _Engine:
    """Reads the strip as ``texts`` (one word per text, left to right), and notes the strips it was given."""

    def __init__(self, texts: list[str]) -> None:
        self.texts, self.seen = texts, []

    def words(self, image: np.ndarray, **_: Any) -> list[Word]:
        self.seen.append(image.copy())
        return [Word(t, 0.9, Box(40 * k, 0, 40 * k + 30, 20)) for k, t in enumerate(self.texts)]


def _page() -> Any:
    gray = np.full((500, 800), 220, np.uint8)
    for x in range(195, 560, 9):  # the printed dotted line at the label's foot
        gray[350:353, x : x + 3] = 80
    gray[322:345, 210:260] = 30  # the typed month, above the dots
    return SimpleNamespace(gray=gray)


def test_a_month_and_year_typed_on_the_blanks_are_read_and_a_year_under_the_printed_19_goes_to_a_person():
    # AP dev 34001 p2-p3: "за месец 06 .... 19 89 г." read "06" and "189" (the printed 19's "9" under the "89")
    h = Header()
    engine = _Engine(["06", "189", "г."])
    read_form_period(_page(), h, LABEL, engine)  # type: ignore[arg-type]
    assert (h.month, h.year) == (6, 1989)
    assert h.period_review is not None and "189" in h.period_review
    strip = engine.seen[0]
    assert strip.min() < 100  # the typed month is in the strip ...
    assert (strip[-12:] > 200).all()  # ... the dotted line's dots are not


def test_a_month_word_and_its_year_are_read_without_a_doubt_and_a_first_reading_is_never_overruled():
    h = Header()
    read_form_period(_page(), h, LABEL, _Engine(["юни", "1996", "г."]))  # type: ignore[arg-type]
    assert (h.month, h.year, h.period_review) == (6, 1996, None)
    other = Header(year=1995)  # the page's reading gave another year: a person decides, not this reading
    read_form_period(_page(), other, LABEL, _Engine(["юни", "1996", "г."]))  # type: ignore[arg-type]
    assert (other.month, other.year) == (None, 1995)
    unlabelled = Header()  # no printed "за месец": nothing is read
    read_form_period(_page(), unlabelled, [], _Engine(["юни", "1996"]))  # type: ignore[arg-type]
    assert (unlabelled.month, unlabelled.year) == (None, None)


def test_a_year_read_apart_from_half_the_printed_19_is_put_together_and_goes_to_a_person():
    # AP dev 34005 p3: "за месец МАЙ .... 19 86 г." read "МАЙ" "9" "86" twice as large
    h = Header()
    read_form_period(_page(), h, LABEL, _Engine(["МАЙ", "9", "86", "г."]))  # type: ignore[arg-type]
    assert (h.month, h.year) == (5, 1986)
    assert h.period_review is not None and "9 86" in h.period_review
