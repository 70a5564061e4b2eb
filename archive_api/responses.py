"""The error answers the API documents (``responses=`` of routers/routes), so the OpenAPI schema
lists every status code a route can give."""

from __future__ import annotations

from typing import Any

from .schemas import ErrorPublic


def _err(description: str) -> dict[str, Any]:
    return {"model": ErrorPublic, "description": description}


Responses = dict[int | str, dict[str, Any]]

BAD_REQUEST: Responses = {
    400: _err("the request is well-formed but its values do not fit (the detail says why)")
}
SIGNED_OUT: Responses = {401: _err("no valid API token or session: sign in (Authorization: Bearer <token>)")}
FORBIDDEN: Responses = {403: _err("the signed-in role may not do this, or the CSRF token is missing")}
NOT_FOUND: Responses = {404: _err("no such record, page or certificate")}
UNAVAILABLE: Responses = {
    503: _err("a backend (database, index, store) is down or damaged; the detail says which")
}

# Every signed-in route can answer these.
AUTH: Responses = {**SIGNED_OUT, **FORBIDDEN}
