"""GET /api/pages/{sha256} (ledger row + extraction), its original image, and a citizen's copy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select

from archive_core import egn as egn_mod
from archive_core.accounts import Role
from archive_core.audit import Action
from archive_core.db import Batch, Page, Record, person_month_from_record
from archive_core.errors import NotFoundError
from archive_core.hashing import check_sha256

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep, StoreDep
from ..purpose import StatedPurpose
from ..redact import redact, sniff_content_type, split_rows
from ..responses import AUTH, BAD_REQUEST, NOT_FOUND
from ..schemas import BatchPublic, PagePublic, RecordPublic

router = APIRouter(
    prefix="/api/pages",
    tags=["pages"],
    dependencies=[allow(Role.clerk, Role.verifier)],
    responses={**AUTH, **BAD_REQUEST, **NOT_FOUND},
)

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
    responses={200: {"content": {"image/png": {}}}},
    dependencies=[allow(Role.clerk)],
)
def citizen_copy(
    sha256: str,
    request: Request,
    db: DatabaseDep,
    store: StoreDep,
    user: CurrentUser,
    audit: AuditDep,
    stated: StatedPurpose,
    egn: Annotated[str, Query(pattern=egn_mod.PATTERN, description="ЕГН на лицето, чийто ред остава")],
) -> Response:
    """PNG of the page with every row except the person's own under a black box; header and totals kept."""
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
    with db.Session() as session:
        page = session.get(Page, sha256)
        if page is None:
            raise NotFoundError(f"няма страница {sha256}")
        recs = {r.row_index: r for r in session.scalars(select(Record).where(Record.page_sha256 == sha256))}
        extracted = list((page.extraction or {}).get("rows") or [])
    # One entry per row on the page: the record (corrected ЕГН, box) where there is one, else the extraction.
    rows: list[tuple[str | None, list[int] | None]] = []
    for i in sorted(set(recs) | set(range(len(extracted)))):
        rec = recs.get(i)
        ext = extracted[i] if i < len(extracted) else {}
        rows.append(
            (
                rec.egn if rec is not None else ext.get("egn"),
                (rec.bbox if rec is not None else None) or ext.get("bbox"),
            )
        )
    own, others = split_rows(egn, rows)
    if not own:
        raise NotFoundError(f"на страница {sha256[:12]} няма ред с ЕГН {egn}")
    png = redact(store.get(sha256), others, keep=own)
    return Response(
        content=png,
        media_type="image/png",
        headers={
            "Content-Disposition": f'inline; filename="kopie-{sha256[:12]}-{egn}.png"',
            "Cache-Control": "no-store",
        },
    )
