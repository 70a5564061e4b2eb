"""The month in Roman numerals (family K dev 3006, 3010, 3008): the text model reads the strokes as Cyrillic
letters ("УТ" for VI) and the header finds no month; the figures' model reads the line again. A numeral
the two readings do not agree on goes to a person."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr import period, roman_month
from ocr.geometry import Box, Transform, Word
from ocr.header import parse_header
from ocr.roman_month import numeral_before_year


class Figures:
    """An engine whose figures' model reads ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        assert "V" in whitelist and "А" not in whitelist
        return [Word(self.text, 0.8, Box(0, 0, image.shape[1], image.shape[0]))]


PAGE: Any = SimpleNamespace(clean=np.full((600, 2480), 255, np.uint8), ink=np.zeros((600, 2480), np.uint8),
                            transform=Transform())  # fmt: skip


def _line(*words: tuple[str, float, tuple[int, int, int, int]]) -> list[Word]:
    return [Word(t, c, Box(*b)) for t, c, b in words]


EMPLOYER = _line(("ТКЗС", 0.87, (145, 122, 227, 151)), ("„Н.", 0.87, (249, 123, 303, 155)),
                 ("Вапцаров“", 0.91, (333, 121, 517, 156)), ("л.", 0.80, (2183, 129, 2213, 148)),
                 ("24", 0.96, (2279, 123, 2314, 148)))  # fmt: skip
TITLE = _line(("РАЗЧЕТНО-ПЛАТЕЖНА", 0.87, (942, 197, 1330, 229)), ("ВЕДОМОСТ", 0.96, (1355, 197, 1534, 233)))


def _period(*words: tuple[str, float, tuple[int, int, int, int]]) -> Any:
    return parse_header([*EMPLOYER, *TITLE, *_line(*words)], 2480)


def test_a_numeral_read_as_letters_is_read_again_and_sure_when_the_strokes_agree():
    h = _period(("за", 0.92, (1087, 269, 1123, 288)), ("м.", 0.91, (1145, 272, 1173, 289)),
                ("УТ", 0.73, (1201, 263, 1235, 288)), ("1988", 0.93, (1260, 263, 1334, 289)),
                ("Г.", 0.83, (1355, 259, 1384, 288)))  # fmt: skip
    assert h.month is None and h.period_line  # "УТ": no month for the text model
    roman_month.read_again(PAGE, h, Figures("3.VI1988."))  # type: ignore[arg-type]
    assert (h.month, h.year_word.text if h.year_word else None) == (6, "1988")
    assert h.month_unsure is None  # "УТ" is V and I: both readings say VI


def test_a_numeral_the_two_readings_disagree_on_goes_to_a_person():
    h = _period(("за", 0.93, (1132, 252, 1162, 289)), ("м.", 0.90, (1172, 252, 1200, 289)),
                ("УП", 0.92, (1215, 252, 1240, 289)), ("1980", 0.92, (1235, 256, 1346, 279)),
                ("г.", 0.92, (1320, 252, 1348, 289)))  # fmt: skip
    roman_month.read_again(PAGE, h, Figures(".VI1980."))  # type: ignore[arg-type]
    # the sheet said VII: "УП" is read as its strokes (У V, П II) and the second reading's VI disagrees
    assert h.month == 7 and h.month_unsure is not None and "VI" in h.month_unsure


def test_a_numeral_with_a_mark_no_stroke_of_one_goes_to_a_person_though_read_again_the_same():
    # AI dev 27007 p2 (a title block's small lettering): "м. XI 1991 г." read "м Х! 1991 г." by the text model and
    # "X" by the figures' model, both without the last stroke; taken for X unflagged (a silent wrong month)
    h = _period(("м", 0.90, (1172, 252, 1200, 289)), ("Х!", 0.80, (1215, 252, 1262, 289)),
                ("1991", 0.92, (1280, 256, 1380, 289)), ("г.", 0.92, (1392, 252, 1420, 289)))  # fmt: skip
    assert h.month is None and h.period_line
    roman_month.read_again(PAGE, h, Figures("X1991"))  # type: ignore[arg-type]
    assert h.month_unsure is not None  # "!" is an I's look-alike: XI or X, a person decides
    h = _period(("м", 0.90, (1172, 252, 1200, 289)), ("И!", 0.80, (1215, 252, 1262, 289)),
                ("1990", 0.92, (1280, 256, 1380, 289)), ("г.", 0.92, (1392, 252, 1420, 289)))  # fmt: skip
    roman_month.read_again(PAGE, h, Figures("VII1990"))  # type: ignore[arg-type]
    assert h.month == 7 and h.month_unsure is not None  # "И!" for VIII: a letter no numeral has


def test_a_number_taken_for_the_month_read_otherwise_again_goes_to_a_person():
    h = _period(("за", 0.92, (1087, 269, 1123, 288)), ("м.", 0.91, (1145, 272, 1173, 289)),
                ("1", 0.95, (1201, 263, 1235, 288)), ("1985", 0.93, (1260, 263, 1334, 289)))  # fmt: skip
    assert h.month == 1 and h.month_unsure is None  # "1" read with confidence: the sheet said III
    roman_month.read_again(PAGE, h, Figures("III"))  # type: ignore[arg-type]
    assert h.month == 1 and h.month_unsure is not None and "III" in h.month_unsure


