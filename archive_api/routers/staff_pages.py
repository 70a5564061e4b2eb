"""Staff screens built so far: the clerk's search (with the purpose of the look-up) and the
administrator's audit log. The verification and certificate screens come next, on the same base."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from archive_core.accounts import Role
from archive_core.audit import Action, AuditFilter, Purpose
from archive_core.errors import UsageError
from indexer.query import build_query

from ..access import allow
from ..auth import AuditDep, CurrentUser
from ..deps import IndexDep
from ..i18n import language_of, translator
from ..purpose import Stated
from ..screen_helpers import purpose_query
from ..web import render
from .search import audited_search

router = APIRouter(include_in_schema=False)

_Text = Annotated[str | None, Query(max_length=300)]


@router.get("/search", dependencies=[allow(Role.clerk)])
def search_page(
    request: Request,
    index: IndexDep,
    user: CurrentUser,
    audit: AuditDep,
    egn: _Text = None,
    name: _Text = None,
    employer: _Text = None,
    period_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
    period_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
    purpose: Annotated[str | None, Query(max_length=40)] = None,
    purpose_text: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    t = translator(language_of(request))
    q = {"egn": egn, "name": name, "employer": employer, "period_from": period_from, "period_to": period_to}
    ctx: dict[str, object] = {
        "q": q,
        "purposes": [str(p) for p in Purpose],
        "purpose": purpose,
        "purpose_text": purpose_text,
        "results": None,
        "error": None,
    }
    if not any(v for v in q.values()) and purpose is None:
        return render(request, "search.html", ctx)  # the empty form
    text = purpose_text.strip() if purpose_text and purpose_text.strip() else None
    stated = Purpose(purpose) if purpose is not None and purpose in Purpose.__members__ else None
    if stated is None or (stated is Purpose.other and text is None):
        ctx["error"] = t("purpose.missing")
        return render(request, "search.html", ctx, 400)
    try:
        query = build_query(
            egn=egn,
            name=name,
            employer=employer,
            period_from=period_from,
            period_to=period_to,
            from_label=t("search.from"),
            to_label=t("search.to"),
        )
    except UsageError as e:
        ctx["error"] = str(e)
        return render(request, "search.html", ctx, 400)
    why = Stated(stated, text)
    ctx["results"] = audited_search(
        request, index, audit, user, query, why, period_from, period_to, screen="search"
    )
    ctx["pq"] = purpose_query(why)
    return render(request, "search.html", ctx)


def _day(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=UTC)
    except ValueError:
        raise UsageError(f"дата във вида ГГГГ-ММ-ДД, а не {value!r}") from None


@router.get("/admin/audit", dependencies=[allow(Role.administrator)])
def audit_page(
    request: Request,
    audit: AuditDep,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=32)] = None,
    egn: Annotated[str | None, Query(max_length=10)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    ctx: dict[str, object] = {
        "actions": [str(a) for a in Action],
        "since": since,
        "until": until,
        "error": None,
    }
    try:
        f = AuditFilter(
            actor=actor or None,
            action=action if action in Action.__members__ else None,
            egn=egn.strip() if egn and egn.strip() else None,
            since=_day(since),
            until=_day(until),
        )
    except UsageError as e:
        f = AuditFilter()
        ctx["error"] = str(e)
    ctx["f"] = f
    ctx["entries"] = audit.entries(f)
    return render(request, "audit.html", ctx, 400 if ctx["error"] else 200)
