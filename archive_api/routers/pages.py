"""GET /api/pages/{sha256} (ledger row + extraction), its original image, and a citizen's copy."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select

from archive_core import egn as egn_mod
from archive_core.accounts import Role
from archive_core.audit import Action
from archive_core.db import Batch, Page, Record, person_month_from_record
from archive_core.errors import NotFoundError
from archive_core.hashing import check_sha256
from certificates.citizen_copy import ROW_NOT_FOUND
from certificates.copies import CopyQueued, issue_copy
from ingest.employer_doubt import employer_doubt
from ingest.verification import page_doubt

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep, SettingsDep, StoreDep
from ..purpose import StatedPurpose
from ..responses import AUTH, BAD_REQUEST, NOT_FOUND
from ..schemas import BatchPublic, PagePublic, RecordPublic

router = APIRouter(
    prefix="/api/pages",
    tags=["pages"],
    dependencies=[allow(Role.clerk, Role.verifier)],
    responses={**AUTH, **BAD_REQUEST, **NOT_FOUND},
)

def sniff_content_type(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data.startswith(b"%PDF"):
        return "application/pdf"
    return "application/octet-stream"


def _check_sha(sha256: str) -> str:
    return check_sha256(sha256)


@router.get("/{sha256}", response_model=PagePublic)
def get_page(
    sha256: str, request: Request, db: DatabaseDep, user: CurrentUser, audit: AuditDep, stated: StatedPurpose
) -> PagePublic:
    sha256 = _check_sha(sha256)
    audit.record(
        user.username,
        Action.view_page,
        role=user.role,
        target=sha256,
        purpose=stated.purpose,
        purpose_text=stated.text,
        client=client_address(request),
    )
    with db.Session() as session:
        page = session.get(Page, sha256)
        if page is None:
            raise NotFoundError(f"няма страница {sha256}")
        batch = session.get(Batch, page.batch_id) if page.batch_id is not None else None
        doubt = employer_doubt(session, page)
        recs = session.scalars(
            select(Record).where(Record.page_sha256 == sha256).order_by(Record.row_index)
        ).all()
        return PagePublic(
            sha256=page.sha256,
            status=page.status,
            error=page.error,
            source=page.source,
            page_no=page.page_no,
            content_type=page.content_type,
            width=page.width,
            height=page.height,
            dpi=page.dpi,
            employer_printed=page.employer_printed,
            year=page.year,
            month=page.month,
            sheet=page.sheet,
            batch=None
            if batch is None
            else BatchPublic(
                employer=batch.employer, file_no=batch.file_no, box=batch.box, operator=batch.operator
            ),
            indexed_at=page.indexed_at,
            created_at=page.created_at,
            extraction=page.extraction,
            employer_review=doubt.reason if doubt else None,
            employer_confirmed_by=doubt.confirmed_by if doubt else None,
            page_review=page_doubt(page),
            capture_checks=page.capture_checks,
            batch_seq=page.batch_seq,
            duplicate_of=page.duplicate_of,
            records=[RecordPublic.from_person_month(person_month_from_record(r)) for r in recs],
            image_url=f"/api/pages/{sha256}/image",
        )


@router.get(
    "/{sha256}/image",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/jpeg": {}, "image/tiff": {}}}},
)
def get_image(
    sha256: str,
    request: Request,
    db: DatabaseDep,
    store: StoreDep,
    user: CurrentUser,
    audit: AuditDep,
    stated: StatedPurpose,
) -> Response:
    """The original bytes exactly as stored (verified against their sha256)."""
    sha256 = _check_sha(sha256)
    audit.record(
        user.username,
        Action.view_image,
        role=user.role,
        target=sha256,
        purpose=stated.purpose,
        purpose_text=stated.text,
        client=client_address(request),
    )
    data = store.get(sha256)
    content_type = sniff_content_type(data)
    if content_type == "application/octet-stream":
        with db.Session() as session:
            page = session.get(Page, sha256)
            if page is not None and page.content_type:
                content_type = page.content_type
    return Response(
        content=data,
        media_type=content_type,
        headers={"ETag": f'"{sha256}"', "Cache-Control": "private, max-age=86400, immutable"},
    )


@router.get(
    "/{sha256}/citizen-copy",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "application/pdf": {}}}},
    dependencies=[allow(Role.clerk)],
)
def citizen_copy(
    sha256: str,
    request: Request,
    settings: SettingsDep,
    db: DatabaseDep,
    store: StoreDep,
    user: CurrentUser,
    audit: AuditDep,
    stated: StatedPurpose,
    egn: Annotated[str, Query(pattern=egn_mod.PATTERN, description="ЕГН на лицето, чийто ред остава")],
    format: Annotated[Literal["png", "pdf"], Query(description="png или pdf (само изображение)")] = "png",
) -> Response:
    """The page with only the person's own row, the header, the column headings and the totals; the
    rest blacked out, checked by OCR before it is issued. A copy that cannot be issued automatically
    goes to the staff queue (422, or 404 when the page has no such row); nothing of it is returned."""
    sha256 = _check_sha(sha256)
    audit.record(
        user.username,
        Action.citizen_copy,
        role=user.role,
        target=sha256,
        egn=egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        client=client_address(request),
    )
    try:
        copy = issue_copy(settings, db, store, sha256, egn, format)
    except CopyQueued as e:
        if e.reason == ROW_NOT_FOUND:
            raise NotFoundError(str(e)) from None
        raise
    return Response(
        content=copy.data,
        media_type=copy.media_type,
        headers={
            "Content-Disposition": f'inline; filename="{copy.filename}"',
            "Cache-Control": "no-store",
        },
    )
