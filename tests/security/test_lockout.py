"""django-axes: 5 wrong passwords pause a username from one address for 30 minutes."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.urls import reverse

from learning.audit.models import AuditEvent
from learning.forms import SIGN_IN_REFUSED
from tests.conftest import sign_in
from tests.factories import PASSWORD, MembershipFactory, UserFactory

MESSAGE = "The email address or password is not right"


WRONG = "wrong-password"


def _try(client, email, password=WRONG, ip="10.0.0.1"):
    return client.post(
        reverse("account_login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def _fail_five_times(client, email, ip="10.0.0.1"):
    for _ in range(5):
        _try(client, email, ip=ip)


def test_the_right_password_is_refused_after_five_wrong_ones(client, world):
    _fail_five_times(client, world.member.email)
    response = _try(client, world.member.email, password=PASSWORD)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_paused_account_gets_exactly_the_wrong_password_page(client, world):
    wrong = _try(client, world.member.email).content.decode()
    _fail_five_times(client, world.member.email)
    paused = _try(client, world.member.email, password=PASSWORD)
    unknown = _try(client, "nobody@example.nhs.uk")
    assert str(SIGN_IN_REFUSED) in wrong
    assert str(SIGN_IN_REFUSED) in paused.content.decode()
    assert str(SIGN_IN_REFUSED) in unknown.content.decode()
    assert paused.status_code == unknown.status_code == 200


def test_an_unknown_account_is_paused_the_same_way(client, world):
    _fail_five_times(client, "nobody@example.nhs.uk")
    assert AccessAttempt.objects.filter(
        username="nobody@example.nhs.uk", failures_since_start__gte=5
    ).exists()


def test_the_pause_counts_capitals_as_the_same_address(client, world):
    for email in [world.member.email.upper(), world.member.email] * 3:
        _try(client, email)
    assert MESSAGE in _try(client, world.member.email, password=PASSWORD).content.decode()


def test_four_wrong_passwords_do_not_pause(client, world):
    for _ in range(4):
        _try(client, world.member.email)
    assert _try(client, world.member.email, password=PASSWORD).status_code == 302


def test_the_pause_is_for_one_address_only(client, world):
    _fail_five_times(client, world.member.email, ip="10.0.0.1")
    assert _try(client, world.member.email, password=PASSWORD, ip="10.0.0.2").status_code == 302


def test_the_pause_ends_after_30_minutes(client, world):
    _fail_five_times(client, world.member.email)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=31)
    )
    assert _try(client, world.member.email, password=PASSWORD).status_code == 302


def test_failures_and_the_pause_are_audited_without_what_was_typed(client, world):
    _fail_five_times(client, world.member.email)
    _try(client, "typed-a-password-here@example.nhs.uk")
    events = AuditEvent.objects.all()
    assert events.filter(action="locked_out", subject_user=world.member).exists()
    assert events.filter(action="sign_in_failed", subject_user=world.member).count() == 5
    assert not events.filter(target__icontains="typed").exists()


def test_a_facilitator_sees_and_lifts_a_pause_for_their_boards_member(client, world):
    _fail_five_times(client, world.member.email)
    sign_in(client, world.facilitator)
    page = client.get(reverse("account_sign_in_pauses"))
    assert world.member.email in page.content.decode()
    client.post(reverse("account_sign_in_pause_lift"), {"email": world.member.email})
    client.post(reverse("account_logout"))
    assert _try(client, world.member.email, password=PASSWORD).status_code == 302
    assert AuditEvent.objects.filter(
        action="unlocked", actor=world.facilitator, subject_user=world.member
    ).exists()


def test_a_facilitator_cannot_see_or_lift_another_boards_pause(client, world):
    _fail_five_times(client, world.other_chair.email)
    sign_in(client, world.facilitator)
    page = client.get(reverse("account_sign_in_pauses"))
    assert world.other_chair.email not in page.content.decode()
    response = client.post(
        reverse("account_sign_in_pause_lift"), {"email": world.other_chair.email}
    )
    assert response.status_code == 404
    assert AccessAttempt.objects.filter(username=world.other_chair.email).exists()


def test_members_and_chairs_cannot_reach_the_pauses_page(client, world):
    for user in (world.member, world.chair):
        sign_in(client, user)
        assert client.get(reverse("account_sign_in_pauses")).status_code == 404
        client.post(reverse("account_logout"))


def test_staff_can_lift_anyones_pause(client, world):
    staff = UserFactory(is_staff=True)
    _fail_five_times(client, world.other_chair.email)
    sign_in(client, staff)
    client.post(reverse("account_sign_in_pause_lift"), {"email": world.other_chair.email})
    assert not AccessAttempt.objects.filter(username=world.other_chair.email).exists()


def test_a_pause_on_an_address_with_no_account_is_not_listed(client, world):
    MembershipFactory(board=world.board_a)
    _fail_five_times(client, "nobody@example.nhs.uk")
    staff = UserFactory(is_staff=True)
    sign_in(client, staff)
    assert (
        "nobody@example.nhs.uk"
        not in client.get(reverse("account_sign_in_pauses")).content.decode()
    )
