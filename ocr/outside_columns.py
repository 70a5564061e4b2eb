"""Columns a payroll prints that are no payroll-page/1 field yet look like one (issue 9, family K): a day's
rate (`Дневна ставка`, `Надник`: an amount, what the base pays a day, never totalled) looks like money,
a class for years of service (`Клас %`, `Процент за клас`: 0-30) looks like days. Taken for pay, the rate
pushed every money column one field along and some row sums still held "somewhere" (K dev 3003 p1: the
rate as base pay, the base as additional pay, ... none flagged); taken for days, the class sent the days
out wrong. Sums that hold somewhere are not enough: a column whose heading names a rate or a class, or
that has no figure in the `Всичко` row while the other money columns have one, is no pay column unless
the sums need it; the one left in place unchecked goes to review (``doubt_untotalled``)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from itertools import combinations

from . import checks
from .header import levenshtein
from .normalise import amount, digits, in_whole_leva, is_dash, money
from .pay_items import worth

# a day's rate (`ставка` alone is any pay: `Тарифна ставка`, `Заработено по ставка`)
RATE_WORDS = ("дневна", "дневни", "надник", "надница")
CLASS_WORDS = ("клас", "процент", "прослужени", "стаж")  # a class for years of service
# a foreign-currency allowance (a ship's crew: `Валутна част USD`, `Дневни в DM`, `Валута USD`): an amount typed
# like the leva and totalled, but never part of gross or net
CURRENCY_WORDS = ("валута", "валутна", "валутни", "валутно", "девизи", "девизна", "долари", "марки")
CURRENCY_CODES = re.compile(r"(?<![A-Za-z])(?:USD|DM|DEM|US\$)(?![A-Za-z])")
PAY_FIELDS = (*checks.MONEY, "deduction_part")
# a cash payroll's breakdown of each net pay into banknotes and coins (`Купюрен строеж`, `Купюри`: `20-левки`,
# `по 5`, `100 лв.`, `Дребни монети`, `Мон. лв.`): counts of notes, and the coins' amount, which looks like pay
# (`3,96`); no payroll-page/1 field
CASH_WORDS = ("купюрен", "строеж", "купюри", "купюра", "банкноти", "банкнота", "монети", "левки")
CASH_PREFIX = 3  # `Мон. лв.`: a cash word cut this short still names it
DENOMINATIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)  # the lev's notes and coins of 1980-1996
DENOMINATION_WORDS = ("по", "лв", "лева")  # `по 20`, `100 лв.`: a note's value and nothing else


def _near(w: str, key: str) -> bool:
    """The word is the key, misread by one letter at most (a key of five letters or more)."""
    return w == key or (len(key) >= 5 and abs(len(w) - len(key)) <= 1 and levenshtein(w, key) <= 1)


def _cash(words: list[str], heading: str) -> bool:
    """The heading names a cash breakdown's column (``CASH_WORDS``, whole, cut short or misread by a letter:
    `20- девки`), or is a note's value alone (`по 20`, `100 лв.`: a denomination with `по` or `лв`, letters
    misread alone left out)."""
    if any(_near(w, k) or (len(w) >= CASH_PREFIX and k.startswith(w)) for w in words for k in CASH_WORDS):
        return True
    numbers = [int(n) for n in re.findall(r"\d+", heading)]
    named = [w for w in words if len(w) >= 2]
    return (bool(numbers) and all(n in DENOMINATIONS for n in numbers) and bool(named)
            and all(w in DENOMINATION_WORDS for w in named))


def cash_heading(heading: str) -> bool:
    """The heading names a cash breakdown's column (``_cash``) and no pay field."""
    from .columns import heading_votes  # (columns asks this module: imported late)

    votes = heading_votes(heading)
    words = re.findall(r"[а-яА-Я]+", heading.lower())
    return not any(votes.get(f) for f in (*PAY_FIELDS, "days_worked")) and _cash(words, heading)


