"""Rules at the very edge of the image are no table's rules: turning a page to deskew it leaves a wedge of
white fill beside the grey paper, and the step between them reads as a long thin stroke (D dev 103
page 7: a "rule" 20 px from the top, over half the width, taken for the table's top rule, so the real
heading was read as people's rows and eight of nine people were lost). Such strokes are dropped before
the grid is found; the table's own rules keep their place."""

from __future__ import annotations

from dataclasses import replace

from .lines import Rule, Rules

# how near the image's edge (share of its height or width) a rule is taken for the edge of the paper
EDGE = 0.015


def _inside(rules: list[Rule], extent: int) -> list[Rule]:
    margin = max(8, int(EDGE * extent))
    return [r for r in rules if margin <= r.pos <= extent - 1 - margin]


def drop_border_rules(rules: Rules, height: int, width: int) -> Rules:
    """``rules`` without the strokes that hug the image's border (the paper's edge, a deskew's fill),
    as long as two long horizontal rules stay (a sheet cropped to its table keeps its rules)."""
    horizontal = _inside(rules.horizontal, height)
    vertical = _inside(rules.vertical, width)
    if len(horizontal) < 2:
        horizontal = rules.horizontal
    if len(horizontal) == len(rules.horizontal) and len(vertical) == len(rules.vertical):
        return rules
    return replace(rules, horizontal=horizontal, vertical=vertical)
