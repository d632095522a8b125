"""Helpers for self-assessment tests: the seeded instruments, rounds and submitted responses."""

from datetime import timedelta

from django.utils import timezone

from reflection.assessment.content import load_instruments
from reflection.assessment.definitions import Definition
from reflection.assessment.models import Round
from reflection.assessment.services import (
    instrument_version_current,
    response_save_answers,
    response_start,
    response_store_scores,
)
from tests.factories import MembershipFactory


def instruments():
    loaded = load_instruments()
    return loaded["cultural-intelligence"], loaded["board-position"]


def make_round(board, instrument, *, closed=True, title=None, days_ago=10):
    today = timezone.localdate()
    opens = today - timedelta(days=days_ago + 10)
    closes = today - timedelta(days=days_ago) if closed else today + timedelta(days=7)
    return Round.objects.create(
        board=board,
        version=instrument_version_current(instrument=instrument),
        title=title or f"Round closing {closes}",
        opens_on=opens,
        closes_on=closes,
    )


def all_answers(version, value=4, **overrides) -> dict[str, str]:
    """An answer for every statement in a version: `value` clamped to each scale, or overrides."""
    definition = Definition(version.definition)
    answers = {}
    for key, item in definition.items.items():
        low, high = definition.bounds(definition.dimension(item["dimension"]))
        answers[key] = str(overrides.get(key, max(low, min(high, value))))
    return answers


def submitted(user, *, round=None, board=None, instrument=None, value=4, **overrides):
    """A submitted response; a closed round is answered as if it were still open."""
    if round is not None:
        board = round.board
        closes_on = round.closes_on
        round.closes_on = timezone.localdate()
        round.save(update_fields=["closes_on"])
    response = response_start(user=user, board=board, instrument=instrument, round=round)
    response_save_answers(
        response=response, answers=all_answers(response.version, value, **overrides)
    )
    if round is not None:
        round.closes_on = closes_on
        round.save(update_fields=["closes_on"])
    return response_store_scores(response, submitted_at=timezone.now())


def fill_round(round, count, *, value=4):
    """`count` new board members each submit a response to the round."""
    people = [MembershipFactory(board=round.board).user for _ in range(count)]
    return [submitted(person, round=round, value=value) for person in people]
