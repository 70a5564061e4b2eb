"""Names printed from address plates whose blocky letters the engine reads as others all over the page
(``ocr.plate_letters``): the page's repeated misreadings mend its names, and nothing else does."""

from ocr.checks import RowDraft
from ocr.names import check_name
from ocr.plate_letters import mend_plate_names


def _page(*names: str) -> list[RowDraft]:
    return [RowDraft(values={"name": n}) for n in names]


def test_a_plate_face_read_Я_for_А_on_many_words_gets_its_names_back() -> None:
    page = _page("КОЛЕВЯ ГЕРГАНА ЛЯЗАРОВЯ", "ПАВЛОВЯ ДОНКА ВАСИЛОВЯ", "ДРАГЯНОВЯ ФАНЯ ЦВЕТЯНОВЯ", "КОЛЕВ ПЕТЪР ИЛИЕВ")
    mend_plate_names(page)
    got = [d.values["name"] for d in page]
    assert got[:3] == ["КОЛЕВА ГЕРГАНА ЛАЗАРОВА", "ПАВЛОВА ДОНКА ВАСИЛОВА", "ДРАГАНОВА ФАНЯ ЦВЕТАНОВА"]
    assert all(check_name(str(n))[1] for n in got)  # every mended name a known one: no person needed
    assert got[3] == "КОЛЕВ ПЕТЪР ИЛИЕВ"


def test_a_name_the_lexicon_knows_with_Я_stays() -> None:
    page = _page("КОЛЕВЯ ЯНА ЛЯЗАРОВЯ", "ПАВЛОВЯ ЛИЛЯНА ВАСИЛОВЯ", "СТОЯНОВ ЯНКО ИВАНОВ")
    mend_plate_names(page)
    assert [d.values["name"] for d in page] == ["КОЛЕВА ЯНА ЛАЗАРОВА", "ПАВЛОВА ЛИЛЯНА ВАСИЛОВА", "СТОЯНОВ ЯНКО ИВАНОВ"]


def test_one_odd_word_teaches_the_page_nothing() -> None:
    page = _page("КОЛЕВЯ ГЕРГАНА ЛАЗАРОВА", "ПАВЛОВА ДОНКА ВАСИЛОВА", "ИВАНОВ ПЕТЪР ИЛИЕВ")
    mend_plate_names(page)
    assert page[0].values["name"] == "КОЛЕВЯ ГЕРГАНА ЛАЗАРОВА"  # left to the checks (one letter: check_name's)


def test_names_in_small_letters_learn_no_plate_letters() -> None:
    page = _page("Колевя Гергана Лязаровя", "Павловя Донка Василовя", "Драгяновя Фаня Цветяновя")
    mend_plate_names(page)
    assert [d.values["name"] for d in page] == ["Колевя Гергана Лязаровя", "Павловя Донка Василовя", "Драгяновя Фаня Цветяновя"]
