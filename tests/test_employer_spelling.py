"""The employer's name checked word by word against the Bulgarian spelling dictionary (hunspell-bg): a
letter misread in a word no list of employers' names holds is mended, or the name goes to a person; a
word no dictionary knows never passes without a doubt (a wrong name without a doubt is a silent error:
certificates would count the page)."""

from __future__ import annotations

import numpy as np
import pytest

from archive_core.errors import ConfigError
from ocr import employer_spelling, hunspell_bg
from ocr.employer_band import header_in_first_band
from ocr.employer_doubts import doubt
from ocr.employer_reread import reread_employer
from ocr.employer_spelling import capital_a, check, check_header
from ocr.geometry import Box, Grid, Word
from ocr.header import Header, parse_header


def _line(y: int, texts: list[str], conf: float = 0.95, x: int = 100) -> list[Word]:
    out = []
    for t in texts:
        out.append(Word(t, conf, Box(x, y, x + 20 * len(t), y + 30)))
        x += 20 * len(t) + 15
    return out


def _read(texts: list[str], conf: float = 0.95) -> Header:
    """The header as the page reader gives it: parsed from the words, then checked word by word."""
    return check_header(parse_header(_line(100, texts, conf), 3000))


def test_a_common_word_with_a_misread_letter_read_with_confidence_is_mended_without_a_doubt():
    h = _read(["Обушарски", "цех", "„Мир“", "Габрово"])  # no list of employers' names holds "Обущарски"
    assert h.employer == "Обущарски цех „Мир“ Габрово"
    assert h.employer_review is None


def test_a_mended_word_read_unsure_or_inside_the_quotes_sends_the_name_to_a_person():
    unsure = _read(["Обушарски", "цех", "„Мир“", "Габрово"], conf=0.5)
    assert unsure.employer == "Обущарски цех „Мир“ Габрово"
    assert unsure.employer_review and "Обушарски" in unsure.employer_review
    quoted = _read(["ДЗС", "„Хоризонг“", "с.", "Крушовица"])  # a quoted name may be made up: never silent
    assert quoted.employer == "ДЗС „Хоризонт“ с. Крушовица"
    assert quoted.employer_review and "Хоризонг" in quoted.employer_review
    several = _read(["Обущарскн", "цех", "„Мир“", "Габрово"])  # "-а", "-и", "-о": the one a confused letter makes
    assert several.employer == "Обущарски цех „Мир“ Габрово" and several.employer_review


def test_a_word_no_dictionary_holds_is_left_as_read_and_the_name_goes_to_a_person():
    h = _read(["Шиуволикиу", "завод", "„Мир“", "Габрово"])  # italic "Шивашки", read beyond mending
    assert h.employer == "Шиуволикиу завод „Мир“ Габрово"
    assert h.employer_review and "Шиуволикиу" in h.employer_review
    several = _read(["Консервен", "завол", "„Зора“", "Сливен"])  # "завод" or "забол"? a person decides
    assert several.employer == "Консервен завол „Зора“ Сливен"
    assert several.employer_review and "завол" in several.employer_review


def test_an_enterprise_name_glued_from_known_words_or_stems_has_no_doubt_but_a_misread_one_does():
    for texts in (["ДП", "„Стройинвест“", "Плевен"], ["„Балкантурист“", "АД", "Варна"], ["ТКЗС", "„Агрокомплекс“", "Ловеч"]):
        h = _read(texts)
        assert h.employer_review is None, (texts, h.employer_review)
    doubled = _read(["ДП", "„Стрройинвест“", "Плевен"])  # a letter too many: neither glued nor one word
    assert doubled.employer_review and "Стрройинвест" in doubled.employer_review


def test_a_name_of_dictionary_words_and_listed_places_has_no_doubt():
    for texts in (["Дърводелски", "цех", "„Бор“", "Велинград"], ["Тухларна", "„Искър“", "гр.", "Нови", "Искър"],
                  ["„Керамика“", "АД", "Каолиново"]):  # fmt: skip
        h = _read(texts)
        assert h.employer == " ".join(texts) and h.employer_review is None, h


def test_an_adjective_of_a_noun_the_dictionary_holds_is_not_mended_into_another_word():
    # "стоманобетонни" (of "стоманобетон") is no hunspell-bg word: its doubled "н" was taken for a misreading and
    # the name mended to the noun's plural "стоманобетони" (V dev 14022)
    h = _read(["Завод", "за", "стоманобетонни", "елементи", "„Первомай“", "–", "гр.", "Шумен"])
    assert h.employer == "Завод за стоманобетонни елементи „Первомай“ – гр. Шумен" and h.employer_review is None, h
    made_up = _read(["Текстиленни", "комбинат", "„Труд“"])  # an adjective in -ен is no noun to make one of
    assert made_up.employer_review and "Текстиленни" in made_up.employer_review


