"""Demo instruments, rounds and responses for `manage.py seed_demo`. Idempotent.

Northbridge has three closed cultural-intelligence rounds (ned1 answered all, so a personal
change shows, and the board's figures have a trend), a closed board-position round and an
open round (two members have answered it). Eastmoor has a closed round with four
responses, so its aggregate stays hidden.
"""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from .content import load_instruments
from .definitions import Definition
from .models import ItemAnswer, Response, Round
from .services import instrument_version_current, response_store_scores

NB = "@northbridge.example"
NB_NEDS = [f"ned{n}{NB}" for n in range(1, 7)]

# (board attribute, title, instrument slug, opens (days from today), closes, respondents, lift)
ROUNDS = [
    ("northbridge", "Baseline", "cultural-intelligence", -300, -280, [*NB_NEDS, f"exec1{NB}"], 0.0),
    (
        "northbridge",
        "Six months on",
        "cultural-intelligence",
        -120,
        -100,
        [*NB_NEDS, f"exec1{NB}", f"exec2{NB}", f"ceo{NB}"],
        0.7,
    ),
    (
        "northbridge",
        "After the autumn sessions",
        "cultural-intelligence",
        -40,
        -26,
        [*NB_NEDS, f"exec1{NB}", f"exec3{NB}", f"ceo{NB}", f"chair{NB}"],
        1.2,
    ),
    (
        "northbridge",
        "Where we are on race equality",
        "board-position",
        -60,
        -45,
        [*NB_NEDS, f"exec1{NB}", f"exec2{NB}", f"exec3{NB}", f"ceo{NB}", f"chair{NB}"],
        0.0,
    ),
    (
        "northbridge",
        "Before the next board session",
        "cultural-intelligence",
        -3,
        14,
        [f"ned2{NB}", f"ned3{NB}"],
        1.0,
    ),
    (
        "eastmoor",
        "First round",
        "cultural-intelligence",
        -50,
        -40,
        [f"member{n}@eastmoor.example" for n in range(1, 5)],
        0.0,
    ),
]


@transaction.atomic
def seed_demo(people) -> None:
    instruments = load_instruments()
    today = timezone.localdate()
    for board_name, title, slug, opens, closes, emails, lift in ROUNDS:
        board = getattr(people, board_name)
        round_, _ = Round.objects.get_or_create(
            board=board,
            title=title,
            defaults={
                "version": instrument_version_current(instrument=instruments[slug]),
                "opens_on": today + timedelta(days=opens),
                "closes_on": today + timedelta(days=closes),
                "notified_at": timezone.now(),
            },
        )
        for number, email in enumerate(emails):
            _respond(round_, people.user(email), lift=lift, day=number % 10)
    autumn = Response.objects.filter(
        round__board=people.northbridge, round__title="Six months on", user=people.user(NB_NEDS[0])
    ).first()
    if autumn is not None and autumn.shared_at is None:
        autumn.shared_at = autumn.submitted_at
        autumn.save(update_fields=["shared_at"])


def _respond(round_: Round, user, *, lift: float, day: int) -> None:
    if Response.objects.filter(round=round_, user=user).exists():
        return
    # Demo answers only: a seeded generator makes the same answers on every run.
    rng = random.Random(f"{user.email}/{round_.title}")  # noqa: S311
    definition = Definition(round_.version.definition)
    started = timezone.make_aware(datetime.combine(round_.opens_on, time(9))) + timedelta(days=day)
    response = Response.objects.create(
        user=user, board=round_.board, version=round_.version, round=round_, started_at=started
    )
    level = 3.2 + rng.random() * 1.8 + lift
    answers = []
    for key, item in definition.items.items():
        dimension = definition.dimension_of(key)
        low, high = definition.bounds(dimension)
        if dimension["scale"] == "progress":
            value = rng.choices([0, 1, 2], weights=[3, 4, 3])[0]
        elif high == 10:
            value = max(0, min(10, round(level + rng.uniform(-1.5, 2.5))))
        else:
            value = max(low, min(high, round(level + rng.uniform(-1.2, 1.2))))
            value = low + high - value if item["reverse"] else value
        not_applicable = definition.not_applicable_label and rng.random() < 0.04
        answers.append(
            ItemAnswer(
                response=response,
                item_key=key,
                value=None if not_applicable else value,
                not_applicable=bool(not_applicable),
            )
        )
    ItemAnswer.objects.bulk_create(answers)
    response_store_scores(response, submitted_at=min(started + timedelta(hours=1), timezone.now()))
