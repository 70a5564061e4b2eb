"""A wide sheet's itemised additional pay: which money column is the base, the additional pay's total, the
gross, the deductions' total and the net among many pay-item columns (family V: a state enterprise's payroll
typed across an A3 sheet, `Основно трудово възн.`, then two to five items of the additional pay, `За прослуж.
време`, `Сделно наработ.`, `Нощен труд` ..., their total `Сума доплащ.` before or after them, `Всичко
заработено`, the deductions `ДОД`, `Пенсионен фонд`, `Чл. внос БПС` ... with their total before or after them,
`Остатък за изплащане`).

The general orders of ``columns`` know itemised deductions only, and nine money columns at most: on such a
sheet they took an item (`Сделно наработ.`) for the base pay and the base for the net, and the page went to
review whole (V dev 14002 p1). Here the arithmetic decides, as it does for the general orders: the base and
the additional pay's total add up to the gross, the items between them add up to that total, the gross less
the deductions' total is the net and the deductions' items add up to that total, row by row. An item nobody
earned (blank, `-`, `0.00`) is nought in its sum. Item columns whose sum is the additional pay's on two rows
at least are needed: a sheet without itemised additional pay (family R's `Сделна заработка` is the base pay
beside `Доплащане`) holds no such sum and is read by the general orders.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .normalise import amount, is_dash, money

PAY_ITEM = "pay_item"  # an item of the additional pay (no payroll-page/1 field): the items sum to extra_pay
PART = "deduction_part"  # (``columns.PART``) an itemised deduction: the parts sum to the deductions
MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
# item columns of the additional pay, at the least: one where two items' columns were read as one (no rule
# found between them: V dev 14008 p2), the total then the item's copy on the rows (``columns`` asks more of it)
MIN_ITEMS = 1
MIN_ITEM_ROWS = 2  # rows on which the items add up to their total, at the least
BARE_ITEMS = 2  # item columns at the least where the additional pay has no column of its own (``items_only``)
MIN_COLUMNS = min(2 + MIN_ITEMS, BARE_ITEMS) + 3  # base, items (and their total), gross, deductions, net


def worth(text: str) -> Decimal | None:
    """The amount a cell holds in a sum (a blank or a dash: nothing, 0), None where unreadable."""
    if not text.strip() or is_dash(text):
        return Decimal(0)
    m = money(text)
    return Decimal(m) if m is not None else None


def _sum(values: list[Decimal | None]) -> Decimal | None:
    """The values' sum, None where one is unreadable."""
    read = [v for v in values if v is not None]
    return sum(read, Decimal(0)) if len(read) == len(values) else None


def _templates(k: int) -> list[tuple[str | None, ...]]:
    """Orders of ``k`` money columns: at most one column before the base and after the net left out (None),
    between base and gross the additional pay's total first or last among its ``MIN_ITEMS`` items or more, or
    ``BARE_ITEMS`` items or more without a total (``items_only``), between gross and net the deductions' total
    first or last among its items (none or more)."""
    out: list[tuple[str | None, ...]] = []
    for lead in (0, 1):
        for tail in (0, 1):
            for g in range(lead + 1 + min(MIN_ITEMS + 1, BARE_ITEMS), k - tail - 2):
                n_items = g - lead - 2
                pays: list[tuple[str, ...]] = []
                if n_items >= MIN_ITEMS:
                    pays += [("extra_pay", *(PAY_ITEM,) * n_items), ((PAY_ITEM,) * n_items + ("extra_pay",))]
                if n_items + 1 >= BARE_ITEMS:
                    pays.append((PAY_ITEM,) * (n_items + 1))
                for pay in pays:
                    n_parts = k - tail - g - 3
                    for ded_first in (True, False) if n_parts else (True,):
                        ded = (
                            ("deductions", *(PART,) * n_parts)
                            if ded_first
                            else ((PART,) * n_parts + ("deductions",))
                        )
                        out.append(
                            (None,) * lead + ("base_pay", *pay, "gross_pay", *ded, "net_pay") + (None,) * tail
                        )
    return out


def items_only(kinds: Sequence[str | None]) -> bool:
    """The page's additional pay is its items' sum, printed in no column of its own (family AB: the
    allowances for rank, years of service, rations ... between the base pay and the gross, no `Всичко добавки`
    column): the checks take that sum for the additional pay, which goes out as no column of the sheet."""
    return PAY_ITEM in kinds and "extra_pay" not in kinds


