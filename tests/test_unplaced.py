"""A column whose heading names a field but that was not placed: that field goes to review on every row
(a sheet's days typed under `Присъст- вени дни` in one heading cell with `Получих сумата` went out empty
and unflagged on family H)."""

from __future__ import annotations

from ocr import checks
from ocr.unplaced import flag_unplaced


def _drafts(n: int) -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"name": "Иван Петров", "egn": "4004058538", "net_pay": "100.00"}, bbox=[0, 0, 1, 1]) for _ in range(n)]


def test_days_named_by_an_unplaced_heading_go_to_review_on_every_row():
    drafts = _drafts(3)
    kinds = ["name", "egn", "net_pay", None]
    assert flag_unplaced(drafts, kinds, ["Име", "ЕГН", "За получаване", "Присъст- Получих вени дни сумата"]) == ["days_worked"]
    assert all(d.review.reasons.get("days_worked") == checks.UNREADABLE for d in drafts)


def test_a_sheet_with_its_days_placed_or_without_days_keeps_its_rows_as_read():
    drafts = _drafts(2)
    assert flag_unplaced(drafts, ["name", "egn", "net_pay", "days_worked", None],
                         ["Име", "ЕГН", "За получаване", "Дни", "Получих сумата"]) == []  # fmt: skip
    assert flag_unplaced(drafts, ["name", "egn", "net_pay", None], ["Име", "ЕГН", "За получаване", "Подпис"]) == []
    assert not any("days_worked" in d.review for d in drafts)


def test_a_page_not_read_as_a_whole_sends_the_fields_it_found_no_column_for_to_review():
    drafts = _drafts(2)
    for d in drafts:
        d.review.update(["name", "egn", "net_pay"], reason=checks.PAGE_PLAUSIBILITY)
    assert flag_unplaced(drafts, ["name", "egn", "net_pay"], ["Име", "ЕГН", "За получаване"]) == [
        "days_worked", "base_pay", "extra_pay"]
    assert all("base_pay" in d.review and d.values["base_pay"] is None for d in drafts)


def test_days_named_beside_the_base_pay_in_a_placed_columns_heading_go_to_review():
    """Two headings read as one cell over one column (H dev 810 p4 at 16 grey levels: the days glued to
    the base pay, '21356.08'): the days are on the sheet, and were not read."""
    drafts = _drafts(2)
    kinds = ["name", "egn", "base_pay", "net_pay"]
    headings = ["Трите имена", "ЕГН", "Дни Основно отработени граждение", "Полага се за получаване"]
    assert flag_unplaced(drafts, kinds, headings) == ["days_worked"]
    assert all(d.review.reasons.get("days_worked") == checks.UNREADABLE for d in drafts)


def test_days_under_a_stamp_go_to_review_on_every_row():
    """hard dev 55 p12: a stamp over the days column, its heading read `стреса` and its figures `72/`, `(`,
    `1`: no column was taken for the days and four days went out empty without a flag."""
    drafts = _drafts(4)
    kinds = ["row", "name", "egn", None, "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", None]
    headings = ["ред во", "Име, презиме, Фамилия", "ЕГН", "стреса", "възнатрандение", "аи", "възна Ицидение",
                "жк", "получаване", "Подпис"]  # fmt: skip
    texts = [["4", "Христофор Николов Николов", "2610118721", "", "12.85", "", "1285", "226", "1059", ""],
             ["5", "Живко Георгиев Ярков", "4707286481", "72/", "4-4", "3962", "30376", "4253", "261.23", ""],
             ["6", "Атанас Георгиев Юруков", "4401159262", "(", "334-03", "", "31126", "'63-81", "247.45", ""],
             ["7", "Юлия Стоянова Русева", "5301089498", "1", "87-25", "", "8725", "899", "7826", ""]]  # fmt: skip
    assert flag_unplaced(drafts, kinds, headings, texts) == ["days_worked"]
    assert all(d.review.reasons.get("days_worked") == checks.UNREADABLE for d in drafts)


def test_a_position_column_or_a_blank_one_between_the_person_and_the_money_is_no_days_column():
    drafts = _drafts(3)
    kinds = ["name", "egn", None, "gross_pay", "net_pay"]
    headings = ["Име", "ЕГН", "Длъжност", "Брутно", "За получаване"]
    words = [["Иван", "4004058538", "стругар", "100.00", "90.00"]] * 3
    blank = [["Иван", "4004058538", "", "100.00", "90.00"], ["Иван", "4004058538", "-", "100.00", "90.00"],
             ["Иван", "4004058538", "", "100.00", "90.00"]]  # fmt: skip
    assert flag_unplaced(drafts, kinds, headings, words) == []
    assert flag_unplaced(drafts, kinds, headings, blank) == []
    assert not any("days_worked" in d.review for d in drafts)


