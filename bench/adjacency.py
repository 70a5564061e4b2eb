"""Cell adjacency scoring of table structure, as in the ICDAR 2013 table competition.

For each table, the *adjacency relations* are the pairs of non-empty cells that are direct horizontal
or vertical neighbours (empty cells are skipped over: the neighbour is the next non-empty cell in that
direction), each with the two cells' texts. Texts are normalised by collapsing whitespace. A predicted
table is matched to the ground-truth table it overlaps most on the same page; the relations of all
predicted tables matched to one ground-truth table are pooled. Precision, recall and F1 are computed
over all relations of a set (relations are compared as multisets).

Ground truth comes from ICDAR ``*-str.xml`` files (PDF points, origin at the bottom left of the page);
predictions from ``table-structure/1`` documents (image pixels, origin at the top left).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from archive_core.errors import InputFileError

BBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in page pixels, y downwards
Relation = tuple[str, str, str]  # (text of left/upper cell, text of right/lower cell, "h" | "v")


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    bbox: BBox | None = None


@dataclass
class Table:
    page: int
    cells: list[Cell]
    bbox: BBox | None = None
    name: str = ""

    def area_bbox(self) -> BBox | None:
        if self.bbox is not None:
            return self.bbox
        boxes = [c.bbox for c in self.cells if c.bbox is not None]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))  # fmt: skip


def normalise_strict(text: str) -> str:
    """The competition's normalisation: whitespace collapsed."""
    return " ".join(text.split())


def normalise_loose(text: str) -> str:
    """Letters and digits only, lower case: tells structure errors apart from OCR character errors."""
    return re.sub(r"[\W_]+", "", text.lower())


Normaliser = Callable[[str], str]


def relations(table: Table, normalise: Normaliser = normalise_strict) -> Counter[Relation]:
    """Adjacency relations of one table (a multiset)."""
    occupied: dict[tuple[int, int], int] = {}
    texts: list[str] = []
    for i, c in enumerate(table.cells):
        t = normalise(c.text)
        texts.append(t)
        if not t:
            continue
        for r in range(c.row, c.row + max(1, c.row_span)):
            for k in range(c.col, c.col + max(1, c.col_span)):
                occupied.setdefault((r, k), i)
    if not occupied:
        return Counter()
    max_row = max(r for r, _ in occupied)
    max_col = max(k for _, k in occupied)
    pairs: set[tuple[int, int, str]] = set()
    for i, c in enumerate(table.cells):
        if not texts[i]:
            continue
        r_end = c.row + max(1, c.row_span)
        c_end = c.col + max(1, c.col_span)
        for r in range(c.row, r_end):  # right neighbours, one per row the cell spans
            for k in range(c_end, max_col + 1):
                j = occupied.get((r, k))
                if j is not None and j != i:
                    pairs.add((i, j, "h"))
                    break
        for k in range(c.col, c_end):  # lower neighbours, one per column the cell spans
            for r in range(r_end, max_row + 1):
                j = occupied.get((r, k))
                if j is not None and j != i:
                    pairs.add((i, j, "v"))
                    break
    return Counter((texts[i], texts[j], d) for i, j, d in pairs)


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    truth: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.predicted + other.predicted, self.truth + other.truth)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.correct,
            "predicted": self.predicted,
            "truth": self.truth,
        }


def _overlap(a: BBox | None, b: BBox | None) -> float:
    if a is None or b is None:
        return 0.0
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def match_tables(truth: list[Table], predicted: list[Table]) -> dict[int, list[int]]:
    """Ground-truth index -> indices of the predicted tables matched to it (most overlap, same page).
    Predicted tables overlapping no ground-truth table are left out (their relations are all wrong)."""
    out: dict[int, list[int]] = {}
    for j, p in enumerate(predicted):
        pb = p.area_bbox()
        best, best_area = -1, 0.0
        for i, t in enumerate(truth):
            if t.page != p.page:
                continue
            a = _overlap(t.area_bbox(), pb)
            if a > best_area:
                best, best_area = i, a
        if best >= 0:
            out.setdefault(best, []).append(j)
    return out


