"""GET /api/search: person-month records by ЕГН, name, employer and period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from archive_core.accounts import Principal, Role
from archive_core.audit import Action, AuditLog
from archive_core.protocols import RecordIndex, SearchQuery
from archive_core.records import PersonMonth
from indexer.query import build_query

from ..access import allow
from ..auth import AuditDep, CurrentUser, client_address
from ..deps import IndexDep
from ..purpose import Stated, StatedPurpose
from ..responses import AUTH, BAD_REQUEST, UNAVAILABLE
from ..schemas import PERIOD_PATTERN, RecordPublic, SearchPublic


def audited_search(
    request: Request,
    index: RecordIndex,
    audit: AuditLog,
    user: Principal,
    query: SearchQuery,
    stated: Stated,
    period_from: str | None,
    period_to: str | None,
    **detail: str,
) -> list[PersonMonth]:
    """The records ``query`` finds, with the look-up in the audit log: who, why, what was asked (the
    period as typed) and how many were found, plus ``detail``. For the API and the search screen."""
    results = index.search(query)
    audit.record(
        user.username,
        Action.search,
        role=user.role,
        egn=query.egn,
        purpose=stated.purpose,
        purpose_text=stated.text,
        detail={
            "name": query.name,
            "employer": query.employer,
            "from": period_from,
            "to": period_to,
            "found": len(results),
            **detail,
        },
        client=client_address(request),
    )
    return results


router = APIRouter(
    prefix="/api", tags=["search"], dependencies=[allow(Role.clerk)], responses={**AUTH, **BAD_REQUEST}
)


@router.get("/search", response_model=SearchPublic, responses=UNAVAILABLE)
def search(
    request: Request,
    index: IndexDep,
    user: CurrentUser,
    audit: AuditDep,
    stated: StatedPurpose,
    egn: Annotated[str | None, Query(description="ЕГН, точно")] = None,
    name: Annotated[
        str | None, Query(description="име: главни/малки, до две сгрешени букви, латиница")
    ] = None,
    employer: Annotated[str | None, Query(description="работодател, по думи")] = None,
    period_from: Annotated[
        str | None, Query(alias="from", pattern=PERIOD_PATTERN, description="YYYY-MM, включително")
    ] = None,
    period_to: Annotated[
        str | None, Query(alias="to", pattern=PERIOD_PATTERN, description="YYYY-MM, включително")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 200,
) -> SearchPublic:
    query = build_query(
        egn=egn,
        name=name,
        employer=employer,
        period_from=period_from,
        period_to=period_to,
        limit=limit,
        from_label="from",
        to_label="to",
    )
    results = audited_search(request, index, audit, user, query, stated, period_from, period_to)
    return SearchPublic(count=len(results), records=[RecordPublic.from_person_month(r) for r in results])