# the state insurance's benefit for sick leave or maternity paid with the pay (`Обезщет. от ДОО`, `Болнични (ДОО)`,
# family AN): an amount in a column of its own, never part of the gross, the deductions or net (`ДОО` alone is
# a deduction's: the insurance's contribution; `Болнични` alone an item of the additional pay, family V's
# `Отпуск и болнични`)
BENEFIT_STEM = "обезщет"  # `Обезщетение`, `Обезщет.`, `Обезщетения`
SICK_STEM = "болн"  # `Болнични (ДОО)`, `Болн. ДОО`
# `ДОО`, its `О`s read as noughts and its `Д` as a four: `(ДО00)`, `(400)`
INSURANCE = re.compile(r"(?<![а-я0-9])[д4][о0]{2,3}(?![а-я0-9])")


def benefit_heading(heading: str) -> bool:
    """The heading names the state insurance's benefit (``BENEFIT_STEM``, or a sick leave's word beside `ДОО`)."""
    text = heading.lower()
    words = re.findall(r"[а-я]+", text)
    return any(w.startswith(BENEFIT_STEM) for w in words) or (
        bool(INSURANCE.search(text)) and any(w.startswith(SICK_STEM) for w in words)
    )


PAYOUT_ROWS = 2  # rows on which the sum to pay out is the net plus the benefit, at the least
PAYOUT_SHARE = 0.8  # ... and this share of the rows whose three figures were read, at the least


def payout_columns(cols: list[list[str]], money_cols: list[int], benefit: list[int]) -> list[int]:
    """The columns of ``money_cols`` that hold the sum paid out (`Сума за получаване`, `Всичко за изплащане`:
    no payroll-page/1 field) on a sheet that pays the state insurance's benefit (``benefit``: its columns): a
    column whose every figure is another's left of it plus the benefit of its row (``PAYOUT_ROWS`` rows and
    ``PAYOUT_SHARE`` of those read at the least, the sum not nought). Taken for pay, it was the net, and the
    net the deductions (AN dev 32001 p2: the page in review whole, its columns one over)."""
    out = []
    for c in money_cols:
        for n, b in ((n, b) for n in money_cols if n < c for b in benefit):
            seen = held = 0
            for r in range(len(cols[c])):
                p, v, x = worth(cols[c][r]), worth(cols[n][r]), worth(cols[b][r])
                if p is None or v is None or x is None or not p:
                    continue
                seen += 1
                held += p == v + x
            if held >= PAYOUT_ROWS and held >= PAYOUT_SHARE * seen:
                out.append(c)
                break
    if not out and benefit and all(not t.strip() for b in benefit for t in cols[b]):
        out = _payout_of_unread_benefit(cols, sorted(money_cols))
    return out


UNREAD_PAYOUT_SHARE = 0.6  # rows whose sum to pay out is the net, of those both read, where the benefit read none


def _payout_of_unread_benefit(cols: list[list[str]], money_cols: list[int]) -> list[int]:
    """The last money column as the sum paid out where the benefit's column read blank on every row (its few
    figures lost, AN dev 32006 p4): it is the money column left of it (the net) on ``UNREAD_PAYOUT_SHARE`` of the
    rows (``PAYOUT_ROWS`` at the least, not nought) and below it on none (the benefit is never below nought)."""
    if len(money_cols) < 2:
        return []
    c, n = money_cols[-1], money_cols[-2]
    pairs = [(worth(p), worth(v)) for p, v in zip(cols[c], cols[n], strict=True)]
    read = [(p, v) for p, v in pairs if p is not None and v is not None and p]
    held = sum(p == v for p, v in read)
    if any(p < v for p, v in read) or held < PAYOUT_ROWS or held < UNREAD_PAYOUT_SHARE * len(read):
        return []
    return [c]


def named_not_pay(heading: str) -> bool:
    """The heading names the norm's fulfilment (`Изпълнение на нормата %`) or a worker's grade (`Тарифен
    разряд`), or a day's rate (`Дневна ставка`, `Ставка на ден`, `Надник`) or a class for years
    of service (`Клас %`, `Процент за клас`, `Клас за стаж`), or the state insurance's benefit (``benefit_heading``), or a foreign currency's allowance (`Валутна част
    USD`, `Дневни в DM`), or a cash breakdown's notes and coins
    (``_cash``: `20-левки`, `по 5`, `Дребни монети`; taken for pay, the coins `3,96` went out as a base pay, the
    notes' counts as days, AG dev 25001 p3), and no pay field (`Клас, премии, добавки` is
    additional pay, `Заработено по ставка` the base)."""
    from .columns import GRADE, NORM, heading_votes  # (columns asks this module: imported late)

    words = re.findall(r"[а-яА-Я]+", heading.lower())
    votes = heading_votes(heading)
    if benefit_heading(heading):  # the state insurance's benefit (`Обезщет. от ДОО`: no deduction's `ДОО`)
        return True
    if any(votes.get(f) for f in (*PAY_FIELDS, "days_worked")):  # (`Отработени дни` misread `дневно`)
        return False
    if votes.get(NORM) or votes.get(GRADE):  # the norm's fulfilment in per cent, a worker's grade (family R)
        return True
    rate = any(_near(w, k) for w in words for k in RATE_WORDS) or ("ставка" in words and "ден" in words)
    klass = any(_near(w, k) for w in words for k in CLASS_WORDS) or ("%" in heading and not votes)
    return rate or klass or _currency(words, heading) or _cash(words, heading)


