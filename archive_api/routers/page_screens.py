"""A page as staff see it: the picture with rows and cells outlined (a derivative drawn by
``ingest.review_image``) and, for clerks, the page behind a month of a person's timeline with the
values read. Every view is audited with its stated purpose."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from archive_core.accounts import Role
from archive_core.audit import Action, Purpose
from archive_core.hashing import check_sha256
from ingest.review_image import review_overlay
from ingest.verification import LABELS, page_review

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep, StoreDep
from ..purpose import StatedPurpose
from ..screen_helpers import MONEY, ROW_FIELDS, plain, purpose_query, stated_from
from ..web import render

router = APIRouter(include_in_schema=False, dependencies=[allow(Role.clerk, Role.verifier)])


@router.get("/pages/{sha256}/overlay.png")
def overlay_image(
    sha256: str,
    request: Request,
    db: DatabaseDep,
    store: StoreDep,
    user: CurrentUser,
    audit: AuditDep,
    stated: StatedPurpose,
) -> Response:
    sha256 = check_sha256(sha256)
    audit.record(
        user.username,
        Action.view_image,
        role=user.role,
        target=sha256,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={"derivative": "overlay"},
        client=client_address(request),
    )
    png = review_overlay(db, store, sha256)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})


@router.get("/pages/{sha256}")
def page_screen(
    sha256: str,
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: AuditDep,
    row: Annotated[int | None, Query(ge=0, le=10_000)] = None,
    purpose: Annotated[str | None, Query(max_length=40)] = None,
    purpose_text: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    sha256 = check_sha256(sha256)
    stated = stated_from(purpose, purpose_text)
    ctx: dict[str, object] = {
        "sha256": sha256,
        "purposes": [str(p) for p in Purpose],
        "purpose": purpose,
        "purpose_text": purpose_text,
        "row": row,
    }
    if stated is None:
        ctx["ask"] = True
        return render(request, "page_view.html", ctx, 400 if purpose else 200)
    review = page_review(db, sha256)
    audit.record(
        user.username,
        Action.view_page,
        role=user.role,
        target=sha256,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={"screen": "page", "row": row},
        client=client_address(request),
    )
    ctx.update(
        {
            "ask": False,
            "p": review,
            "columns": ROW_FIELDS,
            "labels": LABELS,
            "money": MONEY,
            "plain": plain,
            "pq": purpose_query(stated),
        }
    )
    return render(request, "page_view.html", ctx)
