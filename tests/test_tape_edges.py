"""A strip of yellowed tape mended over a tear: its long edges, a faint line with the tape's tint on one side and the
paper on the other, are no column rules; a column's rule, dark ink with the same paper (or the same tape) on both
sides, stays, also where the tape's edge runs along it (``ocr.lines.tint_edges``; AH dev 26001 p2: the tape's
edges taken for rules cut every person's name short)."""

from __future__ import annotations

import numpy as np

from ocr.lines import find_rules, tint_edges
from ocr.preprocess import binarize

H, W = 1400, 1700
PAPER, INK = 238, 60
RULES = [200, 500, 900, 1300]  # the table's columns


def _page(*, with_tape: bool) -> np.ndarray:
    gray = np.full((H, W), PAPER, np.uint8)
    for y in (200, 320, 1100):  # the table's rules across
        gray[y - 1 : y + 2, 190:1310] = INK
    for x in RULES:
        gray[195:1105, x - 1 : x + 2] = INK
    for y in range(360, 1080, 40):  # lines of writing typed against the rules' sides
        for x in RULES[:-1]:
            gray[y : y + 20, x + 6 : x + 9] = INK
            gray[y : y + 20, x + 20 : x + 60 : 7] = INK
    if with_tape:
        for x0, x1 in ((600, 760), (1300, 1440)):  # a strip over the name column; one along the last rule
            tape = gray[100:1250, x0 : x1 + 1].astype(np.float32) * 0.85
            tape[:, :3] *= 0.75  # its edges' faint lines
            tape[:, -3:] *= 0.75
            gray[100:1250, x0 : x1 + 1] = np.minimum(gray[100:1250, x0 : x1 + 1], tape.astype(np.uint8))
    return gray


def _columns(gray: np.ndarray, *, tinted: bool) -> list[int]:
    return [r.pos for r in find_rules(binarize(gray), gray=gray if tinted else None).vertical]


def test_the_tapes_edges_are_no_column_rules():
    gray = _page(with_tape=True)
    assert any(abs(x - 600) <= 3 or abs(x - 760) <= 3 for x in _columns(gray, tinted=False))  # without the tint
    found = _columns(gray, tinted=True)
    assert len(found) == len(RULES)
    untaped = _columns(_page(with_tape=False), tinted=True)
    assert all(abs(x - r) <= 3 for x, r in zip(found, untaped, strict=True))


def test_an_untaped_table_keeps_every_rule():
    gray = _page(with_tape=False)
    assert _columns(gray, tinted=True) == _columns(gray, tinted=False)
    edges = tint_edges(gray)
    assert not any(edges[:, x - 1 : x + 2].any() for x in RULES)
