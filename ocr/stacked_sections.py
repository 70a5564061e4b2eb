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
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

import numpy as np
from rapidfuzz import fuzz

from archive_core import egn as egn_mod
from archive_core.records import SCORED_FIELDS, PageReview, PayrollPage, PayrollRow

from . import names
from .checks import COLUMN_TOTAL
from .geometry import Box, Grid
from .lines import Rule

SECTIONS_UNREAD = "sections_unread"  # page review: two sections found, not read apart

NAME_ALIKE = 80  # rapidfuzz ratio: a name read again by another reading of the page
MIN_KINDS = 3  # columns a heading row names (distinct kinds) at the least
MIN_SUMS = 2  # sums of money on a row that make it a person's, where no ЕГН was read on it
MIN_OUTSIDE = 2  # a section's people outside the grid at the least
MIN_RULES = 3  # rules across and down of another table outside the grid at the least (each)
RULE_SHARE = 0.3  # of the grid's width: a rule across another table


@dataclass(frozen=True)
class Cut:
    """The line between two sections in the image as given: through (x0, y0) and (x1, y1); ``beyond``: where
    only another table's rules showed it, the side of the grid that table stands on ("above", "below")."""

    x0: float
    y0: float
    x1: float
    y1: float
    beyond: str | None = None

    def y_at(self, x: float) -> float:
        if self.x1 == self.x0:
            return (self.y0 + self.y1) / 2
        return self.y0 + (self.y1 - self.y0) * (x - self.x0) / (self.x1 - self.x0)


def heading_run(row_texts: list[list[str]], has_egn: list[bool], kinds_of: list[set[str]]) -> list[int] | None:
    """A second heading inside the table: a run of grid rows below a person's row, and above another or
    ending the grid (the second section's people under its last rule), with no ЕГН and no amount on them,
    whose words name ``MIN_KINDS`` kinds of column or more together (``kinds_of``: the kinds each row's words
    name; a heading's lines, and the section's title over it, may be rows of their own)."""
    for run in quiet_runs(row_texts, has_egn):
        if len(set().union(*(kinds_of[q] for q in run))) >= MIN_KINDS:
            return run
    return None


def quiet_runs(row_texts: list[list[str]], has_egn: list[bool], between: bool = False) -> list[list[int]]:
    """The runs of grid rows a second heading may be (``heading_run``): below a person's row, with no ЕГН and
    no amount on them, above another person's row or ending the grid; ``between``: above another only."""
    people = _people(row_texts, has_egn)
    if not people:
        return []
    out: list[list[int]] = []
    run: list[int] = []
    for r in range(people[0] + 1, len(has_egn) + 1):
        if r < len(has_egn) and not has_egn[r] and not any(_amount(t) for t in row_texts[r]):
            run.append(r)
            continue
        if run and (r < len(has_egn) or (run[-1] > people[-1] and not between)):
            out.append(run)
        run = []
    return out


def _people(row_texts: list[list[str]], has_egn: list[bool]) -> list[int]:
    """A person's rows: its ЕГН, or two sums of money (the ЕГН cut by the number's cell, `1.5 | 904043110`: AL
    dev 30013 p1, the upper section's people found by none and the cut looked for under the lower's first)."""
    return [r for r, e in enumerate(has_egn) if e or (r > 0 and sum(map(_amount, row_texts[r])) >= MIN_SUMS)]


def has_egn(cells: list[str]) -> bool:
    """A run of ten digits on the row (a person's ЕГН, read or not valid), or a valid ЕГН's two parts in
    neighbouring cells (the other section's column rule through it: AL dev 30018 p2, `420815 | 5338`)."""
    if any(len(re.sub(r"\D", "", t)) == 10 for c in cells for t in c.split()):
        return True
    ends = [(c.split()[0], c.split()[-1]) if c.split() else ("", "") for c in cells]
    return any(a[1].isdigit() and b[0].isdigit() and egn_mod.is_valid(a[1] + b[0]) for a, b in zip(ends, ends[1:], strict=False))


