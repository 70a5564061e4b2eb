"""Every check the data allows (domain.md), and the corrections the checks prove.

A field that fails a check goes into its row's ``review`` list. A correction is made only when it is
the single one that fits: e.g. one digit of an amount that makes both of the row's sums and the column
total agree, or the one reading of an ЕГН (of two passes) that has a valid check digit. When more than
one correction fits, the field is flagged instead. A figure a page-level step (filling from a column,
reconciling the columns, a column total's one-slip fix) changed stands without a flag only when afterwards
its row's sums, its column and every other column of the page agree; else it goes to review with the step
as its reason (``_unconfirmed_changes``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations, product
from math import prod

from rapidfuzz.distance.Levenshtein import distance as levenshtein

from archive_core import egn as egn_mod
from archive_core.records import PayrollRow

from . import egn_guard
from .names import check_name, clipped_word, names_garbled
from .normalise import digits

MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
CONF_FLOOR = 0.55  # below this a field with no arithmetic check is shown to a person

# Why a field goes to a person (payroll-page/1 extension `review_reasons`, shown on the verification screen).
CHECK_DIGIT = "check_digit"  # the ЕГН's check digit or birth date fails, or the readings of it disagree
ROW_SUM = "row_sum"  # gross = base + extra or net = gross - deductions does not hold (or holds two ways)
COLUMN_TOTAL = "column_total"  # the column does not add up to the printed "Всичко"
LOW_CONFIDENCE = "low_confidence"  # the engine was unsure and no sum vouches for the figure
UNREADABLE = "unreadable"  # nothing legible (a figure filled in from the sums counts here until confirmed)
CORRECTION = "correction"  # a struck-through figure with its correction that could not be read
PAGE_PLAUSIBILITY = "page_plausibility"  # the page as a whole is not believable (see ocr/plausibility.py)
READINGS_DISAGREE = "readings_disagree"  # two passes read different figures and no check decides
OUT_OF_RANGE = "out_of_range"  # more days than the month has; an amount far off its column's others
ROW_NUMBER = "row_number"  # the printed row number does not follow the order of the rows
# A figure the checks changed (not the one read) whose row sums, column total and the page's other columns
# do not all agree afterwards: the step that changed it (run_checks, _unconfirmed_changes)
COLUMN_FILL = "column_fill"  # fill_from_columns: what the column's total leaves for a figure not (well) read
COLUMN_RECONCILE = "column_reconcile"  # reconcile_columns: a figure moved so that its column adds up
TOTAL_FIX = "total_fix"  # check_totals: a doubtful figure moved by one slip so that its column adds up
# a valid ЕГН whose birth date makes the person a child or very old in the sheet's month (ocr/egn_age.py)
EGN_AGE = "egn_age"
# the header's columns repeat (two sheets side by side, two tables on one image) and the page could not be
# read as two: a row may hold two people's figures (ocr/sheet.py two_tables_to_review)
TWO_TABLES = "two_tables"
# a money column with no figure in the `Всичко` row where the others have one, its heading naming no field:
# nothing vouches for its place (a day's rate taken for pay, ocr/outside_columns.py)
COLUMN_UNCHECKED = "column_unchecked"
# two columns hold figures like the field's and no heading says which is it (a class for years of service
# beside the days, ocr/outside_columns.py)
COLUMN_AMBIGUOUS = "column_ambiguous"
# a name typed otherwise than the sheet's other names (its given name elsewhere, its capitals other):
# a word read out of place or in the wrong case (ocr/plausibility.py, ocr/name_case.py)
NAME_FORM = "name_form"
# a valid ЕГН whose ninth digit tells the other sex than its row's name (ocr/egn_sex.py)
EGN_SEX = "egn_sex"
# a deductions or net pay figure no sum proves: the row's (a figure of it unread or in doubt), the itemised
# deductions' or the column's against the `Всичко` row (ocr/unproved_net.py)
UNPROVED = "unproved"
# the page's table layout is not proved by the page itself (rows without their own person, printed numbers
# that do not run with the rows, columns no heading or total places): every row to review (ocr/layout_gate.py)
LAYOUT_UNPROVED = "layout_unproved"
# a ditto mark ('"', '-"-': the same as the row above) standing for a figure the row above holds in doubt,
# or the page's only mark of its shape: the value above, for a person to confirm (ocr/ditto.py)
DITTO = "ditto"
# a line of figures with no person (no name, ЕГН or number) between two rows, the rest of the page proved:
# its figures may be the row above's or below's, whose figures go to review with it (ocr/layout_gate.py)
FIGURES_LINE = "figures_line"
# not a reason shown (that is PAGE_PLAUSIBILITY): guard_page's doubt that the page was read in place at all, its
# ЕГН failing or absent (kept in Flags.every: the page's money figures all proved answer it, ocr/arithmetic_proof.py)
PAGE_NOT_PROVED_IN_PLACE = "page_plausibility/not_in_place"
REASONS = (CHECK_DIGIT, ROW_SUM, COLUMN_TOTAL, LOW_CONFIDENCE, UNREADABLE, CORRECTION, PAGE_PLAUSIBILITY,
           READINGS_DISAGREE, OUT_OF_RANGE, ROW_NUMBER, COLUMN_FILL, COLUMN_RECONCILE, TOTAL_FIX, EGN_AGE,
           TWO_TABLES, COLUMN_UNCHECKED, COLUMN_AMBIGUOUS, NAME_FORM, EGN_SEX, UNPROVED,
           LAYOUT_UNPROVED, DITTO, FIGURES_LINE)  # fmt: skip


class _Reasons(dict[str, str]):
    """Field -> the reason shown; every reason a field was ever flagged for is kept in ``every``."""

    def __init__(self) -> None:
        super().__init__()
        self.every: dict[str, set[str]] = {}

    def __setitem__(self, f: str, reason: str) -> None:
        self.every.setdefault(f, set()).add(reason)
        super().__setitem__(f, reason)

    def setdefault(self, f: str, reason: str) -> str:
        self.every.setdefault(f, set()).add(reason)
        return super().setdefault(f, reason)

    def pop(self, f: str, *default: str | None) -> str | None:  # type: ignore[override]
        self.every.pop(f, None)
        return super().pop(f, *default)

    def clear(self) -> None:
        self.every.clear()
        super().clear()


class Flags(set[str]):
    """A row's fields for review, each with the first reason it was flagged for (``reasons``) and every
    reason it was flagged for while in review (``every``)."""

    def __init__(self, fields: Iterable[str] = ()) -> None:
        super().__init__()
        self.reasons: _Reasons = _Reasons()
        self.update(fields)

    def every(self, f: str) -> set[str]:
        return set(self.reasons.every.get(f, ()))

    def add_as(self, f: str, shown: str, cause: str) -> None:
        """Flag ``f`` for the reason ``shown`` (on the screen), kept in ``every`` as ``cause``: a step whose
        doubt a later proof may answer where the shown reason's other steps' doubts it may not."""
        had = shown in self.reasons.every.get(f, set())
        self.add(f, shown)
        if not had:
            self.reasons.every[f].discard(shown)
        self.reasons.every[f].add(cause)

    def add(self, f: str, reason: str = LOW_CONFIDENCE) -> None:
        super().add(f)
        self.reasons.setdefault(f, reason)

    def drop_cause(self, f: str, cause: str) -> None:
        """``f`` no longer doubted for ``cause`` (a proof answered it): out of review where that was its only
        doubt, else shown for the first of its other reasons (``REASONS``' order) unless its shown one stays."""
        if f not in self or cause not in self.reasons.every.get(f, set()):
            return
        left = self.reasons.every[f] - {cause}
        if not left:
            self.discard(f)
            return
        self.reasons.every[f] = left
        if self.reasons.get(f, "") not in left:
            dict.__setitem__(self.reasons, f, min(left, key=lambda r: REASONS.index(r) if r in REASONS else len(REASONS)))

    def update(self, *fields: Iterable[str], reason: str = LOW_CONFIDENCE) -> None:
        for names in fields:
            for f in names:
                self.add(f, reason)

    def discard(self, f: object) -> None:
        super().discard(f)
        if isinstance(f, str):
            self.reasons.pop(f, None)

    def clear(self) -> None:
        super().clear()
        self.reasons.clear()


@dataclass
class RowDraft:
    values: dict[str, object]
    conf: dict[str, float] = field(default_factory=dict)
    alts: dict[str, list[object]] = field(default_factory=dict)  # other readings (second pass)
    review: Flags = field(default_factory=Flags)
    boxes: dict[str, list[int]] = field(default_factory=dict)  # each field's cell in the image as given
    corrected: set[str] = field(default_factory=set)  # figures read from a correction over a struck one
    proven: set[str] = field(default_factory=set)  # fields a satisfied sum vouches for
    derived: set[str] = field(default_factory=set)  # unreadable fields filled in from the row's sums
    # unreadable fields filled in from the column totals that no figure read on the row confirms (the
    # total they were made from cannot confirm them): in review for good
    unconfirmed: set[str] = field(default_factory=set)
    ink_digits: dict[str, int] = field(default_factory=dict)  # digits the ink is wide (ocr.inkcount)
    ink_blots: dict[str, int] = field(default_factory=dict)  # upright blots of a figure's height (ocr.inkcount)
    # fields the first pass could not read and the second model read alone (ocr.sheet.add_readings)
    second_only: set[str] = field(default_factory=set)
    # figures kept as the one reading as wide as the ink, over readings that lost a digit of it; a person
    # decides unless another check (the days against the pay, ocr.plausibility) vouches for them
    ink_fit: dict[str, list[int]] = field(default_factory=dict)  # field -> the readings it was kept over
    parts: list[Decimal | None] | None = None  # the itemised deductions as read (tax, insurance, ...)
    # the additional pay's items as read (a wide sheet's, family V: `За прослуж. време`, `Нощен труд` ...; an
    # item left blank nought, None where unreadable): they add up to the additional pay
    items: list[Decimal | None] | None = None
    bbox: list[int] | None = None
    # money figures a page-level step changed: field -> (the step's reason, the value before it changed);
    # kept across the second pass (forget_verdicts) so a change of the first pass is still checked
    changed: dict[str, tuple[str, object]] = field(default_factory=dict)
    # money figures a check of the row changed from what was read (a one-digit slip mended so the row's
    # sums hold, the deductions taken from their parts): field -> (as read, as changed). The second pass
    # reads them again with the row (ocr.sheet.doubtful) and the checks start again from the readings
    # (back_to_readings): where the other model reads the cell as the first did, the change is refused
    # (read_as_first_at_slip)
    as_read: dict[str, tuple[object, object]] = field(default_factory=dict)

    def dec(self, f: str) -> Decimal | None:
        v = self.values.get(f)
        return Decimal(str(v)) if v is not None else None

    def mend(self, f: str, value: str) -> None:
        """A check of the row changes a money figure it read: the reading is kept (``as_read``)."""
        before = self.values.get(f)
        if before is not None and before != value:
            self.as_read[f] = (self.as_read[f][0] if f in self.as_read else before, value)
        self.values[f] = value

    def money(self, present: Collection[str]) -> dict[str, Decimal | None]:
        """The row's money figures, for the fields the page has a column for (in ``MONEY``'s order)."""
        return {k: self.dec(k) for k in MONEY if k in present}

    def sums(self, present: Collection[str]) -> list[tuple[bool, tuple[str, ...]]]:
        """The row's sums its money figures let be checked: (whether it holds, the fields it adds)."""
        return _relations(self.money(present))


def one_edit(a: str, b: str) -> bool:
    """The digits differ by one slip: one digit changed, dropped or added (separators do not count)."""
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """The digits differ by one slip: one digit changed, dropped or added (separators do not count)."""
    a, b = "".join(ch for ch in a if ch.isdigit()), "".join(ch for ch in b if ch.isdigit())
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1 :] == s for i in range(len(t)))


