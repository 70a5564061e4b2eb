"""A typed table's rules of equals signs on a sheet cockled by heat (ocr/typed_rules.py ``curving_rules``): each
rule curves over the page, no row of pixels holds it, and some of its signs' bars were not taken for a pair (the
chain broken at each): the rules were not found, the heading's lower line read as the first person's row and
every row one off (AG dev 25002 p2). Followed through their signs, they are found whole. No OCR."""

from __future__ import annotations

import numpy as np

from ocr.pins import stacked
from ocr.preprocess import components
from ocr.typed_rules import alike_rules, curving_rules, typed_rules


def _typed_table(curve: float) -> tuple[np.ndarray, list[np.ndarray]]:
    """A binary page with four typed rules of "=" signs (20 x 6 px bars, 2 px apart, at a 23 px pitch) across
    2600 px, curving ``curve`` px up and down over the width, a few words typed between them; the rules' middles
    per x."""
    page = np.zeros((1400, 3000), np.uint8)
    xs = np.arange(200, 2800)
    middles = []
    for k, y0 in enumerate((200, 420, 900, 1060)):
        mid = y0 + curve * np.sin((xs - 200) / 2600 * 2 * np.pi)
        middles.append(mid)
        for i, x in enumerate(range(200, 2780, 23)):
            y = int(round(mid[x - 200])) + (i * 7 + k) % 3 - 1  # a typewriter's letters stand a little off
            w = 20 if i % 7 else 43  # a sign's bars run into the next one's here and there
            page[y - 7 : y - 1, x : x + w] = 255
            page[y + 1 : y + 7, x : x + w] = 255
    for y in (250, 300, 480, 560, 640, 720, 800):  # the rows' words: letters 14 x 24 px
        for x in range(260, 2700, 40):
            page[y : y + 24, x : x + 14] = 255
    return page, middles


def _found(page: np.ndarray, follow: bool) -> np.ndarray | None:
    _, _, stats, centroids = components(page)
    drawn = typed_rules(page, stats, centroids, stacked(stats), 1.0, follow=follow, any_bars=True)
    return curving_rules(drawn, 1.0) if follow else (drawn if alike_rules(drawn) else None)


def test_a_cockled_sheets_typed_rules_are_found_along_their_curve():
    page, middles = _typed_table(curve=22)
    found = _found(page, follow=True)
    assert found is not None
    for mid in middles:
        on = [found[int(round(m)) - 3 : int(round(m)) + 4, x].any() for x, m in zip(range(200, 2780), mid, strict=False)]
        assert np.mean(on) > 0.9, "a typed rule lost"


def test_words_alone_make_no_curving_rule():
    page, _ = _typed_table(curve=22)
    page[:, :] = 0
    for y in (250, 300, 480, 560):
        page[y : y + 24, 260:2700:40] = 255
    assert _found(page, follow=True) is None
