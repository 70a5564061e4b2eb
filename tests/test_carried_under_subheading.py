"""The sums carried from the previous sheet (`Пренос`) under a heading whose last line says `лв.` / `ст.`
over each column (family L): L dev 4020 p2 took the `Пренос` row for the sheet's carried-out sums, ended the
table there and lost both people below it (rows found 0 of 2, the `лв.` line read as a row of figures)."""

from __future__ import annotations

from ocr.sheet import Sheet, row_roles
from ocr.split_cents import join_cents

# L dev 4020 p2 as read, row by row (row 0 the heading)
ROWS = [
    "Име, презиме и фамилно име | ЕГН | Сума всичко | Данък | Пенсионна вноска | Запор | Всичко удържани",
    " |  | 8 | - |  | ст. |  | ст | лв | ст |  | ст. | . | ст |  | ",  # `лв.` read `8`
    "Пренос |  | 1117 | 76 | 97 | 46 | 41 | 72 | 68 | 60 | 207 | 78 | 909 | 98 |  | ",
    "Христо ри А Щерев е | 6305286922 | 265 | 91 | 34 | 83 | 12 | 23 |  | : | 47 | 06 | 218 | 85 | 20 | 6",
    "Цанко С лазаров | 6401121147 | 208 | 45 | 17 | 51 | 4 | 59) | КЕ а». | Зу | 22 | 10 | 186 | 35 | 22. | 7",
    "Всичко; |  | 1'592, | 12 | 149 | 80 | 58 | 544 | 6860 |  | ,276 | 94 | 1'315 | 18 |  | ",
]


def test_carried_row_under_the_subheading_opens_the_table():
    body, totals, carried = row_roles(len(ROWS), lambda r: ROWS[r], lambda r: bool(ROWS[r].strip(" |")))
    assert (body, totals, carried) == ([1, 3, 4], 5, 2)


def test_carried_out_sums_below_the_people_still_end_the_table():
    rows = [ROWS[0], ROWS[3], ROWS[4], "Пренос |  | 473 | 36", "Гл. счетоводител:"]
    body, totals, carried = row_roles(len(rows), lambda r: rows[r], lambda r: True)
    assert (body, totals, carried) == ([1, 2], 3, None)


def test_subheading_with_a_misread_mark_is_the_headings():
    texts = [[c.strip() for c in ROWS[r].split("|")] for r in (1, 3, 4)]
    s = Sheet({}, None, [""] * 16, [1, 3, 4], 5, 2, texts)  # type: ignore[arg-type]
    join_cents(s)
    assert s.body_rows == [3, 4]  # the `лв.` / `ст.` line is no person's row
