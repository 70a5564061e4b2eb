"""A person's row the grid never found must not vanish without a word. The printed row numbers
(`№ по ред`) say where one is missing: 1, then 7, 8, 9 read on the rows found means the people numbered
2 to 6 were lost (merged into a neighbour, or the grid missed their lines). Where the numbers on both
sides of the gap are vouched for (a neighbour one apart, or the first row numbered 1) and the columns do
not add up to their printed totals without them, each lost number comes back as an empty row in review
(reason ``unreadable``, the region between its neighbours), and the page goes to review as a page with
the numbers a person must read from the sheet. A number misread on one row (1, 2, 8, 4) is no gap: it is
left to ``checks.number_rows``, which flags it."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import numpy as np

from archive_core.records import SCORED_FIELDS, PageReview

from . import checks

ROWS_MISSING = "rows_missing"  # page review: printed row numbers with no row read for them
MAX_GAP = 30  # a jump larger than this is a misread number, not lost rows


def _person(d: checks.RowDraft) -> bool:
    return bool(d.values.get("name") or d.values.get("egn") or isinstance(d.values.get("row"), int))


def read_numbers(drafts: list[checks.RowDraft]) -> list[int | None]:
    """The row numbers as read, before ``rownumbers.number_rows`` puts them in order (call it first)."""
    return [v if isinstance(v := d.values.get("row"), int) else None for d in drafts]


def _columns_add_up(people: list[checks.RowDraft], totals: dict[str, str]) -> bool | None:
    """True when every money column with a printed total adds up over the rows found (then no row with
    pay is lost), False when one falls short, None when no total can tell."""
    verdicts = []
    for f in checks.MONEY:
        if f not in totals:
            continue
        try:
            total = Decimal(totals[f])
        except InvalidOperation:
            continue
        vals = [d.dec(f) for d in people]
        if any(v is None for v in vals):
            continue
        verdicts.append(abs(total - sum(v for v in vals if v is not None)) < Decimal("0.01"))
    return all(verdicts) if verdicts else None


def _between(above: list[int] | None, below: list[int] | None) -> list[int] | None:
    if above is None or below is None:
        return above or below
    if above[3] < below[1]:
        return [min(above[0], below[0]), above[3], max(above[2], below[2]), below[1]]
    return [min(above[0], below[0]), above[1], max(above[2], below[2]), below[3]]  # merged: both rows


def band_slice(box: list[int] | None, k: int, n: int) -> list[int] | None:
    """The ``k``-th of ``n`` equal bands of ``box`` from the top: where the ``k``-th lost row would be."""
    if box is None:
        return None
    x0, y0, x1, y1 = box
    h = (y1 - y0) / n
    return [x0, round(y0 + k * h), x1, round(y0 + (k + 1) * h)]


def restore_lost(
    drafts: list[checks.RowDraft], read: list[int | None], totals: dict[str, str]
) -> PageReview | None:
    """After ``rownumbers.number_rows``: an empty row in review for each printed number the gaps show
    lost (inserted in ``drafts`` in order, the numbers on both sides of a gap put back as read), and the
    page's review reason; None when no row is missing."""
    idx = [i for i, d in enumerate(drafts) if _person(d)]
    if len(idx) < 2 or _columns_add_up([drafts[i] for i in idx], totals) is True:
        return None
    gaps: list[tuple[int, int, int, int]] = []  # (draft above, draft below, first lost, last lost)
    for k in range(len(idx) - 1):
        p, q = idx[k], idx[k + 1]
        a, b = read[p], read[q]
        if a is None or b is None or not 2 <= b - a <= MAX_GAP:
            continue
        before = read[idx[k - 1]] if k > 0 else None
        after = read[idx[k + 2]] if k + 2 < len(idx) else None
        above_ok = before == a - 1 or (k == 0 and a == 1)
        below_ok = after == b + 1
        if above_ok and below_ok:
            gaps.append((p, q, a + 1, b - 1))
    head = _first_number(read, idx)
    if not gaps and head is None:
        return None
    lost: list[int] = []
    for p, q, first, last in reversed(gaps):
        drafts[p].values["row"], drafts[q].values["row"] = first - 1, last + 1
        box = _between(drafts[p].bbox, drafts[q].bbox)
        # a line between them with no name, ЕГН or number (the lost people's band, read as a row of
        # figures the columns filled in) is where the lost rows stand: theirs, not a row of its own
        ghosts = [j for j in range(p + 1, q) if not _person(drafts[j])]
        for j in reversed(ghosts):
            del drafts[j]
        q -= len(ghosts)
        for n in range(last, first - 1, -1):
            d = checks.RowDraft(values={"row": n}, bbox=band_slice(box, n - first, last - first + 1))
            d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
            d.review.add("row", checks.ROW_NUMBER)
            drafts.insert(q, d)
        lost += list(range(first, last + 1))
    if head is not None:  # after the gaps' rows went in: the first person's draft is still the first
        lost += _restore_first(drafts, idx[0], head)
    numbers = ", ".join(str(n) for n in sorted(lost))
    return PageReview(
        reason=ROWS_MISSING,
        detail=f"редове № {numbers} не са разчетени (номерата по ред прескачат, колоните не се събират "
        "до „Всичко“): препишете ги от листа",
    )


