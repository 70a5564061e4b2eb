"""GET /api/records/{id}: one person-month record from the database (the system of record)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from archive_core.accounts import Role
from archive_core.audit import Action
from archive_core.db import Record, person_month_from_record
from archive_core.errors import NotFoundError

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep
from ..purpose import StatedPurpose
from ..responses import AUTH, BAD_REQUEST, NOT_FOUND
from ..schemas import RecordPublic

router = APIRouter(
    prefix="/api",
    tags=["records"],
    dependencies=[allow(Role.clerk, Role.verifier)],
    responses={**AUTH, **BAD_REQUEST, **NOT_FOUND},
)


@router.get("/records/{record_id}", response_model=RecordPublic)
def get_record(
    record_id: str,
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: AuditDep,
    stated: StatedPurpose,
) -> RecordPublic:
    with db.Session() as session:
        rec = session.get(Record, record_id)
        if rec is None:
            raise NotFoundError(f"няма запис {record_id}")
        pm = person_month_from_record(rec)
    audit.record(
        user.username,
        Action.view_record,
        role=user.role,
        target=record_id,
        egn=pm.egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        client=client_address(request),
    )
    return RecordPublic.from_person_month(pm)
