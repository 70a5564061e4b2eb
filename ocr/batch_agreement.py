"""A person's ЕГН, name or days, or the employer's name, read otherwise on the other pages of the same run: to a
person.

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
  like the others (hard dev seed 69 p7: `Ценова` read `Ненова` on a page in review for its columns);
- the days worked against the person's pay on the file's other months of the same year (M dev 5003 p1: a
  dotted zero's `10` read `19`, sure, no sum on the page checks days): where a month's pay is the person's
  monthly pay for the days worked (pay = monthly pay × days / the month's full days: time-rate pay, the
  usual), another month's pay and days give the monthly pay, and this month's pay at that monthly pay is a
  whole number of days to the stotinka that is not the days read, while no other month's pay allows the
  days read: the days go to review. A pay not so paid (piece rates, a raise) gives no whole number of days
  but by chance (one row in several hundred), and never changes a value.
- the employer's name as read on each page (``employer_disagreeing``): a reading a letter or two from another
  page's reading that at least as many pages read so, no doubt on either, goes to review (N dev 6035 p3:
  „Родопа-34“ where the file's two other pages read „Родопа-94“; N dev 6022 p1: the dash before "гр. Перник"
  lost), naming the other reading; names further apart are other employers.
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
from decimal import Decimal

from rapidfuzz.distance.Levenshtein import distance as levenshtein

from archive_core.records import PayrollPage, PayrollRow, ReviewReason

from . import plausibility
from .checks import READINGS_DISAGREE
from .employer_doubts import doubt

MAX_EGN_DIGITS = 2  # ЕГН readings this many digits apart or fewer are one person's
MAX_NAME_LETTERS = 2  # names (case-folded) this many letters apart or fewer are one person's
MAX_EMPLOYER_LETTERS = 2  # employers' names (case-folded) this many letters apart or fewer are one employer's
FIELDS = ("egn", "name", "days_worked")  # the fields the rules may doubt (a person's check settles them)


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
    # the days worked, the base pay they are paid by (``pay_of``) and the days of a full month on the page
    # (``full_days``), the page's year: None where not read
    days: int | None = None
    pay: Decimal | None = None
    full: int | None = None
    year: int | None = None


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


STOTINKA_HALF = Decimal("0.005")  # a pay printed to the stotinka is off its exact value by this at most
MAX_DAYS = 31


def _usable(r: Reading) -> bool:
    return (isinstance(r.days, int) and r.days > 0 and r.pay is not None and r.pay > 0 and bool(r.full)
            and r.year is not None and "days_worked" not in r.doubted and "base_pay" not in r.doubted)  # fmt: skip


def _fits(r: Reading, days: int, o: Reading) -> bool:
    """Is ``r``'s pay what ``o``'s monthly pay (its pay for its days in its month) pays for ``days`` in
    ``r``'s month, to the stotinka (the two pays' rounding carried through)?"""
    assert r.pay is not None and r.full and o.pay is not None and o.days and o.full
    expected = o.pay * o.full * days / (o.days * r.full)
    slack = STOTINKA_HALF + STOTINKA_HALF * o.full * days / (o.days * r.full)
    return abs(r.pay - expected) <= slack


def _days_odd(readings: Sequence[Reading], i: int, others: list[int]) -> bool:
    r = readings[i]
    assert r.pay is not None and r.full and r.days is not None
    sure = [readings[j] for j in others if readings[j].evidence]
    if not sure or any(_fits(r, r.days, o) for o in sure):
        return False
    for o in sure:
        assert o.pay is not None and o.full and o.days
        n = round(r.pay * o.days * r.full / (o.pay * o.full))
        if 0 < n <= MAX_DAYS and n != r.days and _fits(r, n, o):
            return True
    return False


def days_disagreeing(readings: Sequence[Reading]) -> list[int]:
    """The readings whose days worked the person's pay on other months of the year says are another number
    (the module's rules), not yet in review nor checked."""
    groups: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, r in enumerate(readings):
        if r.egn and "egn" not in r.doubted and _usable(r):
            assert r.year is not None
            groups[(r.egn, r.year)].append(i)
    out: list[int] = []
    for idx in groups.values():
        for i in idx:
            if "days_worked" not in readings[i].settled and _days_odd(readings, i, [j for j in idx if j != i]):
                out.append(i)
    return out


def pay_of(row: PayrollRow) -> Decimal | None:
    """The pay a row's days are paid by: its base pay (a gross holds additional pay, often a share of the
    base: `20` days at 5 % more read as `21` days' pay)."""
    return Decimal(row.base_pay) if row.base_pay is not None else None


def full_days(days: Sequence[int | None], year: int | None, month: int | None) -> int | None:
    """The days of a full month on a page: the figure most of its rows carry (three at least, half the
    month's working days or more: most people work the month), else the month's working days by the
    calendar (None: no period read)."""
    wd = plausibility.working_days(year, month) if year and month else None
    counts = Counter(d for d in days if isinstance(d, int) and d > 0)
    if counts:
        mode, n = counts.most_common(1)[0]
        if n >= 3 and 2 * n >= len(days) and (wd is None or 2 * mode >= wd):
            return mode
    return wd


def readings_of(page: PayrollPage, evidence: bool) -> list[Reading]:
    """Each row of a page as a ``Reading`` (its review the fields in doubt)."""
    year = page.period.year  # (a month in doubt leaves the year; the page's full days are its own)
    full = full_days([r.days_worked for r in page.rows], year, page.period.month)
    out = []
    for r in page.rows:
        out.append(Reading(r.egn, r.name, frozenset(r.review or []), evidence=evidence, days=r.days_worked,
                           pay=pay_of(r), full=full, year=year))
    return out


def disagreeing(readings: Sequence[Reading]) -> list[tuple[int, str]]:
    """The (index, field) of every ЕГН, name or days that the person's other readings read otherwise (the
    module's rules), not yet in review."""
    by_name: dict[str, list[int]] = defaultdict(list)
    by_egn: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(readings):
        if r.name and len(r.name.split()) >= 2:
            by_name[" ".join(r.name.casefold().split())].append(i)
        if r.egn:
            by_egn[r.egn].append(i)
    egn = [(i, "egn") for i in _odd(readings, by_name, "egn", _egn_near)]
    names = [(i, "name") for i in _odd(readings, by_egn, "name", _name_near)]
    return egn + names + [(i, "days_worked") for i in days_disagreeing(readings)]


def employer_disagreeing(names: Sequence[str | None]) -> list[tuple[int, str]]:
    """(index, the other reading) of each employer's name read a letter or two otherwise than at least as many
    other pages read it; ``None``: no name read, or one already in doubt (no evidence, never doubted again)."""
    keys = [" ".join(n.casefold().split()) if n else None for n in names]
    count = Counter(k for k in keys if k)
    first = {k: names[i] for i, k in reversed(list(enumerate(keys))) if k}
    out = []
    for i, k in enumerate(keys):
        if not k:
            continue
        near = [o for o in count if o != k and count[o] >= count[k]
                and levenshtein(o, k, score_cutoff=MAX_EMPLOYER_LETTERS) <= MAX_EMPLOYER_LETTERS]  # fmt: skip
        if near:
            out.append((i, str(first[max(near, key=lambda o: count[o])])))
    return out


def doubt_disagreeing(pages: Sequence[PayrollPage]) -> int:
    """Flag the ЕГН, names and days that the person's other rows in ``pages`` read otherwise (see the module's
    docstring) and the employers' names read otherwise; returns how many fields and names."""
    rows: list[PayrollRow] = [r for p in pages for r in p.rows]
    found = disagreeing([x for p in pages for x in readings_of(p, p.page_review is None)])
    for i, field in found:
        row = rows[i]
        row.review = [*(row.review or []), field]
        row.review_reasons = {
            **(row.review_reasons or {}),
            field: ReviewReason(reason=READINGS_DISAGREE, bbox=row.bbox),
        }
    return len(found) + doubt_employers(pages)


def doubt_employers(pages: Sequence[PayrollPage]) -> int:
    """Put in doubt each employer's name in ``pages`` read a letter or two otherwise than as many other pages read
    it (``employer_disagreeing``), naming their reading; returns how many."""
    odd = employer_disagreeing([None if p.employer.review else p.employer.name for p in pages])
    for i, other in odd:
        pages[i].employer.review = doubt("other_pages", near=other)
    return len(odd)