FIRST_LOST = 2  # at most this many first rows lost: a sheet numbered from 4 on goes on from another sheet


def _first_number(read: list[int | None], idx: list[int]) -> int | None:
    """The number the first row read bears where the sheet's first people, numbered before it, were lost (the
    heading band took their lines: R dev 10082 p5, p8, the grid's first rule half a line below the first
    person's typing): the first three rows read run ``a``, ``a+1``, ``a+2`` with ``a`` from 2 to
    ``FIRST_LOST + 1``; else None."""
    if len(idx) < 3:
        return None
    a, b, c = (read[i] for i in idx[:3])
    return a if a is not None and 2 <= a <= FIRST_LOST + 1 and b == a + 1 and c == a + 2 else None


def _restore_first(drafts: list[checks.RowDraft], at: int, a: int) -> list[int]:
    """Rows ``1`` to ``a-1`` back above the draft at ``at``, empty and in review; their numbers."""
    box = drafts[at].bbox
    above = None if box is None else [box[0], box[1] - (box[3] - box[1]) * (a - 1), box[2], box[1]]
    for n in range(a - 1, 0, -1):
        d = checks.RowDraft(values={"row": n}, bbox=band_slice(above, n - 1, a - 1))
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        d.review.add("row", checks.ROW_NUMBER)
        drafts.insert(at, d)
    return list(range(1, a))


def short_of_totals(
    drafts: list[checks.RowDraft], totals: dict[str, str], carried: dict[str, str] | None = None
) -> PageReview | None:
    """The rows read fall short of the printed "Всичко" as whole rows would: the gross and the net pay each less
    than their totals, by amounts that keep a row's own sum (what the gross lacks less what the deductions lack
    is what the net lacks; a total or a figure misread leaves one column short, not two alike). Rows under the last one read (no
    printed number after them to show a gap) were lost: the page goes to review with what is missing (AM eval:
    the last two supplementary rows of a sheet printed without ЕГН lost, their pay not on the page, no flag)."""
    people = [d for d in drafts if _person(d)]
    if len(people) < 2:
        return None
    lacks: dict[str, Decimal] = {}
    for f in ("gross_pay", "deductions", "net_pay"):
        if f not in totals:
            continue
        try:
            total = Decimal(totals[f]) - Decimal((carried or {}).get(f, "0"))
        except InvalidOperation:
            return None
        vals = [d.dec(f) for d in people]
        if any(v is None for v in vals):
            return None  # an unread figure: the sum tells nothing (and the figure is in review)
        lacks[f] = total - sum((v for v in vals if v is not None), Decimal(0))
    gross, net = lacks.get("gross_pay"), lacks.get("net_pay")
    if gross is None or net is None or gross <= 0 or net <= 0 or net > gross:
        return None
    if "deductions" in lacks and lacks["deductions"] != gross - net:
        return None
    return PageReview(
        reason=ROWS_MISSING,
        detail=f"брутното на редовете е с {checks.fmt(gross)} по-малко от „Всичко“ {totals['gross_pay']}: "
        "ред под последния разчетен може да е изгубен — сверете редовете с листа",
    )


def _restored(d: checks.RowDraft) -> bool:
    """A row brought back with nothing vouched: every field in review."""
    return set(SCORED_FIELDS) <= set(d.review)


