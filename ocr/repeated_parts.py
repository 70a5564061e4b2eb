"""A sheet too wide for its paper typed in two parts one under the other, part II the SAME people again: part I
the pay (number, name, ЕГН, days, base, additional pay, gross) with its totals row; part II, under its own
headings, each person again by the same row number in the same order (the name in full or shortened, `И. П.
Георгиев`), perhaps gross again, the itemised deductions, their total, net, the signature, with its own totals row
(AO dev 33001 p16). Read as two sections of different people (``stacked_sections``), part II's rows were appended
as people of their own, their itemised deductions read as base, additional pay and gross (the items add up to
their total as base + extra = gross: nothing doubted them) -- three of sixteen pages' every pay figure silently
wrong. Part II is no one's pay: its line is joined here to part I's line of the same number, and only its
deductions and net are taken, as the pair of its figures that adds up to part I's gross (net = gross -
deductions, two readings of different lines that prove each other). A row whose part II line is missing, whose
number part I lacks, whose name disagrees, or whose figures no pair proves, is doubted (review), never decided."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import permutations

from rapidfuzz import fuzz

from archive_core.records import SCORED_FIELDS, PayrollPage, PayrollRow, ReviewReason

from . import stacked_sections
from .checks import ROW_NUMBER, ROW_SUM, UNREADABLE

MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
TAKEN = ("deductions", "net_pay")  # what part II gives a person's row
NAME_ALIKE = 80  # rapidfuzz ratio: the same name typed twice (or its surname, beside the initials)
SAME_SHARE = 0.6  # of part II's people at the least: on part I's line of its number, by a name alike
MIN_SAME = 2  # part II's people on part I's lines at the least
PROVED_SHARE = 0.5  # of the joined rows with a gross: a pair of part II's figures that adds up to it


@dataclass(frozen=True)
class Pair:
    """Part II's columns (as its reading alone named them) that hold the deductions and net: ``proved`` when they
    add up to part I's gross on most rows."""

    deductions: str
    net: str
    proved: bool


def same_person(full: str | None, again: str | None) -> bool:
    """``again`` (part II's name) is ``full`` (part I's) typed again: alike as a whole, or its last word part I's
    surname and its initials those of part I's first words (`И. П. Георгиев`, `О Ц Златев`)."""
    a, b = (full or "").split(), (again or "").replace(".", " ").split()
    if not a or not b:
        return False
    if fuzz.ratio(" ".join(a), " ".join(b)) >= NAME_ALIKE:
        return True
    if fuzz.ratio(a[-1], b[-1]) < NAME_ALIKE:
        return False
    heads = [w for w in b[:-1] if len(w) <= 2]
    return bool(heads) and all(x[:1] == y[:1] for x, y in zip(heads, a[:-1], strict=False))


def _people(rows: list[PayrollRow]) -> list[PayrollRow]:
    return [r for r in rows if r.name or r.egn]


def repeats_people(upper: list[PayrollRow], lower: list[PayrollRow]) -> bool:
    """Part II (``lower``) is part I's (``upper``) people again: most of its people's rows carry a number part I has
    (or stand at the same place in the order: ``matches``) beside the same person's name (``same_person``). Two
    sections of different people (numbered on, AL) are not."""
    again = _people(lower)
    same = sum(1 for u, r in matches(upper, lower) if r is not None and same_person(u.name, r.name))
    return same >= MIN_SAME and same >= SAME_SHARE * len(again)


def holds_everyone(upper: list[PayrollRow], lower: list[PayrollRow], before: list[PayrollRow]) -> bool:
    """The two parts hold every person the one table's reading (``before``) held: by ЕГН and name
    (``stacked_sections.holds_everyone``, over both parts' lines), or by number: each number its people's rows
    carry is on a person's line of part I (the one reading's names garbled by the ЕГН column read as letters,
    `ЗЗО Зоя Светла Йорданова Юрукова`: AO dev 33001 p6)."""
    if stacked_sections.holds_everyone([*upper, *lower], before):
        return True
    numbers = {r.row for r in _people(before) if r.row is not None}
    return bool(numbers) and numbers <= {r.row for r in _people(upper)}


def _dec(v: str | None) -> Decimal | None:
    try:
        return Decimal(v) if v is not None else None
    except InvalidOperation:
        return None


def matches(upper: list[PayrollRow], lower: list[PayrollRow]) -> list[tuple[PayrollRow, PayrollRow | None]]:
    """Each of part I's people with part II's line of its number (None: none, or two); where part II's numbers
    were read on none of its lines, and it holds as many people, its line of the same place in the order."""
    again = _people(lower)
    if again and all(r.row is None for r in again) and len(again) == len(_people(upper)):
        order = iter(again)
        return [(u, next(order) if u.name or u.egn else None) for u in upper]
    by_no: dict[int, list[PayrollRow]] = {}
    for r in again:
        if r.row is not None:
            by_no.setdefault(r.row, []).append(r)
    return [(u, by_no[u.row][0] if u.row in by_no and len(by_no[u.row]) == 1 else None) for u in upper]


