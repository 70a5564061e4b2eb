"""The employer and the period from a drawing's title block under the table ("основен надпис"): a sheet drawn up
in a drawing office's sheet frame names its employer and its period nowhere above the table, only in the ruled
block of cells at its lower right (family AI: the employer found on no page of 16 and the period on 6 when it was
measured held out; the header above the table is all the reader looked at).

Only where the header above the table gave no employer or no period, and only under the table: a block of cells
the rules enclose there (``MIN_CELLS`` at least), read once, each word to the cell it stands in. A cell opened by a
block's label ("Лист", "Арх. №", "Дата", "Инв. №", a signer's "Съставил" / "Проверил" / "Н-к отдел") holds no name or
period, nor does the cell right of it (its value: the date the sheet was drawn up, in the month after the one it
pays; a signer's surname). A cell naming a unit ("Секция ...", "Отдел ...") is no employer; nor is the document's
name (a title word). Of the cells left:

- the period is the one whose text reads as a month and a year (as the header reads them: ``header.read_period``); two
  cells giving two periods: none is taken (a person reads the page's period);
- the employer is the cell that names an organisation (its place, a quoted name or a legal form) and is the only
  one to; a name read from no such cell, or one of several, goes to review (``employer_review``).

Both are then read again as the header's are (``ocr.period``, ``ocr.roman_month``, ``ocr.employer_reread``)."""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from .analysis import Analysis
from .employer_doubts import doubt
from .engine import OcrEngine
from .geometry import Box, Word
from .header import (
    YEARS,
    Header,
    levenshtein,
    lines_of,
    place_words,
    read_employer,
    read_period,
    title_word,
    vocabulary,
    year_line,
)
from .preprocess import components
from .sheet import Sheet
from .superior_body import names_unit

MIN_CELLS = 4  # a title block has this many cells at least (a lone box under the table is a stamp's or a note's)
# ... and this many at most (AI's blocks: 19): more is a grid — a printed form's rows left empty under the people
# (AP dev 34001 p1: 221 cells over 4527 x 1070 px, read sparse by tesseract for over 5 CPU minutes, nothing found)
MAX_CELLS = 60
MIN_CELL = 25  # px at 300 dpi: a cell is at least this high and wide (smaller: a gap between two rules' ends)
FILLED = 0.7  # a cell fills this share of its bounding box at least (the rules enclose a rectangle)
BAND = 12  # px: two cells whose tops and feet are this near stand on one band of the block
GROUND = 25  # px: the closing that gives the ground under the lettering (wider than a stroke, at 300 dpi)
RULE_PAD = 5  # px: the rules' mask widened by this (their soft edges) is whitened before the block is read
BLOCK_PSM = 11  # tesseract: sparse text (the cells' words scattered over the block)
# a title block's labels (lower case, no marks): their cell, and the cell right of it, hold no name and no period
LABELS = (
    "лист", "листа", "листове", "арх", "архивен", "инв", "инвентарен", "дата", "мащаб", "формат", "съставил",
    "изготвил", "проверил", "одобрил", "утвърдил", "нормоконтрол", "контрол", "директор", "началник", "нк",
    "гл", "главен", "проектант", "чертожник", "копирал", "подпис", "изм", "брой",
)  # fmt: skip
UNTITLED = "периодът е прочетен от основния надпис под таблицата, в поле без наименованието на документа: проверете го"
# a unit of the employer opening a cell ("Секция „Архитектура“", "Чертожна зала"): no employer's name
UNIT_WORDS = ("секция", "група", "зала", "цех", "лаборатория")


