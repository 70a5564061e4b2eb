"""An ЕГН misread into another valid one (its check digit holds by chance) whose birth date makes the
person a child or very old in the sheet's month: no one works at that age (the Labour Code's minimum is
16, 15 with permission; the oldest clerks on the sheets are in their sixties). Such an ЕГН goes to a person
(``checks.EGN_AGE``); the check digit alone cannot catch it."""

from __future__ import annotations

from archive_core import egn as egn_mod

from .checks import EGN_AGE, RowDraft

WORKING_AGE = (15, 75)  # years, inclusive


def age_in(egn: str, year: int, month: int | None) -> int | None:
    """Full years the ЕГН's holder had in ``month`` of ``year`` (the whole year when the month is unknown)."""
    born = egn_mod.birth_date(egn)
    if born is None:
        return None
    return year - born.year - (month is not None and month < born.month)


def flag_out_of_working_age(drafts: list[RowDraft], year: int | None, month: int | None) -> None:
    """Each valid ЕГН not already doubted whose holder is outside working age in the sheet's period."""
    if year is None:
        return
    for d in drafts:
        v = d.values.get("egn")
        if not isinstance(v, str) or "egn" in d.review or not egn_mod.is_valid(v):
            continue
        age = age_in(v, year, month)
        if age is not None and not WORKING_AGE[0] <= age <= WORKING_AGE[1]:
            d.review.add("egn", EGN_AGE)
