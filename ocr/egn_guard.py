"""A page whose ЕГН a face misreads is still a page that was read (issue 9, review load). ``checks.guard_page``
sends every field of a page to a person when most of its ЕГН fail their check: the sign of a page not
read at all (turned, two sheets, a stranger's layout). On a dot-matrix face that reads some zeros as 9,
8 or 6 the ЕГН fail too, while the rest of the page reads well (E dev 507 page 4: five of eight ЕГН off
by one such digit, 32 right figures sent to review with the page).

Where most ЕГН of the page are valid, or valid with one digit read as its look-alike on these faces (a 9,
8 or 6 for a 0, ...), the page was read in place: the page-wide flag is lifted. Every ЕГН that fails its
check keeps its own flag, and every other check of the page stands.
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


def lift_page_flag(drafts: list[checks.RowDraft], kinds: list[str | None]) -> int:
    """After ``checks.guard_page``: lift its page-wide flag where the ЕГН say the page was read in place;
    how many fields were lifted."""
    if "egn" not in kinds or not drafts:
        return 0
    valid = sum(1 for d in drafts if isinstance(e := d.values.get("egn"), str) and egn_mod.is_valid(e))
    if valid >= 0.5 * len(drafts):
        return 0  # the guard did not fire for the ЕГН
    if sum(near_valid(d.values.get("egn")) for d in drafts) < NEAR_SHARE * len(drafts):
        return 0
    lifted = 0
    for d in drafts:
        for f in [f for f in d.review if d.review.reasons.get(f) == checks.PAGE_PLAUSIBILITY]:
            d.review.discard(f)
            lifted += 1
    return lifted
