"""A journal entry posted after the session ended is kept, encrypted, for the same person to
find in the form after signing in again; nobody else gets it."""

import time

import pytest
from cryptography.fernet import InvalidToken
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from learning import drafts
from learning.audit.receivers import LAST_SEEN_KEY
from reflection.journal.crypto import journal_fernet
from reflection.journal.models import JournalEntry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

# About 11 kB of writing, as in the report that found the gap.
LONG_TEXT = " ".join(f"Reflection line {n} on what the board heard today." for n in range(220))
ENTRY = {"title": "After the session", "text": LONG_TEXT, "entry_date": "2026-12-01"}


def _sign_in(client, user, next_url):
    return client.post(
        f"{reverse('account_login')}?next={next_url}",
        {"username": user.email, "password": PASSWORD, "next": next_url},
        follow=True,
    )


def _idle_for_31_minutes(client):
    session = client.session
    session[LAST_SEEN_KEY] = int(timezone.now().timestamp()) - 31 * 60
    session.save()


def _post_after_timeout(client, user):
    _sign_in(client, user, reverse("member_home"))
    _idle_for_31_minutes(client)
    response = client.post(reverse("journal:create"), ENTRY)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    return response


def test_the_long_entry_comes_back_in_the_form_after_signing_in(client, world):
    assert len(LONG_TEXT.encode()) > 11_000
    _post_after_timeout(client, world.member)
    assert not JournalEntry.objects.exists()

    page = _sign_in(client, world.member, reverse("journal:create"))

    assert page.redirect_chain[-1][0] == reverse("journal:create")
    content = page.content.decode()
    assert LONG_TEXT in content
    assert 'value="After the session"' in content
    assert "We have put back what you typed" in content


def test_the_kept_text_is_given_back_once_and_sends_as_a_normal_entry(client, world):
    _post_after_timeout(client, world.member)
    _sign_in(client, world.member, reverse("journal:create"))
    assert LONG_TEXT not in client.get(reverse("journal:create")).content.decode()
    client.post(reverse("journal:create"), ENTRY)
    assert JournalEntry.objects.get().text == LONG_TEXT


def test_someone_else_signing_in_on_the_same_browser_does_not_get_it(client, world):
    _post_after_timeout(client, world.member)
    client.post(reverse("account_logout"))

    other = _sign_in(client, world.other_member, reverse("journal:create"))
    assert LONG_TEXT not in other.content.decode()
    client.post(reverse("account_logout"))

    # Still kept for its writer.
    mine = _sign_in(client, world.member, reverse("journal:create"))
    assert LONG_TEXT in mine.content.decode()


def test_a_post_after_the_session_is_gone_is_kept_through_the_signed_cookie(client, world):
    _sign_in(client, world.member, reverse("member_home"))
    assert drafts.PERSON_COOKIE in client.cookies
    client.cookies.pop("sessionid")  # the browser closed, or the session was cleared

    response = client.post(reverse("journal:create"), ENTRY)
    assert response["Location"].startswith(reverse("account_login"))
    page = _sign_in(client, world.member, reverse("journal:create"))
    assert LONG_TEXT in page.content.decode()


def test_a_made_up_person_cookie_keeps_nothing(client, world):
    client.cookies[drafts.PERSON_COOKIE] = str(world.member.pk)  # not signed
    client.post(reverse("journal:create"), ENTRY)
    page = _sign_in(client, world.member, reverse("journal:create"))
    assert page.redirect_chain[-1][0] == reverse("journal:create")  # the journal's form...
    assert 'name="text"' in page.content.decode()
    assert LONG_TEXT not in page.content.decode()  # ...without the text


def test_a_cross_site_post_without_the_csrf_token_keeps_nothing(world):
    signed_in = Client()
    _sign_in(signed_in, world.member, reverse("member_home"))
    browser = Client(enforce_csrf_checks=True)
    browser.cookies = signed_in.cookies  # the person's own browser, signed in, then idle
    assert "_auth_user_id" in browser.session
    _idle_for_31_minutes(browser)
    browser.post(reverse("journal:create"), ENTRY)  # no csrfmiddlewaretoken
    page = _sign_in(Client(), world.member, reverse("journal:create"))
    assert page.redirect_chain[-1][0] == reverse("journal:create")  # the journal's form...
    assert 'name="text"' in page.content.decode()
    assert LONG_TEXT not in page.content.decode()  # ...without the text


def _kept(user, path):
    return cache.get(drafts._key(user.pk, path))


def test_the_text_is_kept_encrypted_and_only_for_fifteen_minutes(client, world):
    _post_after_timeout(client, world.member)
    token = _kept(world.member, reverse("journal:create"))
    assert isinstance(token, bytes)
    assert b"Reflection line 10" not in token
    assert LONG_TEXT in journal_fernet().decrypt(token, ttl=drafts.KEEP_SECONDS).decode()
    with pytest.raises(InvalidToken):  # a copy outliving the cache's expiry is refused too
        journal_fernet().decrypt_at_time(
            token, ttl=drafts.KEEP_SECONDS, current_time=int(time.time()) + 16 * 60
        )


def test_a_form_whose_page_does_not_put_text_back_is_not_kept_or_promised(client, world):
    _sign_in(client, world.member, reverse("member_home"))
    _idle_for_31_minutes(client)
    response = client.post(
        reverse("account_email_change"), {"email": "new@trust.nhs.uk"}, follow=True
    )
    assert "we have kept what you typed" not in response.content.decode()
    assert _kept(world.member, reverse("account_email_change")) is None
