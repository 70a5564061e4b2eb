"""POST /api/certificates (issue one), GET /api/certificates/{id} (JSON) and /api/certificates/{id}.pdf.

Issued certificates are kept under ``<data_dir>/certificates/<id>.pdf`` and ``.json``. With
``Accept: application/pdf`` the POST answers with the PDF itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse

from archive_core.accounts import Role
from archive_core.audit import Action
from archive_core.config import Settings
from archive_core.errors import NotFoundError
from certificates import issue_into
from indexer.query import parse_period

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import SettingsDep
from ..responses import AUTH, BAD_REQUEST, NOT_FOUND
from ..schemas import CertificatePublic, CertificateRequest, ErrorPublic

router = APIRouter(
    prefix="/api/certificates",
    tags=["certificates"],
    dependencies=[allow(Role.clerk)],
    responses={**AUTH, **BAD_REQUEST, **NOT_FOUND},
)

_ID = re.compile(r"^[0-9a-f]{16}$")


def certificates_dir(settings: Settings) -> Path:
    d = settings.resolved_data_dir / "certificates"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _public(data: dict) -> CertificatePublic:
    cid = data["id"]
    return CertificatePublic.model_validate(
        {**data, "pdf_url": f"/api/certificates/{cid}.pdf", "json_url": f"/api/certificates/{cid}"}
    )


@router.post(
    "",
    response_model=CertificatePublic,
    status_code=201,
    responses={
        201: {"content": {"application/json": {}, "application/pdf": {}}},
        403: {"model": ErrorPublic, "description": "the issuing user verified records of this certificate"},
    },
)
def issue_certificate(
    body: CertificateRequest, request: Request, settings: SettingsDep, user: CurrentUser, audit: AuditDep
) -> Response:
    p_from = parse_period(body.period_from, "from")
    p_to = parse_period(body.period_to, "to")
    cert = issue_into(
        settings, body.kind, body.egn, p_from, p_to, certificates_dir(settings), user=user.username
    )
    pdf = certificates_dir(settings) / f"{cert.id}.pdf"
    audit.record(
        user.username,
        Action.certificate_issued,
        role=user.role,
        target=cert.id,
        egn=body.egn,
        detail={"kind": body.kind, "from": body.period_from, "to": body.period_to},
        client=client_address(request),
    )
    location = f"/api/certificates/{cert.id}"
    if "application/pdf" in request.headers.get("accept", ""):
        return FileResponse(
            pdf,
            status_code=201,
            media_type="application/pdf",
            filename=pdf.name,
            headers={"Location": location},
        )
    public = _public(cert.model_dump(mode="json"))
    return Response(
        content=public.model_dump_json(),
        status_code=201,
        media_type="application/json",
        headers={"Location": location},
    )


def _path(settings: Settings, cert_id: str, suffix: str) -> Path:
    if not _ID.match(cert_id):
        raise NotFoundError(f"няма удостоверение {cert_id!r}")
    p = certificates_dir(settings) / f"{cert_id}{suffix}"
    if not p.is_file():
        raise NotFoundError(f"няма удостоверение {cert_id}")
    return p


@router.get(
    "/{cert_id}.pdf", response_class=FileResponse, responses={200: {"content": {"application/pdf": {}}}}
)
def get_certificate_pdf(
    cert_id: str, request: Request, settings: SettingsDep, user: CurrentUser, audit: AuditDep
) -> FileResponse:
    p = _path(settings, cert_id, ".pdf")
    audit.record(
        user.username, Action.certificate_view, role=user.role, target=cert_id, client=client_address(request)
    )
    return FileResponse(p, media_type="application/pdf", filename=p.name)


@router.get("/{cert_id}", response_model=CertificatePublic)
def get_certificate(
    cert_id: str, request: Request, settings: SettingsDep, user: CurrentUser, audit: AuditDep
) -> CertificatePublic:
    p = _path(settings, cert_id, ".json")
    audit.record(
        user.username, Action.certificate_view, role=user.role, target=cert_id, client=client_address(request)
    )
    return _public(json.loads(p.read_text(encoding="utf-8")))
