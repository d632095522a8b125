"""Which address sign-in pauses and the audit log use: X-Forwarded-For only from the proxy."""

import logging

import pytest
from django.test import RequestFactory
from django.urls import reverse

from learning import security
from learning.checks import trusted_proxy_check
from learning.security import client_ip
from tests.factories import PASSWORD

DIRECT = "203.0.113.9"  # a public address: someone reaching the app without the proxy
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def fresh_warnings():
    security._warned.clear()
    yield
    security._warned.clear()


def _request(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_a_proxy_count_the_header_is_ignored(settings):
    settings.BOARDREADY_TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(PROXY, "198.51.100.1")) == PROXY


def test_behind_one_proxy_the_address_it_saw_is_the_clients(settings):
    settings.BOARDREADY_TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(PROXY, "192.0.2.50, 198.51.100.1")) == "198.51.100.1"


def test_behind_two_proxies_the_address_the_first_saw_is_the_clients(settings):
    settings.BOARDREADY_TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request(PROXY, "192.0.2.50, 198.51.100.1, 10.0.0.3")) == "198.51.100.1"


def test_a_request_from_outside_the_proxy_networks_is_known_by_its_own_address(settings, caplog):
    settings.BOARDREADY_TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.WARNING, logger="learning.security"):
        assert client_ip(_request(DIRECT, "198.51.100.1")) == DIRECT
        assert client_ip(_request(DIRECT, "198.51.100.2")) == DIRECT
    warnings = [r for r in caplog.records if "outside BOARDREADY_TRUSTED_PROXY_NETWORKS" in r.msg]
    assert len(warnings) == 1  # once per process, and without the address
    assert DIRECT not in caplog.text


def test_a_proxy_request_without_the_header_uses_the_proxy_and_warns_once(settings, caplog):
    settings.BOARDREADY_TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.WARNING, logger="learning.security"):
        assert client_ip(_request(PROXY)) == PROXY
        assert client_ip(_request(PROXY)) == PROXY
    warnings = [r for r in caplog.records if "X-Forwarded-For entries" in r.msg]
    assert len(warnings) == 1


def test_a_made_up_header_sent_straight_to_the_app_does_not_escape_the_pause(
    client, world, settings
):
    settings.BOARDREADY_TRUSTED_PROXY_COUNT = 1
    url = reverse("account_login")
    for guess in range(5):
        client.post(
            url,
            {"username": world.member.email, "password": "wrong-password"},
            REMOTE_ADDR=DIRECT,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{guess}",
        )
    page = client.post(
        url,
        {"username": world.member.email, "password": PASSWORD},
        REMOTE_ADDR=DIRECT,
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert page.status_code == 200  # the sign-in page again, refusing the right password...
    assert "signing in is paused for 30 minutes" in page.content.decode()
    assert "_auth_user_id" not in client.session  # ...so nobody is signed in


def test_the_check_refuses_a_network_that_is_not_one(settings):
    settings.BOARDREADY_TRUSTED_PROXY_NETWORKS = ["10.0.0.0/8", "the-proxy"]
    assert [error.id for error in trusted_proxy_check(None)] == ["learning.E002"]


def test_the_check_accepts_the_default_networks():
    assert trusted_proxy_check(None) == []
