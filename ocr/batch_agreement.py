"""A person's ЕГН or name read otherwise on the other pages of the same run: to a person.

Page shape: a run of pages from one archive file (an employer's monthly sheets, ``samples``' batches of
``--hard all``), where most people recur month after month with the same ЕГН and name. A reading that
holds on its own page can still be wrong: a `5` with a speck of dust in it read `3` in an ЕГН's month
keeps the check digit by chance (hard dev seed 73 p1: `4705052340` read `4703052340`, the person's other
four months `4705052340`), a stamp's ring across a name turns `Ценова` into `Ненова` (hard dev seed 69
p7), both words the lexicon knows. Nothing on the page can doubt these; the other months can.

Rules (only ever add doubt, never change a value):
- the same name (letters compared case-folded) with ЕГН readings that differ in one or two digits: each
  reading that a near other reading not in review is read at least as often as goes to review (so the
  lone odd month goes, and on a tie both: which is right, a person says); a reading already doubted is no
  evidence against another (on hard dev seeds 55-80 counting them sent 10 right readings to review);
- the same ЕГН with names that differ by case only or by at most two letters: likewise for the name.
People with the same three names are told apart by ЕГН that differ in more than two digits, and two
people's ЕГН never fall one letter apart with near-identical names, so agreeing readings add no review.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from rapidfuzz.distance.Levenshtein import distance as levenshtein

from archive_core.records import PayrollPage, PayrollRow, ReviewReason

from .checks import READINGS_DISAGREE

MAX_EGN_DIGITS = 2  # ЕГН readings this many digits apart or fewer are one person's
MAX_NAME_LETTERS = 2  # names (case-folded) this many letters apart or fewer are one person's


def _egn_near(a: str, b: str) -> bool:
    return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= MAX_EGN_DIGITS


def _name_near(a: str, b: str) -> bool:
    return a != b and levenshtein(a.casefold(), b.casefold()) <= MAX_NAME_LETTERS


def _flag(row: PayrollRow, field: str) -> bool:
    if field in (row.review or []):
        return False
    row.review = [*(row.review or []), field]
    row.review_reasons = {
        **(row.review_reasons or {}),
        field: ReviewReason(reason=READINGS_DISAGREE, bbox=row.bbox),
    }
    return True


def _doubt_odd(groups: dict[str, list[PayrollRow]], field: str, near: Callable[[str, str], bool]) -> int:
    """In each group (one person's rows), every reading of ``field`` with a near other reading read (and not
    doubted) at least as often: flagged; returns how many rows."""
    n = 0
    for rows in groups.values():
        seen = Counter(
            v for r in rows if isinstance(v := getattr(r, field), str) and field not in (r.review or [])
        )
        if len(seen) < 2:
            continue
        for r in rows:
            v = getattr(r, field)
            if isinstance(v, str) and any(near(v, w) and c >= seen[v] for w, c in seen.items()):
                n += _flag(r, field)
    return n


def doubt_disagreeing(pages: Sequence[PayrollPage]) -> int:
    """Flag the ЕГН and names that the person's other rows in ``pages`` read otherwise (see the module's
    docstring); returns how many fields."""
    by_name: dict[str, list[PayrollRow]] = defaultdict(list)
    by_egn: dict[str, list[PayrollRow]] = defaultdict(list)
    for p in pages:
        if p.page_review is not None:  # a page a person reads whole: its readings are no one's evidence
            continue
        for r in p.rows:
            if r.name and len(r.name.split()) >= 2:
                by_name[" ".join(r.name.casefold().split())].append(r)
            if r.egn:
                by_egn[r.egn].append(r)
    return _doubt_odd(by_name, "egn", _egn_near) + _doubt_odd(by_egn, "name", _name_near)
