"""A pre-printed form numbers every line: the totals typed on the line after the last person carry the form's
number, and the lines under them nobody filled hold nothing but theirs. The totals still close the table (ocr/sheet.py
``row_roles``, ``_numbered_on``; AP dev 34007 p1: `7 Общо ...` over the printed `8` to `13` read as a person, the
form's empty lines counted as people whose ЕГН failed, every field of the page sent to review)."""

from __future__ import annotations

from ocr.sheet import row_roles

PEOPLE = [
    "1 4112109370 Елена Й. Атанасова 241,14 36,17 277,31 117,08 160,23",
    "2 4609150000 Христо Ангелов Хаджиев 204,74 204,74 80,12 124,62",
    "3 3809228064 Иван Пенчов Ангелов 210,74 16,86 227,60 90,00 137,60",
]


def _roles(texts: list[str]) -> tuple[list[int], int | None, int | None]:
    rows = ["№ ЕГН Име Основна Добавъчно Всичко Удръжки Остава", *texts]
    return row_roles(len(rows), lambda r: rows[r], lambda r: bool(rows[r].strip()))


def test_the_totals_on_a_numbered_line_of_the_form_close_the_table() -> None:
    body, totals, carried = _roles([*PEOPLE, "4 Общо 656,62 53,03 709,65 287,20 422,45", "5", "6", "7", "8"])
    assert body == [1, 2, 3] and totals == 4 and carried is None


def test_a_person_numbered_on_under_a_word_like_the_totals_is_still_a_person() -> None:
    """The form's numbers do not make every `Общо`-like word the totals: a person is numbered on under it."""
    texts = [*PEOPLE, "4 Общо 656,62 53,03 709,65 287,20 422,45",
             "5 5105014566 Стоян Петров Илиев 190,00 190,00 70,00 120,00", "6", "7"]  # fmt: skip
    body, totals, _ = _roles(texts)
    assert totals != 4 and 5 in body
