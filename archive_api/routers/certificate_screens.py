"""The clerk's certificate screens: a certificate of service or income prepared from the records (each
figure marked verified by a person or read by OCR and passed every check; months under review left
out, with the pages that hold them and one step to send them for verification; the differing readings
of one month from two pages of the same sheet side by side, for the clerk to choose one), issued with a
registration number and date by the signed-in clerk (the four-eyes rule said in words when it
refuses), and the register of issued certificates with their PDFs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
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


class _Audit:
    """Audit entries of what the signed-in clerk does on these screens, with the purpose stated."""

    def __init__(self, request: Request, user: CurrentUser, audit: AuditDep) -> None:
        self._log, self._user, self._client = audit, user, client_address(request)

    def __call__(
        self,
        action: Action,
        stated: Stated,
        *,
        target: str | None = None,
        egn: str | None = None,
        detail: dict[str, Any] | None = None,
        outcome: str = "ok",
    ) -> None:
        self._log.record(
            self._user.username,
            action,
            role=self._user.role,
            outcome=outcome,
            target=target,
            egn=egn,
            purpose=stated.purpose,
            purpose_text=stated.text,
            detail=detail,
            client=self._client,
        )


ClerkAudit = Annotated[_Audit, Depends()]
# Looking at issued certificates (the register, a certificate, its PDF) is for certificates.
_REGISTER = Stated(Purpose.certificate, None)


@router.get("/certificates/new")
def new_certificate(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: ClerkAudit,
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
    audit(
        Action.view_record,
        stated,
        target=f"certificate-preview:{kind}",
        egn=egn,
        detail={"screen": "certificate", "from": period_from, "to": period_to},
    )
    message = None
    if sent is not None:
        message = f"sent:{sent}"
    elif chosen:
        message = "chosen"
    return _preview(request, db, user, egn, kind, period_from, period_to, stated, message=message)


@dataclass(frozen=True)
class _CertificateForm:
    """The fields every certificate form posts: whose, which kind, the period and the purpose."""

    egn: str
    kind: str
    period_from: str | None
    period_to: str | None
    purpose: str | None
    purpose_text: str | None

    def stated(self) -> Stated:
        stated = stated_from(self.purpose, self.purpose_text)
        if stated is None:
            raise UsageError("посочете целта (поле purpose; при 'other' и пояснение)")
        return stated

    def periods(self) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        return parse_period(self.period_from, "от"), parse_period(self.period_to, "до")

    def back_to_preview(self, stated: Stated, egn: str, **note: str) -> RedirectResponse:
        """To the certificate's preview again, with ``note`` (what was just done) for its message."""
        q = {
            "egn": egn,
            "kind": self.kind,
            "from": self.period_from or "",
            "to": self.period_to or "",
            **note,
        }
        return RedirectResponse(f"/certificates/new?{urlencode(q)}&{purpose_query(stated)}", status_code=303)


def _certificate_form(
    egn: Annotated[str, Form(max_length=10)],
    kind: Annotated[str, Form(max_length=10)],
    period_from: Annotated[str | None, Form(alias="from", max_length=7)] = None,
    period_to: Annotated[str | None, Form(alias="to", max_length=7)] = None,
    purpose: _Short = None,
    purpose_text: Annotated[str | None, Form(max_length=500)] = None,
) -> _CertificateForm:
    return _CertificateForm(egn, kind, period_from, period_to, purpose, purpose_text)


CertificateFormDep = Annotated[_CertificateForm, Depends(_certificate_form)]


@router.post("/certificates/issue")
def issue(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    user: CurrentUser,
    audit: ClerkAudit,
    form: CertificateFormDep,
) -> Response:
    stated = form.stated()
    p_from, p_to = form.periods()
    egn, kind = form.egn, form.kind
    try:
        cert = issue_into(settings, kind, egn, p_from, p_to, certificates_dir(settings), user=user.username)
    except NotAllowedError as e:
        audit(
            Action.certificate_issued,
            stated,
            outcome="refused",
            egn=egn,
            detail={"kind": kind, "reason": "four-eyes"},
        )
        return _preview(
            request, db, user, egn, kind, form.period_from, form.period_to, stated, refusal=str(e), status=403
        )
    audit(
        Action.certificate_issued,
        stated,
        target=cert.registration_no or cert.id,
        egn=egn,
        detail={"kind": kind, "from": form.period_from, "to": form.period_to, "id": cert.id},
    )
    return RedirectResponse(f"/certificates/issued/{cert.registration_no}", status_code=303)