def _cells(a: Analysis, top: int) -> list[Box]:
    """The cells the rules enclose under ``top`` (the table's foot), top to bottom: each a region of no rule
    that touches neither the region's edges nor is smaller than ``MIN_CELL``."""
    region = a.rules.mask[top:]
    if region.shape[0] < 4 * MIN_CELL:
        return []
    free = np.asarray(region == 0, np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(free, connectivity=4)
    H, W = free.shape
    cells = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if x == 0 or y == 0 or x + w >= W or y + h >= H or w < MIN_CELL or h < MIN_CELL:
            continue
        if area < FILLED * w * h:
            continue
        cells.append(Box(x, y + top, x + w, y + h + top))
    return sorted(cells, key=lambda b: (b.y0, b.x0))


def _core(text: str) -> str:
    return re.sub(r"[^а-я]", "", text.lower())


def _label(words: list[Word]) -> bool:
    """Does the cell open with a block's label ("Лист", "Арх. №", "Н-к отдел", "Дата")?"""
    first = _core(words[0].text)
    if not first:
        return words[0].text.strip() in ("№", "N")
    return any(first == lab or (len(lab) >= 5 and levenshtein(first, lab) <= 1) for lab in LABELS)


def _beside(cell: Box, label: Box) -> bool:
    """Is ``cell`` right of ``label`` on the same band of the block (its top and foot at the label's: the label's
    row, as a signer's role, surname and signature are)?"""
    return abs(cell.y0 - label.y0) <= BAND and abs(cell.y1 - label.y1) <= BAND and cell.x0 >= label.x1


def _organisation(words: list[Word]) -> bool:
    """Does the text name an organisation: a place, a quoted name, a legal form?"""
    places = place_words()
    forms = vocabulary()["legal_forms"]
    for w in words:
        t = w.text.strip(".,:;-–")
        if any(q in t for q in "„“\"«»") or t in forms:
            return True
        if t.strip("„“\"«»") in places:
            return True
    return False


def _unit(words: list[Word]) -> bool:
    return names_unit(words) or any(_core(w.text) in UNIT_WORDS for w in words[:2])


def _block_words(a: Analysis, cells: list[Box], engine: OcrEngine) -> list[Word]:
    """The block's words: one reading of the page's grey under the table, its ground made even (divided by its
    closing: a copy's tinted, banded ground read as letters otherwise) and its rules whitened (the cleaned page
    loses the small lettering's marks: AI dev 27001 p2 "август 1991 г." and its dash lost)."""
    x0, y0 = min(b.x0 for b in cells), min(b.y0 for b in cells)
    x1, y1 = max(b.x1 for b in cells), max(b.y1 for b in cells)
    grey = a.gray[y0:y1, x0:x1]
    ground = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, np.ones((GROUND, GROUND), np.uint8))
    even = np.clip(grey.astype(np.float32) / np.maximum(ground, 1).astype(np.float32) * 255.0, 0, 255)
    rules = cv2.dilate(a.rules.mask[y0:y1, x0:x1], np.ones((RULE_PAD, RULE_PAD), np.uint8))
    crop = np.ascontiguousarray(np.where(rules > 0, 255.0, even).astype(np.uint8))
    return [w for w in engine.words(crop, psm=BLOCK_PSM, offset=(x0, y0)) if w.conf > 0.1 or len(w.text) > 2]


def lacks(header: Header) -> bool:
    """``header`` lacks what a title block may give: its employer, or the employer is in doubt, or its month or
    year (else ``read_block`` reads none, and the table's foot need not be found: a labelling of the page's rules)."""
    sure = header.employer is not None and header.employer_review is None
    return not (sure and header.month is not None and header.year is not None)


def read_block(a: Analysis, header: Header, foot: int | None, engine: OcrEngine) -> Header:
    """``header`` with the employer and the period it lacks (or the employer it read in doubt) read from a title
    block under ``foot`` (the table's last rule)."""
    if foot is None or not lacks(header):
        return header
    cells = _cells(a, foot)
    if not MIN_CELLS <= len(cells) <= MAX_CELLS:
        return header
    words = _block_words(a, cells, engine)
    texts: list[tuple[Box, list[list[Word]]]] = []
    for cell in cells:
        inside = [w for w in words if cell.x0 <= w.box.cx < cell.x1 and cell.y0 <= w.box.cy < cell.y1]
        if inside:
            texts.append((cell, lines_of(inside)))
    labels = [cell for cell, lines in texts if _label(lines[0])]
    years = [y for cell, lines in texts if cell in labels for y in _years(" ".join(w.text for ln in lines for w in ln))]
    free = [(cell, lines) for cell, lines in texts
            if cell not in labels and not any(_beside(cell, lab) for lab in labels)]  # fmt: skip
    periods: list[Header] = []
    names: list[tuple[list[Word], bool]] = []
    for _, lines in free:
        found = Header()
        flat = [w for line in lines for w in line]
        for line in lines:
            read_period(line, found)  # (a month before a word where the year stands, not read as one: read again)
            if found.month is not None:
                break
        if found.month is not None and found.year_word is not None:
            if not any(title_word(w.text) for w in flat):  # no document's name over it: a date's part? a person reads it
                found.period_review = UNTITLED
            periods.append(found)
            continue
        if any(title_word(w.text) for w in flat) or _unit(flat) or sum(ch.isalpha() for w in flat for ch in w.text) < 4:
            continue
        if len(lines) == 1:
            names.append((flat, _organisation(flat)))
    out = replace(header)
    if out.month is None or out.year is None:
        if periods and len({(p.year, p.month) for p in periods}) == 1:
            p = periods[0]
            out.month, out.year, out.month_word, out.year_word = p.month, p.year, p.month_word, p.year_word
            out.period_conf, out.month_unsure, out.year_lost = p.period_conf, p.month_unsure, p.year_lost
            out.period_line, out.period_review = (), p.period_review
            out.block_years = tuple(years)
        elif not periods and not out.period_line:  # a year with no month read (a Roman numeral misread): read again
            out.period_line = next((tuple(ln) for _, lines in free for ln in lines if year_line(ln, [])), ())
    named = [n for n, org in names if org]
    if out.employer is None and names:
        _take(out, named[0] if named else names[0][0], a.gray, [] if len(named) == 1 else ["title_block"])
    elif out.employer is not None and out.employer_review is not None and len(named) == 1:
        # the name over the table in doubt (the table's headings taken for it where the grid begins under them,
        # AI dev 27005 p1): the block's, with the one over the table for a person to weigh
        _take(out, named[0], a.gray, ["above_table"], out.employer)
    return out


