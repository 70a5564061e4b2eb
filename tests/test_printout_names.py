"""A printout types whole names in capitals (family P): a word of such a name read with small letters
(Cyrillic capitals that look like their small letters) is put back in capitals, and a name whose every
word came out capitalised among the sheet's names in capitals goes to a person (P dev 8013 page 1:
`СТОЯН КИРИЛОВ Василев` out without a flag)."""

from __future__ import annotations

from ocr import normalise
from ocr.checks import NAME_FORM, RowDraft
from ocr.name_case import out_of_case
from ocr.plausibility import cross_check


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


def _sheet(names: list[str]) -> list[RowDraft]:
    rows = [RowDraft(values={"name": normalise.name(n)}) for n in names]
    cross_check(rows, ["name"], 1989, 3)
    return rows


def test_names_read_capitalised_on_a_sheet_of_names_in_capitals_are_read_in_capitals():
    """P dev 8018 page 1: eight names of twelve read in capitals, the others capitalised; they were out
    without a flag (a printout types every name alike); now they are read as printed."""
    rows = _sheet(["Благой Кирилов Златев", "ЦАНКО ИЛИЕВ ГЕОРГИЕВ", "Йорданка Йорданова Лазарова",
                   "Яна Борисова Хаджиева", "ЮЛИЯ ТОДОРОВА ЩЕРЕВА", "ТЕМЕНУЖКА ДИМИТРОВА ЛАЗАРОВА",
                   "НАДЕЖДА ПЕТРОВА ПОПОВА", "ДИМИТЪР ДИМИТРОВ АТАНАСОВ", "МАРИЯ СТАЙНАВА ХРИСТОВА",
                   "КАМЕН ГЕОРГИЕВ ПОПОВ", "Катя Цветанова Маринова"])  # fmt: skip
    assert [r.values["name"] for r in rows][:4] == ["БЛАГОЙ КИРИЛОВ ЗЛАТЕВ", "ЦАНКО ИЛИЕВ ГЕОРГИЕВ",
                                                    "ЙОРДАНКА ЙОРДАНОВА ЛАЗАРОВА", "ЯНА БОРИСОВА ХАДЖИЕВА"]  # fmt: skip
    assert rows[-1].values["name"] == "КАТЯ ЦВЕТАНОВА МАРИНОВА"
    assert not any("name" in r.review for r in rows)


def test_a_sheet_whose_names_come_in_two_cases_half_and_half_sends_its_names_to_a_person():
    """P dev 8002 page 1: three names read wholly in capitals, five otherwise (`Николай ХРИСТОВ Лазаров`,
    `Снежана Димитрова Павлова` for names in capitals): the sheet does not tell its case."""
    rows = _sheet(["СТЕФКА ДИМИТРОВА ВАСИЛЕВА", "ЙОРДАНКА СТОЯНОВА РУСЕВА", "Живка Стоянов Христов",
                   "Николай ХРИСТОВ Лазаров", "ЛЮБОМИР ИВАНОВ ГЕОРГИЕВ", "Пенка Маринова ДОБРЕВА",
                   "Живка Атанасова ПЕТРОВА", "Снежана Димитрова Павлова"])  # fmt: skip
    assert all(r.review.reasons.get("name") == NAME_FORM for r in rows)


def test_a_sheet_of_capitalised_names_or_of_family_names_in_capitals_is_left_as_read():
    rows = _sheet(["Иван Петров Георгиев", "Мария Стоянова Христова", "Катя Цветанова Маринова", "Яна Борисова Хаджиева"])
    assert [r.values["name"] for r in rows][0] == "Иван Петров Георгиев" and not any("name" in r.review for r in rows)
    rows = _sheet(["ПЕТРОВ Иван Георгиев", "ХРИСТОВА Мария Стоянова", "МАРИНОВА Катя Цветанова", "ИВАНОВ Петър Колев"])
    assert rows[1].values["name"] == "ХРИСТОВА Мария Стоянова" and not any("name" in r.review for r in rows)
