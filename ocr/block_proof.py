"""The arithmetic of a person's block on a printout by kinds of payment (``ocr.block_lines``): each amount read by
two models (its candidates, the digits model's first), the readings chosen that make the block's sums hold —

    base + the other accruals = gross,   the deduction items = deductions,   gross - deductions = net

— and which of the person's fields those sums prove. Nothing is guessed: a field no sum proves is named unproved
(the reader sends it to review)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

Cands = list[Decimal]  # an amount's readings, the likeliest first (none: unread)
MAX_COMBOS = 4096  # readings' combinations tried for one sum at most


@dataclass
class BlockSums:
    accruals: list[Cands]  # the base's item first
    cuts: list[Cands]
    gross: Cands
    deductions: Cands
    net: Cands


@dataclass
class Solved:
    values: dict[str, Decimal | None]  # base_pay, extra_pay, gross_pay, deductions, net_pay
    proven: set[str] = field(default_factory=set)
    derived: set[str] = field(default_factory=set)  # not read, worked out from sums that hold


def sum_of(parts: list[Cands], totals: Cands) -> tuple[list[Decimal], Decimal] | None:
    """The parts' readings and the total's that add up, the fewest second readings first; None if none do (or a
    part is unread)."""
    if any(not p for p in parts) or not totals:
        return None
    best: tuple[int, list[Decimal], Decimal] | None = None
    for n, combo in enumerate(product(*[list(enumerate(p)) for p in parts])):
        if n >= MAX_COMBOS:
            break
        s = sum((v for _, v in combo), Decimal(0))
        for ti, t in enumerate(totals):
            if s == t:
                cost = sum(i for i, _ in combo) + ti
                if best is None or cost < best[0]:
                    best = (cost, [v for _, v in combo], t)
    return None if best is None else (best[1], best[2])


def net_of(gross: Cands, deductions: Cands, net: Cands) -> tuple[Decimal, Decimal, Decimal] | None:
    """gross - deductions = net with the fewest second readings, or None."""
    best: tuple[int, tuple[Decimal, Decimal, Decimal]] | None = None
    for (gi, g), (di, d), (ni, n) in product(enumerate(gross), enumerate(deductions), enumerate(net)):
        if g - d == n and (best is None or gi + di + ni < best[0]):
            best = (gi + di + ni, (g, d, n))
    return None if best is None else best[1]


def solve(b: BlockSums) -> Solved:
    """The block's values and the fields its sums prove: all of them when the three sums hold; gross, deductions,
    net when the deduction items and the net hold; base and extra pay only with a proven gross."""
    acc = sum_of(b.accruals, b.gross) if b.accruals else None
    cut = sum_of(b.cuts, b.deductions) if b.cuts else None
    three = net_of(b.gross, b.deductions, b.net)
    g = _pick(three[0] if three else None, acc[1] if acc else None, b.gross)
    d = _pick(three[1] if three else None, cut[1] if cut else None, b.deductions)
    n = three[2] if three else (b.net[0] if b.net else None)
    proven: set[str] = set()
    if three and ((acc and acc[1] == g) or (cut and cut[1] == d)):
        proven |= {"gross_pay", "deductions", "net_pay"}
    base, extra = _accruals(b.accruals, acc[0] if acc and acc[1] == g else None)
    if acc and acc[1] == g and "gross_pay" in proven:
        proven |= {"base_pay", "extra_pay"}
    out = Solved({"base_pay": base, "extra_pay": extra, "gross_pay": g, "deductions": d, "net_pay": n}, proven)
    _derive(out, acc, cut)
    return out


def _pick(from_three: Decimal | None, from_items: Decimal | None, cands: Cands) -> Decimal | None:
    if from_three is not None:
        return from_three
    if from_items is not None:
        return from_items
    return cands[0] if cands else None


def _accruals(parts: list[Cands], chosen: list[Decimal] | None) -> tuple[Decimal | None, Decimal | None]:
    """The base (the first accrual) and the sum of the others; unread where one of them is."""
    values = chosen if chosen is not None else [p[0] if p else None for p in parts]
    base = values[0] if values else None
    rest = values[1:]
    extra = None if any(v is None for v in rest) else sum((v for v in rest if v is not None), Decimal(0))
    return base, extra


def _derive(out: Solved, acc: object, cut: object) -> None:
    """A sum unread where the others hold it: net from gross and deductions, gross from the accruals, deductions from
    its items (never proven: the figure on the page was not read)."""
    v = out.values
    if v["net_pay"] is None and v["gross_pay"] is not None and v["deductions"] is not None:
        v["net_pay"] = v["gross_pay"] - v["deductions"]
        out.derived.add("net_pay")
    if v["deductions"] is None and v["gross_pay"] is not None and v["net_pay"] is not None:
        v["deductions"] = v["gross_pay"] - v["net_pay"]
        out.derived.add("deductions")
    if v["gross_pay"] is None and v["deductions"] is not None and v["net_pay"] is not None:
        v["gross_pay"] = v["deductions"] + v["net_pay"]
        out.derived.add("gross_pay")
    if v["extra_pay"] is None and v["base_pay"] is not None and v["gross_pay"] is not None and v["gross_pay"] >= v["base_pay"]:
        v["extra_pay"] = v["gross_pay"] - v["base_pay"]
        out.derived.add("extra_pay")
    del acc, cut


def column_holds(values: list[Decimal | None], total: Decimal | None) -> bool:
    """The rows' figures of a column add up to its printed total (every one read)."""
    return total is not None and all(v is not None for v in values) and sum(
        (v for v in values if v is not None), Decimal(0)) == total  # fmt: skip
