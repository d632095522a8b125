"""Moving, cancelling and deleting a session; its calendar file; attendance shown back."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from learning.development import services
from learning.development.dates import london
from learning.development.models import Attendance, DevelopmentSession
from tests.development.factories import SessionFactory, in_days


def _form(session, **overrides):
    starts = london(session.starts_at)
    data = {
        "title": session.title,
        "date": starts.date().isoformat(),
        "start_time": starts.strftime("%H:%M"),
        "duration_minutes": str(session.duration_minutes),
        "location": session.location,
        "online_link": "",
        "agenda": "",
    }
    return {**data, **overrides}


def _event(payload: bytes):
    calendar = Calendar.from_ical(payload)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def _ics(message):
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return attachment[1] if isinstance(attachment[1], bytes) else attachment[1].encode()


@pytest.mark.parametrize("days", [-1, 2 * 365 + 2])
def test_it_refuses_a_date_outside_today_to_two_years(world, signed_in, days):
    client = signed_in(world.facilitator)
    data = _form(SessionFactory.build(starts_at=in_days(days)))
    response = client.post(reverse("development:session_create", args=[world.board_a.pk]), data)
    assert response.status_code == 200
    assert "nhsuk-error-message" in response.content.decode()
    assert not DevelopmentSession.objects.exists()


def test_the_service_refuses_the_year_9999(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.session_create(
            board=world.board_a, title="Far", starts_at=in_days(14).replace(year=9999)
        )


def test_moving_a_session_emails_members_an_updated_calendar_file(
    world, session, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(world.facilitator)
    first_uid = _event(
        client.get(reverse("development:session_calendar", args=[session.pk])).content
    )[1]["uid"]
    new_day = (london(session.starts_at) + timedelta(days=3)).date().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("development:session_edit", args=[session.pk]), _form(session, date=new_day)
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 1
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {world.member.email, world.other_member.email, world.chair.email}
    calendar, event = _event(_ics(mail.outbox[0]))
    assert event["uid"] == first_uid
    assert int(event["sequence"]) == 1
    assert event.decoded("dtstart").date().isoformat() == new_day
    assert "updated calendar file" in mail.outbox[0].body


def test_saving_the_same_details_twice_sends_nothing_more(
    world, session, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(world.facilitator)
    new_day = (london(session.starts_at) + timedelta(days=3)).date().isoformat()
    url = reverse("development:session_edit", args=[session.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, _form(session, date=new_day))
        session.refresh_from_db()
        client.post(url, _form(session))
    session.refresh_from_db()
    assert session.sequence == 1
    assert len(mail.outbox) == 3


def test_cancelling_keeps_the_session_and_sends_a_cancelling_calendar_file(
    world, session, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(world.facilitator)
    url = reverse("development:session_cancel", args=[session.pk])
    assert "Cancel the session" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
        client.post(url)  # a double submit
    session.refresh_from_db()
    assert session.is_cancelled
    assert len(mail.outbox) == 3
    calendar, event = _event(_ics(mail.outbox[0]))
    assert calendar["method"] == "CANCEL"
    assert event["status"] == "CANCELLED"
    assert int(event["sequence"]) == 1
    page = client.get(reverse("development:session_detail", args=[session.pk])).content.decode()
    assert "Cancelled" in page
    listing = client.get(reverse("development:session_list")).content.decode()
    assert session.title in listing and "Cancelled" in listing


def test_a_cancelled_session_cannot_be_moved(world, session, signed_in):
    services.session_cancel(session=session)
    client = signed_in(world.facilitator)
    response = client.post(
        reverse("development:session_edit", args=[session.pk]), _form(session, title="New")
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title != "New"


def test_the_calendar_file_has_an_alarm_a_day_before(world, session, signed_in):
    client = signed_in(world.member)
    _calendar, event = _event(
        client.get(reverse("development:session_calendar", args=[session.pk])).content
    )
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(days=1)
    assert int(event["sequence"]) == 0


def test_it_deletes_a_session_after_confirmation(world, session, signed_in):
    client = signed_in(world.facilitator)
    url = reverse("development:session_delete", args=[session.pk])
    assert "Delete the session" in client.get(url).content.decode()
    assert DevelopmentSession.objects.filter(pk=session.pk).exists()
    assert client.post(url).url == reverse("development:session_list")
    assert not DevelopmentSession.objects.filter(pk=session.pk).exists()


def test_it_does_not_delete_a_session_with_attendance(world, signed_in):
    past = SessionFactory(board=world.board_a, starts_at=in_days(-2))
    Attendance.objects.create(session=past, user=world.member, attended=True)
    client = signed_in(world.facilitator)
    client.post(reverse("development:session_delete", args=[past.pk]))
    assert DevelopmentSession.objects.filter(pk=past.pk).exists()


def test_a_facilitator_of_another_board_cannot_cancel_or_delete(world, signed_in):
    theirs = SessionFactory(board=world.board_b)
    client = signed_in(world.facilitator)
    assert client.post(reverse("development:session_cancel", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("development:session_delete", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert not theirs.is_cancelled


def test_attendance_shows_on_the_page_the_list_and_the_csv(world, signed_in):
    past = SessionFactory(board=world.board_a, starts_at=in_days(-2))
    services.attendance_record(
        session=past, attended_user_ids={world.member.pk}, recorded_by=world.facilitator
    )
    client = signed_in(world.facilitator)
    page = client.get(reverse("development:session_detail", args=[past.pk])).content.decode()
    assert "1 of 3 members came" in page
    listing = client.get(reverse("development:session_list")).content.decode()
    assert "1 of 3" in listing
    csv = client.get(reverse("development:session_csv", args=[past.pk])).content.decode()
    assert "Came to the session" in csv.splitlines()[0]


def test_a_past_session_shows_the_readiness_kept_at_its_start(world, signed_in):
    from learning.development.models import ReadinessSnapshot

    past = SessionFactory(board=world.board_a, starts_at=in_days(-2))
    from tests.development.factories import assign, module_page

    assign(past, module_page("Structural racism"), due_date=london(past.starts_at).date())
    ReadinessSnapshot.objects.create(session=past, member_count=11, ready_count=8)
    client = signed_in(world.facilitator)
    page = client.get(reverse("development:session_detail", args=[past.pk])).content.decode()
    assert "When the session started, 8 of 11 members were ready." in page
    assert "0 of 3 members ready" not in page
