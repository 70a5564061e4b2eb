"""A co-operative's payroll handwritten on a printed blank form (family T): the header's words as the text model
read them on T's development pages (seeds 12001-12020), without OCR. The form's own number is no employer
(ocr/form_imprint.py); the village after "с." is checked against the NSI's register of settlements
(ocr/settlements.py); a legal form of the land reform read on a sheet of a year it did not exist goes to a person
(ocr/form_years.py); the period written "за м. III/85 г." or with a digit of the year lost ("Юни, 892 год.")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from ocr import settlements
from ocr.employer_doubts import doubt
from ocr.employer_spelling import check, check_header
from ocr.form_imprint import anchor, without_form_numbers
from ocr.form_years import out_of_years
from ocr.geometry import Box, Word
from ocr.header import Header, clean_employer, parse_header
from ocr.settlements import mend_place
from ocr.unread_ink import place_unmarked

WIDTH = 2480


def _w(text: str, conf: float, x0: int, y0: int, x1: int, y1: int) -> Word:
    return Word(text, conf, Box(x0, y0, x1, y1))


# a few settlements as the NSI's register ЕКАТТЕ has them (kind, name, code): the register itself is kept in
# shared/data/ekatte (ocr/settlements.py), not in the project
REGISTER_PART = [["с.", "Горско", "16691"], ["с.", "Горско Косово", "17208"], ["с.", "Косово", "38772"],
                 ["гр.", "Болярово", "05284"], ["с.", "Джулюница", "20835"], ["с.", "Овча могила", "53196"],
                 ["с.", "Крушуна", "40261"], ["гр.", "Бяла черква", "07716"], ["гр.", "Бяла", "07598"],
                 ["гр.", "Стара Загора", "68850"]]  # fmt: skip


@pytest.fixture(autouse=True)
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    path = tmp_path / "settlements.json"
    path.write_text(json.dumps({"source": "НСИ, ЕКАТТЕ", "settlements": REGISTER_PART}, ensure_ascii=False), "utf-8")
    monkeypatch.setenv("ARCHIVE_SETTLEMENTS", str(path))
    settlements.names.cache_clear()
    settlements._by_words.cache_clear()
    yield
    settlements.names.cache_clear()
    settlements._by_words.cache_clear()


def test_without_the_register_no_place_is_checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARCHIVE_SETTLEMENTS", str(tmp_path / "none.json"))
    settlements.names.cache_clear()
    doubts: list[str] = []
    assert mend_place("ДЗС „Лозята“ с. Болярова", doubts) == ("ДЗС „Лозята“ с. Болярова", set())
    assert doubts == []


# T dev 12001 p2: the form's number alone on the first line (was the employer, without a doubt); 12003 p2:
# the form's number on the line above the name, joined to it ('Образец Сч – 6.08 ТКЗС „Г. Димитров“ с. Крушуна')
T12001_P2 = [
    _w("Образец", 0.9, 70, 50, 160, 66), _w("Сч", 0.9, 143, 40, 159, 70), _w("6.08", 0.6, 169, 51, 202, 65),
    _w("276", 0.95, 2228, 52, 2273, 79),
    _w("ТКЗС", 0.96, 176, 114, 275, 147), _w("„Г.", 0.95, 288, 115, 338, 152), _w("Димитров“", 0.96, 353, 113, 562, 151),
    _w("с.", 0.92, 575, 127, 597, 149), _w("Крушуна", 0.96, 614, 116, 777, 153),
    _w("Лист", 0.91, 2119, 118, 2204, 147), _w("7", 0.66, 2264, 116, 2282, 145),
    _w("ВЕДОМОСТ", 0.96, 609, 191, 843, 228), _w("ЗА", 0.93, 854, 192, 903, 221),
    _w("ИЗПЛАЩАНЕ", 0.92, 914, 191, 1188, 228),
    _w("Октомври", 0.93, 1081, 256, 1252, 287), _w("-", 0.92, 1268, 266, 1283, 270), _w("1989", 0.86, 1299, 252, 1360, 282),
    _w("г.", 0.95, 1371, 262, 1394, 284),
]  # fmt: skip


def test_the_form_s_printed_number_is_no_employer() -> None:
    h = check_header(parse_header(T12001_P2, WIDTH))
    assert h.employer == "ТКЗС „Г. Димитров“ с. Крушуна"
    assert h.employer_review is None  # "Крушуна": a village of the register, no dictionary's word needed
    assert (h.month, h.year) == (10, 1989)


def test_the_form_s_number_under_a_staple_goes_by_its_series() -> None:
    """W dev 15001 p2: "Бланка № 112 (ТРЗ)" in small print, "Бланка" under a staple's stroke read "бенка" (0.07):
    the number's print came out as the employer; the series "ТРЗ" marks it, and the words before it go too."""
    words = [_w("бенка", 0.07, 202, 101, 314, 164), _w("е", 0.32, 321, 119, 337, 135), _w("112", 0.89, 349, 118, 380, 135),
             _w("(ТРЗ)", 0.92, 387, 118, 437, 136), _w("Институт", 0.96, 285, 188, 483, 228), _w("по", 0.96, 516, 195, 563, 218)]  # fmt: skip
    assert [w.text for w in without_form_numbers(words)] == ["Институт", "по"]


