"""The OpenAPI schema tells the truth: schemathesis generates requests from /openapi.json (fetched
signed in with a clerk's API token) against the app on seeded data, and checks that no answer is a
server error, every status code and content type is documented and every body fits its schema.
Period fields state their format (pattern), so generated periods are ones the app accepts."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from archive_api.app import create_app
from archive_core.config import Settings
from archive_core.records import PersonMonth

from .test_api import page_setup  # noqa: F401  (fixture)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
_TOKENS: dict[int, str] = {}


@pytest.fixture
def api_schema(page_setup: tuple[Settings, str, list[PersonMonth]]):  # noqa: F811
    app = create_app(page_setup[0])
    app.state.accounts.add_user("robot", "clerk", "a long test password")
    _, token = app.state.accounts.create_token("robot", "schemathesis")
    _TOKENS[id(app)] = token
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", app, headers={"Authorization": f"Bearer {token}"}
    )
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


def test_the_schema_is_served_only_signed_in(page_setup: tuple[Settings, str, list[PersonMonth]]) -> None:  # noqa: F811
    with pytest.raises(Exception, match="401"):
        schemathesis.openapi.from_asgi("/openapi.json", create_app(page_setup[0]))


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_schema(case: schemathesis.Case) -> None:
    token = _TOKENS[id(case.operation.schema.app)]
    response = case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
    # signed in as a clerk, every API route is open: a 401/403 would mean nothing was tested
    assert response.status_code not in (401, 403), response.text


def test_period_fields_state_their_format(page_setup: tuple[Settings, str, list[PersonMonth]]) -> None:  # noqa: F811
    doc = create_app(page_setup[0]).openapi()
    params = {p["name"]: p for p in doc["paths"]["/api/search"]["get"]["parameters"]}
    for name in ("from", "to"):
        assert "pattern" in str(params[name]["schema"]), name
    body = doc["components"]["schemas"]["CertificateRequest"]["properties"]
    for name in ("from", "to"):
        assert "pattern" in str(body[name]), name
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            if path != "/health":
                assert {"401", "403"} <= set(op["responses"]), (method, path)
