"""The marks of the employer's name a reading loses or shifts (ocr/employer_marks.py): the name's dash with a
space on one side only, a village without its "с.". Either way the name is never out without a doubt."""

from __future__ import annotations

import pytest

from ocr.employer_doubts import doubt
from ocr.geometry import Box, Word
from ocr.header import clean_employer, read_employer


def _words(*texts: str) -> list[Word]:
    return [Word(t, 0.95, Box(100 + 160 * i, 100, 240 + 160 * i, 140)) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("read", "printed", "glued"),
    [
        (("„Металик“", "ЕООД", "–Ловеч"), "„Металик“ ЕООД – Ловеч", "–Ловеч"),  # was "„Металик“ ЕООД Ловеч"
        (("ЕТ", "„Марин", "Колев", "-МК“", "Силистра"), "ЕТ „Марин Колев – МК“ Силистра", "-МК"),
        (("ЕТ", "„Вели", "-2“", "с.", "Черноочене"), "ЕТ „Вели – 2“ с. Черноочене", "-2"),
        (("АПК", "„Дружба“-", "Кърджали"), "АПК „Дружба“ – Кърджали", "„Дружба“-"),
        (("„Хлебозавод-", "Стара", "Загора“", "АД"), "„Хлебозавод-Стара Загора“ АД", "„Хлебозавод-"),
    ],
)
def test_a_dash_with_a_space_on_one_side_only_is_kept_and_sends_the_name_to_a_person(
    read: tuple[str, ...], printed: str, glued: str
) -> None:
    doubts: list[str] = []
    assert clean_employer(_words(*read), doubts) == printed
    assert doubt("dash_one_side", glued.strip("„“")) in doubts, doubts


@pytest.mark.parametrize(
    "read",
    [
        ("„Металик“", "ЕООД", "–", "Ловеч"),
        ("„Родопа-94“", "ЕООД", "–", "Ловеч"),
        ("ЕТ", "„Петров-91“", "Ямбол"),
    ],
)
def test_a_spaced_dash_and_a_hyphen_are_no_doubt(read: tuple[str, ...]) -> None:
    doubts: list[str] = []
    assert clean_employer(_words(*read), doubts) == " ".join(read)
    assert doubts == []


def test_a_village_without_its_mark_sends_the_name_to_a_person_a_town_without_one_does_not():
    # N dev 6009 p5 (small italic print): "с." before the village not read, the dash glued to "2":
    # 'ЕТ „Вели -2“ Черноочене' came out without a doubt
    words = [Word(t, c, Box(*b)) for t, c, b in (
        ("ЕТ", 0.9, (394, 185, 422, 207)), ("„Вели", 0.9, (437, 181, 498, 219)), ("-2“", 0.9, (508, 186, 550, 207)),
        ("Черноочене", 0.91, (579, 186, 696, 215)),
    )]  # fmt: skip
    doubts: list[str] = []
    assert read_employer(words, None, doubts) == "ЕТ „Вели – 2“ Черноочене"
    assert doubt("village_unmarked", "Черноочене") in doubts and doubt("dash_one_side", "-2") in doubts
    for read, unmarked in (
        (("ЗПК", "„Единство“", "Бистрица"), ["Бистрица"]),
        (("ТКЗС", "„Н.", "Вапцаров“", "–", "Горна", "Липница"), ["Горна Липница"]),
        (("ТКЗС", "„Н.", "Вапцаров“", "–", "с.", "Горна", "Липница"), []),  # a village of two words, marked
        (("ЗПК", "„Единство“", "с.", "Бистрица"), []),
        (("Мелница", "„Зора“", "Попово"), []),  # a town: often written without "гр."
    ):
        doubts = []
        name = clean_employer(_words(*read), doubts)
        assert [d for d in doubts if "село" in d] == [doubt("village_unmarked", v) for v in unmarked], name
