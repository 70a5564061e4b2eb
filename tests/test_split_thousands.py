"""A money column's thousands cut off by the grid into a column of their own (`24` | `591,84`): the groups
join their amounts, so the row sums judge whole amounts (read apart, 591.84 - 297.35 = 294.49 held on what was
left of 24591.84 - 9297.35 = 15294.49 and every figure was wrong with no flag: AK dev 29007 p4)."""

from ocr.header import Header
from ocr.sheet import Sheet
from ocr.split_thousands import join_thousands

KINDS = ["row", "name", "days_worked", None, "gross_pay", None, "deductions", None, "net_pay"]


def _sheet(texts: list[list[str]]) -> Sheet:
    return Sheet({}, Header(), [""] * len(texts[0]), list(range(len(texts))), None, None, texts)


def test_groups_join_their_amounts() -> None:
    s = _sheet([
        ["1", "ИВАН ПЕТРОВ ИВАНОВ", "11", "24", "591,84", "9", "297,35", "15", "294,49"],
        ["2", "МАРИЯ ИВАНОВА ПЕТРОВА", "20", "22", "578,46", "1", "399,86", "21", "178,60"],
        ["3", "ПЕТЪР КОЛЕВ ПЕТРОВ", "4", "", "643,84", "", "37,34", "", "606,50"],
    ])  # fmt: skip
    assert join_thousands(s, KINDS) == [4, 6, 8]
    assert s.texts[0][3:] == ["", "24 591,84", "", "9 297,35", "", "15 294,49"]
    assert s.texts[2][3:] == ["", "643,84", "", "37,34", "", "606,50"]  # under a thousand: as read


def test_a_column_of_days_without_a_kind_is_no_thousands() -> None:
    kinds = ["row", "name", None, "gross_pay", "deductions", "net_pay"]
    s = _sheet([
        ["1", "ИВАН ПЕТРОВ ИВАНОВ", "21", "591,84", "297,35", "294,49"],
        ["2", "МАРИЯ ИВАНОВА ПЕТРОВА", "20", "578,46", "399,86", "178,60"],
    ])  # fmt: skip
    assert join_thousands(s, kinds) == []
    assert s.texts[0][2:4] == ["21", "591,84"]


def test_a_column_of_other_text_is_no_thousands() -> None:
    kinds = ["row", "name", None, "gross_pay"]
    s = _sheet([
        ["1", "ИВАН ПЕТРОВ ИВАНОВ", "тр.", "591,84"],
        ["2", "МАРИЯ ИВАНОВА ПЕТРОВА", "45", "578,46"],
        ["3", "ПЕТЪР КОЛЕВ ПЕТРОВ", "47", "512,46"],
    ])  # fmt: skip
    assert join_thousands(s, kinds) == []


def test_one_money_column_after_small_numbers_is_no_thousands() -> None:
    kinds = ["row", "name", "days_worked", None, "base_pay", "gross_pay", "net_pay"]  # a class before the base
    s = _sheet([
        ["1", "ИВАН ПЕТРОВ ИВАНОВ", "21", "4", "591,84", "591,84", "494,49"],
        ["2", "МАРИЯ ИВАНОВА ПЕТРОВА", "20", "5", "578,46", "578,46", "478,60"],
    ])  # fmt: skip
    assert join_thousands(s, kinds) == []
    assert s.texts[0][3:5] == ["4", "591,84"]