@router.post("/certificates/send-for-verification")
def send(
    request: Request, db: DatabaseDep, user: CurrentUser, audit: ClerkAudit, form: CertificateFormDep
) -> Response:
    stated = form.stated()
    req = send_for_verification(db, form.egn, form.kind, *form.periods(), user=user.username)
    audit(
        Action.view_record,
        stated,
        target=f"verification-request:{req.id}",
        egn=form.egn,
        detail={"screen": "send-for-verification", "pages": len(req.pages)},
    )
    return form.back_to_preview(stated, form.egn, sent=str(req.id))


@router.post("/certificates/choose-reading")
def choose(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: ClerkAudit,
    record_id: Annotated[str, Form(max_length=40)],
    form: CertificateFormDep,
    comment: Annotated[str | None, Form(max_length=500)] = None,
) -> Response:
    """The clerk chooses which of two differing readings of a person-month counts: only a reading that
    is in a conflict of this certificate right now (a stale screen is told, nothing changes)."""
    stated = form.stated()
    cert = build_from(db, form.kind, form.egn, *form.periods())
    conflict = next((c for c in cert.conflicts if record_id in c.record_ids), None)
    if conflict is None:
        raise UsageError(
            "този прочит не е сред месеците с два различни прочита на удостоверението "
            "(може вече да е избран): отворете удостоверението отново"
        )
    choose_reading(db, record_id, user=user.username, comment=comment)
    picked = next(r for r in conflict.readings if r.evidence.record_id == record_id)
    audit(
        Action.reading_chosen,
        stated,
        target=f"{picked.evidence.page_sha256[:12]}:{picked.evidence.row_index}",
        egn=cert.person.egn,
        detail={
            "month": conflict.group_key,
            "chosen": record_id,
            "others": [rid for rid in conflict.record_ids if rid != record_id],
            "days": picked.days_worked,
            "gross": None if picked.gross_pay is None else str(picked.gross_pay),
            "comment": (comment or "").strip() or None,
        },
    )
    return form.back_to_preview(stated, cert.person.egn, chosen="1")


@router.get("/certificates")
def register_page(request: Request, db: DatabaseDep, audit: ClerkAudit) -> Response:
    entries = issued_certificates(db)
    audit(
        Action.certificate_view,
        _REGISTER,
        target="register",
        detail={"screen": "register", "shown": len(entries)},
    )
    return render(request, "certificates.html", {"entries": entries, "requests": pending_requests(db)})


def _reg_no(registration_no: str) -> str:
    if not _REG_NO.match(registration_no):
        raise NotFoundError(f"няма издадено удостоверение № {registration_no!r}")
    return registration_no


@router.get("/certificates/issued/{registration_no}.pdf")
def issued_pdf(registration_no: str, db: DatabaseDep, audit: ClerkAudit) -> Response:
    reg = _reg_no(registration_no)
    entry = next((e for e in issued_certificates(db) if e.registration_no == reg), None)
    if entry is None or entry.file_path is None or not Path(entry.file_path).is_file():
        raise NotFoundError(f"няма файл на удостоверение № {reg}")
    audit(Action.certificate_view, _REGISTER, target=reg, egn=entry.egn, detail={"download": "pdf"})
    return FileResponse(entry.file_path, media_type="application/pdf", filename=f"udostoverenie-{reg}.pdf")


@router.get("/certificates/issued/{registration_no}")
def issued_page(registration_no: str, request: Request, db: DatabaseDep, audit: ClerkAudit) -> Response:
    reg = _reg_no(registration_no)
    cert = issued_certificate(db, reg)
    audit(Action.certificate_view, _REGISTER, target=reg, egn=cert.person.egn)
    return render(
        request,
        "certificate_issued.html",
        {"cert": cert, "basis_text": BASIS_TEXT, "labels": LABELS, "months_bg": MONTHS_BG},
    )
