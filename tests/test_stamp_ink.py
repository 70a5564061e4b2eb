"""A round stamp pressed over figures of the table (hard stamp_rows): a figure under its rings that the row's
sums and their columns do not prove goes to a person; a proved one, or one away from the stamp, does not;
a page of dense ruled rows with no stamp has no ring found."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import checks
from ocr.checks import LOW_CONFIDENCE, RowDraft
from ocr.stamp_ink import UNDER_STAMP, doubt_under_stamps, find_rings

DPI = 300
STAMP = (700, 500, 150)  # x, y, radius


def _table(rows: int = 10) -> np.ndarray:
    """A white page with ruled rows of typed figures (the ink a stamp is pressed over)."""
    page = np.full((1200, 1600), 245, np.uint8)
    for i in range(rows + 1):
        y = 100 + 90 * i
        cv2.line(page, (100, y), (1500, y), 30, 3)
    for x in (100, 400, 650, 900, 1200, 1500):
        cv2.line(page, (x, 100), (x, 100 + 90 * rows), 30, 3)
    for i in range(rows):
        for x in (130, 430, 680, 930, 1230):
            cv2.putText(
                page, f"{1234 + 37 * i}.{i:02d}", (x, 160 + 90 * i), cv2.FONT_HERSHEY_SIMPLEX, 1.3, 20, 3
            )
    return page


def _stamped(page: np.ndarray) -> np.ndarray:
    x, y, r = STAMP
    out = page.copy()
    cv2.circle(out, (x, y), r, 140, 5)
    cv2.circle(out, (x, y), int(r * 0.72), 140, 3)
    for k in range(24):  # the employer's letters between the rings
        a = 2 * np.pi * k / 24
        cv2.putText(out, "A", (int(x + 0.86 * r * np.cos(a)) - 8, int(y + 0.86 * r * np.sin(a)) + 8),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.8, 140, 2)  # fmt: skip
    return out


def _row(base: str, extra: str, gross: str, box_y: int) -> RowDraft:
    d = RowDraft(values={"base_pay": base, "extra_pay": extra, "gross_pay": gross})
    d.boxes = {"base_pay": [400, box_y, 650, box_y + 90], "extra_pay": [650, box_y, 900, box_y + 90],
               "gross_pay": [1200, box_y, 1500, box_y + 90]}  # fmt: skip
    return d


def test_the_stamp_is_found_and_no_ring_in_ruled_rows_without_one():
    page = _table()
    assert find_rings(page, DPI) == []
    rings = find_rings(_stamped(page), DPI)
    assert len(rings) == 1
    x, y, r = STAMP
    assert abs(rings[0].x - x) < 20 and abs(rings[0].y - y) < 20 and abs(rings[0].r - r) < 25


def test_unproved_figures_under_the_stamp_go_to_a_person_proved_and_distant_ones_do_not():
    page = _stamped(_table())
    # the base pay column does not close on its total, the gross's total unread: the row under the stamp is
    # not proved
    under = _row("200.00", "50.00", "250.00", 460)
    away = _row("300.00", "20.00", "320.00", 910)
    totals = {"base_pay": "999.00", "extra_pay": "70.00"}
    assert doubt_under_stamps(page, DPI, [under, away], totals) == 2
    assert under.review == {"base_pay", "extra_pay"}  # the gross's cell lies outside the stamp
    assert under.review.reasons["base_pay"] == LOW_CONFIDENCE and UNDER_STAMP in under.review.every(
        "base_pay"
    )
    assert not away.review
    # every column closes and the row's sum holds: the arithmetic proves the figures, nothing to review
    under, away = _row("200.00", "50.00", "250.00", 460), _row("300.00", "20.00", "320.00", 910)
    totals = {"base_pay": "500.00", "extra_pay": "70.00", "gross_pay": "570.00"}
    assert doubt_under_stamps(page, DPI, [under, away], totals) == 0
    assert not under.review and not away.review


def test_a_figure_already_in_review_keeps_its_reason():
    page = _stamped(_table())
    d = _row("200.00", "50.00", "250.00", 460)
    d.review.add("base_pay", checks.ROW_SUM)
    doubt_under_stamps(page, DPI, [d], {})
    assert d.review.reasons["base_pay"] == checks.ROW_SUM


def _net_row(gross: str, deductions: str, net: str, box_y: int) -> RowDraft:
    d = RowDraft(values={"gross_pay": gross, "deductions": deductions, "net_pay": net})
    d.boxes = {"gross_pay": [100, box_y, 400, box_y + 90], "deductions": [400, box_y, 650, box_y + 90],
               "net_pay": [650, box_y, 900, box_y + 90]}  # fmt: skip
    return d


def test_a_net_pay_under_the_stamp_is_proved_by_the_totals_line_when_its_own_total_is_misread_too():
    """The stamp over the last row and the `Всичко` line (A dev seed 12 p54): the net pay's printed total read
    with the arc in it, the gross and deductions columns closed; the net figures adding up to gross less
    deductions on the totals line prove the row under the stamp. A net figure off by the arc does not."""
    page = _stamped(_table())
    under, away = _net_row("291.13", "38.14", "252.99", 460), _net_row("300.00", "20.00", "280.00", 910)
    totals = {"gross_pay": "591.13", "deductions": "58.14", "net_pay": "5329.99"}  # net: 532.99 with an arc
    assert doubt_under_stamps(page, DPI, [under, away], totals) == 0
    assert not under.review
    # the net figure misread (and its row's sum failing with it): the totals line's difference does not hold
    under, away = _net_row("291.13", "38.14", "852.99", 460), _net_row("300.00", "20.00", "280.00", 910)
    assert doubt_under_stamps(page, DPI, [under, away], totals) == 2
    assert under.review == {"deductions", "net_pay"}  # nothing proves them: the net column does not add up
    # the deductions' total misread as well: one closed column proves nothing of the other two
    under, away = _net_row("291.13", "38.14", "252.99", 460), _net_row("300.00", "20.00", "280.00", 910)
    assert doubt_under_stamps(page, DPI, [under, away], {**totals, "deductions": "0.99"}) == 2
    assert under.review == {"deductions", "net_pay"}


def test_no_stamp_is_looked_for_when_every_figure_is_proved_or_in_review(monkeypatch):
    """The rings only ever put in doubt a figure not in review and not proved: with none such, the page's
    Hough transform is not made (~0.3 s of a dense page's CPU, AA dev 19001); with one, it is, as before."""
    from ocr import stamp_ink

    page = _stamped(_table())
    looked: list[int] = []
    find = stamp_ink.find_rings

    def counted(gray, dpi):  # type: ignore[no-untyped-def]
        looked.append(dpi)
        return find(gray, dpi)

    monkeypatch.setattr(stamp_ink, "find_rings", counted)
    proved = {"base_pay": "500.00", "extra_pay": "70.00", "gross_pay": "570.00"}
    rows = [_row("200.00", "50.00", "250.00", 460), _row("300.00", "20.00", "320.00", 910)]
    assert doubt_under_stamps(page, DPI, rows, proved) == 0
    held = _row("200.00", "50.00", "250.00", 460)
    for f in ("base_pay", "extra_pay", "gross_pay"):
        held.review.add(f, checks.ROW_SUM)
    assert doubt_under_stamps(page, DPI, [held], {}) == 0
    assert looked == []
    under, away = _row("200.00", "50.00", "250.00", 460), _row("300.00", "20.00", "320.00", 910)
    assert doubt_under_stamps(page, DPI, [under, away], {"base_pay": "999.00", "extra_pay": "70.00"}) == 2
    assert under.review == {"base_pay", "extra_pay"} and looked == [DPI]
