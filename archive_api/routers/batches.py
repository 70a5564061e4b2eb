"""Archive staff (scan operators, verifiers): batches and their pages with status, capture details and
the number of fields under review, with a progress bar per batch. No personal data is shown."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from archive_core.accounts import Role
from ingest.overview import batch_detail, batches_overview

from ..access import allow
from ..deps import DatabaseDep
from ..web import render

router = APIRouter(include_in_schema=False, dependencies=[allow(Role.scan_operator, Role.verifier)])


@router.get("/batches")
def batches_page(request: Request, db: DatabaseDep) -> Response:
    return render(request, "batches.html", {"batches": batches_overview(db)})


@router.get("/batches/{batch_id}")
def batch_page(batch_id: int, request: Request, db: DatabaseDep) -> Response:
    return render(request, "batch.html", {"b": batch_detail(db, batch_id)})