def test_a_money_column_whose_heading_names_another_money_field_goes_to_review():
    """E dev 507 --hard all p2: the base pay taken under `Брутна сума`, the additional pay under `Удръжки`."""
    drafts = _drafts(2)
    for d in drafts:
        d.values.update({"base_pay": "300.00", "extra_pay": "40.00", "gross_pay": "340.00"})
    kinds = ["name", "egn", "base_pay", "extra_pay", "net_pay"]
    headings = ["Име", "ЕГН", "Брутна сума", "Удръжки", "За получаване"]
    flag_unplaced(drafts, kinds, headings)
    assert all(d.review.reasons.get("base_pay") == checks.PAGE_PLAUSIBILITY for d in drafts)
    assert all("extra_pay" in d.review and "net_pay" not in d.review for d in drafts)
    drafts = _drafts(2)
    flag_unplaced(drafts, kinds, ["Име", "ЕГН", "Основна заплата", "", "За получаване"])  # its own, or none
    assert not any(d.review for d in drafts)


def test_a_money_column_headed_otherwise_whose_every_row_sum_holds_through_it_stays_as_read():
    """J dev 1001 p4: the net pay's heading read `заплата` (base pay's word; `Чиста` lost), every row's
    net = gross - deductions holding: the six right figures went to review. A heading naming the twin
    (deductions for the net pay) keeps them in review: the two taken for each other keep every sum."""
    def drafts() -> list[checks.RowDraft]:
        out = _drafts(3)
        for d, (g, ded, n) in zip(out, [("153.40", "20.86", "132.54"), ("141.85", "13.19", "128.66"),
                                        ("322.69", "70.35", "252.34")], strict=True):  # fmt: skip
            d.values.update({"gross_pay": g, "deductions": ded, "net_pay": n})
        return out

    kinds = ["name", "egn", "gross_pay", "deductions", "net_pay"]
    rows = drafts()
    flag_unplaced(rows, kinds, ["Име", "ЕГН", "Всичко", "Удръжки", "заплата"])
    assert not any("net_pay" in d.review for d in rows)
    rows = drafts()
    rows[1].values["net_pay"] = "126.66"  # one row's sum broken: the heading stands
    flag_unplaced(rows, kinds, ["Име", "ЕГН", "Всичко", "Удръжки", "заплата"])
    assert all(d.review.reasons.get("net_pay") == checks.PAGE_PLAUSIBILITY for d in rows)
    rows = drafts()
    rows[2].derived.add("net_pay")  # filled in from the sums: holds by construction
    flag_unplaced(rows, kinds, ["Име", "ЕГН", "Всичко", "Удръжки", "заплата"])
    assert all("net_pay" in d.review for d in rows)
    rows = drafts()
    flag_unplaced(rows, kinds, ["Име", "ЕГН", "Всичко", "Удръжки", "Удръжки общо"])  # the twin's heading
    assert all(d.review.reasons.get("net_pay") == checks.PAGE_PLAUSIBILITY for d in rows)


def test_additional_pay_a_misread_heading_names_is_not_sought_where_the_sheet_pays_none():
    """H dev 802 p1: the days' heading `Дни отработени` read `Думи отгработени` names `други` (additional pay)
    too; the sheet has no such column: its `Всичко` gives the base and the gross alike and its rows read
    base = gross. No additional pay goes to review there; where the totals differ (or are unread), it does."""

    def drafts() -> list[checks.RowDraft]:
        return [checks.RowDraft(values={"name": "Иван Петров", "egn": "4004058538", "days_worked": 22,
                                        "base_pay": b, "gross_pay": g}, bbox=[0, 0, 1, 1])
                for b, g in (("100.00", "100.00"), ("200.00", "200.00"), ("939.53", "1749.53"))]  # fmt: skip

    kinds = ["name", "egn", "days_worked", "base_pay", "gross_pay"]
    headings = ["Име", "ЕГН", "Думи отгработени", "Основно възнаграждение", "Всичко начислено"]
    ds = drafts()
    assert flag_unplaced(ds, kinds, headings, None, {"base_pay": "1239.53", "gross_pay": "1239.53"}) == []
    assert not any("extra_pay" in d.review or "extra_pay" in d.values for d in ds)
    for totals in ({"base_pay": "1239.53", "gross_pay": "2049.53"}, {"base_pay": "1239.53"}, None):
        ds = drafts()
        assert flag_unplaced(ds, kinds, headings, None, totals) == ["extra_pay"]
        assert all(d.review.reasons.get("extra_pay") == checks.UNREADABLE for d in ds)


