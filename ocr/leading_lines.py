"""Lines over the table's first person that carry nothing of a person. Where the grid was drawn from the
writing (no rules) or began above the table, the employer's line, the title or a garbled heading under it
became rows: no ЕГН, no printed number, no name a person has, a figure or two at most (R dev 10005 p12: a
faint microfilm's `Строителни войски – поделение`, a blank line and the heading read `Пи 131 34.98` put
first, every person of an unnumbered sheet one line down from the line they stand on; their names, right,
read beside another person's line).

After the rows are final (brought back people included), on a sheet with no printed numbers, the run of such
lines above the first row with an ЕГН of its own is taken off the page (a person under a stamp or a blot with
nothing of it read stays a row in review on a numbered sheet, where the lines over the people move nobody). A line with any of a person's marks stays: an ЕГН read (even
failing its check), a printed number, a name the lexicon knows as a person's, or most of a row's figures.
"""

from __future__ import annotations

from archive_core import egn as egn_mod

from . import checks
from .names import check_name

FIGURES = ("days_worked", *checks.MONEY)
FULL_ROW = 3  # figures a line needs at the least to be a person's whose name, ЕГН and number went unread
MAX_DAYS = 31


def _own_egn(d: checks.RowDraft) -> bool:
    return egn_mod.is_valid(str(d.values.get("egn") or ""))


def _persons(d: checks.RowDraft) -> bool:
    """The line carries a mark of a person's: an ЕГН (read at all), a printed number, a person's name, or
    most of a row's figures."""
    name = d.values.get("name")
    return (
        bool(d.values.get("egn"))
        or isinstance(d.values.get("row"), int)
        or (isinstance(name, str) and check_name(name)[1])
        or sum(_figure(d, f) for f in FIGURES) >= FULL_ROW
    )


def _figure(d: checks.RowDraft, f: str) -> bool:
    """A figure read in the field, days a month can hold (the heading's `%` column's `131` taken for them is none)."""
    v = d.values.get(f)
    return v is not None and (f != "days_worked" or (isinstance(v, int) and 0 <= v <= MAX_DAYS))


def drop_leading(drafts: list[checks.RowDraft]) -> int:
    """Take the lines with no mark of a person's (``_persons``) off the top of ``drafts``, in place, where a
    row with an ЕГН of its own follows them; how many."""
    first = next((i for i, d in enumerate(drafts) if _own_egn(d)), None)
    if not first or any(isinstance(d.values.get("row"), int) for d in drafts):
        return 0  # (a numbered sheet's rows are cited by their numbers: a line over them moves none of them)
    n = 0
    while n < first and not _persons(drafts[n]):
        n += 1
    del drafts[:n]
    return n
