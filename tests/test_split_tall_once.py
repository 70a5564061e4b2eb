"""``tables.split_tall`` asks the type's height of its bands once: the blots of the table were labelled two
times a call where the rows are set far apart (bands 90 px or taller) and one stands out (AA dev 19005,
Y dev 17005: 13 labellings on three pages, 11 so), the same bands."""

from __future__ import annotations

import numpy as np
import pytest

from ocr import tables


def test_the_type_is_measured_once(monkeypatch: pytest.MonkeyPatch) -> None:
    ink = np.zeros((700, 600), np.uint8)
    bands = [(0, 100), (100, 200), (200, 300), (300, 400), (400, 650)]  # the last two rows joined
    for a, _ in bands:
        for x in range(20, 560, 40):  # letters 30 px tall, 14 wide
            ink[a + 30 : a + 60, x : x + 14] = 255
    ink[530:560, 20:560:3] = 255  # the second line of the joined band, written across
    calls: list[tuple[int, ...]] = []
    measure = tables._glyph_height

    def counted(*args):
        calls.append(args[1:])
        return measure(*args)

    want = tables.split_tall(ink, bands, 0, 600)
    monkeypatch.setattr(tables, "_glyph_height", counted)
    assert tables.split_tall(ink, bands, 0, 600) == want
    assert len(calls) == 1