def _gross(u: PayrollRow) -> Decimal | None:
    return _dec(u.gross_pay) if "gross_pay" not in (u.review or []) else None


def choose_pair(joined: list[tuple[PayrollRow, PayrollRow | None]]) -> Pair:
    """The two of part II's figures (as its own reading named them) that add up to part I's gross on the most rows,
    the later of the two (in the columns' order) the net; part II's own deductions
    and net, unproved, where no pair adds up on ``PROVED_SHARE`` of the rows with a gross."""
    pairs = [(u, low) for u, low in joined if low is not None and _gross(u) is not None]
    best, hits = Pair("deductions", "net_pay", False), 0
    for a, b in permutations(MONEY, 2):
        if MONEY.index(a) > MONEY.index(b):
            continue
        n = sum(1 for u, low in pairs if (x := _dec(getattr(low, a))) is not None
                and (y := _dec(getattr(low, b))) is not None and x + y == _gross(u))  # fmt: skip
        if n > hits or (n == hits and n and (a, b) == TAKEN):
            best, hits = Pair(a, b, True), n
    if not pairs or hits < max(1, PROVED_SHARE * len(pairs)):
        return Pair("deductions", "net_pay", False)
    return best


def _doubt(r: PayrollRow, fields: list[str], reason: str) -> None:
    new = [f for f in fields if f not in (r.review or [])]
    r.review = sorted({*(r.review or []), *fields})
    r.review_reasons = {**(r.review_reasons or {}), **{f: ReviewReason(reason=reason, bbox=r.bbox) for f in new}}


def _clear(r: PayrollRow, fields: tuple[str, ...]) -> None:
    r.review = sorted(set(r.review or []) - set(fields)) or None
    r.review_reasons = {f: v for f, v in (r.review_reasons or {}).items() if f not in fields} or None


def join_row(u: PayrollRow, low: PayrollRow | None, pair: Pair) -> PayrollRow:
    """Part I's line ``u`` with the deductions and net of part II's line ``low`` of its number: sure where they add
    up to part I's gross (read sure) and part II's name is the person's; else in review."""
    r = u.model_copy(deep=True)
    if low is None:  # no line of its number in part II (lost, or its number unread): nothing to take
        r.deductions = r.net_pay = None
        _doubt(r, list(TAKEN), UNREADABLE)
        return r
    r.deductions, r.net_pay = getattr(low, pair.deductions), getattr(low, pair.net)
    d, n, g = _dec(r.deductions), _dec(r.net_pay), _gross(u)
    _clear(r, TAKEN)
    if not pair.proved or d is None or n is None or g is None or d + n != g:
        _doubt(r, list(TAKEN), ROW_SUM)
    if not same_person(u.name, low.name) and (u.name or low.name):  # the line of its number another's?
        _doubt(r, ["row", *TAKEN], ROW_NUMBER)
    again = _dec(low.gross_pay) if pair.deductions != "gross_pay" and pair.net != "gross_pay" else None
    if pair.proved and again is not None and g is not None and again != g:  # part II's gross another figure
        _doubt(r, ["gross_pay", *TAKEN], ROW_SUM)
    return r


def stray_row(low: PayrollRow, pair: Pair) -> PayrollRow:
    """Part II's line whose number part I lacks: its person's pay unread, its deductions and net in review."""
    r = PayrollRow(row=low.row, name=low.name, bbox=low.bbox,
                   deductions=getattr(low, pair.deductions), net_pay=getattr(low, pair.net))  # fmt: skip
    _doubt(r, ["row", *SCORED_FIELDS], ROW_NUMBER)
    return r


def join(upper: PayrollPage, lower: PayrollPage) -> tuple[list[PayrollRow], dict[str, str]]:
    """The page's rows (part I's, each with part II's deductions and net: ``join_row``; part II's lines of numbers
    part I lacks after them, in review) and totals (part I's pay, part II's deductions and net)."""
    joined = matches(upper.rows, lower.rows)
    pair = choose_pair(joined)
    rows = [join_row(u, low, pair) if u.name or u.egn else u for u, low in joined]
    held = {id(low) for _, low in joined if low is not None}
    rows += [stray_row(low, pair) for low in _people(lower.rows) if id(low) not in held]
    totals = {f: v for f, v in upper.totals.items() if f not in TAKEN}
    for f, col in zip(TAKEN, (pair.deductions, pair.net), strict=True):
        if col in lower.totals:
            totals[f] = lower.totals[col]
    return rows, totals


def joined_page(image_name: str, page: PayrollPage, upper: PayrollPage, lower: PayrollPage) -> PayrollPage:
    """The page of a sheet in two parts (``join``): the header as the one table's reading (else part I's) read it;
    the page in review where part I's reading is (part II's own doubts are its rows' now: its columns, read as a
    sheet of pay, are no layout of the page)."""
    rows, totals = join(upper, lower)
    return stacked_sections.page_of(image_name, page, upper, rows, totals, upper.page_review)
