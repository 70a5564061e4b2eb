"""Deny by default: the one place that decides who may call a route.

A route declares who it is for, with the route (or its router), as a dependency::

    router = APIRouter(prefix="/api/search", dependencies=[allow(Role.clerk)])
    @router.get("/x", dependencies=[allow(Role.verifier, Role.clerk)])
    @router.get("/health", dependencies=[PUBLIC])      # no personal data
    @router.get("/", dependencies=[SIGNED_IN])          # any member of staff

``gate`` runs first on every route of the app (``FastAPI(dependencies=[Depends(gate)])``): a route
with no rule is refused (and ``check_routes`` refuses to build such an app), a signed-out request
gets 401 (API) or a redirect to sign-in (pages), a role not named gets 403, and a state-changing
request carried by the session cookie (or by a signed-out form) must bring its CSRF token, in the
``csrf_token`` form field or the ``X-CSRF-Token`` header. API tokens (Bearer) need no CSRF token:
browsers never send them by themselves. When several rules apply (router and route), the route's
own, the last one, counts.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.params import Depends as DependsParam
from fastapi.routing import APIRoute

try:  # FastAPI >= 0.16x includes routers lazily: their routes are only seen through contexts
    from fastapi.routing import iter_route_contexts
except ImportError:  # pragma: no cover - older FastAPI: app.routes holds every APIRoute
    iter_route_contexts = None  # type: ignore[assignment]

from archive_core.accounts import STAFF_ROLES, Principal, Role
from archive_core.errors import ConfigError

from .auth import (
    CSRF_FIELD,
    CSRF_HEADER,
    PRE_CSRF_COOKIE,
    Forbidden,
    NotSignedIn,
    OptionalUser,
)

_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class Rule:
    """Who may call a route. Used only as a marker dependency: the decision is ``gate``'s."""

    def __init__(self, roles: tuple[Role, ...], public: bool = False) -> None:
        self.roles = frozenset(roles)
        self.public = public

    def __call__(self) -> None:  # the marker does nothing by itself
        return None

    def __repr__(self) -> str:
        return "PUBLIC" if self.public else f"allow({', '.join(sorted(self.roles))})"


def allow(*roles: Role) -> Any:
    """The route is for these roles only."""
    if not roles:
        raise ValueError("allow() needs at least one role")
    return Depends(Rule(tuple(roles)))


PUBLIC: Any = Depends(Rule((), public=True))
SIGNED_IN: Any = Depends(Rule(STAFF_ROLES))


def rule_of(route: object) -> Rule | None:
    rules = [
        d.dependency
        for d in getattr(route, "dependencies", None) or []
        if isinstance(d, DependsParam) and isinstance(d.dependency, Rule)
    ]
    return rules[-1] if rules else None


async def _sent_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    ctype = request.headers.get("content-type", "")
    if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def _check_csrf(request: Request, principal: Principal | None) -> None:
    if request.method not in _UNSAFE:
        return
    if principal is not None and principal.via == "token":
        return
    expected = principal.csrf_token if principal is not None else request.cookies.get(PRE_CSRF_COOKIE)
    sent = await _sent_csrf(request)
    if not expected or not sent or not secrets.compare_digest(expected, sent):
        raise Forbidden("csrf")


async def gate(request: Request, principal: OptionalUser) -> None:
    """The access decision for every route of the app (see the module docstring)."""
    rule = rule_of(request.scope.get("route"))
    if rule is None:
        raise Forbidden("no_rule")
    if rule.public:
        await _check_csrf(request, principal)
        return
    if principal is None:
        raise NotSignedIn()
    if principal.role not in rule.roles:
        raise Forbidden("role")
    await _check_csrf(request, principal)


@dataclass(frozen=True)
class ServedRoute:
    """A route as the app serves it: full path, methods, every dependency (app, router, route)."""

    path: str
    methods: frozenset[str]
    dependencies: tuple[Any, ...]
    route: APIRoute

    @property
    def rule(self) -> Rule | None:
        return rule_of(self.route)


def served_routes(app: FastAPI) -> list[ServedRoute]:
    out = []
    if iter_route_contexts is not None:
        for rc in iter_route_contexts(app.routes):
            route = rc.original_route
            if not isinstance(route, APIRoute):
                continue
            ctx = rc._route_context
            deps = ctx.dependencies if ctx is not None else route.dependencies
            out.append(ServedRoute(rc.path or route.path, frozenset(route.methods or ()), tuple(deps), route))
        return out
    for r in app.routes:
        if isinstance(r, APIRoute):
            out.append(ServedRoute(r.path, frozenset(r.methods), tuple(r.dependencies), r))
    return out


def check_routes(app: FastAPI) -> None:
    """Refuse to build an app with a route that states no rule (or does not pass the gate)."""
    routes = served_routes(app)
    if not routes:
        raise ConfigError("no routes found: the access check cannot see them")
    for served in routes:
        deps = [d.dependency for d in served.dependencies if isinstance(d, DependsParam)]
        if gate not in deps:
            raise ConfigError(f"{served.path}: the route does not pass through access.gate")
        if served.rule is None:
            raise ConfigError(
                f"{served.path}: the route states no access rule (allow(...), PUBLIC, SIGNED_IN)"
            )
