"""GET /api/search: person-month records by ЕГН, name, employer and period."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from indexer.query import build_query

from ..deps import IndexDep
from ..schemas import RecordPublic, SearchPublic

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchPublic)
def search(
    index: IndexDep,
    egn: Annotated[str | None, Query(description="ЕГН, точно")] = None,
    name: Annotated[
        str | None, Query(description="име: главни/малки, до две сгрешени букви, латиница")
    ] = None,
    employer: Annotated[str | None, Query(description="работодател, по думи")] = None,
    period_from: Annotated[str | None, Query(alias="from", description="YYYY-MM, включително")] = None,
    period_to: Annotated[str | None, Query(alias="to", description="YYYY-MM, включително")] = None,
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
    results = index.search(query)
    return SearchPublic(count=len(results), records=[RecordPublic.from_person_month(r) for r in results])
