"""The employer and the period from a drawing's title block under the table (``ocr.title_block``): a sheet drawn up in
a drawing office's sheet frame names its employer and its period only in the ruled block of cells at its lower
right (family AI: the employer found on no page of 16, the period on 6). The block's decoys are never taken: the
date it was drawn up (the month after the one paid), the section ("Секция ..."), the signers' surnames, the
sheet's numbers, the archive number."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from bench.scoring import _norm
from ocr.engine import OcrEngine
from ocr.geometry import Box, Word
from ocr.header import Header
from ocr.title_block import doubt_period, lacks, read_block

from .conftest import read_regression_sheet

FOOT = 200  # the table's last rule
# the block's cells (x0, y0, x1, y1): on the left the inventory number, the date and three signers' rows (role,
# surname, signature); on the right the employer across the top, the document's name and period, the sheet and
# the sheets, the section and the archive number
LEFT = [(1000, 300, 1650, 360), (1000, 360, 1650, 460)] + [
    (x0, y, x1, y + 80) for y in (460, 540, 620) for x0, x1 in ((1000, 1250), (1250, 1500), (1500, 1650))
]
RIGHT = [(1650, 300, 2900, 400), (1650, 400, 2400, 560), (2400, 400, 2650, 460), (2650, 400, 2900, 460),
         (2400, 460, 2650, 560), (2650, 460, 2900, 560), (1650, 560, 2400, 700), (2400, 560, 2900, 700)]  # fmt: skip


def _page(cells: list[tuple[int, int, int, int]]) -> Any:
    """The page under the table: the block's rules (the analysis's rule mask), the rest white."""
    mask = np.zeros((800, 3000), np.uint8)
    for x0, y0, x1, y1 in cells:
        for y in (y0, y1):
            mask[max(0, y - 3) : y + 4, x0 - 3 : x1 + 4] = 255
        for x in (x0, x1):
            mask[y0 - 3 : y1 + 4, max(0, x - 3) : x + 4] = 255
    white = np.full((800, 3000), 255, np.uint8)
    return SimpleNamespace(rules=SimpleNamespace(mask=mask), clean=white, gray=white)


def _line(text: str, x: int, y: int) -> list[Word]:
    """The words of ``text`` from ``x`` on the line whose middle is ``y``."""
    out, at = [], x
    for t in text.split():
        out.append(Word(t, 0.93, Box(at, y - 15, at + 22 * len(t), y + 15)))
        at += 22 * len(t) + 20
    return out


class Block:
    """An engine that reads the block's words (given in page coordinates), and counts its readings."""

    def __init__(self, words: list[Word]) -> None:
        self.read, self.calls = words, 0

    def words(self, image: np.ndarray, *, psm: int = 6, whitelist: str | None = None, offset=(0, 0)) -> list[Word]:
        self.calls += 1
        return list(self.read)


SIGNERS = [*_line("Изготвил", 1010, 500), *_line("Бъчваров", 1260, 500), *_line("Проверил", 1010, 580),
           *_line("Шишков", 1260, 580), *_line("Гл. счетоводител", 1010, 660), *_line("Генчев", 1260, 660),
           *_line("АИИ", 1520, 500)]  # (a signature read as letters)  # fmt: skip
DECOYS = [*_line("Инв. №", 1010, 330), *_line("Дата 07.09.90", 1010, 410), *_line("Лист", 2410, 430),
          *_line("Листа", 2660, 430), *_line("13", 2500, 510), *_line("14", 2750, 510),
          *_line("Секция „Архитектура“", 1700, 630), *_line("Арх. № 9225/90", 2450, 630)]  # fmt: skip
EMPLOYER = _line("„Промпроект“ – филиал Габрово", 1900, 350)
DOCUMENT = [*_line("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ", 1750, 450), *_line("м. VIII 1990 г.", 1850, 520)]


def test_the_employer_and_the_period_are_read_from_a_title_block_under_the_table_its_decoys_not():
    engine = Block([*SIGNERS, *DECOYS, *EMPLOYER, *DOCUMENT])
    h = read_block(_page(LEFT + RIGHT), Header(), FOOT, engine)
    assert h.employer == "„Промпроект“ – филиал Габрово" and h.employer_review is None
    # August, as the document's cell says: not September, the month the sheet was drawn up in ("Дата 07.09.90")
    assert (h.year, h.month) == (1990, 8) and engine.calls == 1
    assert h.year_word is not None and h.year_word.text == "1990"  # ``ocr.period`` reads it again


def test_a_block_whose_only_name_is_a_sections_gives_no_employer_and_its_date_no_period():
    engine = Block([*SIGNERS, *DECOYS])  # no employer's cell, no period in the document's cell
    h = read_block(_page(LEFT + RIGHT), Header(), FOOT, engine)
    assert h.employer is None  # not "Секция „Архитектура“", not a surname, not a signature read as letters
    assert (h.year, h.month) == (None, None)  # not the date it was drawn up, not the archive number's "/90"


