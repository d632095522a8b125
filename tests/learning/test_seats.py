"""Seats on a board: who may appoint whom, a second chair confirmed, roles changed and seats
ended through one service with an audit event (the board's members page, invitations and the
Wagtail admin alike), and a change of chair that tells members before the new chair sees what
they shared with the chair."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learning.audit.models import AuditEvent
from learning.invitations.models import Invitation
from learning.models import Membership, Role
from learning.services import seat_appoint, seat_change_role
from tests.conftest import sign_in
from tests.factories import UserFactory
from tests.plans.factories import CommitmentFactory


def _seat(world, user):
    return world.membership(user)


def _change(client, world, user, role, **extra):
    url = reverse("development:member_change", args=[world.board_a.pk, _seat(world, user).pk])
    return client.post(url, {"role": role, **extra})


def _invite(client, board, role, **extra):
    data = {"email": "new@trust.nhs.uk", "first_name": "N", "last_name": "Ew", "role": role}
    return client.post(reverse("development:invitation_list", args=[board.pk]), data | extra)


def test_the_chair_reaches_invitations_and_the_members_page(world, signed_in):
    client = signed_in(world.chair)
    for name in ("invitation_list", "member_list", "invitation_template"):
        assert (
            client.get(reverse(f"development:{name}", args=[world.board_a.pk])).status_code == 200
        )
        assert (
            client.get(reverse(f"development:{name}", args=[world.board_b.pk])).status_code == 404
        )
    page = client.get(reverse("development:member_list", args=[world.board_a.pk])).content
    assert b"Maya Member" in page and b"Non-executive director" in page


def test_a_second_chair_by_invitation_needs_the_box_ticked_and_names_the_chair(
    world, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(world.chair)
    response = _invite(client, world.board_a, Role.CHAIR)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Charles Chair is the board&#x27;s chair now" in page
    assert 'value="new@trust.nhs.uk"' in page  # nothing typed is lost
    assert not Invitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert _invite(client, world.board_a, Role.CHAIR, confirm="on").status_code == 302
    assert Invitation.objects.get().role == Role.CHAIR


def test_a_csv_cannot_appoint_a_second_chair(world):
    from django.core.exceptions import ValidationError

    from learning.invitations.services import invitations_import
    from learning.invitations.upload import InvitationRow

    row = InvitationRow(line=2, email="x@trust.nhs.uk", first_name="X", last_name="Y", role="chair")
    with pytest.raises(ValidationError, match="already has a chair"):
        invitations_import(board=world.board_a, rows=[row], invited_by=world.chair)
    assert not Invitation.objects.exists()


def test_the_facilitator_changes_a_members_role_with_an_audit_event(world, signed_in):
    client = signed_in(world.facilitator)
    response = _change(client, world, world.member, Role.EXECUTIVE_DIRECTOR)
    assert response.status_code == 302
    assert _seat(world, world.member).role == Role.EXECUTIVE_DIRECTOR
    event = AuditEvent.objects.get(action=AuditEvent.Action.ROLE_CHANGED)
    assert (event.actor, event.subject_user) == (world.facilitator, world.member)


def test_the_facilitator_cannot_make_a_chair_or_touch_the_chairs_seat(world, signed_in):
    client = signed_in(world.facilitator)
    response = _change(client, world, world.member, Role.CHAIR, confirm="on")
    assert response.status_code == 200
    assert "can appoint a chair or chief executive" in response.content.decode()
    response = _change(client, world, world.chair, Role.GOVERNOR)
    assert "can change or end the seat of a chair" in response.content.decode()
    end = reverse("development:member_end", args=[world.board_a.pk, _seat(world, world.chair).pk])
    client.post(end)
    assert _seat(world, world.chair).role == Role.CHAIR and _seat(world, world.chair).is_active
    assert not AuditEvent.objects.filter(action__in=["role_changed", "seat_ended"]).exists()


def test_a_second_chair_by_role_change_needs_confirming(world, signed_in):
    client = signed_in(world.chair)
    response = _change(client, world, world.member, Role.CHAIR)
    assert "Charles Chair is the board&#x27;s chair now" in response.content.decode()
    assert _seat(world, world.member).role == Role.NON_EXECUTIVE_DIRECTOR
    assert _change(client, world, world.member, Role.CHAIR, confirm="on").status_code == 302
    assert _seat(world, world.member).role == Role.CHAIR


def test_ending_a_seat_is_audited_and_takes_effect_on_the_next_request(world, signed_in, client):
    leader = signed_in(world.facilitator)
    seat = _seat(world, world.member)
    end = reverse("development:member_end", args=[world.board_a.pk, seat.pk])
    assert leader.get(end).status_code == 200
    assert leader.post(end).status_code == 302
    seat.refresh_from_db()
    assert not seat.is_active
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.SEAT_ENDED, subject_user=world.member, actor=world.facilitator
    ).exists()
    assert leader.post(end).status_code == 404  # no longer a seat on the board


@pytest.mark.parametrize("persona", ["member", "other_chair", "editor"])
def test_outsiders_get_404_on_the_members_pages(world, signed_in, persona):
    client = signed_in(world.persona(persona))
    seat = _seat(world, world.other_member)
    for url in (
        reverse("development:member_list", args=[world.board_a.pk]),
        reverse("development:member_change", args=[world.board_a.pk, seat.pk]),
        reverse("development:member_end", args=[world.board_a.pk, seat.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"role": Role.GOVERNOR}).status_code == 404
    assert _seat(world, world.other_member).role == Role.EXECUTIVE_DIRECTOR


def test_a_seat_on_another_board_is_404_to_a_leader(world, signed_in):
    other = Membership.objects.get(user=world.other_chair)
    url = reverse("development:member_change", args=[world.board_a.pk, other.pk])
    assert signed_in(world.chair).get(url).status_code == 404


# A change of chair


def _commitment_url(commitment):
    return reverse("plans:commitment_detail", args=[commitment.pk])


def test_a_new_chair_sees_shared_commitments_only_after_members_were_told(
    world, client, django_capture_on_commit_callbacks
):
    shared = CommitmentFactory(owner=_seat(world, world.member), title="Mentor two people")
    newcomer = UserFactory(first_name="Nia", last_name="New")
    with django_capture_on_commit_callbacks(execute=True):
        seat_appoint(
            user=newcomer, board=world.board_a, role=Role.CHAIR, by=world.chair, confirmed=True
        )
    told = [m for m in mail.outbox if "has a new chair" in m.subject]
    assert [m.to[0] for m in told] == [world.member.email]
    assert "Nia New" in told[0].body and "stop sharing" in told[0].body

    new_chair = sign_in(client, newcomer)
    assert new_chair.get(_commitment_url(shared)).status_code == 404
    csv = new_chair.get(reverse("dashboard:commitments_csv", args=[world.board_a.pk]))
    assert b"Mentor two people" not in csv.content
    plans = new_chair.get(reverse("plans:board_plans", args=[world.board_a.pk]))
    assert b"Mentor two people" not in plans.content

    # Something shared after the change goes to the chair it was shared with.
    later = CommitmentFactory(owner=_seat(world, world.other_member), title="Chair a network")
    assert new_chair.get(_commitment_url(later)).status_code == 200

    # When the notice ends the new chair sees the earlier one too.
    Membership.objects.filter(user=newcomer).update(chair_since=timezone.now() - timedelta(days=8))
    assert new_chair.get(_commitment_url(shared)).status_code == 200


def test_the_former_chair_loses_sight_at_once(world, signed_in):
    shared = CommitmentFactory(owner=_seat(world, world.member))
    former = signed_in(world.chair)
    assert former.get(_commitment_url(shared)).status_code == 200
    seat_change_role(
        membership=_seat(world, world.chair), role=Role.NON_EXECUTIVE_DIRECTOR, by=world.chair
    )
    assert former.get(_commitment_url(shared)).status_code == 404
    csv = former.get(reverse("dashboard:commitments_csv", args=[world.board_a.pk]))
    assert csv.status_code == 404


def test_a_member_who_withdraws_is_never_seen_by_the_new_chair(world, client):
    shared = CommitmentFactory(owner=_seat(world, world.member))
    newcomer = UserFactory()
    seat_appoint(
        user=newcomer, board=world.board_a, role=Role.CHAIR, by=world.chair, confirmed=True
    )
    sign_in(client, world.member).post(
        reverse("plans:commitment_share", args=[shared.pk]), {"share": ""}
    )
    shared.refresh_from_db()
    assert shared.shared_at is None
    Membership.objects.filter(user=newcomer).update(chair_since=timezone.now() - timedelta(days=8))
    assert sign_in(client, newcomer).get(_commitment_url(shared)).status_code == 404


# The Wagtail admin goes through the same service


def _admin_edit(client, seat, **data):
    url = reverse("membership:edit", args=[seat.pk])
    return client.post(url, {"role": seat.role, "is_active": "on", **data})


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_the_admin_asks_for_a_second_chair_and_audits_the_change(world, client, staff):
    admin = sign_in(client, staff)
    seat = _seat(world, world.member)
    response = _admin_edit(admin, seat, role=Role.CHAIR)
    assert response.status_code == 200
    assert "Charles Chair is the board&#x27;s chair now" in response.content.decode()
    seat.refresh_from_db()
    assert seat.role == Role.NON_EXECUTIVE_DIRECTOR
    response = _admin_edit(admin, seat, role=Role.CHAIR, confirm="on")
    assert response.status_code == 302
    seat.refresh_from_db()
    assert seat.role == Role.CHAIR and seat.chair_since is not None
    event = AuditEvent.objects.get(action=AuditEvent.Action.ROLE_CHANGED)
    assert (event.actor, event.subject_user) == (staff, world.member)


def test_the_admin_ends_a_seat_through_the_service(world, client, staff):
    seat = _seat(world, world.other_member)
    response = sign_in(client, staff).post(
        reverse("membership:edit", args=[seat.pk]),
        {"role": seat.role},
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    assert not seat.is_active
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SEAT_ENDED).count() == 1


def test_the_members_page_runs_the_same_queries_however_many_sit_on_the_board(world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import MembershipFactory

    leader = sign_in(client, world.chair)
    url = reverse("development:member_list", args=[world.board_a.pk])
    leader.get(url)  # warm the session and the navigation's caches

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert leader.get(url).status_code == 200
        return len(queries)

    few = count()
    MembershipFactory.create_batch(20, board=world.board_a, role=Role.GOVERNOR)
    assert count() == few


def test_a_new_chair_waits_for_self_assessment_results_shared_before_too(
    world, client, django_capture_on_commit_callbacks
):
    from tests.assessment.factories import instruments, submitted

    ci, _ = instruments()
    response = submitted(world.member, board=world.board_a, instrument=ci)
    response.shared_at = timezone.now()
    response.save(update_fields=["shared_at"])
    newcomer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        seat_appoint(
            user=newcomer, board=world.board_a, role=Role.CHAIR, by=world.chair, confirmed=True
        )
    told = [m for m in mail.outbox if "has a new chair" in m.subject]
    assert [m.to[0] for m in told] == [world.member.email]
    new_chair = sign_in(client, newcomer)
    result = reverse("assessment:result", args=[response.pk])
    assert new_chair.get(result).status_code == 404
    shared = new_chair.get(reverse("assessment:shared", args=[world.board_a.pk]))
    assert world.member.get_full_name() not in shared.content.decode()
    Membership.objects.filter(user=newcomer).update(chair_since=timezone.now() - timedelta(days=8))
    assert new_chair.get(result).status_code == 200
