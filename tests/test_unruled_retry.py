"""A page whose ruled grid gave no person's row in any orientation is read once more by the grid of its
writing's lines and columns before it fails as "no table found" (L dev 4008 page 7: only the heading ruled,
a "rule" beside it taken for the table's last, the unruled body never read: 8 people, 56 fields wrong without
a flag; the writing's grid finds the 8 rows). A page that reads by its rules is never read so."""

from __future__ import annotations

import numpy as np
import pytest

from archive_core.errors import ExtractionError
from archive_core.records import PayrollPage, PayrollRow
from ocr import extract
from ocr.geometry import Word

NAMES = ["Фаня Цветанова Бъчварова", "Васил Николов Тодоров", "Пламен Петров Ярков"]


class Engine:
    def words(self, image, *, psm=6, whitelist=None, offset=(0, 0)) -> list[Word]:
        return []

    def figures(self, image, *, whitelist) -> list[Word]:
        return []

    def orientation(self, gray, *, dpi) -> int:
        return 0


def _page() -> PayrollPage:
    return PayrollPage(image="x", rows=[PayrollRow(row=i, name=n, egn="7501020018", bbox=[10, 100 * i, 900, 100 * i + 40])
                                        for i, n in enumerate(NAMES, 1)])  # fmt: skip


def _reading(monkeypatch: pytest.MonkeyPatch, *, by_rules: bool, by_writing: bool) -> list[bool]:
    asked: list[bool] = []

    def fake_read_page(image, *, unruled=False, **_):
        asked.append(unruled)
        found = by_writing if unruled else by_rules
        return _page() if found and image.shape == (1400, 1000) else PayrollPage(image="x")

    monkeypatch.setattr(extract, "read_page", fake_read_page)
    return asked


IMG = np.full((1400, 1000), 255, np.uint8)


def test_no_row_by_the_rules_read_by_the_writings_grid(monkeypatch):
    asked = _reading(monkeypatch, by_rules=False, by_writing=True)
    got = extract.extract_image(IMG, image_name="x", engine=Engine())
    assert [r.name for r in got.rows] == NAMES
    assert asked[-1] is True and asked.count(True) == 1  # once, after every orientation by the rules


def test_a_page_read_by_its_rules_is_not_read_again(monkeypatch):
    asked = _reading(monkeypatch, by_rules=True, by_writing=True)
    extract.extract_image(IMG, image_name="x", engine=Engine())
    assert True not in asked


def test_no_row_either_way_still_fails_the_page_with_its_reason(monkeypatch):
    _reading(monkeypatch, by_rules=False, by_writing=False)
    with pytest.raises(ExtractionError, match="не е намерена таблица с редове"):
        extract.extract_image(IMG, image_name="x", engine=Engine())
