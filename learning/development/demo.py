"""Demo sessions for Northbridge (`seed_demo`, after content and knowledge checks). Idempotent.

A past session with attendance and a kept readiness snapshot, and a session ten days ahead with
two modules set: some members complete, some reading, some not started, one overdue.
"""

from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from modules.models import ModulePage, ModuleProgress
from modules.progress import progress_record_opened, progress_record_read
from modules.quizzes.demo import answer_every_question, mark_written_answers
from modules.quizzes.models import Attempt, Quiz
from modules.quizzes.services import attempt_finish, attempt_start

from .dates import default_due_date, london_datetime, london_today
from .models import Assignment, Attendance, DevelopmentSession, ReadinessSnapshot
from .selectors import board_members

PAST_TITLE = "Allyship and white leadership: board workshop"
NEXT_TITLE = "Starting with our own data: board development session"
FACILITATOR = "facilitator@northbridge.example"
ABSENT = {"ned5@northbridge.example", "ned6@northbridge.example"}
AGENDA = (
    "Welcome and what we agreed last time\n"
    "What the reading told us, and what surprised us\n"
    "Our workforce race equality figures, read together\n"
    "One commitment each, to bring to appraisal"
)

# email: (first module, second module); "complete", "read", "opened" or None (not started).
# The first module's knowledge-check attempts come from the quizzes seed (order 20).
NEXT_PROGRESS = {
    "chair@northbridge.example": ("opened", "complete"),
    "ceo@northbridge.example": (None, "complete"),
    "exec1@northbridge.example": ("read", "complete"),
    "exec2@northbridge.example": ("read", "complete"),
    "exec3@northbridge.example": ("opened", "complete"),
    "ned1@northbridge.example": ("read", "complete"),
    "ned2@northbridge.example": ("read", "complete"),
    "ned3@northbridge.example": ("read", "complete"),
    "ned4@northbridge.example": (None, "complete"),
    "ned5@northbridge.example": (None, "complete"),
    "ned6@northbridge.example": ("opened", "opened"),
}


def _modules() -> list[ModulePage]:
    wanted = ["structural-racism", "race-lexicon", "allyship"]
    pages = {page.slug: page for page in ModulePage.objects.live().filter(slug__in=wanted)}
    return [pages[slug] for slug in wanted if slug in pages]


def _session(board, title, starts_at, facilitator) -> DevelopmentSession:
    session, _created = DevelopmentSession.objects.get_or_create(
        board=board,
        title=title,
        defaults={
            "starts_at": starts_at,
            "location": "Boardroom, Northbridge General Hospital",
            "agenda": AGENDA,
            "created_by": facilitator,
        },
    )
    return session


def _assign(session, module, due_date, facilitator) -> None:
    Assignment.objects.get_or_create(
        session=session,
        module=module,
        defaults={"due_date": due_date, "assigned_by": facilitator},
    )


def _pass_check(user, module, facilitator) -> None:
    """A passing attempt at the module's live check, through the knowledge-check services."""
    quiz = Quiz.objects.filter(module=module, live=True).first()
    if quiz is None or Attempt.objects.filter(user=user, quiz=quiz).exists():
        return
    attempt = attempt_start(user=user, quiz=quiz)
    answer_every_question(
        attempt,
        right=True,
        written="We would start from our own figures and ask staff what they miss.",
    )
    attempt = attempt_finish(attempt=attempt)
    mark_written_answers(attempt, marker=facilitator, correct=True)


def _progress(user, module, state, facilitator) -> None:
    if state is None:
        return
    progress_record_opened(user=user, page=module)
    if state in ("read", "complete"):
        progress_record_read(user=user, page=module)
    if state == "complete":
        _pass_check(user, module, facilitator)


# The three members who had not finished the past session's reading when it started, so that
# its page agrees with the 8 of 11 kept at its start.
NOT_READY_AT_PAST = ABSENT | {"exec3@northbridge.example"}


def _ready_before(past, module, facilitator) -> None:
    """Eight members finished the past session's reading a few days before it."""
    finished = past.starts_at - timedelta(days=4)
    for membership in board_members(past.board):
        if membership.user.email in NOT_READY_AT_PAST:
            continue
        _progress(membership.user, module, "complete", facilitator)
        ModuleProgress.objects.filter(user=membership.user, page=module).update(
            started_at=finished - timedelta(days=3),
            read_at=finished - timedelta(days=1),
            check_passed_at=finished,
            completed_at=finished,
            last_activity_at=finished,
        )


@transaction.atomic
def seed_sessions(people) -> None:
    modules = _modules()
    if len(modules) < 2:
        return
    board = people.northbridge
    facilitator = people.user(FACILITATOR)
    today = london_today()

    past = _session(
        board, PAST_TITLE, london_datetime(today - timedelta(days=28), time(9, 30)), facilitator
    )
    _assign(past, modules[-1], default_due_date(past.starts_at), facilitator)
    for membership in board_members(board):
        Attendance.objects.get_or_create(
            session=past,
            user=membership.user,
            defaults={
                "attended": membership.user.email not in ABSENT,
                "recorded_by": facilitator,
                "recorded_at": past.ends_at,
            },
        )
    _snapshot, created = ReadinessSnapshot.objects.get_or_create(
        session=past, defaults={"member_count": 11, "ready_count": 8, "taken_at": past.starts_at}
    )
    if created and len(modules) > 2:
        _ready_before(past, modules[-1], facilitator)

    upcoming = _session(
        board, NEXT_TITLE, london_datetime(today + timedelta(days=10), time(13, 30)), facilitator
    )
    if upcoming.starts_at <= timezone.now():
        return  # seeded long ago: that session has happened, so leave its reading as it was
    first, second = modules[0], modules[1]
    _assign(upcoming, first, default_due_date(upcoming.starts_at), facilitator)
    _assign(upcoming, second, today - timedelta(days=2), facilitator)
    for email, (first_state, second_state) in NEXT_PROGRESS.items():
        user = people.user(email)
        _progress(user, first, first_state, facilitator)
        _progress(user, second, second_state, facilitator)
