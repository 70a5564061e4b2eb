"""A two-level heading's group cells (family W: "Начислено" over the base, additional and gross pay, "Удръжки"
over the deductions' items and their total, each a merged cell over a rule that spans its columns). Read with
the heading, a group's words fall in the column under their middle: W dev 15002 p1 headed its additional pay
`Начислени суми`, a name of the gross pay, and every row's additional pay went to review as a column headed
otherwise; a narrow column's heading on its side was not read again either, its first reading naming a field.

A word of the heading band that stands over a rule inside the band (not the band's own top or bottom), where
that rule runs across two or more of the columns' rules, is a group's: it leaves its column's heading. A heading
spanning two columns alone (leva and stotinki, `лв.` | `ст.` under it) crosses one column rule and stays."""

from __future__ import annotations

from .analysis import Analysis
from .geometry import reading_text
from .lines import Rule
from .sheet import Sheet, column_sets_repeat

INSIDE = 0.1  # a group's rule lies this share of the band's height away from the band's top and bottom
REACH = 10  # pixels a column's rule lies inside a group's rule's ends, at the least
CROSSED = 2  # column rules a group's rule crosses, at the least


def group_rules(a: Analysis) -> list[Rule]:
    """The horizontal rules inside the heading band that run across ``CROSSED`` column rules or more."""
    g = a.grid
    if len(g.ys) < 2:
        return []
    top, bottom = g.ys[0], g.ys[1]
    margin = INSIDE * (bottom - top)
    return [
        r
        for r in a.rules.horizontal
        if top + margin < r.pos < bottom - margin and sum(r.start + REACH < x < r.end - REACH for x in g.xs) >= CROSSED
    ]


def under_groups(a: Analysis, c: int, rules: list[Rule] | None = None) -> int:
    """The top of column ``c``'s own heading: under the lowest group's rule over the column (else the band's top)."""
    g = a.grid
    mid = (g.xs[c] + g.xs[c + 1]) / 2
    over = [r.pos for r in (group_rules(a) if rules is None else rules) if r.start <= mid <= r.end]
    return max(over, default=g.ys[0])


def take_off_groups(a: Analysis, s: Sheet) -> None:
    """The group cells' words out of ``s``'s column headings (and heading cells), in place. Headings that
    name the columns twice are two sheets side by side, not a two-level heading: the other sheet's heading
    rule, skewed into this one's heading band, is no group's (hard dev seed 72 p1: the right sheet's headings
    taken off, the page no longer read as two tables, a person's name issued beside another's figures)."""
    rules = group_rules(a)
    if not rules or column_sets_repeat(s.headings) is not None:
        return
    g = a.grid
    for c in range(min(len(s.headings), g.n_cols)):
        words = s.cells.get((0, c), [])
        if not words or s.headings[c] != reading_text(words):  # (a heading made of other lines: left as it is)
            continue
        keep = [w for w in words
                if not any(w.box.cy < r.pos and r.start <= w.box.cx <= r.end for r in rules)]  # fmt: skip
        if len(keep) < len(words):
            s.cells[(0, c)] = keep
            s.headings[c] = reading_text(keep)