Cell = tuple[
    Decimal | None, Decimal | None
]  # a cell's amount (None: blank or unreadable), its value in a sum


def _score(cells: list[list[Cell]], t: tuple[str | None, ...]) -> tuple[int, int]:
    """(rows whose sums hold under ``t``, two points a sum; rows on which the items add up to a total not
    nought, none where a row disproves the items). ``cells[col][row]``: each cell's ``amount`` and ``worth``."""
    at = {f: i for i, f in enumerate(t) if f in MONEY}
    items = [i for i, f in enumerate(t) if f == PAY_ITEM]
    parts = [i for i, f in enumerate(t) if f == PART]
    score = item_rows = 0
    backing = against = 0  # rows for and against two items (``BARE_ITEMS``) being the additional pay's
    for r in range(len(cells[0])):
        b, g, d, n = (cells[at[f]][r][0] for f in ("base_pay", "gross_pay", "deductions", "net_pay"))
        # the additional pay: its column's, or its items' sum where it has none (``items_only``)
        e = cells[at["extra_pay"]][r][0] if "extra_pay" in at else _sum([cells[i][r][1] for i in items])
        if b is not None and e is not None and g is not None and b + e == g:
            score += 2
        if g is not None and d is not None and n is not None and g - d == n:
            score += 2
        if "extra_pay" in at and e and _sum([cells[i][r][1] for i in items]) == e:
            score += 2
            item_rows += 1
        elif "extra_pay" not in at and e and b is not None and g is not None and b + e == g:
            item_rows += 1  # (the sum b + e = g scored above)
        if parts and d and _sum([cells[i][r][1] for i in parts]) == d:
            score += 2
        # an item above its total no row can have (items are not below nought): it disproves the order on
        # the row as much as two sums prove it (V dev 14011 p1: the first item taken for the total, the
        # total, misread on two rows, for an item)
        if e is not None and any(v is not None and v > e for i in items for v in [cells[i][r][1]]):
            score -= 4
        # two "items" of which one alone, with the base, adds up to the gross (not nought): that one is the
        # additional pay's own column, the other no pay (the state insurance's benefit paid beside the pay, its
        # heading unread: taken for an item, the additional pay's own column went out as none, every row's
        # additional pay null without a flag, AN dev 32004 p4). The order falls where more rows say so than show
        # both items paid and adding up with the base (one such row on a garbled photocopy is a chance: AD's
        # evaluation page 13 lost its columns to it). Among three items or more, one left out is a rate or a count
        # beside its amount (AF dev 24004 p1: the fee's `Цена на час`), the rest still items
        if "extra_pay" not in at and len(items) == BARE_ITEMS and b is not None and g and e is not None:
            values = [cells[i][r][1] for i in items]
            if b + e == g:  # both items not nought and their sum with the base the gross: for the order
                backing += all(values)
            else:
                against += any(v and b + e - v == g for v in values)
        if d is not None and any(v is not None and v > d for i in parts for v in [cells[i][r][1]]):
            score -= 4
    return (score, item_rows) if against <= backing else (score, 0)


def wide_layout(
    cols: list[list[str]], money_cols: list[int]
) -> tuple[list[int], tuple[str, ...], int] | None:
    """The money columns of ``money_cols`` (indices into ``cols``, the page's column texts) as a wide sheet's
    with itemised additional pay, the kinds that fit them best and that order's score (as ``_score``), or None
    where the items add up to their total on fewer than ``MIN_ITEM_ROWS`` rows under every order."""
    if len(money_cols) < MIN_COLUMNS:
        return None
    cells = [[(amount(t), worth(t)) for t in cols[c]] for c in money_cols]
    best: tuple[tuple[int, int], tuple[str | None, ...]] | None = None
    for t in _templates(len(money_cols)):
        s = _score(cells, t)
        if s[1] >= MIN_ITEM_ROWS and (best is None or s > best[0]):
            best = (s, t)
    if best is None:
        return None
    kept = [(c, f) for c, f in zip(money_cols, best[1], strict=True) if f is not None]
    return [c for c, _ in kept], tuple(f for _, f in kept), best[0][0]
