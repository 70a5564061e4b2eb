"""A printout types whole names in capitals (family P): a word of such a name read with small letters
(Cyrillic capitals that look like their small letters) is put back in capitals, and a name whose every
word came out capitalised among the sheet's names in capitals goes to a person (P dev 8013 page 1:
`СТОЯН КИРИЛОВ Василев` out without a flag)."""

from __future__ import annotations

from ocr import normalise
from ocr.name_case import out_of_case


def test_a_word_of_a_name_in_capitals_read_capitalised_is_put_back_in_capitals():
    assert normalise.name("СТОЯН КИРИЛОВ Василев") == "СТОЯН КИРИЛОВ ВАСИЛЕВ"
    assert normalise.name("Чавдар ДИМИТРОВ КИРИЛОВ") == "ЧАВДАР ДИМИТРОВ КИРИЛОВ"


def test_the_sheets_customs_of_case_stay_as_typed():
    assert normalise.name("ПЕТРОВ Иван Георгиев") == "ПЕТРОВ Иван Георгиев"  # the family name in capitals
    assert normalise.name("Иван Петров Георгиев") == "Иван Петров Георгиев"
    assert normalise.name("ИВАН ПЕТРОВ ГЕОРГИЕВ") == "ИВАН ПЕТРОВ ГЕОРГИЕВ"


def test_a_name_read_capitalised_among_names_in_capitals_goes_to_a_person():
    names = [normalise.name(n) for n in ("СТОЯН КИРИЛОВ Василев", "ЛАЗАР ВАСИЛОВ УЗУНОВ", "Трифон Георгиев Лазаров",
                                         "ГЕОРГИ СТЕФАНОВ ЧОЛАКОВ", "НИКОЛА ДИМИТРОВ ЯНКОВ")]  # fmt: skip
    assert out_of_case(names) == [2]
