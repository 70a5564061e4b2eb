"""The employer's name in the headers of a computing centre's listing (family AA) and of a state institution's
payroll (family AB), read from words as the engine gives them (``ocr.header.parse_header``,
``ocr.printout_header``): the client's code and its label are no part of the name, the centre's job line is no
name, the ministry typed over the institution is no employer even where a classification mark stands between."""

from __future__ import annotations

import numpy as np
import pytest

from ocr.employer_doubts import doubt
from ocr.employer_reread import reread_employer
from ocr.employer_spelling import check, is_word
from ocr.geometry import Box, Word
from ocr.header import clean_employer, parse_header
from ocr.printout_header import tractor_holes, unknown_client_label, without_client_label

W = 3700
FORMS = frozenset({"ДП", "ООД", "ЕООД"})


def _line(y: int, texts: list[str], x: int = 300, conf: float = 0.95, h: int = 22) -> list[Word]:
    out = []
    for t in texts:
        out.append(Word(t, conf, Box(x, y, x + 20 * len(t), y + h)))
        x += 20 * len(t) + 20
    return out


def _listing(client: list[str], job: list[str] | None = None) -> list[Word]:
    """An AA page's header as printed: the job line, the title and period, the client's code and name."""
    job = job or ["ОИЦ", "-", "СЛИВЕН", "ЕС-1022", "ПРОГРАМА", "ТРЗ040", "ДАТА", "12.03.86"]
    return [*_line(120, job), *_line(120, ["СТР.", "1"], x=3100),
            *_line(200, ["РАЗЧЕТНО-ПЛАТЕЖНА", "ВЕДОМОСТ", "ЗА", "МЕСЕЦ", "02.1986"], x=1300),
            *_line(240, client)]  # fmt: skip


@pytest.mark.parametrize(
    ("client", "name"),
    [
        (["ПРЕДПР.", "КОД", "5317", "МЕБЕЛЕН", "КОМБИНАТ"], "МЕБЕЛЕН КОМБИНАТ"),  # AA dev 19001 p1: "ПРЕДПР. ООД 5317 ..."
        (["ГРЕДПР.", "код", "7542", "ПТК", "ПЛАСТМАСИ"], "ПТК ПЛАСТМАСИ"),  # AA dev 19002 p7: a letter misread
        (["ОРГ.", "3257", "МЕБЕЛЕН", "КОМБИНАТ"], "МЕБЕЛЕН КОМБИНАТ"),  # AA dev 19009: "ОРГ. 3257 МЕБЕЛЕН ..."
        (["ПОТРЕБИТЕЛ", "0289", "ОКРЪЖНО", "ПОТРЕБИТЕЛНО", "ДРУЖЕСТВО"], "ОКРЪЖНО ПОТРЕБИТЕЛНО ДРУЖЕСТВО"),
        (["ШИФЪР", "6152", "ЗАВОД", "ЗА", "КАБЕЛИ"], "ЗАВОД ЗА КАБЕЛИ"),
    ],
)
def test_the_clients_code_and_its_label_are_no_part_of_the_name(client: list[str], name: str) -> None:
    h = parse_header(_listing(client), W)
    assert (h.employer, h.employer_review) == (name, None)
    assert (h.year, h.month) == (1986, 2)


def test_a_label_misread_beyond_recognition_is_left_out_with_a_doubt() -> None:
    # AA dev 19005 p5: "ШИФЪР 4171" read "ВНОЪР 4171", kept before the name
    h = parse_header(_listing(["ВНОЪР", "4171", "ДП", "ПЪТНО", "ПОДДЪРЖАНЕ"]), W)
    assert h.employer == "ДП ПЪТНО ПОДДЪРЖАНЕ"
    assert h.employer_review is not None and "ВНОЪР 4171" in h.employer_review


def test_a_names_own_words_and_numbers_stay() -> None:
    words = _line(240, ["ОДЗ", "№", "12", "–", "Русе"])  # "ОДЗ" two letters from "ОРГ": no label
    assert without_client_label(words) == words
    words = _line(240, ["Читалище", "1869", "Дряново"])  # a word of the dictionary before four digits
    assert unknown_client_label(words, lambda t: t == "Читалище", FORMS) == []
    words = _line(240, ["ХРИЗ", "123", "ДП", "ТРАНСПОРТ"])  # three digits: no client's code of a listing
    assert unknown_client_label(words, lambda t: False, FORMS) == []
    words = _line(240, ["ЕКОС", "2000", "ООД"])  # a firm's name before its legal form: no label
    assert unknown_client_label(words, lambda t: False, FORMS) == []
    words = _line(240, ["ВНОЪР", "4171", "ДП", "ТРАНСПОРТ"])
    assert unknown_client_label(words, lambda t: False, FORMS) == words[:2]


