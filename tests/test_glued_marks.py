"""A co-operative's printout in capitals prints its village's mark glued to the name ("ТКЗС „ОСВОБОЖДЕНИЕ“
С.ЛОМ ЧЕРКОВНА", AK dev 29001): the header spaced every "с."/"гр." as most names are written ("С. ЛОМ"), and
no page's employer came out as printed. In a fixed-pitch face the words' widths say whether a space was
printed: a space is a letter's cell."""

from __future__ import annotations

from ocr.geometry import Box, Word
from ocr.header import clean_employer


def _w(text: str, x0: int, x1: int) -> Word:
    return Word(text, 0.9, Box(x0, 10, x1, 40))


def test_a_mark_printed_glued_to_the_village_in_a_fixed_pitch_face_stays_glued() -> None:
    one_word = [_w("ТКЗС", 569, 662), _w('"ОСВОБОЖДЕНИЕ"', 698, 1034), _w("С.ЛОМ", 1070, 1188),
                _w("ЧЕРКОВНА", 1219, 1412)]  # fmt: skip
    assert clean_employer(one_word) == "ТКЗС „ОСВОБОЖДЕНИЕ“ С.ЛОМ ЧЕРКОВНА"
    two_words = [_w("ТКЗС", 639, 731), _w('"ОСВОБОЖДЕНИЕ"', 766, 1103), _w("С.", 1139, 1175), _w("ЛОМ", 1196, 1255),
                 _w("ЧЕРКОВНА", 1289, 1481)]  # fmt: skip
    assert clean_employer(two_words) == "ТКЗС „ОСВОБОЖДЕНИЕ“ С.ЛОМ ЧЕРКОВНА"


def test_a_mark_printed_with_a_space_is_spaced_however_the_engine_joined_it() -> None:
    spaced = [_w("ТКЗС", 639, 731), _w('"ОСВОБОЖДЕНИЕ"', 766, 1103), _w("С.", 1139, 1175), _w("ЛОМ", 1210, 1269),
              _w("ЧЕРКОВНА", 1303, 1495)]  # fmt: skip
    assert clean_employer(spaced) == "ТКЗС „ОСВОБОЖДЕНИЕ“ С. ЛОМ ЧЕРКОВНА"
    joined = [_w("ТКЗС", 569, 662), _w('"ОСВОБОЖДЕНИЕ"', 698, 1034), _w("С.ЛОМ", 1070, 1212),
              _w("ЧЕРКОВНА", 1243, 1436)]  # a cell wider: the space was printed  # fmt: skip
    assert clean_employer(joined) == "ТКЗС „ОСВОБОЖДЕНИЕ“ С. ЛОМ ЧЕРКОВНА"
    # a proportional face, a town in small letters: spaced as most names are written
    assert clean_employer([_w("Хлебозавод", 100, 400), _w("гр.Нови", 420, 560), _w("Искър", 580, 700)]) == (
        "Хлебозавод гр. Нови Искър"
    )


def test_a_village_one_letter_from_a_listed_place_is_that_place_and_goes_to_a_person() -> None:
    """AK dev 29001 p6: "С.ЛОМ" read "С.ПОМ" (a dot-built Л for П) came out without a doubt."""
    words = [_w("ТКЗС", 569, 662), _w('"ОСВОБОЖДЕНИЕ"', 698, 1034), _w("С.ПОМ", 1070, 1188), _w("ЧЕРКОВНА", 1219, 1412)]
    doubts: list[str] = []
    assert clean_employer(words, doubts) == "ТКЗС „ОСВОБОЖДЕНИЕ“ С.ЛОМ ЧЕРКОВНА" and any("ПОМ" in d for d in doubts)
    doubts = []
    words[2] = _w("С.ЛОМ", 1070, 1188)
    assert clean_employer(words, doubts) == "ТКЗС „ОСВОБОЖДЕНИЕ“ С.ЛОМ ЧЕРКОВНА" and doubts == []
