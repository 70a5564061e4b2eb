"""The body an enterprise belonged to, typed above its name (family K dev 3009, 3004): the line names no
employer; the name on the line below is the employer's, alone. And what is lost at the name's start (its
legal form not read, dropped as dust, misread in small letters) sends the name to a person."""

from __future__ import annotations

import cv2
import numpy as np

from bench.scoring import _norm
from ocr.geometry import Box, Word
from ocr.header import clean_employer, parse_header
from ocr.superior_body import names_superior
from ocr.unread_ink import UNREAD

from .conftest import FIXTURES


def _line(*words: tuple[str, float, tuple[int, int, int, int]]) -> list[Word]:
    return [Word(t, c, Box(*b)) for t, c, b in words]


COUNCIL = _line(("Окръжен", 0.96, (136, 114, 231, 135)), ("народен", 0.96, (238, 118, 326, 135)),
                ("съвет", 0.93, (332, 118, 394, 131)), ("-", 0.91, (401, 123, 410, 126)),
                ("Ловеч", 0.96, (418, 115, 482, 131)))  # fmt: skip
SOLE_TRADER = _line(("ЕТ", 0.96, (194, 152, 228, 174)), ("„Стоянов", 0.94, (238, 152, 367, 178)),
                    ("и", 0.96, (379, 158, 392, 174)), ("син“", 0.96, (403, 152, 463, 174)),
                    ("Казанлък", 0.96, (474, 153, 603, 175)), ("Лист", 0.96, (2179, 155, 2239, 176)),
                    ("13", 0.96, (2287, 154, 2313, 176)))  # fmt: skip
TITLE = _line(("ПЛАТЕЖНА", 0.92, (1056, 210, 1236, 235)), ("ВЕДОМОСТ", 0.96, (1247, 210, 1429, 242)))
MINISTRY = _line(("Миниетеретко", 0.36, (154, 155, 337, 182)), ("на", 0.93, (354, 161, 381, 177)),
                 ("строителетвото", 0.24, (398, 161, 613, 182)), ("и", 0.96, (630, 161, 643, 176)),
                 ("архитектурата", 0.96, (658, 161, 857, 186)))  # fmt: skip


def test_a_council_or_a_ministry_misread_names_a_superior_body_a_quoted_name_does_not():
    assert names_superior(COUNCIL)
    assert names_superior(MINISTRY)  # "Миниетеретко": three letters of twelve misread
    assert names_superior(_line(("ниистарство", 0.3, (0, 0, 200, 30)), ("на", 0.9, (210, 0, 240, 30))))
    assert not names_superior(SOLE_TRADER)
    assert not names_superior(_line(("ДЗС", 0.9, (0, 0, 60, 30)), ("„Съюз“", 0.9, (70, 0, 160, 30))))


def test_the_employer_is_the_name_below_the_body_it_belonged_to():
    h = parse_header([*COUNCIL, *SOLE_TRADER, *TITLE], 2480)
    assert h.employer == "ЕТ „Стоянов и син“ Казанлък"  # was "Окръжен народен съвет – Ловеч ЕТ „Стоянов ...“"
    assert h.sheet == 13


# K dev 3002 p4: the union's line in small print above the name, its "ДСО" read "ДО", the form below "ТЕЗС"
UNION_MISREAD = _line(("ДО", 0.62, (139, 141, 172, 162)), ("„Млечна", 0.71, (180, 141, 282, 166)),
                      ("промиштеност“", 0.55, (292, 141, 470, 166)), ("-", 0.9, (480, 152, 490, 155)),
                      ("София", 0.9, (500, 141, 580, 166)))  # fmt: skip
FARM = _line(("ТЕЗС", 0.81, (143, 182, 228, 212)), ("„Георги", 0.9, (244, 182, 380, 216)),
             ("Димитров“", 0.9, (392, 182, 555, 212)), ("с.", 0.94, (570, 195, 584, 212)),
             ("Баня", 0.93, (598, 182, 680, 212)))  # fmt: skip


def test_a_body_s_abbreviation_read_a_letter_short_above_a_name_opened_by_a_legal_form_is_no_employer():
    h = parse_header([*UNION_MISREAD, *FARM, *TITLE], 2480)
    assert _norm(h.employer) == _norm("ТКЗС „Георги Димитров“ с. Баня")
    assert _norm(parse_header([*UNION_MISREAD, *TITLE], 2480).employer) != _norm("ТКЗС „Георги Димитров“ с. Баня")


def test_a_council_alone_is_the_employer():
    assert _norm(parse_header([*COUNCIL, *TITLE], 2480).employer) == _norm("Окръжен народен съвет – Ловеч")


