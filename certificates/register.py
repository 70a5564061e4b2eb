"""The register of issued certificates: a registration number per year ("2026-000123") and date, who
issued it, for whom, the kind and period, the file and the content (JSON) as issued.

The clerk who issues a certificate cannot be the verifier of any of its records (four eyes):
``check_issuer`` refuses with ``NotAllowedError`` naming the pages and rows that clerk verified.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError as SQLIntegrityError

from archive_core.db import CertificateIssued, Database, utcnow
from archive_core.errors import NotAllowedError, NotFoundError, UsageError

from .model import Certificate
from .queries import verifiers

TZ = ZoneInfo("Europe/Sofia")  # the registration date is the archive's local date


@dataclass(frozen=True)
class IssuedEntry:
    registration_no: str
    registered_on: date
    issued_at: datetime
    issued_by: str
    egn: str
    kind: str
    period_from: str | None
    period_to: str | None
    certificate_id: str
    file_path: str | None


def registration_no(year: int, seq: int) -> str:
    return f"{year:04d}-{seq:06d}"


def check_issuer(db: Database, cert: Certificate, user: str) -> None:
    """NotAllowedError when ``user`` corrected or confirmed a field of any record on the certificate."""
    user = (user or "").strip()
    if not user:
        raise UsageError("посочете кой издава удостоверението (потребител)")
    by_record = verifiers(db, [ln.evidence.record_id for ln in cert.lines])
    own = [
        ln.evidence
        for ln in cert.lines
        if any(user in users for users in by_record.get(ln.evidence.record_id, {}).values())
    ]
    if own:
        where = "; ".join(f"стр. {ev.page_id}, ред {ev.row_no or ev.row_index + 1}" for ev in own[:5])
        more = f" и още {len(own) - 5}" if len(own) > 5 else ""
        raise NotAllowedError(
            f"{user} е проверил(а) записи от това удостоверение ({where}{more}) и не може да го издаде: "
            "удостоверението се издава от служител, който не е проверявал записите му"
        )


def register(
    db: Database, cert: Certificate, *, user: str, write: Callable[[Certificate], Path] | None = None
) -> Certificate:
    """Give ``cert`` the next registration number of the year and today's date, call ``write(cert)``
    (it writes the files and returns their path) and keep the entry; the number is taken only when
    the files were written. Returns the certificate with ``registration_no``, ``registered_on`` and
    ``issued_by`` set."""
    for _attempt in range(10):
        today = utcnow().astimezone(TZ).date()
        with db.Session() as s:
            last = s.scalar(
                select(func.max(CertificateIssued.reg_seq)).where(CertificateIssued.reg_year == today.year)
            )
            seq = (last or 0) + 1
            numbered = cert.model_copy(
                update={
                    "registration_no": registration_no(today.year, seq),
                    "registered_on": today,
                    "issued_by": user,
                }
            )
            path = write(numbered) if write is not None else None
            s.add(
                CertificateIssued(
                    registration_no=numbered.registration_no,
                    reg_year=today.year,
                    reg_seq=seq,
                    certificate_id=cert.id,
                    issued_at=cert.issued_at,
                    issued_by=user,
                    egn=cert.person.egn,
                    kind=cert.kind,
                    period_from=cert.period_from,
                    period_to=cert.period_to,
                    file_path=None if path is None else str(path),
                    content=numbered.model_dump(mode="json"),
                )
            )
            try:
                s.commit()
            except SQLIntegrityError:  # another clerk took the number meanwhile: take the next one
                s.rollback()
                continue
            return numbered
    raise UsageError("не успях да взема регистрационен номер (много едновременни издавания); опитайте пак")


def issued_certificates(
    db: Database, *, egn: str | None = None, year: int | None = None
) -> list[IssuedEntry]:
    """The register, newest first; for one person and/or one year."""
    with db.Session() as s:
        q = select(CertificateIssued).order_by(
            CertificateIssued.reg_year.desc(), CertificateIssued.reg_seq.desc()
        )
        if egn:
            q = q.where(CertificateIssued.egn == egn)
        if year:
            q = q.where(CertificateIssued.reg_year == year)
        return [_entry(r) for r in s.scalars(q)]


def issued_certificate(db: Database, registration_no: str) -> Certificate:
    """The certificate as issued under ``registration_no``."""
    with db.Session() as s:
        row = s.scalar(select(CertificateIssued).where(CertificateIssued.registration_no == registration_no))
        if row is None or row.content is None:
            raise NotFoundError(f"няма издадено удостоверение № {registration_no}")
        return Certificate.model_validate(row.content)


def _entry(r: CertificateIssued) -> IssuedEntry:
    return IssuedEntry(
        registration_no=r.registration_no,
        registered_on=date.fromisoformat(str((r.content or {}).get("registered_on") or r.issued_at.date())),
        issued_at=r.issued_at,
        issued_by=r.issued_by,
        egn=r.egn,
        kind=r.kind,
        period_from=r.period_from,
        period_to=r.period_to,
        certificate_id=r.certificate_id,
        file_path=r.file_path,
    )


def file_of(entry: IssuedEntry) -> Path | None:
    return None if entry.file_path is None else Path(entry.file_path)
