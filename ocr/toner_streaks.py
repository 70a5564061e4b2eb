"""A photocopier's toner streaks: long dark stripes down the copy where the drum was dirty (family O). The
rule finder sees a long thin vertical stroke and takes it for a column's rule: a streak across an unruled
table made it a ruled one of two or three "columns" (O dev 7007 page 1: three streaks, no person read), and
streaks between a ruled table's own rules cut its columns in two (O dev 7005 page 1: three more columns, the
figures shifted off their headings).

A streak is told from a rule by where it runs: a table's rules stand between its top and bottom rules (a
form's may run on above an open heading, or down through a body with no rule under it, but not both); a
streak runs on through the page's heading and its signatures, from edge to edge of the copy, or from and to
anywhere. A streak is taken out of the vertical rules only: it stays in the rules' mask, so its ink is
taken out of the text as a rule's is (a stripe through a figure is no digit).
"""

from __future__ import annotations

from .lines import Rule, Rules

LONG = 0.45  # a table's horizontal rule spans this share of the page's width at the least (tables._long)
BEYOND = 0.04  # a streak runs on past the table's top and bottom rules by this share of the height, each
WHOLE = 0.96  # share of the height: a stroke this long runs from the image's top to its bottom


def is_streak(v: Rule, horizontal: list[Rule], size: tuple[int, int]) -> bool:
    """The vertical stroke ``v`` is a toner streak, not a rule: it runs on past the top and the bottom rule
    of the table it crosses (the long horizontal rules across its place) by ``BEYOND`` of the page's height
    each. A page without such rules says nothing: the stroke is kept."""
    height, width = size
    crossed = [h.pos for h in horizontal if h.length >= LONG * width and h.start - 10 <= v.pos <= h.end + 10]
    if len(crossed) < 2:
        return False
    top, bottom = min(crossed), max(crossed)
    margin = BEYOND * height
    if v.length >= WHOLE * height:  # from the image's top to its bottom: past either end is enough (a copy's
        # paper edge near the image's top taken for a rule across: AC dev 21025 p2, two streaks made columns)
        return v.start < top - margin or v.end > bottom + margin
    return v.start < top - margin and v.end > bottom + margin


def without_streaks(rules: Rules, size: tuple[int, int]) -> Rules:
    """``rules`` with the toner streaks taken out of the vertical rules (kept in the mask: their ink is no
    text). ``size``: the page's (height, width)."""
    kept = [v for v in rules.vertical if not is_streak(v, rules.horizontal, size)]
    if len(kept) == len(rules.vertical):
        return rules
    return Rules(rules.horizontal, kept, rules.mask, rules.listing)
