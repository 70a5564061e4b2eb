"""Family Z's header plate: the enterprise's name in capitals from an embossed plate, its blocky letters read as
others ("НЕФТОХНИ" for "НЕФТОХИМ", "НДК" for "МДК", a plate's capitals read small: "кци" for "КЦМ"), its comma
after the town read as a stop; and the form's code ("Форма Т-5 (МСС)") above it, no employer
(ocr/plate_letters.plate_word, ocr/employer_spelling, ocr/form_imprint)."""

from __future__ import annotations

import pytest

from ocr.employer_spelling import check
from ocr.form_imprint import without_form_numbers
from ocr.geometry import Box, Word
from ocr.plate_letters import plate_word


@pytest.mark.parametrize(
    ("read", "mended"),
    [("НДК ПИРДОП, ЦЕХ ЕЛЕКТРОЛИЗА", "МДК ПИРДОП, ЦЕХ ЕЛЕКТРОЛИЗА"),  # Z dev 18022 p1
     ("НЕФТОХНИ – БУРГАС, ПРОИЗВОДСТВО 2", "НЕФТОХИМ – БУРГАС, ПРОИЗВОДСТВО 2"),  # p12, p14-16
     ("кци – ПЛОВДИВ, ЦЕХ ОЛОВО", "КЦМ – ПЛОВДИВ, ЦЕХ ОЛОВО"),  # p6
     ("ЗИМ ВАСИЛ КОЛАРОВ – СОФИЯ", "ЗММ ВАСИЛ КОЛАРОВ – СОФИЯ"),  # Z dev 18021 p6
     ("ЗАВОД ЗА ЛАГЕРИ – КАЗАНПЪК", "ЗАВОД ЗА ЛАГЕРИ – КАЗАНЛЪК"),  # p1: a town's Л read П
     ("КЦМ – ПЛОВДИВ. ЦЕХ ОЛОВО", "КЦМ – ПЛОВДИВ, ЦЕХ ОЛОВО")],  # Z dev 18021 p15, p16
)  # fmt: skip
def test_a_header_plate_s_letters_read_as_others_are_mended_and_go_to_a_person(read: str, mended: str) -> None:
    name, doubts = check(read, ())
    assert name == mended
    assert doubts  # never silent: the plates' letters are a guess for one line


@pytest.mark.parametrize(
    "name",
    ["КОРАБОСТРОИТЕЛЕН ЗАВОД – ВАРНА", "ХИМКОМБИНАТ – ДЕВНЯ", "ЗАВОД ЗА ГУМИ – ВИДИН", "КМК ЛЕНИН – ПЕРНИК",
     "ЗТМ – РУСЕ", "ДЗС гр. ПЛОВДИВ", "ДП ГР. ПЛОВДИВ"],
)  # fmt: skip
def test_a_name_in_capitals_read_right_stays_as_read(name: str) -> None:
    assert check(name, ()) == (name, [])


def test_a_plate_word_is_mended_only_to_the_one_word_its_letters_make() -> None:
    forms = {"МДК", "НПК", "ЗММ"}.__contains__
    assert plate_word("НДК", forms) == "МДК"
    assert plate_word("МДК", forms) is None  # known as read: no other spelling is a form
    assert plate_word("ЗИП", forms) == "ЗММ"
    assert plate_word("кци", forms) is None  # capitals only (the caller reads small letters as capitals)
    assert plate_word("НИН", {"МИН", "НИМ"}.__contains__) is None  # two words reached: left as read


def _w(text: str, x0: int, y0: int = 100, h: int = 30) -> Word:
    return Word(text, 0.9, Box(x0, y0, x0 + 20 * len(text), y0 + h))


def test_a_machine_accounting_station_s_form_code_is_no_employer() -> None:
    """Z dev 18022 p11: "Форма Т-5 (МСС)" printed small in the corner came out as the employer, without a doubt."""
    words = [_w("Форма", 100), _w("Т-5", 230), _w("(МСС)", 310), _w("НЕФТОХИМ", 900, 200, 40)]
    assert [w.text for w in without_form_numbers(words)] == ["НЕФТОХИМ"]
