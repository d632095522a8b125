"""A member deletes their own account: told first what goes and what the board keeps, then
erased after their password; staff and editors cannot, and a wrong password changes nothing."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from learning.audit.models import AuditEvent
from reflection.assessment.models import Response
from tests.assessment.factories import instruments, make_round, submitted
from tests.conftest import sign_in
from tests.factories import PASSWORD

User = get_user_model()
URL = reverse("account_erase")


def test_the_page_says_what_the_board_keeps_before_anything_is_deleted(client, world):
    sign_in(client, world.member)
    text = client.get(URL).content.decode()
    assert "What the board keeps" in text
    assert "your answers in self-assessment rounds that have closed stay inside" in text
    assert "with no link to you" in text
    assert "Counts for open rounds and the next session will no longer include you." in text
    assert 'name="password"' in text
    assert User.objects.filter(pk=world.member.pk).exists()


def test_the_data_page_links_to_it(client, world):
    sign_in(client, world.member)
    assert f'href="{URL}"' in client.get(reverse("account_my_data")).content.decode()


def test_a_wrong_password_changes_nothing(client, world):
    sign_in(client, world.member)
    response = client.post(URL, {"password": "not it"})
    assert response.status_code == 200
    assert "The password is not right." in response.content.decode()
    assert User.objects.filter(pk=world.member.pk).exists()
    assert not AuditEvent.objects.filter(action="person_erased").exists()


def test_the_right_password_erases_the_account_and_keeps_closed_round_answers(client, world):
    profile, _position = instruments()
    closed = make_round(world.board_a, profile)
    submitted(world.member, round=closed)
    pk = world.member.pk
    sign_in(client, world.member)
    response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_erased")
    assert not User.objects.filter(pk=pk).exists()
    assert Response.objects.filter(round=closed, user__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action="person_erased", target=f"learning.user:{pk}").exists()
    # signed out: a second post is sent to sign in and erases nothing more
    again = client.post(URL, {"password": PASSWORD})
    assert again.status_code == 302
    assert again["Location"].startswith(reverse("account_login"))


def test_an_editor_is_told_to_ask_an_administrator_and_cannot_post(client, world):
    sign_in(client, world.editor)
    text = client.get(URL).content.decode()
    assert "Ask another administrator to remove it." in text
    assert 'name="password"' not in text
    assert client.post(URL, {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=world.editor.pk).exists()
