"""Family AK's rows (a dot-matrix payroll photographed): a person whose name reads like `Всичко` does not end the
table when the people under them are numbered on, and a headless page's first person, in the band taken for the
grid's heading, is a row (ocr/sheet.py ``row_roles``, ``parts``)."""

from __future__ import annotations

from ocr.sheet import _person_for_heading, row_roles


def _roles(texts: list[str]) -> tuple[list[int], int | None, int | None]:
    rows = ["heading", *texts]
    return row_roles(len(rows), lambda r: rows[r], lambda r: bool(rows[r].strip()))


def _people(first: int, n: int) -> list[str]:
    # the ЕГН split in three cells by the reading (no ten digits in a row), the names misread
    return [f"{k} 6{k} 5{k} 59{k} кирид димитров васипЕв огияр {400 + k}.56 {400 + k}.56 51,44 {349 + k}.12"
            for k in range(first, first + n)]


def test_a_name_read_like_the_totals_word_closes_nothing_when_the_rows_are_numbered_on() -> None:
    """AK dev 29002 p1: `Величко` read `вкЛичко`, row 5 of 24 taken for the totals, 19 people lost unflagged."""
    texts = [*_people(1, 4), "5 73 28 356 вкЛичко вагилова Бъчварова в#пфьпр 2027,10 2027,10 107,44 1919,66",
             *_people(6, 19), "всичко стр 4 2501,84 2504,84 586,53 20301,34"]  # fmt: skip
    body, totals, carried = _roles(texts)
    assert body == list(range(1, 25)) and totals == 25 and carried is None


def test_the_totals_word_still_closes_the_table_under_numbered_people() -> None:
    texts = [*_people(1, 4), "Всичко 1606,24 1606,24 205,76 1402,48", "Гл. счетоводител: Иван Петров", "Председател:"]
    body, totals, _ = _roles(texts)
    assert body == [1, 2, 3, 4] and totals == 5


def test_a_headless_pages_first_person_is_no_heading() -> None:
    """AK dev 29003 p8: the running line above the grid, its first band person 42's: taken for the heading, lost."""
    first = ["42", "5503101884", "ЗАДЖИЕВ ЯТАНЯС АНГЕЛОВ", "ОВЧАР", "23", "445.", "35", "", "445.35", "26.28"]
    under = ["43", "4205135744", "ХРИСТОВ ХРИСТО ПЕНЧОВ", "ПОЗАР", "23", "280.", "4", "", "280", "18.54"]
    assert _person_for_heading(first, [under])


def test_a_heading_stays_a_heading() -> None:
    heading = ["№", "ЕГН", "Фамилия, име, презиме", "Длъжност", "Дни", "Основна заплата", "Сума за получаване"]
    under = ["1", "4205135744", "Христов Христо Пенчов", "лозар", "23", "280.84", "262.30"]
    assert not _person_for_heading(heading, [under])
    # a heading the reading garbled to no column's word, figures under it: no ЕГН in it, still the heading
    assert not _person_for_heading(["н пир", "ко", "ФамипиЯ", "дни пори", "лвЯО"], [under])
