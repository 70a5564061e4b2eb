"""A days column the reading lost (P dev 8007 p2: its `22`s too light to count as typing, its heading
misread; no days column found and every row's days missing without a flag): typed figures in a column
with no kind put every row's days in review as unreadable; a signature's strokes or empty cells do not."""

from __future__ import annotations

from types import SimpleNamespace

import cv2
import numpy as np

from ocr.checks import UNREADABLE, RowDraft
from ocr.geometry import Grid
from ocr.lost_days import doubt_lost_days

XS = [0, 100, 400, 500, 700]  # №, name, (lost days), gross
YS = [0, 60, 120, 180, 240, 300]


def _page(draw: str) -> SimpleNamespace:
    ink = np.zeros((300, 700), np.uint8)
    for r in range(1, 5):
        y = YS[r] + 15
        if draw == "figures":  # `22`: two digit-sized blots
            cv2.rectangle(ink, (420, y), (436, y + 30), 255, 3)
            cv2.rectangle(ink, (445, y), (461, y + 30), 255, 3)
        elif draw == "signature":  # one long stroke across the cell
            cv2.line(ink, (405, y + 25), (495, y), 255, 3)
    blobs = SimpleNamespace(char_height=lambda: 30)
    return SimpleNamespace(grid=Grid(XS, YS, True), ink=ink, blobs=blobs)


def _drafts() -> list[RowDraft]:
    return [RowDraft(values={"row": i + 1, "name": "Иван Петров Иванов", "gross_pay": "200.00"}) for i in range(4)]


def test_figures_in_a_column_with_no_kind_where_no_days_were_found_put_the_days_in_review():
    drafts = _drafts()
    assert doubt_lost_days(_page("figures"), ["row", "name", None, "gross_pay"], drafts, [1, 2, 3, 4])
    assert all(d.review.reasons.get("days_worked") == UNREADABLE and d.values["days_worked"] is None for d in drafts)


def test_a_signature_column_empty_cells_or_a_days_column_found_leave_the_days_alone():
    for draw, kinds in (("signature", ["row", "name", None, "gross_pay"]), ("", ["row", "name", None, "gross_pay"]),
                        ("figures", ["row", "name", "days_worked", "gross_pay"])):  # fmt: skip
        drafts = _drafts()
        assert not doubt_lost_days(_page(draw), kinds, drafts, [1, 2, 3, 4])
        assert not any("days_worked" in d.review for d in drafts)