def _digits_at_slip(first: str, mended: str, other: str) -> bool:
    """``other`` reads as ``first`` does where ``mended`` departs from it by one slip: the same digit at a
    digit changed, as many digits where one was put in or left out (separators do not count)."""
    a, b, c = ("".join(ch for ch in x if ch.isdigit()) for x in (first, mended, other))
    if len(a) != len(b):
        return len(c) == len(a)
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1 and len(c) == len(a) and c[diff[0]] == a[diff[0]]


def read_as_first_at_slip(row: RowDraft, f: str, mended: str) -> bool:
    """The second model read the figure too, and where ``mended`` departs from the first reading by one
    slip every other reading says what the first said: both models see the cell as read there (I dev 906
    p4: a net `15.49` mended to `154.19` to fit a gross misread `188.74`, the other model read `15.09`:
    four digits, as the first). A reading that says what the mend says there (a zero the other model
    reads where the first read an 8) lets it stand, whatever else it misreads."""
    v = row.values.get(f)
    alts = [str(a) for a in row.alts.get(f, []) if a is not None]
    return v is not None and bool(alts) and all(_digits_at_slip(str(v), mended, a) for a in alts)


def check_egn(row: RowDraft) -> None:
    v = row.values.get("egn")
    readings = [x for x in [v, *row.alts.get("egn", [])] if isinstance(x, str) and len(x) == 10]
    valid = sorted({x for x in readings if egn_mod.is_valid(x)})
    if len(valid) == 1 and len(set(readings)) > 1 and readings[0] == valid[0] and len(readings) == 2:
        return  # the second reading is invalid: the valid first one stands
    if len(valid) == 1:
        row.values["egn"] = valid[0]
        if v != valid[0] and not (v and _one_edit(str(v), valid[0])):
            row.review.add("egn", READINGS_DISAGREE)
        return
    if len(readings) >= 2:  # combine the passes digit by digit where they disagree
        a, b = readings[0], readings[1]
        diff = [i for i in range(10) if a[i] != b[i]]
        if 0 < len(diff) <= 4:
            cands = set()
            for choice in product(*[(a[i], b[i]) for i in diff]):
                s = list(a)
                for i, ch in zip(diff, choice, strict=True):
                    s[i] = ch
                cand = "".join(s)
                if egn_mod.is_valid(cand):
                    cands.add(cand)
            if len(cands) == 1:
                row.values["egn"] = cands.pop()
                return
    row.review.add("egn", CHECK_DIGIT if readings else UNREADABLE)


def _collapsed(short: str, full: str) -> bool:
    """``short`` is ``full`` with digits dropped where they repeat their neighbour ("2" of "22", "1" of
    "11"): how the engines lose one of two like digits typed close together."""
    i = 0
    for k, ch in enumerate(full):
        if i < len(short) and short[i] == ch:
            i += 1
        elif k == 0 or full[k - 1] != ch:
            return False
    return i == len(short)


def _digit_lost(short: str, full: str) -> bool:
    """``short`` is ``full`` with one of its digits lost ('2' or '1' of '21')."""
    return len(short) == len(full) - 1 and any(full[:i] + full[i + 1 :] == short for i in range(len(full)))


def _lead_lost(short: str, full: str) -> bool:
    """``short`` is ``full`` with its first digit lost, and the zeros after it with it, as leading zeros
    go ('99.25' for 1099.25: the hand's `1` before a `0` not seen; separators do not count)."""
    a, b = ("".join(ch for ch in x if ch.isdigit()) for x in (short, full))
    return len(b) - len(a) >= 2 and b[1:].lstrip("0") == a and b[1] == "0"


def check_days(row: RowDraft, year: int | None, month: int | None) -> None:
    """The days against the month, the readings and the ink; a figure whose ink holds more upright blots
    than any reading has digits (a hand's `1` every model drops: `11` read `1`, `19` read `9`) in review."""
    _check_days(row, year, month)
    d, blots = row.values.get("days_worked"), row.ink_blots.get("days_worked")
    if not isinstance(d, int) or blots is None or "days_worked" in row.review:
        return
    readings = [d, *(x for x in row.alts.get("days_worked", []) if isinstance(x, int))]
    if blots > max(len(str(x)) for x in readings) and blots <= 2:
        row.review.add("days_worked", READINGS_DISAGREE)


def _check_days(row: RowDraft, year: int | None, month: int | None) -> None:
    d = row.values.get("days_worked")
    if d is None:
        if "days_worked" in row.values:
            row.review.add("days_worked", UNREADABLE)
        return
    limit = egn_mod.days_in_month(year, month) if year and month else 31
    assert isinstance(d, int)
    other = [x for x in row.alts.get("days_worked", []) if isinstance(x, int)]
    wide = row.ink_digits.get("days_worked")
    if wide is not None:  # the ink's width says how many digits there are (ocr.inkcount)
        readings = [d, *other]
        fit = {x for x in readings if len(str(x)) == wide and x <= limit}
        if not fit:  # every pass read another count of digits than the ink shows
            row.review.add("days_worked", READINGS_DISAGREE)
            return
        if len(fit) == 1:
            x = next(iter(fit))
            first_read = row.conf.get("days_worked", 1.0) > 0  # else the value is the second reading
            twice = first_read and sum(1 for y in readings if y == x) >= 2
            if all(_collapsed(str(y), str(x)) for y in readings) and (
                twice or (row.conf.get("days_worked", 1.0) >= CONF_FLOOR and len(readings) >= 2)
            ):
                row.values["days_worked"] = x  # the other reading lost a repeated digit the ink shows
                return
            if len(set(readings)) > 1 and all(y == x or _digit_lost(str(y), str(x)) for y in readings):
                # the others lost a digit the ink shows: the one reading as wide as the ink is kept, for a
                # person to confirm; where the first model read it surely ('21' over the second's '2'),
                # the pay may tell it from the short readings (plausibility.days_vouched_by_pay). Read by
                # the second model alone ('22' over '2' for 23), its digits are one reading's word only
                row.values["days_worked"] = x
                if x == d and row.conf.get("days_worked", 1.0) >= CONF_FLOOR:
                    row.ink_fit["days_worked"] = [y for y in readings if y != x]
                row.review.add("days_worked", READINGS_DISAGREE)
                return
    if "days_worked" in row.second_only and len(other) <= 1:
        # the first pass read nothing, the second model alone this: one reading's word, and no sum vouches for
        # days (h-heading-taken-for-rows-base-pay-unread: `3` for 5); the pay may still vouch for it
        # (plausibility.days_vouched_by_pay)
        row.review.add("days_worked", LOW_CONFIDENCE)
        return
    if other and any(x != d for x in other):  # two readings disagree: a person decides
        good = [x for x in (d, *other) if x <= limit]
        row.values["days_worked"] = good[0] if good else d
        row.review.add("days_worked", READINGS_DISAGREE)
        return
    if d > limit or row.conf.get("days_worked", 1.0) < CONF_FLOOR:
        alts = [x for x in row.alts.get("days_worked", []) if isinstance(x, int) and x <= limit]
        if alts and d > limit:
            row.values["days_worked"] = alts[0]
        row.review.add("days_worked", OUT_OF_RANGE if d > limit else LOW_CONFIDENCE)


def _relations(v: dict[str, Decimal | None]) -> list[tuple[bool, tuple[str, ...]]]:
    out: list[tuple[bool, tuple[str, ...]]] = []
    b, e, g, d, n = (v.get(k) for k in MONEY)
    if b is not None and e is not None and g is not None:
        out.append((b + e == g, ("base_pay", "extra_pay", "gross_pay")))
    if g is not None and d is not None and n is not None:
        out.append((g - d == n, ("gross_pay", "deductions", "net_pay")))
    return out


def row_relations(v: dict[str, Decimal | None]) -> list[tuple[bool, tuple[str, ...]]]:
    """The row's sums that can be checked with the figures present: gross = base + extra and
    net = gross - deductions, each as (holds, the fields it ties). Used again after a person's
    correction (ingest.verification)."""
    return _relations(v)


def fmt(x: Decimal) -> str:
    """An amount as the payroll-page/1 figures are written: two stotinki after a point."""
    return f"{x:.2f}"


def check_money(row: RowDraft, present: list[str]) -> None:
    """Row sums; corrections the sums prove; everything else unresolved goes to review."""
    _check_money(row, present)
    final = row.money(present)
    # no part of the pay is more than the gross, whatever else could not be read: the net pay `146.30`
    # read `1146.30` (a stamp's ring taken for a 1) beside unread deductions broke no sum that could be done
    gross = final.get("gross_pay")
    for ok, names in _relations(final):
        # a sum that a filled-in figure keeps by construction proves nothing
        if ok and not _unproven_fill(row).intersection(names):
            row.proven.update(n for n in names if n not in row.review)
    for f in ("base_pay", "extra_pay", "deductions", "net_pay"):  # (the gross too, unless a sum proves it)
        if gross is not None and (x := final.get(f)) is not None and x > gross:
            row.review.update([f] if "gross_pay" in row.proven else [f, "gross_pay"], reason=ROW_SUM)
    if "base_pay" in present and "gross_pay" in present and "extra_pay" not in present:
        # no additional pay on the sheet: no sum binds the base pay but its equality with the gross
        base, gross = final.get("base_pay"), final.get("gross_pay")
        if base is not None and base == gross and "gross_pay" not in row.review:
            row.proven.add("base_pay")
        elif "base_pay" not in row.review:
            row.review.add("base_pay", ROW_SUM)


