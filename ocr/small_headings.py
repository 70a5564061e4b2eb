"""A printed form's column headings in small print, read again cell by cell (issue 9, family T: an agricultural
co-operative's payroll handwritten on a blank form bought printed, its headings in a small condensed face and the
form's light ink). Read with the rest of the page, whose handwriting is three times their size, such headings come
out as a few letters no field's words are made of (T dev 12005 p2: `тои`, `шиш`, `ж` for `ЕГН на члена`,
`Доплащане по резултат`, `Общо заработено`): no column was placed by its heading, the days, base, additional
and gross pay were told apart by their sizes alone and the page went to review whole.

Every heading cell with ink whose first reading names no field is read again alone, all of them in one call of the
engine (a mosaic of the cells, ``reading.mosaic_read``); the new reading replaces the first only where it names a
field (or a day's rate, a class: ``outside_columns``), so a heading that names nothing either way (a form's column
nobody filled, `Натурално заплащане`) and every heading read right the first time stay as they were."""

from __future__ import annotations

from . import columns, group_headings, outside_columns
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, reading_text
from .reading import mosaic_read
from .sheet import Sheet

INK = 150  # pixels of ink in a heading cell at the least (a speck of dust is no heading)


def read_again(a: Analysis, s: Sheet, engine: OcrEngine) -> None:
    """Replace the headings in ``s.headings`` that name nothing by their reading alone, where that names a field."""
    g = a.grid
    if len(g.ys) < 2 or not s.body_rows:  # no row read: no column to name
        return
    rules = group_headings.group_rules(a)
    y1 = g.ys[1]
    todo: list[int] = []
    tops: dict[int, int] = {}
    for c in range(min(len(s.headings), len(g.xs) - 1)):
        first = s.headings[c]
        if columns.heading_votes(first) or outside_columns.named_not_pay(first):
            continue
        x0, x1 = g.xs[c], g.xs[c + 1]
        y0 = tops[c] = group_headings.under_groups(a, c, rules)  # (a two-level heading's group cell: not its own)
        if x1 - x0 < 12 or y1 - y0 < 12 or int((a.ink[y0 + 4 : y1 - 4, x0 + 4 : x1 - 4] > 0).sum()) < INK:
            continue
        todo.append(c)
    if not todo:
        return
    boxes = [Box(g.xs[c], tops[c], g.xs[c + 1], y1) for c in todo]
    read = mosaic_read(a, boxes, lambda m: engine.words(m, psm=6))
    for c, ws in zip(todo, read, strict=True):
        text = reading_text(ws)
        if columns.heading_votes(text) or outside_columns.named_not_pay(text):
            s.headings[c] = text
