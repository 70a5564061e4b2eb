"""People's rows of a table ruled between its rows (with or without rules between its columns): the rules
bound the rows. A ruled band with one person's line in it (ink in half the columns or more: number,
ЕГН, name, figures) is that person's row whatever else it holds: the wrapped name's lines above and below
the figures, a correction written over a struck figure, the signature's strokes crossing those lines (E
dev 505 page 4: the signatures and the corrections put ink in three columns of every name line, so each
was taken for a person of its own, and every row below took its neighbour's number, ЕГН and figures; on
page 7, fully ruled, the same split two people's bands).
A band whose other lines hold figures only, in the right half of the columns (a correction typed or
written over a struck figure, no name, number or signature beside it), is grouped as an unruled table's
is: the correction's own line is then joined to the figure it corrects as new-over-struck
(``ocr/stray_corrections.py``), which reads both (E dev 504 page 2: read inside the person's band, the
stamp over the gross and the correction's ink left the row's sums unchecked, 2 -> 17 of 119 fields to
review).
Any other band (no person's line: dust or an empty ruled line; several: a rule missing) has its lines
grouped as an unruled table's are (``tables.group_lines``)."""

from __future__ import annotations

from bisect import bisect
from collections.abc import Callable

import numpy as np

Band = tuple[int, int]


def inked_columns(ink: np.ndarray, band: Band, xs: list[int]) -> int:
    """Columns with something written on the line ``band``: more ink than a square of twice the line's
    height would hold in a stroke's width (a short figure or a dash; not the tail of a comma from the line
    above, dust, or a stamp's edge, which put a few pixels in many columns of a wrapped name's line)."""
    return len(_inked(ink, band, xs))


def _inked(ink: np.ndarray, band: Band, xs: list[int]) -> list[int]:
    a, b = band
    least = 2 * (b - a)
    return [k for k, (c0, c1) in enumerate(zip(xs, xs[1:], strict=False)) if int((ink[a:b, c0 + 3 : c1 - 3] > 0).sum()) > least]


def _figures_only(ink: np.ndarray, rows: list[list[Band]], person: Band, xs: list[int]) -> bool:
    """Every row of ``rows`` but the person's holds lines with ink only in the right half of the columns."""
    half = (len(xs) - 1) // 2
    others = [line for row in rows if person not in row for line in row]
    return bool(others) and all(all(k >= half for k in _inked(ink, line, xs)) for line in others)


def rows_between_rules(
    ink: np.ndarray,
    lines: list[Band],
    rules: list[int],
    xs: list[int],
    group: Callable[[np.ndarray, list[Band], list[int]], list[list[Band]]],
) -> list[list[Band]]:
    """``lines`` (text lines, top to bottom) into rows, ``rules`` (y of the rules between the rows) bounding
    them; ``group`` groups the lines of a band that is not one person's."""
    cuts = sorted(rules)
    buckets: list[list[Band]] = [[] for _ in range(len(cuts) + 1)]
    for band in lines:
        buckets[bisect(cuts, (band[0] + band[1]) / 2)].append(band)
    need = max(3, (len(xs) - 1 + 1) // 2)
    rows: list[list[Band]] = []
    for bucket in buckets:
        if not bucket:
            continue
        persons = [line for line in bucket if inked_columns(ink, line, xs) >= need]
        if len(persons) != 1:
            rows.extend(group(ink, bucket, xs))
            continue
        grouped = group(ink, bucket, xs)
        rows.extend(grouped if len(grouped) > 1 and _figures_only(ink, grouped, persons[0], xs) else [bucket])
    return rows