def test_a_name_over_the_table_in_doubt_gives_way_to_the_blocks_with_both_for_a_person():
    engine = Block([*SIGNERS, *DECOYS, *EMPLOYER, *DOCUMENT])
    above = Header(employer="Пор. ЕГН Лице Начислена", employer_review="„ЕГН“ не е позната правна форма",
                   year=1990, month=8)  # fmt: skip
    h = read_block(_page(LEFT + RIGHT), above, FOOT, engine)
    assert h.employer == "„Промпроект“ – филиал Габрово"
    assert h.employer_review is not None and "Пор. ЕГН Лице Начислена" in h.employer_review


def test_a_sheet_with_its_employer_and_period_over_the_table_or_no_block_under_it_is_not_read_there():
    engine = Block([*SIGNERS, *DECOYS, *EMPLOYER, *DOCUMENT])
    sure = Header(employer="„Металик“ ЕООД – Перник", year=1990, month=8)
    assert read_block(_page(LEFT + RIGHT), sure, FOOT, engine) == sure and engine.calls == 0
    assert not lacks(sure)  # the reader then does not look for the table's foot at all
    assert lacks(Header(employer="„Металик“ ЕООД – Перник", year=1990))  # no month: a block may give it
    assert lacks(Header(employer="„Металик“ ЕООД – Перник", year=1990, month=8, employer_review="неясно"))
    h = read_block(_page(RIGHT[:2]), Header(), FOOT, engine)  # two boxes under the table: no title block
    assert (h.employer, h.month, engine.calls) == (None, None, 0)


def test_a_printed_forms_empty_rows_under_the_table_are_no_title_block_and_not_read():
    # a form's printed rows left empty under the people (AP): 12 rows of 10 cells, a grid over the table's width;
    # read as a block, tesseract spent minutes on it for nothing
    grid = [(40 + 290 * c, 260 + 40 * r, 40 + 290 * (c + 1), 300 + 40 * r) for r in range(12) for c in range(10)]
    engine = Block([*SIGNERS, *DECOYS, *EMPLOYER, *DOCUMENT])
    h = read_block(_page(grid), Header(), FOOT, engine)
    assert (h.employer, h.month, engine.calls) == (None, None, 0)
    assert read_block(_page(LEFT + RIGHT), Header(), FOOT, engine).employer is not None  # the block itself still read


def test_a_period_read_from_a_cell_without_the_documents_name_goes_to_a_person():
    # the date's label misread ("Лата"), the day lost: "09.1990" alone in a cell may be the month it was drawn up
    date = [*_line("Лата", 1010, 410), *_line("09.1990", 1300, 410)]
    engine = Block([*SIGNERS, *[w for w in DECOYS if not w.text.startswith(("Дата", "07.09"))], *date, *EMPLOYER])
    h = read_block(_page(LEFT + RIGHT), Header(), FOOT, engine)
    assert (h.year, h.month) == (1990, 9) and h.period_review is not None
    engine = Block([*SIGNERS, *DECOYS, *EMPLOYER, *DOCUMENT])
    h = read_block(_page(LEFT + RIGHT), Header(), FOOT, engine)
    assert (h.year, h.month, h.period_review) == (1990, 8, None)  # under the document's name: read as the header's


def test_a_period_whose_year_the_blocks_date_and_archive_number_do_not_give_goes_to_a_person():
    engine = Block([*SIGNERS, *DECOYS, *EMPLOYER, *DOCUMENT])  # "Дата 07.09.90", "Арх. № 9225/90": 1990
    h = read_block(_page(LEFT + RIGHT), Header(), FOOT, engine)
    doubt_period(h)
    assert (h.year, h.month, h.period_review) == (1990, 8, None)
    # AI dev 27011 p1: "08.1981 г." read "08.1987 г." by both models (a stencilled 1 for a 7), the block's date 81
    misread = [*_line("ВЕДОМОСТ ЗА ЗАПЛАТИТЕ", 1750, 450), *_line("08.1987 г.", 1850, 520)]
    dated = [w for w in DECOYS if not w.text.startswith(("Дата", "07.09", "Арх", "№", "9225"))]
    engine = Block([*SIGNERS, *dated, *_line("Дата 04.09.81", 1010, 410), *EMPLOYER, *misread])
    h = read_block(_page(LEFT + RIGHT), Header(), FOOT, engine)
    doubt_period(h)
    assert (h.year, h.month) == (1987, 8) and h.period_review is not None and "1981" in h.period_review


def test_a_sheet_in_a_drawings_frame_gives_its_employer_from_the_title_block(ocr_engine: OcrEngine) -> None:
    # AI dev 27001 p1 (tests/fixtures/regression/README.md): the employer and the period only in the title block
    truth, got = read_regression_sheet("ai-title-block-under-the-table", ocr_engine)
    assert _norm(got.employer.name) == _norm(truth.employer.name)
    right = (got.period.year, got.period.month) == (truth.period.year, truth.period.month)
    assert right or got.period.review or got.period.month is None, "a period read wrong without a doubt"
