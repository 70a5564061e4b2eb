"""A sheet of two sections one under the other, each under its own column headings (piece-rate workers, then
the staff on a salary: their columns of other kinds and in another order), the rows numbered on across them,
each section closed by its subtotal and the sheet by the grand total. Read as one table, one section is lost:
its own ruled table outside the grid (its people's ЕГН on the page and in no row) or its rows read under the
other section's columns (the second heading row inside the grid). Where the page so shows two sections, the
line between them is found here (``cut``, in the image as given), and each part is read on its own
(``ocr.extract``): its own heading, its own column map, its own subtotal to check its sums."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from archive_core.records import PageReview, PayrollPage

from .geometry import Box, Grid
from .lines import Rule

SECTIONS_UNREAD = "sections_unread"  # page review: two sections found, not read apart

MIN_KINDS = 3  # columns a heading row names (distinct kinds) at the least
MIN_OUTSIDE = 2  # a section's people outside the grid at the least
MIN_RULES = 3  # rules across and down of another table outside the grid at the least (each)
RULE_SHARE = 0.3  # of the grid's width: a rule across another table


@dataclass(frozen=True)
class Cut:
    """The line between two sections in the image as given: through (x0, y0) and (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def y_at(self, x: float) -> float:
        if self.x1 == self.x0:
            return (self.y0 + self.y1) / 2
        return self.y0 + (self.y1 - self.y0) * (x - self.x0) / (self.x1 - self.x0)


def heading_run(row_texts: list[list[str]], has_egn: list[bool], kinds_of: list[set[str]]) -> list[int] | None:
    """A second heading inside the table: a run of grid rows below a person's row, and above another or
    ending the grid (the second section's people under its last rule), with no ЕГН and no amount on them,
    whose words name ``MIN_KINDS`` kinds of column or more together (``kinds_of``: the kinds each row's words
    name; a heading's lines, and the section's title over it, may be rows of their own)."""
    people = [r for r, e in enumerate(has_egn) if e]
    if not people:
        return None
    run: list[int] = []
    for r in range(people[0] + 1, len(has_egn) + 1):
        if r < len(has_egn) and not has_egn[r] and not any(_amount(t) for t in row_texts[r]):
            run.append(r)
            continue
        if run and (r < len(has_egn) or run[-1] > people[-1]) and len(set().union(*(kinds_of[q] for q in run))) >= MIN_KINDS:
            return run
        run = []
    return None


def has_egn(cells: list[str]) -> bool:
    """A run of ten digits on the row (a person's ЕГН, read or not valid)."""
    return any(len(re.sub(r"\D", "", t)) == 10 for c in cells for t in c.split())


def _amount(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 3 and any(sep in text for sep in ".,")


def ruled_outside(horizontal: list[Rule], vertical: list[Rule], grid: Grid, margin: int) -> str | None:
    """"above" or "below": another ruled table beside the grid there (the page's reading never reaches its
    words): ``MIN_RULES`` rules across a third of the grid's width at least and as many column rules, each
    wholly above the grid's top line or below its last."""
    width = grid.xs[-1] - grid.xs[0]
    top, bottom = grid.ys[0] - margin, grid.ys[-1] + margin
    across = [r for r in horizontal if r.length >= RULE_SHARE * width]
    down = [r for r in vertical if r.length >= 2 * margin and grid.xs[0] - margin <= r.pos <= grid.xs[-1] + margin]
    if sum(r.pos > bottom for r in across) >= MIN_RULES and sum(r.start > bottom for r in down) >= MIN_RULES:
        return "below"
    if sum(r.pos < top for r in across) >= MIN_RULES and sum(r.end < top for r in down) >= MIN_RULES:
        return "above"
    return None


def outside_grid(lost: list[Box], grid: Grid) -> str | None:
    """"above" or "below": ``MIN_OUTSIDE`` or more valid ЕГН on the page that no row holds (``lost``), all of
    them above the grid's top line or all below its last: another table of people, not rows the grid missed
    among its own."""
    if len(lost) < MIN_OUTSIDE:
        return None
    if all(b.y1 < grid.ys[0] for b in lost):
        return "above"
    if all(b.y0 > grid.ys[-1] for b in lost):
        return "below"
    return None


def line_at(y: float, grid: Grid, to_original: Callable[[Box], list[int]]) -> Cut:
    """The deskewed page's line at height ``y`` across the grid, in the image as given."""
    f = to_original
    a = f(Box(grid.xs[0], int(y), grid.xs[0] + 1, int(y) + 1))
    b = f(Box(grid.xs[-1] - 1, int(y), grid.xs[-1], int(y) + 1))
    return Cut(float(a[0]), float(a[1]), float(b[2]), float(b[1]))


def find_cut(
    grid: Grid,
    row_texts: list[list[str]],
    has_egn: list[bool],
    kinds_of: list[set[str]],
    lost: list[Box],
    to_original: Callable[[Box], list[int]],
    rules: tuple[list[Rule], list[Rule]] = ([], []),
) -> Cut | None:
    """The line between two sections (module doc), or None: a second heading row inside the grid (``row_texts``
    and the rest are the grid's rows, 0 its heading), or the people of another table above or below it, or its
    rules (``rules``: the page's rules across and down)."""
    heights = sorted(b - a for a, b in zip(grid.ys, grid.ys[1:], strict=False))
    if not heights:
        return None
    margin = max(2, heights[len(heights) // 2] // 4)
    run = heading_run(row_texts, has_egn, kinds_of)
    if run is not None:  # under the rule over the section's title (fewer kinds named than the heading's), or
        # over the heading's own top rule
        titled = len(run) > 1 and len(kinds_of[run[0]]) < max(len(kinds_of[q]) for q in run)
        return line_at(grid.ys[run[0]] + (margin if titled else -margin), grid, to_original)
    side = outside_grid(lost, grid) or ruled_outside(*rules, grid, margin)
    if side == "above":
        return line_at(grid.ys[0] - margin, grid, to_original)
    if side == "below":
        return line_at(grid.ys[-1] + margin, grid, to_original)
    return None


def unsplit_to_review(page: PayrollPage, cut: Cut) -> None:
    """Two sections found on the page (``find_cut``) and not read apart (a part no sheet of people, or the
    parts holding fewer people than the one reading): the one table's reading has lost one section's rows, or
    read them under the other's columns, however whole it looks. The page goes to review as a page
    (``SECTIONS_UNREAD``, the line between the sections: what a person must check first); a reason it was
    already in review for follows in the detail. Its rows are left as read."""
    where = f"два раздела един под друг, границата на височина {round((cut.y0 + cut.y1) / 2)} px"
    before = page.page_review
    also = f"{before.reason}: {before.detail}" if before is not None else ""
    page.page_review = PageReview(reason=SECTIONS_UNREAD, detail="; ".join(filter(None, [where, also])))
