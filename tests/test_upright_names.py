"""A page whose reading as given found people's names on most rows is not read again turned, even when it
fails the glance (N dev 6013: boxed ЕГН on a dusty scan, read four more times turned and in halves, 10.9 s
of CPU against plain tesseract's 1.8 s, and the reading as given kept); a reading without names still is."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from archive_core.records import PayrollPage, PayrollRow
from ocr import extract
from ocr.geometry import Box, Word
from ocr.upright import at_a_glance, glance, names_read

NAMES = ["Фаня Цветанова Бъчварова", "Васил Николов Тодоров", "Пламен Петров Ярков", "Лазар Стоянов Чолаков"]


class Engine:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def words(self, image, *, psm=6, whitelist=None, offset=(0, 0)) -> list[Word]:
        return []

    def figures(self, image, *, whitelist) -> list[Word]:
        return []

    def orientation(self, gray, *, dpi) -> int:
        self.asked.append("orientation")
        return 2


def _page(names: list[str]) -> PayrollPage:
    # no ЕГН read (boxed digit by digit): the reading "looks wrong" by its ЕГН
    return PayrollPage(image="x", rows=[PayrollRow(row=i, name=n, bbox=[10, 100 * i, 900, 100 * i + 40])
                                        for i, n in enumerate(names, 1)])  # fmt: skip


def _reads(monkeypatch: pytest.MonkeyPatch, page: PayrollPage) -> tuple[list[int], Engine]:
    turns: list[int] = []

    def fake_read_page(image, *, quarter_turns, **_):
        turns.append(quarter_turns)
        as_given = quarter_turns == 0 and image.shape == (1400, 1000)  # not a half of a turned reading
        return page if as_given else PayrollPage(image="x")

    monkeypatch.setattr(extract, "read_page", fake_read_page)
    engine = Engine()
    img = np.full((1400, 1000), 255, np.uint8)  # portrait (no halves), blank: it fails the glance
    assert not at_a_glance(img, 300)
    got = extract.extract_image(img, image_name="x", engine=engine)
    assert [r.name for r in got.rows] == [r.name for r in page.rows]
    return turns, engine


def test_a_reading_with_names_on_most_rows_is_not_read_turned(monkeypatch):
    turns, engine = _reads(monkeypatch, _page(NAMES))
    assert turns == [0]
    assert engine.asked == []  # the orientation detector not asked


def test_a_reading_without_names_is_still_read_turned(monkeypatch):
    turns, engine = _reads(monkeypatch, _page(["Ееее Оаоа", "Пнн Ррр", "ааа ссс", "Хнаоо Ррое"]))
    assert turns[:3] == [0, 2, 1] and 3 in turns  # the detector's answer first, then every other way
    assert engine.asked == ["orientation", "orientation"]


def test_a_reading_with_names_on_three_rows_of_many_is_not_read_turned(monkeypatch):
    """AB dev 20005 p2, p3: a typed table whose ЕГН and most names the models misread (9-18 of 41-43 rows
    named, no valid ЕГН) failed the glance and was read three more times turned and in halves (25 s of CPU
    against 5-6 s), the reading as given kept: three rows of two lexicon words are read upright."""
    turns, engine = _reads(monkeypatch, _page(NAMES[:3] + ["Ееее Оаоа", "Пнн Ррр", "ааа ссс", "Хнаоо Ррое"] * 2))
    assert turns == [0]
    assert engine.asked == []


def test_a_reading_with_names_on_two_rows_is_still_read_turned(monkeypatch):
    turns, engine = _reads(monkeypatch, _page(NAMES[:2] + ["Ееее Оаоа", "Пнн Ррр", "ааа ссс", "Хнаоо Ррое"]))
    assert turns[:3] == [0, 2, 1] and 3 in turns
    assert engine.asked == ["orientation", "orientation"]


def test_names_read_wants_two_lexicon_words_on_most_rows_and_three_rows():
    assert names_read(_page(NAMES))
    assert not names_read(_page(NAMES[:2]))  # two rows: too few to say
    assert not names_read(_page(NAMES[:2] + ["Ррр Ннн", "Ееее Оаоа", "Пнн"]))  # two of five
    assert not names_read(_page(["Фаня Ррр", "Васил Ннн", "Пламен Ооо"]))  # one lexicon word each


def _halves_read(monkeypatch: pytest.MonkeyPatch, page: PayrollPage) -> list[tuple[int, ...]]:
    read: list[tuple[int, ...]] = []

    def fake_read_page(part, **_):
        read.append(part.shape)
        return PayrollPage(image="x")

    monkeypatch.setattr(extract, "read_page", fake_read_page)
    wide = np.full((1000, 2000), 255, np.uint8)  # a landscape scan; the rows across it (not one half's)
    assert extract._two_sheets(wide, "x", 300, page, False, Engine()) is None
    return read


def test_a_wide_reading_with_names_on_most_rows_is_not_read_again_in_halves(monkeypatch):
    """J dev 1018, N dev 6011, 6015: no valid ЕГН read, the names were; the right half (figures only) was
    read for a second sheet that is not there, 0.5-1.1 s of CPU a page."""
    wide = _page(NAMES)
    for r in wide.rows:
        r.bbox = [50, r.bbox[1], 1900, r.bbox[3]]
    assert _halves_read(monkeypatch, wide) == []


def test_a_wide_reading_without_names_is_still_read_in_halves(monkeypatch):
    wide = _page(["Ееее Оаоа", "Пнн Ррр", "ааа ссс", "Хнаоо Ррое"])
    for r in wide.rows:
        r.bbox = [50, r.bbox[1], 1900, r.bbox[3]]
    assert _halves_read(monkeypatch, wide) == [(1000, 1000)]  # the right half: no sheet, the left not read


def _lines_to_the_foot() -> np.ndarray:
    """A portrait page of typed lines across, top to foot: the ink's weight in the middle fails the glance."""
    img = np.full((1400, 1000), 255, np.uint8)
    for y in range(60, 1380, 40):
        cv2.putText(img, "1234 ABCD 5678 EFGH 90 IJKL", (40, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    return img


def test_a_page_whose_lines_run_across_is_read_upside_down_only(monkeypatch):
    """AA dev 19005: tables to the sheet's foot fail the glance by their ink's weight; every page was read at
    three more turns (64 s of CPU on p1 against plain tesseract's 3.6 s). Its lines run across: a quarter
    turn cannot be its way up, and the orientation detector is not asked which."""
    img = _lines_to_the_foot()
    assert glance(img, 300) == (False, True)
    turns: list[int] = []

    def fake_read_page(image, *, quarter_turns, **_):
        turns.append(quarter_turns)
        return (
            PayrollPage(image="x", rows=[PayrollRow(row=1, name="Ееее Оаоа")])
            if quarter_turns == 0
            else PayrollPage(image="x")
        )

    monkeypatch.setattr(extract, "read_page", fake_read_page)
    engine = Engine()
    extract.extract_image(img, image_name="x", engine=engine)
    assert turns == [0, 2]
    assert engine.asked == []


def test_a_page_whose_lines_run_down_is_still_read_at_every_turn():
    assert glance(np.ascontiguousarray(np.rot90(_lines_to_the_foot())), 300)[1] is False


class StripEngine(Engine):
    """Reads the strip of densest lines sure as it lies (``sure``) and unsure turned (``unsure``)."""

    def __init__(self, sure: float, unsure: float) -> None:
        super().__init__()
        self.confs = [sure, unsure]

    def words(self, image, *, psm=6, whitelist=None, offset=(0, 0)) -> list[Word]:
        conf = self.confs.pop(0) if self.confs else 0.0
        return [Word("РАЗПЛАЩАТЕЛНА", conf, Box(0, 0, 100, 20))]


def _turns_read(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> list[int]:
    turns: list[int] = []

    def fake_read_page(image, *, quarter_turns, **_):
        turns.append(quarter_turns)
        return (
            PayrollPage(image="x", rows=[PayrollRow(row=1, name="Ееее Оаоа")])
            if quarter_turns == 0
            else PayrollPage(image="x")
        )

    monkeypatch.setattr(extract, "read_page", fake_read_page)
    extract.extract_image(_lines_to_the_foot(), image_name="x", engine=engine)
    return turns


def test_a_page_whose_lines_read_far_better_as_they_lie_is_not_read_upside_down(monkeypatch):
    """AA dev 19005: the densest lines read at 25-33 points as they lie, 11-14 turned: not upside down."""
    assert _turns_read(monkeypatch, StripEngine(0.30, 0.12)) == [0]


def test_a_page_whose_lines_read_alike_both_ways_is_still_read_upside_down(monkeypatch):
    assert _turns_read(monkeypatch, StripEngine(0.30, 0.25)) == [0, 2]
