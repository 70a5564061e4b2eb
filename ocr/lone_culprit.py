"""A column that does not add up is not held against rows that are right beyond doubt, where the column
has a culprit the sums can see (issue 9, review load: "the flags do not say which figure is in doubt").

When a printed total that obeys the row's own sums is not what its column adds up to,
``checks.check_totals`` sends every figure of that column to a person, and through the row sums every
figure beside them. ``checks._clear_rows_read_twice`` lifts that from a row both models read alike whose
every sum holds, where another row's sum doubts a figure of the column or the figure was not read. It
missed the culprits the sums cannot check (D dev 103 page 6: one row's gross misread beside its base and
net unread, so no sum of that row could be done, and 44 of the page's 55 money figures went to review;
page 4: one base misread, its row's additional pay filled in from the gross: the row's sum holds only
because it was made to, and both pay columns of twelve rows went to review).

Here a column's culprit is also a row whose sum through the figure cannot be done (a partner unread) or
holds only through a figure the sums filled in. A row is cleared only when each of its figures in doubt
was read by both passes, alike or the second reading breaking a sum the first keeps, each of its sums can
be done and holds as read, nothing of it was filled in, corrected or changed by a page-level step, its
gross is not far from the others', and its only doubts are a row sum through a doubtful neighbour or the
column total: a wrong figure there would need two or three misreads in one row that make up for each
other to the stotinka.

And only where the column's difference has a place to go: each column the row is flagged in that does
not add up to its printed total holds a figure in doubt outside the rows cleared; where it holds exactly
one, what the total leaves for it (for every such figure of its row together) keeps its row's sums that
can be done (where it holds several, they can share the difference and the totals cannot test which: the
rows beside them are cleared as before; E dev 505 p6, D dev 103 p4/p6). Not a row the second model read
so that it adds up otherwise: two or more of its figures read otherwise keeping every sum, or its gross or
net read a digit off where the same difference on other figures, each a digit off too, keeps every sum
(the row's sum itself may have moved: `1377.66` and `1242.66` both misread alike for 1377.60 and 1242.60
keep net = gross - deductions; E dev 507 --hard all p1, two figures silent).
"""

from __future__ import annotations

from decimal import Decimal
from itertools import product

from . import checks, sheet
from .analysis import Analysis
from .engine import OcrEngine
from .reading import second_pass


def _culprit_columns(drafts: list[checks.RowDraft], money: list[str]) -> set[str]:
    """The columns holding a figure some row's sums doubt, cannot check, or hold only by construction."""
    out: set[str] = set()
    everything: dict[str, Decimal | None] = {f: Decimal(1) for f in money}
    for r in drafts:
        made = (r.derived | r.unconfirmed) & set(money)
        v = {f: r.dec(f) for f in money}
        done = checks.row_relations(v)
        for ok, names in done:
            if not ok or made & set(names):
                out.update(names)
        for _, names in checks.row_relations(everything):  # a sum of the row that cannot be done
            if any(v[n] is None for n in names):
                out.update(names)
        out.update(f for f in money if v[f] is None)
    return out


def _read_alike(r: checks.RowDraft, f: str, money: list[str], *, needed: bool) -> bool:
    """The second pass read the figure as the first did, or otherwise only where its reading breaks a sum
    the first reading keeps (the sums decide against it: `292.18` for a gross of 249.90 + 42.48);
    ``needed``: it must have read it (the engine's confidence says little on some faces, 0 for every
    figure of D dev 103 page 4)."""
    alts = [Decimal(str(a)) for a in r.alts.get(f, []) if a is not None]
    v = {k: r.dec(k) for k in money}
    for a in alts:
        if a != v[f] and all(ok for ok, _ in checks.row_relations({**v, f: a})):
            return False
    return bool(alts) or not needed


