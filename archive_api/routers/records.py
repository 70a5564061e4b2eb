"""GET /api/records/{id}: one person-month record from the database (the system of record)."""

from __future__ import annotations

from fastapi import APIRouter

from archive_core.db import Record, person_month_from_record
from archive_core.errors import NotFoundError

from ..deps import DatabaseDep
from ..schemas import RecordPublic

router = APIRouter(prefix="/api", tags=["records"])


@router.get("/records/{record_id}", response_model=RecordPublic)
def get_record(record_id: str, db: DatabaseDep) -> RecordPublic:
    with db.Session() as session:
        rec = session.get(Record, record_id)
        if rec is None:
            raise NotFoundError(f"няма запис {record_id}")
        return RecordPublic.from_person_month(person_month_from_record(rec))