def test_a_towns_abbreviation_with_its_stop_read_as_a_letter_is_mended_and_goes_to_a_person():
    h = _read(["Завод", "за", "електрокари", "„Балкан“", "–", "гре", "Шумен"])
    assert h.employer == "Завод за електрокари „Балкан“ – гр. Шумен", h
    assert h.employer_review and "гре" in h.employer_review


def _typed(cells: list[str]) -> list[Word]:
    """A typewriter's line, 20 px a letter, a space between the words; "-" in a cell of its own: its stroke in
    the cell's middle, closer to its neighbours than a space."""
    out, x = [], 100
    for t in cells:
        if t == "-":
            out.append(Word(t, 0.9, Box(x + 4, 115, x + 16, 120)))
            x += 20
            continue
        x += 20 if out and out[-1].text != "-" else 0
        out.append(Word(t, 0.95, Box(x, 100, x + 20 * len(t), 130)))
        x += 20 * len(t)
    return out


def test_a_typewriters_hyphen_read_apart_joins_two_words_of_small_letters():
    cells = ["Завод", "за", "подемно", "-", "транспортни", "машини", "„Балкан“", "–", "гр.", "Шумен"]
    h = check_header(parse_header(_typed(cells), 3000))
    assert h.employer == "Завод за подемно-транспортни машини „Балкан“ – гр. Шумен", h


def test_a_print_faces_dash_as_far_from_its_words_as_a_space_stays_a_dash():
    # R dev 10030 p1, the words as read: 'Строителни войски – поделение 5320' came out 'войски-поделение'
    line = [("Строителни", 0.96, (159, 107, 361, 152)), ("войски", 0.93, (373, 103, 495, 141)), ("-", 0.92, (507, 123, 525, 132)),
            ("поделение", 0.31, (538, 105, 725, 149)), ("5320", 0.96, (737, 107, 813, 141))]  # fmt: skip
    h = check_header(parse_header([Word(t, c, Box(*b)) for t, c, b in line], 3508))
    assert h.employer == "Строителни войски – поделение 5320", h


def test_guesses_at_the_pages_right_edge_above_the_name_are_no_employer():
    # the yellowed sellotape over the sheet's top right corner read "рента та" (V dev 14029 p3, its words as read)
    top = [("---", 0.54, (106, 104, 215, 121)), ("---", 0.74, (251, 105, 349, 111)), ("рента", 0.23, (3787, 91, 3915, 135)),
           ("та", 0.72, (3930, 91, 3964, 135)), ("по", 0.0, (4396, 91, 4485, 136)), ("--ч", 0.33, (5000, 102, 5061, 122))]
    name = [("Керамичен", 0.92, (255, 245, 469, 280)), ("завод", 0.94, (501, 253, 614, 277)),
            ("„Млада", 0.94, (645, 245, 782, 277)), ("гвардия“", 0.77, (817, 246, 1001, 280)),
            ("Шумен", 0.77, (1080, 244, 1196, 280)), ("16", 0.91, (4870, 248, 4905, 275))]
    words = [Word(t, c, Box(*b), line=(1, 1, 1)) for t, c, b in top]
    words += [Word(t, c, Box(*b), line=(1, 1, 2)) for t, c, b in name]
    h = parse_header(words, 5164, [(103, 121), (244, 280)])
    assert h.employer is not None and h.employer.startswith("Керамичен завод „Млада гвардия“"), h


class _LineEngine:
    def __init__(self, line: list[Word]):
        self.line = line

    def words(self, image, *, psm=6, whitelist=None, offset=(0, 0)):
        return self.line


def test_a_second_reading_clears_the_doubt_only_with_dictionary_words_the_first_reading_agrees_with():
    page = np.full((300, 1000), 255, np.uint8)
    h = _read(["ДЗС", "„Булмащ“", "с.", "Крушовица"], conf=0.7)
    assert h.employer_review and "Булмащ" in h.employer_review
    again = reread_employer(h, page, page, _LineEngine(_line(100, ["ДЗС", "„Булмащ“", "с.", "Крушовица"])))
    assert again.employer_review  # read the same way twice: still no word of the dictionary
    right = reread_employer(h, page, page, _LineEngine(_line(100, ["ДЗС", "„Хоризонт“", "с.", "Крушовица"])))
    assert right.employer_review  # a word neither read so the first time nor in the lists: a person decides
    words = _line(100, ["Обушарски", "цех", "„Мир“", "Габрово"])
    words[0] = Word("Обушарски", 0.5, words[0].box)
    unsure = check_header(parse_header(words, 3000))  # mended to "Обущарски", read unsure: to a person
    assert unsure.employer == "Обущарски цех „Мир“ Габрово" and unsure.employer_review
    agrees = reread_employer(unsure, page, page, _LineEngine(_line(100, ["Обущарски", "цех", "„Мир“", "Габрово"])))
    assert (agrees.employer, agrees.employer_review) == ("Обущарски цех „Мир“ Габрово", None)
    again_unsure = _line(100, ["Обушарски", "цех", "„Мир“", "Габрово"])
    again_unsure[0] = Word("Обушарски", 0.5, again_unsure[0].box)
    other = reread_employer(unsure, page, page, _LineEngine(again_unsure))
    assert other.employer_review  # read the same unsure way again: the mend stays in doubt


