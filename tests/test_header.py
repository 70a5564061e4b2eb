"""The employer's name on the header (issue 9): the words read from sheets whose name once came out wrong
(tests/fixtures/regression/header/employers.json, with the page each came from) must give the printed
name; a word that cannot be told for sure is left as read, and a doubtful one sends the name to a person."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from bench.scoring import _norm
from ocr.geometry import Box, Word
from ocr.header import clean_employer, lost_dashes, parse_header

from .conftest import FIXTURES

HEADER = FIXTURES / "regression" / "header"
CASES = json.loads((HEADER / "employers.json").read_text(encoding="utf-8"))
LEFT_AS_READ = {"d-person-name-misread-left-as-read"}  # a person's name one letter off: no dictionary tells


def _words(case: dict) -> list[Word]:
    return [Word(t, c, Box(*b)) for t, c, b in case["words"]]


@pytest.mark.parametrize("name", sorted(CASES))
def test_employer_name_read_as_printed_or_left_as_read(name: str):
    case = CASES[name]
    words = _words(case)
    gray = None
    if (HEADER / f"{name}.png").exists():  # the page itself: the dash the engine skipped is on it
        crop = cv2.imread(str(HEADER / f"{name}.png"), cv2.IMREAD_GRAYSCALE)
        x0, y0 = case["image_origin"]
        gray = np.full((y0 + crop.shape[0], x0 + crop.shape[1]), 255, np.uint8)
        gray[y0:, x0:] = crop
    got = clean_employer(lost_dashes(words, gray))
    if name in LEFT_AS_READ:
        assert got == " ".join(w.text for w in words).replace(" - ", " – ")
    else:
        assert _norm(got) == _norm(case["printed"]), got


def test_a_word_corrected_by_two_letters_or_unknown_and_unsure_sends_the_name_to_a_person():
    doubts: list[str] = []
    clean_employer(_words(CASES["e-village-two-letters-low-confidence"]), doubts)
    assert any("Липлице" in d for d in doubts)
    doubts = []
    words = [Word("ДЗС", 0.9, Box(0, 0, 60, 30)), Word("„Зорница“", 0.9, Box(70, 0, 200, 30)),
             Word("Бресквене", 0.4, Box(210, 0, 330, 30))]  # fmt: skip
    assert clean_employer(words, doubts) == "ДЗС „Зорница“ Бресквене"  # no known village near: as read
    assert doubts and "Бресквене" in doubts[0]


def test_a_name_read_with_confidence_has_no_doubt_and_a_quoted_name_is_never_changed():
    doubts: list[str] = []
    words = [Word("„Дунав", 0.95, Box(0, 0, 100, 30)), Word("Транс“", 0.95, Box(110, 0, 200, 30)),
             Word("ООД", 0.95, Box(210, 0, 260, 30)), Word("Видин", 0.95, Box(270, 0, 350, 30))]  # fmt: skip
    assert clean_employer(words, doubts) == "„Дунав Транс“ ООД Видин"
    assert doubts == []
    brand = [Word("„Перник“", 0.95, Box(0, 0, 100, 30)), Word("АД", 0.95, Box(110, 0, 150, 30))]
    assert clean_employer(brand) == "„Перник“ АД"


def test_no_dash_is_made_up_in_a_clean_gap_and_a_spaced_dash_is_a_word_of_its_own():
    gray = np.full((60, 400), 200, np.uint8)
    for x in [*range(10, 100, 12), *range(160, 260, 12)]:  # two "words" of strokes
        gray[10:40, x : x + 4] = 60
    words = [Word("ЕООД", 0.9, Box(10, 10, 100, 40)), Word("Ловеч", 0.9, Box(160, 10, 260, 40))]
    assert [w.text for w in lost_dashes(words, gray)] == ["ЕООД", "Ловеч"]
    gray[25:28, 120:140] = 150  # a faint dash alone in the middle of the gap
    assert [w.text for w in lost_dashes(words, gray)] == ["ЕООД", "–", "Ловеч"]


def _line(y: int, texts: list[str], x: int = 100) -> list[Word]:
    out = []
    for t in texts:
        out.append(Word(t, 0.95, Box(x, y, x + 20 * len(t), y + 30)))
        x += 20 * len(t) + 15
    return out


def test_a_label_before_the_name_and_the_town_on_the_line_below_belong_to_the_header_as_printed():
    words = [*_line(100, ["Предприятие:", "ДЗС", "„Зора“"]), *_line(140, ["с.", "Бяла"]),
             *_line(220, ["ВЕДОМОСТ", "ЗА", "ЗАПЛАТИ"], 1200), *_line(280, ["за", "м.", "май", "1985", "г."], 1200)]  # fmt: skip
    h = parse_header(words, 3000)
    assert (h.employer, h.month, h.year) == ("ДЗС „Зора“ с. Бяла", 5, 1985)
    alone = [*_line(100, ["„Зора“", "АД"]), *_line(220, ["ВЕДОМОСТ", "ЗА", "ЗАПЛАТИ"], 1200)]
    assert parse_header(alone, 3000).employer == "„Зора“ АД"  # the title is not the town
