"""The employer's name typed across an upright sheet (family AO dev 33001): a long name reaches past the line's
left part, where the reader stopped taking its words ('... стопанство“ – гр' went out for '... стопанство" - гр.
Тетевен', no doubt); a name that ends where no name does (a dangling "гр", a dash, a preposition) goes to a person;
a council's abbreviation with its small letter read as a digit ("О6НС") is the council's."""

from __future__ import annotations

import pytest

from ocr.employer_doubts import doubt
from ocr.employer_end import cut_end
from ocr.employer_spelling import check_header
from ocr.geometry import Box, Word
from ocr.header import clean_employer, parse_header
from ocr.name_run import name_words, word_after

WIDTH = 1706  # an upright A4 at 200 dpi

# AO dev 33001 p1's name line as the engine read it (text, confidence, x0, x1), the sheet's number far right
AO_LINE = [("Предприятие", 0.90, 298, 441), ('"Благоустройство', 0.87, 460, 668), ("и", 0.93, 686, 695),
           ("комунално", 0.92, 711, 828), ('стопанство"', 0.89, 846, 986), ("-", 0.89, 1007, 1013),
           ("гр.", 0.96, 1032, 1065), ("Тетевен", 0.96, 1085, 1174), ("стр.", 0.94, 1312, 1359),
           ("21", 0.95, 1380, 1400)]  # fmt: skip
TITLE = [("Ведомост", 0.96, 619, 721), ("за", 0.96, 739, 761), ("заплатите", 0.96, 779, 894), ("на", 0.96, 911, 934),
         ("персонала", 0.96, 951, 1068)]  # fmt: skip
PERIOD = [("м.", 0.88, 738, 759), ("ЮЛИ", 0.95, 778, 815), ("-", 0.81, 833, 840), ("1983", 0.95, 860, 907),
          ("г.", 0.95, 925, 945)]  # fmt: skip
WHOLE = 'Предприятие „Благоустройство и комунално стопанство“ – гр. Тетевен'


def _line(words: list[tuple[str, float, int, int]], y: int, shift: int = 0) -> list[Word]:
    return [Word(t, c, Box(x0 + (shift if x0 > 1000 else 0), y, x1 + (shift if x0 > 1000 else 0), y + 24))
            for t, c, x0, x1 in words]  # fmt: skip


def _header(name_line: list[Word]) -> tuple[str | None, str | None, int | None]:
    h = parse_header([*name_line, *_line(TITLE, 180), *_line(PERIOD, 212)], WIDTH)
    return h.employer, h.employer_review, h.sheet


def test_a_long_name_reaching_past_the_lines_left_part_is_read_whole():
    employer, review, sheet = _header(_line(AO_LINE, 120))
    assert (employer, review, sheet) == (WHOLE, None, 21)


def test_the_words_far_right_of_the_name_stay_out_of_it():
    """The sheet's number and what stands in the line's right corner, past the name's spacing, are no part of it."""
    line = _line([*AO_LINE[:5], ("ведомост", 0.9, 1150, 1260), ("N", 0.9, 1280, 1300), ("4", 0.9, 1320, 1335)], 120)
    taken = [w for w in line if w.box.x0 >= 1150]
    assert [w.text for w in name_words(line, [], WIDTH)] == [w.text for w in line[:5]]  # a gap of 164 px: the corner
    assert [w.text for w in name_words(line[:5] + taken, taken, WIDTH)] == [w.text for w in line[:5]]


def test_a_name_cut_by_a_wide_gap_before_its_town_goes_to_a_person():
    """A crease (or a typist's wide space) between "гр." and the town: the name's run ends at "гр." and the
    name, ending in a town's mark, is no name as read."""
    employer, review, _ = _header(_line(AO_LINE, 120, shift=0)[:7] + _line(AO_LINE[7:], 120, shift=60))
    assert employer is not None and employer.endswith("гр")
    assert review is not None and doubt("name_cut", "гр.") in review


def test_a_name_whose_town_stands_apart_after_a_crease_goes_to_a_person():
    """'... стопанство“' and, four letters' heights on, '- гр. Тетевен': the name reads whole as a quoted name, but
    the line goes on with a dash a little farther than a space."""
    far = [(t, c, x0 + 70, x1 + 70) for t, c, x0, x1 in AO_LINE[5:8]]
    line = _line([*AO_LINE[:5], *far, *AO_LINE[8:]], 120)
    assert [w.text for w in name_words(line, [], WIDTH)][-1] == 'стопанство"'
    assert word_after(line, name_words(line, [], WIDTH), []) is line[5]
    employer, review, _ = _header(line)
    assert employer == 'Предприятие „Благоустройство и комунално стопанство“'
    assert review is not None and doubt("tail_apart", "-") in review


@pytest.mark.parametrize(
    ("tokens", "end"),
    [
        (["ОТП", '"Хранителни', 'стоки"', "-", "гр."], "гр."),
        (["ОТП", '"Хранителни', 'стоки"', "-", "гр"], "гр"),
        (["ЕСПУ", '"Христо', 'Ботев"', "-", "с."], "с."),
        (['стопанство"', "-"], "-"),
        (["ОДЗ", '"Слънце"', "при"], "при"),
        (["Завод", "за"], "за"),
        (["ТКЗС", "„"], "„"),
        (["ДАП", "(автосервиз"], "(автосервиз"),
    ],
)
def test_a_name_ending_where_no_name_does_is_told(tokens: list[str], end: str):
    assert cut_end(tokens) == end


