"""The privacy notice: open to everyone, linked from every page's footer, and saying what the
settings say (controller, contact, retention periods)."""

import pytest
from django.urls import reverse

from tests.access.test_access_table import _all_rows
from tests.conftest import sign_in

NOTICE = "/privacy/"  # the address the footer gives


def test_the_notice_is_at_a_stable_address():
    assert reverse("privacy_notice") == NOTICE


def test_anyone_can_read_it_signed_out(client, db):
    response = client.get(NOTICE)
    assert response.status_code == 200
    text = response.content.decode()
    for heading in (
        "Who is responsible for your information",
        "What we hold about you",
        "Who can see what",
        "How long we keep it",
        "Your rights",
        "Information Commissioner",
    ):
        assert heading in text


def test_it_names_the_controller_and_contact_when_they_are_set(client, db, settings):
    settings.BOARDREADY_PRIVACY_CONTROLLER = "Northbridge Learning Ltd"
    settings.BOARDREADY_PRIVACY_CONTACT = "privacy@northbridge.example"
    text = client.get(NOTICE).content.decode()
    assert "Northbridge Learning Ltd runs this BoardReady service" in text
    assert 'href="mailto:privacy@northbridge.example"' in text


def test_without_a_contact_it_says_who_to_ask(client, db):
    text = client.get(NOTICE).content.decode()
    assert "The organisation that runs this BoardReady service is responsible" in text
    assert "ask your board's facilitator or board secretary" in text
    assert "mailto:" not in text


def test_the_periods_follow_the_settings(client, db, settings):
    text = client.get(NOTICE).content.decode()
    assert "for 1 year after your last seat ends" in text
    assert "Security and access logs: 2 years." in text
    settings.BOARDREADY_SEATLESS_ACCOUNT_DAYS = 90
    settings.BOARDREADY_AUDIT_RETENTION_DAYS = 400
    text = client.get(NOTICE).content.decode()
    assert "for 90 days after your last seat ends" in text
    assert "Security and access logs: 400 days." in text


FOOTER_LINK = f'class="nhsuk-footer__list-item-link" href="{NOTICE}"'


@pytest.mark.parametrize("persona", ["anonymous", "chair"])
def test_every_page_links_to_the_notice_in_its_footer(client, world, persona):
    """Every page in the access table that answers with HTML, as someone signed out and as a
    chair (who sees the most pages)."""
    user = world.persona(persona)
    if user is not None:
        sign_in(client, user)
    pages = 0
    for row in _all_rows():
        if row.method != "get" or row.expect[persona] != 200:
            continue
        response = client.get(row.url(world), **row.extra)
        if not response["Content-Type"].startswith("text/html"):
            continue
        pages += 1
        assert FOOTER_LINK in response.content.decode(), row.name
    assert pages > 10


def test_the_error_pages_link_to_it_too(client, world):
    sign_in(client, world.member)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert FOOTER_LINK in response.content.decode()
