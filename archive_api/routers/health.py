"""GET /health: are the database, the search index and the original store reachable?"""

from __future__ import annotations

from fastapi import APIRouter, Response
from sqlalchemy import text

from ..access import PUBLIC
from ..deps import DatabaseDep, IndexDep, StoreDep
from ..responses import UNAVAILABLE
from ..schemas import HealthPublic

router = APIRouter(tags=["health"], dependencies=[PUBLIC])


@router.get(
    "/health",
    response_model=HealthPublic,
    responses={503: {"model": HealthPublic, "description": UNAVAILABLE[503]["description"]}},
)
def health(db: DatabaseDep, index: IndexDep, store: StoreDep, response: Response) -> HealthPublic:
    checks: dict[str, str] = {}
    count: int | None = None
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as e:  # reported, not swallowed: the answer says what failed
        checks["database"] = f"недостъпна: {type(e).__name__}: {e}"
    try:
        count = index.count()
        checks["index"] = "ok"
    except Exception as e:
        checks["index"] = f"недостъпен: {type(e).__name__}: {e}"
    try:
        store.exists("0" * 64)
        checks["store"] = "ok"
    except Exception as e:
        checks["store"] = f"недостъпно: {type(e).__name__}: {e}"
    ok = all(v == "ok" for v in checks.values())
    if not ok:
        response.status_code = 503
    return HealthPublic(status="ok" if ok else "degraded", records_indexed=count, **checks)
