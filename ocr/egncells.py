"""The ЕГН typed in another column's cell: headed `ЕГН работник` and `Длъжност / работа` in one cell with
no rule between them, the two columns were read as one (the position's), and no ЕГН column was found
(H dev 803 p6). Every ЕГН was then missing, and the page, "no ЕГН column", went to review as a whole.

Where most rows of the position column hold a ten-digit word (the text model reads some digits as
the letters they look like, ``normalise.digits`` reads them back), that word is the row's ЕГН: taken out
of the cell, read a second time with the digits model (``checks.check_egn`` weighs both readings and the
check digit), and the sheet has an ЕГН column after all.
"""

from __future__ import annotations

from . import checks, normalise
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, Word
from .reading import mosaic_read
from .sheet import Sheet

# the position's cell; an ЕГН in the name's cell came with a grid not found right (H dev 809 p6, the
# sheet's title taken for the heading): that page stays "not read as a whole" (``ocr.unplaced``), unless
# the ЕГН is typed on a line of its own under the name (``UNDER``)
HOSTS = ("position",)
# the name's cell, where the ЕГН is typed under the name on most rows (a person's row on two lines, the
# name's heading over both: family P, P dev 8014 p1, every ЕГН unread and the page in review whole)
UNDER = ("name",)
PAD = 8  # pixels around a word's box for its second reading (mosaic_read trims a cell's edges)


def _egn_word(ws: list[Word]) -> Word | None:
    found = [w for w in ws if len(normalise.digits(w.text)) == 10 and sum(ch.isdigit() for ch in w.text) >= 5]
    return found[0] if len(found) == 1 else None


def _egn_under(ws: list[Word]) -> Word | None:
    """The cell's ЕГН where it is a line of its own under the cell's words (a name over it)."""
    w = _egn_word(ws)
    above = [o for o in ws if o is not w and sum(ch.isalpha() for ch in o.text) >= 2]
    if w is None or not above or any(w.box.y0 < o.box.y1 - o.box.h // 4 for o in above):
        return None
    return w


def split_egn_cells(s: Sheet, kinds: list[str | None]) -> dict[int, Word]:
    """Draft index -> the ЕГН's word, taken out of its host cell (``s.texts`` changed in place); empty
    when the sheet has an ЕГН column or no host column holds one on most rows."""
    if "egn" in kinds:
        return {}
    for c, kind in enumerate(kinds):
        if kind not in HOSTS and kind not in UNDER:
            continue
        word = _egn_word if kind in HOSTS else _egn_under
        found = {i: w for i, r in enumerate(s.body_rows) if (w := word(s.cells.get((r, c), []))) is not None}
        if len(found) < max(2, (len(s.body_rows) + 1) // 2):
            continue
        for i, w in found.items():
            s.texts[i][c] = " ".join(s.texts[i][c].replace(w.text, " ", 1).split())
        return found
    return {}


def put_egns(a: Analysis, drafts: list[checks.RowDraft], found: dict[int, Word], engine: OcrEngine) -> None:
    """The ЕГН ``split_egn_cells`` found, on the drafts (every row gets the field: not found is unread),
    each with its second reading by the digits model."""
    if not found:
        return
    for d in drafts:
        d.values.setdefault("egn", None)
    keys = sorted(found)
    boxes = [Box(found[i].box.x0 - PAD, found[i].box.y0 - PAD, found[i].box.x1 + PAD, found[i].box.y1 + PAD)
             for i in keys]  # fmt: skip
    again = mosaic_read(a, boxes, lambda m: engine.figures(m, whitelist="0123456789"))
    for i, box, ws in zip(keys, boxes, again, strict=True):
        d, w = drafts[i], found[i]
        d.values["egn"] = normalise.egn(w.text)
        d.conf["egn"] = w.conf
        d.boxes["egn"] = a.transform.box_to_original(box)
        second = normalise.egn("".join(x.text for x in ws)) if ws else None
        if second is not None:
            d.alts["egn"] = [second]
