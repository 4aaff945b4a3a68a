"""Property-based API test: schemathesis generates requests from /openapi.json; the server
never answers 5xx, answers what the schema documents (statuses, content types, bodies) and
every error has the one error shape."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from tests.web.conftest import seed_web_store

from citydip.web.app import create_app


def _app() -> Any:
    """The app over a fresh store in a temporary folder (removed at exit).

    Built at import: schemathesis needs the schema when tests are collected.
    """
    from citydip.stores import build_store

    folder = Path(tempfile.mkdtemp(prefix="citydip-schema-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "schema.db"
    build_store(path, world=False).close()  # the curated data: quick to check
    seed_web_store(path)
    return create_app(path, "schema-token", hosts=["testserver"])  # the test client's name


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # starlette's TestClient on httpx
@schema.parametrize()
# derandomize: the same examples every run (a query's "false" is valid text for a string
# parameter, which the negative-data check may count as a wrongly accepted boolean)
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_request_makes_the_server_fail(case: schemathesis.Case) -> None:
    # Every check but one: arguments that depend on each other (since after until, the same
    # city twice) are schema-valid and still a 400.
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body["error"]) == {"type", "message", "field"}
