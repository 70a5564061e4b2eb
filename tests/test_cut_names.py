"""A person's name cut short by a column's boundary (a tape's edge taken for a rule, AH dev 26008 p2) goes to a
person where the unplaced column after it begins, on that row, with a word's tail."""

from __future__ import annotations

from ocr import checks
from ocr.cut_names import doubt_cut_names, doubt_names_at_boundary
from ocr.geometry import Box, Word

KINDS: list[str | None] = ["row", "egn", "name", None, "base_pay"]


def _draft(name: str) -> checks.RowDraft:
    return checks.RowDraft(values={"name": name}, conf={"name": 0.95})


def test_a_name_whose_rest_stands_in_the_next_unplaced_column_goes_to_review():
    drafts = [_draft("Радка Тодор"), _draft("Лазар Тодоров Стоянов")]
    texts = [["3", "5412113990", "Радка Тодор", "ова Златева", "3.480,00"],
             ["1", "6711175809", "Лазар Тодоров Стоянов", "", "4.971,00"]]  # fmt: skip
    doubt_cut_names(drafts, KINDS, texts)
    assert drafts[0].review.reasons.get("name") == checks.NAME_FORM
    assert not drafts[1].review


def test_a_whole_name_before_a_rank_in_an_unplaced_column_stands():
    drafts = [_draft("Иван Петров Колев"), _draft("Мария Колева")]
    texts = [["1", "5412113990", "Иван Петров Колев", "матрос", "480,00"],
             ["2", "6711175809", "Мария Колева", "Капитан", "971,00"]]  # fmt: skip
    doubt_cut_names(drafts, KINDS, texts)
    assert not drafts[0].review and not drafts[1].review


def test_a_placed_column_after_the_name_asks_nothing():
    drafts = [_draft("Радка Тодор")]
    doubt_cut_names(drafts, ["row", "egn", "name", "position", "base_pay"], [["3", "1", "Радка Тодор", "ова", "1"]])
    assert not drafts[0].review


def _word(text: str, x0: int, x1: int) -> Word:
    return Word(text, 0.9, Box(x0, 10, x1, 50))


def test_a_name_whose_last_word_runs_to_the_columns_boundary_goes_to_review():
    # AH dev 26008 p2: the name column 698-987 (a tape's edge its right boundary), `Радка Тодор` ending at 989
    drafts = [_draft("Радка Тодор"), _draft("Иван Петров Колев")]
    cells = {(1, 2): [_word("Радка", 713, 833), _word("Тодор", 862, 989)],
             (2, 2): [_word("Иван", 713, 800), _word("Петров", 820, 900), _word("Колев", 915, 960)]}  # fmt: skip
    doubt_names_at_boundary(drafts, KINDS, cells, [1, 2], [223, 398, 698, 987, 1187, 1448])
    assert drafts[0].review.reasons.get("name") == checks.NAME_FORM
    assert not drafts[1].review  # ends a space and more short of the rule


def test_a_whole_name_typed_up_to_the_rule_stands():
    drafts = [_draft("Цветанка Георгиева Иванова")]
    cells = {(1, 2): [_word("Цветанка", 713, 830), _word("Георгиева", 845, 930), _word("Иванова", 940, 986)]}
    doubt_names_at_boundary(drafts, KINDS, cells, [1], [223, 398, 698, 987, 1187])
    assert not drafts[0].review
