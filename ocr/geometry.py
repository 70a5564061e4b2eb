"""Geometry as dataclasses: boxes, the table grid, recognised words, and the page transform."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


def true_runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True (non-zero) in a 1-d array, as (start, end) with end exclusive: a page's blank strips, a
    cell's upright strokes, a column's dark streaks."""
    d = np.diff(np.concatenate(([0], flags.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(), strict=True))


@dataclass(frozen=True)
class Box:
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def w(self) -> int:
        return self.x1 - self.x0

    @property
    def h(self) -> int:
        return self.y1 - self.y0

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    def as_list(self) -> list[int]:
        return [self.x0, self.y0, self.x1, self.y1]

    def overlap_x(self, x0: float, x1: float) -> float:
        return max(0.0, min(self.x1, x1) - max(self.x0, x0))


@dataclass
class Word:
    text: str
    conf: float  # 0..1
    box: Box
    line: tuple[int, int, int] = (0, 0, 0)  # tesseract block/paragraph/line of the pass


@dataclass
class Grid:
    """A table as column boundaries ``xs`` and row boundaries ``ys`` (deskewed page pixels).

    Row 0 is the heading band; the last band is the totals row when ``has_totals``.
    """

    xs: list[int]
    ys: list[int]
    ruled: bool
    has_totals: bool = True
    # for unruled tables: bands of text lines that belong to each row (wrapped names)
    row_lines: list[list[tuple[int, int]]] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def cell(self, r: int, c: int) -> Box:
        return Box(self.xs[c], self.ys[r], self.xs[c + 1], self.ys[r + 1])

    @property
    def bbox(self) -> Box:
        return Box(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])


@dataclass
class Transform:
    """Maps deskewed/turned page coordinates back to the image as given (2x3 affine of the inverse, or 3x3
    with a perspective: a photographed sheet put square, ``ocr.sheet_edges``)."""

    back: np.ndarray = field(default_factory=lambda: np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]))
    # a bent sheet put flat (ocr.unbend): the point (x, y) here is (x, y + bend[x]) before the affine map
    bend: np.ndarray | None = None
    # an open book's page put flat (ocr.book_curve): (x, y) here is (x, y + bend[x] + tilt[x] * (y - mid))
    tilt: tuple[np.ndarray, float] | None = None

    def box_to_original(self, b: Box) -> list[int]:
        if self.bend is None:
            pts = np.array([[b.x0, b.y0, 1], [b.x1, b.y0, 1], [b.x0, b.y1, 1], [b.x1, b.y1, 1]], dtype=np.float64)
        else:
            xs = np.linspace(b.x0, b.x1, 9)
            s = np.interp(xs, np.arange(len(self.bend)), self.bend)
            s0, s1 = s, s
            if self.tilt is not None:
                t = np.interp(xs, np.arange(len(self.tilt[0])), self.tilt[0])
                s0, s1 = s + t * (b.y0 - self.tilt[1]), s + t * (b.y1 - self.tilt[1])
            pts = np.vstack([np.stack([xs, b.y0 + s0, np.ones(9)], 1), np.stack([xs, b.y1 + s1, np.ones(9)], 1)])
        q = pts @ self.back.T
        if q.shape[1] == 3:  # a perspective: points divided by their third coordinate
            q = q[:, :2] / q[:, 2:3]
        return [int(round(q[:, 0].min())), int(round(q[:, 1].min())), int(round(q[:, 0].max())),
                int(round(q[:, 1].max()))]  # fmt: skip


def text_lines(words: list[Word]) -> list[str]:
    """Words of a cell as its visual lines, top to bottom, each left to right."""
    lines: list[list[Word]] = []
    sums: list[float] = []  # each line's words' middles added up: its mean middle without a numpy call a word
    for w in sorted(words, key=lambda w: w.box.cy):
        cy = w.box.cy
        if lines and abs(cy - sums[-1] / len(lines[-1])) < 0.5 * max(w.box.h, 20):
            lines[-1].append(w)
            sums[-1] += cy
        else:
            lines.append([w])
            sums.append(cy)
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.box.x0)) for line in lines]


def reading_text(words: list[Word]) -> str:
    """Words of a cell in reading order: visual lines top to bottom, each left to right."""
    return " ".join(text_lines(words))