def test_without_the_dictionary_the_reader_stops_and_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(hunspell_bg, "DICTIONARY", tmp_path / "bg_BG")
    employer_spelling.dictionary.cache_clear()
    employer_spelling.is_word.cache_clear()
    try:
        with pytest.raises(ConfigError, match="hunspell-bg"):
            employer_spelling.is_word("Обущарски")
    finally:
        employer_spelling.dictionary.cache_clear()
        employer_spelling.is_word.cache_clear()


def test_the_header_inside_the_grids_first_band_gives_the_employer_and_the_period():
    """C dev 106 page-0002 (landscape): the page's top edge was taken for the table's top rule, the header
    fell inside the grid's first band and no employer or period was read."""
    band = [*_line(130, ["Комбинат", "„Пирин“", "Благоевград"]), *_line(200, ["ВЕДОМОСТ", "ЗА", "ЗАПЛАТИ"], x=1500),
            *_line(275, ["за", "м.", "декември", "1996", "г."], x=1550)]  # fmt: skip
    headings = _line(400, ["ЕГН", "Трите", "имена"])
    grid = Grid(xs=[50, 3400], ys=[11, 358, 518, 600], ruled=True)
    page = np.full((2480, 3508), 255, np.uint8)
    h = header_in_first_band(Header(), [*band, *headings], grid, 3508, [], page)
    assert (h.employer, h.month, h.year) == ("Комбинат „Пирин“ Благоевград", 12, 1996)
    table_top = Grid(xs=[50, 3400], ys=[380, 450, 518], ruled=True)  # the first band is the headings
    assert header_in_first_band(Header(), [*band, *headings], table_top, 3508, [], page) == Header()


def test_a_compound_with_a_letter_too_many_is_mended_and_still_goes_to_a_person():
    h = _read(["ДП", "„Стрройинвест“", "Плевен"], 0.7)  # C dev 104 p4: a letter read twice
    assert h.employer == "ДП „Стройинвест“ Плевен"
    assert h.employer_review and "„Стрройинвест“ прочетено като „Стройинвест“" in h.employer_review


def test_a_compound_with_kh_read_as_zh_is_mended_and_the_name_goes_to_a_person():
    name, doubts = employer_spelling.check("„Агрожим“ АД Разград", (Word("„Агрожим“", 0.5, Box(0, 0, 9, 9)),))
    assert name == "„Агрохим“ АД Разград" and doubts  # K dev 3001 p4: "х" read as "ж", inside the quotes


def test_two_words_a_lost_letter_apart_are_one_word_and_the_name_goes_to_a_person():
    # N dev 6001 p2: a faint "н" (a worn key) split "Комбинат" into "комби" and "ат"
    from ocr.employer_spelling import check

    name, doubts = check("комби ат „Пирин“ Благоевград", ())
    assert name == "Комбинат „Пирин“ Благоевград" and doubts


def test_a_listed_place_read_without_its_space_is_that_place_and_the_name_goes_to_a_person():
    """R dev 10001 p3: "Бобовдол" (a name the dictionary knows) passed the word check, the name out wrong silently."""
    h = _read(["„Мини", "Бобовдол“", "ЕАД"])
    assert h.employer == "„Мини Бобов дол“ ЕАД"
    assert h.employer_review


def test_a_proper_name_read_with_confidence_is_not_mended_into_another_but_doubted():
    """X dev 16002: the village "Трояново" (no list holds it) mended into the family name "Троянова" on every page."""
    h = _read(["Мини", "„Марица-изток“", "–", "рудник", "„Трояново-1“"], conf=0.9)
    assert h.employer == "Мини „Марица-изток“ – рудник „Трояново-1“"
    assert h.employer_review and "Трояново" in h.employer_review


def test_a_capital_a_read_as_ya_twice_is_mended_with_a_doubt() -> None:
    """Z dev 18003 p1: the dot-matrix "БАЛКАНКАР" read "БЯЛКЯНКАР" (two letters off: no neighbour): each "Я"
    tried as "А" gives the listed name, corrected and sent to a person; a place's own "Я" stays."""
    name, doubts = check("ДЗ БЯЛКЯНКАР – ЗАВОД", ())
    assert name == "ДЗ БАЛКАНКАР – ЗАВОД"
    assert doubts == [doubt("corrected", "БЯЛКЯНКАР", "БАЛКАНКАР")]
    assert capital_a("ДЕВНЯ") == () and capital_a("Бялканкар") == ()


