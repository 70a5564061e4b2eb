"""The header of a sheet photographed cockled (family AG's burned sheets on a copy stand): its typed lines slope a
letter's height from start to end, so that a text band holds two lines and one line's words fall either side of
the next one's middle. The engine's own line of each word (block, paragraph, line) keeps them apart: a unit's short
line is a line of its own, a line cut in two by the slope is one again (words and boxes as the engine read them on
AG dev 25001 p1 and 25002 p1, 200 dpi)."""

from __future__ import annotations

from ocr.geometry import Box, Word
from ocr.header import parse_header

WIDTH = 2770


def _w(text: str, x0: int, y0: int, x1: int, y1: int, line: int, conf: float = 0.95) -> Word:
    return Word(text, conf, Box(x0, y0, x1, y1), (1, 1, line))


def test_a_units_short_line_under_the_employer_is_no_part_of_it_and_the_association_over_it_is_not_the_employer():
    words = [
        _w("ДСО", 674, 97, 720, 118, 1), _w('"Промишлено', 738, 98, 892, 123, 1),
        _w('строителство"', 909, 113, 1092, 130, 1, 0.74),
        _w("Строителен", 669, 131, 817, 155, 2, 0.93), _w("трест", 834, 143, 904, 160, 2, 0.84),
        _w("№", 919, 142, 934, 159, 2, 0.9), _w("3", 950, 142, 961, 158, 2, 0.9), _w("-", 980, 153, 986, 155, 2, 0.9),
        _w("гр.", 1007, 150, 1043, 167, 2), _w("Пазарджик", 1063, 146, 1190, 170, 2),
        _w("Участък", 665, 165, 768, 187, 3, 0.92), _w("3", 785, 170, 797, 186, 3),
    ]  # fmt: skip
    h = parse_header(words, WIDTH, [(70, 200)])
    # before: "Участък 3" went onto the trust's line ("Участък Строителен 3 трест ..."), the unit's word made
    # the line below the association's a unit's, and "ДСО „Промишлено строителство“" came out without a doubt
    assert h.employer == "Строителен трест № 3 – гр. Пазарджик"


def test_a_line_cut_in_two_by_its_slope_is_one_line_and_the_units_line_under_it_stays_apart():
    words = [
        _w("Мини", 326, 99, 388, 118, 1), _w('"Бобов', 410, 99, 500, 123, 1), _w('дол"', 518, 106, 577, 126, 1),
        _w("-", 600, 121, 612, 124, 1), _w("гр.", 631, 116, 669, 135, 1), _w("Бобов", 692, 112, 767, 134, 1),
        _w("дол", 784, 122, 829, 138, 1),
        _w("Отдел", 324, 136, 402, 159, 2, 0.94), _w("8", 422, 140, 435, 158, 2, 0.94),
    ]  # fmt: skip
    h = parse_header(words, WIDTH, [(99, 159)])
    # before: the band's words were one line, "Отдел Мини „Бобов 8 дол“ – гр. Бобов дол" out without a doubt
    assert h.employer == "Мини „Бобов дол“ – гр. Бобов дол"


def test_two_lines_the_engine_read_as_one_are_still_two():
    # a title and the period under it, one band, one line of the engine: split by their middles as before
    words = [
        _w("Разчетно-платежна", 900, 270, 1200, 296, 5), _w("ведомост", 1215, 270, 1350, 296, 5),
        _w("за", 1000, 312, 1030, 330, 5), _w("м.", 1040, 312, 1065, 330, 5), _w("януари", 1080, 310, 1180, 334, 5),
        _w("1991", 1195, 310, 1260, 330, 5), _w("г.", 1270, 312, 1290, 330, 5),
    ]  # fmt: skip
    h = parse_header(words, WIDTH, [(265, 335)])
    assert (h.year, h.month) == (1991, 1)


def test_what_the_engine_reads_along_the_images_top_edge_is_not_the_employer():
    # AG dev 25004 p1: the sheet's top edge burned, on black felt; the engine read guesses along the image's top
    edge = [
        _w("«зе", 489, 0, 560, 22, 1, 0.49), _w("сос", 689, 0, 740, 20, 1, 0.35), _w("жшф", 873, 0, 930, 25, 1, 0.03),
        _w("ча", 1223, 0, 1260, 18, 1, 0.71), _w("ге", 1421, 0, 1450, 18, 1, 0.42), _w("са", 1606, 0, 1640, 18, 1, 0.58),
    ]  # fmt: skip
    name = [
        _w("Захарни", 672, 162, 795, 186, 3, 0.96), _w("заводи", 805, 168, 900, 186, 3, 0.87),
        _w("-", 920, 176, 932, 179, 3, 0.9), _w("гр.", 954, 168, 990, 186, 3, 0.96),
        _w("Горна", 1019, 163, 1100, 186, 3, 0.96), _w("Оряховица", 1119, 162, 1260, 190, 3, 0.96),
    ]  # fmt: skip
    h = parse_header(edge + name, 3326, [(0, 30), (155, 195)])
    # before: "зе сос ча ге са" came out as the employer (in review, the name under it lost)
    assert h.employer == "Захарни заводи – гр. Горна Оряховица"


def test_a_persons_row_of_the_table_above_a_grid_found_low_is_never_the_employer():
    # AG dev 25006 p1: the grid found from the table's tenth row; its rows above, cells between typed colons
    name = [_w("Месокомбинат", 535, 233, 760, 262, 1, 0.92), _w('"Родопа"', 846, 238, 1000, 262, 1, 0.68),
            _w("-", 1050, 250, 1062, 253, 1, 0.9), _w("гр.", 1102, 249, 1150, 270, 1), _w("Смолян", 1193, 239, 1320, 262, 1)]
    row = [_w(":", 517, 1754, 524, 1803, 19, 0.58), _w("10", 581, 1773, 618, 1800, 19),
           _w(":", 649, 1753, 657, 1809, 19, 0.87), _w("Любомир", 677, 1772, 818, 1807, 19, 0.67),
           _w("Иванов", 843, 1777, 972, 1804, 19), _w("Пенчев", 997, 1775, 1125, 1802, 19),
           _w(":4101102585", 1242, 1748, 1476, 1818, 19, 0.41), _w("19", 1614, 1762, 1650, 1790, 19),
           _w("175,09", 1724, 1765, 1845, 1795, 19, 0.92), _w("16,63", 1919, 1766, 2019, 1795, 19, 0.92),
           _w("16,63", 2092, 1764, 2191, 1796, 19, 0.91)]  # fmt: skip
    h = parse_header(name + row, 3980, [(230, 275), (1745, 1820)])
    # before: "Любомир Иванов Пенчев 4101102585 19 175,09 16,63 16,63" out as the employer
    assert h.employer == "Месокомбинат „Родопа“ – гр. Смолян"
