"""A computer centre's printout's header (family P, ``ocr.printout_header``): the centre's name and the run's
date over the client's header are neither the employer nor the period, the client's code is no part of the
name, the name may stand in the top-right corner, the period may be written with a year of two digits or the
year first, and the header may fall inside the grid's first bands (the fanfold's tear line taken for the
table's top rule)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from ocr import period
from ocr.employer_band import header_in_first_band
from ocr.employer_spelling import is_word
from ocr.geometry import Box, Grid, Transform, Word
from ocr.header import Header, clean_employer, parse_header
from ocr.printout_header import centre_line, short_year, without_client_label
from tests.test_period_range import Reads  # an engine reading the year word again as given

W = 3508


def _line(y: int, texts: list[str], x: int = 300, conf: float = 0.95) -> list[Word]:
    out = []
    for t in texts:
        out.append(Word(t, conf, Box(x, y, x + 22 * len(t), y + 32)))
        x += 22 * len(t) + 18
    return out


def _printout(
    employer: list[str], sheet: list[str], period_words: list[str], right: bool = True
) -> list[Word]:
    """P dev 8002 p1 as a printout's header is typed: the centre and the run's date, the sheet's number and
    the client's name (either side), the title, the period."""
    name_x = W - 300 - 22 * sum(len(t) + 1 for t in employer) if right else 300
    sheet_x = 300 if right else W - 500
    return [*_line(120, ["ТИЦ", "–", "ЛОВЕЧ"]), *_line(120, ["ДАТА", "08.03.1986"], x=W - 600),
            *_line(200, sheet, x=sheet_x), *_line(200, employer, x=name_x),
            *_line(300, ["ВЕДОМОСТ", "ЗА", "РАБОТНА", "ЗАПЛАТА"], x=1450),
            *_line(380, period_words, x=1550)]  # fmt: skip


def test_the_employer_in_the_top_right_corner_without_the_clients_code_under_the_centres_line():
    words = _printout(
        ["КЛИЕНТ", "5683", "ДИП", "„БАЛКАН“", "ТРОЯН"], ["Л.", "№", "10"], ["ЗА", "МЕСЕЦ", "ФЕВРУАРИ", "'86"]
    )
    h = parse_header(words, W)
    assert (h.employer, h.month, h.year, h.sheet) == ("ДИП „БАЛКАН“ ТРОЯН", 2, 1986, 10)
    assert h.employer_review is None


def test_the_employer_on_the_left_without_its_code_and_the_run_date_is_no_period():
    words = _printout(["ПРЕДПРИЯТИЕ", "N", "8127", "АПК", "„МИР“", "ГР.", "ГЕНЕРАЛ", "ТОШЕВО"], ["ЛИСТ", "27"],
                      ["ПЕРИОД:", "02.1983"], right=False)  # fmt: skip
    h = parse_header(words, W)
    assert (h.employer, h.month, h.year) == ("АПК „МИР“ ГР. ГЕНЕРАЛ ТОШЕВО", 2, 1983)
    assert h.employer_review is None


def test_a_sheet_number_misread_still_leaves_the_name_in_the_right_corner():
    # P dev 8004 p1: "Лист № 31" read "Гистно 31", the name in the top-right corner
    words = [
        *_line(200, ["Гистно", "31"], x=150),
        *_line(200, ["ДЗС", "„Загоре“", "гр.", "Стара", "Загора"], x=2830),
    ]
    assert parse_header(words, W).employer == "ДЗС „Загоре“ гр. Стара Загора"


