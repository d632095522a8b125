"""What erasing a person does to their self-assessments.

A closed round's figures have been seen by the board (the dashboard, the board paper, the
scores export), so erasure must not change them. The person's submitted responses in closed
rounds are kept, detached from them: no user, no sharing, and the times they started and
submitted replaced by the round's closing day, so nothing links an answer back to anyone.
Everything else (open rounds, responses of their own outside a round, unfinished drafts) is
deleted with the account, so current counts drop the person.
"""

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone

from .models import Response, Round


@transaction.atomic
def responses_detach_for_erasure(*, user) -> int:
    """Detaches the person's submitted responses in closed rounds; returns how many were kept.
    Safe to call twice: a second call finds nothing linked to the person."""
    today = timezone.localdate()
    kept = 0
    closed = Round.objects.filter(
        closes_on__lt=today, responses__user=user, responses__submitted_at__isnull=False
    ).distinct()
    for round_ in closed:
        moment = timezone.make_aware(datetime.combine(round_.closes_on, time.min))
        mine = Response.objects.filter(user=user, round=round_, submitted_at__isnull=False)
        kept += mine.update(
            user=None, shared_at=None, started_at=moment, updated_at=moment, submitted_at=moment
        )
    return kept