@pytest.mark.parametrize(
    ("text", "after", "furniture"),
    [("Образец", "№", True), ("ОбразецС+.5.08", "", True), ("Образец?", "105-12", True), ("Бланка", "ма", True),
     ("Обр.", "№", True), ("Форма", "№", True), ("Обрезец", "1", True), ("Форма", "Т-5", True), ("Форма", "ТКЗС", False),
     ("ТРЗ", "-", True), ("(ТРЗ)", "", True), ("ТРЗ-3,", "утв.", True), ("Трявна", "", False), ("ТРЗИ", "", False),
     ("Образцова", "", False), ("Форма", "„Мода“", False), ("Обр", "ТКЗС", False), ("ТКЗС", "„Заря“", False),
     ("Обр.ме", "ат", True), ("Обр", "33П", True), ("Обр", "„Заря“", False), ("Обработка", "3", False)],
)  # fmt: skip
def test_the_words_forms_were_numbered_by(text: str, after: str, furniture: bool) -> None:
    assert anchor(text, after) is furniture


def test_the_form_s_number_glued_to_its_sign_goes() -> None:
    """T dev 12001 p3: "Обр. № 47 – ТКЗС" read "Обр.ме" (the "№" glued on), "ат" over its end, "ТКЗС": the
    form's number was taken for the employer, the name on the line under it lost."""
    words = [_w("ат", 0.73, 132, 56, 150, 97), _w("Обр.ме", 0.74, 68, 60, 149, 89), _w("ТКЗС", 0.83, 165, 65, 207, 80),
             _w("ЛС", 0.9, 182, 165, 251, 196), _w("на", 0.96, 262, 176, 301, 197)]  # fmt: skip
    assert [w.text for w in without_form_numbers(words)] == ["ЛС", "на"]


def test_the_computing_station_s_print_after_the_form_s_number_goes() -> None:
    """Z dev 18003 p2: "Обр. 3-ЗП / ИЗЧ. СТАНЦИЯ" read "Обр 33П ИЗЧ СТАНЦИЯ" (its stop lost): the station that
    printed the form, in capitals no taller than the number, is no employer."""
    words = [_w("Обр", 0.9, 634, 115, 673, 135), _w("33П", 0.79, 686, 114, 731, 131), _w("ИЗЧ", 0.66, 751, 114, 792, 131),
             _w("СТАНЦИЯ", 0.96, 805, 114, 906, 133), _w("ЗАВОД", 0.5, 1201, 350, 1308, 381)]  # fmt: skip
    assert [w.text for w in without_form_numbers(words)] == ["ЗАВОД"]


def test_the_name_handwritten_beside_the_form_s_number_stays() -> None:
    # the form's number (small print) and the name (taller handwriting) on one line: only the number goes
    words = [_w("Бланка", 0.9, 78, 44, 137, 70), _w("№", 0.5, 146, 44, 161, 70), _w("2-34", 0.7, 169, 50, 207, 66),
             _w("(ЦСУ)", 0.85, 217, 49, 265, 72), _w("ДЗС", 0.9, 400, 30, 480, 80), _w("„Тракия“", 0.9, 500, 30, 700, 82)]  # fmt: skip
    assert [w.text for w in without_form_numbers(words)] == ["ДЗС", "„Тракия“"]


