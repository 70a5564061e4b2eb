"""An adding machine's paper tape taken in as a column of the table (issue 9, family AS: the accounts office checked a
column's sum on a printing adding machine and stapled its tape beside the table, a few millimetres right of the last
column). The tape holds that column's amounts again, each printed with the machine's mark after it — `176.88 +` added,
`0.00 *` the cleared register and `2959.52 *` (or `T`) the sum, `026 #` the count of items —, at a pitch of its own,
so its figures drift across the rows' lines. Taken for a money column, it pushed the columns one field along (AS,
measured held out: the net tape read as the table's last column, the deductions read as the net column's figures, the
net as the tape's drifting ones, the totals swapped). A typed payroll prints no mark after its amounts: a column whose
figures carry one on most rows is a tape's, no pay (the table's own frame keeps a tape out first:
``tables._off_the_frame``, ``tables._framed_at``).
"""

from __future__ import annotations

import re

# an amount (or a count) followed by an adding machine's mark: added `+`, the sum `*` or `T`, the count `#`; a
# storno's `-` after an amount is a payroll's too (`12.50-`), no mark of a tape's
_MARKED = re.compile(r"\d[\d.,]*\s*[+*#TТ]\s*$")
TAPE_SHARE = 0.6  # of a column's filled cells marked so, at the least ...
TAPE_CELLS = 3  # ... and this many


def marked(text: str) -> bool:
    """The cell holds a figure with an adding machine's mark after it (`106,83 +`, `2959.52 *`, `026 #`)."""
    return bool(_MARKED.search(text.strip()))


def tape_columns(cols: list[list[str]]) -> list[int]:
    """The columns (``cols[c][row]``: the cells' texts) whose figures carry an adding machine's mark on most of
    their filled cells (``TAPE_SHARE``, ``TAPE_CELLS`` at the least): a tape's, none of the payroll's fields."""
    out = []
    for c, col in enumerate(cols):
        filled = [t for t in col if t.strip()]
        hits = sum(marked(t) for t in filled)
        if hits >= TAPE_CELLS and hits >= TAPE_SHARE * len(filled):
            out.append(c)
    return out
