"""A board with everything the dashboard reads, of any size, built quickly with bulk_create.

`dashboard_content()` makes ten live modules, each with a two-question knowledge check; then
`populated_board(content, members=N)` adds a board of N members (the chair among them) and a
facilitator, three sessions (two past with kept readiness, one ahead with four modules set),
progress, knowledge-check attempts, three closed self-assessment rounds, shared commitments,
a private draft and an action plan. Every size gives the same suppression states: the first
five checks have an attempt from every member, the next two from only two members.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from learning.development.dates import default_due_date
from learning.development.models import Assignment, Attendance, ReadinessSnapshot
from learning.models import Board, Membership, Role
from modules.areas import GoodPracticeArea
from modules.models import AssuranceQuestion, ModulePage, ModuleProgress
from modules.quizzes.choices import Feedback, QuestionType
from modules.quizzes.models import Attempt, AttemptAnswer, AttemptOption, Quiz
from reflection.assessment.definitions import Definition
from reflection.assessment.models import DimensionScore, ItemAnswer, Response, Round
from reflection.assessment.scoring import score_answers
from reflection.assessment.services import instrument_version_current
from reflection.plans.models import BoardAction, Commitment, Status
from tests.assessment.factories import instruments
from tests.development.factories import SessionFactory, in_days, module_page
from tests.factories import BoardFactory, MembershipFactory, OrganisationFactory
from tests.quizzes.factories import add_question

SHOWN_CHECKS = 5  # checks every member has finished
THIN_CHECKS = 2  # checks only two members have finished (always under the minimum)
PROFILE_VALUE = 4  # every member's answer on the cultural-intelligence scale
STATUSES = [Status.PLANNED, Status.IN_PROGRESS, Status.AT_RISK, Status.DONE]


@dataclass
class Content:
    modules: list[ModulePage]
    quizzes: list[Quiz]


def dashboard_content(count: int = 10) -> Content:
    """`count` live modules, each tagged with an area and with a live two-question check, and
    two assurance questions for every area."""
    modules, quizzes = [], []
    for number in range(count):
        page = module_page(f"Dashboard module {number + 1}")
        page.areas = [number % 10 + 1]
        page.save_revision().publish()
        quiz = Quiz.objects.create(
            title=f"Check {number + 1}", module=page, pass_mark=70, feedback=Feedback.END
        )
        add_question(quiz, QuestionType.SINGLE, text=f"Check {number + 1}: which is right?")
        add_question(quiz, QuestionType.TRUE_FALSE, text=f"Check {number + 1}: true or false?")
        modules.append(page)
        quizzes.append(quiz)
    AssuranceQuestion.objects.bulk_create(
        [
            AssuranceQuestion(area=area, text=f"How do we know we are doing {label}? ({n})")
            for area, label in GoodPracticeArea.choices
            for n in (1, 2)
        ],
        ignore_conflicts=True,
    )
    return Content(modules, quizzes)


def _members(board: Board, count: int) -> list:
    """`count` board members: a chair first, then non-executive directors."""
    User = get_user_model()  # noqa: N806
    stamp = f"b{board.pk}"
    users = User.objects.bulk_create(
        [
            User(
                email=f"member{n}.{stamp}@example.nhs.uk",
                first_name=f"Person{n}",
                last_name=f"Board{board.pk}",
                password="!",  # noqa: S106 (an unusable password: these people never sign in)
            )
            for n in range(count)
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(
                user=user, board=board, role=Role.CHAIR if n == 0 else Role.NON_EXECUTIVE_DIRECTOR
            )
            for n, user in enumerate(users)
        ]
    )
    return users


def _sessions(board, content: Content, users) -> None:
    past = [SessionFactory(board=board, starts_at=in_days(days)) for days in (-60, -30)]
    upcoming = SessionFactory(board=board, starts_at=in_days(14))
    sets = [(past[0], content.modules[0:3]), (past[1], content.modules[3:6])]
    sets.append((upcoming, content.modules[6:10]))
    Assignment.objects.bulk_create(
        [
            Assignment(session=session, module=module, due_date=default_due_date(session.starts_at))
            for session, modules in sets
            for module in modules
        ]
    )
    ReadinessSnapshot.objects.bulk_create(
        [
            ReadinessSnapshot(
                session=session,
                member_count=len(users),
                ready_count=len(users) * share // 10,
                taken_at=session.starts_at,
            )
            for session, share in zip(past, (5, 8), strict=True)
        ]
    )
    # Attendance is recorded for the later past session only: every member but each third.
    Attendance.objects.bulk_create(
        [
            Attendance(session=past[1], user=user, attended=n % 3 != 0)
            for n, user in enumerate(users)
        ]
    )
    now = timezone.now()
    rows = []
    for n, user in enumerate(users):
        for position, module in enumerate(content.modules[6:10]):
            done = position < n % 5  # some members finish everything, some nothing
            rows.append(
                ModuleProgress(
                    user=user,
                    page=module,
                    read_at=now if done else None,
                    check_state=ModuleProgress.CheckState.PASSED if done else "",
                    check_passed_at=now if done else None,
                    completed_at=now if done else None,
                )
            )
    ModuleProgress.objects.bulk_create(rows)


def _attempts(content: Content, users) -> None:
    now = timezone.now()
    plan = [(quiz, users) for quiz in content.quizzes[:SHOWN_CHECKS]]
    plan += [(quiz, users[:2]) for quiz in content.quizzes[SHOWN_CHECKS : SHOWN_CHECKS + 2]]
    attempts = []
    for quiz, people in plan:
        for n, user in enumerate(people):
            passed = n % 3 != 0
            attempts.append(
                Attempt(
                    user=user,
                    quiz=quiz,
                    number=1,
                    started_at=now - timedelta(hours=1),
                    finished_at=now,
                    pass_mark=70,
                    feedback=Feedback.END,
                    score=100 if passed else 50,
                    passed=passed,
                )
            )
    attempts = Attempt.objects.bulk_create(attempts)
    questions = {quiz.pk: list(quiz.questions.prefetch_related("answers")) for quiz, _ in plan}
    answers, choices = [], []
    for attempt in attempts:
        for position, question in enumerate(questions[attempt.quiz_id], start=1):
            right = attempt.passed or position == 1
            answers.append(
                AttemptAnswer(
                    attempt=attempt,
                    position=position,
                    question=question,
                    type=question.type,
                    text=question.text,
                    answered_at=now,
                    correct=right,
                )
            )
            choices.append((question, right))
    answers = AttemptAnswer.objects.bulk_create(answers)
    options = []
    for row, (question, right) in zip(answers, choices, strict=True):
        for index, answer in enumerate(question.answers.all()):
            options.append(
                AttemptOption(
                    attempt_answer=row,
                    position=index + 1,
                    answer=answer,
                    text=answer.text,
                    correct=answer.correct,
                    chosen=answer.correct == right,
                )
            )
    AttemptOption.objects.bulk_create(options)


def _round(board, instrument, users, *, title: str, closed_days_ago: int, value: int) -> Round:
    today = timezone.localdate()
    round_ = Round.objects.create(
        board=board,
        version=instrument_version_current(instrument=instrument),
        title=title,
        opens_on=today - timedelta(days=closed_days_ago + 14),
        closes_on=today - timedelta(days=closed_days_ago),
    )
    definition = Definition(round_.version.definition)
    submitted = timezone.now() - timedelta(days=closed_days_ago + 1)
    responses = Response.objects.bulk_create(
        [
            Response(
                user=user,
                board=board,
                version=round_.version,
                round=round_,
                submitted_at=submitted,
            )
            for user in users
        ]
    )
    answers, scores = [], []
    for n, response in enumerate(responses):
        values = {}
        for key, item in definition.items.items():
            low, high = definition.bounds(definition.dimension(item["dimension"]))
            values[key] = max(low, min(high, value + n % 2 if high > 2 else n % 3))
            answers.append(ItemAnswer(response=response, item_key=key, value=values[key]))
        for result in score_answers(definition, values).dimensions:
            scores.append(
                DimensionScore(
                    response=response,
                    dimension_key=result.key,
                    mean=result.mean,
                    answered=result.answered,
                    total=result.total,
                )
            )
    ItemAnswer.objects.bulk_create(answers)
    DimensionScore.objects.bulk_create(scores)
    return round_


def _assessment(board, users) -> None:
    profile, position = instruments()
    _round(board, profile, users, title="Baseline", closed_days_ago=200, value=3)
    _round(board, profile, users, title="Latest", closed_days_ago=20, value=PROFILE_VALUE)
    _round(board, position, users, title="Our position", closed_days_ago=30, value=6)


def _plans(board) -> None:
    members = list(
        Membership.objects.board_members().filter(board=board).select_related("user").order_by("pk")
    )
    today = timezone.localdate()
    now = timezone.now()
    Commitment.objects.bulk_create(
        [
            Commitment(
                owner=member,
                title=f"Commitment of {member.user.first_name}",
                area=n % 7 + 1,  # areas 8 to 10 have none: the weakest
                success_measure="We can show it to the board.",
                due_date=today + timedelta(days=-5 if n % 4 == 0 else 60),
                status=STATUSES[n % 4] if n % 4 else Status.IN_PROGRESS,
                shared_at=now,
            )
            for n, member in enumerate(members)
        ]
    )
    BoardAction.objects.bulk_create(
        [
            BoardAction(
                board=board,
                title=f"Board action {n}",
                owner=members[0],
                due_date=today + timedelta(days=30),
                status=STATUSES[n],
            )
            for n in range(3)
        ]
    )


def populated_board(content: Content, *, members: int, name: str = "") -> Board:
    """A board of `members` members (the chair among them) and a facilitator, with data in
    every area the dashboard reads. Returns the board; `board.chair`, `board.facilitator` and
    `board.people` (the members, chair first) are set for signing in."""
    name = name or f"Trust of {members} members"
    board = BoardFactory(organisation=OrganisationFactory(name=name))
    users = _members(board, members)
    board.chair = users[0]
    board.people = users
    board.facilitator = MembershipFactory(board=board, role=Role.FACILITATOR).user
    _sessions(board, content, users)
    _attempts(content, users)
    _assessment(board, users)
    _plans(board)
    return board
