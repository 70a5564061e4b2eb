"""Ditto marks (`"`, `„`, `-"-`) for "the same as above" in the days column: read as the row above's
days when that is sure and the mark is one of the page's alike marks, else in review with the reason
``ditto`` — never a days figure missing without a flag (family M dev 5004 p1: the days column, mostly
marks, was not taken for days and every row's days were left out silently)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from archive_api.i18n_reasons import REASON_WORDS
from ocr import columns
from ocr.checks import DITTO, REASONS, UNREADABLE, RowDraft
from ocr.ditto import DITTO as MARK
from ocr.ditto import Mark, fill_days, mark_of, resolved

CH = 20  # a character's height in pixels


def _cell(*blots: tuple[int, int, int, int]) -> np.ndarray:
    img = np.zeros((50, 120), np.uint8)
    for x, y, w, h in blots:
        img[y : y + h, x : x + w] = 255
    return img


def test_two_short_ticks_side_by_side_are_a_mark_with_dashes_or_a_speck_beside():
    assert mark_of(_cell((50, 20, 4, 9), (57, 20, 4, 9)), CH) == Mark(11, 9)  # "
    assert (
        mark_of(_cell((20, 24, 16, 3), (50, 20, 4, 9), (57, 20, 4, 9), (70, 24, 16, 3)), CH) is not None
    )  # -"-
    assert mark_of(_cell((23, 24, 10, 5), (33, 13, 10, 9), (44, 23, 10, 5)), 19) == Mark(10, 9)  # —"— (M dev 5007 p1)
    assert mark_of(_cell((50, 28, 10, 8)), CH) == Mark(10, 8)  # „ its ticks run together, wider than high
    assert mark_of(_cell((50, 28, 10, 8), (100, 5, 5, 5)), CH) is not None  # a speck of the scan beside it


def test_figures_specks_and_strokes_are_no_mark():
    assert mark_of(_cell((50, 12, 12, 20), (66, 12, 7, 19)), CH) is None  # `21`: a digit's height
    assert mark_of(_cell((50, 12, 7, 20)), CH) is None  # `1`
    assert mark_of(_cell((60, 20, 5, 5)), CH) is None  # a speck alone
    assert mark_of(_cell((50, 20, 5, 10)), CH) is None  # one tick higher than wide: a stroke, no pair
    assert mark_of(_cell((20, 20, 4, 9), (90, 20, 4, 9)), CH) is None  # two ticks far apart
    assert mark_of(_cell((50, 10, 4, 9), (57, 25, 4, 9)), CH) is None  # not at one height
    assert mark_of(_cell((10, 24, 100, 3)), CH) is None  # a line across the cell
    assert (
        mark_of(_cell((50, 20, 4, 9), (57, 20, 4, 9), (80, 5, 9, 30)), CH) is None
    )  # a mark and a pen stroke


def test_the_column_kinds_see_a_mark_as_the_figure_above():
    texts = [
        ["1", "Иван Петров Иванов", "23"],
        ["2", "Петър Иванов Петров", MARK],
        ["3", "Мария Иванова", MARK],
    ]
    assert [r[2] for r in resolved(texts)] == ["23", "23", "23"]
    assert texts[1][2] == MARK  # the texts themselves as read
    body = [
        [f"{i}", "Иван Петров Иванов", "6702154329", "23" if i == 1 else MARK, "184"] for i in range(1, 9)
    ]
    heads = ["№", "Име", "ЕГН", "ра работа", "Часове"]
    assert "days_worked" not in columns.identify(body, heads, None)
    assert columns.identify(resolved(body), heads, None)[3] == "days_worked"


def _drafts(*days: object) -> list[RowDraft]:
    out = []
    for d in days:
        r = RowDraft(values={"days_worked": d})
        if d is None:
            r.review.add("days_worked", UNREADABLE)
        out.append(r)
    return out


def test_a_mark_under_sure_days_takes_them_down_a_run_of_marks():
    assert DITTO in REASONS
    assert REASON_WORDS["bg"]["reason.ditto"] and REASON_WORDS["en"]["reason.ditto"]
    s = SimpleNamespace(body_rows=[3, 4, 5, 6])
    drafts = _drafts(21, None, None, 12)
    marks = {(4, 1): Mark(10, 8), (5, 1): Mark(11, 8)}
    fill_days(s, drafts, ["row", "days_worked"], marks, 1985, 3)  # type: ignore[arg-type]  # 21 working days
    assert [d.values["days_worked"] for d in drafts] == [21, 21, 21, 12]
    assert not any(d.review for d in drafts)


def test_a_mark_copies_without_a_person_only_the_full_month_the_calendar_vouches_for():
    """M dev: a mark copies the figure above as read; nothing checks a days figure but the calendar. `19`
    read for a dotted `10` above a run of marks (the month has 21 working days), or a run under `12`, or
    no period read: every copy in review with the reason ``ditto``, never out unflagged."""
    s = SimpleNamespace(body_rows=[3, 4, 5, 6, 7])
    marks = {(4, 0): Mark(10, 8), (5, 0): Mark(11, 8), (7, 0): Mark(10, 8)}
    for year, month in ((1985, 3), (None, None)):
        drafts = _drafts(19, None, None, 21, None)
        fill_days(s, drafts, ["days_worked"], marks, year, month)  # type: ignore[arg-type]
        assert [d.values["days_worked"] for d in drafts] == [19, 19, 19, 21, 21]
        assert [d.review.reasons.get("days_worked") for d in drafts[1:3]] == [DITTO, DITTO]
    drafts = _drafts(21, 21, 21, 21, None)
    fill_days(s, drafts, ["days_worked"], marks, 1985, 4)  # type: ignore[arg-type]  # 22 working days
    assert drafts[4].values["days_worked"] == 21 and drafts[4].review.reasons["days_worked"] == DITTO


def test_a_lone_mark_or_one_under_days_in_doubt_goes_to_review():
    s = SimpleNamespace(body_rows=[3, 4, 5])
    drafts = _drafts(21, None, 7)
    fill_days(s, drafts, ["days_worked"], {(4, 0): Mark(10, 8), (5, 0): Mark(25, 20)})  # type: ignore[arg-type]
    assert drafts[1].values["days_worked"] == 21 and drafts[1].review.reasons["days_worked"] == DITTO
    assert (
        drafts[2].values["days_worked"] == 21 and drafts[2].review.reasons["days_worked"] == DITTO
    )  # (above in doubt)
    drafts = _drafts(None, None, 7)
    fill_days(s, drafts, ["days_worked"], {(4, 0): Mark(10, 8), (5, 0): Mark(10, 8)})  # type: ignore[arg-type]
    assert drafts[1].values["days_worked"] is None and drafts[1].review.reasons["days_worked"] == DITTO
