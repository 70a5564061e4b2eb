"""An ЕГН misread into another valid one: one misread digit gives an ЕГН whose check digit still holds
about once in eleven (E dev 501: ``5907057761`` read ``6907067761``, ``3505150630`` read ``3505158630``),
and nothing else on the sheet vouches for an ЕГН. Every ЕГН the checks let through is read a second
time with the other model (the text model where its column was read with the digits model, the digits
model otherwise), all of a page's ЕГН cells in one mosaic call. Where the second reading is a valid ЕГН
too and differs from the first, two readings each pass the check digit and nothing decides: the field
goes to a person (``checks.READINGS_DISAGREE``). A second reading that fails its check digit, or none,
leaves the first one standing (the two models often disagree on a right ЕГН, rarely into a valid one).
"""

from __future__ import annotations

from itertools import product

from archive_core import egn as egn_mod

from . import normalise
from .analysis import Analysis
from .checks import READINGS_DISAGREE, RowDraft
from .engine import OcrEngine
from .reading import mosaic_read
from .sheet import Sheet

DIGITS = "0123456789"
MAX_DIFF = 4  # digits the two readings may differ in and still be one ЕГН read twice
FAR_APART = 3  # digits two readings of one ЕГН differ in where neither model can be trusted with it


def second_egns(a: Analysis, s: Sheet, kinds: list[str | None], read_kinds: list[str], drafts: list[RowDraft],
                engine: OcrEngine) -> dict[int, str | None]:  # fmt: skip
    """Draft index -> the second reading (None: nothing read) of every valid ЕГН not already doubted.
    ``read_kinds``: ``analysis.column_kinds`` as ``reading.recognise`` was given them (its 'numeric'
    columns were read with the digits model)."""
    if "egn" not in kinds:
        return {}
    c = kinds.index("egn")
    rows = [i for i, d in enumerate(drafts)
            if isinstance(v := d.values.get("egn"), str) and "egn" not in d.review and egn_mod.is_valid(v)]  # fmt: skip
    if not rows:
        return {}
    boxes = [a.grid.cell(s.body_rows[i], c) for i in rows]
    # read first with the digits model (reading.recognise): again with the text model, and the other way round
    if c < len(read_kinds) and read_kinds[c] == "numeric":
        read = mosaic_read(a, boxes, lambda m: engine.words(m, psm=6, whitelist=DIGITS))
    else:
        read = mosaic_read(a, boxes, lambda m: engine.figures(m, whitelist=DIGITS))
    texts = ["".join(w.text for w in ws) for ws in read]
    return {i: normalise.egn(text) if text else None for i, text in zip(rows, texts, strict=True)}


def disagree(first: str, second: str | None) -> bool:
    """The two readings, combined digit by digit where they differ, make a valid ЕГН other than ``first``:
    either model may hold the right digit (E dev 501: ``6907067761`` read again ``5907057764``, the truth
    ``5907057761`` takes the second reading's first digits and the first reading's check digit)."""
    if second is None or second == first or len(second) != len(first):
        return False
    diff = [k for k in range(len(first)) if first[k] != second[k]]
    if len(diff) > MAX_DIFF:
        return False  # not the same ЕГН read twice (a neighbour's line, a smudge)
    for choice in product((False, True), repeat=len(diff)):
        if any(choice):
            cand = list(first)
            for k, take in zip(diff, choice, strict=True):
                if take:
                    cand[k] = second[k]
            if egn_mod.is_valid("".join(cand)):
                return True
    return False


def far_apart(first: str, second: str | None) -> bool:
    """The two readings differ in ``FAR_APART`` digits or more: the glyphs are too blurred for either model
    (a phone's photograph at 125-195 dpi, Q dev 9020 p1: `3504114962` read `2804114982`, valid by chance,
    and `2594114962`). On Q, O, P and A dev pages (44) this held for 4 of ~390 right ЕГН and 4 of 9 wrong
    ones that passed their check digit; one or two digits apart is the models' usual disagreement."""
    return second is not None and len(second) == len(first) and sum(x != y for x, y in zip(first, second, strict=True)) >= FAR_APART


def doubt_valid_disagreeing(a: Analysis, s: Sheet, kinds: list[str | None], read_kinds: list[str],
                            drafts: list[RowDraft], engine: OcrEngine) -> int:  # fmt: skip
    """Send to review each ЕГН whose second reading is another valid ЕГН, or differs from it in ``FAR_APART``
    digits or more; how many were sent."""
    sent = 0
    for i, second in second_egns(a, s, kinds, read_kinds, drafts, engine).items():
        d = drafts[i]
        first = str(d.values.get("egn"))
        if second is not None and (disagree(first, second) or far_apart(first, second)):
            d.alts.setdefault("egn", []).append(second)
            d.review.add("egn", READINGS_DISAGREE)
            sent += 1
    return sent
