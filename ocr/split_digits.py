"""Wide bold digits read as two (issue 9, review load): a dot-matrix printer's broad figures make the
digits model see one digit as two, so `36.318,81` comes out `36,318,812`. The grouping of the figure gives
it away (stotinki are two digits, a thousands group three), so does the page: most of its figures are
grouped right.

Only where that evidence is on the page are the doubtful figures read once more, squeezed to
``SQUEEZE`` of their width (a narrower face the model reads digit for digit; on other faces the squeeze
itself loses digits, so it is never done everywhere), and the figure read with one digit too many in a
group is offered with each of that group's digits dropped. Both go beside the first reading as other
readings (``RowDraft.alts``): the row sums and the column totals choose among them (ocr/checks.py); none
of them is ever taken on its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

import cv2

from . import checks, normalise
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box
from .reading import NUMERIC_CHARS, mosaic_read
from .sheet import Sheet, Target

SQUEEZE = 0.7  # the figures' width for the other reading (E dev 501: 0.7 read most split figures whole)
MIN_SPLIT_CELLS = 2  # figures grouped with a digit too many on a page before it is read squeezed
_SEPARATORS = re.compile(r"[.,' ]+")


def _groups(text: str) -> list[str] | None:
    """The digit groups of a one-line figure between its separators (None: not a plain grouped figure)."""
    t = text.strip().strip(".,' ")
    if "\n" in t or not t:
        return None
    groups = _SEPARATORS.split(t)
    if len(groups) < 2 or not all(g.isdigit() for g in groups):
        return None
    return groups


def _split_group(groups: list[str]) -> int | None:
    """The one group with a digit too many (the stotinki read as three digits, a thousands group as
    four), or None when the figure is grouped right or wrong in some other way."""
    last = len(groups) - 1
    want = [0 if i == 0 else 2 if i == last else 3 for i in range(len(groups))]
    bad = [i for i in range(1, len(groups)) if len(groups[i]) != want[i]]
    if len(bad) != 1 or len(groups[bad[0]]) != want[bad[0]] + 1 or not 1 <= len(groups[0]) <= 3:
        return None
    return bad[0]


def split_in_two(text: str) -> bool:
    """A figure grouped with one digit too many in one group: `36,318,812`, `5,0023,51`."""
    groups = _groups(text)
    return groups is not None and _split_group(groups) is not None


def digit_dropped(text: str) -> list[str]:
    """The amounts a figure read with one digit too many in a group could be: each digit of that group
    dropped in turn (`36,318,812` -> 36318.12, 36318.82, 36318.81); a decimal comma read as a digit
    dropped (`29,362452` -> 29362.52)."""
    groups = _groups(text)
    if groups is None:
        return []
    i = _split_group(groups)
    out: list[str] = []
    if i is not None:
        g = groups[i]
        drops = [[*groups[:i], g[:k] + g[k + 1 :], *groups[i + 1 :]] for k in range(len(g))]
    elif len(groups[-1]) == 6 and all(len(g) == 3 for g in groups[1:-1]):
        # `29,362452`: the decimal comma read as a digit between the last thousands and the stotinki
        drops = [[*groups[:-1], groups[-1][:3] + groups[-1][4:]]]
    else:
        return []
    for fixed in drops:
        m = normalise.money("".join(fixed))
        if m is not None and m not in out:
            out.append(m)
    return out


def page_splits_digits(s: Sheet, kinds: list[str | None]) -> bool:
    """Enough of the page's money figures are grouped with a digit too many to say its face splits digits."""
    money = [c for c, k in enumerate(kinds) if k in checks.MONEY or k == "deduction_part"]
    n = sum(split_in_two(row[c]) for row in s.texts for c in money if c < len(row))
    return n >= MIN_SPLIT_CELLS


def add_split_readings(
    a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], targets: list[Target],
    engine: OcrEngine,
) -> None:  # fmt: skip
    """On a page whose face splits digits: the doubtful money figures read squeezed, and the figures
    grouped with a digit too many offered with that digit dropped, as other readings beside the first."""
    if not page_splits_digits(s, kinds):
        return
    money = [(k, t) for k, t in enumerate(targets) if t.row >= 0 and t.kind in checks.MONEY]
    if not money:
        return
    narrow = replace(a, clean=cv2.resize(a.clean, None, fx=SQUEEZE, fy=1.0, interpolation=cv2.INTER_AREA))
    boxes = [Box(int(t.box.x0 * SQUEEZE), t.box.y0, int(t.box.x1 * SQUEEZE), t.box.y1) for _, t in money]
    read = mosaic_read(narrow, boxes, lambda m: engine.figures(m, whitelist=NUMERIC_CHARS))
    cols = {k: c for c, k in enumerate(kinds) if k in checks.MONEY}
    for (_, t), ws in zip(money, read, strict=True):
        d = drafts[t.row]
        alts = d.alts.setdefault(t.kind, [])
        first = s.texts[t.row][cols[t.kind]] if t.kind in cols else ""
        offered = digit_dropped(first)
        squeezed = " ".join(w.text for w in ws)
        m, _ = normalise.money_of_cell(squeezed) if ws else (None, False)
        if m is not None and not split_in_two(squeezed):
            offered.append(m)
        for v in offered:
            if v not in alts and v != d.values.get(t.kind):
                alts.append(v)
