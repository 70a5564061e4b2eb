"""The clerk's view of one person: the timeline of months across employers (a bar of twelve months per
year, gaps marked, each month one click from its page), with the way on to a certificate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from archive_core.accounts import Role
from archive_core.audit import Action, Purpose
from certificates import Timeline, TimelineMonth, pending_requests, person_timeline
from certificates.model import MONTHS_BG

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import DatabaseDep
from ..screen_helpers import purpose_query, stated_from
from ..web import render

router = APIRouter(include_in_schema=False, dependencies=[allow(Role.clerk)])


@dataclass(frozen=True)
class Cell:
    month: int
    state: str  # ok | verified | review | gap | none (outside the person's months)
    item: TimelineMonth | None


def month_state(m: TimelineMonth) -> str:
    if m.gap:
        return "gap"
    states = {e.review_state for e in m.entries}
    if "needs_review" in states:
        return "review"
    if states == {"verified"}:
        return "verified"
    return "ok"


def year_bars(tl: Timeline) -> list[tuple[int, list[Cell]]]:
    """Twelve cells per year from the first year to the last."""
    by = {(m.year, m.month): m for m in tl.months}
    if not by:
        return []
    years = range(min(y for y, _ in by), max(y for y, _ in by) + 1)
    return [
        (
            y,
            [
                Cell(mo, month_state(by[(y, mo)]) if (y, mo) in by else "none", by.get((y, mo)))
                for mo in range(1, 13)
            ],
        )
        for y in years
    ]


@router.get("/people/timeline")
def timeline_page(
    request: Request,
    db: DatabaseDep,
    user: CurrentUser,
    audit: AuditDep,
    egn: Annotated[str | None, Query(max_length=10)] = None,
    purpose: Annotated[str | None, Query(max_length=40)] = None,
    purpose_text: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    stated = stated_from(purpose, purpose_text)
    ctx: dict[str, object] = {
        "egn": egn,
        "purposes": [str(p) for p in Purpose],
        "purpose": purpose,
        "purpose_text": purpose_text,
        "months_bg": MONTHS_BG,
    }
    if stated is None or not egn:
        ctx["ask"] = True
        return render(request, "timeline.html", ctx, 400 if purpose else 200)
    tl = person_timeline(db, egn)
    audit.record(
        user.username,
        Action.view_record,
        role=user.role,
        target="timeline",
        egn=tl.egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={"screen": "timeline", "months": len(tl.months)},
        client=client_address(request),
    )
    ctx.update(
        {
            "ask": False,
            "tl": tl,
            "bars": year_bars(tl),
            "pq": purpose_query(stated),
            "requests": pending_requests(db, egn=tl.egn),
        }
    )
    return render(request, "timeline.html", ctx)
