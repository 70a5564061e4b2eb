"""The picture on the verification screen: the stored original with every row and cell outlined by
``ocr.overlay`` (green when the row passed, red with the fields still under review, the cell of each
field under review framed in orange: the region its reason is about), drawn from the
records as they stand now (after corrections), kept as a derivative keyed by the page and its review
state (a correction that changes the colours draws a new one; the same state is drawn once).
"""

from __future__ import annotations

import hashlib
import io
import json

from sqlalchemy import select

from archive_core.db import Database, Page, Record
from archive_core.errors import NotFoundError
from archive_core.protocols import OriginalStore
from archive_core.records import Employer, PayrollPage, PayrollRow, Period
from ocr.overlay import cell_columns, draw
from ocr.preprocess import to_gray
from scanner_drivers.intake import decode_image

SCALE = 0.5  # the overlay is drawn at half the original's size; row boxes on screen are scaled alike


def _page_of(db: Database, sha256: str) -> tuple[PayrollPage, int | None]:
    with db.Session() as s:
        page = s.get(Page, sha256)
        if page is None:
            raise NotFoundError(f"страница {sha256} не е в регистъра")
        recs = list(s.scalars(select(Record).where(Record.page_sha256 == sha256).order_by(Record.row_index)))
        first = recs[0] if recs else None
        rows = [
            PayrollRow(
                row=r.row_no,
                bbox=list(r.bbox) if r.bbox else None,
                review=list(r.review or []),
                review_reasons={f: w for f, w in (r.review_reasons or {}).items() if f in (r.review or [])},
            )
            for r in recs
        ]
        return (
            PayrollPage(
                image=page.source or sha256,
                employer=Employer(name=first.employer if first else page.employer_printed),
                period=Period(year=page.year, month=page.month),
                sheet=page.sheet,
                rows=rows,
            ),
            page.dpi,
        )


def review_overlay(db: Database, store: OriginalStore, sha256: str) -> bytes:
    """PNG of the page with its rows and cells outlined as they stand now. NotFoundError when the
    original is not in the store (a page registered without its image)."""
    payroll, dpi = _page_of(db, sha256)
    state = json.dumps(
        [[r.row, r.bbox, r.review, {f: w.bbox for f, w in (r.review_reasons or {}).items()}] for r in payroll.rows],
        ensure_ascii=False,
    )
    key = f"overlay/{sha256}/{hashlib.sha256(state.encode()).hexdigest()[:16]}.png"
    try:
        return store.get_derivative(key)
    except NotFoundError:
        pass
    data = store.get(sha256)
    image = to_gray(decode_image(data, name=f"страница {sha256[:12]}"))
    picture = draw(image, payroll, scale=SCALE, columns=cell_columns(image, dpi=dpi or 300))
    buf = io.BytesIO()
    picture.save(buf, format="PNG")
    png = buf.getvalue()
    store.put_derivative(key, png)
    return png
