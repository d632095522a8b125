"""The demo data the issue asks for, loaded twice without duplicates."""

from django.core.management import call_command

from learning.models import User
from reflection.assessment.models import Instrument, ItemAnswer, Response, Round
from reflection.assessment.selectors import round_aggregate


def _seed():
    with open("/dev/null", "w") as devnull:
        call_command("seed_demo", stdout=devnull)


def test_the_demo_rounds_and_responses_load_once(db):
    _seed()
    counts = [model.objects.count() for model in (Instrument, Round, Response, ItemAnswer)]
    _seed()
    assert [model.objects.count() for model in (Instrument, Round, Response, ItemAnswer)] == counts

    northbridge = Round.objects.filter(board__organisation__name__startswith="Northbridge")
    closed = [round_ for round_ in northbridge if round_.is_closed]
    assert any(round_aggregate(round_).shown and round_.responses.count() >= 6 for round_ in closed)
    assert any(round_.is_open for round_ in northbridge)

    ned1 = User.objects.get(email="ned1@northbridge.example")
    assert (
        Response.objects.filter(user=ned1, round__in=closed, submitted_at__isnull=False).count()
        >= 2
    )

    eastmoor = Round.objects.get(board__organisation__name__startswith="Eastmoor")
    assert eastmoor.responses.count() == 4
    assert round_aggregate(eastmoor).state == "too_few"


def test_the_seeded_instruments_follow_the_issue(db):
    _seed()
    ci = Instrument.objects.get(slug="cultural-intelligence")
    assert [d.name for d in ci.dimensions.order_by("sort_order")] == [
        "Drive",
        "Knowledge",
        "Strategy",
        "Action",
    ]
    for dimension in ci.dimensions.all():
        items = ci.items.filter(dimension=dimension.key)
        assert items.count() == 5
        assert items.filter(reverse_scored=True).exists()
    assert set(ci.scale_points.values_list("value", flat=True)) == set(range(1, 8))


def test_the_demo_board_has_a_trend_across_three_closed_rounds(db):
    from learning.models import Board
    from reflection.assessment.selectors import board_latest_summaries

    _seed()
    northbridge = Board.objects.get(organisation__name__startswith="Northbridge")
    profile = next(
        summary
        for summary in board_latest_summaries(northbridge)
        if summary.round.version.definition["kind"] == "profile"
    )
    assert profile.trend is not None
    assert len(profile.trend.shown_points) >= 3