def test_a_firms_line_ending_in_its_date_is_no_job_line() -> None:
    words = [*_line(120, ["ЕТ", "„Вели", "–", "2“", "ДАТА", "05.04.1994"]), *_line(200, ["ВЕДОМОСТ", "ЗА", "ЗАПЛАТИ"], x=1300)]
    assert parse_header(words, W).employer is not None


def test_the_job_line_with_its_centre_misread_is_no_employer() -> None:
    # AA dev 19005 p4: "ОКРЪЖЕН ИЗЧ. ЦЕНТЪР - МИХАЙЛОВГРАД ..." read with its first word wrong, the run's date in the
    # line's middle, the holes of the tractor strips read "е" before it: taken for the employer
    job = ["ОХРЪЖЕН", "ИЗЧ.", "ЦЕНТР", "михайтовград", "ЕС-1022", "ПРОГРАМА", "РЗ-0БР.7", "дй7й", "10.12.84"]
    words = _listing(["ОРГ", "4563", "ЗАВОД", "ЗА", "КАБЕЛИ"], job)
    holes = [Word("е", 0.95, Box(150, y, 170, y + 25)) for y in (60, 120, 180, 240)]
    holes += [Word("е", 0.95, Box(3500, y, 3520, y + 25)) for y in (60, 120, 180, 240)]
    h = parse_header(words + holes, W)
    assert (h.employer, h.employer_review) == ("ЗАВОД ЗА КАБЕЛИ", None)


def test_tractor_holes_are_marks_one_under_another_apart_from_the_words() -> None:
    holes = [Word("е", 0.9, Box(150, y, 170, y + 25)) for y in (60, 120, 180)]
    words = _line(120, ["ДП", "ТРАНСПОРТ"]) + _line(300, ["№", "12"], x=140)
    assert tractor_holes(holes + words) == holes
    assert tractor_holes(holes[:2] + words) == []  # two lines only: no column of holes


def _institution(ministry: list[str], mark: list[str], name: list[str], copy: list[str]) -> list[Word]:
    """An AB page's header: the ministry and the mark on one line, the institution and the copy's number under
    them (the mark's words a little lower than the ministry's: a line of their own between), the title."""
    return [*_line(158, ministry, x=424, h=30), *_line(172, mark, x=2700), *_line(194, name, x=424, h=30),
            *_line(208, copy, x=2860), *_line(266, ["ВЕДОМОСТ", "N", "32", "ЗА", "ПАРИЧНО", "ДОВОЛСТВИЕ"], x=1460),
            *_line(300, ["месец", "март", "1995", "година"], x=1540)]  # fmt: skip


def test_the_ministry_over_the_institution_is_no_employer_with_a_mark_between() -> None:
    # AB dev 20001 p2: "МИНИСТЕРСТВО НА ОТБРАНАТА" taken for the employer, the mark's line taken for the one below
    name = ["ТВО-Строителни", "войски", "-", "поделение", "13990", "-", "Русе"]
    h = parse_header(_institution(["МИНИСТЕРСТВО", "НА", "ОТБРАНАТА"], ["За", "служебно", "ползване"], name,
                                  ["Екз.", "N", "2"]), W)  # fmt: skip
    assert h.employer == "ТВО-Строителни войски – поделение 13990 – Русе"
    assert (h.year, h.month) == (1995, 3)


def test_the_ministry_with_no_institution_read_under_it_is_doubted() -> None:
    # AB dev 20001 p3: the institution's line lost to the reading, "МИНИСТЕРСТВО НА ОТБРАНАТА" out without a doubt
    words = [*_line(158, ["МИНИСТЕРСТВО", "НА", "ОТБРАНАТА"], x=424), *_line(158, ["За", "служебно", "ползване"], x=2700)]
    h = parse_header(words, W)
    assert h.employer == "МИНИСТЕРСТВО НА ОТБРАНАТА"
    assert h.employer_review is not None and "МИНИСТЕРСТВО" in h.employer_review