_DATE = re.compile(r"\b\d{1,2}[.,/]\d{1,2}[.,/](\d{2}|\d{4})\b")  # "07.09.90": the date a sheet was drawn up
_NUMBER_YEAR = re.compile(r"\d+/(\d{2})\b")  # "Арх. № 9225/90": an archive number of the year


def _years(text: str) -> list[int]:
    """The years a labelled cell's date or archive number gives ("Дата 07.09.90", "Арх. № 9225/90")."""
    out = []
    for rx in (_DATE, _NUMBER_YEAR):
        for m in rx.finditer(text):
            year = int(m.group(1)) % 100 + 1900
            if YEARS[0] <= year <= YEARS[1]:
                out.append(year)
    return out


def doubt_period(h: Header) -> None:
    """The period read from a title block in doubt when the block's date or archive number gives a year that is
    neither its year nor the next (a sheet is drawn up and filed in the month after the one it pays; a stencilled
    "1" read as "7" by both models: AI dev 27011 p1, "08.1981 г." taken for 1987 without a doubt)."""
    if h.year is None or not h.block_years or all(y in (h.year, h.year + 1) for y in h.block_years):
        return
    said = ", ".join(str(y) for y in dict.fromkeys(h.block_years))
    reason = f"годината {h.year} е прочетена от основния надпис, а датата или архивният номер в него дават {said}: проверете периода"
    h.period_review = "; ".join([r for r in (h.period_review, reason) if r])


def _take(h: Header, words: list[Word], gray: np.ndarray, kinds: list[str], above: str = "") -> None:
    """Set ``h``'s employer to the name read from ``words`` (a cell of the block), with the doubts of ``kinds``."""
    doubts: list[str] = []
    name = read_employer(words, gray, doubts)
    if name is None:
        return
    doubts += [doubt(k, name, above) for k in kinds]
    h.employer, h.employer_words = name, tuple(words)
    h.employer_conf = min(w.conf for w in words)
    h.employer_review = "; ".join(doubts) or None


def table_foot(a: Analysis, s: Sheet) -> int | None:
    """The y of the table's foot: the lowest rule of the ruling that crosses its first people's row (the grid may
    reach further down: a drawing frame's rule under a title block taken for its last band, AI dev 27009 p1), or
    the grid's line under its people and totals where that is higher; None when the sheet has no row."""
    rows = [*s.body_rows, *([s.totals_row] if s.totals_row is not None else [])]
    if not rows:
        return None
    g = a.grid
    foot = int(g.ys[max(rows) + 1])
    first = min(rows)
    n, labels, stats, _ = components(a.rules.mask)  # (Grana, 16-bit: the same labels, a third of the time)
    counts = np.bincount(labels[g.ys[first] : g.ys[first + 1], g.xs[0] : g.xs[-1] + 1].ravel(), minlength=n)
    counts[0] = 0
    k = int(np.argmax(counts))
    if counts[k] == 0:
        return foot
    return min(foot, int(stats[k, cv2.CC_STAT_TOP] + stats[k, cv2.CC_STAT_HEIGHT]))