# K dev 3007 p1: the legal form "ДП" of "ДП „Пътно поддържане“ – Монтана" gave no word at all
LOST_FORM = _line(("„Пътно", 0.96, (303, 208, 430, 260)), ("поддържане“", 0.92, (450, 208, 681, 260)),
                  ("-", 0.91, (702, 230, 721, 247)), ("Монтана", 0.96, (745, 208, 893, 260)),
                  ("Лист", 0.96, (2120, 208, 2204, 256)), ("24", 0.96, (2220, 208, 2261, 256)),
                  ("ВЕДОМОСТ", 0.96, (1033, 304, 1221, 336)))  # fmt: skip


def _page() -> np.ndarray:
    crop = cv2.imread(str(FIXTURES / "regression" / "header" / "k-legal-form-not-read.png"), cv2.IMREAD_GRAYSCALE)
    page = np.full((600, 2480), int(np.median(crop)), np.uint8)
    page[150:270, 100:950] = crop
    return page


def test_letters_before_the_name_that_gave_no_word_send_the_name_to_a_person():
    page = _page()
    h = parse_header(LOST_FORM, 2480, gray=page)
    assert h.employer == "„Пътно поддържане“ – Монтана" and h.employer_review and UNREAD in h.employer_review
    page[200:265, 150:300] = int(np.median(page))  # no letters there: the name as read stands
    assert UNREAD not in (parse_header(LOST_FORM, 2480, gray=page).employer_review or "")


def test_a_word_dropped_as_dust_before_the_name_or_a_legal_form_misread_in_small_letters_is_doubted():
    doubts: list[str] = []
    clean_employer([Word("ЖП", 0.29, Box(195, 200, 244, 253)), *LOST_FORM[:4]], doubts)
    assert any("ЖП" in d for d in doubts)
    doubts = []
    name = clean_employer(_line(("Дий", 0.91, (214, 213, 288, 265)), ("„Балкан“", 0.90, (313, 213, 492, 265)),
                                ("Троян", 0.90, (515, 222, 633, 261))), doubts)  # fmt: skip
    # the sheet said "ДИП": the one form of three letters a letter from it, and the name still goes to a person
    assert name == "ДИП „Балкан“ Троян" and any("Дий" in d for d in doubts)


def test_a_legal_form_read_in_two_small_letters_sends_the_name_to_a_person():
    doubts: list[str] = []
    name = clean_employer(_line(("де", 0.9, (200, 100, 240, 140)), ("„Родопа“", 0.9, (260, 100, 400, 140)),
                                ("Смолян", 0.9, (420, 100, 540, 140))), doubts)  # fmt: skip
    assert name == "де „Родопа“ Смолян" and doubts  # J dev 1003 p4: the sheet said "ДФ"
    doubts = []
    clean_employer(_line(("гр.", 0.9, (200, 100, 240, 140)), ("Плевен", 0.9, (260, 100, 400, 140))), doubts)
    assert not doubts


# K dev 3017 p1: "Министерство на земеделието и хранителната промишленост" over "Тухларна „Искър“ гр. Нови
# Искър", most of its words guessed (0.0): no word of `superiors` was left, the ministry's line came out as
# the employer ("аспотортато на земеделието и дрантлетав Трелотго тт", with a doubt)
GUESSED_MINISTRY = _line(("тт", 0.4, (926, 117, 967, 154)), ("“аспотортато", 0.0, (153, 123, 331, 148)),
                         ("на", 0.88, (345, 128, 374, 144)), ("земеделието", 0.94, (390, 129, 552, 149)),
                         ("и", 0.88, (565, 129, 580, 143)), ("дрантлетав", 0.0, (596, 121, 772, 147)),
                         ("Трелотго", 0.0, (786, 128, 964, 148)))  # fmt: skip
BRICKWORKS = _line(("Тухларна", 0.91, (183, 169, 336, 202)), ("„Искър“", 0.95, (356, 170, 490, 202)),
                   ("гр.", 0.96, (509, 175, 560, 199)), ("Нови", 0.96, (585, 170, 661, 196)),
                   ("Искър", 0.96, (681, 169, 776, 201)), ("Лист", 0.86, (2217, 172, 2287, 196)),
                   ("4", 0.83, (2306, 167, 2320, 193)))  # fmt: skip