@pytest.mark.parametrize(
    ("read", "mended", "corrected"),
    [
        ("ДЗС „Лозята“ с. Болярова", "ДЗС „Лозята“ с. Болярово", "Болярова"),  # a family name, the dictionary's word
        ("ЛС на ТКЗС „Сеятел“ с. Горско Касово", "ЛС на ТКЗС „Сеятел“ с. Горско Косово", "Горско Касово"),
        ("ЗК „Нива“ с. Джулюнйца", "ЗК „Нива“ с. Джулюница", "Джулюнйца"),
        ("ТКЗС „Заря“ с. Овча могила", "ТКЗС „Заря“ с. Овча могила", None),
        ("ТКЗС „Г. Димитров“ с. Крушуна", "ТКЗС „Г. Димитров“ с. Крушуна", None),
    ],
)
def test_the_village_is_checked_against_the_register(read: str, mended: str, corrected: str | None) -> None:
    doubts: list[str] = []
    name, places = mend_place(read, doubts)
    assert name == mended and places
    if corrected is None:
        assert doubts == []
    else:  # one letter from one settlement: that settlement, and a person checks it
        assert doubts == [doubt("corrected", corrected, " ".join(mended.split()[-len(corrected.split()) :]))]


def test_a_village_one_letter_from_the_register_s_is_never_out_without_a_doubt() -> None:
    name, doubts = check("ДЗС „Лозята“ с. Болярова", ())
    assert name == "ДЗС „Лозята“ с. Болярово" and doubts


def test_a_place_the_register_does_not_hold_is_left_to_the_word_checks() -> None:
    doubts: list[str] = []
    assert mend_place("ТКЗС „Заря“ с. Хикса", doubts) == ("ТКЗС „Заря“ с. Хикса", set())
    assert doubts == []


@pytest.mark.parametrize(
    ("name", "year", "doubted"),
    [("АПК „Дружба“ с. Бяла черква", 1992, True), ("АПК „Златен клас“ Павликени", 1985, False),
     ("ППК „Дружба“ с. Бяла черква", 1984, True), ("ППК „Дружба“ с. Бяла черква", 1993, False),
     ("ЛС на ТКЗС „Заря“ с. Овча могила", 1993, False), ("ЛС на ТКЗС „Заря“ с. Овча могила", 1985, True),
     ("ЕТ „АПК“ Русе", 1994, False), ("АПК „Мир“ с. Бяла черква", None, False)],
)  # fmt: skip
def test_a_legal_form_of_the_land_reform_outside_its_years_goes_to_a_person(name: str, year: int | None, doubted: bool) -> None:
    assert bool(out_of_years(name, year)) is doubted


def _period_line(*texts: tuple[str, float]) -> list[Word]:
    return [_w(t, c, 1100 + 120 * i, 300, 1200 + 120 * i, 340) for i, (t, c) in enumerate(texts)]


@pytest.mark.parametrize(
    ("line", "month", "year", "short", "unsure"),
    [
        ((("за", 0.93), ("м.", 0.8), ("Х/94", 0.8), ("г.", 0.96)), 10, 1994, True, True),  # Cyrillic Х for X
        ((("за", 0.93), ("м.", 0.8), ("XII/95", 0.9), ("г.", 0.96)), 12, 1995, True, False),
        ((("зам", 0.92), ("IV/", 0.6), ("88", 0.9), ("г.", 0.96)), 4, 1988, True, False),
        ((("за", 0.93), ("м.", 0.8), ("X/Ф1", 0.6), ("г.", 0.96)), 10, None, True, False),  # the year read again
        ((("за", 0.93), ("месеи", 0.89), ("Юни,", 0.96), ("892", 0.45), ("год.", 0.82)), 6, 1992, False, False),
        ((("Юни", 0.84), ("-", 0.84), ("992", 0.68), ("г.", 0.68)), 6, 1992, False, False),
        ((("за", 0.93), ("месец", 0.91), ("Август,", 0.96), ("191", 0.79), ("год.", 0.93)), 8, 1991, False, False),
    ],
)
def test_the_period_in_a_clerk_s_hand(line: tuple[tuple[str, float], ...], month: int, year: int | None,
                                      short: bool, unsure: bool) -> None:  # fmt: skip
    h = parse_header(_period_line(*line), WIDTH)
    assert (h.month, h.year, h.year_short) == (month, year, short)
    assert (h.month_unsure is not None) is unsure
    assert h.year_word is not None and h.month_word is not None
    if len(line) == 5 or line[0][0] == "Юни":  # three digits of four: sure only when read again so
        assert h.year_lost


