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
- the same ЕГН with names that differ by case only or by at most two letters: likewise for the name;
- a page a person reads whole (``page_review``) is no one's evidence, but its rows' readings are doubted
  like the others (hard dev seed 69 p7: `Ценова` read `Ненова` on a page in review for its columns).
People with the same three names are told apart by ЕГН that differ in more than two digits, and two
people's ЕГН never fall one letter apart with near-identical names, so agreeing readings add no review.

The rules see only ``Reading``s (``disagreeing``): ``doubt_disagreeing`` applies them to the pages of an
extraction run (`archive extract`, `archive bench`), ``ingest.batch_agreement`` to the records of an
employer's file once all its pages are read. A field a person has checked is evidence and never doubted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance.Levenshtein import distance as levenshtein

from archive_core.records import PayrollPage, PayrollRow, ReviewReason

from .checks import READINGS_DISAGREE

MAX_EGN_DIGITS = 2  # ЕГН readings this many digits apart or fewer are one person's
MAX_NAME_LETTERS = 2  # names (case-folded) this many letters apart or fewer are one person's
FIELDS = ("egn", "name")


@dataclass(frozen=True)
class Reading:
    """One row's person as read: its ЕГН and name, the fields already in review (no evidence) and the
    fields a person has checked (evidence, never doubted again). ``evidence`` False: a row of a page a
    person reads whole (``page_review``): doubted when the others read it otherwise, evidence for none."""

    egn: str | None
    name: str | None
    doubted: frozenset[str] = frozenset()
    settled: frozenset[str] = frozenset()
    evidence: bool = True


def _egn_near(a: str, b: str) -> bool:
    return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= MAX_EGN_DIGITS


def _name_near(a: str, b: str) -> bool:
    return a != b and levenshtein(a.casefold(), b.casefold()) <= MAX_NAME_LETTERS


def _odd(readings: Sequence[Reading], groups: dict[str, list[int]], field: str,
         near: Callable[[str, str], bool]) -> list[int]:  # fmt: skip
    """In each group (one person's readings), every reading of ``field`` with a near other reading read (and
    not doubted) at least as often: the indices to doubt."""
    out: list[int] = []
    for idx in groups.values():
        seen = Counter(
            v
            for i in idx
            if isinstance(v := getattr(readings[i], field), str)
            and field not in readings[i].doubted
            and readings[i].evidence
        )
        if not seen or (len(seen) < 2 and all(readings[i].evidence for i in idx)):
            continue
        for i in idx:
            r, v = readings[i], getattr(readings[i], field)
            if field in r.doubted or field in r.settled or not isinstance(v, str):
                continue
            if any(near(v, w) and c >= seen[v] for w, c in seen.items()):
                out.append(i)
    return out


def disagreeing(readings: Sequence[Reading]) -> list[tuple[int, str]]:
    """The (index, field) of every ЕГН or name that the person's other readings read otherwise (the
    module's rules), not yet in review."""
    by_name: dict[str, list[int]] = defaultdict(list)
    by_egn: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(readings):
        if r.name and len(r.name.split()) >= 2:
            by_name[" ".join(r.name.casefold().split())].append(i)
        if r.egn:
            by_egn[r.egn].append(i)
    egn = [(i, "egn") for i in _odd(readings, by_name, "egn", _egn_near)]
    return egn + [(i, "name") for i in _odd(readings, by_egn, "name", _name_near)]


def doubt_disagreeing(pages: Sequence[PayrollPage]) -> int:
    """Flag the ЕГН and names that the person's other rows in ``pages`` read otherwise (see the module's
    docstring); returns how many fields."""
    rows: list[tuple[PayrollRow, bool]] = [(r, p.page_review is None) for p in pages for r in p.rows]
    found = disagreeing([Reading(r.egn, r.name, frozenset(r.review or []), evidence=e) for r, e in rows])
    for i, field in found:
        row = rows[i][0]
        row.review = [*(row.review or []), field]
        row.review_reasons = {
            **(row.review_reasons or {}),
            field: ReviewReason(reason=READINGS_DISAGREE, bbox=row.bbox),
        }
    return len(found)
