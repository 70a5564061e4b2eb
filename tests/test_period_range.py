"""The period written as a range of days (family N: "от 01.08.1992 до 31.08.1992 г.", "за периода 1.IX -
30.IX.1984 г.", "от 1 до 31 юли 1984 г."): read from the words of N dev pages whose period came out
missing (every row of the page in review) or taken from the title's line."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr import period
from ocr.geometry import Box, Transform, Word
from ocr.header import parse_header
from ocr.period_range import dated_range


def _w(specs: tuple[tuple[str, float, tuple[int, int, int, int]], ...]) -> list[Word]:
    return [Word(t, c, Box(*b)) for t, c, b in specs]


def _line(*texts: str, conf: float = 0.95) -> list[Word]:
    return [Word(t, conf, Box(100 + 120 * i, 400, 200 + 120 * i, 430)) for i, t in enumerate(texts)]


class Reads:
    """An engine whose digits and text models read ``text`` (the year word read again alone)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        return [Word(self.text, 0.9, Box(0, 0, image.shape[1], image.shape[0]))]

    def words(
        self, image: np.ndarray, *, psm: int = 6, whitelist: str | None = None, offset=(0, 0)
    ) -> list[Word]:
        return [Word(self.text, 0.9, Box(0, 0, image.shape[1], image.shape[0]))]


PAGE: Any = SimpleNamespace(clean=np.full((600, 1400), 255, np.uint8), ink=np.zeros((600, 1400), np.uint8),
                            transform=Transform())  # fmt: skip
EMPLOYER = (("Мелница", 0.95, (207, 250, 340, 290)), ("„Зора“", 0.96, (350, 250, 450, 290)),
            ("гр.", 0.96, (460, 258, 500, 290)), ("Попово.", 0.94, (510, 250, 640, 290)))  # fmt: skip


def test_two_dates_of_one_month_give_the_period_and_the_year_is_its_own_word():
    # N dev 6006 p3: "от 01.11.1982 до 0.11.1982 г." (the last day's "3" worn away): no period was read
    words = _w((*EMPLOYER, ("от", 0.96, (1394, 416, 1420, 440)), ("01.11.1982", 0.96, (1430, 416, 1600, 440)),
                ("до", 0.91, (1610, 416, 1640, 440)), ("0.11.1982", 0.89, (1650, 416, 1800, 440)),
                ("г.", 0.96, (1810, 416, 1830, 440))))  # fmt: skip
    h = parse_header(words, 3508)
    assert (h.year, h.month, h.range_doubt) == (1982, 11, None)
    assert h.year_word is not None and h.year_word.text == "1982" and h.year_word.box.x0 > 1650
    period.confirm(PAGE, h, Reads("1982"))
    assert h.period_review is None


def test_dates_of_two_months_or_one_date_alone_send_the_period_to_a_person_whatever_a_second_reading_says():
    h = parse_header(_line("от", "01.08.1992", "до", "31.09.1992", "г."), 3508)
    assert (h.year, h.month) == (1992, 9) and h.range_doubt is not None
    h.month_word = Word("09", 0.99, h.month_word.box)  # read sure
    period.confirm(PAGE, h, Reads("1992"))
    assert h.period_review is not None and "не са за един и същ месец" in h.period_review
    one = dated_range(_line("от", "01.О8.1992", "до", "31.08.1992", "г."), (1980, 1996))
    assert one is not None and one.month == 8 and one.doubt is not None


def test_a_last_day_the_month_does_not_have_is_a_doubt():
    # "31.06": June has 30 days, the month's digit may be misread ("07")
    r = dated_range(_line("от", "01.06.1985", "до", "31.06.1985", "г."), (1980, 1996))
    assert r is not None and r.doubt is not None and "последният ден" in r.doubt


def test_a_range_of_roman_months_gives_the_month_and_leaves_a_year_not_of_the_archive_to_be_read_again():
    # N dev 6001 p8: "за периода 1.ТХ - 30.1Х.1384 г." (a worn "9"; the numerals' strokes read as letters)
    h = parse_header(_line("за", "периода", "1.ТХ", "-", "30.1Х.1384", "г."), 3508)
    assert h.month == 9 and h.range_doubt is None
    assert h.year is None and h.year_word is not None and h.year_word.text == "1384"
    assert h.month_unsure is not None  # "1Х" read for "IX": the figures' model reads the numeral again


def test_a_title_and_the_period_in_one_text_band_are_two_lines_and_the_last_day_tells_july_from_june():
    # N dev 6001 p6: the title and "от 1 до 31 юли 1984 г." in one band (the back of the sheet showing
    # through between them); "юли" read "яли" (0.52), one letter from "юли", two from "юни"
    words = _w((("Конбинат", 0.87, (368, 158, 493, 183)), ("„Пирин“", 0.7, (510, 159, 617, 189)),
                ("Благоевград", 0.45, (634, 162, 803, 189)), ("ПЛАТЕЖНА", 0.89, (872, 218, 1009, 245)),
                ("ВЕДОМОСТ", 0.81, (1026, 218, 1161, 248)), ("ЗА", 0.96, (1180, 218, 1213, 245)),
                ("ТРУДОВИ", 0.93, (1232, 218, 1349, 248)), ("ВЪЗНАГРАЖДЕНИЯ", 0.91, (1368, 218, 1605, 248)),
                ("от", 0.91, (1080, 277, 1109, 292)), ("7", 0.76, (1126, 274, 1137, 292)),
                ("до", 0.95, (1152, 277, 1181, 295)), ("31", 0.95, (1196, 271, 1223, 292)),
                ("яли", 0.52, (1240, 277, 1285, 292)), ("1984", 0.95, (1300, 271, 1357, 292)),
                ("г.", 0.96, (1374, 277, 1397, 292))))  # fmt: skip
    h = parse_header(words, 2480, [(158, 189), (217, 301)])
    assert (h.year, h.month, h.last_day, h.month_unsure) == (1984, 7, 31, None)
    period.confirm(PAGE, h, Reads("1984"))
    assert h.period_review is None  # "юни" has no 31st
    june = parse_header(_line("от", "1", "до", "31", "юни", "1984", "г."), 3508)
    assert june.month == 6 and june.month_unsure is not None and "последният ден 31" in june.month_unsure


def test_the_word_month_with_a_letter_misread_stands_before_the_month():
    # N dev 6020 p3: "за несец фавруари 1383 год." (worn "м", "е" and "9"): no period was read
    h = parse_header(_line("за", "несец", "фавруари", "1383", "год."), 3508)
    assert h.month == 2 and h.year_word is not None and h.year_word.text == "1383"
    period.confirm(PAGE, h, Reads("1983"))
    assert (h.year, h.month) == (1983, 2)