def test_na_before_a_ministry_s_field_names_a_superior_body_where_the_ministry_s_word_was_guessed():
    assert names_superior(GUESSED_MINISTRY)
    # K dev 3013 p2: "Министерство" read "Зайнук трсТВо", "строителството" read "Стройтейството"
    assert names_superior(_line(("Зайнук", 0.0, (140, 116, 215, 155)), ("трсТВо", 0.0, (227, 116, 335, 155)),
                                ("на", 0.8, (351, 116, 384, 155)), ("Стройтейството", 0.77, (394, 120, 865, 151))))  # fmt: skip
    h = parse_header([*GUESSED_MINISTRY, *BRICKWORKS, *TITLE], 2480)
    assert h.employer == "Тухларна „Искър“ гр. Нови Искър" and h.sheet == 4
    # "на" inside a quoted name, or before a word that is no ministry's field, names no superior body
    assert not names_superior(_line(("Завод", 0.9, (0, 0, 100, 30)), ("„Слава", 0.9, (110, 0, 200, 30)),
                                    ("на", 0.9, (210, 0, 240, 30)), ("труда“", 0.9, (250, 0, 350, 30))))  # fmt: skip
    assert not names_superior(_line(("Цех", 0.9, (0, 0, 60, 30)), ("на", 0.9, (70, 0, 100, 30)),
                                    ("ТКЗС", 0.9, (110, 0, 200, 30))))  # fmt: skip


# family Q (a public institution's payroll): the ministry, the district's health service or its education
# department typed above the institution's name, and the ward or staff group under it (Q dev 9003, 9004, 9006:
# "МНЗСГ – Окръжна здравна служба" and "Окръжен отдел „Народна просвета“" came out as the employer)
HEALTH_SERVICE = _line(("МНЗСТ", 0.52, (150, 110, 260, 140)), ("–", 0.9, (270, 120, 285, 128)),
                       ("Окръжна", 0.95, (295, 110, 420, 140)), ("здравна", 0.95, (430, 110, 550, 140)),
                       ("служба", 0.95, (560, 110, 670, 140)))  # fmt: skip
EDUCATION = _line(("Окръжен", 0.95, (150, 110, 280, 140)), ("отдел", 0.95, (290, 110, 380, 140)),
                  ("„Народна", 0.95, (390, 110, 540, 140)), ("просвета“", 0.95, (550, 110, 700, 140)))  # fmt: skip
POLYCLINIC = _line(("Поликлиника", 0.95, (150, 152, 350, 182)), ("№", 0.9, (360, 152, 380, 182)),
                   ("3", 0.95, (390, 152, 405, 182)), ("–", 0.9, (415, 165, 430, 170)),
                   ("Пловдив", 0.95, (440, 152, 570, 182)))  # fmt: skip
COUNCIL_OF_A_TOWN = _line(("Общински", 0.95, (150, 152, 300, 182)), ("народен", 0.95, (310, 152, 440, 182)),
                          ("съвет", 0.95, (450, 152, 540, 182)), ("–", 0.9, (550, 165, 565, 170)),
                          ("Елена", 0.95, (575, 152, 670, 182)))  # fmt: skip
WARD = _line(("Отдел", 0.95, (150, 194, 250, 224)), ("„Култура“", 0.95, (260, 194, 420, 224)))


def test_a_health_service_or_an_education_department_above_an_institution_names_no_employer():
    assert names_superior(HEALTH_SERVICE) and names_superior(EDUCATION)
    assert parse_header([*HEALTH_SERVICE, *POLYCLINIC, *TITLE], 2480).employer == "Поликлиника № 3 – Пловдив"
    assert parse_header([*EDUCATION, *POLYCLINIC, *TITLE], 2480).employer == "Поликлиника № 3 – Пловдив"


def test_a_department_under_the_institution_is_no_part_of_its_name_and_no_employer():
    h = parse_header([*COUNCIL_OF_A_TOWN, *WARD, *TITLE], 2480)
    assert _norm(h.employer) == _norm("Общински народен съвет – Елена") and not h.employer_review
    h = parse_header([*POLYCLINIC, *WARD, *TITLE], 2480)
    assert _norm(h.employer) == _norm("Поликлиника № 3 – Пловдив") and not h.employer_review


def test_a_department_read_with_a_letter_wrong_under_the_institution_is_no_employer():
    # Q dev 9020 p1: "Отдел „Култура“" read "Отдея „Култур“": the council's line above it taken for a superior
    # body's and skipped, the department's out as the employer
    ward = _line(("Отдея", 0.87, (150, 194, 250, 224)), ("„Култура“", 0.95, (260, 194, 420, 224)))
    h = parse_header([*COUNCIL_OF_A_TOWN, *ward, *TITLE], 2480)
    assert _norm(h.employer) == _norm("Общински народен съвет – Елена")