def _currency(words: list[str], heading: str) -> bool:
    """The heading names a foreign currency (``CURRENCY_WORDS`` whole, cut short to four letters or misread by
    a letter, or a currency's code: `USD`, `DM`)."""
    return (any(_near(w, k) or (len(w) >= 4 and k.startswith(w)) for w in words for k in CURRENCY_WORDS)
            or bool(CURRENCY_CODES.search(heading)))


CASH_ROWS = 3  # rows on which the notes and the coins make the pay paid out, at the least
CASH_SHARE = 0.6  # ... and this share of the rows whose figures were all read, at the least
MAX_COUNT_DIGITS = 3  # a count of notes has at most this many digits


def _count(text: str) -> int | None:
    """A count of notes: a blank or a dash is none (0), a whole number of ``MAX_COUNT_DIGITS`` digits at most;
    None for anything else."""
    t = text.strip()
    if not t or is_dash(t):
        return 0
    d = digits(t)
    return int(d) if d and len(d) <= MAX_COUNT_DIGITS and len(re.sub(r"[\d\s.,'`|]", "", t)) <= 1 else None


def _breakdown_holds(net: list[Decimal | None], coins: list[Decimal | None], counts: list[list[int | None]],
                     notes: tuple[int, ...]) -> bool:
    """The counts times the notes' values plus the coins make the pay on ``CASH_ROWS`` rows and ``CASH_SHARE``
    of those whose figures were all read, a note counted on each of those rows."""
    held = seen = 0
    for r, (n, c) in enumerate(zip(net, coins, strict=True)):
        row = [col[r] for col in counts]
        if n is None or c is None or any(x is None for x in row) or not n:
            continue
        seen += 1
        held += c < n and any(row) and n == c + sum(x * v for x, v in zip(row, notes, strict=True) if x)
    return held >= CASH_ROWS and held >= CASH_SHARE * seen


def cash_breakdown(cols: list[list[str]]) -> list[int]:
    """A cash payroll's breakdown of the pay paid out into notes and coins, by its figures (its headings
    unread): columns of counts right of an amount's column, then a column of amounts (the coins, `3,96`), where
    each row's counts times the values of the lev's notes (``DENOMINATIONS``, the largest first) plus its
    coins make that row's amount (AG dev 25001 p2: the heading line lost, the coins taken for the
    deductions). Returns the counts' and the coins' columns, no payroll-page/1 field (the amount they break
    down is the net pay); none on a sheet in whole leva (no coins) or where no such columns sum so."""
    if in_whole_leva():
        return []
    amounts = [[amount(t) for t in col] for col in cols]
    counted = [[_count(t) for t in col] for col in cols]
    amount_like = [sum(a is not None for a in col) >= CASH_ROWS for col in amounts]
    count_like = [all(x is not None for x in col) and any(col) for col in counted]
    for coins in range(2, len(cols)):
        if not amount_like[coins]:
            continue
        first = coins
        while first - 1 >= 0 and count_like[first - 1] and coins - first < len(DENOMINATIONS):
            first -= 1
        if first == coins or first == 0 or not amount_like[first - 1]:
            continue
        counts = counted[first:coins]
        for notes in combinations(sorted(DENOMINATIONS, reverse=True), len(counts)):
            if _breakdown_holds(amounts[first - 1], amounts[coins], counts, notes):
                return list(range(first, coins + 1))
    return []


def _has_figure(text: str) -> bool:
    return money(text) is not None