def _check_money(row: RowDraft, present: list[str]) -> None:
    fields = [f for f in MONEY if f in present]
    if not fields:
        return
    # candidate values per field: first reading plus other passes' readings
    cands: dict[str, list[Decimal | None]] = {}
    for f in fields:
        vals: list[Decimal | None] = [row.dec(f)]
        for a in row.alts.get(f, []):
            if a is not None and Decimal(str(a)) not in vals:
                vals.append(Decimal(str(a)))
        cands[f] = vals
    rels_possible = len(_relations({f: Decimal(1) for f in fields}))
    if rels_possible == 0:
        for f in fields:
            if row.values.get(f) is None:
                row.review.add(f, UNREADABLE)
            elif row.conf.get(f, 1.0) < CONF_FLOOR:
                row.review.add(f, LOW_CONFIDENCE)
        return
    # 1. combinations of readings (a field nobody could read is derived from the sums) that satisfy
    #    every relation
    fits: dict[tuple[Decimal | None, ...], set[str]] = {}
    for combo in product(*[cands[f] for f in fields]):
        v = dict(zip(fields, combo, strict=True))
        derived: set[str] = set()
        for _ in range(2):
            for f in fields:
                if v[f] is None:
                    sols = _solve(f, v)
                    if sols:
                        v[f] = sols[0]
                        derived.add(f)
        rels = _relations(v)
        if len(rels) == rels_possible and all(ok for ok, _ in rels):
            fits.setdefault(tuple(v[f] for f in fields), derived)
    if len(fits) == 1:
        values, derived = next(iter(fits.items()))
        for f, val in zip(fields, values, strict=True):
            if val is not None:
                row.values[f] = fmt(val)
        row.derived |= derived
        row.review.update(derived, reason=UNREADABLE)  # until the column total confirms them (check_totals)
        return
    if len(fits) > 1:
        keys = list(fits)
        for i, f in enumerate(fields):
            if len({k[i] for k in keys}) > 1:
                row.review.add(f, READINGS_DISAGREE)
            elif (val := keys[0][i]) is not None and not any(f in d for d in fits.values()):
                # every fit reads it alike, as one fit alone would set it: the sums choose that reading
                # (T dev 12014 p1 at 150 dpi: the base pay `4577.67` read `4597.67`, the other pass right; two
                # readings of the net, the deductions unread, gave two fits that both took 4577.67, and the
                # first reading stayed, its sum broken and nothing flagged)
                row.values[f] = fmt(val)
        return
    # 2. one field wrong: recompute it from the others; accept only a one-digit slip, and only if unique.
    #    Not where the other model reads the cell as the first did at the slip (read_as_first_at_slip): the
    #    cell holds what was read there, another figure of the row was misread and the mend would hide it.
    #    A slip mended before the second pass is read again with its row (ocr.sheet.doubtful)
    v0 = {f: row.dec(f) for f in fields}
    fixes = []
    for f in fields:
        if v0[f] is None and row.values.get(f) is not None:
            continue
        for guess in _solve(f, v0):
            rels = _relations({**v0, f: guess})
            if len(rels) == rels_possible and all(ok for ok, _ in rels):
                read = row.values.get(f)
                if read is None or _one_edit(str(read), fmt(guess)):
                    fixes.append((f, guess))
    if len(fixes) == 1 and not read_as_first_at_slip(row, fixes[0][0], fmt(fixes[0][1])):
        f, guess = fixes[0]
        row.mend(f, fmt(guess))
        if v0[f] is None:  # filled from the sums: the column total must confirm it (check_totals)
            row.derived.add(f)
            row.review.add(f, UNREADABLE)
        elif shaky := _shaky_partners(row, f, fields):
            # the mend stands on figures read unsure and read otherwise by the other pass: they may be the
            # misread ones and the mend their copy (Q dev 9018 page 1: net `1809.24` read `1899.24`, the
            # deductions `301.89` read `501.89`, both under the confidence floor and read `1890.24` and
            # `101.80` by the other pass; the gross `2111.13` read `201.13` "mended" to 2401.13 from them)
            row.review.update([f, *shaky], reason=READINGS_DISAGREE)
        return
    for f in fields:
        if row.values.get(f) is None:
            row.review.add(f, UNREADABLE)
            if len(_solve(f, v0)) > 1:  # its two sums give two values: a figure of one of them is wrong
                row.review.update((n for _ok, ns in _relations({**v0, f: Decimal(0)}) for n in ns if n != f),
                                  reason=ROW_SUM)  # fmt: skip
    for ok, names in _relations(v0):
        if not ok:
            row.review.update(names, reason=ROW_SUM)
    # a figure no sum of the row can check (its partners unread) stands on its reading alone: read unsure, or
    # by the second model alone, it goes to a person (V dev 14007 p3: a base pay `14` read, `1214.86` by the
    # other model for 1214.50, the extra and gross unread, out without a flag)
    checked = {n for _ok, names in _relations(v0) for n in names}
    for f in fields:
        if v0[f] is not None and f not in checked and (f in row.second_only or row.conf.get(f, 1.0) < CONF_FLOOR):
            row.review.add(f, LOW_CONFIDENCE)


def _shaky_partners(row: RowDraft, f: str, present: list[str]) -> list[str]:
    """The figures a one-slip mend of ``f`` was worked out from that were read under the confidence floor and
    that the other pass read otherwise, where every sum through ``f`` has one."""
    def shaky(n: str) -> bool:
        alts = [Decimal(str(a)) for a in row.alts.get(n, []) if a is not None]
        return row.conf.get(n, 1.0) < CONF_FLOOR and any(a != row.dec(n) for a in alts)

    return _doubted_through(row, f, present, shaky)


def _doubted_through(r: RowDraft, f: str, present: list[str], doubted: Callable[[str], bool]) -> list[str]:
    """The other figures of the row's sums through ``f`` that are ``doubted``, where every such sum has one;
    none where a sum through ``f`` has none (or no sum goes through it)."""
    through = [[n for n in names if n != f] for _ok, names in r.sums(present) if f in names]
    if not through or not all(any(doubted(n) for n in names) for names in through):
        return []
    return sorted({n for names in through for n in names if doubted(n)})


def _solve(f: str, v: dict[str, Decimal | None]) -> list[Decimal]:
    b, e, g, d, n = (v.get(k) for k in MONEY)
    out: list[Decimal] = []
    if f == "gross_pay":
        if b is not None and e is not None:
            out.append(b + e)
        if d is not None and n is not None:
            out.append(d + n)
    elif f == "base_pay" and g is not None and e is not None:
        out.append(g - e)
    elif f == "extra_pay" and g is not None and b is not None:
        out.append(g - b)
    elif f == "deductions" and g is not None and n is not None:
        out.append(g - n)
    elif f == "net_pay" and g is not None and d is not None:
        out.append(g - d)
    return [x for x in dict.fromkeys(out) if x >= 0]


