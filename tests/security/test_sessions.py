"""Sessions: idle and absolute timeouts, sign-out, and deactivation ending sessions."""

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from learning.audit.models import AuditEvent, UserSession
from learning.audit.receivers import LAST_SEEN_KEY, SIGNED_IN_AT_KEY
from tests.conftest import sign_in
from tests.factories import PASSWORD


def _age_session(client, **seconds_ago):
    now = int(timezone.now().timestamp())
    session = client.session
    for key, ago in seconds_ago.items():
        session[{"last_seen": LAST_SEEN_KEY, "signed_in": SIGNED_IN_AT_KEY}[key]] = now - ago
    session.save()
    return session.session_key


def test_thirty_minutes_without_a_request_signs_the_person_out(client, world):
    sign_in(client, world.member)
    key = _age_session(client, last_seen=31 * 60)
    response = client.get(reverse("account_security"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=%2Faccount%2F"
    assert not Session.objects.filter(session_key=key).exists()
    assert AuditEvent.objects.filter(action="session_timed_out", subject_user=world.member).exists()
    page = client.get(response["Location"])
    assert "30 minutes" in page.content.decode()


def test_activity_within_thirty_minutes_keeps_the_session(client, world):
    sign_in(client, world.member)
    _age_session(client, last_seen=29 * 60)
    assert client.get(reverse("account_security")).status_code == 200
    assert client.session[LAST_SEEN_KEY] >= int(timezone.now().timestamp()) - 5


def test_twelve_hours_after_sign_in_the_person_is_signed_out_even_if_active(client, world):
    sign_in(client, world.member)
    _age_session(client, signed_in=12 * 60 * 60 + 1, last_seen=10)
    response = client.get(reverse("account_security"))
    assert response["Location"].startswith(reverse("account_login"))


def test_signing_back_in_after_a_timeout_returns_to_the_page(client, world):
    sign_in(client, world.member)
    _age_session(client, last_seen=31 * 60)
    client.get(reverse("account_security"))
    response = client.post(
        reverse("account_login"),
        {"username": world.member.email, "password": PASSWORD, "next": reverse("account_security")},
    )
    assert response["Location"] == reverse("account_security")


def test_sign_out_deletes_the_server_session(client, world):
    sign_in(client, world.member)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert not UserSession.objects.filter(session_key=key).exists()
    assert AuditEvent.objects.filter(action="sign_out", subject_user=world.member).exists()


def test_deactivating_a_membership_ends_the_persons_sessions(client, world):
    sign_in(client, world.member)
    key = client.session.session_key
    membership = world.membership(world.member)
    membership.is_active = False
    membership.save()
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("account_security")).status_code == 302


def test_deactivating_an_account_ends_its_sessions(client, world):
    sign_in(client, world.member)
    key = client.session.session_key
    world.member.is_active = False
    world.member.save()
    assert not Session.objects.filter(session_key=key).exists()


def test_saving_an_active_membership_leaves_sessions_alone(client, world):
    sign_in(client, world.member)
    world.membership(world.member).save()
    world.member.save()
    assert client.get(reverse("account_security")).status_code == 200


def test_signed_in_pages_are_not_cached_and_public_ones_may_be(client, world):
    assert "no-store" not in client.get(reverse("cookies")).get("Cache-Control", "")
    sign_in(client, world.member)
    assert "no-store" in client.get(reverse("cookies"))["Cache-Control"]