def test_a_sheet_with_additional_pay_and_no_base_placed_sends_the_base_to_review():
    """L dev 4046 p6: the base and the additional pay read as one column (`2643,76 343,69`), the base's
    heading hidden under the group heading: every row's base empty without a flag. Additional pay is paid
    on top of a base; a sheet with the one has the other."""
    drafts = _drafts(2)
    kinds = ["name", "egn", "extra_pay", "gross_pay", "net_pay"]
    heads = ["Име", "ЕГН", "Начислено възнаграждение Заплата Допълн.", "Общо", "За получаване"]
    assert flag_unplaced(drafts, kinds, heads) == ["base_pay"]
    assert all(d.review.reasons.get("base_pay") == checks.UNREADABLE for d in drafts)
    assert flag_unplaced(_drafts(2), ["name", "egn", "gross_pay", "net_pay"], ["Име", "ЕГН", "Общо", "Сума"]) == []


def test_days_under_a_stamp_beside_the_hours_go_to_review_on_every_row():
    """M dev 5011 p1: a stamp over the days (`8`, `21` and marks) beside the hours, one figure read `178`
    with the stamp's ink: no column taken for the days, six rows' days empty without a flag. The hours
    (three digits on most rows) are no days column."""
    drafts = _drafts(6)
    kinds = ["row", "egn", "name", "position", None, None, "gross_pay", "deductions", "net_pay", None]
    headings = ["н ред во в списъка", "|, а. м)", ". 4 антд :", "Професия", "„Часове", "па н рабржа", "Врути",
                "Удържано", "Нето за плащане", "Получих:"]  # fmt: skip
    texts = [["1", "4401165603", "Стоян Йванов Русев", "заварчик", "64", "178", "", "16.00", "6", ""],
             ["2", "2812264954.", "Евгения Илиева Славова", '"', "168", "2.", "", "52.87", "277.58", ""],
             ["3", "5302273154", "Ангелина Атанасова Юрукова", '"', "184", "", "27449", "59.29", "215.20", ""],
             ["", "4302254194", "Юлия Николова Хаджиева", "домакин", "64", "", "4699", "7.75", "53.24", ""],
             ["5", "5611015549", "Любомир Стефанов Маринов", '"', "168", "", "466.36", "", "1.46.45", ""],
             ["6", "3102014281", "Васил Христов Попов.", '"', "168", '"', "313.15.", ":", "479925", ""]]  # fmt: skip
    assert "days_worked" in flag_unplaced(drafts, kinds, headings, texts)
    assert all(d.review.reasons.get("days_worked") == checks.UNREADABLE for d in drafts)
    hours_only = [row[:5] + row[6:] for row in texts]
    assert "days_worked" not in flag_unplaced(_drafts(6), [*kinds[:5], *kinds[6:]], [*headings[:5], *headings[6:]], hours_only)


def test_a_gross_under_a_heading_of_any_pay_with_a_sum_holding_through_it_on_every_row_stays_as_read():
    """M dev 5002 p2: the gross pay's heading `Заработено всичко` read `запабокено` (`Заработено`, any pay,
    the base pay's word only where nothing else is named): every gross in review and, with it, every net
    pay and deductions nothing else proved, all read right. A sum through the gross holds on every row (one
    row's deductions misread breaks its other sum): the column is the gross. Where no sum holds through it
    on a row, or the heading names the base pay by its own word, the column goes to review as before."""
    def drafts() -> list[checks.RowDraft]:
        out = _drafts(3)
        for d, (b, e, g, ded, n) in zip(out, [("294.89", "0.00", "294.89", "33.68", "261.21"),
                                              ("154.44", "55.60", "210.04", "27.94", "182.10"),
                                              ("207.14", "0.00", "207.14", "34.80", "172.34")], strict=True):  # fmt: skip
            d.values.update({"base_pay": b, "extra_pay": e, "gross_pay": g, "deductions": ded, "net_pay": n})
        return out

    kinds = ["name", "egn", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]
    headings = ["Име", "ЕГН", "Основна", "Премия", "запабокено", "Удържано", "За получаване"]
    rows = drafts()
    rows[0].values["deductions"] = "35.68"  # misread: the row's net = gross - deductions breaks
    flag_unplaced(rows, kinds, headings)
    assert not any("gross_pay" in d.review for d in rows)
    rows = drafts()
    rows[1].values["extra_pay"] = "65.60"  # both sums through the gross broken on one row: the heading stands
    rows[1].values["net_pay"] = "192.10"
    flag_unplaced(rows, kinds, headings)
    assert all(d.review.reasons.get("gross_pay") == checks.PAGE_PLAUSIBILITY for d in rows)
    rows = drafts()
    rows[0].values["deductions"] = "35.68"
    flag_unplaced(rows, kinds, [*headings[:4], "Основна заплата", *headings[5:]])  # the base pay's own words
    assert all(d.review.reasons.get("gross_pay") == checks.PAGE_PLAUSIBILITY for d in rows)
