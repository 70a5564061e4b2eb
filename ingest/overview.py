"""What archive staff see of their batches: each batch with its pages, their ledger status, capture
details and the number of fields still under review, and how far the batch has come (a page is
finished when it is done and nothing on it is left under review). No personal data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from archive_core.db import Batch, Database, Page, Record
from archive_core.errors import NotFoundError
from archive_core.records import PageStatus, ReviewState


@dataclass(frozen=True)
class PageLine:
    sha256: str
    source: str | None
    page_no: int | None
    status: str
    error: str | None
    content_type: str | None
    dpi: int | None
    width: int | None
    height: int | None
    size_bytes: int
    created_at: datetime | None
    rows: int
    fields_under_review: int

    @property
    def finished(self) -> bool:
        return self.status == PageStatus.done and self.fields_under_review == 0


@dataclass(frozen=True)
class BatchLine:
    id: int | None  # None: pages that came without a batch
    employer: str | None
    file_no: str | None
    box: str | None
    operator: str | None
    created_at: datetime | None
    pages: list[PageLine] = field(default_factory=list)

    @property
    def finished(self) -> int:
        return sum(p.finished for p in self.pages)

    @property
    def fields_under_review(self) -> int:
        return sum(p.fields_under_review for p in self.pages)

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.pages)


def _pages(db: Database, batch_id: int | None, with_pages: bool) -> dict[int | None, list[PageLine]]:
    with db.Session() as s:
        q = select(Page)
        if batch_id is not None:
            q = q.where(Page.batch_id == batch_id)
        pages = list(s.scalars(q.order_by(Page.created_at, Page.source, Page.page_no)))
        counts: dict[str, tuple[int, int]] = {}
        rq = select(Record.page_sha256, func.count(Record.id)).group_by(Record.page_sha256)
        if batch_id is not None:
            rq = rq.where(Record.page_sha256.in_([p.sha256 for p in pages]))
        for sha, n in s.execute(rq):
            counts[sha] = (n, 0)
        review = select(Record.page_sha256, Record.review).where(
            Record.review_state == str(ReviewState.needs_review)
        )
        for sha, fields in s.execute(review):
            if sha in counts:
                n, f = counts[sha]
                counts[sha] = (n, f + len(fields or []))
        out: dict[int | None, list[PageLine]] = {}
        for p in pages:
            n, f = counts.get(p.sha256, (0, 0))
            out.setdefault(p.batch_id, []).append(
                PageLine(
                    sha256=p.sha256,
                    source=p.source,
                    page_no=p.page_no,
                    status=str(p.status),
                    error=p.error,
                    content_type=p.content_type,
                    dpi=p.dpi,
                    width=p.width,
                    height=p.height,
                    size_bytes=p.size_bytes or 0,
                    created_at=p.created_at,
                    rows=n,
                    fields_under_review=f,
                )
            )
        return out


def batches_overview(db: Database) -> list[BatchLine]:
    """Every batch (newest first) with its pages; pages without a batch last."""
    pages = _pages(db, None, True)
    with db.Session() as s:
        batches = list(s.scalars(select(Batch).order_by(Batch.created_at.desc(), Batch.id.desc())))
        out = [
            BatchLine(b.id, b.employer, b.file_no, b.box, b.operator, b.created_at, pages.get(b.id, []))
            for b in batches
        ]
    if pages.get(None):
        out.append(BatchLine(None, None, None, None, None, None, pages[None]))
    return out


def batch_detail(db: Database, batch_id: int) -> BatchLine:
    with db.Session() as s:
        b = s.get(Batch, batch_id)
        if b is None:
            raise NotFoundError(f"няма партида № {batch_id}")
        line = BatchLine(b.id, b.employer, b.file_no, b.box, b.operator, b.created_at)
    line.pages.extend(_pages(db, batch_id, True).get(batch_id, []))
    return line