def test_the_numeral_just_before_the_year():
    assert numeral_before_year("3.VI1988.") == "VI"
    assert numeral_before_year("3X1.1993") == "XI"  # a stroke read as a digit
    assert numeral_before_year("3II1.1983") == "III"
    assert numeral_before_year("30VIII.1988.") == "VIII"
    # "за VII месец 1980 година": "месец" left out, "година" read as digits after the year the first reading gave
    assert numeral_before_year("3VII198020") is None
    assert numeral_before_year("3VII198020", "1980") == "VII"
    assert numeral_before_year("341996.") is None  # a month word: no numeral


def test_a_month_word_misread_by_a_letter_right_before_the_year_is_the_month_in_doubt():
    h = _period(("за", 0.89, (1092, 277, 1130, 311)), ("н,", 0.81, (1148, 287, 1172, 311)),
                ("ини", 0.28, (1201, 277, 1250, 311)), ("1981", 0.84, (1268, 277, 1330, 311)))  # fmt: skip
    assert (h.year, h.month) == (1981, 6)  # K dev 3007 p4: "юни", its "м." read "н," too
    assert period._month_doubt(h) is not None  # "ини" is one letter from "юни", two from "юли"


def test_a_numeral_glued_to_the_year_is_compared_without_the_year_s_digits():
    h = _period(("за", 0.96, (1053, 340, 1090, 366)), ("месец:", 0.91, (1110, 340, 1200, 366)),
                ("УТТ.1988", 0.8, (1227, 335, 1380, 372)), ("г.", 0.96, (1389, 340, 1410, 366)))  # fmt: skip
    assert h.month is None and h.period_line
    roman_month.read_again(PAGE, h, Figures("3VII.1988."))  # type: ignore[arg-type]
    assert h.month == 7 and h.month_unsure is None  # "УТТ" is V, I, I; the 1s of 1988 are no strokes
    assert h.year_word is not None and h.year_word.text == "1988"


def test_a_numeral_the_figures_model_reads_the_same_is_sure():
    h = _period(("м,", 0.9, (1082, 331, 1110, 360)), ("Х-", 0.81, (1140, 331, 1196, 360)),
                ("1991", 0.95, (1221, 331, 1306, 360)), ("год.", 0.92, (1328, 331, 1388, 360)))  # fmt: skip
    assert h.month == 10 and h.month_unsure is not None  # K dev 3004 p4: a Cyrillic "Х" taken for X
    roman_month.read_again(PAGE, h, Figures("X-3"))  # type: ignore[arg-type]  # the year's first digit beside it
    assert h.month == 10 and h.month_unsure is None and h.month_word is not None and h.month_word.conf >= 0.9
    assert period._month_doubt(h) is None


def test_the_month_in_a_reading_of_its_word_alone():
    assert roman_month.month_in("X-3") == "X"
    assert roman_month.month_in("03") == "03"
    assert roman_month.month_in("1.3") is None  # two numbers: which?


def test_a_numeral_typed_or_read_as_cyrillic_look_alikes_is_the_month_in_doubt():
    from ocr.header import Header, month_as_number, read_period

    h = Header()  # L dev 4010 p1: the title and the period on one line, "II" read as a Cyrillic "П"
    read_period([Word(t, 0.8, Box(i * 100, 0, i * 100 + 90, 30)) for i, t in enumerate(["ЗА", "П-1985", "Г."])], h)
    assert (h.month, h.year) == (2, 1985) and h.month_unsure is not None  # a letter taken for strokes: in doubt
    assert month_as_number("П1")[0] == 3 and month_as_number("Ш")[0] == 3 and month_as_number("У")[0] == 5
    assert month_as_number("ПП") == (None, None)  # no numeral


class ByWidth:
    """An engine whose figures' model reads the whole period's line (a crop wider than ``narrow``) as ``wide``,
    and the month's and year's words alone as ``alone``."""

    def __init__(self, wide: str, alone: str, narrow: int) -> None:
        self.wide, self.alone, self.narrow = wide, alone, narrow

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        text = self.wide if image.shape[1] > self.narrow else self.alone
        return [Word(text, 0.8, Box(0, 0, image.shape[1], image.shape[0]))]


def test_a_months_number_the_lines_opening_read_as_digits_hides_is_read_from_the_words_before_the_year():
    """AO dev 33001 p13: "за 03.1994 г." read "за #3. 1994 г." (no period); the figures' model read the line
    "3403.1994." ("за" as "34"): no month number stood alone before the year. The month's word and the year
    read alone give "03.1994": the month, in doubt (one reading gave it)."""
    h = _period(("за", 0.96, (1077, 269, 1100, 291)), ("#3.", 0.0, (1117, 269, 1151, 291)),
                ("1994", 0.0, (1159, 269, 1205, 291)), ("г.", 0.95, (1224, 269, 1243, 291)))  # fmt: skip
    assert h.month is None and h.period_line
    roman_month.read_again(PAGE, h, ByWidth("3403.1994.", "03.1994", 150))  # type: ignore[arg-type]
    assert (h.month, h.year_word.text if h.year_word else None) == (3, "1994")
    assert h.month_unsure is not None and "03.1994" in h.month_unsure


def test_a_month_number_read_nowhere_alone_gives_no_month():
    h = _period(("за", 0.96, (1077, 269, 1100, 291)), ("#3.", 0.0, (1117, 269, 1151, 291)),
                ("1994", 0.0, (1159, 269, 1205, 291)), ("г.", 0.95, (1224, 269, 1243, 291)))  # fmt: skip
    roman_month.read_again(PAGE, h, ByWidth("3403.1994.", "3403.1994", 150))  # type: ignore[arg-type]
    assert h.month is None