def test_of_several_neighbours_none_is_taken_for_being_listed() -> None:
    """X dev 16001 p1: the quoted "Вълна" read "Вълйа", one letter from "Вълка", "Вълна", "Вълча". Taking the listed
    one of several neighbours (session 25) turned words read right into listed ones on other sheets (seed 777's
    employer 95.0 -> 86.7 %): the word stays as read and a person picks."""
    name, doubts = check("ПК „Вълйа“ – Габрово", ())
    assert name == "ПК „Вълйа“ – Габрово"
    assert doubts and doubts[0] == doubt("maybe", "Вълйа", "“, „".join(employer_spelling.neighbours("Вълйа")[:3]))


def test_two_dictionary_words_glued_one_letter_from_a_listed_place_are_that_place_misread() -> None:
    """Z dev 18002 p1: "ОРЯХОВИЦА" read "ОРЯХИВИЦА", which is "орях" + "ивица" glued (a compound passed silently):
    one letter from a listed place it is that place, corrected and sent to a person."""
    name, doubts = check("ГОРНА ОРЯХИВИЦА", ())
    assert name == "ГОРНА ОРЯХОВИЦА"
    assert doubts == [doubt("corrected", "ОРЯХИВИЦА", "ОРЯХОВИЦА")]
    assert check("Балкантурист", ()) == ("Балкантурист", [])


def test_an_abbreviation_s_stop_read_twice_is_one_stop() -> None:
    """A seed 12 p9: a speck after "гр." read as a second stop, "гр.. Попово", went out silently wrong."""
    assert check("Мелница „Зора“ гр.. Попово", ())[0] == "Мелница „Зора“ гр. Попово"


def test_a_villages_later_word_with_several_words_near_stays_as_read_and_doubted():
    # T dev 12013 p6, 12021: "ТКЗС „Сеятел“ с. Горско Косово": "Косово" (no list's, no dictionary's word) mended
    # into the dictionary's "Касово" by its confused letter, every page of the file out wrong
    h = _read(["ТКЗС", "„Сеятел“", "с.", "Горско", "Косово"], conf=0.8)
    assert h.employer == "ТКЗС „Сеятел“ с. Горско Косово"
    assert h.employer_review is not None and "Косово" in h.employer_review


def test_a_proper_name_read_unsure_is_not_mended_into_another_proper_name_either():
    """X dev 16025 p1: "Трояново" read at 0.74 (under ``SURE``) mended into the family name "Троянова"."""
    h = _read(["Мини", "„Марица-изток“", "–", "рудник", "„Трояново-1“"], conf=0.74)
    assert h.employer == "Мини „Марица-изток“ – рудник „Трояново-1“"
    assert h.employer_review and "Трояново" in h.employer_review


def test_a_compound_of_the_combining_form_mechano_is_a_word():
    # Q dev 9013 p3, p4: "механотехника" read right and mended into "механатехника" ("механа" + "техника")
    name, doubts = check("Техникум по механотехника – Русе", ())
    assert (name, doubts) == ("Техникум по механотехника – Русе", [])


def test_a_quoted_name_one_letter_from_a_listed_place_of_two_words_is_that_place_with_a_doubt():
    # X dev 16015 p1: „Бобов дол“ read „Бобов доп“ ("доп" near several words: left as read)
    name, doubts = check("ДМП „Бобов доп“ – рудник Бабино", ())
    assert name == "ДМП „Бобов дол“ – рудник Бабино" and doubts == [doubt("corrected", "Бобов доп", "Бобов дол")]
    assert check("ДМП „Бобов дол“ – рудник Бабино", ()) == ("ДМП „Бобов дол“ – рудник Бабино", [])
    name, doubts = check("ДМП „Вобов доп“ – рудник Бабино", ())  # a word of it mended first: then the place
    assert name == "ДМП „Бобов дол“ – рудник Бабино" and doubts


def test_a_number_with_a_small_letter_glued_after_it_sends_the_name_to_a_person():
    # N dev 6023 p1: 'ЕТ „Петров-91“ Ямбол' read 'ЕТ „Петров-9г“ Ямбол', out without a doubt
    h = _read(["ЕТ", "„Петров-9г“", "Ямбол"])
    assert h.employer == "ЕТ „Петров-9г“ Ямбол"
    assert h.employer_review == doubt("not_a_word", "9г")
    assert _read(["ЕТ", "„Петров-91“", "Ямбол"]).employer_review is None
    assert _read(["ДЗС", "„Бор-2“", "с.", "Крушовица"]).employer_review is None
