"""Page-level plausibility: is this page's money believable as a whole?

Row sums cannot see a whole page misread alike (every amount a hundred times too small when the
thousands were taken for a column gap: the sums still hold). Two checks can: the printed "Всичко" row
against the rows' sums (a column off by a round factor is a misreading, not a slip), and the pay against
what pay could be in that year (``data/wages.json``: the period's minimum and average wage, data
with its source, not code). A page that fails goes to a person as a page, with the reason.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from archive_core import egn as egn_mod
from archive_core.records import PageReview

from .checks import (
    LOW_CONFIDENCE,
    MONEY,
    NAME_FORM,
    OUT_OF_RANGE,
    PAGE_PLAUSIBILITY,
    READINGS_DISAGREE,
    UNREADABLE,
    RowDraft,
    filled,
    most_common_reason,
    one_edit,
    total_misread,
)
from .name_case import out_of_case_of_sure, sheet_in_capitals
from .names import given_name_position

WAGES = Path(__file__).with_name("data") / "wages.json"
LOW, HIGH = Decimal("0.25"), Decimal(6)  # of the minimum / of the average wage
PAY_FIELDS = ("gross_pay", "base_pay", "net_pay")  # which figure stands for a month's pay, in order
# the page's detail as stored (Bulgarian, the archive's language); ``facts`` reads the figures back out of it
# for a screen to say the same in its own language (archive_api/i18n_reasons.py, "plausibility.<kind>")
DETAILS = {
    "total": "колона {column}: сумата „Всичко“ {total} е {factor} пъти {direction} от сбора на редовете {sum}",
    "wage": "колона {column}: средната сума {median} не е възможна заплата за {year} г. "
    "(минимална {low}, средна {avg} лв.; ocr/data/wages.json)",
}
DIRECTIONS = {"larger": "по-голяма", "smaller": "по-малка"}


@lru_cache(maxsize=1)
def wages() -> dict[int, tuple[Decimal, Decimal]]:
    """year -> (minimum, average) monthly wage, leva of that year."""
    raw = json.loads(WAGES.read_text(encoding="utf-8"))["years"]
    return {int(y): (Decimal(str(v["minimum"])), Decimal(str(v["average"]))) for y, v in raw.items()}


def _factor(ratio: Decimal) -> int | None:
    """10, 100 or 1000 (or their inverses, negative) when ``ratio`` is within 2 % of one."""
    for k in (10, 100, 1000):
        if abs(ratio - k) <= Decimal("0.02") * k:
            return k
        if ratio > 0 and abs(1 / ratio - k) <= Decimal("0.02") * k:
            return -k
    return None


def _rows_vouched(drafts: list[RowDraft], totals: dict[str, str], present: list[str], f: str) -> bool:
    """Most rows' figures of column ``f`` are held by their rows' sums (the others are flagged by them),
    and another money column adds up to its printed total to the stotinka: a page misread alike would
    break that column too."""
    drafts = filled(drafts)  # not the form's unfilled lines
    if not drafts or sum(f in d.proven and f not in d.review for d in drafts) < 0.8 * len(drafts):
        return False
    for g in MONEY:
        vals = [d.dec(g) for d in drafts]
        if g == f or g not in present or g not in totals or any(v is None for v in vals):
            continue
        if sum(v for v in vals if v is not None) == Decimal(totals[g]):
            return True
    return False


def median_pay(drafts: list[RowDraft], present: list[str]) -> Decimal | None:
    """The median of the first pay column present (PAY_FIELDS), with at least three figures, or None."""
    for f in PAY_FIELDS:
        if f not in present:
            continue
        vals = sorted(v for v in (d.dec(f) for d in drafts) if v is not None and v > 0)
        return vals[len(vals) // 2] if len(vals) >= 3 else None
    return None


def _scaled_impossible(drafts: list[RowDraft], present: list[str], year: int | None, k: int) -> bool:
    """The rows' pay as read is a possible wage for ``year`` (data/wages.json), and the same pay ``k`` times
    larger (``k`` > 0) or ``-k`` times smaller is not: the wages vouch that the rows were not misread by
    that factor (E dev 516 p2: a gross total 4167163.08 read for 416716.30, rows 28 thousand leva in 1996)."""
    if year is None or year not in wages():
        return False
    median = median_pay(drafts, present)
    if median is None:
        return False
    low, avg = wages()[year]
    scaled = median * k if k > 0 else median / -k
    return LOW * low <= median <= HIGH * avg and not LOW * low <= scaled <= HIGH * avg


def check(
    drafts: list[RowDraft], totals: dict[str, str], present: list[str], year: int | None, month: int | None
) -> PageReview | None:
    """The reason the page's money is not believable, or None."""
    sums = {f: sum((v for v in (d.dec(f) for d in drafts) if v is not None), Decimal(0)) for f in MONEY}
    agree = [f for f in MONEY if f in present and f in totals and Decimal(totals[f]) == sums[f]]
    for f in MONEY:
        if f not in present or f not in totals:
            continue
        got = sums[f]
        total = Decimal(totals[f])
        if total_misread(totals, present, f, got) or one_edit(f"{total:.2f}", f"{got:.2f}"):
            continue  # the printed total alone was misread (a digit lost or the other totals say so)
        if _rows_vouched(drafts, totals, present, f):
            continue  # the rows are right: the printed total alone was misread (two digits lost)
        if len(agree) >= 2:
            continue  # other columns add up to their totals to the stotinka: the page reads right, this
            # total (often written by hand) was misread; the column check flags its figures if need be
        if got > 0 and total > 0 and (k := _factor(total / got)) is not None:
            if _scaled_impossible(drafts, present, year, k):
                continue  # the rows pay what one could earn that year and, k times over, what no one
                # could: the printed total was misread, not the rows; row sums and columns flag figures
            direction = DIRECTIONS["larger" if k > 0 else "smaller"]
            detail = DETAILS["total"].format(column=f, total=total, factor=abs(k), direction=direction, sum=got)
            return PageReview(reason=PAGE_PLAUSIBILITY, detail=detail)
    low, avg, when = _wage_bounds(year)
    for f in PAY_FIELDS:
        if f not in present:
            continue
        vals = sorted(v for v in (d.dec(f) for d in drafts) if v is not None and v > 0)
        if len(vals) < 3:
            continue
        median = vals[len(vals) // 2]
        if median < LOW * low or median > HIGH * avg:
            detail = DETAILS["wage"].format(column=f, median=median, year=when, low=low, avg=avg)
            return PageReview(reason=PAGE_PLAUSIBILITY, detail=detail)
        break
    return None


def _wage_bounds(year: int | None) -> tuple[Decimal, Decimal, str]:
    """(minimum, average, the years they are for): the year's wages, or with the year unread (or none the
    table knows) the lowest minimum and highest average of every year the archive's sheets come from: a
    page whose pay is no wage of any of those years is misread whatever its year (R dev 10018 p2-p3, whole
    leva `1 877` read 18.77 on every row, the period unread: no check looked at the pay, 28 figures wrong
    without a flag)."""
    if year is not None and year in wages():
        low, avg = wages()[year]
        return low, avg, str(year)
    span = wages()
    return min(lo for lo, _ in span.values()), max(av for _, av in span.values()), f"{min(span)}–{max(span)}"


def send_page_to_review(drafts: list[RowDraft], present: list[str]) -> None:
    """Every money figure of the page goes to a person, for the page's reason."""
    for d in drafts:
        for f in MONEY:
            if f in present:
                d.review.add(f, PAGE_PLAUSIBILITY)
                d.review.reasons[f] = PAGE_PLAUSIBILITY


# Cross-field checks: what one row's fields must say about each other beyond the row sums.
TOO_MUCH, TOO_LITTLE = Decimal("2.5"), Decimal("0.3")  # a month's pay implied by the days, of the page's


MOST_WORKING_DAYS = 23  # Monday to Friday: no month has more


def working_days(year: int, month: int) -> int:
    """Monday to Friday in the month (the five-day week)."""
    return sum(
        1 for d in range(1, egn_mod.days_in_month(year, month) + 1) if date(year, month, d).weekday() < 5
    )


def _days(d: RowDraft) -> int | None:
    v = d.values.get("days_worked")
    return v if isinstance(v, int) else None


def full_month(drafts: list[RowDraft], year: int | None, month: int | None) -> int | None:
    """The days of a full month on this sheet: the figure most rows carry (most people work the whole
    month) when it could be one (half the month's working days or more), else the working days."""
    wd = working_days(year, month) if year and month else None
    counts = Counter(x for d in drafts if (x := _days(d)) is not None and x > 0)
    if counts:
        mode, n = counts.most_common(1)[0]
        if n >= 3 and n >= 0.3 * len(filled(drafts)) and (wd is None or mode >= wd / 2):
            return mode
    return wd


def cross_check(drafts: list[RowDraft], present: list[str], year: int | None, month: int | None) -> None:
    """Days worked against the month and against the pay; additional pay against base pay. Each doubt
    flags the field it falls on, with its reason (the field's own cell is its region)."""
    if "days_worked" in present:
        days_vouched_by_pay(drafts, present, year, month)
        _days_against_month(drafts, year, month)
        _few_days_on_most_rows(drafts, year, month)
        _days_against_pay(drafts, present, year, month)
        _days_mostly_doubted(drafts)
    _base_and_extra(drafts, present)
    _pay_far_below_the_minimum(drafts, present, year)
    if "name" in present:
        _names_in_order(drafts)
        _names_in_case(drafts)
        _names_short_of_a_word(drafts)


def _days_mostly_doubted(drafts: list[RowDraft]) -> None:
    """A days column most of whose figures are in doubt (unread, read unsure) is read from ink no model
    makes out: the few figures read from it are in doubt too (L dev 4055 p3: twelve of fourteen days
    unread, the other two read `5` for 3 and `9` for 13 with confidence and out without a flag), as a
    money column most of whose figures are doubted is (``checks``)."""
    unread = (UNREADABLE, LOW_CONFIDENCE, READINGS_DISAGREE)  # doubts of the reading, not of a check's
    rows = filled(drafts)  # not the form's unfilled lines
    doubted = [why for d in rows if (why := d.review.reasons.get("days_worked")) in unread]
    if len(rows) < 4 or len(doubted) < 0.6 * len(rows):
        return
    why = most_common_reason(doubted)
    for d in drafts:
        if d.values.get("days_worked") is not None:
            d.review.add("days_worked", why)


def _pay_far_below_the_minimum(drafts: list[RowDraft], present: list[str], year: int | None) -> None:
    """A month's pay above zero but under a thirtieth of the year's minimum wage (less than a day's pay)
    is no pay anyone was given: a row of zeros or dashes read as figures ('10.00 / 2.00 / 8.00', whose
    sums hold). Its figures are in doubt."""
    if year is None or year not in wages():
        return
    floor = wages()[year][0] / 30
    for d in drafts:
        pay = next((v for f in PAY_FIELDS if f in present and (v := d.dec(f)) is not None), None)
        if pay is not None and 0 < pay < floor:
            for f in MONEY:
                if f in present and d.values.get(f) is not None:
                    d.review.add(f, OUT_OF_RANGE)


def _names_short_of_a_word(drafts: list[RowDraft]) -> None:
    """A sheet writes every name with the same number of words (first name, patronymic and family name;
    some only two): a name with fewer words than most on the sheet lost one (under a stamp, or its first
    word split off into a column of its own) and is in doubt."""
    counts = [len(v.split()) if isinstance(v := d.values.get("name"), str) and v.strip() else 0 for d in drafts]
    known = [n for n in counts if n]
    if not known:
        return
    usual = max(set(known), key=known.count)
    if len(known) < 3 or known.count(usual) < 0.6 * len(known):
        usual = 3  # too few rows or no clear custom on the sheet: a payroll writes three names
    for d, n in zip(drafts, counts, strict=True):
        if 0 < n < usual:
            d.review.add("name", LOW_CONFIDENCE)


def _names_in_order(drafts: list[RowDraft]) -> None:
    """One sheet writes every name in one order: a name whose given name stands elsewhere than on most
    rows ('Атанасова Донка Цветкова' among 'Донка Атанасова Цветкова's) was read out of order."""
    at = [given_name_position(v) if isinstance(v := d.values.get("name"), str) else None for d in drafts]
    known = [x for x in at if x is not None]
    if len(known) < 3:
        return
    usual = max(set(known), key=known.count)
    if known.count(usual) < 0.75 * len(known):
        return
    for d, x in zip(drafts, at, strict=True):
        if x is not None and x != usual:
            d.review.add("name", NAME_FORM)


def _names_in_case(drafts: list[RowDraft]) -> None:
    """One sheet types every name alike, its family name in capitals or not: a name whose capitals differ
    from most rows' was read in the wrong case (``name_case.out_of_case``). On a sheet that types names
    wholly in capitals the names read otherwise are put in capitals; where the sheet does not tell its
    case, its names go to a person (``name_case.sheet_in_capitals``)."""
    upper, doubt = sheet_in_capitals([v if isinstance(v := d.values.get("name"), str) else None for d in drafts])
    for i in upper:
        drafts[i].values["name"] = str(drafts[i].values["name"]).upper()
    for i in doubt:
        drafts[i].review.add("name", NAME_FORM)
    names = [v if isinstance(v := d.values.get("name"), str) else None for d in drafts]
    for i in out_of_case_of_sure(names, ["name" in d.review for d in drafts]):
        drafts[i].review.add("name", NAME_FORM)


def _days_against_month(drafts: list[RowDraft], year: int | None, month: int | None) -> None:
    """More days than the month's working days, on a sheet of five-day weeks (no more than a few rows
    above them read for sure: a sheet counting Saturdays or calendar days is left alone; rows whose days
    are in doubt already tell nothing of the sheet: M dev 5011 p2, `23` read `25` on three rows of six in a
    month of 23 working days, two of them unsure, the third out unflagged). Where the period was not read,
    more days than any month has working days (R dev 10030 p1, 10081 p1: `20` read `26`, `21` read `24`
    beside rows of 20 and 21, the header's month unread, out unflagged)."""
    wd = working_days(year, month) if year and month else MOST_WORKING_DAYS
    over = [d for d in drafts if (x := _days(d)) is not None and x > wd]
    sure = [d for d in over if "days_worked" not in d.review]
    if over and len(sure) <= max(1, len(drafts) // 5):
        for d in over:
            d.review.add("days_worked", OUT_OF_RANGE)


def _few_days_on_most_rows(drafts: list[RowDraft], year: int | None, month: int | None) -> None:
    """Most rows of the sheet under half the month's working days, all alike ('2' read for every '22'):
    not a month most people worked; those rows' days go to a person."""
    if not (year and month):
        return
    wd = working_days(year, month)
    counts = Counter(x for d in drafts if (x := _days(d)) is not None and x > 0)
    if not counts:
        return
    mode, n = counts.most_common(1)[0]
    if n >= 3 and n >= 0.5 * len(filled(drafts)) and mode < wd / 2:
        for d in drafts:
            if _days(d) == mode:
                d.review.add("days_worked", OUT_OF_RANGE)


def _doubted(d: RowDraft, f: str) -> bool:
    """The figure itself is in doubt (not only the page it is on)."""
    return f in d.review and d.review.reasons.get(f) != PAGE_PLAUSIBILITY


def days_vouched_by_pay(drafts: list[RowDraft], present: list[str], year: int | None, month: int | None) -> None:
    """Days kept as the one reading as wide as their ink over readings that lost a digit ('21' over '2'):
    the pay tells which. Where the row's pay, scaled to a full month by those days, is what a full month
    pays on the sheet and by every lost-digit reading it is not, the ink and the pay both vouch for the
    figure and no person need look; else it stays in review."""
    pay_f = "base_pay" if "base_pay" in present else "gross_pay" if "gross_pay" in present else None
    full = full_month(drafts, year, month)
    if pay_f is None or not full:
        return
    ref_vals = sorted(p * full / x for d in drafts if (x := _days(d)) is not None and 2 * x >= full
                      and "days_worked" not in d.review and (p := d.dec(pay_f)) is not None and p > 0
                      and not _doubted(d, pay_f))  # fmt: skip
    if len(ref_vals) < 3:
        return
    ref = ref_vals[len(ref_vals) // 2]

    def believable(days: int, pay: Decimal) -> bool:
        return days > 0 and TOO_LITTLE * ref <= pay * full / days <= TOO_MUCH * ref

    for d in drafts:
        days, pay, lost = _days(d), d.dec(pay_f), d.ink_fit.get("days_worked")
        if days is None or pay is None or not lost or d.review.reasons.get("days_worked") != READINGS_DISAGREE:
            continue
        if pay > 0 and not _doubted(d, pay_f) and believable(days, pay) and not any(believable(y, pay) for y in lost):
            d.review.discard("days_worked")


def _days_against_pay(
    drafts: list[RowDraft], present: list[str], year: int | None, month: int | None
) -> None:
    """Base pay is paid by the day: a row whose pay, scaled to a full month by its days, is far above or
    below what a full month pays the others on the sheet has its days misread ('2' for '22'). So does one
    whose pay, so scaled, no one earned that year (``_days_against_wages``: a sheet of three rows has no
    others to tell)."""
    pay_f = "base_pay" if "base_pay" in present else "gross_pay" if "gross_pay" in present else None
    full = full_month(drafts, year, month)
    if pay_f is None or not full:
        return
    _days_against_wages(drafts, pay_f, full, year, present)
    # what a full month pays on this sheet: the pay of the rows that worked half the month or more,
    # scaled by their days (mostly the full month's rows themselves); a pay in doubt for its row's other
    # sum counts where its own sum holds (T dev 12007 p2: a hand's `1` lost, most rows' net pay broken and
    # every base pay in review with them, no pay left to tell that `9` days were paid for 19)
    ref_vals = sorted(p * full / x for d in drafts if (x := _days(d)) is not None and 2 * x >= full
                      and (p := d.dec(pay_f)) is not None and p > 0
                      and (not _doubted(d, pay_f) or _held(d, pay_f, present)))  # fmt: skip
    if len(ref_vals) < 2:
        return
    ref = ref_vals[len(ref_vals) // 2]
    for d in drafts:
        days, pay = _days(d), d.dec(pay_f)
        if days is None or pay is None or "days_worked" in d.review:
            continue
        if days == 0:  # no day worked, and a base pay: the nought is a misread whether or not the pay is in
            # doubt (family Y: `0` read for 22 beside a label, the row's money in review for its sum, the days
            # out without a flag); a pay misread so large as well is one more reason for a person to look
            if pay_f == "base_pay" and pay > TOO_LITTLE * ref:
                d.review.add("days_worked", OUT_OF_RANGE)
            continue
        # (a pay in doubt for its column, not its row: its own sum holding, it still tells the days; T dev
        # 12030 p2, a total misread: every pay in review for its column and a `1` for 11 days unflagged)
        if _doubted(d, pay_f) and not _held(d, pay_f, present):
            continue
        implied = pay * full / days
        if (days < full and implied > TOO_MUCH * ref) or implied < TOO_LITTLE * ref:
            d.review.add("days_worked", OUT_OF_RANGE)


def _held(d: RowDraft, f: str, present: list[str]) -> bool:
    """A sum of the row through ``f`` holds, its figures as read (none filled in from the sums)."""
    return any(ok and f in names and not d.derived & set(names) for ok, names in d.sums(present))


def _days_against_wages(
    drafts: list[RowDraft], pay_f: str, full: int, year: int | None, present: list[str] | None = None
) -> None:
    """A row's pay scaled to a full month by its days above ``HIGH`` times the year's average wage
    (data/wages.json), or under ``LOW`` times its minimum, was not earned in those days: the days are
    misread ('2' for '22', '22' for '2'), or the pay, and a person looks at the days."""
    if year is None or year not in wages():
        return
    low, avg = wages()[year]
    for d in drafts:
        days, pay = _days(d), d.dec(pay_f)
        if days is None or days <= 0 or pay is None or pay <= 0:
            continue
        if _doubted(d, pay_f) and not (present is not None and _held(d, pay_f, present)):
            continue
        implied = pay * full / days
        if implied > HIGH * avg or (days >= full / 2 and implied < LOW * low):
            d.review.add("days_worked", OUT_OF_RANGE)


def _base_and_extra(drafts: list[RowDraft], present: list[str]) -> None:
    """Additional pay is a part added to the base: above the base on most rows, the two columns were
    taken for each other (an unusual column order); both go to a person on every row."""
    if "base_pay" not in present or "extra_pay" not in present:
        return
    both = [(b, e) for d in drafts if (b := d.dec("base_pay")) is not None and (e := d.dec("extra_pay")) is not None
            and b > 0 and e > 0]  # fmt: skip
    if len(both) < 3 or sum(e > b for b, e in both) < 0.75 * len(both):
        return
    for d in drafts:
        for f in ("base_pay", "extra_pay"):
            d.review.add(f, PAGE_PLAUSIBILITY)


def facts(detail: str) -> dict[str, str] | None:
    """The figures of a detail ``check`` wrote ({"kind": "total"|"wage", "column": …, …}), or None for any
    other text: a screen says them in its own language, the stored detail stays as it was read."""
    for kind, template in DETAILS.items():
        pattern = re.escape(template)
        for name in re.findall(r"\{(\w+)\}", template):
            pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>.+?)", 1)
        m = re.fullmatch(pattern, detail)
        if m:
            found = m.groupdict()
            if "direction" in found:
                back = {v: k for k, v in DIRECTIONS.items()}
                if found["direction"] not in back:
                    return None
                found["direction"] = back[found["direction"]]
            return {"kind": kind, **found}
    return None
