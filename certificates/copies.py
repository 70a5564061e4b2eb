"""Issuing a citizen's copy of one stored page: the rows from the system of record, the original from
the store, the redaction and leak check (``citizen_copy``), and the staff queue for every copy that
cannot be issued automatically. Used by the API route and by ``archive citizen-copy``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from archive_core import egn as egn_mod
from archive_core.config import Settings
from archive_core.db import CopyRequest, Database, Page, Record
from archive_core.errors import NotFoundError, UsageError
from archive_core.hashing import check_sha256
from archive_core.protocols import OriginalStore
from ocr.engine import engine_from_settings

from .citizen_copy import (
    ROW_NOT_FOUND,
    CopyRefused,
    PageRow,
    decode_page,
    engine_reader,
    make_copy,
    pdf_bytes,
    png_bytes,
)

Format = Literal["png", "pdf"]


class CopyQueued(CopyRefused):
    """Refused and put in the staff queue as request ``queue_id``."""

    def __init__(self, refused: CopyRefused, queue_id: int) -> None:
        self.queue_id = queue_id
        self.exit_code = 4 if refused.reason == ROW_NOT_FOUND else 5
        self.reason = refused.reason
        self.detail = refused.detail
        Exception.__init__(
            self,
            f"копието не може да се издаде автоматично ({refused.reason}); заявката е предадена на служител "
            f"за ръчна подготовка под № {queue_id}",
        )


@dataclass
class IssuedCopy:
    data: bytes
    media_type: str
    filename: str


def check_request(sha256: str, egn: str) -> str:
    sha256 = check_sha256(sha256)
    if not egn_mod.is_well_formed(egn):
        raise UsageError(f"ЕГН трябва да е 10 цифри: {egn!r}")
    return sha256


def page_rows(db: Database, sha256: str) -> tuple[list[PageRow], list[str], str | None]:
    """Every row of the page (the record where there is one: corrected ЕГН and figures; else the
    extraction), the page's totals and its printed employer."""
    with db.Session() as session:
        page = session.get(Page, sha256)
        if page is None:
            raise NotFoundError(f"няма страница {sha256}")
        recs = {r.row_index: r for r in session.scalars(select(Record).where(Record.page_sha256 == sha256))}
        extraction = page.extraction or {}
        employer = page.employer_printed
    extracted = list(extraction.get("rows") or [])
    rows: list[PageRow] = []
    for i in sorted(set(recs) | set(range(len(extracted)))):
        ext = PageRow.from_json(extracted[i]) if i < len(extracted) else PageRow(egn=None)
        rec = recs.get(i)
        if rec is None:
            rows.append(ext)
            continue
        figures = tuple(
            f"{v:.2f}"
            for v in (rec.base_pay, rec.extra_pay, rec.gross_pay, rec.deductions, rec.net_pay)
            if v is not None
        )
        rows.append(
            PageRow(
                egn=rec.egn or ext.egn,
                name=rec.name or ext.name,
                figures=tuple(dict.fromkeys(figures + ext.figures)),
                bbox=rec.bbox or ext.bbox,
            )
        )
    totals = [str(v) for v in (extraction.get("totals") or {}).values()]
    return rows, totals, employer


def queue_refusal(db: Database, sha256: str, egn: str, refused: CopyRefused) -> int:
    with db.Session.begin() as session:
        req = CopyRequest(page_sha256=sha256, egn=egn, reason=refused.reason, detail=refused.detail)
        session.add(req)
        session.flush()
        return int(req.id)


def issue_copy(
    settings: Settings, db: Database, store: OriginalStore, sha256: str, egn: str, fmt: Format = "png"
) -> IssuedCopy:
    """The copy as PNG or PDF; CopyQueued (after queueing it for staff) when it cannot be issued."""
    sha256 = check_request(sha256, egn)
    rows, totals, employer = page_rows(db, sha256)
    image, dpi = decode_page(store.get(sha256))
    try:
        copy = make_copy(
            image,
            rows,
            egn,
            read=engine_reader(engine_from_settings(settings)),
            dpi=dpi,
            totals=totals,
            header=employer,
        )
    except CopyRefused as e:
        raise CopyQueued(e, queue_refusal(db, sha256, egn, e)) from None
    name = f"kopie-{sha256[:12]}-{egn}.{fmt}"
    if fmt == "pdf":
        return IssuedCopy(pdf_bytes(copy), "application/pdf", name)
    return IssuedCopy(png_bytes(copy), "image/png", name)
