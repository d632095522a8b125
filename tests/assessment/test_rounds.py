"""Rounds: a facilitator opens one, members are emailed, the aggregate and its change."""

from datetime import timedelta
from decimal import Decimal

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from reflection.assessment.models import Round
from reflection.assessment.selectors import board_latest_summaries
from reflection.assessment.tasks import round_notify
from tests.assessment.factories import fill_round, instruments, make_round, submitted


def _form(ci, **overrides):
    today = timezone.localdate()
    return {
        "instrument": ci.pk,
        "title": "Before the June session",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=14)).isoformat(),
    } | overrides


def test_a_facilitator_opens_a_round_and_board_members_are_emailed(
    world, signed_in, django_capture_on_commit_callbacks
):
    ci, _ = instruments()
    client = signed_in(world.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(reverse("assessment:round_new", args=[world.board_a.pk]), _form(ci))
    assert page.status_code == 302
    round_ = Round.objects.get(board=world.board_a)
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([world.member.email, world.other_member.email, world.chair.email])
    assert "Leading on race" in mail.outbox[0].subject
    assert round_notify.call(round_id=round_.pk) == 0  # a second run sends nothing
    assert len(mail.outbox) == 3


def test_a_round_with_bad_dates_is_refused_with_a_message(world, signed_in):
    ci, _ = instruments()
    today = timezone.localdate()
    data = _form(ci, closes_on=(today - timedelta(days=1)).isoformat())
    page = signed_in(world.facilitator).post(
        reverse("assessment:round_new", args=[world.board_a.pk]), data
    )
    assert b"The closing date must be on or after the opening date." in page.content
    assert not Round.objects.exists()


def test_only_the_facilitator_can_open_a_round(world, signed_in):
    ci, _ = instruments()
    for user in (world.chair, world.member):
        page = signed_in(user).post(
            reverse("assessment:round_new", args=[world.board_a.pk]), _form(ci)
        )
        assert page.status_code == 404
    assert not Round.objects.exists()


def test_the_board_aggregate_shows_the_change_since_the_previous_closed_round(world):
    ci, _ = instruments()
    earlier = make_round(world.board_a, ci, days_ago=100, title="Spring")
    fill_round(earlier, 5, value=3)
    later = make_round(world.board_a, ci, days_ago=5, title="Autumn")
    fill_round(later, 6, value=5)
    make_round(world.board_a, ci, closed=False, title="Now open")

    (summary,) = board_latest_summaries(world.board_a)

    assert summary.round == later and summary.previous_round == earlier
    knowledge = next(f for f in summary.aggregate.dimensions if f.key == "knowledge")
    assert knowledge.mean == Decimal("4.60")  # one reverse-scored statement of five
    assert knowledge.change == Decimal("1.20")


def test_no_change_is_shown_against_a_suppressed_previous_round(world):
    ci, _ = instruments()
    fill_round(make_round(world.board_a, ci, days_ago=100, title="Spring"), 4)
    fill_round(make_round(world.board_a, ci, days_ago=5, title="Autumn"), 5)
    (summary,) = board_latest_summaries(world.board_a)
    assert summary.previous_round is None
    assert all(figure.change is None for figure in summary.aggregate.dimensions)


def test_the_board_position_aggregate_sits_beside_the_national_figures(world, signed_in):
    _, position = instruments()
    round_ = make_round(world.board_a, position)
    fill_round(round_, 5, value=2)
    page = signed_in(world.member).get(reverse("assessment:round_detail", args=[round_.pk]))
    content = page.content.decode()
    assert "85%" in content  # staff networks, nationally
    assert "No national figure" in content  # inclusive recruitment has none
    assert "5.6" in content  # the national mean rating


def test_the_rounds_list_takes_the_same_queries_for_few_and_many_rounds(
    world, signed_in, django_assert_max_num_queries
):
    ci, _ = instruments()
    client = signed_in(world.member)
    url = reverse("assessment:board_rounds", args=[world.board_a.pk])
    fill_round(make_round(world.board_a, ci, title="One"), 1)
    client.get(url)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for number in range(8):
        fill_round(make_round(world.board_a, ci, title=f"Round {number}"), 2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_the_index_takes_the_same_queries_for_few_and_many_responses(
    world, signed_in, django_assert_max_num_queries
):
    ci, _ = instruments()
    client = signed_in(world.member)
    make_round(world.board_a, ci, closed=False, title="Open now")
    submitted(world.member, board=world.board_a, instrument=ci)
    client.get(reverse("assessment:index"))
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("assessment:index"))
    for _ in range(8):
        submitted(world.member, board=world.board_a, instrument=ci)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("assessment:index")).status_code == 200
