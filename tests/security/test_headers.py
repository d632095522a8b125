"""Every URL in the access table, as every persona, carries the security headers."""

import pytest
from django.db import transaction

from tests.access.table import PERSONAS
from tests.access.test_access_table import _all_rows
from tests.conftest import sign_in


def _directives(header: str) -> dict:
    parsed = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def assert_security_headers(response, path):
    csp = response.get("Content-Security-Policy")
    assert csp, f"{path}: no Content-Security-Policy"
    policy = _directives(csp)
    assert response.get("X-Content-Type-Options") == "nosniff", path
    assert response.get("Referrer-Policy") == "same-origin", path
    assert policy.get("object-src") == ["'none'"], path
    assert "frame-ancestors" in policy, path
    if path.startswith("/admin/"):
        assert policy["frame-ancestors"] == ["'self'"], path
        return
    assert response.get("X-Frame-Options") == "DENY", path
    assert policy["frame-ancestors"] == ["'none'"], path
    assert policy["script-src"] == ["'self'"], f"{path}: {csp}"
    assert "'unsafe-inline'" not in policy.get("style-src", []), path


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_carries_the_security_headers(client, world, persona):
    user = world.persona(persona)
    # A page that fails must fail with the headers too; the access table reports the failure.
    client.raise_request_exception = False
    for row in _all_rows():
        # Each row starts from the same data, as in the access table, whatever the last did.
        with transaction.atomic():
            client.logout()
            if user is not None:
                sign_in(client, user)
            url = row.url(world)
            if row.method == "post":
                response = client.post(url, row.data(world) if row.data else {}, **row.extra)
            else:
                response = client.get(url, **row.extra)
            assert_security_headers(response, url)
            transaction.set_rollback(True)


def test_not_found_pages_carry_the_security_headers(client, world):
    assert_security_headers(client.get("/no-such-page/"), "/no-such-page/")


def test_the_admin_gets_its_own_policy(client, world):
    sign_in(client, world.editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in _directives(response["Content-Security-Policy"])["script-src"]
