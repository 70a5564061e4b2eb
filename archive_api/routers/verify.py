"""The verifier's screens: the queue (pages blocking a pending certificate first) and the verification
screen of one page (its image with rows and cells outlined, the values read beside it, fields under
review first in the tab order; a correction or confirmation answers with the row and its checks as an
htmx partial)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from archive_core.accounts import Role
from archive_core.audit import Action, Purpose
from archive_core.db import Record
from archive_core.errors import NotFoundError, UsageError
from archive_core.hashing import check_sha256
from ingest.employer_doubt import confirm_employer
from ingest.verification import (
    FIELD_KINDS,
    LABELS,
    PAGE_FIELDS,
    PageReview,
    confirm_field,
    correct_field,
    page_changes,
    page_review,
    verification_queue,
)

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep, IndexDep
from ..screen_helpers import MONEY, ROW_FIELDS, is_htmx, plain
from ..web import render

router = APIRouter(include_in_schema=False, dependencies=[allow(Role.verifier)])


def _columns(review: PageReview) -> list[str]:
    """The row fields shown: every field of the sheet, the position only when some row has one."""
    shown = []
    for f in ROW_FIELDS:
        if f == "position" and not any(
            r.record.position or "position" in r.record.review for r in review.rows
        ):
            continue
        shown.append(f)
    return shown


def _context(review: PageReview, db: DatabaseDep) -> dict[str, object]:
    page_under = {f: any(f in r.record.review for r in review.rows) for f in PAGE_FIELDS}
    first = review.rows[0] if review.rows else None
    return {
        "p": review,
        "columns": _columns(review),
        "labels": LABELS,
        "money": MONEY,
        "plain": plain,
        "page_fields": PAGE_FIELDS,
        "page_under": page_under,
        "first": first,
        "history": page_changes(db, review.page_sha256),
        "version": f"{review.fields_under_review}-{sum(r.changes for r in review.rows)}",
    }


@router.get("/verify")
def queue_page(request: Request, db: DatabaseDep) -> Response:
    return render(request, "verify_queue.html", {"items": verification_queue(db)})


@router.get("/verify/{sha256}")
def verify_page(
    sha256: str, request: Request, db: DatabaseDep, user: CurrentUser, audit: AuditDep
) -> Response:
    sha256 = check_sha256(sha256)
    review = page_review(db, sha256)
    audit.record(
        user.username,
        Action.view_page,
        role=user.role,
        target=sha256,
        purpose=Purpose.verification,
        detail={"screen": "verify", "rows": len(review.rows)},
        client=client_address(request),
    )
    return render(request, "verify.html", _context(review, db))


@router.post("/verify/{sha256}/employer")
def confirm_employer_name(
    sha256: str, request: Request, db: DatabaseDep, user: CurrentUser, audit: AuditDep
) -> Response:
    """The verifier checked the employer's name as read against the sheet and confirms it: the page's
    doubt about it is closed (the router's rule: verifiers only; audited like a correction)."""
    sha256 = check_sha256(sha256)
    doubt = confirm_employer(db, sha256, user=user.username)
    audit.record(
        user.username,
        Action.correction,
        role=user.role,
        target=f"{sha256}:employer",
        purpose=Purpose.verification,
        detail={"action": "confirm", "field": "employer", "name": doubt.name, "review": doubt.reason},
        client=client_address(request),
    )
    return RedirectResponse(f"/verify/{sha256}", status_code=303)


@router.post("/verify/{sha256}/records/{record_id}/{field}")
def change_field(
    sha256: str,
    record_id: str,
    field: str,
    request: Request,
    db: DatabaseDep,
    index: IndexDep,
    user: CurrentUser,
    audit: AuditDep,
    action: Annotated[str, Form(max_length=10)] = "correct",
    value: Annotated[str | None, Form(max_length=300)] = None,
    expected: Annotated[str | None, Form(max_length=300)] = None,
) -> Response:
    """A correction (``action=correct`` with ``value``) or confirmation (``action=confirm``) of one
    field; htmx gets the row back (and, when a column total or the page's period changed, the other
    rows), with the page's status and history out of band."""
    sha256 = check_sha256(sha256)
    error: str | None = None
    if field not in FIELD_KINDS:
        raise UsageError(f"полето {field!r} не се проверява")
    with db.Session() as s:
        rec = s.get(Record, record_id)
        if rec is None or rec.page_sha256 != sha256:
            raise NotFoundError(f"на страница {sha256[:12]} няма запис {record_id}")
        old, row_index = plain(getattr(rec, field)), rec.row_index
    try:
        if action == "confirm":
            result = confirm_field(db, index, record_id, field, user=user.username, expected=expected)
        elif action == "correct":
            result = correct_field(db, index, record_id, field, value, user=user.username, expected=expected)
        else:
            raise UsageError("действието е correct (поправка) или confirm (потвърждение)")
    except UsageError as e:
        error = str(e)
    else:
        audit.record(
            user.username,
            Action.correction,
            role=user.role,
            target=f"{record_id}:{field}",
            egn=result.record.egn,
            purpose=Purpose.verification,
            detail={
                "action": action,
                "field": field,
                "old": old,
                "new": plain(getattr(result.record, field)),
                "ocr": result.changes[0].ocr_value if result.changes else None,
                "page": sha256,
                "approved": result.page_approved,
            },
            client=client_address(request),
        )
    if not is_htmx(request):
        if error:
            raise UsageError(error)
        return RedirectResponse(f"/verify/{sha256}#row-{row_index}", status_code=303)
    ctx = _context(page_review(db, sha256), db)
    all_rows = error is None and (field in MONEY or field in PAGE_FIELDS)
    ctx.update(
        {
            "target_id": record_id,
            "others": all_rows,
            "error": error,
            "error_field": field if error else None,
            "typed": value if error else None,
        }
    )
    return render(request, "verify_change.html", ctx)