def check_totals(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None = None
) -> None:
    """Each money column sums to the printed total. A mismatch the rows cannot explain flags that column's
    unproven fields; a mismatch equal to a one-digit slip in a single flagged field fixes it."""
    common = _common_culprits(rows, totals, present, carried)
    for f in MONEY:
        if f not in present or f not in totals:
            continue
        vals = [r.dec(f) for r in rows]
        if any(x is None for x in vals):
            _doubt_column_over_total(rows, totals, present, carried, f)
            continue
        start = Decimal((carried or {}).get(f, "0"))  # sums carried from the previous sheet
        col = start + sum(x for x in vals if x is not None)
        diff = Decimal(totals[f]) - col
        if diff != 0 and total_misread(totals, present, f, col):
            diff = Decimal(0)  # the printed total was misread: the other totals' sums give the column's
        if diff == 0:  # the printed total confirms every figure of the column, filled-in ones too,
            # except one filled in from a figure itself in doubt: what that figure is off by, the filled one is
            # off by too, and the column then adds up only because another of its figures is off the other way
            # (K dev 3007 page 2: a base read `200.92` beside `200.91`, the extra filled in `8.03` for `8.04`,
            # a base `18.38` moved to `18.37` to close its column and the extra misread `3.32` beside it)
            for r in rows:
                if f in r.derived and not _filled_from_doubt(r, f, present):
                    r.review.discard(f)
            continue
        flagged = [r for r in rows if f in r.review]
        fixed = False
        if len(flagged) == 1:
            r = flagged[0]
            cur = r.dec(f)
            assert cur is not None
            guess = cur + diff
            # a figure the row's sums filled in was never read, so no slip of reading explains it; and a
            # "fix" that breaks the row's own sums is another figure of the column wrong (`264.14`, filled
            # in, moved to `164.14` for a `234.03` misread `334.03`)
            breaks = any(not ok for ok, names in _relations({**r.money(present), f: guess})
                         if f in names)  # fmt: skip
            if (guess >= 0 and f not in r.derived and not breaks and _one_edit(fmt(cur), fmt(guess))
                    and not _parts_confirm(r, f)):
                r.values[f] = fmt(guess)
                r.review.discard(f)
                fixed = True
        if not fixed:
            # A total that obeys the same sums as the rows (gross = base + extra, net = gross -
            # deductions) was read right: then some figure of the column is wrong even if its row adds
            # up (a decimal point read as a digit shifts a whole row alike), and the column goes to a
            # person. A total that breaks them may have been misread; so may one no sum of the totals
            # can check, but when no column of the page adds up to its total either, a column off by
            # more than one digit of its total holds a wrong figure, proven by its row or not (two
            # figures of a row misread alike keep its sum: '91109.14' for '9110.91' as base and gross).
            trusted = totals_consistent(totals, present) or (
                not _totals_checkable(totals, present) and not _one_edit(totals[f], fmt(col))
                and not _any_column_adds_up(rows, totals, present, carried)
            )
            # a row whose figure, with one digit slipped, would make the column add up exactly
            culprits = _slip_suspects(rows, f, diff)
            suspects = culprits if len(culprits) <= max(3, len(rows) // 2) else []
            # a right total and exactly one figure whose one slip explains the difference: that figure
            one = culprits[0] if len(culprits) == 1 else common
            only = trusted and one is not None and not any(f in r.review for r in rows)
            # every row's sums hold: a figure of the column is wrong only with a partner of its row misread
            # to the stotinka with it (the separator read as a digit in base and gross alike, two digits
            # `3` read `5` in gross and net): one slip each, so only the rows whose figure one slip moves
            # by the difference are in doubt (E dev 501 page 1: gross and net 0.02 off, every figure of
            # both columns in review); where none is, the whole column, as before
            few: list[RowDraft] = []
            if trusted and culprits and _sums_all_hold(rows, present):
                few = _carriers(culprits, f, _column_diffs(rows, totals, present, carried), present)
            for r in rows:
                if (only and r is not one) or (few and not any(r is c for c in few)):
                    continue
                if trusted or f not in r.proven or any(r is c for c in suspects):
                    r.review.add(f, COLUMN_TOTAL)
    for r in rows:
        # without additional pay the base is the gross (gross = base + 0): a base read like a doubtful
        # gross is doubtful with it (both misread alike: '91109.14' for '9110.91'); a base and a gross
        # that differ are both in doubt unless the gross column adds up ('11322.86' for '1322.86')
        base, gross = r.dec("base_pay"), r.dec("gross_pay")
        if "extra_pay" not in present and "base_pay" in present and base is not None and gross is not None:
            if "gross_pay" in r.review and base == gross:
                r.review.add("base_pay", ROW_SUM)
            elif base != gross and not _adds_up(rows, totals, "gross_pay", carried):
                r.review.add("gross_pay", ROW_SUM)
    # a sum that involves a doubtful figure vouches for none of the others, except a figure whose column
    # adds up to its total with no figure of it in doubt: the column vouches for it
    vouched = {f for f in MONEY if f in present and _column_vouches(rows, totals, present, f, carried)}
    for r in rows:
        for _ok, names in r.sums(present):
            if any(n in r.review for n in names):
                r.review.update((n for n in names if n not in vouched or n in r.review), reason=ROW_SUM)
    used = filled(rows)
    for f in MONEY:  # a column most of whose figures are in doubt (read from the wrong place?) is in doubt
        doubted = [r.review.reasons[f] for r in used if f in r.review]
        if len(used) >= 4 and len(doubted) >= 0.6 * len(used):
            why = most_common_reason(doubted)
            for r in rows:
                if f in present and r.values.get(f) is not None:
                    r.review.add(f, why)
    clear_doubly_vouched(rows, totals, present, carried)


def _doubt_column_over_total(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None, f: str
) -> None:
    """A column with a figure unread cannot be checked against its total, but when the figures read already
    add up to more than a total the totals' own sums vouch for, none of them negative, a figure read is too
    high whatever the unread ones are: every figure of the column read goes to a person (AK dev 29004 p3: two
    produce lines under people left rows with nothing read, the column was not checked, and `194.21` read
    `194.24`, `346.15` read `346.45`, their rows' sums holding, went out without a flag)."""
    known = [x for x in (r.dec(f) for r in rows) if x is not None]
    start = Decimal((carried or {}).get(f, "0"))
    if not known or min(known) < 0 or start < 0 or not totals_consistent(totals, present):
        return
    if start + sum(known) > Decimal(totals[f]):
        for r in rows:
            if r.dec(f) is not None:
                r.review.add(f, COLUMN_TOTAL)


def _filled_from_doubt(r: RowDraft, f: str, present: list[str]) -> bool:
    """``f`` was filled in from the row's sums and every sum through it has a figure in doubt."""
    return bool(_doubted_through(r, f, present, lambda n: n in r.review))


def most_common_reason(reasons: list[str]) -> str:
    """The reason most of ``reasons`` give; on a tie the first of them in ``REASONS`` (a sum's or a total's
    before a reading's: the figures given it are answered by their own sums and the column's total), never
    a set's order, which follows PYTHONHASHSEED (B dev 101 --hard all p3: 'column_total', 'unreadable' and
    'row_sum' once each; under one hash seed row 6's three right figures went to review, under another not)."""
    rank = {r: i for i, r in enumerate(REASONS)}
    return min(reasons, key=lambda r: (-reasons.count(r), rank.get(r, len(REASONS)), r))


def _slip_suspects(rows: list[RowDraft], f: str, diff: Decimal) -> list[RowDraft]:
    """The rows whose figure of column ``f``, with one digit slipped (dropped, added or changed; a separator
    read as a digit counts), would carry the column's difference ``diff`` alone."""
    return [r for r in rows if (x := r.dec(f)) is not None and x + diff >= 0 and _one_edit(fmt(x), fmt(x + diff))]


def _column_diffs(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> dict[str, Decimal]:
    """What each money column with a total and every figure read lacks of its printed total (none where the
    total was misread: the other totals' sums give the column's)."""
    out: dict[str, Decimal] = {}
    for f in MONEY:
        if f in present and f in totals and (col := _column_sum(rows, f, carried)) is not None:
            out[f] = Decimal(0) if total_misread(totals, present, f, col) else Decimal(totals[f]) - col
    return out


def _carriers(suspects: list[RowDraft], f: str, diffs: dict[str, Decimal], present: list[str]) -> list[RowDraft]:
    """Of rows whose sums hold, those whose figure of ``f`` could carry its column's difference: moved by it,
    with each partner off in its own column moved by that column's difference (one slip each), every sum
    of the row through ``f`` still holds. A partner whose column has no total may be anything."""
    out = []
    for r in suspects:
        v = r.money(present)
        here: dict[str, Decimal | None] = {**v, f: (v[f] or Decimal(0)) + diffs.get(f, Decimal(0))}
        here.update({g: None for g in v if g not in diffs})
        movable = {g: x + diffs[g] for g, x in v.items() if g != f and g in diffs and x is not None
                   and diffs[g] != 0 and x + diffs[g] >= 0 and _one_edit(fmt(x), fmt(x + diffs[g]))}  # fmt: skip
        for k in range(len(movable) + 1):
            if any(_holds_through({**here, **{g: movable[g] for g in moved}}, f) for moved in combinations(movable, k)):
                out.append(r)
                break
    return out


def _holds_through(v: dict[str, Decimal | None], f: str) -> bool:
    return all(ok for ok, names in _sheet_relations(v) if f in names)


def _sums_all_hold(rows: list[RowDraft], present: list[str]) -> bool:
    """Every row has all its money figures read and every sum of it holds (on a sheet without additional
    pay, the base equal to the gross too)."""
    fields = [f for f in MONEY if f in present]
    for r in rows:
        v = {k: r.dec(k) for k in fields}
        rels = _sheet_relations(v)
        if any(x is None for x in v.values()) or not rels or not all(ok for ok, _ in rels):
            return False
    return True


# doubts a figure's row sums and its column's total answer together (not a page's, a correction's or a
# filled-in figure's: those stay until a person or check_totals' own rules clear them)
_ANSWERED = (ROW_SUM, COLUMN_TOTAL, LOW_CONFIDENCE)


def clear_doubly_vouched(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None = None
) -> None:
    """A figure two checks that do not depend on each other both confirm needs no person: a sum of its
    row holds as read with it, and its column adds up to the printed total to the stotinka. A wrong figure
    would need a second one, misread to the stotinka in its row, and a third in its column, to hide (the
    row's other sum may fail: a partner of the figure is wrong, and stays flagged). Not for readings that
    disagree (the column may be what chose between them), nor below a line of figures and no person
    (a correction split off its row: rows shifted by one keep both their sums and the columns' totals)."""
    fields = [f for f in MONEY if f in present]
    for f in fields:
        if not _adds_up(rows, totals, f, carried):
            continue
        for r in _above_stray_lines(rows):
            if f not in r.review or r.review.reasons.get(f) not in _ANSWERED or f in r.derived:
                continue
            # without additional pay on the sheet the base is vouched by its equality with the gross, as
            # any figure by its sum (H dev 805: a base equal to its gross, the base column adding up, in review)
            if any(ok and f in names for ok, names in _sheet_relations({k: r.dec(k) for k in fields})):
                r.review.discard(f)
                r.proven.add(f)
    _clear_rows_read_twice(rows, fields)


def _read_twice_alike(r: RowDraft, f: str) -> bool:
    """Both passes (the two models) read the figure, and read it alike; or the first read it surely and,
    no check doubting it then, the second was not asked (ocr.sheet.doubtful)."""
    v = r.dec(f)
    if v is None or r.conf.get(f, 0.0) <= 0:
        return False
    alts = [Decimal(str(a)) for a in r.alts.get(f, [])]
    return alts == [v] or (not alts and r.conf.get(f, 0.0) >= CONF_FLOOR)


def _above_stray_lines(rows: list[RowDraft]) -> list[RowDraft]:
    """The rows above the first line of figures with no person (a correction split off its row, typed
    over the row below it): the rows below it, and the one just above, may have shifted by one, and
    keep their sums and the columns' totals."""
    stray = [i for i, r in enumerate(rows) if r.values.get("name") is None and r.values.get("egn") is None]
    return rows[: stray[0] - 1] if stray else rows


def _sheet_relations(v: dict[str, Decimal | None]) -> list[tuple[bool, tuple[str, ...]]]:
    """The row's sums over the columns in ``v`` (the sheet's), and on a sheet without additional pay the
    base pay's equality with the gross: else nothing ties the base and a misread one stays unflagged
    (H dev 810 p4: base '82.06' read '32.06' beside a gross '82.06', both models alike)."""
    rels = _relations(v)
    if "extra_pay" not in v and "base_pay" in v and "gross_pay" in v:
        b, g = v["base_pay"], v["gross_pay"]
        if b is not None and g is not None:
            rels.append((b == g, ("base_pay", "gross_pay")))
    return rels


def _clear_rows_read_twice(rows: list[RowDraft], fields: list[str]) -> None:
    """A row whose every figure both models read alike, and whose every sum holds (gross = base + extra
    and net = gross - deductions, all the sheet's columns allow): two readings and two sums vouch for
    each figure (a corrected one too), and a column that does not add up to its total is not held against it, where the
    column has another culprit: a figure some row's own sum doubts, or one not read. Not a gross far
    from the column's others (a row misread alike, a hundred times too small, keeps its sums), nor a
    row whose place among the rows is in doubt or that lies below a line of figures and no person.
    One figure of the row read once (or the models disagreeing on it) is vouched for as well where its
    row's sums hold through it and every other figure was read twice alike: it is what two figures both
    models read give, to the stotinka (H dev 802 p1: deductions `448.52` beside a second reading `48.52`,
    gross and net read twice alike, the row's four right figures in review); its column then needs a culprit
    in another row (``one_read_once``)."""
    possible = len(_sheet_relations({f: Decimal(1) for f in fields}))
    if not possible or not any(r.alts for r in rows):  # before the second pass: not one figure read twice
        return
    # a column's culprit: a figure not read, one its row's sum doubts, or (s8-rev-fgh) one read unsure
    # (below the confidence floor, or two readings that differ): two figures of one row misread so that
    # its sum still holds ('233.62' and '22.00' for 270.62 and 59.00, H dev 801 p2) were read unsure, and
    # their column sent every row's figure to review
    culprits = {f: [i for i, r in enumerate(rows) if r.dec(f) is None or not _read_twice_alike(r, f)
                    or any(not ok and f in names for ok, names in _relations({k: r.dec(k) for k in fields}))]
                for f in fields}  # fmt: skip
    gross = sorted(x for r in rows if (x := r.dec("gross_pay")) is not None and x > 0)
    median = gross[len(gross) // 2] if gross else None
    for i, r in enumerate(_above_stray_lines(rows)):
        rels = _sheet_relations({k: r.dec(k) for k in fields})
        if len(rels) != possible or not all(ok for ok, _ in rels) or "row" in r.review:
            continue
        if not all(_read_twice_alike(r, f) for f in fields) and not one_read_once(r, fields):
            continue
        g = r.dec("gross_pay")
        if median is not None and g is not None and not (median / 8 <= g <= median * 8):
            continue
        flagged = [f for f in fields if f in r.review]
        doubted = {f: any(j != i for j in culprits[f]) for f in fields}  # another row's figure explains the column
        if all(f not in r.derived and (r.review.reasons.get(f) == ROW_SUM or (r.review.reasons.get(f) == COLUMN_TOTAL
               and doubted[f])) for f in flagged):  # fmt: skip
            for f in fields:  # all of the row's doubts answered, or none (a figure still in doubt is a culprit)
                r.review.discard(f)
                r.proven.add(f)


def one_read_once(r: RowDraft, fields: list[str]) -> bool:
    """Every money figure of the row but one read twice alike (``_read_twice_alike``), that one read by the
    first pass (not filled in from the sums) and tied by a sum of the row to figures read twice alike; not
    read again, or read again with a digit of it lost (`48.52` for 448.52: the second model dropped a glyph).
    A second reading as long as the first is another figure the cell may hold: the row stays in doubt."""
    once = [f for f in fields if not _read_twice_alike(r, f)]
    if len(once) != 1:
        return False
    f = once[0]
    v = r.dec(f)
    if v is None or r.conf.get(f, 0.0) <= 0:
        return False
    others = [Decimal(str(a)) for a in r.alts.get(f, []) if a is not None]
    if not all(a == v or _digit_lost(fmt(a), fmt(v)) for a in others):
        return False
    made = (r.derived, r.unconfirmed, r.second_only, r.corrected, r.changed, r.as_read, r.ink_fit)
    if any(f in m for m in made):  # as read, and read off its own cell
        return False
    return any(f in names for _ok, names in _sheet_relations({k: r.dec(k) for k in fields}))


def _column_sum(rows: list[RowDraft], f: str, carried: dict[str, str] | None) -> Decimal | None:
    """Column ``f`` summed (with the sums carried from the previous sheet), or None while a figure is unread."""
    vals = [r.dec(f) for r in rows]
    if any(x is None for x in vals):
        return None
    return Decimal((carried or {}).get(f, "0")) + sum(x for x in vals if x is not None)


def _adds_up(rows: list[RowDraft], totals: dict[str, str], f: str, carried: dict[str, str] | None) -> bool:
    return f in totals and _column_sum(rows, f, carried) == Decimal(totals[f])


def _totals_checkable(totals: dict[str, str], present: list[str]) -> bool:
    """The printed totals hold enough figures for one of the row's sums to be checked on them."""
    return bool(_relations({f: (Decimal(totals[f]) if f in totals else None) for f in MONEY if f in present}))


def _any_column_adds_up(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> bool:
    """Some money column of the page adds up to its printed total to the stotinka."""
    return any(_adds_up(rows, totals, f, carried) for f in MONEY if f in present)


def _column_vouches(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], f: str, carried: dict[str, str] | None
) -> bool:
    """Column ``f`` has every figure read, none in doubt, and adds up to its total to the stotinka."""
    if not rows or any(f in r.review for r in rows) or (col := _column_sum(rows, f, carried)) is None:
        return False
    return col in _column_targets(totals, present, f, rows)


def _candidates(f: str, v: dict[str, Decimal | None], present: list[str]) -> list[Decimal]:
    """What each of the row's sums alone says ``f`` should be (only sums that do not hold as read)."""
    b, e, g, d, n = (v.get(k) for k in MONEY)
    out: list[Decimal | None] = []
    if f == "gross_pay":
        if b is not None and e is not None and b + e != g:
            out.append(b + e)
        if d is not None and n is not None and d + n != g:
            out.append(d + n)
        if "extra_pay" not in present and b is not None and b != g:
            out.append(b)  # no additional pay on the sheet: the gross is the base pay
    elif f == "base_pay" and g is not None and b != (g - e if e is not None else g):
        out.append(g - e if e is not None else (g if "extra_pay" not in present else None))
    elif f == "extra_pay" and g is not None and b is not None and b + (e or 0) != g:
        out.append(g - b)
    elif f == "deductions" and g is not None and n is not None and g - (d or 0) != n:
        out.append(g - n)
    elif f == "net_pay" and g is not None and d is not None and g - d != n:
        out.append(g - d)
    return [x for x in dict.fromkeys(out) if x is not None and x >= 0]


def _column_targets(totals: dict[str, str], present: list[str], f: str, rows: list[RowDraft]) -> list[Decimal]:
    """What column ``f`` must add up to: its printed total; where the printed totals break their own sums
    (one of them misread), also what the other totals give."""
    out = [Decimal(totals[f])] if f in totals else []
    if f in totals and totals_consistent(totals, present):
        return out
    if f in totals and (alone := _totals_misread_alone(totals, present)) and f not in alone:
        return out  # another total alone breaks the totals' sums: this one was read right
    v = {k: (Decimal(totals[k]) if k in totals else None) for k in MONEY if k in present}
    # a printed total misread is a glyph or two off what the others give; further off, it is misread only
    # where the rows keep the sum that gives it: a column of the sums the sheet has and the reader did not
    # place breaks it on the rows too (AF dev 24004 p5: `Стаж %` between the base and the honorarium, in the
    # gross; six bases "reconciled" to gross - honorarium, silent), while a total read with its digits lost
    # or under a signature breaks the totals' sums alone (E dev 512 p3, 513 p2, 514 p3: the net total read
    # `1.11`, `1780.71`, `2.96` for 1341.46, 1744.07, 2738.30; the net column then held to no true figure)
    return out + [
        x
        for x in _solve(f, {**v, f: None})
        if x not in out and (not out or _misread_of(out[0], x) or not _rows_break_alike(rows, v, f, x))
    ]


MISREAD_GLYPHS = 2  # glyphs a printed total's misreading changes at most (a digit lost, two changed)
ROWS_BREAK_SHARE = Decimal("0.25")  # rows breaking a sum the totals' way past which a column is unplaced


def _rows_break_alike(rows: list[RowDraft], v: dict[str, Decimal | None], f: str, x: Decimal) -> bool:
    """The rows break the sum that gives the total ``f`` the value ``x`` (in place of its printed one) the
    way the totals break it, more than ``ROWS_BREAK_SHARE`` of the rows with its figures read: a column of
    the sum the reader did not place, not a misread total."""
    printed = v[f]
    assert printed is not None
    for _, rel in _relations({**v, f: x}):
        if f not in rel or _solve(f, {k: v[k] for k in rel if k != f}) != [x]:
            continue
        alike = checked = 0
        for r in rows:
            read = {k: r.dec(k) for k in rel}
            got = read[f]
            if got is None or None in read.values():
                continue
            checked += 1
            alike += any((y - got) * (x - printed) > 0 for y in _solve(f, {k: read[k] for k in rel if k != f}))
        if alike > ROWS_BREAK_SHARE * checked:
            return True
    return False


def _misread_of(printed: Decimal, x: Decimal) -> bool:
    """The printed total could be ``x`` misread: its figures at most ``MISREAD_GLYPHS`` edits apart."""
    return levenshtein(fmt(printed), fmt(x)) <= MISREAD_GLYPHS


def _totals_misread_alone(totals: dict[str, str], present: list[str]) -> set[str]:
    """The printed totals that, each alone put at what the others give, make every sum of the totals hold:
    one total misread explains the break (E dev 507 --hard all p9: the gross `1766.26` for 1700.26, while
    base + additional and net + deductions both give 1700.26; the additional pay and net columns were
    "reconciled" to 454.53 and 1478.75, what the misread gross gave them, 8 figures silent)."""
    v = {k: (Decimal(totals[k]) if k in totals else None) for k in MONEY if k in present}
    out = set()
    for k in v:
        if v[k] is None:
            continue
        for x in _solve(k, {**v, k: None}):
            rels = _relations({**v, k: x})
            if rels and all(ok for ok, _ in rels):
                out.add(k)
    return out


MAX_SUSPECT_ROWS = 8  # rows of one column whose figures the sums doubt, tried together


def _separator_dropped(x: Decimal) -> Decimal:
    """The amount had its decimal separator been read as a digit ('2976517 4' for '29765,74'): the digit
    before the stotinki dropped. Amounts of three digits or fewer are left as they are."""
    d = f"{x:.2f}".replace(".", "")
    return Decimal(f"{d[:-3]}.{d[-2:]}") if len(d) >= 4 else x


def _rows_misread_alike(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> bool:
    """Rows whose every amount was misread alike, so that their own sums still hold: the decimal
    separator read as a digit on every figure of the row, or a row of dashes read as figures. Accepted
    only for the one set of such rows that makes every column with a total add up to the stotinka."""
    fields = [f for f in MONEY if f in present]
    targets = {f: _column_targets(totals, present, f, rows) for f in fields}
    targets = {f: t for f, t in targets.items() if t}
    if not targets:
        return False
    now: list[dict[str, Decimal]] = []
    for r in rows:
        read = {f: x for f in fields if (x := r.dec(f)) is not None}
        if len(read) < len(fields):
            return False
        now.append(read)
    cols = {f: Decimal((carried or {}).get(f, "0")) + sum(v[f] for v in now) for f in targets}
    if all(cols[f] in targets[f] for f in targets):
        return False
    sep: list[tuple[int, dict[str, Decimal]]] = []
    for i, read in enumerate(now):
        h = {f: _separator_dropped(x) for f, x in read.items()}
        rels = _relations({f: h.get(f) for f in MONEY})
        if h != read and rels and all(ok for ok, _ in rels):
            sep.append((i, h))
    if len(sep) > 10:
        return False
    found: list[dict[int, dict[str, Decimal]]] = []
    # a line with figures and no person (a correction split off its row) would let a row of zeros
    # "explain" the columns: then no row is read as zeros
    stray = any(r.values.get("name") is None and r.values.get("egn") is None for r in rows)
    for zero in [None, *([] if stray else range(len(rows)))]:
        for choice in product(*[(False, True)] * len(sep)):
            change = {i: h for (i, h), on in zip(sep, choice, strict=True) if on}
            if zero is not None:
                if zero in change or not any(now[zero].values()):
                    continue
                change[zero] = {f: Decimal(0) for f in fields}
            if not change:
                continue
            if all(cols[f] + sum(h[f] - now[i][f] for i, h in change.items()) in targets[f] for f in targets):
                found.append(change)
    if len(found) != 1:
        return False
    for i, h in found[0].items():
        r = rows[i]
        for f, x in h.items():
            r.values[f] = fmt(x)
            r.alts.pop(f, None)
            r.review.discard(f)
        r.proven.difference_update(fields)
        r.derived.difference_update(fields)
        check_money(r, present)
    return True


def _one_row_explains_columns(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> bool:
    """Several columns off, and exactly one row whose figures, each moved by its column's difference,
    then keep every sum of the row: two figures of one sum misread at once (deductions and net)."""
    fields = [f for f in MONEY if f in present]
    diffs: dict[str, Decimal] = {}
    for f in fields:
        if f not in totals or (col := _column_sum(rows, f, carried)) is None:
            continue
        if col not in _column_targets(totals, present, f, rows):
            diffs[f] = Decimal(totals[f]) - col
    if len(diffs) < 2 or not totals_consistent(totals, present):
        return False
    hits: list[tuple[RowDraft, dict[str, Decimal | None]]] = []
    # rows the differences explain as well once a figure filled in from the row's sum moves with the one it was
    # filled from (M dev 5002 page 2: row 1's struck `33,68` read under the clerk's `35,68`, its net filled in
    # from it; row 5's correction `27,67` moved to `29,67` for the columns, both rows out wrong unflagged)
    rivals: list[tuple[RowDraft, dict[str, Decimal | None]]] = []
    for r in rows:
        v = {f: r.dec(f) for f in fields}
        h = {**v, **{f: (x + diffs[f] if (x := v[f]) is not None else None) for f in diffs}}
        rels = _relations({f: h.get(f) for f in MONEY})
        # each figure moved by one slip, or to nothing: a zero read as a figure ('192.37' for '0.00')
        slips = all(y == 0 or _one_edit(fmt(x), fmt(y)) for f in diffs if (x := v[f]) is not None
                    and (y := h[f]) is not None)  # fmt: skip
        # and a row with a reason to doubt it: a sum of its own that fails, or a figure not read for sure
        tied = {n for _ok, names in rels for n in names}  # a figure no sum of the row checks is not explained
        own = _relations({f: v.get(f) for f in MONEY})
        suspect = any(not ok for ok, _ in own) or any(f in r.review or f in r.derived for f in diffs)
        suspect = suspect or any(r.conf.get(f, 1.0) < CONF_FLOOR for f in diffs)
        # a figure filled in from its row's sum moves with the figure it was filled from, slip or not
        filled = all(y == 0 or f in r.derived or _one_edit(fmt(x), fmt(y)) for f in diffs
                     if (x := v[f]) is not None and (y := h[f]) is not None)  # fmt: skip
        if all(x is None or x >= 0 for x in h.values()) and rels and all(ok for ok, _ in rels) and filled and suspect and set(diffs) <= tied \
                and not _sure_ones_moved_for_columns(r, v, diffs):  # fmt: skip
            (hits if slips else rivals).append((r, h))
    if len(hits) != 1 or rivals:
        return False
    r, h = hits[0]
    for f in diffs:
        x = h[f]
        assert x is not None
        r.values[f] = fmt(x)
        r.alts.pop(f, None)
    for f in fields:
        r.review.discard(f)
    r.proven.difference_update(fields)
    r.derived.difference_update(fields)
    check_money(r, present)
    return True


def _sure_ones_moved_for_columns(r: RowDraft, v: dict[str, Decimal | None], diffs: dict[str, Decimal]) -> bool:
    """Moving only the row's doubtful figures (doubted for their own reading, not for a sum or a column they
    fail with others: filled in, read unsure, read otherwise by the other pass) already keeps its sums: the surely read ones it would move too are moved for the columns
    alone, which another row's misread figures may have put off (E dev 505 page 7: a gross read `239.44`
    beside its base `249.44`; the deductions and net columns off by 0.02 each through another row's
    deduction misread `14.89` and its net filled in from it: the sure `35.42` and `214.02` moved to
    `35.40` and `214.04`, every sum and column then holding, out unflagged). Not this row's to explain."""
    # doubted for its own reading (not for the sum or column it fails with the others)
    doubtful = {f for f in diffs if r.review.reasons.get(f) not in (None, ROW_SUM, COLUMN_TOTAL) or f in r.derived
                or r.conf.get(f, 1.0) < CONF_FLOOR
                or any(a is not None and Decimal(str(a)) != v.get(f) for a in r.alts.get(f, []))}  # fmt: skip
    if not doubtful or doubtful == set(diffs):
        return False
    h = {**v, **{f: (x + diffs[f] if (x := v[f]) is not None else None) for f in doubtful}}
    rels = _relations({f: h.get(f) for f in MONEY})
    return bool(rels) and all(ok for ok, _ in rels)


def fill_from_columns(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None = None
) -> None:
    """A figure nobody could read (a faint dash, a figure under a stamp), the only one missing in its
    column while every other figure of that column is vouched for by its row's sums: what the column's
    total (printed, or given by the other totals where the printed one breaks their sums) leaves for it.
    Kept only where the row's own sums then hold, with one such filling. A row of dashes nobody read so
    becomes the zeros it stands for."""
    fields = [f for f in MONEY if f in present]
    fill: dict[int, dict[str, list[Decimal]]] = {}
    for f in fields:
        vals = [r.dec(f) for r in rows]
        missing = [i for i, x in enumerate(vals) if x is None]
        if len(missing) != 1 or not (targets := _column_targets(totals, present, f, rows)):
            continue
        others = [r for i, r in enumerate(rows) if i != missing[0]]
        # figures filled in from their rows' sums (a dash read as nothing beside equal base and gross) are
        # no readings: the total confirms them only by leaving exactly nothing for the missing one
        # (nor are the figures whose only sum holds through one of them)
        leaning = any(f in r.derived or f not in r.proven for r in others)
        if any(f not in r.derived and (f in r.review or (f not in r.proven and not r.derived)) for r in others):
            continue
        known = Decimal((carried or {}).get(f, "0")) + sum(v for v in vals if v is not None)
        options = [t - known for t in targets if t >= known and not (leaning and t != known)]
        if options:
            fill.setdefault(missing[0], {})[f] = options
    for i, opts in fill.items():
        r = rows[i]
        if any(r.dec(f) is None for f in fields if f not in opts):
            continue
        fits = _fits(r, fields, opts)
        if not fits:  # a read figure of that row one slip from what its own column leaves (a zero row's
            opts = {**opts, **_slipped(rows, i, totals, present, carried, fields, opts)}  # '0.90' for '0.00')
            fits = _fits(r, fields, opts)
        if len(fits) != 1:
            continue
        # what the totals leave for a figure is confirmed by a sum of its row that a figure read on that
        # row takes part in; filled in across a whole row, the row's sums hold whatever the totals say (a
        # row of dashes read as nothing, a net total `1948.59` misread for `948.59`: 2459.00 / 1459.00 /
        # 1000.00 out unflagged). A total that is exactly what the other rows add up to says zero itself.
        read = {k for k in fields if k not in opts and k not in r.derived and r.dec(k) is not None}
        filled = dict(zip(opts, fits[0], strict=True))
        rels = _relations({f: (filled[f] if f in filled else r.dec(f)) for f in MONEY if f in present})
        # (a sum through two filled figures holds by the totals alone: a deductions total misread by 0.30 put
        # on one row's unread deductions and, through the totals' net, its net pay: L dev 4009 p2)
        # zeros the totals leave stand for a person's row of dashes: a row whose person was not read sure (of
        # the sheet's ЕГН and name, none read and out of doubt) may be no person's but a wrapped name's
        # second line split off as a row of its own, its cells blank (hard dev seed 62 p6: `Фъртунова`
        # alone, five zeros out unflagged)
        who = [k for k in ("egn", "name") if k in present]
        person = not who or any(r.values.get(k) is not None and k not in r.review for k in who)
        for f, x in filled.items():
            r.values[f] = fmt(x)
            if (x == 0 and person) or any(ok and f in names and read.intersection(names) and len(filled.keys() & set(names)) == 1
                             for ok, names in rels):
                r.review.discard(f)
                r.derived.discard(f)
            else:
                r.review.add(f, UNREADABLE)
                r.derived.discard(f)
                r.unconfirmed.add(f)
        for ok, names in r.sums(present):
            if ok and not any(n in r.review for n in names):
                r.proven.update(names)


def _fits(r: RowDraft, fields: list[str], opts: dict[str, list[Decimal]]) -> list[tuple[Decimal, ...]]:
    """The combinations of ``opts`` (values for some of the row's fields) under which its sums all hold."""
    fits = []
    for combo in product(*opts.values()):
        v = {**{f: r.dec(f) for f in fields}, **dict(zip(opts, combo, strict=True))}
        rels = _relations({f: v.get(f) for f in MONEY})
        if rels and all(ok for ok, _ in rels):
            fits.append(combo)
    return fits


def _slipped(
    rows: list[RowDraft],
    i: int,
    totals: dict[str, str],
    present: list[str],
    carried: dict[str, str] | None,
    fields: list[str],
    opts: dict[str, list[Decimal]],
) -> dict[str, list[Decimal]]:
    """For row ``i``'s read figures that no sum vouches for: what their column's total leaves for them, where
    every other figure of the column is vouched for and that value is one slip from the reading."""
    out: dict[str, list[Decimal]] = {}
    for f in fields:
        x = rows[i].dec(f)
        if f in opts or x is None or f in rows[i].proven or not (targets := _column_targets(totals, present, f, rows)):
            continue
        others = [r for k, r in enumerate(rows) if k != i]
        if any(r.dec(f) is None or f not in r.proven or f in r.review for r in others):
            continue
        known = Decimal((carried or {}).get(f, "0")) + sum(r.dec(f) or Decimal(0) for r in others)
        left = [t - known for t in targets if t >= known and t - known != x and _one_edit(fmt(x), fmt(t - known))]
        if left:
            out[f] = left
    return out


def reconcile_columns(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None = None
) -> None:
    """A column that does not add up to its total, and exactly one set of rows whose own sums give their
    figures values that close the difference to the stotinka: those figures were misread, whatever the
    slip (a digit lost, inserted or changed, two digits changed). Two checks that do not depend on each
    other agree on each: the row's sum and the column's total. Repeated while figures are found (two
    figures of one row misread: the gross from net + deductions first, then the additional pay)."""
    fields = [f for f in MONEY if f in present]
    for _ in range(2 * len(fields)):
        changed = _rows_misread_alike(rows, totals, present, carried)
        changed = _one_row_explains_columns(rows, totals, present, carried) or changed
        for f in fields:
            targets = _column_targets(totals, present, f, rows)
            if not targets or (col := _column_sum(rows, f, carried)) is None:
                continue
            if any(t == col for t in targets):
                continue
            options: list[tuple[RowDraft, list[Decimal]]] = []
            for r in rows:
                cur = r.dec(f)
                assert cur is not None
                cands = [c for c in _candidates(f, {k: r.dec(k) for k in fields}, present) if c != cur]
                if _parts_confirm(r, f):
                    cands = []
                if cands:
                    options.append((r, cands))
            if not options or len(options) > MAX_SUSPECT_ROWS:
                continue
            found = []
            for t in targets:
                for choice in product(*[[None, *cands] for _, cands in options]):
                    delta = sum((c - r.dec(f) for (r, _), c in zip(options, choice, strict=True)  # type: ignore[operator]
                                 if c is not None), Decimal(0))  # fmt: skip
                    if delta == t - col:
                        found.append(choice)
            if len(found) != 1:
                continue
            for (r, _), c in zip(options, found[0], strict=True):
                if c is None:
                    continue
                r.values[f] = fmt(c)
                r.alts.pop(f, None)  # the other pass's reading is what the sums just ruled out
                for k in fields:
                    r.review.discard(k)
                r.proven.difference_update(fields)
                r.derived.difference_update(fields)
                check_money(r, present)
                changed = True
        if not changed:
            return


def _common_culprits(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> RowDraft | None:
    """The one row whose figures, each with one slip, explain every column that does not add up (two
    columns or more): e.g. a row of zeros read as 10.00 / 2.00 / 8.00. None when no single row does."""
    sets: list[set[int]] = []
    for f in MONEY:
        if f not in present or f not in totals:
            continue
        vals = [r.dec(f) for r in rows]
        if any(x is None for x in vals):
            continue
        diff = Decimal(totals[f]) - Decimal((carried or {}).get(f, "0")) - sum(x for x in vals if x is not None)
        if diff == 0:
            continue
        sets.append({i for i, x in enumerate(vals) if x is not None and x + diff >= 0
                     and _one_edit(fmt(x), fmt(x + diff))})  # fmt: skip
    if len(sets) < 2:
        return None
    both = set.intersection(*sets)
    return rows[both.pop()] if len(both) == 1 else None


def total_misread(totals: dict[str, str], present: list[str], f: str, col: Decimal) -> bool:
    """The printed totals break their own sums, and the one that does is what the other totals give and
    what the column adds up to: its printed figure was misread, the column is right."""
    v = {k: (Decimal(totals[k]) if k in totals else None) for k in MONEY if k in present}
    if totals_consistent(totals, present) or v.get(f) is None:
        return False
    if (alone := _totals_misread_alone(totals, present)) and f not in alone:
        return False  # another total alone breaks the totals' sums: this one was read right
    return col in _solve(f, {**v, f: None})


def totals_consistent(totals: dict[str, str], present: list[str]) -> bool:
    """The printed totals obey the sums a row obeys (gross = base + extra, net = gross - deductions)."""
    v = {f: (Decimal(totals[f]) if f in totals else None) for f in MONEY if f in present}
    rels = _relations(v)
    return bool(rels) and all(ok for ok, _ in rels)


def check_magnitudes(
    rows: list[RowDraft], present: list[str], totals: dict[str, str] | None = None, carried: dict[str, str] | None = None
) -> None:
    """A figure ten times or more above its column's median on the same sheet: an inserted digit is
    likelier than such a salary; a person looks — unless its row's sums hold and its column adds up to
    the total (an inserted digit would break both)."""
    for f in MONEY:
        if f not in present:
            continue
        col = _column_sum(rows, f, carried)
        confirmed = bool(totals and col is not None and col in _column_targets(totals, present, f, rows))
        vals = sorted(x for x in (r.dec(f) for r in rows) if x is not None and x > 0)
        if len(vals) < 4:
            continue
        median = vals[len(vals) // 2]
        for r in rows:
            x = r.dec(f)
            if x is not None and median > 0 and x >= 8 * median and not (confirmed and f in r.proven):
                r.review.add(f, OUT_OF_RANGE)


MISREAD_SHARE = 0.5  # of the rows with an ЕГН read, those failing its check digit that show a page misread


def glyphs_misread(drafts: list[RowDraft]) -> bool:
    """Most ЕГН read on the page fail their check digit: its glyphs read badly (a microfilm's grain, a
    black-and-white scan's broken strokes), and a name the engine was unsure of may be another known name,
    a letter or two misread (R dev 10041 p10: 'Петър' read 'Петко' at 0.35, five of seven ЕГН failing).
    The lexicon, which knows both, then vouches for a name only at the full confidence floor."""
    read = [d for d in drafts if d.values.get("egn") or d.review.reasons.get("egn") == CHECK_DIGIT]
    failing = [d for d in read if d.review.reasons.get("egn") == CHECK_DIGIT]
    return len(read) >= 3 and len(failing) >= MISREAD_SHARE * len(read)


def run_checks(
    drafts: list[RowDraft],
    totals: dict[str, str],
    present: list[str],
    year: int | None,
    month: int | None,
    carried: dict[str, str],
) -> None:
    """Every check of the page, in order: each row's ЕГН, days, sums and name; then the columns' totals
    and magnitudes. ``present``: the fields the sheet has a column for."""
    for d in drafts:
        if "egn" in present:
            check_egn(d)
        if "days_worked" in present:
            check_days(d, year, month)
        _deductions_from_parts(d)
        _extra_from_items(d)
        check_money(d, present)
    misread = "egn" in present and glyphs_misread(drafts)
    # most names on the page garbled: a known name among them stands at the full floor too
    misread = misread or ("name" in present and names_garbled([d.values.get("name") for d in drafts]))
    for d in drafts:
        if "name" in present:
            fixed, sure = check_name(d.values.get("name"))  # type: ignore[arg-type]
            d.values["name"] = fixed
            conf = d.conf.get("name", 1.0)
            # a name the lexicon knows stands at half the floor, unless a word of it is another known name
            # with its first letter lost (a rule or speck over it), or the page's ЕГН show its glyphs misread
            # (``glyphs_misread``) or most of its names garbled (``names_garbled``): then the reading must be sure of it
            floor = CONF_FLOOR if misread or clipped_word(fixed) is not None else CONF_FLOOR / 2
            if not sure or conf < floor:
                d.review.add("name", UNREADABLE if not fixed else LOW_CONFIDENCE)
    # the columns are added over the people's rows, not the form's lines nobody filled at the foot (T dev
    # 12004 p2: six struck lines under six people, every column "unread" for their blanks, none adding up)
    used = filled(drafts)
    with _recorded(drafts, COLUMN_FILL):
        fill_from_columns(used, totals, present, carried)
    with _recorded(drafts, COLUMN_RECONCILE):
        reconcile_columns(used, totals, present, carried)
    # filled in from the sums (on this pass or the first): shown until a column total confirms it, unless the
    # figures it was worked out from are sure: read alike by both passes (where read twice), confident, or
    # confirmed by their own column ('0.01' beside a base read '194.13' once and '194.18' once is not)
    vouched = {f for f in MONEY if f in present and _column_vouches(used, totals, present, f, carried)}
    for d in drafts:
        rels = d.sums(present)
        for f in d.derived:
            if d.values.get(f) is not None and not any(
                ok and f in names and all(_sure(d, n, vouched) for n in names if n != f) for ok, names in rels
            ):
                d.review.add(f, UNREADABLE)
    with _recorded(drafts, TOTAL_FIX):
        check_totals(used, totals, present, carried)
    _unconfirmed_changes(used, totals, present, carried)
    check_magnitudes(used, present, totals, carried)
    flag_lost_days_column(drafts, present)
    for d in drafts:  # a correction stands only where a sum vouches for it
        for f in d.corrected:
            if f not in d.proven or f in d.review:
                d.review.add(f, CORRECTION)
                d.review.reasons[f] = CORRECTION


def flag_lost_days_column(drafts: list[RowDraft], present: list[str]) -> None:
    """No days column found, yet no row's sums hold (every row has a money figure failing its row sum): the
    columns were most likely placed one off, a days column among them lost (E dev 507 --hard all p3: the
    days 23 of every row vanished and every money figure sat one column over). The days the sheet may have
    go to review on every row instead of going out as "not on the sheet" without a word."""
    if "days_worked" in present or len(drafts) < 2:
        return
    if all(any(d.review.reasons.get(f) == ROW_SUM for f in MONEY) for d in drafts):
        for d in drafts:
            d.review.add("days_worked", UNREADABLE)


def flag_blank_money(drafts: list[RowDraft], present: list[str]) -> None:
    """A money figure of a column the sheet has, left blank after every check and fill (no sum of its row
    could fill it, or a later step lifted the doubt from it), is unreadable: a person reads it, it does not
    go out as "nothing paid" without a word. One in review for a doubt a later proof may answer (the page not
    shown read in place) is unreadable too: that doubt answered, it stays (AN dev 32001 p2: a sheet without ЕГН,
    every blank additional pay out unflagged once its page was shown read in place)."""
    for d in drafts:
        for f in MONEY:
            if f in present and d.values.get(f) is None:
                d.values[f] = None
                d.review.add(f, UNREADABLE)


def _parts_sum(d: RowDraft) -> Decimal | None:
    if not d.parts or any(p is None for p in d.parts):
        return None
    return sum((p for p in d.parts if p is not None), Decimal(0))


def _items_sum(d: RowDraft) -> Decimal | None:
    if not d.items or any(p is None for p in d.items):
        return None
    return sum((p for p in d.items if p is not None), Decimal(0))


def _parts_confirm(d: RowDraft, f: str) -> bool:
    """The row's deductions figure is what its itemised parts, read apart, add up to: no column's total moves
    it (T dev 12025 p2: `328.64` = 221.64 + 107.00 moved to 1328.64 to close a column another row's lost `1`
    had put off, out unflagged); so is its additional pay what its items add up to (a wide sheet's, family V),
    not nought."""
    if f == "extra_pay":
        return bool(p := _items_sum(d)) and p == d.dec(f)
    return f == "deductions" and (p := _parts_sum(d)) is not None and p == d.dec(f)


def _extra_from_items(d: RowDraft) -> None:
    """The additional pay's items and the row's gross less its base both say what the additional pay is,
    and the figure as read says otherwise (a wide sheet's, family V): mended as ``_deductions_from_parts``
    mends the deductions, only by one slip of reading (or a lost first digit) and not over a figure both
    models read alike."""
    p, b, g = _items_sum(d), d.dec("base_pay"), d.dec("gross_pay")
    if not p or b is None or g is None or g - b != p:
        return
    _mend_total(d, "extra_pay", p)


def _deductions_from_parts(d: RowDraft) -> None:
    """The itemised deductions and the row's net pay both say what the deductions total is, and the total
    as read says otherwise: two checks that do not depend on each other agree ('35.85' read for 34.85,
    23.58 + 8.65 + 2.62 and 262.03 - 227.18)."""
    p, g, n = _parts_sum(d), d.dec("gross_pay"), d.dec("net_pay")
    if p is None or g is None or n is None or g - n != p:
        return
    # not over a total both models read alike where the parts depart from it (I dev 906 p6: `60.84` read so
    # twice, the parts and the net
    # misread to meet at 60.85), nor over one more than a slip away: then the parts and the net pay were
    # misread to meet (I dev 906 p1: a part `19.36` read `19.66` and a gross `161.11` read `161.41`, both
    # 31.08, over the `20.78` read for 30.78)
    # a first digit lost with the zero after it (T dev 12025 p2: `99.25` for 1099.25 = 739.50 + 359.75, the
    # net read right then mended to fit the `99.25`) is one slip too
    _mend_total(d, "deductions", p)


def _mend_total(d: RowDraft, f: str, p: Decimal) -> None:
    """Field ``f`` (a total) mended to ``p``, what its parts and the row's other sum agree on, where nothing
    was read there or the figure read is one slip of reading (or a lost first digit) from ``p`` and not what
    both models read alike."""
    e = d.dec(f)
    if e == p:
        return
    if e is None or (
        (_one_edit(fmt(e), fmt(p)) or _lead_lost(fmt(e), fmt(p))) and not read_as_first_at_slip(d, f, fmt(p))
    ):
        d.mend(f, fmt(p))
        d.alts.pop(f, None)


def _sure(d: RowDraft, f: str, vouched: set[str]) -> bool:
    """A figure of the row no doubt hangs over: its column confirms it, or it was read (not filled in),
    confidently, and no other reading of it differs."""
    if f in vouched:
        return True
    other = any(a is not None and Decimal(str(a)) != d.dec(f) for a in d.alts.get(f, []))
    return f not in d.derived and f not in d.corrected and not other and d.conf.get(f, 0.0) >= CONF_FLOOR


@contextmanager
def _recorded(drafts: list[RowDraft], reason: str) -> Iterator[None]:
    """Note on each row the money figures the step in the ``with`` block changes, with its reason."""
    before = [{f: d.values.get(f) for f in MONEY} for d in drafts]
    yield
    for d, old in zip(drafts, before, strict=True):
        for f in MONEY:
            if d.values.get(f) != old[f]:
                d.changed.setdefault(f, (reason, old[f]))


def _page_agrees(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> bool:
    """Every money column with a total has all its figures read and adds up to it (the printed total, or
    what the other totals give where the printed one breaks their sums)."""
    for f in MONEY:
        if f not in present or not (targets := _column_targets(totals, present, f, rows)):
            continue
        if _column_sum(rows, f, carried) not in targets:
            return False
    return True


def _row_confirms(r: RowDraft, f: str, present: list[str]) -> bool:
    """Every sum of the row holds, and one of them ties ``f`` (without additional pay on the sheet the base
    is tied to the gross by equality)."""
    v = r.money(present)
    rels = _relations(v)
    if "extra_pay" not in present and v.get("base_pay") is not None and v.get("gross_pay") is not None:
        rels.append((v["base_pay"] == v["gross_pay"], ("base_pay", "gross_pay")))
    return all(ok for ok, _ in rels) and any(f in names for _, names in rels)


def _unconfirmed_changes(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> None:
    """A figure a fill or reconciliation step changed stands without a flag only when, afterwards, its row's
    sums hold, its column adds up and so does every other column of the page: two misread rows can
    mirror each other, and a change that closes one column while another stays open proves nothing. Else
    it goes to a person with the step that changed it, and so do the figures of its row's broken sum."""
    for r in rows:
        for f, (_reason, old) in list(r.changed.items()):
            if r.values.get(f) == old:
                del r.changed[f]
    agrees = _page_agrees(rows, totals, present, carried)
    mirrored = _changes_mirrored(rows, totals, present, carried)
    shared = _filled_beside_moved(rows)
    doubted = False
    for i, r in enumerate(rows):
        moved_beside_filled = bool(shared & set(r.changed))  # the row's whole move (its sums' figures moved with it)
        for f, (reason, _old) in list(r.changed.items()):
            if agrees and _row_confirms(r, f, present) and i not in mirrored and not moved_beside_filled:
                continue
            r.review.add(f, reason)
            r.review.reasons[f] = reason  # the screen must say the figure shown is not the one read
            doubted = True
        for f in r.derived & shared:
            if r.values.get(f) is not None and f not in r.changed:
                r.review.add(f, UNREADABLE)
                doubted = True
        for f in mirrored.get(i, set()) - set(r.changed):  # the figure the other choice would have moved
            r.review.add(f, ROW_SUM)
            doubted = True
    if not doubted:
        return
    # a column that adds up through such a figure vouches for none of its others, and a sum that involves
    # a doubtful figure vouches for none of the others (as in check_totals, now with these figures)
    vouched = {f for f in MONEY if f in present and _column_vouches(rows, totals, present, f, carried)}
    for r in rows:
        for _ok, names in r.sums(present):
            if any(n in r.review for n in names):
                r.review.update((n for n in names if n not in vouched), reason=ROW_SUM)


def _filled_beside_moved(rows: list[RowDraft]) -> set[str]:
    """The columns where one row's figure read surely was moved from its reading for the columns and another
    row's was filled in from its own sums: the column's total holds the two together, not either of them (R dev 10032
    p8: a net read `86.22` for 86.42, the deductions beside it unread and filled in `10.12` from it; the
    deductions column then 0.20 over, a right `18.68` moved to `18.48` on another row and its net with it,
    every sum and column holding, four figures wrong and out unflagged)."""
    out: set[str] = set()
    for i, r in enumerate(rows):
        for f, (_reason, old) in r.changed.items():
            if _read_surely(r, f, old) and any(f in o.derived and f not in o.changed for j, o in enumerate(rows) if j != i):
                out.add(f)
    return out


def _read_surely(r: RowDraft, f: str, old: object) -> bool:
    """The figure as read (``old``, before a check moved it) was read confidently and alike by every pass: a
    move of it is no mending of a doubtful reading (D dev's `d-one-figure-flagged-whole-columns`: the figures
    moved beside the ones filled in read unsure or otherwise by the other pass, every move right)."""
    if old is None or r.conf.get(f, 0.0) < CONF_FLOOR:
        return False
    return all(a is None or Decimal(str(a)) == Decimal(str(old)) for a in r.alts.get(f, []))


def _changes_mirrored(
    rows: list[RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> dict[int, set[str]]:
    """Two rows or more changed for the columns, and another choice of which figure each of them misread
    closes every column and every row's sums as well: the columns cannot tell the two apart (T dev 12021
    p6: a base `55.82` for 155.82 and an additional `3.50` for 103.50 in two rows; the other figure of each
    row moved by 100 instead, every sum and column then holding, two wrong figures out unflagged). The rows
    (their index) the choices differ on, with the figures that differ; none where one choice alone closes."""
    moved = [i for i, r in enumerate(rows) if r.changed]
    if len(moved) < 2:
        return {}
    fields = [f for f in MONEY if f in present]
    targets = {f: t for f in fields if (t := _column_targets(totals, present, f, rows))}
    if not targets:
        return {}
    choices: list[list[dict[str, Decimal | None]]] = []
    for i in moved:
        r = rows[i]
        now = {f: r.dec(f) for f in fields}
        read = {**now, **{f: (Decimal(str(old)) if old is not None else None) for f, (_, old) in r.changed.items()
                          if f in now}}  # fmt: skip
        alts = [now]
        for f in fields:
            for c in _candidates(f, read, present):
                h = {**read, f: c}
                rels = _relations({k: h.get(k) for k in MONEY})
                if rels and all(ok for ok, _ in rels) and h not in alts:
                    alts.append(h)
        choices.append(alts)
    if prod(len(c) for c in choices) > 512:
        return {}
    rest = {f: Decimal((carried or {}).get(f, "0")) + sum((r.dec(f) or Decimal(0)) for r in rows if not r.changed)
            for f in targets}  # fmt: skip
    closing = [combo for combo in product(*choices)
               if all(v.get(f) is not None for v in combo for f in targets)
               and all(rest[f] + sum(v[f] or Decimal(0) for v in combo) in targets[f] for f in targets)]  # fmt: skip
    if len(closing) < 2:
        return {}
    out: dict[int, set[str]] = {}
    for k, i in enumerate(moved):
        differ = {f for f in fields if len({c[k].get(f) for c in closing}) > 1}
        if differ:
            out[i] = differ
    return out


def forget_verdicts(drafts: list[RowDraft]) -> None:
    """Before the checks run again with the second readings: no field doubted or vouched for yet, except a
    figure nobody read that the row's sums filled in: it stays unreadable until its column's total confirms
    it (check_totals). Read as a figure the second time, it held its own row's sum by construction and went
    out unflagged with the misread figure it was computed from (`155.09` = 277.37 - `122.28` for 220.51)."""
    for d in drafts:
        d.review.clear()
        d.proven.clear()
        d.ink_fit.clear()
        d.review.update(_unproven_fill(d), reason=UNREADABLE)


def back_to_readings(drafts: list[RowDraft]) -> None:
    """Before the second readings join the first: every figure a check of its row changed is what was read
    again (unless a later step moved it since), so that the checks make the change again, or refuse it,
    on both readings (``RowDraft.as_read``)."""
    for d in drafts:
        for f, (read, changed) in d.as_read.items():
            if d.values.get(f) == changed:
                d.values[f] = read
        d.as_read.clear()


def _unproven_fill(d: RowDraft) -> set[str]:
    """The row's figures nobody read that only sums made up: those filled in from the column totals alone,
    and those from the row's sums other than a zero (a dash beside a base and a gross read alike: two
    readings that agree, not one figure's reading made to fit)."""
    return d.unconfirmed | {f for f in d.derived if d.dec(f) != 0}


def choose_totals(
    first: dict[str, str],
    second: dict[str, str],
    drafts: list[RowDraft],
    present: list[str],
    carried: dict[str, str],
) -> dict[str, str]:
    """Of the two readings of each printed total, the one the column adds up to; else the one that keeps
    the totals' own sums (gross = base + extra, net = gross - deductions); else the first."""
    fields = sorted(set(first) | set(second))
    options = {
        f: list(dict.fromkeys(x for x in (first.get(f), second.get(f)) if x is not None)) for f in fields
    }
    chosen: dict[str, str] = {}
    for f in fields:
        vals = [d.dec(f) for d in drafts]
        col = sum(v for v in vals if v is not None) if all(v is not None for v in vals) else None
        if col is not None and f in carried:
            col += Decimal(carried[f])
        match = [o for o in options[f] if col is not None and Decimal(o) == col]
        if match:
            chosen[f] = match[0]
    rest = [f for f in fields if f not in chosen]
    for combo in product(*[options[f] for f in rest]):
        trial = {**chosen, **dict(zip(rest, combo, strict=True))}
        if totals_consistent(trial, present):
            return trial
    return {**chosen, **{f: options[f][0] for f in rest}}


def _named_two_words(d: RowDraft) -> bool:
    name = str(d.values.get("name") or "")
    return sum(len(w) >= 2 for w in name.split()) >= 2


def _unused_line(d: RowDraft) -> bool:
    """A line of the form nobody filled: no name of two words, no ЕГН, no printed number read, no days and no
    figure but a zero (the stroke of a `Z` drawn across the unused lines so that nothing could be added, read
    as a dash in a money cell: 0.00; a piece of it read as a letter or two in the name's cell)."""
    if _named_two_words(d) or d.values.get("egn") or isinstance(d.values.get("row"), int) or d.values.get("days_worked"):
        return False
    figures = [d.dec(f) for f in MONEY]
    # (a zero in every column, or most, is a line of figures: a person's zeros, or a correction typed between
    # the rows and split off, the rows below shifted; tests/test_review_vouched.py)
    return all(x in (None, Decimal(0)) for x in figures) and sum(x is not None for x in figures) <= UNUSED_ZEROS


# the most zeros (dashes) a line nobody filled may read as: a stroke of the `Z` across a cell or two
UNUSED_ZEROS = 2


def unused_tail(drafts: list[RowDraft]) -> int:
    """How many lines at the table's foot, after its last person, are lines of the form nobody filled
    (``_unused_line``; T dev 12014 p1: four ruled lines struck through with a `Z` read as four rows with no
    person, the rows' proof failed, nine rows read right sent to review whole). Only the foot: a line with
    nothing read between two people may be a person's row a stamp or a blot left unreadable."""
    n = 0
    for d in reversed(drafts):
        if not _unused_line(d):
            break
        n += 1
    return n if n < len(drafts) else 0


def filled(drafts: list[RowDraft]) -> list[RowDraft]:
    """The rows of the page but the form's lines nobody filled at its foot (``unused_tail``): what a column's
    figures, a share of the rows, or a column adding up to its total is counted over (an unfilled line
    holds no figure to add, and no row to count: T dev 12004 p2, six people and six struck lines, every
    column "unread" for the lines' blanks and in doubt for their `unreadable` flags)."""
    return drafts[: len(drafts) - unused_tail(drafts)]


def guard_page(
    drafts: list[RowDraft],
    kinds: list[str | None],
    texts: list[list[str]],
    totals: dict[str, str] | None = None,
    carried: dict[str, str] | None = None,
    headings: list[str] | None = None,
) -> None:
    """Page-level doubts a person must see. A column of figures that could not be placed means a money
    field of every row may be missing (not one whose heading names it no pay: a foreign currency's allowance,
    a day's rate, ``outside_columns.named_not_pay``); a page where most ЕГН fail their check digit was not read
    (wrong orientation, two sheets, a stranger's layout): every field goes to review, unless the ЕГН
    say the page was read in place (``egn_guard.read_in_place``)."""
    present = {k for k in kinds if k}
    # every payroll sheet names its people, pays gross, deducts and pays out net: a missing one was not
    # found, not absent
    for f in ("name", "gross_pay", "deductions", "net_pay"):
        if f not in present:
            for d in drafts:
                d.values.setdefault(f, None)
                d.review.add(f, UNREADABLE)
    # no additional-pay column found, yet the row's gross is not its base pay: that row has additional pay
    # in a column that was missed. Where that column stands unplaced between the base and the gross pay
    # (its figures under a stamp, blank where nothing was paid), a row whose gross is its proven base pay
    # was paid no additional pay: 0.00, as gross = base + additional says
    if {"base_pay", "gross_pay"} <= present and "extra_pay" not in present:
        b_c, g_c = kinds.index("base_pay"), kinds.index("gross_pay")
        unplaced = any(kinds[c] is None for c in range(min(b_c, g_c) + 1, max(b_c, g_c)))
        for d in drafts:
            b, g = d.dec("base_pay"), d.dec("gross_pay")
            if b is not None and g is not None and b != g:  # what the sum says, in review (nobody read it)
                d.values["extra_pay"] = fmt(g - b) if g > b else None
                d.review.add("extra_pay", UNREADABLE)
            elif unplaced and b is not None and b == g and "base_pay" in d.proven and "gross_pay" not in d.review:
                d.values["extra_pay"] = "0.00"
    from .outside_columns import named_not_pay  # (it asks this module: imported late)

    for c, kind in enumerate(kinds):
        if kind is not None or (headings is not None and c < len(headings) and named_not_pay(headings[c])):
            continue
        col = [row[c] for row in texts]
        if sum(len(digits(t)) >= 3 for t in col) >= max(1, len(col) // 2):
            for d in drafts:
                for f in MONEY:
                    if f not in present:
                        d.values.setdefault(f, None)
                        d.review.add(f, UNREADABLE)
    if drafts and "egn" in present:
        valid = sum(
            1
            for d in drafts
            if isinstance(d.values.get("egn"), str) and egn_mod.is_valid(str(d.values["egn"]))
        )
        # (unless the ЕГН fail on a page read in place: under a stamp, or misread by a face, ocr/egn_guard.py)
        lines = len(drafts) - unused_tail(drafts)  # the form's lines nobody filled have no ЕГН to fail
        if valid < 0.5 * lines and not egn_guard.read_in_place(drafts, totals, kinds, carried):
            for d in drafts:
                for k in [k for k in d.values if k in PayrollRow.model_fields and k != "row"]:
                    d.review.add_as(k, PAGE_PLAUSIBILITY, PAGE_NOT_PROVED_IN_PLACE)
    elif drafts and "egn" not in present:
        for d in drafts:
            for k in [k for k in d.values if k in PayrollRow.model_fields and k != "row"]:
                d.review.add_as(k, PAGE_PLAUSIBILITY, PAGE_NOT_PROVED_IN_PLACE)
            d.values.setdefault("egn", None)
            d.review.add("egn", UNREADABLE)


def order_offsets(read: list[int | None]) -> Counter[int]:
    """How many of the printed numbers read (``None`` where unread) agree with each offset from their row's
    place (number minus place: the numbers rise one by one with the rows)."""
    return Counter(v - i for i, v in enumerate(read) if v is not None)


def _lost_lead(v: int, want: int) -> bool:
    """``v`` is ``want`` with its leading digit(s) unread (`2` for 22, `14` for 114)."""
    return v != want and want >= 10 and len(str(v)) < len(str(want)) and str(want).endswith(str(v))


def number_rows(drafts: list[RowDraft]) -> None:
    """The printed row numbers, read and cross-checked with the order of the rows. A number is taken as
    printed where it agrees with a neighbour's (both read, one apart) or with the sequence most readings
    agree with; a number nobody could read is filled in between two such anchors when the gap fits (the
    sequence makes it certain), and beyond the first or last anchor as an inference, flagged.
    Where the printed numbers and the rows found disagree (a row lost or split, a number misread) the
    row number goes to review: a certificate must never cite the wrong line of the sheet."""
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in drafts]
    offsets = order_offsets(read)
    if not offsets:
        for d in drafts:
            d.values.pop("row", None)
        return
    off = max(offsets, key=lambda k: offsets[k])
    # a number read as the last digit(s) of the one its place gives, its first digit lost (a dot-matrix `2` of
    # `22` too faint: AK dev 29005 p1, rows 22-28 read `2` to `8`): no anchor of its own — they agree with each
    # other, and would have numbered seven rows 2-8 — but no contradiction either: the place gives its number
    read = [None if v is not None and _lost_lead(v, i + off) else v for i, v in enumerate(read)]
    anchors: dict[int, int] = {}
    for i, v in enumerate(read):
        if v is None:
            continue
        near = any(0 <= j < len(read) and (w := read[j]) is not None and w - v == j - i for j in (i - 1, i + 1))
        if near or v - i == off:
            anchors[i] = v
    keys = sorted(anchors)
    for i, d in enumerate(drafts):
        if i in anchors:
            d.values["row"] = anchors[i]
            continue
        above = max((k for k in keys if k < i), default=None)
        below = min((k for k in keys if k > i), default=None)
        guess = anchors[above] + (i - above) if above is not None else (
            anchors[below] - (below - i) if below is not None else i + off)  # fmt: skip
        fits = (above is None or below is None
                or anchors[below] - anchors[above] == below - above)  # fmt: skip
        d.values["row"] = guess
        if not fits or (read[i] is not None and read[i] != guess):
            d.review.add("row", ROW_NUMBER)
        elif read[i] is None and (above is None or below is None):
            # between two read numbers that fit, an unread one is certain; beyond the last read number
            # (a stamp over the first or last rows) only the order says it: an inference, flagged
            d.review.add("row", UNREADABLE)
    for a, b in zip(keys, keys[1:], strict=False):  # a jump between anchors: a row lost or two merged
        if anchors[b] - anchors[a] != b - a or anchors[b] <= anchors[a]:
            for i in (a, b):
                drafts[i].review.add("row", ROW_NUMBER)