def test_an_institutions_word_in_small_letters_is_not_capitalised():
    h = parse_header([*_line(("Районна", 0.95, (150, 152, 290, 182)), ("болница", 0.95, (300, 152, 430, 182)),
                              ("–", 0.9, (440, 165, 455, 170)), ("Севлиево", 0.95, (465, 152, 610, 182))), *TITLE], 2480)  # fmt: skip
    assert h.employer == "Районна болница – Севлиево"


def test_the_sign_of_an_institutions_number_read_as_a_letter_is_the_sign():
    name = clean_employer(_line(("Поликлиника", 0.95, (150, 152, 350, 182)), ("м", 0.6, (360, 152, 380, 182)),
                                ("3", 0.95, (390, 152, 405, 182)), ("–", 0.9, (415, 165, 430, 170)),
                                ("Пловдив", 0.95, (440, 152, 570, 182))), [])  # fmt: skip
    assert name == "Поликлиника № 3 – Пловдив"
    # a letter of a quoted name between two words stays a letter
    assert clean_employer(_line(("ЕТ", 0.95, (0, 0, 40, 30)), ("„Н", 0.9, (50, 0, 80, 30)),
                                ("и", 0.9, (90, 0, 100, 30)), ("М“", 0.9, (110, 0, 140, 30))), []) == "ЕТ „Н и М“"


def test_an_institutions_number_without_its_sign_sends_the_name_to_a_person():
    doubts: list[str] = []
    name = clean_employer(_line(("Поликлиника", 0.95, (150, 152, 350, 182)), ("3", 0.95, (390, 152, 405, 182)),
                                ("–", 0.9, (415, 165, 430, 170)), ("Пловдив", 0.95, (440, 152, 570, 182))), doubts)  # fmt: skip
    assert name == "Поликлиника 3 – Пловдив" and any("№" in d for d in doubts)  # Q dev 9003 p2: out without a doubt
    doubts = []
    clean_employer(_line(("Поликлиника", 0.95, (150, 152, 350, 182)), ("№", 0.9, (360, 152, 380, 182)),
                         ("3", 0.95, (390, 152, 405, 182))), doubts)  # fmt: skip
    assert not doubts


# a читалище's name holds the year it was founded ("НЧ „Напредък – 1869“"), under the council or the
# municipality it belonged to (family AF dev 24008 p1, 24004 p1: the council's and the municipality's line out
# as the employer, wrong without a doubt: a year on the line below was taken for the period's)
CHITALISHTE = _line(("НЧ", 0.89, (150, 152, 190, 182)), ('"Напредък', 0.72, (205, 152, 360, 182)),
                    ("-", 0.8, (370, 165, 382, 169)), ('1869"', 0.78, (392, 152, 470, 182)),
                    ("-", 0.8, (480, 165, 492, 169)), ("гр.", 0.96, (502, 158, 545, 182)),
                    ("Бяла", 0.94, (555, 152, 630, 182)), ("Слатина", 0.86, (640, 152, 760, 182)))  # fmt: skip
COUNCIL_S_DEPARTMENT = _line(("Общински", 0.95, (150, 110, 300, 140)), ("народен", 0.95, (310, 110, 440, 140)),
                             ("съвет", 0.96, (450, 110, 540, 140)), ("-", 0.9, (550, 123, 565, 128)),
                             ("отдел", 0.9, (575, 110, 660, 140)), ('"Култура"', 0.94, (670, 110, 820, 140)))  # fmt: skip
MUNICIPALITY = _line(("Община", 0.95, (150, 110, 270, 140)), ("Бяла", 0.95, (280, 110, 350, 140)),
                     ("Слатина", 0.95, (360, 110, 480, 140)))  # fmt: skip


def test_the_institution_under_its_council_or_municipality_is_the_employer_a_year_in_its_quotes_too():
    want = _norm('НЧ "Напредък - 1869" - гр. Бяла Слатина')
    assert _norm(parse_header([*COUNCIL_S_DEPARTMENT, *CHITALISHTE, *TITLE], 2480).employer) == want
    assert _norm(parse_header([*MUNICIPALITY, *CHITALISHTE, *TITLE], 2480).employer) == want


def test_a_municipality_over_its_own_activity_stays_the_employer():
    # the municipality is the employer, the activity under it no name (family Q)
    activity = _line(("Дейност", 0.95, (150, 152, 280, 182)), ("„Благоустройство“", 0.95, (290, 152, 560, 182)))
    assert parse_header([*MUNICIPALITY, *activity, *TITLE], 2480).employer == "Община Бяла Слатина"
