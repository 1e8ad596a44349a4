"""Property-based checks of every API operation against the OpenAPI document it publishes."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from .world import SECRET

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", WSGIHandler())


@pytest.fixture
def keep_test_connection():
    """Requests through the WSGI handler must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_matches_its_schema(case, world, keep_test_connection):
    # The WSGI test client says it accepts gzip but does not decompress; ask for plain JSON.
    # Date filters are held to 2000 to ten years ahead (422 outside, as the schema's
    # descriptions say, tested in test_api_actions), a bound OpenAPI cannot state for a
    # date: schemathesis's "schema-valid data is accepted" check is left out for that.
    response = case.call_and_validate(
        headers={"Accept-Encoding": "identity"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
    assert SECRET not in response.text