class _Again:
    """An engine that reads any crop as ``texts`` (the name's line read a second time alone)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def words(self, image: np.ndarray, psm: int = 6, offset: tuple[int, int] = (0, 0)) -> list[Word]:
        return _line(20 + offset[1], self.texts, x=20 + offset[0])


def test_a_second_reading_of_the_ministrys_line_does_not_take_its_doubt_away() -> None:
    words = [*_line(158, ["МИНИСТЕРСТВО", "НА", "ОТБРАНАТА"], x=424)]
    h = parse_header(words, W)
    page = np.full((400, W), 255, np.uint8)
    again = reread_employer(h, page, page, _Again(["МИНИСТЕРСТВО", "НА", "ОТБРАНАТА"]))  # type: ignore[arg-type]
    assert again.employer_review is not None and "министерство" in again.employer_review


def test_a_word_of_capitals_read_partly_small_is_no_misreading_to_mend() -> None:
    # AA dev 19005 p5: "ДП ПЪТНО ПОДДЪРЖАНЕ" read "ДП ПътНо ПоддъРжене": "ПътНо" mended into "Пътна"
    assert is_word("ПътНо") and is_word("ПЪТНО")
    name, _ = check("ДП ПътНо ПоддъРжане", ())
    assert name.upper() == "ДП ПЪТНО ПОДДЪРЖАНЕ"


def test_a_legal_form_misread_is_the_one_form_a_letter_from_it_and_doubted() -> None:
    doubts: list[str] = []
    assert clean_employer(_line(100, ["Дку", "№", "2", "–", "Русе"]), doubts) == "ДКЦ № 2 – Русе"  # Q dev 9002 p7
    assert doubt("form_unknown", "Дку") in doubts
    doubts = []
    assert clean_employer(_line(100, ["ПИК", "„Дружба“"]), doubts).startswith("ПК ")  # one shorter: as before
    doubts = []
    assert clean_employer(_line(100, ["До", "„Дружба“"]), doubts) == "До „Дружба“"  # "ДФ" or "ДП"? As read


def test_a_lone_capital_before_a_misread_legal_form_is_dropped_with_a_doubt() -> None:
    # T dev 12023 p3: a staple's stroke read "А" before "АПК" read "АПЖ": out as "А АПК „Златен клас“ Павликени"
    doubts: list[str] = []
    name = clean_employer(_line(100, ["А", "АПЖ", "„Златен", "клас“", "Павликени"]), doubts)
    assert name == "АПК „Златен клас“ Павликени" and doubt("dropped", "А") in doubts


def test_an_abbreviations_last_stop_read_as_a_comma_is_mended_with_a_doubt() -> None:
    # X dev 16023 p2: "Ж.п. секция – Горна Оряховица" read "Ж.п, секция", out without a doubt
    doubts: list[str] = []
    name = clean_employer(_line(100, ["Ж.п,", "секция", "–", "Горна", "Оряховица"]), doubts)
    assert name == "Ж.п. секция – Горна Оряховица" and doubts
    doubts = []
    name = clean_employer(_line(100, ["ТК", "„Септември“", "–", "Сливен,", "тъкачен", "цех"]), doubts)
    assert name == "ТК „Септември“ – Сливен, тъкачен цех"  # a town's comma before the unit stays


@pytest.mark.parametrize(
    ("texts", "name"),
    [(["дом", "39", "деца", "„Надежда“", "–", "Ловеч"], "дом за деца „Надежда“ – Ловеч"),  # Q dev 9019 p3
     (["ЗАВОД", "38", "КАБЕЛИ"], "ЗАВОД ЗА КАБЕЛИ")],  # AA dev 19005 p1
)  # fmt: skip
def test_the_preposition_read_as_two_digits_between_two_words_is_mended_with_a_doubt(texts: list[str], name: str) -> None:
    doubts: list[str] = []
    assert clean_employer(_line(100, texts), doubts) == name and doubts


def test_a_number_between_capitalised_words_stays_a_number() -> None:
    doubts: list[str] = []
    assert clean_employer(_line(100, ["Поликлиника", "38", "Пловдив"]), doubts) == "Поликлиника 38 Пловдив"


def test_a_state_hunting_estates_form_is_a_listed_form() -> None:
    # X dev 16029 (a seed outside the pages tuned on): "ДЛС „Воден“ – с. Ивански" out as "ДЗС ..." on every page
    doubts: list[str] = []
    assert clean_employer(_line(100, ["ДЛС", "„Воден“", "–", "с.", "Ивански"]), doubts) == "ДЛС „Воден“ – с. Ивански"
    assert not any("ДЗС" in d for d in doubts)