def test_a_three_digit_number_after_a_month_without_the_year_s_mark_is_no_year() -> None:
    h = parse_header(_period_line(("за", 0.9), ("месец", 0.9), ("Юни,", 0.96), ("892", 0.45), ("лв.", 0.9)), WIDTH)
    assert h.year is None


def test_a_month_read_with_confidence_that_lost_a_digit_of_its_year_is_doubted_unless_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ocr import period

    h = Header(month=6, year=1992, month_word=_w("Юни,", 0.96, 0, 0, 10, 10), year_word=_w("892", 0.95, 20, 0, 40, 10),
               year_lost=True)  # fmt: skip
    monkeypatch.setattr(period, "_read_year", lambda *a, **k: "")
    assert period._year_again(None, h, None) is not None  # type: ignore[arg-type]  # read once: a person checks it


def test_a_slashed_period_whose_numeral_no_reading_gives_keeps_its_year_and_the_month_s_word() -> None:
    # T dev 12017 p2: "за м. М/9З г." (VIII/93, the hand's V read "М", its 3 read "З")
    h = parse_header(_period_line(("за", 0.91), ("м.", 0.89), ("М/9З", 0.36), ("г.", 0.96)), WIDTH)
    assert (h.month, h.year, h.year_short) == (None, 1993, True)
    assert h.month_word is not None and h.month_word.text == "М"


def test_the_slashed_month_read_again_always_goes_to_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    from ocr import roman_month

    h = parse_header(_period_line(("за", 0.91), ("м.", 0.89), ("М/9З", 0.36), ("г.", 0.96)), WIDTH)
    monkeypatch.setattr(roman_month, "_read", lambda *a, **k: [_w("VIII/", 0.8, 0, 0, 10, 10)])
    roman_month.read_again(None, h, None)  # type: ignore[arg-type]
    assert h.month == 8 and h.month_unsure is not None


def test_the_form_s_number_misread_past_its_anchor_goes_with_it() -> None:
    # T dev 12020 p1 (a crop): "Бланка № 2-34 (ЦСУ)" read "Бланка", "Ме" and "2" in tall boxes over its end, "з4", "(ЦСУ)"
    words = [_w("Ме", 0.83, 170, 33, 185, 77), _w("2", 0.6, 192, 33, 200, 77), _w("Бланка", 0.82, 97, 49, 199, 63),
             _w("(ЦСУ)", 0.79, 233, 49, 285, 73), _w("з4", 0.72, 210, 52, 228, 66),
             _w("ЕПК", 0.84, 178, 143, 268, 179), _w("„Дружба“", 0.93, 279, 138, 472, 182)]  # fmt: skip
    assert [w.text for w in without_form_numbers(words)] == ["ЕПК", "„Дружба“"]


def test_a_line_of_guesses_above_a_line_opened_by_a_legal_form_is_no_employer() -> None:
    # T dev 12004 p2 (a crop): the form's number read "сета зи)" above "ЗКПУ „Бъдеще“ с. Крушуна"
    words = [_w("сета", 0.25, 80, 51, 182, 84), _w("зи)", 0.37, 192, 51, 267, 71),
             _w("ЗКПУ", 0.9, 221, 107, 318, 148), _w("„Бъдеще“", 0.9, 333, 103, 514, 143),
             _w("с.", 0.95, 527, 119, 554, 141), _w("Крушуна", 0.95, 572, 108, 734, 148)]  # fmt: skip
    assert parse_header(words, WIDTH).employer == "ЗКПУ „Бъдеще“ с. Крушуна"


@pytest.mark.parametrize(("read", "form"), [("УЗКПУ", "ЗКПУ"), ("УТКЗС", "ТКЗС")])
def test_a_mark_glued_before_a_legal_form_of_four_letters_is_dropped_with_a_doubt(read: str, form: str) -> None:
    # T dev 12026 p2, 12034 p2: a staple's mark read as "У" glued before the form, out without a doubt
    doubts: list[str] = []
    words = [_w(read, 0.9, 100, 100, 240, 140), _w("„Бъдеще“", 0.9, 260, 100, 440, 140)]
    assert clean_employer(words, doubts) == f"{form} „Бъдеще“"
    assert doubt("form_unknown", read) in doubts


