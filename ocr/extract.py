"""Reading a payroll sheet: the stages chained by a thin driver (OCRmyPDF style).

    analyse (orientation, deskew, binarise, rules, grid)  ->  recognise (one tesseract pass over the
    page's header and table)  ->  cells  ->  header + column types  ->  rows  ->  checks  ->  second
    pass (digits only, one mosaic of the doubtful numeric cells)  ->  checks again  ->  payroll-page/1

Two tesseract processes per page at most; the image is decoded once by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from archive_core.errors import ExtractionError
from archive_core.records import PayrollPage, PayrollRow

from . import align, checks, columns, lines, names, normalise, preprocess, tables, tess
from .geometry import Box, Grid, Transform, Word, reading_text
from .header import Header, levenshtein, parse_header

NUMERIC = ("row", "egn", "days_worked", *checks.MONEY)
NUMERIC_CHARS = "0123456789.,-"


@dataclass
class Analysis:
    """The page as the later stages see it: deskewed, binarised, rules found and taken out."""

    gray: np.ndarray  # deskewed grayscale
    ink: np.ndarray  # text ink (255) without ruling and specks
    clean: np.ndarray  # flat-field grayscale, paper white outside the text, for tesseract
    grid: Grid
    transform: Transform
    dpi: int
    angle: float
    quarter_turns: int
    blobs: preprocess.Blobs


def analyse(image: np.ndarray, *, dpi: int | None = None, quarter_turns: int = 0) -> Analysis:
    gray = preprocess.to_gray(image)
    if gray.shape[0] < 200 or gray.shape[1] < 200:
        raise ExtractionError(f"изображението е твърде малко ({gray.shape[1]}x{gray.shape[0]} пиксела)")
    dpi = dpi or 300
    back = np.eye(3)  # maps working coordinates back to the image as given
    k = quarter_turns % 4
    if k:
        h, w = gray.shape
        gray = np.ascontiguousarray(np.rot90(gray, k))
        turned_to_given = {
            1: [[0.0, -1.0, w - 1.0], [1.0, 0.0, 0.0]],
            2: [[-1.0, 0.0, w - 1.0], [0.0, -1.0, h - 1.0]],
            3: [[0.0, 1.0, 0.0], [-1.0, 0.0, h - 1.0]],
        }[k]
        back = back @ np.vstack([turned_to_given, [0, 0, 1]])
    if dpi < 280:  # work at 300 dpi: the thresholds and tesseract like it
        f = 300 / dpi
        gray = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
        back = back @ np.array([[1 / f, 0, 0], [0, 1 / f, 0], [0, 0, 1]])
    gray, binary, angle, straight = preprocess.deskew(gray)
    back = back @ straight
    rules = lines.find_rules(binary)
    blobs = preprocess.Blobs(cv2.bitwise_and(binary, cv2.bitwise_not(rules.mask)))
    ink = blobs.at_least(20)
    grid = tables.find_grid(ink, rules, layout=blobs.at_least(70))
    clean = preprocess.flatten(gray, blobs.without_dust())
    return Analysis(gray, ink, clean, grid, Transform(back[:2]), 300, angle, k, blobs)


def header_bands(a: Analysis) -> list[tuple[int, int]]:
    """Text lines above the table (employer, title, period), found on dust-free ink."""
    top = max(0, a.grid.ys[0] - 6)
    if top < 10:
        return []
    solid = a.blobs.at_least(60, rows=slice(0, top))
    return tables.text_bands(solid, 0, top, 0, solid.shape[1], min_h=18)


def _header_image(a: Analysis, bands: list[tuple[int, int]]) -> np.ndarray:
    """The part above the table with everything outside its text lines blanked: dust and stamps there
    cannot turn into words."""
    top = max(0, a.grid.ys[0] - 6)
    head = np.full((top, a.clean.shape[1]), 255, dtype=np.uint8)
    if top < 10:  # the table starts at the top edge: no header on this image
        return head
    near = cv2.dilate(a.blobs.at_least(15, rows=slice(0, top)), np.ones((5, 5), np.uint8))
    solid = np.where(near > 0, a.clean[:top], np.uint8(255)).astype(np.uint8)
    for y0, y1 in bands:
        head[max(0, y0 - 4) : y1 + 4] = solid[max(0, y0 - 4) : y1 + 4]
    return head


def recognise(a: Analysis) -> tuple[list[Word], list[tuple[int, int]]]:
    """Two tesseract passes. Text (header, headings, name and position columns) with the Bulgarian
    model on the page image; figures (right-aligned columns) with a digits-only model on a mosaic of
    their cells, one cell per line, each word placed back at its cell."""
    g = a.grid
    bottom = min(a.clean.shape[0], g.ys[-1] + 8)
    img = a.clean[:bottom].copy()
    bands = header_bands(a)
    top = max(0, g.ys[0] - 6)
    img[:top] = _header_image(a, bands)
    kinds = align.column_kinds(a.blobs.at_least(40), g)
    numeric = [c for c, k in enumerate(kinds) if k == "numeric"]
    words: list[Word] = []
    if numeric:
        for c, k in enumerate(kinds):
            if k in ("numeric", "empty"):  # figures are read by the digits pass
                img[g.ys[1] : bottom, g.xs[c] + 2 : g.xs[c + 1] - 1] = 255
        boxes = [g.cell(r, c) for c in numeric for r in range(1, g.n_rows)]
        for box, ws in zip(boxes, mosaic_read(a, boxes, lang="eng", whitelist=NUMERIC_CHARS), strict=True):
            if ws:
                words.append(Word(" ".join(w.text for w in ws), min(w.conf for w in ws), _inner(box)))
    words += tess.words(img, lang="bul", psm=6)
    return words, bands


def _inner(b: Box) -> Box:
    """A box well inside a cell, so a word placed there is assigned to that cell."""
    return Box(b.x0 + b.w // 3, b.y0 + b.h // 3, b.x1 - b.w // 3, b.y1 - b.h // 3)


def _cell_words(words: list[Word], g: Grid) -> tuple[dict[tuple[int, int], list[Word]], list[Word]]:
    cells: dict[tuple[int, int], list[Word]] = {}
    above: list[Word] = []
    for w in words:
        if w.box.cy < g.ys[0]:
            above.append(w)
            continue
        r = int(np.searchsorted(g.ys, w.box.cy)) - 1
        c = int(np.searchsorted(g.xs, w.box.cx)) - 1
        if 0 <= r < g.n_rows and 0 <= c < g.n_cols:
            cells.setdefault((r, c), []).append(w)
    return cells, above


_text = reading_text


def _is_total_label(text: str) -> bool:
    """ "Всичко" closes a month; "Пренос" closes a sheet whose month goes on on the next one."""
    return any(
        levenshtein(t.lower().strip(":.,"), w) <= 2 for t in text.split() for w in ("всичко", "пренос")
    )


def _is_carried_label(text: str) -> bool:
    words = [t.lower().strip(":.,") for t in text.split()]
    return any(levenshtein(t, w) <= 2 for t in words for w in ("пренос", "пренесено")) and not any(
        levenshtein(t, "всичко") <= 2 for t in words
    )


def _value(kind: str, text: str) -> object:
    if kind == "egn":
        return normalise.egn(text)
    if kind in ("row", "days_worked"):
        return normalise.integer(text)
    if kind in checks.MONEY:
        return normalise.money(text)
    if kind == "name":
        return normalise.name(text)
    if kind == "position":
        return normalise.text_value(text)
    return None


def _conf(ws: list[Word]) -> float:
    return min((w.conf for w in ws), default=0.0)


def mosaic_read(a: Analysis, boxes: list[Box], *, lang: str, whitelist: str | None) -> list[list[Word]]:
    """Read many cells in one tesseract call: each cell's crop on its own line of a mosaic image.
    Returns the words of each box, in order."""
    if not boxes:
        return []
    pad = 24
    crops = [a.clean[max(0, b.y0 + 4) : max(b.y0 + 5, b.y1 - 2), max(0, b.x0 + 4) : max(b.x0 + 5, b.x1 - 3)]
             for b in boxes]  # fmt: skip
    width = max(c.shape[1] for c in crops) + 2 * pad
    height = sum(c.shape[0] + pad for c in crops) + pad
    mosaic = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    y = pad
    for c in crops:
        x = width - pad - c.shape[1]  # right-aligned, as figures are
        mosaic[y : y + c.shape[0], x : x + c.shape[1]] = c
        spans.append((y, y + c.shape[0]))
        y += c.shape[0] + pad
    out: list[list[Word]] = [[] for _ in boxes]
    starts = [s[0] - pad / 2 for s in spans]
    for w in tess.words(mosaic, lang=lang, psm=6, whitelist=whitelist):
        i = int(np.searchsorted(starts, w.box.cy)) - 1
        if 0 <= i < len(boxes):
            out[i].append(w)
    for ws in out:
        ws.sort(key=lambda w: w.box.x0)
    return out


def second_pass(a: Analysis, targets: list[tuple[int, Box]]) -> dict[int, str]:
    """Re-read doubtful figures with the other model (Bulgarian, digits only): a second opinion."""
    read = mosaic_read(a, [b for _, b in targets], lang="bul", whitelist=NUMERIC_CHARS)
    return {key: " ".join(w.text for w in ws) for (key, _), ws in zip(targets, read, strict=True) if ws}


def extract_image(image: np.ndarray, *, image_name: str, dpi: int | None = None) -> PayrollPage:
    """Read one payroll sheet image (grayscale or BGR) into payroll-page/1."""
    hints: dict[str, bool] = {}
    page = _extract(image, image_name, dpi, 0, hints)
    if _looks_wrong(page):  # fed sideways or upside down? ask tesseract's orientation detector
        gray = preprocess.to_gray(image)
        asked = [tess.orientation(cv2.bitwise_not(preprocess.binarize(gray)), dpi=dpi or 300),
                 tess.orientation(gray, dpi=dpi or 300)]  # fmt: skip
        # faint scans can leave the detector unsure: then every other orientation is tried
        for turns in dict.fromkeys([t for t in asked if t] or [1, 3, 2]):
            try:
                turned = _extract(image, image_name, dpi, turns)
            except ExtractionError:
                continue
            if _quality(turned) > _quality(page):
                page = turned
            if not _looks_wrong(page):
                break
    page = _two_sheets(image, image_name, dpi, page, hints.get("two_sheets", False)) or page
    if not page.rows:  # an empty result would look like a sheet without people: fail the page instead
        raise ExtractionError(
            f"{image_name}: не е намерена таблица с редове — проверете сканирането (ориентация, резолюция, "
            "цял лист в кадър) и го повторете"
        )
    return page


def _two_sheets(
    image: np.ndarray, image_name: str, dpi: int | None, page: PayrollPage, hinted: bool
) -> PayrollPage | None:
    """Two reduced sheets scanned side by side: the table found covers one half of a landscape scan.
    Each half is read on its own; the page is both sheets' rows in reading order, the last sheet's totals."""
    h, w = image.shape[:2]
    boxes = [r.bbox for r in page.rows if r.bbox]
    narrow = bool(boxes) and max(b[2] for b in boxes) - min(b[0] for b in boxes) <= 0.55 * w
    if w < 1.2 * h or not (hinted or narrow or _looks_wrong(page)):
        return None
    mid = w // 2
    halves = []
    for x0, part in ((0, image[:, :mid]), (mid, image[:, mid:])):
        try:
            half = _extract(np.ascontiguousarray(part), image_name, dpi, 0)
        except ExtractionError:
            return None
        if not half.rows:
            return None
        for r in half.rows:
            if r.bbox:
                r.bbox = [r.bbox[0] + x0, r.bbox[1], r.bbox[2] + x0, r.bbox[3]]
        halves.append(half)
    left, right = halves
    if _quality(left) + _quality(right) <= _quality(page):
        return None
    last = max((r.row for r in left.rows if r.row is not None), default=len(left.rows))
    if all(r.row is None for r in right.rows):  # the second sheet's numbers unread: they go on from the first
        for i, r in enumerate(right.rows, start=1):
            r.row = last + i
    return PayrollPage.model_validate(
        {
            "image": image_name,
            "employer": {"name": left.employer.name or right.employer.name},
            "period": (left.period if left.period.year else right.period).model_dump(),
            "sheet": left.sheet if left.sheet is not None else right.sheet,
            "rows": [r.model_dump() for r in left.rows + right.rows],
            "totals": right.totals,
        }
    )


def _quality(p: PayrollPage) -> int:
    from archive_core import egn as egn_mod

    return sum(1 for r in p.rows if r.egn and egn_mod.is_valid(r.egn)) + (p.period.year is not None)


def _looks_wrong(p: PayrollPage) -> bool:
    return _quality(p) <= max(1, len(p.rows) // 4)


def _extract(
    image: np.ndarray, image_name: str, dpi: int | None, quarter: int, hints: dict[str, bool] | None = None
) -> PayrollPage:
    try:
        a = analyse(image, dpi=dpi, quarter_turns=quarter)
    except ExtractionError:
        if quarter == 0:  # maybe the page is turned: extract_image asks the orientation detector
            return PayrollPage(image=image_name)
        raise
    words, bands = recognise(a)
    g = a.grid
    cells, above = _cell_words(words, g)
    header: Header = parse_header(above, a.clean.shape[1], bands)
    # heading band(s): rows before the first row with content in most columns
    headings = [_text(cells.get((0, c), [])) for c in range(g.n_cols)]
    body_rows = list(range(1, g.n_rows))
    totals_row = None
    for r in body_rows[:-1]:  # a "Всичко"/"Пренос" row above the last band ends the table (footer below)
        row_text = " ".join(_text(cells.get((r, c), [])) for c in range(g.n_cols))
        if (
            r > 1
            and _is_total_label(row_text)
            and not any(len(normalise.digits(t)) == 10 for t in row_text.split())
        ):
            body_rows = body_rows[: body_rows.index(r) + 1]
            break
    if body_rows:
        last = body_rows[-1]
        last_text = " ".join(_text(cells.get((last, c), [])) for c in range(g.n_cols))
        if _is_total_label(last_text) or not any(len(normalise.digits(t)) == 10 for t in last_text.split()):
            totals_row = last
            body_rows = body_rows[:-1]
    body_rows = [r for r in body_rows if any(cells.get((r, c)) for c in range(g.n_cols))]
    carried_row = None  # "От пренос": the sums carried from the previous sheet, not a person
    if body_rows:
        first_text = " ".join(_text(cells.get((body_rows[0], c), [])) for c in range(g.n_cols))
        if _is_carried_label(first_text) and not any(
            len(normalise.digits(t)) == 10 for t in first_text.split()
        ):
            carried_row = body_rows.pop(0)
    texts = [[_text(cells.get((r, c), [])) for c in range(g.n_cols)] for r in body_rows]
    kinds = columns.identify(texts, headings)
    if hints is not None:  # an empty "column" across the middle of a landscape scan: two sheets side by side
        height, width = a.clean.shape
        hints["two_sheets"] = width > 1.2 * height and any(
            kinds[c] is None
            and not any(row[c].strip() for row in texts)
            and g.xs[c] < width / 2 < g.xs[c + 1]
            and g.xs[c + 1] - g.xs[c] > 0.015 * width
            for c in range(g.n_cols)
        )
    present = [k for k in kinds if k]
    drafts: list[checks.RowDraft] = []
    for r, row_texts in zip(body_rows, texts, strict=True):
        d = checks.RowDraft(values={}, bbox=a.transform.box_to_original(_row_box(g, r)))
        for c, kind in enumerate(kinds):
            if kind is None or kind == "signature":
                continue
            d.values[kind] = _value(kind, row_texts[c])
            d.conf[kind] = _conf(cells.get((r, c), []))
        drafts.append(d)
    carried: dict[str, str] = {}
    if carried_row is not None:
        for c, kind in enumerate(kinds):
            if kind in checks.MONEY:
                v = normalise.money(_text(cells.get((carried_row, c), [])))
                if v is not None:
                    carried[kind] = v
    totals: dict[str, str] = {}
    if totals_row is not None:
        for c, kind in enumerate(kinds):
            if kind in checks.MONEY:
                v = normalise.money(_text(cells.get((totals_row, c), [])))
                if v is not None:
                    totals[kind] = v
    _run_checks(drafts, totals, present, header, carried)
    # second pass over the doubtful numeric cells, then the checks again with both readings
    targets: list[tuple[int, Box]] = []
    where: dict[int, tuple[int, str]] = {}  # mosaic line -> (row draft, field)
    for i, (r, d) in enumerate(zip(body_rows, drafts, strict=True)):
        for c, kind in enumerate(kinds):
            if kind is None:
                continue
            doubtful = kind in d.review or d.values.get(kind) is None
            if kind in ("days_worked", "egn") or (kind in NUMERIC and kind != "row" and doubtful):
                key = len(targets)
                targets.append((key, g.cell(r, c)))
                where[key] = (i, kind)
    if totals_row is not None:  # the totals are the column checks' anchor: always read twice
        for c, kind in enumerate(kinds):
            if kind in checks.MONEY:
                key = len(targets)
                targets.append((key, g.cell(totals_row, c)))
                where[key] = (-1, kind)
    if targets:
        reread = second_pass(a, targets)
        total_alts: dict[str, str] = {}
        for key, text in reread.items():
            i, kind = where[key]
            reading = _value(kind, text)
            if reading is None:
                continue
            if i < 0:
                total_alts[kind] = str(reading)
                continue
            drafts[i].alts.setdefault(kind, []).append(reading)
            if drafts[i].values.get(kind) is None:
                drafts[i].values[kind] = reading
        totals = _choose_totals(totals, total_alts, drafts, present, carried)
        for d in drafts:
            d.review.clear()
            d.proven.clear()
        _run_checks(drafts, totals, present, header, carried)
    _guard_page(drafts, kinds, texts)
    _number_rows(drafts)
    rows = []
    for d in drafts:
        vals = {k: v for k, v in d.values.items() if k in PayrollRow.model_fields}
        review = sorted(f for f in d.review if f in PayrollRow.model_fields)
        rows.append(
            PayrollRow.model_validate(
                {
                    **vals,
                    "bbox": d.bbox,
                    "review": review,
                    "confidence": {k: round(v, 2) for k, v in d.conf.items()},
                }
            )
        )
    return PayrollPage.model_validate(
        {
            "image": image_name,
            "employer": {"name": header.employer},
            "period": {"year": header.year, "month": header.month},
            "sheet": header.sheet,
            "rows": [r.model_dump() for r in rows],
            "totals": totals,
        }
    )


def _choose_totals(
    first: dict[str, str],
    second: dict[str, str],
    drafts: list[checks.RowDraft],
    present: list[str],
    carried: dict[str, str],
) -> dict[str, str]:
    """Of the two readings of each printed total, the one the column adds up to; else the one that keeps
    the totals' own sums (gross = base + extra, net = gross - deductions); else the first."""
    from decimal import Decimal
    from itertools import product

    fields = sorted(set(first) | set(second))
    options = {
        f: list(dict.fromkeys(x for x in (first.get(f), second.get(f)) if x is not None)) for f in fields
    }
    chosen: dict[str, str] = {}
    for f in fields:
        vals = [d.dec(f) for d in drafts]
        col = sum(v for v in vals if v is not None) if all(v is not None for v in vals) else None
        if col is not None and f in carried:
            col += Decimal(carried[f])
        match = [o for o in options[f] if col is not None and Decimal(o) == col]
        if match:
            chosen[f] = match[0]
    rest = [f for f in fields if f not in chosen]
    for combo in product(*[options[f] for f in rest]):
        trial = {**chosen, **dict(zip(rest, combo, strict=True))}
        if checks._totals_consistent(trial, present):
            return trial
    return {**chosen, **{f: options[f][0] for f in rest}}


