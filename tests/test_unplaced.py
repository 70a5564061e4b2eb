"""A column whose heading names a field but that was not placed: that field goes to review on every row
(a sheet's days typed under `Присъст- вени дни` in one heading cell with `Получих сумата` went out empty
and unflagged on family H)."""

from __future__ import annotations

from ocr import checks
from ocr.unplaced import flag_unplaced


def _drafts(n: int) -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"name": "Иван Петров", "net_pay": "100.00"}, bbox=[0, 0, 1, 1]) for _ in range(n)]


def test_days_named_by_an_unplaced_heading_go_to_review_on_every_row():
    drafts = _drafts(3)
    kinds = ["name", "net_pay", None]
    assert flag_unplaced(drafts, kinds, ["Име", "За получаване", "Присъст- Получих вени дни сумата"]) == ["days_worked"]
    assert all(d.review.reasons.get("days_worked") == checks.UNREADABLE for d in drafts)


def test_a_sheet_with_its_days_placed_or_without_days_keeps_its_rows_as_read():
    drafts = _drafts(2)
    assert flag_unplaced(drafts, ["name", "net_pay", "days_worked", None],
                         ["Име", "За получаване", "Дни", "Получих сумата"]) == []  # fmt: skip
    assert flag_unplaced(drafts, ["name", "net_pay", None], ["Име", "За получаване", "Подпис"]) == []
    assert not any("days_worked" in d.review for d in drafts)
