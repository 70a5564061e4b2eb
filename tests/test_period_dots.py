"""A form's dotted blanks filled in ("за месец ......IX...... 19....83.... г.", family O): the dots read into the
words hid the month and the year from the header (``ocr.fill_dots``)."""

from __future__ import annotations

from ocr.fill_dots import fill_dots, undotted
from ocr.geometry import Box, Word
from ocr.header import Header, read_period
from ocr.roman_month import numeral_before_year


def _line(*texts: str) -> list[Word]:
    return [Word(t, 0.6, Box(i * 100, 0, i * 100 + 90, 30)) for i, t in enumerate(texts)]


def test_a_month_and_a_year_in_dotted_blanks_are_the_period():
    h = Header()  # O dev 7001 p1: "за месец .„Х.. 19. .88. г."
    read_period(_line("за", "месец", ".„Х..", "19.", ".88.", "г."), h)
    assert (h.month, h.year) == (10, 1988)
    assert h.year_word is not None and h.year_word.box.x0 == 300 and h.year_word.box.x1 == 490  # both halves
    h = Header()  # O dev 7008 p2: the dots glued to the month and to the year's halves
    read_period(_line("за", "месец...", "ноемдри..", "19....82.....г."), h)
    assert (h.month, h.year) == (11, 1982)


def test_dots_alone_are_dropped_and_a_word_cut_at_its_dots_keeps_its_place():
    words = fill_dots(_line("за", "месец......М......", "..", "19....88....", "г."))
    assert [w.text for w in words] == ["за", "месец", "М", "1988", "г."]
    assert words[1].box.x1 <= words[2].box.x0 < 200  # "М" where it stands in the word
    plain = _line("за", "м.", "III", "1989", "г.")
    assert fill_dots(plain) == plain


def test_a_numeral_in_a_dotted_blank_read_by_the_figures_model_is_the_month():
    assert undotted("......1X.....19.....83.....7.") == ".1X.1983.7."
    assert numeral_before_year("......1X.....19.....83.....7.") == "IX"  # O dev 7004 p1
    assert numeral_before_year("......V......19....88....-") == "V"  # O dev 7007 p1