def test_marks_unread_before_the_place_after_the_quoted_name_send_the_name_to_a_person() -> None:
    # T dev 12032 p2: "ППК „Дружба“ с. Бяла черква" read without its "с.": "ППК „Дружба“ Бяла черква"
    gray = np.full((200, 1000), 230, np.uint8)
    words = [_w("ППК", 0.9, 100, 100, 190, 140), _w("„Дружба“", 0.9, 210, 100, 400, 140),
             _w("Бяла", 0.95, 470, 100, 560, 140), _w("черква", 0.95, 580, 100, 700, 140)]  # fmt: skip
    for w in words:
        gray[w.box.y0 + 5 : w.box.y1 - 5, w.box.x0 : w.box.x1 : 7] = 40  # the words' ink
    assert place_unmarked(words, gray) is None  # nothing between the quote and the place
    gray[118:138, 420:440] = 40  # a small "с" and its stop in the gap, no word read from them
    assert place_unmarked(words, gray) == "Бяла"
    h = parse_header(words, WIDTH, None, gray)
    assert h.employer_review is not None and doubt("village_unmarked", "Бяла") in h.employer_review


@pytest.mark.parametrize(("read", "again", "doubted"), [("У1", "VI", True), ("1", "1", True), ("Х", "X", True),
                                                        ("XII", "XII", False), ("VII", "VII", False)])  # fmt: skip
def test_a_slashed_month_in_a_hand_read_the_same_again_stays_in_doubt_unless_read_as_a_numeral_twice(
    monkeypatch: pytest.MonkeyPatch, read: str, again: str, doubted: bool
) -> None:
    # T check seed 12035 p2: "за м. VII/85 г." read "У1/85" (VI with a look-alike), VI again: out as June, silent
    from ocr import roman_month

    h = parse_header(_period_line(("за", 0.93), ("м.", 0.89), (f"{read}/85", 0.61), ("г.", 0.96)), WIDTH)
    monkeypatch.setattr(roman_month, "_read", lambda *a, **k: [_w(again, 0.9, 0, 0, 10, 10)])
    roman_month.read_again(None, h, None)  # type: ignore[arg-type]
    assert (h.month_unsure is not None) is doubted


def test_a_second_reading_that_loses_the_village_s_mark_is_not_taken() -> None:
    from ocr.employer_reread import _place_marks

    # T check seed 12032 p2: read "ППК „Дружба“ с..Бяла черква" (in doubt), again "ППК „Дружба“ Бяла черква"
    assert _place_marks("ППК „Дружба“ с..Бяла черква") == ["с"]
    assert _place_marks("ППК „Дружба“ Бяла черква") == []
    assert _place_marks("ЕТ „Вели – 2“ с. Черноочене") == _place_marks("ЕТ „Вели 2“ с. Черноочене")


def test_the_form_s_number_close_set_and_its_printing_house_go_with_it() -> None:
    # W dev 15007 p2: "Обр. 16 ТРЗ – ДП „Образци“", its "16" read over the end of "Обр.", the staple's rust before
    words = [_w("-<-", 0.0, 75, 89, 215, 158), _w("16", 0.96, 268, 128, 286, 142), _w("ТРЗ", 0.83, 292, 128, 326, 141),
             _w("Обр.", 0.91, 221, 127, 259, 145), _w("-", 0.83, 332, 135, 343, 138), _w("ДП", 0.96, 350, 128, 376, 144),
             _w("„Образци“", 0.81, 383, 127, 473, 146), _w("Трамвайно", 0.9, 276, 237, 464, 270)]  # fmt: skip
    assert [w.text for w in without_form_numbers(words)] == ["-<-", "Трамвайно"]


def test_the_form_s_number_begun_with_a_nought_for_its_o_and_its_sign_read_ho() -> None:
    # T dev 12013 p8 (a crop): "Обр. № 47-ТКЗС" read "0бр Но 47- ТКЗС" and taken for the employer
    words = [_w("0бр", 0.73, 80, 58, 105, 77), _w("Но", 0.45, 110, 58, 125, 73), _w("47-", 0.09, 129, 60, 155, 75),
             _w("ТКЗС", 0.68, 161, 43, 230, 81),
             _w("ТКЗС", 0.93, 143, 147, 260, 182), _w("„Сеятел“", 0.91, 270, 143, 450, 182),
             _w("с.", 0.95, 462, 157, 490, 180), _w("Горско", 0.96, 506, 148, 640, 187),
             _w("Косово", 0.84, 656, 149, 790, 184)]  # fmt: skip
    assert parse_header(words, WIDTH).employer == "ТКЗС „Сеятел“ с. Горско Косово"
