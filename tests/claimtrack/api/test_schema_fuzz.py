"""schemathesis drives every operation of the OpenAPI schema in-process as a signed-in curator.

Any 5xx, any status code the schema does not list, or any body that does not match the schema
fails the test. Examples per operation are few so the whole run stays around a minute.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def curator_token(curator, world) -> str:
    return Token.objects.get_or_create(user=curator)[0].key


@pytest.fixture(autouse=True)
def _keep_the_test_transaction():
    """Django closes the connection at each request's end; the test client turns that off, so do we."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_errors_or_breaks_its_schema(case, curator_token):
    case.call_and_validate(headers={"Authorization": f"Token {curator_token}"}, checks=CHECKS)


def _real_cases(world) -> list[tuple[str, str, dict, dict | None]]:
    claim = world.claims["struck"]
    return [
        ("/api/v1/claims/{id}/", "GET", {"id": claim.pk}, None),
        ("/api/v1/claims/{id}/agreeing/", "GET", {"id": claim.pk}, None),
        ("/api/v1/claims/{id}/conflicting/", "GET", {"id": claim.pk}, None),
        ("/api/v1/speakers/{id}/", "GET", {"id": world.putin.pk}, None),
        ("/api/v1/speakers/{id}/claims/", "GET", {"id": world.putin.pk}, None),
        ("/api/v1/articles/{id}/", "GET", {"id": claim.article_id}, None),
        ("/api/v1/outlets/{id}/", "GET", {"id": claim.article.outlet_id}, None),
        ("/api/v1/relations/{id}/", "GET", {"id": world.conflict.pk}, None),
        ("/api/v1/disputes/{id}/", "GET", {"id": world.dispute.pk}, None),
        ("/api/v1/disputes/{id}/sides/", "GET", {"id": world.dispute.pk}, None),
        ("/api/v1/claims/{id}/review/", "POST", {"id": claim.pk}, {"status": "verified"}),
        ("/api/v1/relations/{id}/review/", "POST", {"id": world.agree.pk}, {"decision": "confirmed"}),
        ("/api/v1/speakers/{id}/merge/", "POST", {"id": world.otto.pk}, {"into": world.kirby.pk}),
    ]


def test_answers_about_real_rows_match_the_schema(world, curator_token):
    """Random ids rarely exist, so the rows of the test world are asked for by id as well."""
    for path, method, path_parameters, body in _real_cases(world):
        operation = schema[path][method]
        extra = {"body": body, "media_type": "application/json"} if body else {}
        case = operation.Case(path_parameters=path_parameters, **extra)
        response = case.call_and_validate(headers={"Authorization": f"Token {curator_token}"}, checks=CHECKS)
        assert response.status_code == 200, (path, response.text)
