"""Data rights: a member downloads everything held about them; staff can erase a person."""

import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse

from learning.audit.models import AuditEvent
from learning.audit.personal_data import INTERNAL_APP_PREFIXES, covered_labels, person_erase
from learning.audit.services import audit_record
from learning.models import Membership
from tests.conftest import sign_in
from tests.security.support import totp_device_for


def _models_linked_to_users():
    user_model = get_user_model()
    for model in apps.get_models():
        if model._meta.app_config.name.startswith(INTERNAL_APP_PREFIXES):
            continue
        for field in model._meta.get_fields():
            if (
                field.concrete
                and (field.many_to_one or field.one_to_one)
                and field.related_model is user_model
                and field.model is model  # fields inherited from Wagtail's Page are internal
            ):
                yield model._meta.label
                break


def test_every_model_that_links_to_a_person_is_in_the_export():
    covered = covered_labels()
    missing = sorted(set(_models_linked_to_users()) - covered)
    assert get_user_model()._meta.label in covered
    assert not missing, (
        "These models link to a user but no `boardready_personal_data` exporter covers them "
        f"(see learning/audit/personal_data.py): {missing}"
    )


def _download(client):
    response = client.get(reverse("account_my_data_download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(response.content)


def test_a_member_downloads_their_account_boards_and_security_events(client, world):
    sign_in(client, world.member)
    data = _download(client)
    sections = data["sections"]
    assert sections["Account"]["email"] == world.member.email
    assert [board["organisation"] for board in sections["Boards"]] == [
        "Alderley NHS Foundation Trust"
    ]
    assert any(event["event"] == "Signed in" for event in sections["Security events about you"])
    assert AuditEvent.objects.filter(
        action="own_data_downloaded", subject_user=world.member
    ).exists()


def test_the_download_holds_nothing_about_other_people(client, world):
    audit_record(actor=world.chair, action="personal_data_viewed", subject_user=world.member)
    sign_in(client, world.member)
    text = json.dumps(_download(client))
    assert world.member.email in text  # the real download, about the member...
    for other in (world.other_member, world.chair, world.facilitator):  # ...and nobody else
        assert other.email not in text
        assert other.last_name not in text


def test_the_download_never_holds_second_factor_secrets(client, world):
    device = totp_device_for(world.chair)
    sign_in(client, world.chair)
    data = _download(client)
    assert data["sections"]["Sign-in security"]["authenticator_app"] is True
    assert device.key not in json.dumps(data)


def test_only_signed_in_people_can_download(client, world):
    assert client.get(reverse("account_my_data_download")).status_code == 302


def test_erasing_a_person_deletes_their_account_seats_and_sessions(client, world):
    sign_in(client, world.member)
    key = client.session.session_key
    audit_record(actor=world.chair, action="personal_data_viewed", subject_user=world.member)
    pk = world.member.pk
    person_erase(user=world.member)
    assert not get_user_model().objects.filter(email=world.member.email).exists()
    assert not Membership.objects.filter(user_id=pk).exists()
    assert not Session.objects.filter(session_key=key).exists()
    viewed = AuditEvent.objects.get(action="personal_data_viewed")
    assert viewed.actor == world.chair and viewed.subject_user is None
    assert AuditEvent.objects.filter(action="person_erased", target=f"learning.user:{pk}").exists()


def test_the_erase_command_changes_nothing_without_confirm(world):
    pk = world.member.pk
    call_command("erase_person", world.member.email)
    assert get_user_model().objects.filter(pk=pk).exists()
    call_command("erase_person", world.member.email, "--confirm")
    assert not get_user_model().objects.filter(pk=pk).exists()


def test_the_erase_command_refuses_an_unknown_address(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("erase_person", "nobody@example.nhs.uk", "--confirm")
