"""Leave-one-document-out selection for the generic table stage (bench.icdar2013_loo), without OCR: a
document is scored with the setting chosen on the other documents, never with one chosen on itself."""

from __future__ import annotations

from dataclasses import fields

from bench.adjacency import Score
from bench.icdar2013_loo import GRID, leave_one_out, settings_of
from ocr.generic import TUNED


def test_each_document_is_scored_with_the_setting_best_on_the_others() -> None:
    # setting 1 is far better on "a" alone; on the others setting 0 wins
    per = [
        {"a": Score(2, 10, 10), "b": Score(9, 10, 10), "c": Score(9, 10, 10)},
        {"a": Score(10, 10, 10), "b": Score(5, 10, 10), "c": Score(5, 10, 10)},
    ]
    total, chosen = leave_one_out(per, ["a", "b", "c"])
    # a: chosen on b and c (setting 0: 18 of 20), so a gets its poor 2; b and c: chosen with a among the
    # others (setting 1: 15 of 20 against 11), so they get 5 each
    assert chosen == {"a": 0, "b": 1, "c": 1}
    assert (total.correct, total.truth) == (12, 30)  # either setting in hindsight: 20 of 30


def test_the_grid_lies_around_the_tuned_constants() -> None:
    one = settings_of("one-at-a-time")
    assert one[0] == TUNED and len(one) == 1 + sum(len(v) - 1 for v in GRID.values())
    for t in one[1:]:
        assert sum(getattr(t, f.name) != getattr(TUNED, f.name) for f in fields(t)) == 1
    assert all(getattr(TUNED, name) in values for name, values in GRID.items())
    assert len(settings_of("product")) == 3 ** len(GRID)
    three = settings_of("product", ["chunk_gap", "column_gap", "region_gap"])
    assert len(three) == 27 and {t.wrap_gap for t in three} == {TUNED.wrap_gap}