def score_document(
    truth: list[Table], predicted: list[Table], normalise: Normaliser = normalise_strict
) -> Score:
    """Adjacency relations of a document's predicted tables against its ground-truth tables."""
    matched = match_tables(truth, predicted)
    total = Score()
    used: set[int] = set()
    for i, t in enumerate(truth):
        want = relations(t, normalise)
        got: Counter[Relation] = Counter()
        for j in matched.get(i, []):
            got += relations(predicted[j], normalise)
            used.add(j)
        total += Score(sum((want & got).values()), sum(got.values()), sum(want.values()))
    for j, p in enumerate(predicted):
        if j not in used:
            total += Score(0, sum(relations(p, normalise).values()), 0)
    return total


# --- reading ground truth and predictions -------------------------------------------------------


def _int(el: ET.Element, name: str, default: int | None = None) -> int:
    v = el.get(name)
    if v is None or v == "":
        if default is None:
            raise InputFileError(f"липсва атрибут {name} в клетка на таблица")
        return default
    return int(v)


def read_icdar_structure(path: Path, page_heights: Mapping[int, float], *, dpi: int = 300) -> list[Table]:
    """One Table per ``<region>`` (a table spanning pages gives one per page) with cell boxes in pixels
    of the page rendered at ``dpi``. ``page_heights``: page number (1-based) -> height in PDF points."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise InputFileError(f"{path}: не може да се прочете ({e})") from e
    scale = dpi / 72.0
    tables: list[Table] = []
    for t in root.iter("table"):
        for region in t.iter("region"):
            page = _int(region, "page")
            if page not in page_heights:
                raise InputFileError(f"{path}: страница {page} липсва в документа")
            height = page_heights[page]
            cells: list[Cell] = []
            for c in region.iter("cell"):
                r0, c0 = _int(c, "start-row"), _int(c, "start-col")
                r1, c1 = _int(c, "end-row", r0), _int(c, "end-col", c0)
                bb = c.find("bounding-box")
                box: BBox | None = None
                if bb is not None:
                    x1, x2 = float(bb.get("x1", 0)), float(bb.get("x2", 0))
                    y1, y2 = float(bb.get("y1", 0)), float(bb.get("y2", 0))
                    box = (x1 * scale, (height - y2) * scale, x2 * scale, (height - y1) * scale)
                content = c.find("content")
                text = (content.text or "") if content is not None else ""
                cells.append(Cell(r0, c0, text, r1 - r0 + 1, c1 - c0 + 1, box))
            tables.append(Table(page, cells, name=f"{path.stem}#{t.get('id')}p{page}"))
    return tables


def _box(v: object) -> BBox | None:
    if not isinstance(v, list | tuple) or len(v) != 4:
        return None
    return (float(v[0]), float(v[1]), float(v[2]), float(v[3]))


def tables_from_structure(doc: Mapping[str, Any], page: int) -> list[Table]:
    """The tables of one ``table-structure/1`` document (one page image)."""
    out: list[Table] = []
    for k, t in enumerate(doc.get("tables") or []):
        cells = [
            Cell(
                int(c["row"]),
                int(c["col"]),
                str(c.get("text") or ""),
                int(c.get("row_span", 1)),
                int(c.get("col_span", 1)),
                _box(c.get("bbox")),
            )  # fmt: skip
            for c in t.get("cells", [])
        ]
        out.append(Table(page, cells, _box(t.get("bbox")), name=f"{doc.get('image', '')}#{k}"))
    return out


def map_tables(tables: Iterable[Table], m: np.ndarray) -> list[Table]:
    """Tables with their boxes moved by the 2x3 affine ``m`` (e.g. from a degraded copy back to the
    clean page, so that they can be matched with the ground truth)."""

    def move(b: BBox | None) -> BBox | None:
        if b is None:
            return None
        pts = np.array([[b[0], b[1], 1], [b[2], b[1], 1], [b[0], b[3], 1], [b[2], b[3], 1]], float) @ m.T
        return (
            float(pts[:, 0].min()),
            float(pts[:, 1].min()),
            float(pts[:, 0].max()),
            float(pts[:, 1].max()),
        )

    return [
        Table(
            t.page,
            [Cell(c.row, c.col, c.text, c.row_span, c.col_span, move(c.bbox)) for c in t.cells],
            move(t.bbox),
            t.name,
        )  # fmt: skip
        for t in tables
    ]


__all__ = [
    "Cell",
    "Score",
    "Table",
    "map_tables",
    "match_tables",
    "normalise_loose",
    "normalise_strict",
    "read_icdar_structure",
    "relations",
    "score_document",
    "tables_from_structure",
]
