"""The bad-input sweep: malformed posts never cause a server error or change refused data.

Detailed tables (`tests/security/forms_<area>.py`) name each form's fields; every other view
that takes a POST gets a shallow sweep with guessed field names and placeholder ids, so no
POST endpoint goes untested. Each area deepens its own by adding a table.
"""

import importlib
import inspect
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests.security
from tests.access.table import PERSONAS
from tests.conftest import sign_in
from tests.security.sweep import PROJECT_APP_PREFIXES, Endpoint, fingerprint, payloads

SWEEP = settings(
    max_examples=4, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
REDIRECTS = {301, 302, 303}
GUESSED_FIELDS = dict.fromkeys(
    ("title", "text", "body", "name", "note", "comment", "answer", "csv", "file"), "text"
) | {
    "email": "email",
    "due_date": "date",
    "date": "date",
    "starts_at": "date",
    "role": "choice",
    "status": "choice",
    "board": "id",
    "choice": "id",
    "choices": "id",
    "score": "int",
    "value": "int",
    "shared": "bool",
}


def _tables():
    endpoints = []
    for module in pkgutil.iter_modules(tests.security.__path__):
        if module.name.startswith("forms_"):
            endpoints.extend(importlib.import_module(f"tests.security.{module.name}").ENDPOINTS)
    return endpoints


def _takes_post(callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    while hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
    try:
        return "POST" in inspect.getsource(callback)
    except (OSError, TypeError):
        return False


def _post_routes(patterns=None, namespace=None, converters=None):
    """(url name, namespace, converters) for every project view that takes a POST."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            yield from _post_routes(entry.url_patterns, entry.namespace or namespace, found)
        elif isinstance(entry, URLPattern) and entry.name:
            module = getattr(entry.callback, "__module__", "")
            if module.startswith(PROJECT_APP_PREFIXES) and _takes_post(entry.callback):
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                yield name, namespace, found


def _placeholder_path(world, name, converters):
    kwargs = {}
    for arg, converter in converters.items():
        if type(converter).__name__ == "IntConverter":
            kwargs[arg] = world.board_a.pk if "board" in arg else 1
        else:
            kwargs[arg] = "2025"
    return reverse(name, kwargs=kwargs)


def _sweep(client, world, endpoint, url):
    other_ids = endpoint.ids(world) if endpoint.ids else ()
    client.raise_request_exception = False

    @SWEEP
    @given(persona=st.sampled_from(PERSONAS), payload=payloads(endpoint, other_ids))
    def check(persona, payload):
        client.logout()
        user = world.persona(persona)
        if user is not None:
            sign_in(client, user)
        before = fingerprint(endpoint.watch)
        response = client.post(url, payload)
        assert response.status_code < 500, f"{endpoint.name} as {persona}: {response.status_code}"
        if response.status_code not in REDIRECTS:
            assert fingerprint(endpoint.watch) == before, f"{endpoint.name} changed data"

    check()


@pytest.mark.parametrize("endpoint", _tables(), ids=lambda endpoint: endpoint.name)
def test_a_form_refuses_bad_input_cleanly(client, world, endpoint):
    _sweep(client, world, endpoint, endpoint.url(world))


def _unlisted_routes():
    listed = {endpoint.url_name for endpoint in _tables()}
    return [pytest.param(*route, id=route[0]) for route in _post_routes() if route[0] not in listed]


@pytest.mark.parametrize(("name", "namespace", "converters"), _unlisted_routes())
def test_every_other_post_endpoint_survives_bad_input(client, world, name, namespace, converters):
    endpoint = Endpoint(
        name,
        name,
        None,
        GUESSED_FIELDS,
        ids=lambda w: [w.board_b.pk, w.other_chair.pk],
        watch=("learning", namespace) if namespace else ("learning",),
    )
    _sweep(client, world, endpoint, _placeholder_path(world, name, converters))


def test_a_request_body_over_the_limit_is_refused(client, world, settings):
    settings.BOARDREADY_MAX_REQUEST_BYTES = 10_000
    sign_in(client, world.member)
    response = client.post(reverse("account_email_change"), {"email": "x" * 20_000})
    assert response.status_code == 413


def test_form_fields_over_djangos_limit_are_refused(client, world):
    sign_in(client, world.member)
    response = client.post(reverse("account_email_change"), {"email": "x" * 1_100_000})
    assert response.status_code in (400, 413)


def test_a_body_over_the_limit_gets_the_services_page_with_a_way_back(client, world, settings):
    settings.BOARDREADY_MAX_REQUEST_BYTES = 10_000
    sign_in(client, world.member)
    back = "http://testserver" + reverse("account_email_change")
    response = client.post(
        reverse("account_email_change"), {"email": "x" * 20_000}, HTTP_REFERER=back
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "The file or form is too large" in html and "<html" in html
    assert f'href="{back}"' in html


def test_the_way_back_never_leads_off_the_site(client, world, settings):
    settings.BOARDREADY_MAX_REQUEST_BYTES = 10_000
    response = client.post("/", {"x": "y" * 20_000}, HTTP_REFERER="https://evil.example/")
    assert response.status_code == 413
    assert "evil.example" not in response.content.decode()


def test_form_fields_over_djangos_limit_get_the_same_page(client, world):
    sign_in(client, world.member)
    response = client.post(reverse("account_email_change"), {"email": "x" * 1_100_000})
    assert response.status_code == 413
    assert "The file or form is too large" in response.content.decode()
