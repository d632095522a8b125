"""Planning a session and setting its reading."""

from datetime import timedelta

from django.urls import reverse

from learning.development.dates import default_due_date, london
from learning.development.models import Assignment, DevelopmentSession
from tests.development.factories import SessionFactory, assign, in_days, module_page


def _session_data(**overrides):
    day = in_days(20)
    data = {
        "title": "Reading our own data",
        "date": day.date().isoformat(),
        "start_time": "13:30",
        "duration_minutes": "120",
        "location": "Boardroom",
        "online_link": "",
        "agenda": "Welcome\nOur figures",
    }
    return {**data, **overrides}


def test_it_creates_a_session_at_london_time(world, signed_in):
    client = signed_in(world.facilitator)
    response = client.post(
        reverse("development:session_create", args=[world.board_a.pk]), _session_data()
    )
    session = DevelopmentSession.objects.get()
    assert response.url == reverse("development:session_detail", args=[session.pk])
    assert london(session.starts_at).strftime("%H:%M") == "13:30"
    assert session.board == world.board_a
    assert session.created_by == world.facilitator


def test_it_refuses_a_session_in_the_past(world, signed_in):
    client = signed_in(world.facilitator)
    data = _session_data(date=in_days(-1).date().isoformat())
    response = client.post(reverse("development:session_create", args=[world.board_a.pk]), data)
    assert response.status_code == 200
    assert "The date must be today or later." in response.content.decode()
    assert not DevelopmentSession.objects.exists()


def test_a_facilitator_of_another_board_cannot_create_a_session_on_it(world, signed_in):
    client = signed_in(world.facilitator)
    response = client.post(
        reverse("development:session_create", args=[world.board_b.pk]), _session_data()
    )
    assert response.status_code == 404
    assert not DevelopmentSession.objects.exists()


def test_the_due_date_defaults_to_two_working_days_before(world, session, modules, signed_in):
    client = signed_in(world.facilitator)
    response = client.get(reverse("development:assignment_add", args=[session.pk]))
    expected = default_due_date(session.starts_at).isoformat()
    assert f'value="{expected}"' in response.content.decode()


def test_it_sets_a_module_as_reading(world, session, modules, signed_in):
    client = signed_in(world.facilitator)
    due = default_due_date(session.starts_at)
    response = client.post(
        reverse("development:assignment_add", args=[session.pk]),
        {"module": modules[0].pk, "due_date": due.isoformat()},
    )
    assert response.status_code == 302
    assignment = session.assignments.get()
    assert (assignment.module, assignment.due_date) == (modules[0].specific, due)


def test_a_due_date_after_the_session_is_a_form_error(world, session, modules, signed_in):
    client = signed_in(world.facilitator)
    late = london(session.starts_at).date() + timedelta(days=1)
    response = client.post(
        reverse("development:assignment_add", args=[session.pk]),
        {"module": modules[0].pk, "due_date": late.isoformat()},
    )
    assert response.status_code == 200
    assert "must be on or before the day of the session" in response.content.decode()
    assert not Assignment.objects.exists()


def test_unpublished_modules_are_not_offered(world, session, modules, signed_in):
    draft = module_page("A draft module", live=False)
    client = signed_in(world.facilitator)
    response = client.get(reverse("development:assignment_add", args=[session.pk]))
    assert "A draft module" not in response.content.decode()
    response = client.post(
        reverse("development:assignment_add", args=[session.pk]),
        {"module": draft.pk, "due_date": default_due_date(session.starts_at).isoformat()},
    )
    assert response.status_code == 200
    assert not Assignment.objects.exists()


def test_it_changes_and_withdraws_an_assignment(world, session, modules, signed_in):
    assignment = assign(session, modules[0])
    client = signed_in(world.facilitator)
    earlier = assignment.due_date - timedelta(days=1)
    client.post(
        reverse("development:assignment_edit", args=[session.pk, assignment.pk]),
        {"due_date": earlier.isoformat()},
    )
    assignment.refresh_from_db()
    assert assignment.due_date == earlier
    url = reverse("development:assignment_withdraw", args=[session.pk, assignment.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # a double submit is harmless
    assert not Assignment.objects.exists()


def test_posting_to_another_boards_session_is_a_404(world, modules, signed_in):
    other = SessionFactory(board=world.board_b)
    assignment = assign(other, modules[0])
    client = signed_in(world.facilitator)
    withdraw = reverse("development:assignment_withdraw", args=[other.pk, assignment.pk])
    assert client.post(withdraw).status_code == 404
    add = reverse("development:assignment_add", args=[other.pk])
    assert client.post(add, {"module": modules[1].pk}).status_code == 404
    assert client.post(reverse("development:session_remind", args=[other.pk])).status_code == 404
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_moving_a_session_before_its_reading_is_due_is_refused(world, session, modules, signed_in):
    assign(session, modules[0], london(session.starts_at).date())
    client = signed_in(world.facilitator)
    earlier = london(session.starts_at).date() - timedelta(days=3)
    response = client.post(
        reverse("development:session_edit", args=[session.pk]),
        _session_data(date=earlier.isoformat()),
    )
    assert "Change those due dates first" in response.content.decode()
    session.refresh_from_db()
    assert london(session.starts_at).date() == earlier + timedelta(days=3)


def test_the_session_list_shows_only_the_boards_the_person_facilitates(world, session, signed_in):
    SessionFactory(board=world.board_b, title="Brookfield's own session")
    response = signed_in(world.facilitator).get(reverse("development:session_list"))
    content = response.content.decode()
    assert session.title in content
    assert "Brookfield's own session" not in content


def test_the_sessions_link_is_in_the_nav_only_for_facilitators(world, signed_in, client):
    url = reverse("development:session_list")
    assert (
        f'href="{url}"' in signed_in(world.facilitator).get(reverse("member_home")).content.decode()
    )
    client.logout()
    assert (
        f'href="{url}"' not in signed_in(world.chair).get(reverse("member_home")).content.decode()
    )
