"""Changing your password on "Your account": the current one first, other sessions ended,
an email to the person, and a clear message for every mistake."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from learning.audit.models import AuditEvent, UserSession
from tests.conftest import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "a-brand-new-long-passphrase-77"
URL = reverse("account_password_change")


def _change(client, old=PASSWORD, new1=NEW, new2=NEW):
    return client.post(URL, {"old_password": old, "new_password1": new1, "new_password2": new2})


def test_your_account_links_to_the_page(client, world):
    sign_in(client, world.member)
    assert URL in client.get(reverse("account_security")).content.decode()


def test_it_changes_the_password_and_keeps_this_session(
    client, world, django_capture_on_commit_callbacks
):
    sign_in(client, world.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = _change(client)
    assert response["Location"] == reverse("account_security")
    person = get_user_model().objects.get(pk=world.member.pk)
    assert person.check_password(NEW) and not person.check_password(PASSWORD)
    assert client.get(reverse("account_security")).status_code == 200
    assert UserSession.objects.filter(
        user=world.member, session_key=client.session.session_key
    ).exists()
    assert AuditEvent.objects.filter(action="password_changed", subject_user=world.member).exists()


def test_every_other_session_is_signed_out(client, world):
    other = Client()
    other.post(reverse("account_login"), {"username": world.member.email, "password": PASSWORD})
    assert other.get(reverse("account_security")).status_code == 200
    other_key = other.session.session_key
    sign_in(client, world.member)
    _change(client)
    # Deleted on the server at once, not only refused when it next comes back.
    assert not Session.objects.filter(session_key=other_key).exists()
    assert other.get(reverse("account_security")).status_code == 302
    assert client.get(reverse("account_security")).status_code == 200


def test_the_person_is_emailed_and_nobody_else(client, world, django_capture_on_commit_callbacks):
    sign_in(client, world.member)
    with django_capture_on_commit_callbacks(execute=True):
        _change(client)
    assert [message.to for message in mail.outbox] == [[world.member.email]]
    assert "password" in mail.outbox[0].subject.lower()
    assert NEW not in mail.outbox[0].body


def test_a_wrong_current_password_changes_nothing_and_says_so(
    client, world, django_capture_on_commit_callbacks
):
    sign_in(client, world.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = _change(client, old="not-my-password")
    assert response.status_code == 200
    assert "Your current password is not right." in response.content.decode()
    assert get_user_model().objects.get(pk=world.member.pk).check_password(PASSWORD)
    assert not mail.outbox
    # It went through authenticate(), so it counts as a failed sign-in.
    assert AuditEvent.objects.filter(action="sign_in_failed", subject_user=world.member).exists()


def test_new_passwords_that_differ_are_a_field_error(client, world):
    sign_in(client, world.member)
    response = _change(client, new2=NEW + "x")
    assert "new_password2" in response.context["form"].errors
    assert get_user_model().objects.get(pk=world.member.pk).check_password(PASSWORD)


def test_empty_fields_are_named(client, world):
    sign_in(client, world.member)
    body = _change(client, old="", new1="", new2="").content.decode()
    assert "Enter your current password" in body
    assert "Enter a new password" in body
    assert "Enter the new password again" in body
    assert "This field is required." not in body


def test_a_weak_new_password_is_refused(client, world):
    sign_in(client, world.member)
    response = _change(client, new1="password", new2="password")
    assert "new_password2" in response.context["form"].errors
    assert get_user_model().objects.get(pk=world.member.pk).check_password(PASSWORD)
