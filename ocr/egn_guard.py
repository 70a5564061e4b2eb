"""Most ЕГН of a page fail their check, yet the page was read in place (issue 9, review load).
``checks.guard_page`` sends every field of a page to a person when most of its ЕГН fail their check: the
sign of a page not read at all (turned, two sheets, a stranger's layout). Two kinds of page where they fail
while the rest reads well keep their other figures, and each failing ЕГН keeps its own flag:

- the ЕГН that fail were not read at all (a stamp over the column: each goes to review on its own,
  unreadable), of those read more pass their check digit than fail, and two money columns or more add up
  to their printed totals to the stotinka (a page turned, two sheets or a stranger's layout do not add
  up). H dev 810 p1: four ЕГН under a stamp sent the whole page, 49 fields, to review;
- most ЕГН are valid, or valid with one digit read as its look-alike on a face that misreads zeros (a 9,
  8 or 6 for a 0, ...). E dev 507 page 4: five of eight ЕГН off by one such digit, 32 right figures sent
  to review with the page.
"""

from __future__ import annotations

from archive_core import egn as egn_mod

from . import checks

# digits the digits model takes for one another on the dot-matrix and bold faces (dev sets E 501-507)
LOOK_ALIKE = {"0": "896", "9": "0", "8": "03", "6": "05", "3": "85", "5": "36", "1": "74", "7": "1", "4": "1"}
NEAR_SHARE = 0.75  # of the rows: ЕГН valid or one look-alike away from valid


def near_valid(egn: object) -> bool:
    """Valid, or valid with one digit replaced by a look-alike."""
    if not isinstance(egn, str) or len(egn) != 10 or not egn.isdigit():
        return False
    if egn_mod.is_valid(egn):
        return True
    return any(
        egn_mod.is_valid(egn[:i] + alt + egn[i + 1 :])
        for i, ch in enumerate(egn)
        for alt in LOOK_ALIKE.get(ch, "")
    )


def read_in_place(
    drafts: list[checks.RowDraft],
    totals: dict[str, str] | None,
    kinds: list[str | None],
    carried: dict[str, str] | None,
) -> bool:
    """The page's ЕГН fail, but not because the page was not read: not read under a stamp on a page whose
    columns add up, or misread by a face one look-alike digit each."""
    return bool(drafts) and (
        _unread_on_a_page_that_adds_up(drafts, totals, kinds, carried)
        or sum(near_valid(d.values.get("egn")) for d in drafts) >= NEAR_SHARE * len(drafts)
    )


def _unread_on_a_page_that_adds_up(
    drafts: list[checks.RowDraft],
    totals: dict[str, str] | None,
    kinds: list[str | None],
    carried: dict[str, str] | None,
) -> bool:
    egns = [v for d in drafts if isinstance(v := d.values.get("egn"), str)]
    valid = sum(1 for v in egns if egn_mod.is_valid(v))
    if not totals or valid < 2 or len(egns) - valid >= valid:
        return False
    present = [k for k in kinds if k]
    return sum(checks._adds_up(drafts, totals, f, carried) for f in checks.MONEY if f in present) >= 2
