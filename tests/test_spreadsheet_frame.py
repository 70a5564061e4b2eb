"""A spreadsheet printed with its frame (U dev 13001 p6): the sheet's own row numbers in a narrow column left of
the table's `№` (`4, 5, 6 ...`, counting the title and heading lines above the people) are not the table's
numbers, nor days; and the totals under the last person in words other than `Всичко` (`Общо за месеца:`)
close the table even with the clerks' signatures read as a line of the grid below them. No OCR."""

from __future__ import annotations

from ocr import columns
from ocr.sheet import row_roles

# U dev 13001 p6 as read (the frame's small numbers read on a few rows only, the `N:` heading read `К:`)
HEADS = ["", "К:", "СЛУЖИТЕЛ / РАБОТНИК", "ЕГН (10 зи.)", "Заемана позиция", "Осн. з-та по договор",
         "Бонус и корекции", "Начислено брутно", "Удържано от лицето", "Сума за раздаване"]  # fmt: skip
ROWS = [
    ["", "1", "Чавдар Цветанов Ангелов", "3305202063", "управител", "7212.95", "1803,24", "9016,19", "1478,66", "7537.53"],
    ["5", "2", "Евгения Георгиева Михайлова", "3612076273", "чистачка", "12287.71", "1474,53", "13762,24", "1403.75", "12358.49"],
    ["", "3", "Ангел Борисов Русев", "3104046740", "шофьор", "6219.21", "186,58", "6405,79", "1293,97", "5111,82"],
    ["7", "4", "Ангел Цветанов Томов", "7101156205", "общ работник", "15282,95", "4432.06", "19715,01", "3469,85", "16245,16"],
    ["8", "5", "Пенчо Лазаров Николов", "5606030641", "касиер", "3042,81", "0.00", "3042.81", "495,98", "2546.83"],
    ["", "6", "Яна Николова Томова", "3608134512", "складова работничка", "7348,31", "2424.94", "9773,25", "1583.26", "8189,99"],
    ["", "7", "Илия Лазаров Петров", "4204273100", "оператор", "11852,10", "0,00", "11852.10", "1884.49", "9967,61"],
]  # fmt: skip


def test_the_frames_row_numbers_are_not_the_tables():
    kinds = columns.identify(ROWS, HEADS)
    assert kinds[1] == "row"
    assert kinds[0] is None  # nor days, nor money


def test_a_lone_column_of_row_numbers_stays_the_row_numbers():
    kinds = columns.identify([r[1:] for r in ROWS], HEADS[1:])
    assert kinds[0] == "row"


def test_a_headed_number_column_left_of_another_stays_the_row_numbers():
    heads = ["№ по ред", *HEADS[1:]]  # a `№` column headed so: the table's own, whatever stands right of it
    kinds = columns.identify([[str(i + 1), *r[1:]] for i, r in enumerate(ROWS)], heads)
    assert kinds[0] == "row"


def test_numbers_ahead_of_the_frames_are_not_taken_for_the_tables():
    # the column right of the first numbers runs ahead of them: no frame's, the first column stays the row numbers
    rows = [[str(i + 1), str(i + 9), *r[2:]] for i, r in enumerate(ROWS)]
    kinds = columns.identify(rows, HEADS)
    assert kinds[0] == "row"



def test_a_headed_number_column_with_few_numbers_read_is_the_tables():
    # U dev 13031 p2 as read: a fax's table numbers `6`-`10` read `в`, `?`, `8`, `9`, `18` (two in step) under a
    # heading `Пор. №` read `Пор. к`, the frame's `40`-`47` beside them read on four rows of five
    heads = ["2", "Пор. к", "Служител ЕГ (трите имена?", "4", ". 34", "", "3 4", "Подпис служител"]
    rows = [["42", "в", "Йордан Борисов Златев", "2611283221", "11827.25", "1683.43", "18823,77-", "----"],
            ["2", "?", "Иван Петров Томов", "3283228802", "5429.85", "961.86", "4465.77", "ХАллтта."],
            ["44", "8", "крустина Цветанова Томова", "5288225334", "6159,08", "1625.78", "5131.18,", "А 7"],
            ["45", "9", "Владимир Илиев Щерев", "6511813246", "4255.47", "754,24", "3531.23", "АА ИТ"],
            ["46", "18", "Добромир Пенчов Томов", "4383229344", "6118.26", "1166.95", "4949.31", "ц/А/"]]  # fmt: skip
    kinds = columns.identify(rows, heads)
    assert kinds[1] == "row"
    assert kinds[0] is None


