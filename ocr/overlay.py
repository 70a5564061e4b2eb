"""A picture of what the reader saw (pdfplumber's debug overlay, for payroll sheets): every row it found
boxed on the page, green when every field passed its checks, red with the fields a person must check."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archive_core.records import PayrollPage

from .lines import find_rules
from .preprocess import binarize

LABELS = {
    "egn": "ЕГН", "name": "име", "days_worked": "дни", "base_pay": "основна", "extra_pay": "допълнителна",
    "gross_pay": "брутно", "deductions": "удръжки", "net_pay": "за получаване", "position": "длъжност",
    "year": "година", "month": "месец",
}  # fmt: skip
FIELD_COLOUR = (230, 110, 0)  # the cell of a field under review (its reason's region)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def cell_columns(image: np.ndarray, *, dpi: int = 300) -> list[int]:
    """The x of the sheet's vertical ruling lines (cell borders), for ``draw(columns=...)``; none on an
    unruled sheet."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return sorted(r.pos for r in find_rules(binarize(gray), dpi=dpi).vertical)


def draw(
    image: np.ndarray, page: PayrollPage, *, scale: float = 0.5, columns: Sequence[int] = ()
) -> Image.Image:
    """The page with every row boxed (and, given ``columns``, every cell of the row: the vertical
    rules inside its box), green when the row passed, red with the fields a person must check; the cell
    of each field under review (``review_reasons`` bbox) framed in orange."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    canvas = Image.fromarray(cv2.cvtColor(small, cv2.COLOR_GRAY2RGB))
    pen = ImageDraw.Draw(canvas)
    font = ImageFont.truetype(str(FONT), 18) if FONT.exists() else ImageFont.load_default()
    for r in page.rows:
        if not r.bbox:
            continue
        x0, y0, x1, y1 = (int(v * scale) for v in r.bbox)
        review = r.review or []
        colour = (200, 30, 30) if review else (20, 150, 60)
        pen.rectangle((x0, y0, x1, y1), outline=colour, width=3)
        for cx in columns:
            x = int(cx * scale)
            if x0 + 4 < x < x1 - 4:
                pen.line((x, y0, x, y1), fill=colour, width=2)
        for f in review:  # each flagged field's own cell, where the reading knows it
            why = (r.review_reasons or {}).get(f)
            if why is not None and why.bbox and len(why.bbox) == 4 and why.bbox != r.bbox:
                fx0, fy0, fx1, fy1 = (int(v * scale) for v in why.bbox)
                pen.rectangle((fx0 - 2, fy0 - 2, fx1 + 2, fy1 + 2), outline=FIELD_COLOUR, width=4)
        label = f"{r.row if r.row is not None else '?'}"
        if review:
            label += ": провери " + ", ".join(LABELS.get(f, f) for f in review)
        pen.text((x1 + 6 if x1 + 300 < canvas.width else x0 + 6, y0), label, fill=colour, font=font)
    head = f"{page.employer.name or '?'} — {page.period.month or '?'}.{page.period.year or '?'}, лист {page.sheet or '?'}"
    pen.text((10, 6), head, fill=(30, 60, 200), font=font)
    return canvas


def write(image: np.ndarray, page: PayrollPage, path: Path) -> None:
    tmp = path.with_suffix(".part.png")
    draw(image, page).save(tmp, format="PNG", optimize=False)
    tmp.replace(path)
