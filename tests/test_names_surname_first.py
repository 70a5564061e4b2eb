"""Names typed family name first, some in capitals ('ПЕТРОВ Иван Георгиев', family K): read as printed,
checked against the name lists whatever their order and case, and a name typed otherwise than the
sheet's others goes to a person (issue 9: K's names were 35 % wrong without a flag, all in capitals
read as 'Петров')."""

from __future__ import annotations

from ocr import normalise
from ocr.checks import NAME_FORM, REASONS, RowDraft
from ocr.name_case import in_capitals
from ocr.names import check_name
from ocr.plausibility import cross_check


def test_a_family_name_in_capitals_stays_in_capitals_even_with_a_small_letter_read_inside():
    assert normalise.name("ПЕТРОВ Иван Георгиев") == "ПЕТРОВ Иван Георгиев"
    assert normalise.name("ПЕТРоВ Иван Георгиев") == "ПЕТРОВ Иван Георгиев"
    assert normalise.name("иван ПетРов") == "Иван Петров"  # one capital inside is no word in capitals
    assert not in_capitals("ИВ") and in_capitals("ЦЕНОВ")


def test_a_name_typed_family_name_first_is_checked_as_such_and_keeps_its_capitals():
    assert check_name("ПЕТРОВ Иван Георгиев") == ("ПЕТРОВ Иван Георгиев", True)
    assert check_name("ФЪРТУНОВА Надежда Ангелова") == ("ФЪРТУНОВА Надежда Ангелова", True)
    assert check_name("Петров Иван Георгиев") == ("Петров Иван Георгиев", True)
    # a woman's family name beside a man's given name, typed family name first: in doubt
    assert check_name("ПЕТРОВА Иван Георгиев")[1] is False
    # the patronymic after the given name, wherever the given name stands
    assert check_name("ПЕТРОВ Иван Пенчев")[1] is False
    assert check_name("Иван Пенчев Петров")[1] is False


def test_a_name_in_other_capitals_than_the_sheets_others_goes_to_a_person():
    assert NAME_FORM in REASONS
    names = ["ПЕТРОВ Иван Георгиев", "ВАСИЛЕВ Здравко Стоянов", "Хаджиев Цанко Николов", "РУСЕВ Живко Атанасов"]
    rows = [RowDraft(values={"name": n}) for n in names]
    cross_check(rows, ["name"], 1990, 3)
    assert [("name" in r.review) for r in rows] == [False, False, True, False]
    assert rows[2].review.reasons["name"] == NAME_FORM
    usual = ["Петров Иван Георгиев", "Василев Здравко Стоянов", "ХАДЖИЕВ Цанко Николов", "Русев Живко Атанасов"]
    rows = [RowDraft(values={"name": n}) for n in usual]
    cross_check(rows, ["name"], 1990, 3)
    assert [("name" in r.review) for r in rows] == [False, False, True, False]


def test_a_name_typed_all_in_capitals_is_checked_and_its_order_told():
    from ocr.names import given_name_position

    assert check_name("ПЕТРОВ ИВАН ГЕОРГИЕВ") == ("ПЕТРОВ ИВАН ГЕОРГИЕВ", True)
    assert given_name_position("ПЕТРОВ ИВАН ГЕОРГИЕВ") == 1
    assert given_name_position("ИВАН ГЕОРГИЕВ ПЕТРОВ") == 0


def test_a_rare_form_one_letter_from_several_common_names_goes_to_a_person():
    """K dev 3005 page 4: 'КЪНЧЕВА Донка Пенчова' read 'Пейчова', a rare family name's form in the lists
    one letter from 'Пенчова', 'Пейова' and 'Пейчева': it passed as sure."""
    assert check_name("КЪНЧЕВА Донка Пейчова") == ("КЪНЧЕВА Донка Пейчова", False)
    assert check_name("КЪНЧЕВА Донка Пенчова") == ("КЪНЧЕВА Донка Пенчова", True)
