"""The ЕГН typed in another column's cell: headed `ЕГН работник` and `Длъжност / работа` in one cell with
no rule between them, the two columns were read as one (the position's), and no ЕГН column was found
(H dev 803 p6). Every ЕГН was then missing, and the page, "no ЕГН column", went to review as a whole.

Where most rows of the position column hold a ten-digit word (the text model reads some digits as
the letters they look like, ``normalise.digits`` reads them back), that word is the row's ЕГН: taken out
of the cell, read a second time with the digits model (``checks.check_egn`` weighs both readings and the
check digit), and the sheet has an ЕГН column after all.
"""

from __future__ import annotations

from . import checks, columns, normalise
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


def _second_line(ws: list[Word]) -> list[Word]:
    """The cell's words on a line under its first (the name's): their middles below the first line's
    bottom (the lowest top word's)."""
    if len(ws) < 2:
        return []
    floor = min(o.box.y1 for o in ws)
    return [o for o in ws if o.box.cy > floor]


def _egn_under(ws: list[Word]) -> Word | None:
    """The cell's ЕГН where it is a line of its own under the cell's words (a name over it)."""
    w = _egn_word(ws)
    below = _second_line(ws)
    if w is None or w not in below or not any(sum(ch.isalpha() for ch in o.text) >= 2 for o in ws if o not in below):
        return None
    return w


def _digit_like(text: str) -> bool:
    """Most of the word's characters are digits or letters read for them (`зоово`, not `Воргиева`)."""
    return 2 * len(normalise.digits(text)) >= len(text.strip())


def _digits_on(line: list[Word]) -> list[Word]:
    """A line's words from its first digit-like one on (the ЕГН typed at the line's start, split or misread
    in parts: `зоово` `тт`; a name's word that dropped to the line before it stays the name's)."""
    line = sorted(line, key=lambda o: o.box.x0)
    start = next((k for k, o in enumerate(line) if _digit_like(o.text)), len(line))
    return line[start:]


def _under_as_read(ws: list[Word]) -> Word | None:
    """The line under the name as one word (the engine split or misread the ЕГН there: `зоово тт`), where
    it reads as four digits or more: the ЕГН's place, for the digits model to read again."""
    below = _digits_on(_second_line(ws))
    text = " ".join(o.text for o in below)
    if not below or len(normalise.digits(text)) < 4:
        return None
    box = Box(min(o.box.x0 for o in below), min(o.box.y0 for o in below),
              max(o.box.x1 for o in below), max(o.box.y1 for o in below))  # fmt: skip
    return Word(text, min(o.conf for o in below), box)


def _headed_egn(s: Sheet, c: int) -> bool:
    """The column's heading names the ЕГН beside the name (`ИМЕ ПРЕЗИМЕ ФАМИЛИЯ (ЕГН)`: P dev 8015 p1, an
    out-of-focus scan whose ЕГН under the names read as ten digits on one row of seven)."""
    return c < len(s.headings) and bool(columns.heading_votes(s.headings[c]).get("egn"))


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
        if len(found) < max(2, (len(s.body_rows) + 1) // 2) and not (kind in UNDER and _headed_egn(s, c)):
            continue
        parts: dict[int, list[Word]] = {i: [w] for i, w in found.items()}
        if kind in UNDER:  # the other rows' line under the name: their ЕГН misread or split
            for i, r in enumerate(s.body_rows):
                ws = s.cells.get((r, c), [])
                if i not in found and (w := _under_as_read(ws)) is not None:
                    found[i], parts[i] = w, _digits_on(_second_line(ws))
        if len(found) < max(2, (len(s.body_rows) + 1) // 2):
            continue  # (headed so, most rows' line under the name still reads as digits)
        for i, ws in parts.items():
            for w in ws:
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