def _candidates(drafts: list[checks.RowDraft], money: list[str]) -> list[checks.RowDraft]:
    """Rows whose money doubts only a column or a neighbour's sum could have raised: every sum of the row
    can be done and holds as read, nothing of it filled in, corrected or changed by a page-level step, its
    gross not far from the others' (a row misread alike, a hundred times too small, keeps its sums)."""
    everything: dict[str, Decimal | None] = {f: Decimal(1) for f in money}
    rels_all = checks.row_relations(everything)
    possible = len(rels_all)
    if {n for _, names in rels_all for n in names} != set(money):
        return []  # a figure no sum binds (a base pay beside no additional pay) is no one's to clear
    if any(d.values.get("name") is None and d.values.get("egn") is None for d in drafts):
        return []  # (a line of figures and no person: the rows below it may have shifted)
    gross = sorted(x for r in drafts if (x := r.dec("gross_pay")) is not None and x > 0)
    median = gross[len(gross) // 2] if gross else None
    out = []
    for r in drafts:
        flagged = [f for f in money if f in r.review]
        if not flagged or "row" in r.review:
            continue
        rels = checks.row_relations({f: r.dec(f) for f in money})
        if len(rels) != possible or not all(ok for ok, _ in rels):
            continue
        if (r.derived | r.unconfirmed | r.corrected | set(r.changed)) & set(money):
            continue
        if any(r.review.reasons.get(f) not in (checks.ROW_SUM, checks.COLUMN_TOTAL) for f in flagged):
            continue
        g = r.dec("gross_pay")
        if median is not None and g is not None and not (median / 8 <= g <= median * 8):
            continue
        out.append(r)
    return out


def _second_reading(r: checks.RowDraft, f: str) -> Decimal | None:
    """The second model's reading of the figure (the first of its other readings: the second pass comes
    before the figures offered with split digits or dotted zeros), None where it was not read again."""
    alts = [a for a in r.alts.get(f, []) if a is not None]
    return Decimal(str(alts[0])) if alts else None


def _slip(first: Decimal, other: Decimal) -> bool:
    """One digit read otherwise, the figure as long as it was read (the kind of misread two figures of one
    sum can share, in the same place)."""
    a, b = f"{first:.2f}", f"{other:.2f}"
    return other >= 0 and len(a) == len(b) and checks.one_edit(a, b)


def _second_reading_doubts(r: checks.RowDraft, money: list[str]) -> bool:
    """Another reading of the row adds up as well as the first: the second model's readings of two or more
    of its figures, with the first model's elsewhere, keep every sum of the row; or it read the gross or
    net a digit off, and that reading, with the same difference on other figures of the row each a digit
    off too, keeps every sum (the row's sum itself may have moved: `1377.66` and `1242.66` both misread
    alike for 1377.60 and 1242.60 keep net = gross - deductions; E dev 507 --hard all p1). Not readings
    that break a sum (D dev 103 p6: a face whose eights the second model reads as zeros, `2407.99` for a
    base and a gross of 2487.99, that no deductions and net of the row follow; E dev 507 p2: a rule read as
    a leading `1`, `21217.58` and `11789.59` for 2217.58 and 1789.59)."""
    v = {f: r.dec(f) for f in money}
    second = {f: a for f in money if (a := _second_reading(r, f)) is not None and a != v[f]}
    if len(second) >= 2 and all(ok for ok, _ in checks.row_relations({**v, **second})):
        return True
    for f in second.keys() & {"gross_pay", "net_pay"}:
        vf = v[f]
        if vf is None or not _slip(vf, second[f]):
            continue
        d = second[f] - vf
        read = {g: x for g in money if g != f and (x := v[g]) is not None}
        others = [g for g, x in read.items() if _slip(x, x + d) or _slip(x, x - d)]
        for moves in product((0, 1, -1), repeat=len(others)):
            moved = {g: read[g] + m * d for g, m in zip(others, moves, strict=True) if m}
            trial: dict[str, Decimal | None] = {**v, f: second[f], **moved}
            if all(_slip(read[g], x) for g, x in moved.items()) and all(
                ok for ok, _ in checks.row_relations(trial)
            ):
                return True
    return False


def _in_doubt(r: checks.RowDraft, f: str, money: list[str], confirmed: set[str]) -> bool:
    """A check other than its column doubts the figure: it was not read, or filled in and its column does
    not confirm it, or flagged for another reason than a row sum or the column, or no sum of its row holds
    through it without such a fill."""
    made = (r.derived | r.unconfirmed) - confirmed
    if r.dec(f) is None or f in made:
        return True
    if f in r.review and r.review.reasons.get(f) not in (checks.ROW_SUM, checks.COLUMN_TOTAL):
        return True
    rels = checks.row_relations({k: r.dec(k) for k in money})
    return not any(ok and f in names and not made & set(names) for ok, names in rels)


def _one_place_for_differences(
    drafts: list[checks.RowDraft],
    cleared: list[checks.RowDraft],
    totals: dict[str, str],
    carried: dict[str, str],
    money: list[str],
) -> set[str] | None:
    """The columns that do not add up to their printed totals, where each holds one figure in doubt outside
    ``cleared`` and what the totals leave for those figures keeps their rows' sums; None where a column
    that does not add up has no total, two figures in doubt or none, or the figures the totals leave break
    a sum of their row."""
    keep = {id(r) for r in cleared}
    off: set[str] = set()
    implied: dict[int, dict[str, Decimal]] = {}
    adds_up = set()
    for f in money:
        read = [x for r in drafts if (x := r.dec(f)) is not None]
        start = Decimal(carried.get(f, "0"))
        if f in totals and len(read) == len(drafts) and start + sum(read, Decimal(0)) == Decimal(totals[f]):
            adds_up.add(f)
    for f in money:
        if f in adds_up:
            continue
        if f not in totals:
            off.add(f)  # (no total: whether the column adds up nobody knows; no column flag to lift)
            continue
        start = Decimal(carried.get(f, "0"))
        doubted = [r for r in drafts if id(r) not in keep and _in_doubt(r, f, money, adds_up)]
        if not doubted:
            return None  # (the difference has nowhere to go but a row cleared, or the total was misread)
        if len(doubted) > 1:
            off.add(f)  # (several figures in doubt can share it: the totals cannot test which)
            continue
        r = doubted[0]
        left = Decimal(totals[f]) - start - sum((v for d in drafts if d is not r and (v := d.dec(f)) is not None),
                                                Decimal(0))  # fmt: skip
        if left < 0 or left == r.dec(f):
            return None
        implied.setdefault(id(r), {})[f] = left
        off.add(f)
    for r in drafts:
        if id(r) in implied:
            trial: dict[str, Decimal | None] = {f: r.dec(f) for f in money}
            trial.update(implied[id(r)])
            if not all(ok for ok, _ in checks.row_relations(trial)):
                return None
    return off


def reread_to_vouch(
    a: Analysis, s: sheet.Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], engine: OcrEngine
) -> None:
    """The second model reads the figures in doubt of the rows ``clear_where_culprit_known`` could clear
    that it has not read yet (the second pass reads what the first checks doubted; the column's flags can
    come after it): a second reading is the evidence the clearing needs."""
    money = [f for f in checks.MONEY if f in kinds]
    rows = {id(d) for d in _candidates(drafts, money)}
    targets = [
        sheet.Target(i, f, s.figure_box(a.grid, s.body_rows[i], kinds.index(f)))
        for i, d in enumerate(drafts)
        if id(d) in rows
        for f in money
        if f in d.review and not d.alts.get(f)
    ]
    if targets:
        sheet.add_readings(
            drafts, targets, second_pass(a, [(k, t.box) for k, t in enumerate(targets)], engine)
        )


def clear_where_culprit_known(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str]
) -> int:
    """Lift the column and row-sum flags of rows right beyond doubt beside a culprit the sums see; how many
    figures were lifted."""
    money = [f for f in checks.MONEY if f in present]
    culprits = _culprit_columns(drafts, money)
    rows = []
    for r in _candidates(drafts, money):
        flagged = [f for f in money if f in r.review]
        if not all(_read_alike(r, f, money, needed=f in flagged) for f in money):
            continue
        if _second_reading_doubts(r, money):
            continue
        if all(r.review.reasons.get(f) == checks.ROW_SUM or f in culprits for f in flagged):
            rows.append(r)
    off = _one_place_for_differences(drafts, rows, totals, carried, money) if rows else None
    if off is None:
        return 0
    lifted = 0
    for r in rows:
        flagged = [f for f in money if f in r.review]
        if any(r.review.reasons.get(f) == checks.COLUMN_TOTAL and f not in off for f in flagged):
            continue  # (a column that adds up, yet flagged: its total's doubt is not this module's to lift)
        for f in flagged:
            r.review.discard(f)
            r.proven.add(f)
            lifted += 1
    return lifted
