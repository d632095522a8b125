"""Inviting people one at a time or by CSV; resending and withdrawing invitations."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning.invitations.models import Invitation
from learning.invitations.upload import parse_invitations_csv
from learning.models import Role
from tests.factories import InvitationFactory

HEADER = "email,first_name,last_name,role\n"


def _upload(client, board, text: str | bytes, capture, name="people.csv"):
    data = text.encode() if isinstance(text, str) else text
    with capture(execute=True):
        return client.post(
            reverse("development:invitation_upload", args=[board.pk]),
            {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
        )


def _rows(count):
    return "".join(
        f"person{n}@trust.nhs.uk,Alex,Person{n},Non-executive director\n" for n in range(count)
    )


def test_it_invites_one_person_by_email_with_the_accept_link(
    world, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(world.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("development:invitation_list", args=[world.board_a.pk]),
            {
                "email": "New.Person@Trust.nhs.uk",
                "first_name": "Nia",
                "last_name": "Person",
                "role": Role.GOVERNOR,
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@trust.nhs.uk"
    assert invitation.invited_by == world.facilitator
    [message] = mail.outbox
    assert message.to == ["new.person@trust.nhs.uk"]
    assert f"/invitations/{invitation.token}/" in message.body
    assert f"/invitations/{invitation.token}/" in message.alternatives[0][0]


def test_it_will_not_invite_someone_already_on_the_board(world, signed_in):
    response = signed_in(world.facilitator).post(
        reverse("development:invitation_list", args=[world.board_a.pk]),
        {"email": world.member.email, "first_name": "M", "last_name": "M", "role": Role.GOVERNOR},
    )
    assert "already a member of this board" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_good_csv_invites_everyone(world, signed_in, django_capture_on_commit_callbacks):
    client = signed_in(world.facilitator)
    text = HEADER + _rows(3) + "exec@trust.nhs.uk,Kim,Exec,executive_director\n"
    response = _upload(client, world.board_a, text, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Invitation.objects.filter(board=world.board_a).count() == 4
    assert Invitation.objects.get(email="exec@trust.nhs.uk").role == Role.EXECUTIVE_DIRECTOR
    assert len(mail.outbox) == 4


def _invite(client, board, **fields):
    person = {"email": "new@trust.nhs.uk", "first_name": "Nia", "last_name": "New", **fields}
    return client.post(reverse("development:invitation_list", args=[board.pk]), person)


def test_the_role_has_no_default_and_an_invitation_without_one_is_refused(world, signed_in):
    client = signed_in(world.facilitator)
    page = client.get(reverse("development:invitation_list", args=[world.board_a.pk]))
    html = page.content.decode()
    assert '<option value="" selected>Choose a role</option>' in html
    assert "selected>Chair<" not in html

    response = _invite(client, world.board_a)
    assert response.status_code == 200
    assert "Choose the role this person will have on the board" in response.content.decode()
    assert 'value="new@trust.nhs.uk"' in response.content.decode()  # nothing typed is lost
    assert not Invitation.objects.exists()


def test_a_facilitator_cannot_appoint_a_chair_or_chief_executive(world, signed_in):
    client = signed_in(world.facilitator)
    for role in (Role.CHAIR, Role.CHIEF_EXECUTIVE):
        response = _invite(client, world.board_a, role=role)
        assert response.status_code == 200
        assert "can appoint a chair or chief executive" in response.content.decode()
    assert not Invitation.objects.exists()
    assert _invite(client, world.board_a, role=Role.GOVERNOR).status_code == 302
    assert Invitation.objects.get().role == Role.GOVERNOR


def test_a_csv_that_appoints_a_chair_invites_nobody(
    world, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(world.facilitator)
    text = HEADER + _rows(2) + "boss@trust.nhs.uk,Kim,Boss,chair\n"
    response = _upload(client, world.board_a, text, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Row 4 (boss@trust.nhs.uk)" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_board_chair_and_staff_may_appoint_to_the_senior_seats(world):
    from learning.invitations.services import invitation_create
    from learning.permissions import user_can_appoint

    assert user_can_appoint(world.chair, world.board_a, Role.CHAIR)
    assert not user_can_appoint(world.other_chair, world.board_a, Role.CHAIR)
    assert not user_can_appoint(world.facilitator, world.board_a, Role.CHIEF_EXECUTIVE)
    invitation = invitation_create(
        board=world.board_a,
        email="ceo@trust.nhs.uk",
        first_name="C",
        last_name="E",
        role=Role.CHIEF_EXECUTIVE,
        invited_by=world.chair,
    )
    assert invitation.role == Role.CHIEF_EXECUTIVE


def test_the_csv_template_has_the_columns_and_an_example_row(world, signed_in):
    response = signed_in(world.facilitator).get(
        reverse("development:invitation_template", args=[world.board_a.pk])
    )
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "email,first_name,last_name,role"
    assert lines[1].endswith(",non_executive_director")


def test_one_bad_row_among_fifty_imports_nothing_and_names_the_row(
    world, signed_in, django_capture_on_commit_callbacks
):
    lines = _rows(50).splitlines(keepends=True)
    lines[36] = "not-an-email,Alex,Person,Non-executive director\n"  # row 38 in a spreadsheet
    client = signed_in(world.facilitator)
    response = _upload(
        client, world.board_a, HEADER + "".join(lines), django_capture_on_commit_callbacks
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    assert not mail.outbox
    assert [problem.line for problem in response.context["problems"].shown] == [38]
    assert "Row 38" in content and "not a valid email address" in content


def test_the_report_names_every_kind_of_bad_row(
    world, signed_in, django_capture_on_commit_callbacks
):
    InvitationFactory(board=world.board_a, email="waiting@trust.nhs.uk")
    text = (
        HEADER
        + "ok@trust.nhs.uk,A,B,Governor\n"
        + "ok@trust.nhs.uk,A,B,Governor\n"
        + "c@trust.nhs.uk,C,D,Director of vibes\n"
        + f"{world.member.email},Maya,Member,Chair\n"
        + "waiting@trust.nhs.uk,W,X,Governor\n"
    )
    client = signed_in(world.facilitator)
    response = _upload(client, world.board_a, text, django_capture_on_commit_callbacks)
    problems = {p.line: " ".join(p.reasons) for p in response.context["problems"].shown}
    assert "also on row 2" in problems[3]
    assert "'Director of vibes' is not a role we know" in problems[4]
    assert "already a member" in problems[5]
    assert "already invited" in problems[6]
    assert 2 not in problems
    assert Invitation.objects.count() == 1


def test_a_file_of_bad_rows_lists_the_first_fifty_and_counts_the_rest(
    world, signed_in, django_capture_on_commit_callbacks
):
    text = HEADER + "".join(f"bad{n},Alex,Person,Non-executive director\n" for n in range(120))
    response = _upload(
        signed_in(world.facilitator), world.board_a, text, django_capture_on_commit_callbacks
    )
    content = response.content.decode()
    assert [problem.line for problem in response.context["problems"].shown] == list(range(2, 52))
    assert "120 rows have problems" in content
    assert "70 more rows with problems are not listed here" in content
    assert "Row 51:" in content and "Row 52:" not in content
    assert not Invitation.objects.exists()


def test_a_file_of_more_than_500_people_is_refused_whole(
    world, signed_in, django_capture_on_commit_callbacks
):
    response = _upload(
        signed_in(world.facilitator),
        world.board_a,
        HEADER + _rows(501),
        django_capture_on_commit_callbacks,
    )
    assert "more than 500 people in it" in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_a_file_of_500_people_is_read_in_full(world):
    data = (HEADER + _rows(500) + "\n\n").encode()  # blank rows do not count
    rows, problems = parse_invitations_csv(SimpleUploadedFile("people.csv", data), world.board_a)
    assert len(rows) == 500
    assert problems == []


def test_a_file_over_1mb_is_refused_with_a_clear_message(
    world, signed_in, django_capture_on_commit_callbacks
):
    text = HEADER + "x" * (1024 * 1024)
    response = _upload(
        signed_in(world.facilitator), world.board_a, text, django_capture_on_commit_callbacks
    )
    assert "larger than 1 MB" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_file_not_in_utf8_is_refused_with_a_clear_message(
    world, signed_in, django_capture_on_commit_callbacks
):
    data = (HEADER + "jo@trust.nhs.uk,Zoë,Brontë,Governor\n").encode("latin-1")
    response = _upload(
        signed_in(world.facilitator), world.board_a, data, django_capture_on_commit_callbacks
    )
    assert "not in UTF-8" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_file_missing_columns_is_refused_with_a_clear_message(
    world, signed_in, django_capture_on_commit_callbacks
):
    text = "email,name\njo@trust.nhs.uk,Jo\n"
    response = _upload(
        signed_in(world.facilitator), world.board_a, text, django_capture_on_commit_callbacks
    )
    assert "Missing: first_name, last_name, role." in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_spreadsheet_style_header_and_bom_are_accepted(
    world, signed_in, django_capture_on_commit_callbacks
):
    text = "\ufeffEmail,First name,Last name,Role\njo@trust.nhs.uk,Jo,Bloggs,governor\n"
    response = _upload(
        signed_in(world.facilitator), world.board_a, text, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert Invitation.objects.get().email == "jo@trust.nhs.uk"


def test_resend_extends_the_invitation_and_emails_it_again_once(
    world, signed_in, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(board=world.board_a)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.created_at)
    client = signed_in(world.facilitator)
    url = reverse("development:invitation_resend", args=[invitation.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        client.post(url)  # a double click
    invitation.refresh_from_db()
    assert invitation.state == "pending"
    assert len(mail.outbox) == 1


def test_a_revoked_invitation_cannot_be_accepted(world, signed_in, client):
    invitation = InvitationFactory(board=world.board_a)
    signed_in(world.facilitator).post(
        reverse("development:invitation_revoke", args=[invitation.pk])
    )
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    client.logout()
    response = client.get(reverse("invitation_accept", args=[invitation.token]))
    assert response.status_code == 410


def test_the_list_shows_who_has_accepted(world, signed_in):
    InvitationFactory(board=world.board_a, email="took@trust.nhs.uk", accepted_by=world.member)
    Invitation.objects.filter(email="took@trust.nhs.uk").update(
        accepted_at=world.member.date_joined
    )
    response = signed_in(world.facilitator).get(
        reverse("development:invitation_list", args=[world.board_a.pk])
    )
    content = response.content.decode()
    assert "took@trust.nhs.uk" in content and "Accepted" in content


def test_a_facilitator_cannot_touch_another_boards_invitations(world, signed_in):
    invitation = InvitationFactory(board=world.board_b)
    client = signed_in(world.facilitator)
    assert (
        client.post(reverse("development:invitation_revoke", args=[invitation.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("development:invitation_resend", args=[invitation.pk])).status_code
        == 404
    )
    invitation.refresh_from_db()
    assert invitation.state == "pending"