def _amount(text: str) -> bool:
    """A sum of money on the row: a figure with its two stotinki (or a thousand's three) after a point or a
    comma (`40.3`, a heading's letters and the rules under them read as figures, is none: AL dev 30019 p2)."""
    return re.search(r"\d[.,]\d\d\d?(?!\d)", text) is not None


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
    read_kinds: Callable[[int], set[str]] | None = None,
    ended: int | None = None,
) -> Cut | None:
    """The line between two sections (module doc), or None: a second heading row inside the grid (``row_texts``
    and the rest are the grid's rows, 0 its heading), or the people of another table above or below it, or its
    rules (``rules``: the page's rules across and down). ``read_kinds``: the kinds a grid row names read again
    across the grid with the text model, asked of a quiet row (no ЕГН, no amount: ``quiet_runs``) where the
    rows' kinds as read show no heading: a figure column's cells are read by the digits model, a second
    heading's words under them garbled (`3`, `| 36`, `00.`: AL dev 30031 p2 and p4, its `ЕГН` and `Служител`
    only, three and five people lost without review; AL dev 30029 p1, the section below's heading unfound,
    the cut over the grid's first row). ``ended``: the grid's row where the reading ended the table
    (``ended_over_people``), the line under it where people follow and nothing else showed a second section."""
    heights = sorted(b - a for a, b in zip(grid.ys, grid.ys[1:], strict=False))
    if not heights:
        return None
    margin = max(2, heights[len(heights) // 2] // 4)
    kinds_of = [set(k) for k in kinds_of]
    for quiet in quiet_runs(row_texts, has_egn, between=True):
        if read_kinds is not None and len(set().union(*(kinds_of[q] for q in quiet))) < MIN_KINDS:
            for q in quiet:
                kinds_of[q] |= read_kinds(q)
    run = heading_run(row_texts, has_egn, kinds_of)
    if run is not None:  # under the rule over the section's title (fewer kinds named than the heading's), or
        # over the heading's own top rule
        titled = len(run) > 1 and len(kinds_of[run[0]]) < max(len(kinds_of[q]) for q in run)
        return line_at(grid.ys[run[0]] + (margin if titled else -margin), grid, to_original)
    seen = outside_grid(lost, grid)
    side = seen or ruled_outside(*rules, grid, margin)
    if side == "above":
        own = _own_heading(kinds_of)
        if own is None and read_kinds is not None:  # the heading's rows as the text model reads them
            for r in range(min(_people(row_texts, has_egn), default=len(has_egn))):
                kinds_of[r] |= read_kinds(r) if not any(_amount(t) for t in row_texts[r]) else set()
            own = _own_heading(kinds_of)
        cut = line_at(grid.ys[own or 0] - margin, grid, to_original)
    elif side == "below":
        cut = line_at(grid.ys[-1] + margin, grid, to_original)
    else:
        end = ended_over_people(row_texts, has_egn, ended)
        return None if end is None else line_at(grid.ys[end + 1] + margin, grid, to_original)
    return cut if seen else replace(cut, beyond=side)


def ended_over_people(row_texts: list[list[str]], has_egn: list[bool], ended: int | None) -> int | None:
    """``ended``, the grid's row where the reading ended the table (its totals row), where ``MIN_OUTSIDE`` rows
    or more under it are people (an ЕГН, or two sums of money, and two words of the lexicon): a section's
    subtotal with the next section's people under it, which the one table's reading drops (AL dev 30031 p2:
    the lower section's heading unfound, its ЕГН cut by the number's cell, `126 | 602185966`: three people
    lost without review). None where no such row is."""
    if ended is None:
        return None
    lexicon, patronymics = names.lexicon(), names.patronymics()
    below = [r for r in _people(row_texts, has_egn) if r > ended
             and sum(w in lexicon or w in patronymics for w in set(" ".join(row_texts[r]).split())) >= 2]  # fmt: skip
    return ended if len(below) >= MIN_OUTSIDE else None


def _own_heading(kinds_of: list[set[str]]) -> int | None:
    """The grid's row where its own heading begins (its first row naming a kind of column, with the next two
    naming ``MIN_KINDS`` together), None where none does: the grid may begin with the section above's last row and
    subtotal, which go with that section (AL dev 30002 p2: the grid's top line ran under the upper section's
    sixth row, the cut there through its seventh)."""
    for r, kinds in enumerate(kinds_of):
        if kinds and len(set().union(*kinds_of[r : r + 3])) >= MIN_KINDS:
            return r
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


def blank_beyond(image: np.ndarray, cut: Cut, keep_above: bool) -> np.ndarray:
    """The image with everything on one side of ``cut`` painted the paper's grey."""
    h, w = image.shape[:2]
    ys = np.arange(h)[:, None]
    line = np.array([cut.y_at(x) for x in range(w)])[None, :]
    away = ys > line if keep_above else ys < line
    out = image.copy()
    out[away] = int(np.median(image))
    return out


def grand_totals(upper: PayrollPage, lower: PayrollPage) -> dict[str, str]:
    """The sheet's totals over both sections: the lower part's totals row where it is the grand total; where it
    is the lower section's own subtotal (its rows add up to it), that subtotal and the upper section's added."""
    out = dict(lower.totals)
    for f, text in lower.totals.items():
        try:
            vals = [Decimal(str(getattr(r, f))) for r in lower.rows]
            own, above = Decimal(text), Decimal(upper.totals[f])
        except (InvalidOperation, KeyError, AttributeError, TypeError):
            continue
        if lower.rows and sum(vals) == own:
            out[f] = str(own + above)
    return out


def totals_unmet(upper: PayrollPage, lower: PayrollPage, totals: dict[str, str]) -> list[str]:
    """The grand total's fields (``totals``, ``grand_totals``) that the rows of both sections do not add up
    to: a row lost, or a figure misread, in one section. A field whose grand total is not known (the lower
    part's totals row its own subtotal, the upper's unread) is not checked."""
    out = []
    for f, text in sorted(totals.items()):
        try:
            total = Decimal(text)
            below = sum((Decimal(v) for r in lower.rows if (v := getattr(r, f, None)) is not None), Decimal(0))
            above = sum((Decimal(v) for r in upper.rows if (v := getattr(r, f, None)) is not None), Decimal(0))
        except (InvalidOperation, TypeError):
            continue
        if f not in upper.totals and below == Decimal(lower.totals.get(f, "NaN")):
            continue  # the lower section's own subtotal, the upper's not read: no grand total to check
        if above + below != total:
            out.append(f)
    return out


def unmet_to_review(fields: list[str], totals: dict[str, str]) -> PageReview:
    """The page's review when its sections' rows do not add up to the grand total (``totals_unmet``)."""
    said = ", ".join(f"{f} {totals[f]}" for f in fields)
    return PageReview(reason=COLUMN_TOTAL, detail=f"два раздела: редовете им не дават общия сбор ({said}) — липсва ред?")


def holds_everyone(rows: list[PayrollRow], before: list[PayrollRow]) -> bool:
    """``rows`` hold every person the reading ``before`` held: each valid ЕГН, and each name of two words the
    lexicon knows among its first three on a row without one (a heading's words read as a name are none:
    `Фамилия на акордника норма- ... зла`), as a name alike (or its words all in one name: the one table's
    reading lost a first name, `Петров Бъчваров`, AL dev 30018 p2), or as a name's beginning (restored from a
    line cut short, `Ангелина Иванов`, AL dev 30031 p4). A person read as two rows (the ЕГН's line and the
    name's) counts once."""
    egns = {r.egn for r in rows if r.egn}
    if any(r.egn and egn_mod.is_valid(r.egn) and r.egn not in egns for r in before):
        return False
    named = [" ".join(r.name.split()[:3]) for r in rows if r.name]
    for r in before:
        if r.egn and egn_mod.is_valid(r.egn) or not r.name or not _lexicon_named(r):
            continue
        key = " ".join(r.name.split()[:3])
        if not any(max(fuzz.ratio(key, n), fuzz.token_set_ratio(key, n)) >= NAME_ALIKE or n.startswith(key) for n in named):
            return False
    return True


def nobody(rows: list[PayrollRow]) -> bool:
    """No person among ``rows``: no valid ЕГН, no name with two words the lexicon knows among its first three
    (a title block's `Дата Изготвил`, `Гл Счетоводител Директор` are none)."""
    return not any(r.egn and egn_mod.is_valid(r.egn) or _lexicon_named(r) for r in rows)


def _lexicon_named(r: PayrollRow) -> bool:
    """Two words the lexicon knows (names, patronymics) among the first three of the row's name."""
    lexicon, patronymics = names.lexicon(), names.patronymics()
    return sum(w in lexicon or w in patronymics for w in set((r.name or "").split()[:3])) >= 2


def people(rows: list[PayrollRow]) -> list[PayrollRow]:
    """The rows that carry a person (a name or an ЕГН): not a band of a row cut in two, nor an empty line."""
    return [r for r in rows if r.name or r.egn]


def sure_fields(rows: list[PayrollRow]) -> int:
    """Fields read and not in review over ``rows``."""
    return sum(getattr(r, f) is not None and f not in (r.review or []) for r in rows for f in SCORED_FIELDS)


def page_of(image_name: str, page: PayrollPage, upper: PayrollPage, rows: list[PayrollRow], totals: dict[str, str],
            review: PageReview | None) -> PayrollPage:
    """The page of a sheet read part by part (two sections, or two parts of one table): ``rows`` and ``totals``
    as the parts give them, the header as the one table's reading ``page`` read it (else the upper part's)."""
    head = page if page.employer.name else upper
    return PayrollPage.model_validate(
        {
            "image": image_name,
            "employer": head.employer.model_dump(),
            "period": (page.period if page.period.year else upper.period).model_dump(),
            "sheet": page.sheet if page.sheet is not None else upper.sheet,
            "rows": [r.model_dump() for r in rows],
            "totals": totals,
            "page_review": review.model_dump() if review is not None else None,
        }
    )
