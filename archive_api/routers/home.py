"""The home page (what the signed-in role can do), and the OpenAPI schema and its viewer — which,
like everything but /health and sign-in, need a signed-in user."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..access import SIGNED_IN
from ..web import render

router = APIRouter(include_in_schema=False, dependencies=[SIGNED_IN])


@router.get("/")
def home(request: Request) -> Response:
    return render(request, "home.html")


@router.get("/openapi.json")
def openapi(request: Request) -> JSONResponse:
    schema: dict[str, Any] = request.app.openapi()
    return JSONResponse(schema)


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(openapi_url="/openapi.json", title="payroll-archive API")
