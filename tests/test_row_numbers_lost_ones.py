"""A hand's `1` is a bare stroke the models pass over: `10`, `11`, `12` read `0`, `1`, `2` (family T dev 12011 p1,
12005 p2): a re-reading that is the number the order wants without its leading ones puts it on its place; no
other lost digit does (``rownumbers.lost_ones``)."""

from __future__ import annotations

from ocr.rownumbers import _on_its_place, lost_ones


def test_leading_ones_lost() -> None:
    assert lost_ones(0, 10) and lost_ones(1, 11) and lost_ones(4, 14) and lost_ones(14, 114) and lost_ones(1, 111)
    assert _on_its_place(5, 15) and _on_its_place(15, 15)


def test_other_digits_are_no_lost_ones() -> None:
    assert not lost_ones(1, 21)  # a lost 2 is no bare stroke
    assert not lost_ones(4, 13) and not lost_ones(3, 3) and not lost_ones(14, 14) and not lost_ones(12, 112 + 1)
    assert not _on_its_place(4, 13) and not _on_its_place(1, 21)