def test_the_centres_line_is_told_by_its_name_or_by_the_run_date_not_by_an_employers_line():
    assert centre_line(_line(120, ["ИЗЧИСЛИТЕЛЕН", "ЦЕНТЪР", "КЪМ", "ОНС", "–", "ВРАЦА"]), W)
    assert centre_line(_line(120, ["ибц", "„ЕЛЕКТРОНИКА“", "–", "ПЛЕВЕН"]), W)  # a letter misread
    assert centre_line(
        [*_line(120, ["мие", "Габрово"]), *_line(120, ["ОБрабстено", "на", "9.3.94"], x=2800)], W
    )
    assert not centre_line(
        [*_line(120, ["ДЗС", "„Тракия“", "с.", "Скутаре"]), *_line(120, ["Лист", "20"], x=3190)], W
    )
    # a word a letter from the run's word alone in the right corner (a mouse's bite read "щата" right of a hotel's
    # name, AJ dev 28019 p1) is no run's date: the run's word is, and so is a misread one beside a date
    hotel = _line(120, ["ХТК", "„Боровец“", "–", "Самоков"])
    assert not centre_line([*hotel, *_line(120, ["щата"], x=2900, conf=0.31)], W)
    assert centre_line([*hotel, *_line(120, ["ДАТА"], x=2900)], W)
    assert centre_line([*hotel, *_line(120, ["ДАТЯ", "5.4.89"], x=2900)], W)


@pytest.mark.parametrize(
    "texts",
    [["за", "м.", "март", "89", "г."], ["м.", "МАРТ", "89Г."], ["за", "месец", "март", "'89"],
     ["1989", "г.,", "месец", "март"], ["година", "1989,", "м.", "март"], ["1989", "г.", "–", "март"],
     ["ПЕРИОД:", "03.1989"], ["МЕСЕЦ:", "МАРТ", "1989", "Г."], ["ЗА", "МАРТ", "1989"]],
)  # fmt: skip
def test_a_printouts_periods_are_read(texts: list[str]):
    h = parse_header(_line(380, texts, x=1550), W)
    assert (h.month, h.year) == (3, 1989)


def test_two_digits_are_a_year_only_of_the_archive_and_right_after_the_month():
    assert [short_year(t) for t in ("89", "'89", "89г.", "89Г.", "\"94", "79", "97", "1989", "8")] == [
        1989, 1989, 1989, 1989, 1994, None, None, None, None]  # fmt: skip
    assert parse_header(_line(380, ["за", "м.", "март", "15", "дни"], x=1550), W).year is None
    assert parse_header(_line(380, ["март", "работили", "89"], x=1550), W).year is None


PAGE: Any = SimpleNamespace(clean=np.full((500, 3508), 255, np.uint8), ink=np.zeros((500, 3508), np.uint8),
                           transform=Transform())  # fmt: skip


def _unsure_year() -> Header:
    words = _line(380, ["за", "месец", "март", "'94"], x=1550)
    words[-1] = Word("'94", 0.49, words[-1].box)  # P dev 8001 p1: the apostrophe read '"'
    return parse_header(words, W)


def test_a_two_digit_year_read_so_again_stands_and_read_otherwise_goes_to_review():
    h = _unsure_year()
    period.confirm(PAGE, h, Reads("94"))  # type: ignore[arg-type]
    assert (h.year, h.period_review) == (1994, None)
    h = _unsure_year()
    period.confirm(PAGE, h, Reads("84"))  # type: ignore[arg-type]
    assert h.period_review is not None and "„'94“" in h.period_review


def test_the_clients_code_is_left_out_only_before_the_name():
    words = _line(200, ["ОБЕКТ", "0045", "ЗК", "„Нива“"])
    assert [w.text for w in without_client_label(words)] == ["ЗК", "„Нива“"]
    words = _line(200, ["ЕТ", "„Вели", "–", "2“"])
    assert without_client_label(words) == words
    # a computing centre's "ОРГАНИЗАЦИЯ 8073 -" before the name (AQ dev 35001 p1: kept in the name, no doubt)
    words = _line(200, ["ОРГАНИЗАЦИЯ", "8073", "–", "ХЛЕБОЗАВОД", "„ПРОГРЕС“"])
    assert [w.text for w in without_client_label(words)][-2:] == ["ХЛЕБОЗАВОД", "„ПРОГРЕС“"]
    assert "ОРГАНИЗАЦИЯ" not in [w.text for w in without_client_label(words)]


def test_a_name_in_capitals_and_the_co_operatives_forms_after_1991_are_known_words():
    assert is_word("ТОШЕВО") and is_word("ЛОЗНИЦА")
    doubts: list[str] = []
    assert (
        clean_employer(_line(200, ["ЗКПУ", "„СЪГЛАСИЕ“", "С.", "ДРАГАНОВО"]), doubts)
        == "ЗКПУ „СЪГЛАСИЕ“ С. ДРАГАНОВО"
    )
    assert doubts == []


