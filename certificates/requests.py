"""Certificate requests waiting for verification: the clerk sends the pages that hold a person's months
under review to the verifiers in one step (``send_for_verification``); the verification queue
(``ingest.verification.verification_queue``) puts those pages first. A request is ``pending`` while
any of its records is under review or on a page whose employer name is in doubt, ``ready`` once they
are all cleared, ``issued`` when a certificate of that kind was issued for the person after it was ready.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_core import egn as egn_mod
from archive_core.db import CertificateRequestRow, Database, Record, utcnow
from archive_core.doubts import open_employer_doubts
from archive_core.errors import NotFoundError, UsageError
from archive_core.records import ReviewState

from .model import TITLES, period_text
from .queries import load_records_db


@dataclass(frozen=True)
class VerificationRequest:
    id: int
    egn: str
    kind: str
    period_from: str | None
    period_to: str | None
    requested_by: str
    requested_at: datetime
    status: str  # pending | ready | issued
    pages: list[str]  # pages sent for verification (sha256)
    pages_left: list[str]  # of those, pages still holding the request's records under review
    records_left: int
    comment: str | None


def send_for_verification(
    db: Database,
    egn: str,
    kind: str,
    period_from: tuple[int, int] | None = None,
    period_to: tuple[int, int] | None = None,
    *,
    user: str,
    comment: str | None = None,
) -> VerificationRequest:
    """One step for the clerk: every page holding the person's months under review (and the rows that
    may be the person's under a misread ЕГН) goes to the front of the verification queue. UsageError
    when nothing of the person is under review (the certificate can be issued now)."""
    user = (user or "").strip()
    if not user:
        raise UsageError("посочете кой изпраща за проверка (потребител)")
    if kind not in TITLES:
        raise UsageError(f"непознат вид удостоверение {kind!r}: service (стаж) или income (доход)")
    egn = egn.strip()
    if not egn_mod.is_well_formed(egn):
        raise UsageError(f"ЕГН се състои от 10 цифри, а не {egn!r}")
    found, possible = load_records_db(db, egn, period_from, period_to)
    if not found:
        raise NotFoundError(f"няма записи за ЕГН {egn}")
    with db.Session() as s:
        doubted = open_employer_doubts(s, (pm.page_sha256 for pm, _ in found))
    under = [
        pm
        for pm, _ in [*found, *possible]
        if pm.review_state == ReviewState.needs_review or pm.page_sha256 in doubted
    ]
    if not under:
        raise UsageError(
            f"няма месеци за проверка на ЕГН {egn}: всички редове са проверени и удостоверението може да се издаде"
        )
    pages = list(dict.fromkeys(pm.page_sha256 for pm in under))
    with db.Session() as s:
        row = CertificateRequestRow(
            egn=egn,
            kind=kind,
            period_from=period_text(period_from),
            period_to=period_text(period_to),
            requested_by=user,
            requested_at=utcnow(),
            status="pending",
            pages=pages,
            record_ids=[pm.id for pm in under],
            comment=(comment or "").strip() or None,
        )
        s.add(row)
        s.commit()
        rid = row.id
    return request_status(db, rid)


def request_status(db: Database, request_id: int) -> VerificationRequest:
    """A request with the pages still under review; ``pending`` turns ``ready`` when none is left."""
    with db.Session() as s:
        row = s.get(CertificateRequestRow, request_id)
        if row is None:
            raise NotFoundError(f"няма заявка за проверка № {request_id}")
        out = _status(s, row)
        s.commit()
        return out


def pending_requests(db: Database, *, egn: str | None = None) -> list[VerificationRequest]:
    """Requests not yet issued (pending and ready), oldest first."""
    with db.Session() as s:
        q = select(CertificateRequestRow).where(CertificateRequestRow.status.in_(["pending", "ready"]))
        if egn:
            q = q.where(CertificateRequestRow.egn == egn)
        out = [
            _status(s, r)
            for r in s.scalars(q.order_by(CertificateRequestRow.requested_at, CertificateRequestRow.id))
        ]
        s.commit()
        return out


def mark_issued(db: Database, egn: str, kind: str, registration_no: str) -> int:
    """Requests of the person for this kind that are cleared become ``issued``; returns how many."""
    n = 0
    with db.Session() as s:
        q = select(CertificateRequestRow).where(
            CertificateRequestRow.egn == egn,
            CertificateRequestRow.kind == kind,
            CertificateRequestRow.status.in_(["pending", "ready"]),
        )
        for row in s.scalars(q):
            if _status(s, row).status == "ready":
                row.status = "issued"
                row.comment = ((row.comment or "") + f" [издадено № {registration_no}]").strip()
                n += 1
        s.commit()
    return n


def _status(s: Session, row: CertificateRequestRow) -> VerificationRequest:
    ids = list(row.record_ids or [])
    left: list[tuple[str, str]] = []
    if ids:
        left = [
            (rid, sha)
            for rid, sha in s.execute(
                select(Record.id, Record.page_sha256).where(
                    Record.id.in_(ids), Record.review_state == str(ReviewState.needs_review)
                )
            ).all()
        ]
    # a page whose employer name is still in doubt holds the request's months back as well
    open_pages = open_employer_doubts(s, row.pages or [])
    if open_pages and ids:
        held = s.execute(select(Record.id, Record.page_sha256).where(Record.id.in_(ids))).all()
        left += [(rid, sha) for rid, sha in held if sha in open_pages and (rid, sha) not in left]
    if row.status == "pending" and not left:
        row.status = "ready"
    pages_left = list(dict.fromkeys(sha for _, sha in left))
    return VerificationRequest(
        id=row.id,
        egn=row.egn,
        kind=row.kind,
        period_from=row.period_from,
        period_to=row.period_to,
        requested_by=row.requested_by,
        requested_at=row.requested_at,
        status=row.status,
        pages=list(row.pages or []),
        pages_left=pages_left,
        records_left=len(left),
        comment=row.comment,
    )
