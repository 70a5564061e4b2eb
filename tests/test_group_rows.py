"""A works' sheet grouped by department (family O dev 7004/7006: "Цех „Механичен“" over its people, "Общо за
отдела" under them, the printed numbers running on): neither the heading nor the subtotal is a person. Read
as people they took rows of their own, the numbers no longer ran with the rows and the whole page went to
review (7004 p1: 2 % of fields right); without them every field was right and none in review."""

from __future__ import annotations

from ocr.sheet import group_rows, row_roles

ROWS = {
    1: "  Т цех „Механичен!  ",
    2: "1 2801029017 Иванка Ангелова Стоянова 22 313-69 53-33 367-02",
    3: "2 6005054084 Атанас Пенчов Фъртунов 3 21-34 1-07 25-41",
    4: "  Общо за отдела  946-68 84-90 1031-58",
    5: "  11 Склад за готова продуки  ",  # a tick in the margin read as `11`
    6: "3 4901049279 Радка Димитрова Добрева 22 275-23 99-08 374-31",
    7: "  Всичко за цеха:  886-70 139-67 1026-37",
    8: "  Всичко за предприятието  1833-38 224-57 2057-95",
    9: "  Съставил: ....  Гл. счетоводител: ....",
}


def test_department_headings_and_subtotals_are_no_people() -> None:
    assert group_rows(len(ROWS) + 1, ROWS.__getitem__) == [1, 4, 5, 7]
    body, totals, carried = row_roles(len(ROWS) + 1, ROWS.__getitem__, lambda r: bool(ROWS[r].strip()))
    assert body == [2, 3, 6] and totals == 8 and carried is None


def test_a_sheet_without_departments_keeps_its_rows_and_its_totals_row() -> None:
    rows = {1: ROWS[2], 2: ROWS[3], 3: ROWS[6], 4: "  Всичко:  1833-38 224-57 2057-95", 5: ROWS[9]}
    assert group_rows(len(rows) + 1, rows.__getitem__) == []
    body, totals, _ = row_roles(len(rows) + 1, rows.__getitem__, lambda r: True)
    assert body == [1, 2, 3] and totals == 4


def test_a_person_whose_egn_was_not_read_is_not_taken_for_a_heading() -> None:
    rows = {1: ROWS[2], 2: "2 Цеков Петров Иванов 22 313-69 53-33 367-02", 3: ROWS[6], 4: ROWS[8]}
    assert group_rows(len(rows) + 1, rows.__getitem__) == []


# O dev 7008 page 1 as read (s23-o): the office's stamp over the first department's heading, `РЕМОНТНА
# РАБОТИЛНИЦА` read `РЕМОНТНА РАБ ел ДЛНР ц`, no unit's word left; a subtotal and the next heading in one band
STAMPED = {
    1: "  РЕМОНТНА РАБ ел ДЛНР ц  ",
    2: "1 4504176729 Илия Лазар два 23 29690 0- 29690 29-39 1692 4631 250-59",
    3: "2 6302069040 Николай Гер Сат3 23 37293 108.15 481-08 5725 2742 84-67 39641",
    4: "  Общо за отдела СТРОИТЕЛНА БРИГАДА  66983 108.15 77798 86-64 4434 13098 647",
    5: "3 4111023272 Цонка Цветанова-Хригтека 23 22233 0. 222-33 3046 1223 42-69 17964",
    6: "  Общо за отдела  22233 0. 222-33 3046 1223 42-69 17964",
    7: "  Всичко за предприятието:  3306215 554.38 3860-53 423-98 178-69 60267 3257-86",
}


def test_a_department_heading_a_stamp_spoilt_is_no_person() -> None:
    """Taken for a person, the spoilt heading took the first person's place and every person went one row
    down (the numbers no longer ran with the rows: the page in review whole, 7 % of fields right)."""
    assert group_rows(len(STAMPED) + 1, STAMPED.__getitem__) == [1, 4, 6]
    body, totals, _ = row_roles(len(STAMPED) + 1, STAMPED.__getitem__, lambda r: True)
    assert body == [2, 3, 5] and totals == 7


def test_a_line_of_words_above_the_people_is_kept_without_departments() -> None:
    """No department's heading or subtotal read anywhere: a line of words over the first person is not taken
    for one (a heading's last line, a note)."""
    rows = {1: "  РЕМОНТНА РАБ ел ДЛНР ц  ", 2: ROWS[2], 3: ROWS[3], 4: "  Всичко:  1833-38 224-57 2057-95"}
    assert group_rows(len(rows) + 1, rows.__getitem__) == []


def test_a_general_worker_whose_egn_was_misread_is_no_subtotal() -> None:
    """O dev 7003 page 2: `общ работник` (a general worker's position) beside an ЕГН read with a digit too
    many was taken for a subtotal (`общо`), and the person was lost."""
    rows = {
        1: ROWS[2],
        2: "5 общ работник > Здравко Илиев Иванов 32907122385 23 307.07 307.07 64.34 242и73",
        3: ROWS[6],
        4: "  Всичко за предприятието  1833-38 224-57 2057-95",
    }
    assert group_rows(len(rows) + 1, rows.__getitem__) == []
    assert row_roles(len(rows) + 1, rows.__getitem__, lambda r: True)[0] == [1, 2, 3]


def test_a_line_itemising_the_produce_taken_in_kind_is_no_person() -> None:
    """AK dev 29001 p4 (a co-operative's printout): the produce a member took in kind printed on a line of its
    own under his row ("В Т.Ч. НАТУРА: ..." or "НАТУРА ВИНО ... - 8.50") was taken for a person: its sum went
    into a row's fields and every printed number under it moved on one. It belongs to the row above it."""
    rows = {
        1: "33 6211105906 ЗДРАВКО ПЕТРОВ ЦЕНОВ 21 7225.25 722.53 7947.78",
        2: "34 2707089703 МАРИН ИЛИЕВ ЮРУКОВ 21 7171.65 1792.91 8964.56",
        3: "В Т.Ч. НАТУРА: СЛЪНЧОГЛЕД 54 КГ X 7.25 = 391.50",
        4: "35 5307043257 РАДКА ИЛИЕВА ЮРУКОВА 13 2796.05 699.01 3495.06",
        5: "ВТЧ НАТУРА ЕЧЕМИК 210 КГ Х 3.14 659.40",  # as the engine read it
        6: "36 6409185071 ДОНКА ДИМИТРОВА ЮРУКОВА 21 5671.43 0.00 5671.43",
        7: "НАТУРА ВИНО 26 Л ПО 20.55 ЛВ. - 534.30",
        8: "СУМА СТР.2 22864.38 3214.45 26078.83",
    }
    assert group_rows(len(rows) + 1, rows.__getitem__) == [3, 5, 7]
    body, totals, _ = row_roles(len(rows) + 1, rows.__getitem__, lambda r: True)
    assert body == [1, 2, 4, 6] and totals == 8
    # a person whose name opens like it is a person
    rows = {1: rows[1], 2: "34 Натов Иван Петров 21 7171.65 1792.91 8964.56", 3: "Натурова Мария 12 300.00 1.00 301.00",
            4: rows[6]}
    assert group_rows(len(rows) + 1, rows.__getitem__) == []
