"""A page whose layout prints no ЕГН (families AE-AH: names only) was sent to review whole by
``checks.guard_page``: nothing told it was read in place. Its own evidence tells it now
(``arithmetic_proof.in_place_without_egn``): two money columns or more adding up to their printed totals,
every row proving itself by a sum of its figures, names that read as names, printed numbers 1, 2, 3 ... A
page read out of place (another sheet's totals, the rows' order broken, letters garbled) still goes whole."""

from __future__ import annotations

from decimal import Decimal

from ocr import arithmetic_proof, checks

MONEY = checks.MONEY
KINDS = ["row", "name", "days_worked", *MONEY]
NAMES = ["Иван Петров Иванов", "Мария Георгиева Димитрова", "Стоян Николов Колев", "Елена Тодорова Маринова"]
ROWS = [("200.00", "20.00", "220.00", "22.00", "198.00"), ("150.50", "0.00", "150.50", "15.05", "135.45"),
        ("310.10", "12.30", "322.40", "40.00", "282.40"), ("180.00", "18.00", "198.00", "19.80", "178.20")]  # fmt: skip


def _totals(rows: list[tuple[str, ...]]) -> dict[str, str]:
    return {f: f"{sum(Decimal(r[i]) for r in rows):.2f}" for i, f in enumerate(MONEY)}


def _page(
    rows: list[tuple[str, ...]] = ROWS, totals: dict[str, str] | None = None, numbers: list[int] | None = None,
    names: list[str] = NAMES,
) -> tuple[list[checks.RowDraft], dict[str, str]]:
    totals = totals or _totals(rows)
    drafts = [
        checks.RowDraft(values={"row": n, "name": name, "days_worked": 22, **dict(zip(MONEY, r, strict=True))})
        for n, name, r in zip(numbers or [1, 2, 3, 4], names, rows, strict=True)
    ]
    checks.guard_page(drafts, KINDS, [["x"] * len(KINDS) for _ in drafts], totals, {})
    assert _whole(drafts, PERSON)  # sent whole at first
    return drafts, totals


def _whole(drafts: list[checks.RowDraft], fields: tuple[str, ...] = ("name", "days_worked", *MONEY)) -> bool:
    return all(d.review.reasons.get(f) == checks.PAGE_PLAUSIBILITY for d in drafts for f in fields)


PERSON = ("name", "days_worked")  # what the sums do not prove (every money figure proved leaves on its own proof)


def test_a_page_without_egn_whose_rows_prove_themselves_is_not_in_review_whole():
    drafts, totals = _page()
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert all(set(d.review) == {"egn"} for d in drafts)  # the ЕГН the sheet does not print: unreadable, null
    assert all(d.review.reasons["egn"] == checks.UNREADABLE and d.values["egn"] is None for d in drafts)


def test_a_field_with_a_doubt_of_its_own_keeps_it_shown_for_that_doubt():
    drafts, totals = _page()
    drafts[1].review.add("days_worked", checks.LOW_CONFIDENCE)  # after the page's doubt: shown as the page's
    assert drafts[1].review.reasons["days_worked"] == checks.PAGE_PLAUSIBILITY
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert drafts[1].review.reasons["days_worked"] == checks.LOW_CONFIDENCE
    assert "days_worked" not in drafts[0].review


def test_a_nought_derived_for_a_dash_keeps_its_column_closed():
    drafts, totals = _page()
    drafts[1].derived.add("deductions")  # `-` in the cell: gross - net, read alike, says 0.00
    drafts[1].values.update(deductions="0.00", net_pay="150.50")
    totals = _totals([*ROWS[:1], ("150.50", "0.00", "150.50", "0.00", "150.50"), *ROWS[2:]])
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert all(set(d.review) == {"egn"} for d in drafts)


def test_a_page_read_out_of_place_still_goes_to_review_whole():
    # another sheet's totals (two sheets read as one): the rows' sums hold, no column adds up
    drafts, _ = _page()
    arithmetic_proof.clear_proven_drafts(drafts, {f: "999.99" for f in MONEY})
    assert _whole(drafts)
    # a column of noughts adds up on any sheet: it proves nothing
    rows = [(r[0], "0.00", r[0], r[3], f"{Decimal(r[0]) - Decimal(r[3]):.2f}") for r in ROWS]
    drafts, totals = _page(rows=rows)
    arithmetic_proof.clear_proven_drafts(drafts, {**{f: "999.99" for f in MONEY}, "extra_pay": "0.00"})
    assert _whole(drafts)
    # the printed numbers out of order (rows read in the wrong order or from another table)
    drafts, totals = _page(numbers=[1, 2, 4, 3])
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert _whole(drafts, PERSON)
    # two rows of four whose sums break (a gross read 199.00, another 320.40): most rows do not prove themselves
    rows = [*ROWS[:2], ("310.10", "12.30", "320.40", "40.00", "282.40"), ("180.00", "18.00", "199.00", "19.80", "178.20")]
    drafts, totals = _page(rows=rows, totals=_totals(ROWS))
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert _whole(drafts, PERSON)


def test_a_row_whose_figure_is_misread_keeps_the_pages_doubt_the_rows_that_prove_themselves_leave_it():
    """AH dev 26002 p2's kind: one row's gross misread, so its column misses its printed total (the other
    columns add up); the rows whose sums hold as read are in place, the misread row stays in review whole."""
    rows = [*ROWS[:3], ("180.00", "18.00", "199.00", "19.80", "178.20")]
    drafts, totals = _page(rows=rows, totals=_totals(ROWS))
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert all(set(d.review) == {"egn"} for d in drafts[:3])
    assert _whole(drafts[3:])
    # the names garbled (a page turned or read in the wrong column): letters, not names
    drafts, totals = _page(names=["Ихтщ Бжъц Ьюцщ", "Шщкл Мнщб Ъьзх", "Цщфж Ъхбж Ьщюц", "Жщцх Бьъщ Юхщц"])
    arithmetic_proof.clear_proven_drafts(drafts, totals)
    assert _whole(drafts, PERSON)