@pytest.mark.parametrize(
    "tokens",
    [["ОТП", '"Хранителни', 'стоки"', "-", "гр.", "Добрич"], ["ОДЗ", '"Слънце"'], ["ВиК", "-", "гр.", "Монтана"],
     ['„Химко"', "АД,"], ["ДАП", "(автосервиз)"], ["ЕТ", '"Вели', "-", '2"']],
)
def test_a_name_ending_as_names_do_is_not_doubted(tokens: list[str]):
    assert cut_end(tokens) is None


def test_a_dash_dropped_from_the_names_end_leaves_a_doubt():
    words = [Word(t, 0.9, Box(100 * i, 0, 100 * i + 80, 30)) for i, t in enumerate(["ОТП", "„Хранителни", "стоки“", "–"])]
    doubts: list[str] = []
    assert clean_employer(words, doubts) == "ОТП „Хранителни стоки“"
    assert doubt("name_cut", "–") in doubts


@pytest.mark.parametrize("read", ["О6НС", "06НС", "ОБНС"])
def test_a_councils_abbreviation_with_its_small_letter_misread_is_the_councils(read: str):
    words = [("ОДЗ", 0.9, 206, 274), ('"Слънце"', 0.94, 311, 498), ("при", 0.93, 535, 600), (read, 0.87, 633, 727),
             ("-", 0.89, 761, 773), ("гр.", 0.96, 811, 872), ("Толбухин", 0.96, 910, 1100)]  # fmt: skip
    h = check_header(parse_header([*_line(words, 120), *_line(TITLE, 180), *_line(PERIOD, 212)], 2560))
    assert (h.employer, h.employer_review) == ("ОДЗ „Слънце“ при ОбНС – гр. Толбухин", None)


def test_a_word_of_digits_and_capitals_that_is_no_council_is_left_as_read():
    words = [Word(t, 0.9, Box(100 * i, 0, 100 * i + 80, 30)) for i, t in enumerate(["ОДЗ", "„Слънце“", "при", "О6ХС"])]
    assert clean_employer(words, []) == "ОДЗ „Слънце“ при О6ХС"


def test_an_abbreviation_written_with_a_small_letter_inside_is_no_capital_misread():
    """"ВиК – гр. Михайловград" (AO dev 33002 p8) went to a person for "a capital inside the word"; a capital
    after a small letter in any other word still does ("ПиваШки")."""
    words = [("ВиК", 0.91, 421, 475), ("-", 0.91, 503, 514), ("гр.", 0.96, 542, 593), ("Михайловград", 0.96, 621, 857)]
    h = check_header(parse_header([*_line(words, 120), *_line(TITLE, 180), *_line(PERIOD, 212)], 2560))
    assert (h.employer, h.employer_review) == ("ВиК – гр. Михайловград", None)
    doubts: list[str] = []
    clean_employer([Word("ПиваШки", 0.9, Box(0, 0, 100, 30)), Word("цех", 0.9, Box(110, 0, 160, 30))], doubts)
    assert doubt("capital_inside", "ПиваШки") in doubts


def test_a_councils_abbreviation_read_with_a_mark_more_is_the_councils_in_doubt():
    """"О06НС" (AO dev 33003 p11: the small "б" read as two digits): one mark from "ОбНС" once its digits are taken
    for letters; corrected, and the name goes to a person."""
    doubts: list[str] = []
    words = [Word(t, 0.9, Box(100 * i, 0, 100 * i + 80, 30)) for i, t in enumerate(["ОДЗ", "„Слънце“", "при", "О06НС"])]
    assert clean_employer(words, doubts) == "ОДЗ „Слънце“ при ОбНС"
    assert doubt("corrected", "О06НС", "ОбНС") in doubts


class _SameLine:
    """A fake engine: the name's line read alone gives the first reading's words of the name."""

    def __init__(self, line: list[Word]) -> None:
        self.line = line

    def words(self, image: object, *, psm: int = 6, whitelist: str | None = None, offset: tuple[int, int] = (0, 0)) -> list[Word]:
        return self.line


def test_a_word_apart_after_the_name_stays_in_doubt_when_the_names_words_are_read_again():
    """The second reading of an unsure name reads its line only as far as the name reaches: the same words again
    say nothing of the word after the gap."""
    import numpy as np

    from ocr.employer_reread import reread_employer

    far = [(t, c, x0 + 70, x1 + 70) for t, c, x0, x1 in AO_LINE[5:8]]
    line = _line([*AO_LINE[:5], *far, *AO_LINE[8:]], 120)
    h = parse_header([*line, *_line(TITLE, 180), *_line(PERIOD, 212)], WIDTH)
    page = np.full((400, WIDTH), 255, np.uint8)
    again = reread_employer(h, page, page, _SameLine(line[:5]))  # type: ignore[arg-type]
    assert again.employer_review is not None and doubt("tail_apart", "-") in again.employer_review
