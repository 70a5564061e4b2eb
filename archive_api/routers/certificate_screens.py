"""The clerk's certificate screens: a certificate of service or income prepared from the records (each
figure marked verified by a person or read by OCR and passed every check; months under review left
out, with the pages that hold them and one step to send them for verification; the differing readings
of one month from two pages of the same sheet side by side, for the clerk to choose one), issued with a
registration number and date by the signed-in clerk (the four-eyes rule said in words when it
refuses), and the register of issued certificates with their PDFs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from archive_core.accounts import Role
from archive_core.audit import Action, Purpose
from archive_core.errors import NotAllowedError, NotFoundError, UsageError
from certificates import (
    TITLES,
    Certificate,
    build_from,
    check_issuer,
    choose_reading,
    issue_into,
    issued_certificate,
    issued_certificates,
    pending_requests,
    send_for_verification,
)
from certificates.model import BASIS_TEXT, MONTHS_BG
from indexer.query import parse_period
from ingest.verification import LABELS

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep, SettingsDep
from ..purpose import Stated
from ..screen_helpers import purpose_query, stated_from
from ..web import render
from .certificates import certificates_dir

router = APIRouter(include_in_schema=False, dependencies=[allow(Role.clerk)])

_REG_NO = re.compile(r"^[0-9]{4}-[0-9]{6}$")
_Short = Annotated[str | None, Form(max_length=40)]


def _under_review_pages(cert: Certificate) -> list[tuple[str, str, list[str]]]:
    """(page sha256, what the page is, the months on it) of the lines left out under review."""
    pages: dict[str, tuple[str, list[str]]] = {}
    for ln in [*cert.lines, *cert.possible_lines]:
        if ln.role not in ("under_review", "possible"):
            continue
        ev = ln.evidence
        label = ev.page_source or ev.page_id
        month = f"{ln.month:02d}.{ln.year}" if ln.month and ln.year else "—"
        pages.setdefault(ev.page_sha256, (label, []))[1].append(month)
    return [(sha, label, months) for sha, (label, months) in pages.items()]


def _preview(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    egn: str,
    kind: str,
    period_from: str | None,
    period_to: str | None,
    stated: Stated,
    *,
    refusal: str | None = None,
    message: str | None = None,
    status: int = 200,
) -> Response:
    p_from = parse_period(period_from, "от")
    p_to = parse_period(period_to, "до")
    cert = build_from(db, kind, egn, p_from, p_to)
    if refusal is None:
        try:
            check_issuer(db, cert, user.username)
        except NotAllowedError as e:
            refusal = str(e)
    ctx = {
        "cert": cert,
        "kind": kind,
        "egn": egn,
        "period_from": period_from or "",
        "period_to": period_to or "",
        "stated": stated,
        "pq": purpose_query(stated),
        "review_pages": _under_review_pages(cert),
        "refusal": refusal,
        "message": message,
        "basis_text": BASIS_TEXT,
        "labels": LABELS,
        "months_bg": MONTHS_BG,
        "requests": pending_requests(db, egn=egn),
    }
    return render(request, "certificate_new.html", ctx, status)


@router.get("/certificates/new")
def new_certificate(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: AuditDep,
    egn: Annotated[str | None, Query(max_length=10)] = None,
    kind: Annotated[str, Query(max_length=10)] = "service",
    period_from: Annotated[str | None, Query(alias="from", max_length=7)] = None,
    period_to: Annotated[str | None, Query(alias="to", max_length=7)] = None,
    purpose: Annotated[str | None, Query(max_length=40)] = None,
    purpose_text: Annotated[str | None, Query(max_length=500)] = None,
    sent: Annotated[int | None, Query(ge=1)] = None,
    chosen: bool = False,
) -> Response:
    stated = stated_from(purpose, purpose_text)
    if stated is None or not egn or kind not in TITLES:
        ctx = {
            "egn": egn,
            "kind": kind if kind in TITLES else "service",
            "period_from": period_from or "",
            "period_to": period_to or "",
            "purposes": [str(p) for p in Purpose],
            "purpose": purpose,
            "purpose_text": purpose_text,
            "ask": True,
        }
        return render(request, "certificate_new.html", ctx, 400 if purpose else 200)
    audit.record(
        user.username,
        Action.view_record,
        role=user.role,
        target=f"certificate-preview:{kind}",
        egn=egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={"screen": "certificate", "from": period_from, "to": period_to},
        client=client_address(request),
    )
    message = None
    if sent is not None:
        message = f"sent:{sent}"
    elif chosen:
        message = "chosen"
    return _preview(request, db, user, egn, kind, period_from, period_to, stated, message=message)


def _form_stated(purpose: str | None, purpose_text: str | None) -> Stated:
    stated = stated_from(purpose, purpose_text)
    if stated is None:
        raise UsageError("посочете целта (поле purpose; при 'other' и пояснение)")
    return stated


@router.post("/certificates/issue")
def issue(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    user: CurrentUser,
    audit: AuditDep,
    egn: Annotated[str, Form(max_length=10)],
    kind: Annotated[str, Form(max_length=10)],
    period_from: Annotated[str | None, Form(alias="from", max_length=7)] = None,
    period_to: Annotated[str | None, Form(alias="to", max_length=7)] = None,
    purpose: _Short = None,
    purpose_text: Annotated[str | None, Form(max_length=500)] = None,
) -> Response:
    stated = _form_stated(purpose, purpose_text)
    p_from = parse_period(period_from, "от")
    p_to = parse_period(period_to, "до")
    try:
        cert = issue_into(settings, kind, egn, p_from, p_to, certificates_dir(settings), user=user.username)
    except NotAllowedError as e:
        audit.record(
            user.username,
            Action.certificate_issued,
            role=user.role,
            outcome="refused",
            egn=egn,
            purpose=stated.purpose,
            purpose_text=stated.text,
            detail={"kind": kind, "reason": "four-eyes"},
            client=client_address(request),
        )
        return _preview(
            request, db, user, egn, kind, period_from, period_to, stated, refusal=str(e), status=403
        )
    audit.record(
        user.username,
        Action.certificate_issued,
        role=user.role,
        target=cert.registration_no or cert.id,
        egn=egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={"kind": kind, "from": period_from, "to": period_to, "id": cert.id},
        client=client_address(request),
    )
    return RedirectResponse(f"/certificates/issued/{cert.registration_no}", status_code=303)


@router.post("/certificates/send-for-verification")
def send(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: AuditDep,
    egn: Annotated[str, Form(max_length=10)],
    kind: Annotated[str, Form(max_length=10)],
    period_from: Annotated[str | None, Form(alias="from", max_length=7)] = None,
    period_to: Annotated[str | None, Form(alias="to", max_length=7)] = None,
    purpose: _Short = None,
    purpose_text: Annotated[str | None, Form(max_length=500)] = None,
) -> Response:
    stated = _form_stated(purpose, purpose_text)
    req = send_for_verification(
        db, egn, kind, parse_period(period_from, "от"), parse_period(period_to, "до"), user=user.username
    )
    audit.record(
        user.username,
        Action.view_record,
        role=user.role,
        target=f"verification-request:{req.id}",
        egn=egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={"screen": "send-for-verification", "pages": len(req.pages)},
        client=client_address(request),
    )
    q = {"egn": egn, "kind": kind, "from": period_from or "", "to": period_to or "", "sent": str(req.id)}
    return RedirectResponse(f"/certificates/new?{urlencode(q)}&{purpose_query(stated)}", status_code=303)


@router.post("/certificates/choose-reading")
def choose(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: AuditDep,
    record_id: Annotated[str, Form(max_length=40)],
    egn: Annotated[str, Form(max_length=10)],
    kind: Annotated[str, Form(max_length=10)],
    period_from: Annotated[str | None, Form(alias="from", max_length=7)] = None,
    period_to: Annotated[str | None, Form(alias="to", max_length=7)] = None,
    purpose: _Short = None,
    purpose_text: Annotated[str | None, Form(max_length=500)] = None,
    comment: Annotated[str | None, Form(max_length=500)] = None,
) -> Response:
    """The clerk chooses which of two differing readings of a person-month counts: only a reading that
    is in a conflict of this certificate right now (a stale screen is told, nothing changes)."""
    stated = _form_stated(purpose, purpose_text)
    cert = build_from(db, kind, egn, parse_period(period_from, "от"), parse_period(period_to, "до"))
    conflict = next((c for c in cert.conflicts if record_id in c.record_ids), None)
    if conflict is None:
        raise UsageError(
            "този прочит не е сред месеците с два различни прочита на удостоверението "
            "(може вече да е избран): отворете удостоверението отново"
        )
    choose_reading(db, record_id, user=user.username, comment=comment)
    picked = next(r for r in conflict.readings if r.evidence.record_id == record_id)
    audit.record(
        user.username,
        Action.reading_chosen,
        role=user.role,
        target=f"{picked.evidence.page_sha256[:12]}:{picked.evidence.row_index}",
        egn=cert.person.egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={
            "month": conflict.group_key,
            "chosen": record_id,
            "others": [rid for rid in conflict.record_ids if rid != record_id],
            "days": picked.days_worked,
            "gross": None if picked.gross_pay is None else str(picked.gross_pay),
            "comment": (comment or "").strip() or None,
        },
        client=client_address(request),
    )
    q = {
        "egn": cert.person.egn,
        "kind": kind,
        "from": period_from or "",
        "to": period_to or "",
        "chosen": "1",
    }
    return RedirectResponse(f"/certificates/new?{urlencode(q)}&{purpose_query(stated)}", status_code=303)


@router.get("/certificates")
def register_page(request: Request, db: DatabaseDep, user: CurrentUser, audit: AuditDep) -> Response:
    entries = issued_certificates(db)
    audit.record(
        user.username,
        Action.certificate_view,
        role=user.role,
        target="register",
        purpose=Purpose.certificate,
        detail={"screen": "register", "shown": len(entries)},
        client=client_address(request),
    )
    return render(request, "certificates.html", {"entries": entries, "requests": pending_requests(db)})


def _reg_no(registration_no: str) -> str:
    if not _REG_NO.match(registration_no):
        raise NotFoundError(f"няма издадено удостоверение № {registration_no!r}")
    return registration_no


@router.get("/certificates/issued/{registration_no}.pdf")
def issued_pdf(
    registration_no: str, request: Request, db: DatabaseDep, user: CurrentUser, audit: AuditDep
) -> Response:
    reg = _reg_no(registration_no)
    entry = next((e for e in issued_certificates(db) if e.registration_no == reg), None)
    if entry is None or entry.file_path is None or not Path(entry.file_path).is_file():
        raise NotFoundError(f"няма файл на удостоверение № {reg}")
    audit.record(
        user.username,
        Action.certificate_view,
        role=user.role,
        target=reg,
        egn=entry.egn,
        purpose=Purpose.certificate,
        detail={"download": "pdf"},
        client=client_address(request),
    )
    return FileResponse(entry.file_path, media_type="application/pdf", filename=f"udostoverenie-{reg}.pdf")


@router.get("/certificates/issued/{registration_no}")
def issued_page(
    registration_no: str, request: Request, db: DatabaseDep, user: CurrentUser, audit: AuditDep
) -> Response:
    reg = _reg_no(registration_no)
    cert = issued_certificate(db, reg)
    audit.record(
        user.username,
        Action.certificate_view,
        role=user.role,
        target=reg,
        egn=cert.person.egn,
        purpose=Purpose.certificate,
        client=client_address(request),
    )
    return render(
        request,
        "certificate_issued.html",
        {"cert": cert, "basis_text": BASIS_TEXT, "labels": LABELS, "months_bg": MONTHS_BG},
    )
