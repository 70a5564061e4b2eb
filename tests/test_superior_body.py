"""The body an enterprise belonged to, typed above its name (family K dev 3009, 3004): the line names no
employer; the name on the line below is the employer's, alone."""

from __future__ import annotations

from bench.scoring import _norm
from ocr.geometry import Box, Word
from ocr.header import parse_header
from ocr.superior_body import names_superior


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
    assert not names_superior(SOLE_TRADER)
    assert not names_superior(_line(("ДЗС", 0.9, (0, 0, 60, 30)), ("„Съюз“", 0.9, (70, 0, 160, 30))))


def test_the_employer_is_the_name_below_the_body_it_belonged_to():
    h = parse_header([*COUNCIL, *SOLE_TRADER, *TITLE], 2480)
    assert h.employer == "ЕТ „Стоянов и син“ Казанлък"  # was "Окръжен народен съвет – Ловеч ЕТ „Стоянов ...“"
    assert h.sheet == 13


def test_a_council_alone_is_the_employer():
    assert _norm(parse_header([*COUNCIL, *TITLE], 2480).employer) == _norm("Окръжен народен съвет – Ловеч")
