"""An ЕГН whose ninth digit tells the other sex than its row's name goes to a person with both fields
(a row read beside another row's name, or a valid ЕГН misread into another valid one: its check digit
holds by chance about once in eleven)."""

from __future__ import annotations

from archive_core import egn as egn_mod
from ocr.checks import EGN_SEX, REASONS, RowDraft
from ocr.egn_sex import flag_sex_disagreeing, name_is_female


def test_the_names_sex_is_told_by_its_given_name_first_or_second():
    assert name_is_female("Мария Иванова Колева") is True
    assert name_is_female("ПЕТРОВ Иван Георгиев") is False
    assert name_is_female("Колева Мария Иванова") is True
    assert name_is_female("Петров Георгиев") is None


def test_a_valid_egn_of_the_other_sex_than_the_name_sends_both_to_a_person():
    assert EGN_SEX in REASONS
    man, woman = "6712210720", "5203142474"
    assert egn_mod.is_valid(man) and egn_mod.is_valid(woman)
    assert not egn_mod.is_female(man) and egn_mod.is_female(woman)
    rows = [RowDraft(values={"egn": man, "name": "ЦЕНОВА Мария Иванова"}),
            RowDraft(values={"egn": man, "name": "ЦЕНОВ Иван Петров"}),
            RowDraft(values={"egn": woman, "name": "Мария Иванова Ценова"}),
            RowDraft(values={"egn": woman, "name": "Ценов Петров"})]  # fmt: skip
    flag_sex_disagreeing(rows)
    assert rows[0].review == {"egn", "name"} and rows[0].review.reasons["egn"] == EGN_SEX
    assert not rows[1].review and not rows[2].review and not rows[3].review
