"""A payroll typed in two blocks side by side on one wide sheet (people 1..k down the left block, k+1..n
down the right under the same headings typed again): the page is cut at the blank strip between the blocks
(``block_gap.between_blocks``), not blindly at its middle, each block read as a table, and the left block's
sums carried into the right's, whose "Всичко" is the sheet's (``extract._two_sheets``, ``named_twice``)."""

from __future__ import annotations

import numpy as np

from archive_core.records import PageReview, PayrollPage, PayrollRow, Period
from ocr import block_gap, extract, sheet


def _blocks(width: int, height: int, gap: tuple[int, int]) -> np.ndarray:
    """White paper; two blocks of typed lines either side of ``gap``; a title and a footer line across it."""
    page = np.full((height, width), 255, np.uint8)
    for y in range(int(0.15 * height), int(0.85 * height), 40):
        for x in range(60, gap[0] - 10, 23):  # the left block's characters
            page[y : y + 16, x : x + 12] = 0
        for x in range(gap[1] + 10, width - 60, 23):  # the right block's
            page[y : y + 16, x : x + 12] = 0
        page[y - 12 : y + 28, gap[0] - 4 : gap[0]] = 0  # the blocks' rules
        page[y - 12 : y + 28, gap[1] : gap[1] + 4] = 0
    page[int(0.12 * height) : int(0.12 * height) + 14, width // 2 - 300 : width // 2 + 300] = 0  # the title across
    return page


def test_the_page_is_cut_in_the_blank_strip_between_the_blocks_not_at_its_middle():
    page = _blocks(3360, 2392, (1560, 1620))  # the blocks off the page's centre: the middle falls in the right one
    x = block_gap.between_blocks(page)
    assert x is not None and 1560 < x < 1620


def test_no_strip_between_blocks_no_cut():
    page = np.full((2392, 3360), 255, np.uint8)
    for y in range(300, 2000, 40):
        page[y : y + 16, 60:3300] = 0  # one wide table's lines right across
    assert block_gap.between_blocks(page) is None


def test_the_left_block_carries_its_foot_sums_or_its_rows_sums():
    rows = [PayrollRow(row=1, name="А Б В", gross_pay="100.10", net_pay="80.00"),
            PayrollRow(row=2, name="Г Д Е", gross_pay="200.20", net_pay=None)]  # fmt: skip
    assert extract._block_sums(PayrollPage(image="x.png", rows=rows)) == {"gross_pay": "300.30", "net_pay": "80.00"}
    footed = PayrollPage(image="x.png", rows=rows, totals={"gross_pay": "300.30", "net_pay": "160.00"})
    assert extract._block_sums(footed) == {"gross_pay": "300.30", "net_pay": "160.00"}


def test_two_blocks_read_apart_left_then_right_the_left_sums_carried(monkeypatch):
    """Each line of the one-table reading holds two people (as many valid ЕГН as the halves read): the
    headings named twice, the halves win; the left block is read first and its sums go into the right's; the
    period is the one-table reading's (the cut between the blocks breaks the title over both)."""
    width, height = 3360, 2392
    image = _blocks(width, height, (1700, 1760))  # (the one-table reading not called again: read_page faked)
    left_rows = [PayrollRow(row=i, name=f"Иван Петров Колев{i}", egn="6406088268", gross_pay="10.00") for i in (1, 2)]
    right_rows = [PayrollRow(row=3, name="Лазар Тодоров Златев", egn="5909216034", gross_pay="20.00")]
    one_table = PayrollPage(image="x.png", rows=[
        PayrollRow(row=1, name="Иван Петров Колев1", egn="6406088268", bbox=[0, 10, 3300, 40]),
        PayrollRow(row=2, name="Иван Петров Колев2", egn="6406088268", bbox=[0, 40, 3300, 70]),
        PayrollRow(row=None, name="Лазар Тодоров Златев", egn="5909216034", bbox=[0, 70, 3300, 100])],
        period=Period(year=1984, month=8))  # fmt: skip
    seen: list[tuple[int, dict[str, str] | None]] = []

    def read_page(part, *, carried_in=None, **_):
        seen.append((part.shape[1], carried_in))
        if part.shape[1] == width:
            return one_table
        rows = left_rows if len(seen) == 1 else right_rows
        return PayrollPage(image="x.png", rows=[r.model_copy() for r in rows],
                           totals={"gross_pay": "40.00"} if rows is right_rows else {})  # fmt: skip

    monkeypatch.setattr(extract, "read_page", read_page)
    monkeypatch.setattr(extract, "_sheet_like", lambda p: True)
    page = extract._two_sheets(image, "x.png", 200, one_table, True, None, named_twice=True)  # type: ignore[arg-type]
    assert page is not None
    assert [r.row for r in page.rows] == [1, 2, 3]  # left then right, the numbers running on
    assert 1700 <= seen[0][0] <= 1760 and seen[0][1] is None  # cut between the blocks; the left read first
    assert seen[1][1] == {"gross_pay": "20.00"}  # its rows' sums carried into the right block
    assert page.totals == {"gross_pay": "40.00"}  # the right block's "Всичко": the sheet's
    assert (page.period.year, page.period.month) == (1984, 8)  # the title the cut broke, as read whole


def test_a_second_block_under_shortened_headings_names_the_name_and_egn_again():
    """AR dev 36021 p1: the right block's headings typed again in short words (`Име`, `Осн.`, `Удр.`)."""
    left = ["No по списък", "Собствено, бащино и фамилно име", "ЕГН (по л.к.)", "Заработ. по основна", "Доба- въчни",
            "Общо зарабо- тено", "ДОД за м-ца", "Проф- съюз", "Общо удърж.", "Оста- ва за плащане"]  # fmt: skip
    right = ["No", "Име", "ЕГН", "Осн.", "Доб.", "Общо", "ДОД", "ПС", "Удр.", "Остава"]
    assert sheet.column_sets_repeat(left + right) is None  # too few kinds named again for two sheets
    assert sheet.column_sets_repeat(left + right, sheet.MIN_BLOCK_REPEATS) == len(left) + 1  # from `Име` on
    assert sheet.column_sets_repeat(left, sheet.MIN_BLOCK_REPEATS) is None  # one block: nothing named twice
    assert sheet.column_sets_repeat(left + right, sheet.MIN_BLOCK_REPEATS, "name") == len(left) + 1


def test_two_pay_columns_named_alike_are_no_second_block():
    """One table whose pay columns are named twice (a month's pay and a benefit's, each `Сума` / `Удръжки`), the
    people's names once: no second block to cut apart, nor a page to send to review for it."""
    headings = ["No", "Име, презиме, фамилия", "ЕГН", "Заработено", "Удръжки", "Сума за получаване", "Обезщетение",
                "Удръжки", "Сума за получаване"]  # fmt: skip
    assert sheet.column_sets_repeat(headings, sheet.MIN_BLOCK_REPEATS, "name") is None


def test_a_blank_middle_is_cut_at_the_middle():
    """Two sheets' gutter across the middle (H hard regression page): cut there, as ever, not in another
    blank strip nearer a block's edge."""
    page = _blocks(3360, 2392, (1640, 1760))
    assert block_gap.between_blocks(page) == 1680


def test_a_page_not_read_apart_goes_to_review_as_two_tables_only_when_unsafe():
    proved = PayrollPage(image="x.png", rows=[PayrollRow(row=1, name="Иван Петров Колев", egn="6406088268")])
    unproved = proved.model_copy(update={"page_review": PageReview(reason="layout_unproved", detail="columns")})
    assert extract._unsplit_unsafe(True, False, proved)  # columns named twice: never safe
    assert extract._unsplit_unsafe(False, True, unproved)  # the blocks' hint and the one table unproved
    assert not extract._unsplit_unsafe(False, True, proved)  # the blocks' hint alone, the one table proved
    assert not extract._unsplit_unsafe(False, False, unproved)


def test_blocks_without_egn_read_apart_when_the_one_table_is_unproved_and_each_half_proved(monkeypatch):
    """AR dev 36011 p1-p4 (the layout without ЕГН, its headings unread as one table, only the gutter's hint):
    no ЕГН to weigh the readings by, the one table in review whole, each half proved by its own checks — the
    halves are taken; the right block short of its "Всичко" by the left's sums is read again with them carried."""
    width, height = 3360, 2392
    image = _blocks(width, height, (1640, 1720))
    unproved = PageReview(reason="page_plausibility", detail="gross")
    one_table = PayrollPage(image="x.png", page_review=unproved, rows=[
        PayrollRow(row=1, name="Иван Петров Колев", gross_pay="1.10", bbox=[0, 10, 3300, 40]),
        PayrollRow(row=None, name="Петър Иванов", gross_pay="2.20", bbox=[0, 40, 3300, 70])])  # fmt: skip
    left_rows = [PayrollRow(row=i, name=f"Иван Петров Колев{i}", gross_pay="10.00") for i in (1, 2)]
    right_rows = [PayrollRow(row=3, name="Лазар Тодоров Златев", gross_pay="20.00")]
    seen: list[dict[str, str] | None] = []

    def read_page(part, *, carried_in=None, **_):
        seen.append(carried_in)
        left = part.shape[1] < width // 2 + 10 and len(seen) == 2  # the right half first, then the left
        rows = left_rows if left else right_rows
        short = not left and carried_in is None  # its "Всичко" the sheet's: short of it by the left's rows
        review = PageReview(reason="rows_missing", detail="short") if short else None
        return PayrollPage(image="x.png", rows=[r.model_copy() for r in rows], page_review=review,
                           totals={"gross_pay": "40.00"} if not left else {})  # fmt: skip

    monkeypatch.setattr(extract, "read_page", read_page)
    monkeypatch.setattr(extract, "_sheet_like", lambda p: True)
    page = extract._two_sheets(image, "x.png", 200, one_table, True, None)  # type: ignore[arg-type]
    assert page is not None and page.page_review is None
    assert [r.row for r in page.rows] == [1, 2, 3]
    assert seen == [None, None, {"gross_pay": "20.00"}]  # the right read again with the left's sums carried in
    # an ЕГН read valid on the one table: the ЕГН weigh the readings as ever, the halves (none valid) not taken
    one_table.rows[0].egn = "6406088268"
    seen.clear()
    assert extract._two_sheets(image, "x.png", 200, one_table, True, None) is None  # type: ignore[arg-type]


def test_a_blocks_own_sum_over_the_sheets_total_is_no_person():
    """AR dev 36011 p2: the right block's `Сума:` under its people, the sheet's `Общо:` under it, no ЕГН on the
    sheet: the sum line is no person (its figures doubled the block's), the last line the totals."""
    rows = ["No Име Профе- сия Раб. дни", "17 Благой Пенчов Фъртунов зидар 21 277.03 27.70 304.73",
            "18 Филип Пенчов Цветков общ работник 21 162.59 13.01 175.60", "Сума: 439.62 40.71 480.33",
            "Общо: 5649.25 470.80 6120.05"]  # fmt: skip
    body, totals, carried = sheet.row_roles(len(rows), lambda r: rows[r], lambda r: bool(rows[r].strip()))
    assert body == [1, 2] and totals == 4 and carried is None
    alone = rows[:3] + ["Общо: 439.62 40.71 480.33"]  # no sum of its own: the persons and the totals as ever
    assert sheet.row_roles(len(alone), lambda r: alone[r], lambda r: True)[:2] == ([1, 2], 3)
    named = rows[:3] + ["Сумина Пенчова Цветкова 21 162.59 13.01 175.60", rows[4]]  # a person, not a sum
    assert sheet.row_roles(len(named), lambda r: named[r], lambda r: True)[:2] == ([1, 2, 3], 4)
