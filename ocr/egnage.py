"""An ЕГН whose check digit holds but whose birth date makes no worker of the sheet's year: a misread
first digit passes the check digit one time in eleven ('1105109480' for 7105109480 on a sheet of 1992,
H dev 810 p7: a man of 81, silent). Such an ЕГН goes to review with the check-digit reason (its birth
date fails)."""

from __future__ import annotations

from archive_core import egn as egn_mod

from . import checks

YOUNGEST, OLDEST = 14, 75  # a worker's age in the sheet's year: the labour code's floor, and well past pension


def flag_unlikely_births(drafts: list[checks.RowDraft], year: int | None) -> None:
    if year is None:
        return
    for d in drafts:
        v = d.values.get("egn")
        if not isinstance(v, str) or "egn" in d.review or (born := egn_mod.birth_date(v)) is None:
            continue
        if not YOUNGEST <= year - born.year <= OLDEST:
            d.review.add("egn", checks.CHECK_DIGIT)