def _row_box(g: Grid, r: int) -> Box:
    return Box(g.xs[0], g.ys[r], g.xs[-1], g.ys[r + 1])


def _run_checks(
    drafts: list[checks.RowDraft],
    totals: dict[str, str],
    present: list[str],
    h: Header,
    carried: dict[str, str],
) -> None:
    for d in drafts:
        if "egn" in present:
            checks.check_egn(d)
        if "days_worked" in present:
            checks.check_days(d, h.year, h.month)
        checks.check_money(d, present)
        if "name" in present:
            fixed, sure = names.check_name(d.values.get("name"))  # type: ignore[arg-type]
            d.values["name"] = fixed
            if not sure or d.conf.get("name", 1.0) < checks.CONF_FLOOR / 2:
                d.review.add("name")
    checks.check_totals(drafts, totals, present, carried)
    checks.check_magnitudes(drafts, present)


def _guard_page(drafts: list[checks.RowDraft], kinds: list[str | None], texts: list[list[str]]) -> None:
    """Page-level doubts a person must see. A column of figures that could not be placed means a money
    field of every row may be missing; a page where most ЕГН fail their check digit was not read
    (wrong orientation, two sheets, a stranger's layout): every field goes to review."""
    from archive_core import egn as egn_mod

    present = {k for k in kinds if k}
    # every payroll sheet pays gross, deducts and pays out net: a missing one was not found, not absent
    for f in ("gross_pay", "deductions", "net_pay"):
        if f not in present:
            for d in drafts:
                d.values.setdefault(f, None)
                d.review.add(f)
    for c, kind in enumerate(kinds):
        if kind is not None:
            continue
        col = [row[c] for row in texts]
        if sum(len(normalise.digits(t)) >= 3 for t in col) >= max(1, len(col) // 2):
            for d in drafts:
                for f in checks.MONEY:
                    if f not in present:
                        d.values.setdefault(f, None)
                        d.review.add(f)
    if drafts and "egn" in present:
        valid = sum(
            1
            for d in drafts
            if isinstance(d.values.get("egn"), str) and egn_mod.is_valid(str(d.values["egn"]))
        )
        if valid < 0.5 * len(drafts):
            for d in drafts:
                d.review.update(k for k in d.values if k in PayrollRow.model_fields and k != "row")
    elif drafts and "egn" not in present:
        for d in drafts:
            d.review.update(k for k in d.values if k in PayrollRow.model_fields and k != "row")
            d.values.setdefault("egn", None)
            d.review.add("egn")


def _number_rows(drafts: list[checks.RowDraft]) -> None:
    """Printed row numbers run 1, 2, 3...: take the sequence most readings agree with."""
    offsets: dict[int, int] = {}
    for i, d in enumerate(drafts):
        v = d.values.get("row")
        if isinstance(v, int):
            offsets[v - i] = offsets.get(v - i, 0) + 1
    if not offsets:
        for d in drafts:
            d.values.pop("row", None)
        return
    off = max(offsets, key=lambda k: offsets[k])
    for i, d in enumerate(drafts):
        d.values["row"] = i + off
