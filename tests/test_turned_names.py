"""A page fed sideways whose ЕГН no reading makes valid (a fax of a landscape sheet, U dev 13020 p2, p4): the
turn that reads people's names is the page's turn, not a failure with no table found."""

from __future__ import annotations

from archive_core.records import PayrollPage, PayrollRow
from ocr.extract import _better_turned


def _page(*names: str, egn: str | None = None) -> PayrollPage:
    return PayrollPage(
        image="p.png", rows=[PayrollRow(row=i + 1, name=n, egn=egn) for i, n in enumerate(names)]
    )


def test_the_turn_reading_names_is_taken_when_no_reading_has_a_valid_egn():
    as_given = _page()
    garbled = _page("Юънойбез Ъляним Нд", "Водевеу Вощоц Йоа", "Пичик На Пундж")
    upright = _page("Соня Цветанова Чолакова", "Георги Петров Лазаров", "Дузисияна Киринита")
    assert _better_turned(upright, as_given)
    assert not _better_turned(garbled, as_given)
    assert _better_turned(upright, garbled) and not _better_turned(garbled, upright)


def test_valid_egn_still_decide_before_names():
    with_egn = _page("Пичик На", "Водевеу Вощоц", egn="6312068550")
    named = _page("Соня Цветанова Чолакова", "Георги Петров Лазаров")
    assert _better_turned(with_egn, named) and not _better_turned(named, with_egn)


def test_one_named_row_is_not_enough_to_tell_the_turn():
    assert not _better_turned(_page("Георги Петров Лазаров", "Водевеу Вощоц"), _page())
