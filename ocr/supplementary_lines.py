"""A supplementary payroll's heading line inside the table (family AM: "Допълнителна ведомост - юбилейна награда",
"ДОПЪЛНИТЕЛНО НАЧИСЛЕНИ: ДМС за I тримесечие", "Доп. ведомост за преизчисление за м. март" typed under the month's
regular rows, the supplementary rows for some of the same people under it, numbered on). The line names what the
rows under it pay: it is no person's row and no part of a person's name.

Taken for a person (its own band of the grid), its words became a row "ДОПЪЛНИТЕЛНО НАЧИСЛЕНИ" with no amounts,
every printed row number under it one row off, and the page went to review whole (`layout_unproved`, AM dev 31001
p1); in the band of the row above it (a single-spaced sheet's line under the last regular row), its words were glued
to that person's name ("Митко Атанасов Илиев Допълнителна Ведомост", AM dev 31004 p1), or the line split between two
bands, the rest of it a row of its own ("Зла ДМС Зла", AM dev 31005 p2, sent to review as `people_merged`).

The line is told by its words (a supplementary payroll's: `ведомост`, `допълнителн...`, `начислен...`, a letter off)
and by what it lacks: it holds no figures (no amounts, no ЕГН, no row number) across the table (one word of it
read as digits in a column of figures aside). Its words,
followed along their typed line left and right, leave every cell of the people's rows; a band left without a word is
no row. A subtotal ("Всичко по основната ведомост" and its sums) has figures on its line: left to ``sheet``.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .geometry import Word, reading_text
from .sheet import SUBTOTAL_WORDS, Sheet, is_total_label

# the openings of a supplementary payroll's words (`ведомост`, `допълнителна`, `допълнително`, `начислени`)
OPENINGS = ("ведомост", "допълнителн", "начислен")
SLIPS = 2  # letters misread in an opening at the most
SAME_LINE = 0.5  # a word of the line overlaps the line's height by this share of its own at the least
GAP = 4.0  # the widest space between two words of the line, in the line's heights (a tab between its parts)
FIGURE = 3  # digits in a word that make it a figure (an amount, an ЕГН); a row's number stands left of the line
FIGURES = 2  # figures on the line that make it a line of sums or a person's (one: a word of it read by the digits'
# model, `за м.` read `3434` in the ЕГН's column, AM dev 31006 p1)


def _keyword(text: str) -> bool:
    w = text.lower().strip(":.,;-\"'()")
    return len(w) >= 6 and any(Levenshtein.distance(w[: len(o)], o) <= SLIPS for o in OPENINGS)


def _total_word(text: str) -> bool:
    w = text.lower().strip(":.,;-\"'()")
    return is_total_label(w) or any(Levenshtein.distance(w, t) <= 1 for t in SUBTOTAL_WORDS)


def _figure(w: Word) -> bool:
    return sum(ch.isdigit() for ch in w.text) >= FIGURE


def _overlap(a: Word, y0: int, y1: int) -> float:
    h = max(1, a.box.y1 - a.box.y0)
    return max(0, min(a.box.y1, y1) - max(a.box.y0, y0)) / h


def _line_of(seed: Word, words: list[Word]) -> list[Word]:
    """The words of ``seed``'s typed line: followed left and right from it, word to word, each on the line
    (``SAME_LINE``) and no further than ``GAP`` heights from the last."""
    line = [seed]
    h = max(1, seed.box.y1 - seed.box.y0)
    for step in (1, -1):
        last = seed
        while True:
            y0, y1 = last.box.y0, last.box.y1
            nxt = [
                w for w in words
                if w not in line and _overlap(w, y0, y1) >= SAME_LINE
                and (0 <= (w.box.x0 - last.box.x1) * step <= GAP * h if step > 0
                     else 0 <= last.box.x0 - w.box.x1 <= GAP * h)
            ]  # fmt: skip
            if not nxt:
                break
            last = min(nxt, key=lambda w: abs(w.box.x0 - last.box.x1) if step > 0 else abs(last.box.x0 - w.box.x1))
            line.append(last)
    return line


def heading_words(s: Sheet) -> set[int]:
    """The ids of the words of supplementary payroll's heading lines among ``s``'s people's rows."""
    words = [w for r in s.body_rows for (rr, _c), ws in s.cells.items() if rr == r for w in ws]
    out: set[int] = set()
    for seed in words:
        if id(seed) in out or not _keyword(seed.text) or _figure(seed):
            continue
        line = _line_of(seed, words)
        y0 = min(w.box.y0 for w in line)
        y1 = max(w.box.y1 for w in line)
        across = [w for w in words if _overlap(w, y0, y1) >= SAME_LINE]  # the line's height across the table
        if sum(_figure(w) for w in {id(w): w for w in [*line, *across]}.values()) >= FIGURES:
            continue  # a subtotal's label and its sums, or a person's line
        if any(_total_word(w.text) for w in line):
            continue  # a subtotal's label (`Всичко по основната ведомост`, `Сума основна вед.:`), its sums or not
        out.update(id(w) for w in [*line, *across])  # its words the line's gaps parted from it too (`е)`, `| 34.`)
    return out


def drop_heading_lines(s: Sheet) -> list[int]:
    """Take a supplementary payroll's heading lines out of ``s``'s people's rows, in place: their words out of
    every cell, a band left with no word out of the rows; returns the grid rows taken out."""
    gone_words = heading_words(s)
    if not gone_words:
        return []
    n_cols = len(s.texts[0]) if s.texts else 0
    gone = []
    for i, r in enumerate(s.body_rows):
        touched = False
        for c in range(n_cols):
            ws = s.cells.get((r, c), [])
            kept = [w for w in ws if id(w) not in gone_words]
            if len(kept) != len(ws):
                s.cells[(r, c)] = kept
                s.texts[i][c] = reading_text(kept)
                touched = True
        if touched and not any(t.strip() for t in s.texts[i]):
            gone.append(i)
    rows = [s.body_rows[i] for i in gone]
    for i in reversed(gone):
        del s.body_rows[i], s.texts[i]
    return rows
