"""A name typed on a form's printed dotted line (family AP's "Предприятие (учреждение) ......"): the dots under it
are no dash's company, and the dots read into its words are taken out with a doubt."""

from __future__ import annotations

import numpy as np

from ocr.employer_doubts import doubt
from ocr.geometry import Box, Word
from ocr.header import lost_dashes, read_employer
from ocr.name_leaders import without_leaders


def _strokes(gray: np.ndarray, x0: int, x1: int) -> None:
    for x in range(x0, x1, 12):  # a "word" of strokes, rows 10-40
        gray[10:40, x : x + 4] = 60


def test_a_dash_over_a_dotted_line_is_found_among_the_dots():
    # AP dev 34001 p2: '"Черноморец" - гр. Бургас' typed on the dots went out '„Черноморец“ гр. Бургас', no doubt
    gray = np.full((60, 400), 200, np.uint8)
    _strokes(gray, 10, 100)
    _strokes(gray, 170, 260)
    words = [Word("„Черноморец“", 0.9, Box(10, 10, 100, 42)), Word("гр.", 0.9, Box(170, 10, 260, 42))]
    for x in range(102, 168, 9):  # the printed dotted line at the letters' foot
        gray[37:41, x : x + 4] = 90
    assert [w.text for w in lost_dashes(words, gray)] == ["„Черноморец“", "гр."]  # dots alone: no dash
    gray[24:27, 125:145] = 90  # the typed dash at the letters' middle
    assert [w.text for w in lost_dashes(words, gray)] == ["„Черноморец“", "–", "гр."]


def _line(texts: list[str]) -> list[Word]:
    out, x = [], 100
    for t in texts:
        out.append(Word(t, 0.9, Box(x, 100, x + 20 * len(t), 130)))
        x += 20 * len(t) + 15
    return out


def test_dots_read_into_the_name_are_taken_out_and_the_name_goes_to_a_person():
    # AP dev 34003 p2: typed across the dotted line, read 'Общински. пазар. гр... Михайлавград', out
    # 'Общински. пазар. гр. Михайловград' without a doubt (its dash lost among the dots)
    doubts: list[str] = []
    name = read_employer(_line(["Общински.", "пазар.", "гр...", "Михайловград"]), None, doubts)
    assert name == "Общински пазар гр. Михайловград"
    assert doubt("dotted_line") in doubts


def test_a_stop_read_twice_or_an_abbreviations_stops_are_no_dotted_line():
    doubts: list[str] = []
    words = _line(["ДЗС", "„Г.", "Димитров“", "с.", "Бяла", "обл.", "Русе"])
    assert without_leaders(words, frozenset({"ДЗС"}), doubts) == words
    assert (
        without_leaders(_line(["ТПК", "„Труд“", "гр..", "Котел"]), frozenset({"ТПК"}), doubts)[2].text
        == "гр.."
    )
    assert doubts == []


def test_dots_read_as_words_past_the_names_end_are_dropped_and_a_listed_town_stays():
    # AP dev 34003 p4: the dotted line after the name read "пиано" 4 pixels high: dropped; AP dev 34005 p3: "пили"
    # stretched over 477 pixels and unsure: dropped, the name to a person; a town read with the dots stays
    name = _line(["Авторемонтна", "работилница", "„Прогрес“", "–", "гр.", "Габрово"])
    flat = Word("пиано", 0.0, Box(name[-1].box.x1 + 10, 126, name[-1].box.x1 + 800, 130))
    doubts: list[str] = []
    assert read_employer([*name, flat], None, doubts) == "Авторемонтна работилница „Прогрес“ – гр. Габрово"
    stretched = Word("пили", 0.25, Box(name[-1].box.x1 + 20, 95, name[-1].box.x1 + 500, 135))
    doubts = []
    assert (
        read_employer([*name, stretched], None, doubts) == "Авторемонтна работилница „Прогрес“ – гр. Габрово"
    )
    assert doubt("dotted_line") in doubts
    town = Word("Габрово", 0.21, Box(name[-2].box.x1 + 15, 100, name[-2].box.x1 + 1000, 130))
    assert read_employer([*name[:-1], town], None, []) == "Авторемонтна работилница „Прогрес“ – гр. Габрово"


def test_a_dash_read_unsure_is_kept_where_the_page_shows_a_dash():
    # AP dev 34007 p4: '"Йовков" - гр.' its dash read at 0.21 went out dropped as a speck, without a doubt
    gray = np.full((60, 400), 200, np.uint8)
    _strokes(gray, 10, 100)
    _strokes(gray, 170, 260)
    for x in range(102, 168, 9):
        gray[37:41, x : x + 4] = 90
    gray[24:27, 125:145] = 90
    words = [
        Word("„Йовков“", 0.9, Box(10, 10, 100, 42)),
        Word("-", 0.21, Box(124, 22, 146, 29)),
        Word("Толбухин", 0.9, Box(170, 10, 260, 42)),
    ]
    assert read_employer(words, gray, []) == "„Йовков“ – Толбухин"
    gray[24:27, 125:145] = 200  # no dash on the page: the unsure "-" was a speck
    assert read_employer(words, gray, []) == "„Йовков“ Толбухин"


def test_a_dash_a_little_high_over_a_dotted_line_is_a_dash():
    # AP dev 34009 p1: the words' boxes reach down to the dots, the dash's middle 5 rows of 24 from the frame's top:
    # 'Общински пазар гр. Михайловград' out without its dash and without a doubt
    gray = np.full((60, 400), 200, np.uint8)
    _strokes(gray, 10, 100)
    _strokes(gray, 170, 260)
    for x in range(102, 168, 9):
        gray[44:48, x : x + 4] = 90  # the dots, under the letters' foot
    gray[16:20, 125:145] = 90  # the typed dash, high in the boxes that take the dots in
    words = [Word("пазар", 0.9, Box(10, 10, 100, 48)), Word("гр.", 0.9, Box(170, 10, 260, 48))]
    assert [w.text for w in lost_dashes(words, gray)] == ["пазар", "–", "гр."]
    clean = np.full((60, 400), 200, np.uint8)  # no dotted line: a mark that high is no dash
    _strokes(clean, 10, 100)
    _strokes(clean, 170, 260)
    clean[16:20, 125:145] = 90
    assert [w.text for w in lost_dashes(words, clean)] == ["пазар", "гр."]
