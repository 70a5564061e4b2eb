"""A second reading of the names the checks doubt for their confidence alone.

A name is read once, with the page's text (``reading.recognise``); a face the model is unsure of (family
G's light typewriter, specks, a stamp's ring) gives right names at a confidence near 0, and each went to
a person (G dev 701: 12 right names of 25 flagged). The doubted names' cells are read again, alone, on a
mosaic (a second opinion of the same model on other surroundings). Where both readings give the same
name, every word of it a known name (``names.check_name``: sure), the two readings and the lexicon vouch
for it and the doubt goes. Where only the second is sure and the first is that name with a letter or two
misread ('Цеетакова' for 'Цветанова'), the second is taken and the name stays in review.
"""

from __future__ import annotations

from rapidfuzz.distance.Levenshtein import distance as levenshtein

from . import checks, normalise
from .analysis import Analysis
from .engine import OcrEngine
from .names import check_name, clipped_word, names_garbled
from .reading import mosaic_read
from .sheet import Sheet

MAX_LETTERS_OFF = 2  # per word, for the second reading to replace an unsure first one


def doubted_for_confidence(drafts: list[checks.RowDraft]) -> list[int]:
    return [i for i, d in enumerate(drafts)
            if d.review.reasons.get("name") == checks.LOW_CONFIDENCE and d.values.get("name")]  # fmt: skip


def reread_names(
    a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], engine: OcrEngine
) -> None:
    """Read the doubted names' cells again (one engine call for the page); the readings go to ``alts``."""
    if "name" not in kinds:
        return
    c = kinds.index("name")
    rows = doubted_for_confidence(drafts)
    if not rows:
        return
    boxes = [a.grid.cell(s.body_rows[i], c) for i in rows]
    read = mosaic_read(a, boxes, lambda m: engine.words(m, psm=6))
    for i, ws in zip(rows, read, strict=True):
        text = normalise.name(" ".join(w.text for w in ws)) if ws else None
        if text:
            drafts[i].alts["name"] = [text]


def _close(first: str, second: str) -> bool:
    a, b = first.split(), second.split()
    return len(a) == len(b) and all(levenshtein(x, y) <= MAX_LETTERS_OFF for x, y in zip(a, b, strict=True))


def vouch_names(drafts: list[checks.RowDraft]) -> None:
    """Clear the doubt of a name both readings give alike and the lexicon knows; take a sure second
    reading over an unsure first one a letter or two away (still in review)."""
    misread = checks.glyphs_misread(drafts)  # the page's glyphs read badly: the same model again is no vouch
    misread = misread or names_garbled([d.values.get("name") for d in drafts])  # so with most names garbled
    for i in doubted_for_confidence(drafts):
        d = drafts[i]
        second = next((x for x in d.alts.get("name", []) if isinstance(x, str)), None)
        if second is None:
            continue
        first = str(d.values["name"])
        _, sure1 = check_name(first)
        fixed2, sure2 = check_name(second)
        if not sure2 or fixed2 is None:
            continue
        if sure1 and fixed2 == first and clipped_word(first) is None and not misread:
            d.review.discard("name")  # (a name with a word that may have lost its first letter: the same cell
            # read again loses it again, no second opinion; nor does it on a page whose ЕГН show its glyphs
            # misread: 'Петко' for 'Петър' read so twice)
        elif not sure1 and _close(first, fixed2):
            d.values["name"] = fixed2
