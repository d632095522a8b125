"""The member's "My board development" section and the calendar file."""

from datetime import timedelta

from django.urls import reverse
from icalendar import Calendar

from learning.development.dates import london_today
from learning.development.models import Attendance
from tests.development.factories import SessionFactory, assign, in_days, make_progress


def test_home_lists_upcoming_sessions_with_the_checklist_and_overdue_items(
    world, modules, signed_in
):
    session = SessionFactory(board=world.board_a, title="Reading our data", starts_at=in_days(9))
    assign(session, modules[0], london_today() - timedelta(days=1))
    assign(session, modules[1])
    make_progress(world.member, modules[1], "reading")
    response = signed_in(world.member).get(reverse("member_home"))
    content = response.content.decode()
    assert "Reading our data" in content
    assert "Overdue" in content and "br-status-overdue" in content
    [entry] = [s for s in response.context["sections"] if "upcoming" in s][0]["upcoming"]
    assert [(item.status, item.overdue) for item in entry.items] == [
        ("not_started", True),
        ("reading", False),
    ]


def test_past_sessions_are_listed_below_with_attendance(world, signed_in):
    past = SessionFactory(
        board=world.board_a, title="Last spring's session", starts_at=in_days(-30)
    )
    Attendance.objects.create(session=past, user=world.member, attended=True)
    content = signed_in(world.member).get(reverse("member_home")).content.decode()
    assert "Past sessions" in content
    assert "Last spring&#x27;s session" in content and "you came" in content


def test_another_boards_sessions_are_not_shown(world, signed_in):
    SessionFactory(board=world.board_b, title="Brookfield only")
    SessionFactory(board=world.board_a, title="Alderley only", starts_at=in_days(5))
    content = signed_in(world.member).get(reverse("member_home")).content.decode()
    assert "Alderley only" in content  # the member's own board's session is listed...
    assert "Brookfield only" not in content  # ...and the other board's is not


def test_the_calendar_file_has_the_session_and_its_reading(world, session, modules, signed_in):
    assign(session, modules[0])
    response = signed_in(world.member).get(
        reverse("development:session_calendar", args=[session.pk])
    )
    assert response["Content-Type"] == "text/calendar"
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == session.title
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=2)
    assert "Structural racism" in str(event["description"])


def test_the_calendar_file_is_a_404_off_the_board(world, session, signed_in):
    response = signed_in(world.other_chair).get(
        reverse("development:session_calendar", args=[session.pk])
    )
    assert response.status_code == 404