def untotalled(totals: list[str] | None, c: int, money_cols: list[int]) -> bool:
    """The `Всичко` row has no figure under column ``c`` while two other money columns have one there."""
    if not totals or c >= len(totals) or _has_figure(totals[c]):
        return False
    others = sum(1 for o in money_cols if o != c and o < len(totals) and _has_figure(totals[o]))
    return others >= 2


def repeats(cells: list[str]) -> int:
    """How often the column's most common figure comes: most people work the month's every working day,
    so days repeat; a class for years of service differs from person to person."""
    figures = [digits(t) for t in cells if digits(t)]
    return Counter(figures).most_common(1)[0][1] if figures else 0


def doubt_untotalled(
    drafts: list[checks.RowDraft], kinds: list[str | None], totals: list[str] | None, headings: list[str]
) -> list[str]:
    """A money field whose column has no figure in the `Всичко` row while the other money columns have one,
    whose heading does not name it, and whose row sums hold on fewer than half of the rows (a day's rate
    placed as pay because some sums held "somewhere"): nothing vouches for the column's place, its figures
    go to review on every row; returns those fields. A total the reader missed under a column whose
    sums hold on most rows (A dev 101 p1: the deductions' total unread, its heading read `Бани`) is no
    doubt."""
    from .columns import heading_votes

    placed = [c for c, k in enumerate(kinds) if k in checks.MONEY]
    out = [str(kinds[c]) for c in placed if untotalled(totals, c, placed)
           and not (c < len(headings) and heading_votes(headings[c]).get(str(kinds[c])))
           and not _sums_hold_mostly(drafts, str(kinds[c]), [str(k) for k in kinds if k])]  # fmt: skip
    for d in drafts:
        d.review.update(out, reason=checks.COLUMN_UNCHECKED)
    return out


def _sums_hold_mostly(drafts: list[checks.RowDraft], f: str, present: list[str]) -> bool:
    """A row sum through ``f`` holds on half of the rows that have a figure for it, or more."""
    rows = [d for d in drafts if d.values.get(f) is not None]
    held = sum(1 for d in rows if any(ok and f in names for ok, names in d.sums(present)))
    return bool(rows) and 2 * held >= len(rows)


def doubt_days_between_two(
    drafts: list[checks.RowDraft], kinds: list[str | None], texts: list[list[str]], headings: list[str]
) -> bool:
    """The days placed where no heading names them while another column left unplaced holds day-like
    figures (1-31) on half of the rows or more right of the names, its heading naming nothing else (a class for years of
    service, 0-30 %, with its heading unread: K dev 3002 p1 took it for the days, every figure wrong and
    none flagged): which of the two are the days, nothing says; the days go to review on every row. Not
    where the placed days repeat as days do and the other column's figures do not (``_days_repeat_clearly``)."""
    from .columns import _day_like, heading_votes

    if "days_worked" not in kinds or not texts:
        return False
    days = kinds.index("days_worked")
    if days < len(headings) and heading_votes(headings[days]).get("days_worked"):
        return False
    person = max((c for c, k in enumerate(kinds) if k in ("name", "egn")), default=-1)
    for c, k in enumerate(kinds):
        if k is not None or c == days or c < person:  # (row numbers left of the names are day-like too)
            continue
        heading = headings[c] if c < len(headings) else ""
        if heading_votes(heading) or named_not_pay(heading):
            continue
        cells = [row[c] if c < len(row) else "" for row in texts]
        if _day_like(cells) >= max(2, 0.5 * len(cells)) and not _days_repeat_clearly(texts, days, cells):
            for d in drafts:
                if d.values.get("days_worked") is not None:
                    d.review.add("days_worked", checks.COLUMN_AMBIGUOUS)
            return True
    return False


def _days_repeat_clearly(texts: list[list[str]], days: int, other: list[str]) -> bool:
    """The placed days column's most common figure (the month's working days) is on half of its figures
    or more, and twice as often as the other column's most common one: the days, as most people work
    the whole month (K dev 3004 p1: `23` five times of eight beside a class whose figures all differ)."""
    cells = [row[days] if days < len(row) else "" for row in texts]
    figures = sum(1 for t in cells if digits(t))
    top = repeats(cells)
    return figures > 0 and 2 * top >= figures and top >= 2 * repeats(other)