class _Header:
    """An engine that reads the header's crop as ``words`` (what tesseract gives the grid's first bands)."""

    def __init__(self, words: list[Word]) -> None:
        self.words_read, self.crops = words, []

    def words(
        self, image: np.ndarray, *, psm: int = 6, whitelist: str | None = None, offset=(0, 0)
    ) -> list[Word]:
        self.crops.append(image.shape)
        return self.words_read


def test_a_header_inside_the_grids_first_bands_is_read_again_alone():
    """P dev 8009 p1: the fanfold's tear line taken for the table's top rule, the centre in the grid's
    second band, the employer, title and period in its third; the whole page's reading there was cut by
    columns taken for figures."""
    grid = Grid(xs=[98, 2822, 3436], ys=[-19, 68, 195, 408, 463, 500], ruled=True)
    as_read = [*_line(165, ["ИЗЧИСЛИТЕЛЕН", "ЦЕНТЪР"]), *_line(228, ["апк", "„МИР."]),
               *_line(300, ["Разплащателня", "ВЕДОМОСТ\""], x=1525), *_line(420, ["ПОР.", "ЕГН"])]  # fmt: skip
    again = [*_line(165, ["ИЗЧИСЛИТЕЛЕН", "ЦЕНТЪР", "КЪМ", "ОНС", "–", "ВРАЦА"]),
             *_line(165, ["ОБРАБОТЕНО", "НА", "4.3.83"], x=2900),
             *_line(228, ["АПК", "„МИР“", "ГР.", "ГЕНЕРАЛ", "ТОШЕВО"]), *_line(228, ["ЛИСТ", "27"], x=3055),
             *_line(300, ["РАЗПЛАЩАТЕЛНА", "ВЕДОМОСТ"], x=1525), *_line(370, ["ПЕРИОД:", "02.1983"], x=1620)]  # fmt: skip
    engine = _Header(again)
    page = np.full((2480, 3508), 255, np.uint8)
    h = header_in_first_band(Header(), as_read, grid, 3508, [], page, page, engine)  # type: ignore[arg-type]
    assert (h.employer, h.month, h.year) == ("АПК „МИР“ ГР. ГЕНЕРАЛ ТОШЕВО", 2, 1983)
    assert engine.crops == [(408, 3508)]  # the bands down to the title's, read once
    headings_first = Grid(xs=[98, 3436], ys=[400, 463, 500], ruled=True)
    assert header_in_first_band(Header(), as_read, headings_first, 3508, [], page, page, engine) == Header()


def test_a_tractor_hole_read_as_wide_as_itself_is_no_part_of_the_client_line():
    # P dev 8011 p3, the words as read: the left strip's hole read "Ф" (x 51-101 of 2480) before the client's code,
    # and 'Ф ОБЕКТ 9089 ПК „БЪДЕЩЕ“ С. РАКИТА' came out as the employer without a doubt
    read = [("ТЕРИТОРИАЛЕН", (329, 122, 512, 148)), ("ИЗЧИСЛИТЕЛЕН", (527, 122, 712, 148)), ("ЦЕНТЪР", (729, 122, 820, 150)),
            ("-", (837, 134, 850, 139)), ("ШУМЕН", (865, 122, 942, 148)), ("ДАТА", (1921, 122, 1984, 150)),
            ("87.09.1985", (2001, 122, 2152, 147)), ("Ф", (51, 162, 101, 212)), ("ОБЕКТ", (377, 164, 468, 195)),
            ("9089", (491, 164, 560, 195)), ("ПК", (581, 163, 618, 195)), ("„БЪДЕЩЕ“", (641, 163, 786, 200)),
            ("С.", (807, 164, 838, 195)), ("РАКИТА", (865, 163, 976, 194)), ("Ф", (2378, 161, 2428, 211))]  # fmt: skip
    h = parse_header(sorted((Word(t, 0.9, Box(*b)) for t, b in read), key=lambda w: (w.box.y0 // 30, w.box.x0)), 2480)
    assert h.employer == "ПК „БЪДЕЩЕ“ С. РАКИТА"