TAIL_NEAR = 2  # row pitches: a row brought back this near under the last numbered row's top is the next line


def number_tail(drafts: list[checks.RowDraft]) -> None:
    """After ``rows_below.number_on``: where the rows after the last one with a number are all brought back with no
    number (an ЕГН or a name found on the page, every field in review) and keep no pitch (the foot of a
    continuation page merged: AK dev 29003 p4, the last two lines one band numbered 48, the next person's ЕГН and
    name brought back inside it), the first of them within ``TAIL_NEAR`` pitches under the last numbered row's top
    takes the next number, in review as an inference; its person's figures counted missing otherwise, with no
    flag. One number only: how many people the merged band held is not known."""
    at = [i for i, d in enumerate(drafts) if isinstance(d.values.get("row"), int) and d.bbox]
    if len(at) < 2 or at[-1] == len(drafts) - 1:
        return
    last = drafts[at[-1]]
    tail = drafts[at[-1] + 1 :]
    if any(d.values.get("row") is not None or not d.bbox or not _restored(d) for d in tail):
        return
    tops = [b[1] for i in at if (b := drafts[i].bbox)]
    pitch = min((b - a for a, b in zip(tops, tops[1:], strict=False) if b > a), default=0)
    assert last.bbox is not None
    near = [d for d in tail if d.bbox and last.bbox[1] < d.bbox[1] <= last.bbox[1] + TAIL_NEAR * pitch]
    held = {d.values.get("egn") for d in drafts if isinstance(d.values.get("row"), int)}
    people = [d for d in near if d.values.get("egn") and d.values.get("egn") not in held] or [
        d for d in near if d.values.get("egn") or d.values.get("name")
    ]
    if pitch <= 0 or not people:
        return
    n = last.values["row"]
    assert isinstance(n, int)
    people[0].values["row"] = n + 1
    people[0].review.add("row", checks.UNREADABLE)


MOST_LOST = 6  # row pitches: a longer step with nothing read is no run of lost people (a gap, a heading)
FEWEST_BACK = 4  # people brought back at the least for their steps to show the pitch (three steps, one of them the least)


def _brought_back_person(d: checks.RowDraft) -> bool:
    """A row brought back by an ЕГН or a name alone (no figure read for it), every field in review."""
    named = bool(d.values.get("egn") or d.values.get("name"))
    return named and _restored(d) and all(d.values.get(f) is None for f in SCORED_FIELDS if f not in ("egn", "name"))


def fill_pitch_gaps(drafts: list[checks.RowDraft]) -> None:
    """On a page none of whose rows has a number and every person's row brought back by an ЕГН or a name alone
    (AK dev 29002 p2, 29014 p2: a continuation page's numbers and figures unread), a step of ``k`` rows' pitch
    between two of them (the least step's) is ``k - 1`` people found by neither (or the produce a member took in
    kind, on a line of its own: which, a person tells): empty rows in review there, so that the rows that follow
    are not taken for the people before them and the last ones do not vanish. A row of sums under the people
    (figures read, no ЕГН) is left under them. Four people brought back are enough (AK dev 29014 p3: four names of
    nine people, a step of two and one of three pitches among them: three rows more in review, 24 fields counted
    lost without a flag -> 6); every row on such a page is in review, a row put in wrongly costs a look only."""
    people = list(drafts)
    while people and not _brought_back_person(people[-1]) and not people[-1].values.get("egn"):
        people.pop()  # the sums' line under the people
    if len(people) < FEWEST_BACK or any(
        d.values.get("row") is not None or not d.bbox or not _brought_back_person(d) for d in people
    ):
        return
    tops = [b[1] for d in people if (b := d.bbox)]
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    if any(st <= 0 for st in steps):
        return
    least = min(steps)
    pitch = float(np.median([st for st in steps if st <= 1.5 * least]))
    for k in reversed(range(len(steps))):
        box = people[k].bbox
        assert box is not None
        n = round(steps[k] / pitch)
        if 2 <= n <= MOST_LOST and abs(steps[k] - n * pitch) <= pitch / 4:
            at = drafts.index(people[k]) + 1
            for j in range(n - 1, 0, -1):
                top = round(box[1] + j * pitch)
                d = checks.RowDraft(values={}, bbox=[box[0], top, box[2], top + box[3] - box[1]])
                d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
                drafts.insert(at, d)
