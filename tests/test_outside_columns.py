"""Columns that are no payroll-page/1 field yet look like one (issue 9, family K, ``ocr/outside_columns``):
a day's rate (money, never totalled) is no pay, a class for years of service (0-30 %) is no days; sums that
hold "somewhere" with them are not enough. Figures as read on K dev 3003 p1 and 3002 p1."""

from __future__ import annotations

from ocr import checks, columns, outside_columns

# rate, days, base, extra, gross, deductions, net (K dev 3003 p1, the rate's heading read `диевна`)
ROWS = [
    ("64-33", "14", "900-59", "198-13", "1098-72", "205-46", "893-26"),
    ("34-63", "22", "761-77", "205-68", "967-45", "145-12", "822-33"),
    ("30-21", "22", "664-51", "186-06", "850-57", "141-19", "709-38"),
    ("41-10", "20", "822-00", "100-00", "922-00", "120-00", "802-00"),
]
HEADS = ["№ по ред", "Фамилно, собствено", "ЕГН", "", "Отработени дни", "", "", "", "", ""]
TOTALS = ["", "ВСИЧКО:", "", "", "", "3148-87", "689-87", "3838-74", "611-77", "3226-97"]
RIGHT = [None, "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _body(rows: list[tuple[str, ...]]) -> list[list[str]]:
    return [[f"{i + 1}.", "ЗЛАТЕВА Пенка Христова", f"610401323{i}", *r] for i, r in enumerate(rows)]


def test_a_rate_headed_so_is_no_pay() -> None:
    heads = [*HEADS[:3], "Дневна ставка", *HEADS[4:]]
    assert columns.identify(_body(ROWS), heads)[3:] == RIGHT
    assert columns.identify(_body(ROWS), [*HEADS[:3], "диевна", *HEADS[4:]])[3:] == RIGHT


def test_a_rate_with_no_total_is_no_pay() -> None:
    assert columns.identify(_body(ROWS), HEADS, TOTALS)[3:] == RIGHT


def test_a_pay_column_whose_total_was_not_read_stays() -> None:
    # the net pay's total misread to nothing: the sums need the column, it keeps its place
    totals = [*TOTALS[:-1], ""]
    assert columns.identify(_body(ROWS), HEADS, totals)[3:] == RIGHT


def test_headings_of_pay_that_name_a_class_or_a_rate_are_pay() -> None:
    assert not outside_columns.named_not_pay("Клас, премии, добавки")
    assert not outside_columns.named_not_pay("Заработено по ставка")
    assert not outside_columns.named_not_pay("Отработени дневно месеца")  # `дни през` misread
    assert outside_columns.named_not_pay("Ставка на ден (лв.)")
    assert outside_columns.named_not_pay("Клас за стаж")
    assert outside_columns.named_not_pay("Процент за клас")


def test_a_class_for_years_of_service_is_no_days() -> None:
    # K dev 3002 p1: class (30, 20, 20, 12, 8, 16) before the days (7, 23, 8, 23, 23, 23), headings unread
    classes, days = ("30", "20", "20", "12", "8", "16"), ("7", "23", "8", "23", "23", "23")
    body = [[str(i + 1), "Гъркова Евгения Георгиева", f"300102593{i}", k, d, "77,46", "10,77", "66,69"]
            for i, (k, d) in enumerate(zip(classes, days, strict=True))]  # fmt: skip
    kinds = columns.identify(body, [""] * 8)
    assert kinds[3:5] == [None, "days_worked"]
    heads = ["", "", "", "Клас %", "", "", "", ""]
    assert columns.identify([[*r[:4], "5", *r[5:]] for r in body], heads)[3] is None


def test_a_money_column_placed_by_no_total_and_no_heading_goes_to_review() -> None:
    kinds = [None, "name", "base_pay", "gross_pay", "deductions", "net_pay"]
    totals = ["", "Всичко", "", "900.00", "100.00", "800.00"]
    drafts = [checks.RowDraft(values={"base_pay": "5.00"}) for _ in range(2)]
    heads = ["", "", "", "", "", ""]
    assert outside_columns.doubt_untotalled(drafts, kinds, totals, heads) == ["base_pay"]
    assert all(d.review.reasons.get("base_pay") == checks.COLUMN_UNCHECKED for d in drafts)
    drafts = [checks.RowDraft(values={"base_pay": "5.00"})]
    assert outside_columns.doubt_untotalled(drafts, kinds, totals, ["", "", "Основна заплата", "", "", ""]) == []
    assert outside_columns.doubt_untotalled(drafts, kinds, None, heads) == []
    assert not drafts[0].review


def test_a_missed_total_under_a_column_whose_sums_hold_is_no_doubt() -> None:
    # A dev 101 p1: the deductions' total not read, its heading read `Бани`; net = gross - deductions holds
    kinds = ["row", "name", "gross_pay", "deductions", "net_pay"]
    totals = ["", "Всичко", "300.00", "", "270.00"]
    drafts = [checks.RowDraft(values={"gross_pay": "100.00", "deductions": "10.00", "net_pay": "90.00"})
              for _ in range(3)]  # fmt: skip
    assert outside_columns.doubt_untotalled(drafts, kinds, totals, ["", "", "", "Бани", ""]) == []
    drafts[0].values["net_pay"] = "91.00"
    drafts[1].values["net_pay"] = "92.00"
    assert outside_columns.doubt_untotalled(drafts, kinds, totals, ["", "", "", "Бани", ""]) == ["deductions"]


def test_the_days_beside_a_class_no_heading_names_go_to_review() -> None:
    # K dev 3002 p1 as read: the class (30, 20, 20, ...) took the days' place, every days figure wrong
    classes, days = ("30", "20", "20", "40", "12", "6", "2", "20"), ("7", "23", "8", "", "13", "8", "", "23")
    texts = [[str(i + 1), "Гъркова Евгения", k, d, "77,46"] for i, (k, d) in enumerate(zip(classes, days, strict=True))]
    kinds = ["row", "name", "days_worked", None, "gross_pay"]
    drafts = [checks.RowDraft(values={"days_worked": int(k)}) for k in classes]
    assert outside_columns.doubt_days_between_two(drafts, kinds, texts, [""] * 5)
    assert all(d.review.reasons.get("days_worked") == checks.COLUMN_AMBIGUOUS for d in drafts)
    for heads in (["", "", "Отработени дни", "", ""], ["", "", "", "Клас %", ""]):
        drafts = [checks.RowDraft(values={"days_worked": int(k)}) for k in classes]
        assert not outside_columns.doubt_days_between_two(drafts, kinds, texts, heads)
        assert not any(d.review for d in drafts)
    # a clerk's ticks on a few rows are no second days column (J dev 1005 p6)
    ticks = [[r[0], r[1], r[2], "7" if i in (1, 4) else "", r[4]] for i, r in enumerate(texts)]
    assert not outside_columns.doubt_days_between_two(drafts, kinds, ticks, [""] * 5)
    # nor are the row numbers left of the names, not placed as such
    numbers = [[str(i + 1), r[1], r[2], "", r[4]] for i, r in enumerate(texts)]
    assert not outside_columns.doubt_days_between_two(drafts, [None, *kinds[1:]], numbers, [""] * 5)


def test_days_that_repeat_as_days_do_beside_a_class_stay_unflagged() -> None:
    # K dev 3004 p1 as read: the days (`23` five times of eight) beside a class whose figures all differ
    days, classes = ("23", "3", "7", "23", "23", "23", "23", "16"), ("", "10", "20", "6", "14", "18", "7", "2")
    texts = [[str(i + 1), "Гъркова Евгения", k, d, "77,46"] for i, (k, d) in enumerate(zip(classes, days, strict=True))]
    kinds = ["row", "name", None, "days_worked", "gross_pay"]
    drafts = [checks.RowDraft(values={"days_worked": int(d)}) for d in days]
    assert not outside_columns.doubt_days_between_two(drafts, kinds, texts, [""] * 5)
    assert not any(d.review for d in drafts)
