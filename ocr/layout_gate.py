"""A page whose table layout the page itself does not prove goes to review whole (issue 9: a new family of
sheets is read badly at first and, worse, wrongly without a flag: held-out family L 29 % of its fields
wrong and unflagged, most people's rows cited under another person's printed line).

Each reading is held against what the page itself gives, three proofs:

- rows: each row one band with its own person, a name and an ЕГН that passes its check digit (or, where
  the ЕГН could not be read and is in review, the printed number the run of numbers proves), no two rows
  sharing an ЕГН but one person's two rows (``one_person_egns``: names alike, figures not), no row of figures
  without a person and out of review (a person's second typed line read as a row);
- numbers: where the page has a `№` column, most rows' numbers were read, and the numbers the page gives
  (read, mended by the order, lost rows restored: ``rownumbers``, ``lost_rows``) run 1, 2, 3 ... with the
  rows, no number skipped that no lost row explains;
- columns: each money or days column found is placed by its heading or confirmed by the `Всичко` row (the
  column as read adds up to its total), and the row sums (gross = base + extra, net = gross - deductions)
  hold on most rows where the columns allow one.

One line of figures with no person, on a page whose rows otherwise carry their people, is a doubt of that
line and its neighbours only (``review_orphan``: their figures to review as ``FIGURES_LINE``).

Where a proof fails beyond its share (measured on the development families, see the constants), nothing
read on the page is cited without a person: every scored field of every row goes to review as
``LAYOUT_UNPROVED`` and the page with a ``PageReview`` naming the proofs that failed (where only the
columns' proof fails, the names and printed numbers, which no column's place changes, stay out of review, and so
does the money of a row its own sums prove, ``proved_by_sums``).
The figures stay as read (the clerk checks each row against the image); the printed row numbers are dropped
where they do not run with the rows (the rows keep their order).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz.distance.Levenshtein import distance as levenshtein

from archive_core import egn as egn_mod
from archive_core.records import SCORED_FIELDS, PageReview

from . import checks, columns, pay_items, plausibility
from .batch_agreement import MAX_NAME_LETTERS

FIGURES = ("days_worked", *checks.MONEY)
# a proof fails when fewer than these shares of its items hold (chosen by measurement on dev pages)
ROWS_PROVED = 0.75  # rows with their own person (a name, a valid ЕГН of their own)
NUMBERS_READ = 0.5  # printed numbers read, of the rows (fewer: the numbers are the order's guess)
COLUMNS_PROVED = 1.0  # the page's figure columns placed by heading or total
SUMS_PROVED = 0.6  # rows whose checkable sums hold, of the rows with one
# ... where every figure column is placed by its heading or its total: the sums broken on the other rows are
# misread figures, each row's in review by its own sums (S dev 11013, 11014: a book's zeros read 6 or 8 on half
# the rows, every column placed, the page in review whole)
SUMS_PROVED_PLACED = 1 / 3
MIN_ROWS = 2  # fewer rows than this prove nothing either way


@dataclass
class Proof:
    """What the page proves of its layout: counts, each of the items a proof looks at and how many hold."""

    rows: int = 0  # rows with anything read (not a lost row restored empty)
    persons: int = 0  # rows with a name and a valid ЕГН no other row has
    orphans: int = 0  # rows with figures and no name, no ЕГН, no number: a line of another row
    egn_column: bool = False
    numbered: bool = False  # the page has a `№` column
    numbers_read: int = 0  # rows whose printed number was read
    numbers: int = 0  # rows that give a number (read or mended) ...
    breaks: int = 0  # ... and neighbouring numbered rows whose numbers do not step by one
    columns: list[str] = field(default_factory=list)  # figure columns found
    placed: list[str] = field(default_factory=list)  # ... placed by heading or total
    sum_rows: int = 0  # rows with a checkable sum
    sum_rows_ok: int = 0  # ... all of whose sums hold
    summed: list[str] = field(default_factory=list)  # money columns a row sum ties to others


def _named(d: checks.RowDraft) -> bool:
    name = str(d.values.get("name") or "")
    return sum(len(w) >= 2 for w in name.split()) >= 2


def _figures(d: checks.RowDraft) -> int:
    return sum(d.values.get(f) is not None for f in FIGURES)


def _orphan(d: checks.RowDraft) -> bool:
    """A line of figures with no person beside it (no name, no ЕГН, no number) and out of review: they
    belong to a row they are not cited under (a person's second typed line read as a row)."""
    loose = [f for f in FIGURES if d.values.get(f) is not None and f not in d.review]
    return bool(loose) and not d.values.get("name") and not d.values.get("egn") and not isinstance(d.values.get("row"), int)


# the same person on this many rows at most of one sheet: a main post and an additional contract (AF dev 24001 p7,
# 24002 p1-p7: a school's teacher on two rows, the same ЕГН and name, each row its own post, base and deductions;
# the rows proof failed on them alone and every field of the page went to review, 96 of 97 right)
ONE_PERSON_ROWS = 2


def one_person_egns(drafts: list[checks.RowDraft]) -> set[str]:
    """The valid ЕГН that two rows share as one person's lines: both rows named, their names alike (case-folded,
    ``MAX_NAME_LETTERS`` apart at most, as ``batch_agreement`` takes a person's readings across pages), their
    figures not the same (not one line read twice). Two people whose ЕГН were misread alike would need their
    names alike too; a neighbour's ЕГН read into a row comes with the neighbour's name only if the whole line
    was read twice, whose figures are the same."""
    rows: dict[str, list[checks.RowDraft]] = {}
    for d in drafts:
        if d.values.get("egn"):
            rows.setdefault(str(d.values["egn"]), []).append(d)
    out = set()
    for egn, group in rows.items():
        if not 2 <= len(group) <= ONE_PERSON_ROWS or not egn_mod.is_valid(egn) or not all(_named(d) for d in group):
            continue
        names = [str(d.values["name"]).casefold() for d in group]
        figures = [tuple(d.values.get(f) for f in FIGURES) for d in group]
        if all(levenshtein(names[0], n) <= MAX_NAME_LETTERS for n in names[1:]) and len(set(figures)) == len(figures):
            out.add(egn)
    return out


def lone_orphan(p: Proof) -> bool:
    """One line of figures with no person on a page whose rows otherwise carry their people: a local doubt
    (``review_orphan``), not the whole page's."""
    return p.orphans == 1 and p.persons >= ROWS_PROVED * p.rows


def _full_month(drafts: list[checks.RowDraft], k: str, year: int | None, month: int | None) -> bool:
    """A days column most of whose rows carry one figure a month's days can be: the full month most work;
    or, where part-month workers make that figure fewer than half the rows, a column of days (none above 31)
    whose commonest figure, on two rows or more, is the month's working days by the calendar (a misread
    header's month places nothing)."""
    if k != "days_worked":
        return False
    read = [v for d in drafts if isinstance(v := d.values.get(k), int)]
    days = Counter(v for v in read if 0 < v <= 31)
    if not days:
        return False
    value, count = days.most_common(1)[0]
    filled = [d for d in drafts if any(d.values.get(f) is not None for f in FIGURES)]  # not the unfilled lines
    if count >= 0.5 * len(filled):
        return True
    return (year is not None and month is not None and count >= 2 and max(read) <= 31
            and value == plausibility.working_days(year, month))  # fmt: skip


def prove(
    drafts: list[checks.RowDraft],
    kinds: list[str | None],
    headings: list[str],
    totals: dict[str, str],
    carried: dict[str, str] | None,
    read: list[int | None],
    year: int | None = None,
    month: int | None = None,
) -> Proof:
    """The page's proof of its rows, numbers and columns, after ``lost_rows.restore_lost`` (a restored row,
    empty, counts for the numbers only). ``read``: the row numbers as read, before ``rownumbers.number_rows``
    (``lost_rows.read_numbers``)."""
    used = drafts[: len(drafts) - checks.unused_tail(drafts)]  # the form's unfilled lines at its foot are no rows
    bands = [d for d in used if any(v is not None for f, v in d.values.items() if f != "row")]
    p = Proof(rows=len(bands), egn_column="egn" in kinds or any(d.values.get("egn") for d in drafts))
    egns = Counter(str(d.values["egn"]) for d in drafts if d.values.get("egn"))
    one_person = one_person_egns(drafts)  # the same person's two rows (two posts): each row that person's
    p.numbered = "row" in kinds or sum(n is not None for n in read) >= 2
    p.numbers_read = sum(n is not None for n in read)
    given = [v for d in drafts if isinstance(v := d.values.get("row"), int)]
    p.numbers = len(given)
    p.breaks = sum(b != a + 1 for a, b in zip(given, given[1:], strict=False))
    numbers_run = p.numbered and not p.breaks and p.numbers_read >= NUMBERS_READ * p.rows
    for d in bands:
        egn = str(d.values.get("egn") or "")
        own = bool(egn) and egn_mod.is_valid(egn) and (egns[egn] == 1 or egn in one_person)
        # an ЕГН not read (in review for it) beside a name, on the printed line the run of numbers gives the
        # band (its number read, not the order's guess): the band is that line's person, whose ЕГН a person
        # reads; an ЕГН another row has is no one's
        # (its name likewise: a name in review beside it, a person reads it)
        proved = _named(d) and (own or not p.egn_column)
        doubted = (_named(d) or "name" in d.review) and (own or not p.egn_column or ("egn" in d.review and egns[egn] <= 1))
        on_its_line = numbers_run and isinstance(d.values.get("row"), int) and "row" not in d.review  # read, fits
        p.persons += proved or (on_its_line and doubted)
        p.orphans += _orphan(d)
    present = [k for k in kinds if k]
    if pay_items.items_only(kinds):  # the additional pay its items' sum (``sheet.drafts``): base + items = gross
        present.append("extra_pay")
    for d in drafts:
        sums = d.sums(present)
        if sums:
            p.sum_rows += 1
            p.sum_rows_ok += all(ok for ok, _ in sums)
    p.summed = sorted({f for ok, names in checks.row_relations({f: Decimal(1) for f in checks.MONEY if f in present})
                       for f in names})  # fmt: skip
    for c, k in enumerate(kinds):
        if k not in FIGURES or k in p.columns:
            continue
        p.columns.append(k)
        votes = columns.heading_votes(headings[c]) if c < len(headings) else {}
        headed = bool(votes) and votes.get(k, 0) == max(votes.values())
        if (headed or (k in checks.MONEY and checks._adds_up(used, totals, k, carried)) or _full_month(drafts, k, year, month)
                or _by_items(used, k)):
            p.placed.append(k)
    p.placed += by_partners(drafts, p.columns, p.placed)
    return p


def _by_items(drafts: list[checks.RowDraft], k: str) -> bool:
    """The additional pay or the deductions whose figures are what their items, read apart in columns of their
    own, add up to (``checks._parts_confirm``), on ``PARTNER_ROWS`` rows at least and on most rows with a
    figure (a wide sheet's, family V: `Сума доплащ.` before its items, its heading misread): a column of
    another field's figures adds up to no row's items."""
    rows = [d for d in drafts if d.values.get(k) is not None]
    held = sum(checks._parts_confirm(d, k) and k not in d.derived for d in rows)
    return held >= PARTNER_ROWS and 2 * held > len(rows)


# money columns no heading or total places, placed by a row sum that holds, read as it stands, on this many rows
# at least and on this share of the rows it can be checked on, one of its two interchangeable figures placed
PARTNER_ROWS = 3
PARTNER_SHARE = SUMS_PROVED_PLACED
# each row sum and its two figures that may change places without breaking it (base + extra = gross;
# gross - deductions = net and gross - net = deductions)
SUMS = ((("base_pay", "extra_pay", "gross_pay"), ("base_pay", "extra_pay")),
        (("gross_pay", "deductions", "net_pay"), ("deductions", "net_pay")))  # fmt: skip


def by_partners(drafts: list[checks.RowDraft], found: list[str], placed: list[str]) -> list[str]:
    """The money columns of ``found`` not in ``placed`` that a row sum places (T dev 12004, 12014: a printed
    form's small coloured headings read `Остаато пъ`, `Везчти зереботино`, the totals partly misread; the
    additional pay and the net pay placed by their headings). A sum of three columns that holds to the
    stotinka on several rows, each figure as read (none filled in from the sums or changed by a check), ties
    those three columns to its three places but for its two interchangeable figures (base and additional
    pay; deductions and net pay): where one of those two is placed by its heading or total, so are the other
    two. A column shifted, another column's figures or a form's empty column holds no such sum."""
    out: list[str] = []
    for names, pair in SUMS:
        if not all(n in found for n in names) or not any(n in placed or n in out for n in pair):
            continue
        if all(n in placed or n in out for n in names):
            continue
        checked = held = 0
        for d in drafts:
            vals = [d.dec(n) for n in names]
            if any(v is None for v in vals) or any(n in d.derived or n in d.changed or n in d.unconfirmed for n in names):
                continue
            a, b, c = (v for v in vals if v is not None)
            checked += 1
            held += (a + b == c) if names[0] == "base_pay" else (a - b == c)
        if held >= PARTNER_ROWS and held >= PARTNER_SHARE * checked:
            out += [n for n in names if n not in placed and n not in out]
    return out


def failures(p: Proof) -> list[str]:
    """The proofs the page fails: ``rows``, ``numbers``, ``columns`` (none: the layout is proved)."""
    if not p.rows:
        return []
    out = []
    if p.persons < ROWS_PROVED * p.rows or (p.orphans > 0 and not lone_orphan(p)):
        out.append("rows")
    if p.numbered and p.rows >= MIN_ROWS and (
        p.numbers_read < NUMBERS_READ * p.rows or p.numbers < NUMBERS_READ * p.rows or p.breaks > 0
    ):  # fmt: skip
        out.append("numbers")
    if len(p.columns) - len(unplaced(p)) < COLUMNS_PROVED * len(p.columns) or not (sums_hold(p) or placed_sums_hold(p)):
        out.append("columns")
    return out


def sums_hold(p: Proof) -> bool:
    """The row sums hold on most rows that have one (or no row has one)."""
    return not p.sum_rows or p.sum_rows_ok >= SUMS_PROVED * p.sum_rows


def placed_sums_hold(p: Proof) -> bool:
    """Every figure column placed by its own heading or total (not by the sums), and the row sums holding on
    a third of the rows that have one, two at least: the columns are where the sheet says, and a row whose
    sums break has its figures in review by them (``checks``), not the whole page for it."""
    return (bool(p.columns) and all(k in p.placed for k in p.columns) and p.sum_rows_ok >= 2
            and p.sum_rows_ok >= SUMS_PROVED_PLACED * p.sum_rows)  # fmt: skip


def unplaced(p: Proof) -> list[str]:
    """The figure columns no heading, total or row sum (holding on most rows) places."""
    summed = p.sum_rows > 0 and sums_hold(p)
    return [k for k in p.columns if k not in p.placed and not (summed and k in p.summed)]


WHAT = {
    "rows": "редовете не носят всеки свое лице (име и валиден ЕГН, различен от другите)",
    "numbers": "номерата по ред не вървят 1, 2, 3 … с редовете",
    "columns": "колоните не са потвърдени от заглавие или от реда „Всичко“ (или сумите на редовете не излизат)",
}


def failed_proofs(detail: str) -> list[str]:
    """The proofs a ``LAYOUT_UNPROVED`` page review's detail names (``send_to_review`` writes them first in
    each part, ``rows: ...; numbers: ...``), in order: the verification screen says them in its language."""
    return [k for part in detail.split("; ") if (k := part.split(":", 1)[0].strip()) in WHAT]


# where only the columns are in doubt (the rows carry their own people, the numbers run with them), what
# does not hang on which figure column is which stays out of review: the name and the printed number. The
# ЕГН, a column of digits the figures' columns may be confused with, stays in (K dev 3001/3003/3010: every
# name right, an ЕГН wrong that only the gate flagged)
NOT_COLUMNS = ("name", "row")


def proved_by_sums(d: checks.RowDraft, present: list[str]) -> bool:
    """A row whose money figures its own sums prove: every money column of the page is in a sum of the row
    (gross = base + extra, net = gross - deductions), each sum holds, and none of its figures is in review,
    filled in from the sums or changed by a check from what was read. Its figures are in their columns (two
    columns mistaken for each other, or a figure of a neighbour's row, would break a sum) and read right
    (unless two misreadings cancel to the stotinka)."""
    money = [f for f in checks.MONEY if f in present]
    sums = d.sums(money)
    tied = {f for _ok, names in sums for f in names}
    return (bool(sums) and all(ok for ok, _ in sums) and tied == set(money)
            and not any(f in d.review or f in d.derived or f in d.as_read or f in d.changed or f in d.unconfirmed
                        for f in money))  # fmt: skip


# where only the columns are in doubt, a row its own sums prove (``proved_by_sums``) keeps its money out of
# review (M dev 5003 p2, 5005 p2: every figure of 10 rows right and in review, the rows whose sums break in
# review by their sums as well). Its ЕГН stays in review (NOT_COLUMNS), and so do its days, which no sum
# checks (K fixture k-capitals-family-name-first-no-row-numbers: a row's money proved, its `3` days read `8`)
PROVED_ROW = (*checks.MONEY,)


def send_to_review(
    drafts: list[checks.RowDraft], failed: list[str], present: list[str] | None = None
) -> PageReview:
    """Every scored field of every row (read or not: an empty one may be a neighbour's) and its row number
    in review as ``LAYOUT_UNPROVED``; the page's reason names the failed proofs. Where the printed numbers
    do not run with the rows, they do not go out either (as ``unproved_numbers``): a number cited on a
    certificate would name another person's line of the sheet. Numbers that run 1, 2, 3 ... with the rows
    are kept (they place each band on its printed line even where its person is unproved). Where the
    columns alone are in doubt, the names and numbers (``NOT_COLUMNS``) are not put in review for it."""
    unnumbered = "numbers" in failed
    spared = NOT_COLUMNS if failed == ["columns"] else ()
    for d in drafts:
        if unnumbered:
            d.values.pop("row", None)
        own = PROVED_ROW if spared and present is not None and proved_by_sums(d, present) else ()
        for f in ("row", *SCORED_FIELDS):
            if f not in spared and f not in own:
                d.review.add(f, checks.LAYOUT_UNPROVED)
    return PageReview(
        reason=checks.LAYOUT_UNPROVED,
        detail="; ".join(f"{f}: {WHAT[f]}" for f in failed)
        + (" — сверете числата на всеки ред с изображението" if spared else " — сверете всеки ред с изображението"),
    )


def review_orphan(drafts: list[checks.RowDraft], lines: list[int]) -> None:
    """Lines of figures with no person (``_orphan``, their indices) whose figures may be the row above's or
    below's (E dev 505 p2: row 11's additional pay read alone on a line of its own between rows 10 and 11):
    each line's every field in review, and every figure of the rows beside it, as ``FIGURES_LINE`` (a field
    already in review keeps its reason); the other rows and the names, ЕГН and numbers beside it are as
    read."""
    for i in lines:
        for f in ("row", *SCORED_FIELDS):
            drafts[i].review.add(f, checks.FIGURES_LINE)
        for step in (-1, 1):  # out to the nearest person each way (a lost row restored empty on the way too)
            j = i + step
            while 0 <= j < len(drafts) and j not in lines:
                for f in FIGURES:
                    drafts[j].review.add(f, checks.FIGURES_LINE)
                if drafts[j].values.get("name") or drafts[j].values.get("egn"):
                    break
                j += step


def review_unproved_rows(drafts: list[checks.RowDraft], present: list[str]) -> None:
    """A page whose columns the headings and totals place (``placed_sums_hold``) but whose row sums break on
    most rows: a row its own sums do not prove (``proved_by_sums``) was read badly, its ЕГН and days too may be
    (S dev 11014: an ЕГН misread in two digits and valid by chance beside broken sums); they go to review with
    its figures, as ``ROW_SUM``."""
    for d in drafts:
        if any(d.values.get(f) is not None for f in FIGURES) and not proved_by_sums(d, present):
            for f in ("egn", "days_worked"):
                d.review.add(f, checks.ROW_SUM)


def review_unplaced_extra(drafts: list[checks.RowDraft], kinds: list[str | None]) -> None:
    """A page with a base pay and a gross pay column and no additional pay's, a row of which has a gross that
    is not its base: the difference is an additional pay the page holds in a column no heading or figure
    placed (R dev 10013 p1: `Доплащане` unread, its column left unnamed, once the base was placed by
    `Заработка по наряди`: two rows' additional pay missing and not flagged, one its `0.00`). Every blank
    additional pay of the page to review as a row sum's (``checks.check_money`` sends the base there)."""
    if "base_pay" not in kinds or "gross_pay" not in kinds or "extra_pay" in kinds:
        return
    if not any((b := d.dec("base_pay")) is not None and (g := d.dec("gross_pay")) is not None and b != g for d in drafts):
        return
    for d in drafts:
        if d.values.get("extra_pay") is None and any(d.values.get(f) is not None for f in FIGURES):
            d.review.add("extra_pay", checks.ROW_SUM)


def gate(
    drafts: list[checks.RowDraft],
    kinds: list[str | None],
    headings: list[str],
    totals: dict[str, str],
    carried: dict[str, str] | None,
    read: list[int | None],
    year: int | None = None,
    month: int | None = None,
) -> PageReview | None:
    """The page's review when its layout is not proved (its drafts flagged), else None (nothing changed).
    ``year``, ``month``: the header's period, for the calendar's working days."""
    proof = prove(drafts, kinds, headings, totals, carried, read, year, month)
    failed = failures(proof)
    used = len(drafts) - checks.unused_tail(drafts)
    lines = [i for i, d in enumerate(drafts[:used]) if _orphan(d)] if lone_orphan(proof) else []
    present = [k for k in kinds if k in checks.MONEY]
    review = send_to_review(drafts, failed, present) if failed else None
    if not failed and not sums_hold(proof):  # columns placed by the sheet, most rows' sums broken by misreads
        review_unproved_rows(drafts, present)
    review_orphan(drafts, lines)  # one line of figures with no person: it and its neighbours' figures to review
    review_unplaced_extra(drafts, kinds)  # gross not base, no additional pay's column: it is unplaced
    return review
