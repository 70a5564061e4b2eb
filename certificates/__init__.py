"""Certificates of insurance service (осигурителен стаж) and insured income (осигурителен доход).

Read from the DATABASE (the system of record, never the search index): every record of one ЕГН,
optionally within a period. Every line carries its evidence (employer, page id, sha256 of the
original, printed row number and row index), so each figure can be traced to its page.

Records still under review, and the months of a page whose employer name the reader doubted until a
verifier confirms it, are listed with the mark "за проверка" and are NOT added to the totals;
the totals say how many lines were left out. Method of the service totals (also written into the
JSON as ``method``): every calendar month with days worked > 0 on a counted line is one month of
service; 12 months are one year; the days part of years/months/days is always 0, and the plain sum
of days worked is given beside it.

``issue`` writes ``out`` (PDF, Bulgarian, Cyrillic TTF found at run time) and ``out.with_suffix('.json')``
(the same content) and returns the certificate. Issued certificates get a registration number per
year ("2026-000123") and date and are kept in the register (``certificates.register``); the clerk who
issues one cannot be the verifier of any of its records. The counting rules are ``certificates.rules``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from archive_core.config import Settings
from archive_core.db import Database, open_database
from archive_core.errors import UsageError

from .counting import build, build_from, choose_reading
from .model import TITLES, Certificate, CertificateLine, Conflict, Evidence, Kind, MonthSummary, Totals
from .pdf import render_pdf
from .register import IssuedEntry, check_issuer, issued_certificate, issued_certificates, register
from .requests import (
    VerificationRequest,
    mark_issued,
    pending_requests,
    request_status,
    send_for_verification,
)
from .rules import DEFAULT_RULES, CountingRules
from .timeline import Timeline, TimelineEntry, TimelineMonth, person_timeline

__all__ = [
    "DEFAULT_RULES",
    "TITLES",
    "Certificate",
    "CertificateLine",
    "Conflict",
    "CountingRules",
    "Evidence",
    "IssuedEntry",
    "Kind",
    "MonthSummary",
    "Timeline",
    "TimelineEntry",
    "TimelineMonth",
    "Totals",
    "VerificationRequest",
    "build",
    "build_from",
    "check_issuer",
    "choose_reading",
    "issue",
    "issue_from",
    "issue_into",
    "issued_certificate",
    "issued_certificates",
    "pending_requests",
    "person_timeline",
    "request_status",
    "send_for_verification",
    "write",
]


def issue(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
    out: Path,
    *,
    user: str,
    rules: CountingRules = DEFAULT_RULES,
) -> Certificate:
    """Build the certificate from the database, refuse when ``user`` verified any of its records,
    give it the next registration number and write ``out`` (PDF) and ``out.with_suffix('.json')``."""
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"файлът на удостоверението трябва да е .pdf: {out}")
    db = open_database(settings)
    try:
        return issue_from(db, kind, egn, period_from, period_to, lambda _cert: out, user=user, rules=rules)
    finally:
        db.dispose()


def issue_into(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
    directory: Path,
    *,
    user: str,
    rules: CountingRules = DEFAULT_RULES,
) -> Certificate:
    """``issue`` with the files named by the certificate's id: ``<directory>/<id>.pdf`` and ``.json``."""
    db = open_database(settings)
    try:
        return issue_from(
            db,
            kind,
            egn,
            period_from,
            period_to,
            lambda cert: directory / f"{cert.id}.pdf",
            user=user,
            rules=rules,
        )
    finally:
        db.dispose()


def issue_from(
    db: Database,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
    path_for: Callable[[Certificate], Path],
    *,
    user: str,
    rules: CountingRules = DEFAULT_RULES,
) -> Certificate:
    """Build, check the issuer (``NotAllowedError`` when ``user`` verified a record of it), register and
    write the certificate at ``path_for(cert)``; certificate requests of the person for this kind that
    are cleared are marked issued."""
    user = (user or "").strip()
    cert = build_from(db, kind, egn, period_from, period_to, rules=rules)
    check_issuer(db, cert, user)

    def _write(numbered: Certificate) -> Path:
        out = path_for(numbered)
        write(numbered, out)
        return out

    issued = register(db, cert, user=user, write=_write)
    mark_issued(db, issued.person.egn, issued.kind, issued.registration_no or "")
    return issued


def write(cert: Certificate, out: Path) -> None:
    """The PDF at ``out`` and the same content as JSON beside it (``out.with_suffix('.json')``)."""
    render_pdf(cert, out)
    out.with_suffix(".json").write_text(
        json.dumps(cert.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