def test_an_unheaded_column_with_two_numbers_in_step_leaves_the_frames():
    # the same column with no `№` heading: two numbers in step prove nothing, the first column stays the numbers
    heads = ["2", "", "Служител ЕГ (трите имена?", "4", ". 34", "", "3 4", "Подпис служител"]
    rows = [["42", "в", "Йордан Борисов Златев", "2611283221", "11827.25", "1683.43", "18823,77-", "----"],
            ["2", "?", "Иван Петров Томов", "3283228802", "5429.85", "961.86", "4465.77", "ХАллтта."],
            ["44", "8", "крустина Цветанова Томова", "5288225334", "6159,08", "1625.78", "5131.18,", "А 7"],
            ["45", "9", "Владимир Илиев Щерев", "6511813246", "4255.47", "754,24", "3531.23", "АА ИТ"],
            ["46", "18", "Добромир Пенчов Томов", "4383229344", "6118.26", "1166.95", "4949.31", "ц/А/"]]  # fmt: skip
    assert columns.identify(rows, heads)[0] == "row"

FRAME_ROWS = [
    " | N: | СЛУЖИТЕЛ / РАБОТНИК | ЕГН (10 зн.) | Брутно | Удържано | Сума за раздаване",
    " | 1 | Чавдар Цветанов Ангелов | 3305202063 | 9016,19 | 1478,66 | 7537.53",
    "5 | 2 | Евгения Георгиева Михайлова | 3612076273 | 13762,24 | 1403.75 | 12358.49",
    " | 3 | Ангел Борисов Русев | 3104046740 | 6405,79 | 1293,97 | 5111,82",
    "7 | | Общо за месеца: | | 29184,22 | 4176,38 | 25007,84",
    " | ! | твил: елит | | Проверил: м- | | ",
]


def _text(rows: list[str], r: int) -> str:
    return " ".join(rows[r].split(" | "))  # the row's cells as ``sheet.parts`` joins them


def test_totals_in_other_words_close_the_table_above_the_signatures():
    body, totals, carried = row_roles(len(FRAME_ROWS), lambda r: _text(FRAME_ROWS, r), lambda r: True)
    assert (body, totals, carried) == ([1, 2, 3], 4, None)


def test_a_general_workers_row_with_its_egn_unread_is_no_total():
    rows = [*FRAME_ROWS[:3], " | 3 | Ангел Борисов Русев | 31040467 | общ работник | 6405,79 | 1293,97 | 5111,82", *FRAME_ROWS[4:]]
    body, totals, _ = row_roles(len(rows), lambda r: _text(rows, r), lambda r: True)
    assert 3 in body and totals == 4


def test_the_letters_band_taken_for_the_heading_gives_way_to_the_heading_under_it():
    from ocr.spreadsheet_frame import heading_lines

    # U dev 13005 p4 as read: the letters' band the grid's heading row, the heading's two lines two rows
    heads = ["", "А", "в.", "с", "о", "Е", "Е"]
    rows = [["", "", "", "", "", "-", ""],
            ["5", "N:", "Име, презиме, фамилия", "Длъжност /", "0.3-", "Брутно", "34"],
            ["", "", "на служителя г", "професия", "0,", "", "Удръжки"],
            ["6", "1", "Цонка Петрова Кънчева", "управител", "13227.04", "15078.83", "2279.30"]]  # fmt: skip
    assert heading_lines(heads, rows) == 3
    assert heading_lines(["", "№", "Име", "Длъжност", "Осн.", "Брутно", "Удръжки"], rows) == 0


def test_a_heading_of_short_words_is_no_letters_band():
    from ocr.spreadsheet_frame import letters_band

    assert not letters_band(["№", "Име", "ЕГН", "Дни", "Брутно", "Нето"])
    assert letters_band(["", "A", "B", "C", "D", "E", "F"])


def test_the_frames_numbers_misread_on_half_its_rows_are_still_the_frames():
    # U dev 13001 p7: the frame's small numbers read `7, 8, 3, 10, 3, 8` beside the table's 2 ... 11
    frame = ["", "7", "8", "3", "10", "", "", "3", "", "", "8"]
    rows = [[f, str(i + 1), *ROWS[i % len(ROWS)][2:]] for i, f in enumerate(frame)]
    kinds = columns.identify(rows, HEADS)
    assert kinds[:2] == [None, "row"]
