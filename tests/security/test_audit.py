"""The audit log: what it records, that it holds no content, and who can read it."""

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from tests.conftest import sign_in
from tests.factories import PASSWORD, UserFactory


def test_it_records_who_did_what_to_whose_record_and_from_where(world):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    membership = world.membership(world.member)
    event = audit_record(
        actor=world.chair,
        action=AuditEvent.Action.PERSONAL_DATA_VIEWED,
        subject_user=world.member,
        target=membership,
        request=request,
    )
    event.refresh_from_db()
    assert event.actor == world.chair
    assert event.subject_user == world.member
    assert event.target == f"learning.membership:{membership.pk}"
    assert event.ip_address == "192.0.2.7"


def test_it_refuses_an_action_it_does_not_know(world):
    with pytest.raises(ValidationError):
        audit_record(actor=world.chair, action="read_the_journal")


def test_it_has_no_field_that_could_hold_what_people_wrote():
    fields = {field.name for field in AuditEvent._meta.get_fields()}
    assert fields == {"id", "at", "actor", "action", "subject_user", "target", "ip_address"}
    assert AuditEvent._meta.get_field("target").max_length == 200


def test_sign_in_and_sign_out_are_recorded(client, world):
    client.post(reverse("account_login"), {"username": world.member.email, "password": PASSWORD})
    client.post(reverse("account_logout"))
    actions = list(
        AuditEvent.objects.filter(subject_user=world.member)
        .order_by("at", "pk")
        .values_list("action", flat=True)
    )
    assert actions == ["sign_in", "sign_out"]


def test_superusers_can_read_the_log_in_the_wagtail_admin(client, world):
    audit_record(actor=world.chair, action="pdf_downloaded", subject_user=world.member)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    sign_in(client, superuser)
    index = client.get("/admin/audit_log/")
    assert index.status_code == 200
    assert "PDF downloaded" in index.content.decode()
    event = AuditEvent.objects.filter(action="pdf_downloaded").get()
    assert client.get(f"/admin/audit_log/inspect/{event.pk}/").status_code == 200


def test_editors_cannot_read_the_log(client, world):
    sign_in(client, world.editor)
    response = client.get("/admin/audit_log/")
    assert response.status_code != 200


def test_nobody_can_add_change_or_delete_entries_in_the_admin():
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"audit_log:{name}", args=[1] if name != "add" else [])


def test_pruning_deletes_old_entries_and_ended_sessions(world):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from learning.audit.models import UserSession

    old = audit_record(actor=world.chair, action="pdf_downloaded")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=731))
    recent = audit_record(actor=world.chair, action="pdf_downloaded")
    UserSession.objects.create(user=world.member, session_key="gone")
    call_command("prune_security_records")
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not UserSession.objects.filter(session_key="gone").exists()
