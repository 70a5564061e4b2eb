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
    """The rules at least a margin away from both ends of ``extent``."""
    margin = max(8, int(EDGE * extent))
    return [r for r in rules if margin <= r.pos <= extent - 1 - margin]


def drop_border_rules(rules: Rules, height: int, width: int) -> Rules:
    """``rules`` without the horizontal strokes that hug the image's top or bottom (the paper's edge, a
    deskew's fill), as long as two stay (a sheet cropped to its table keeps its rules). Vertical ones
    stay: a table without a right-hand rule ends at the paper's edge (tests/fixtures/golden/broken)."""
    horizontal = _inside(rules.horizontal, height)
    if len(horizontal) < 2 or len(horizontal) == len(rules.horizontal):
        return rules
    return replace(rules, horizontal=horizontal)
