"""Reads for the chair's dashboard, the board paper and the exports.

Everything here comes from the other areas' selectors (sessions, knowledge checks,
self-assessment, plans, content); the knowledge-check pass rates, which no other area reads,
are counted here. The number of queries depends on how many modules and instruments there are,
never on how many people sit on the board. Callers check access first (`permissions.py`).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from learning.development.models import Assignment, DevelopmentSession
from learning.development.selectors import (
    Readiness,
    SessionGrid,
    next_session,
    readiness_across_sessions,
    session_grid,
)
from learning.models import Board, Membership, Role, User
from learning.privacy import group_is_shown, minimum_group
from learning.wres.selectors import Workbook, latest_indicators_for_board
from modules.areas import GoodPracticeArea
from modules.models import AssuranceQuestion
from modules.quizzes.analysis import question_analyses
from modules.quizzes.models import Attempt, Quiz
from modules.selectors import assurance_questions_for_areas
from reflection.assessment.models import Instrument
from reflection.assessment.selectors import RoundSummary, board_latest_summaries
from reflection.plans.permissions import commitments_read_by_chair
from reflection.plans.selectors import FollowThrough, follow_through

WEAKEST_AREAS = 3
QUESTIONS_PER_AREA = 2
MOST_MISSED = 5


@dataclass
class ModuleCompletion:
    """How many members have finished one module set for the next session."""

    title: str
    complete: int
    members: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.complete / self.members) if self.members else 0


@dataclass
class Outstanding:
    """A member who has not finished the reading yet, and what is left."""

    name: str
    role: str
    modules: list[str]
    overdue: bool


@dataclass
class NextSession:
    readiness: Readiness
    grid: SessionGrid
    modules: list[ModuleCompletion]
    outstanding: list[Outstanding]

    @property
    def session(self) -> DevelopmentSession:
        return self.readiness.session


@dataclass
class QuizRate:
    """A knowledge check's pass rate on this board; `shown` only at or above the minimum (below
    it `finished` and `passed` are 0, whatever the real counts)."""

    quiz: Quiz
    finished: int
    passed: int
    shown: bool

    @property
    def percent(self) -> int | None:
        if not self.shown or not self.finished:
            return None
        return round(100 * self.passed / self.finished)

    @property
    def areas(self) -> list[int]:
        return list(self.quiz.module.areas) if self.quiz.module else []


@dataclass
class MissedQuestion:
    quiz_title: str
    text: str
    percent_right: int | None
    answered: int
    common_wrong_answer: str


@dataclass
class BoardDashboard:
    """Every figure on the dashboard and in the board paper, already suppressed."""

    board: Board
    generated_at: datetime
    minimum: int
    sees_commitments: bool  # the chair; the facilitator sees counts only
    next: NextSession | None
    past: list[Readiness]
    quizzes: list[QuizRate]
    missed: list[MissedQuestion]
    scores: RoundSummary | None
    position: RoundSummary | None
    follow: FollowThrough
    weakest_areas: list[GoodPracticeArea] = field(default_factory=list)
    questions: list[AssuranceQuestion] = field(default_factory=list)
    wres: Workbook | None = None
    # Whether tables may name members (the page does; the board paper only when ticked).
    show_names: bool = True

    @property
    def shown_quizzes(self) -> list[QuizRate]:
        return [rate for rate in self.quizzes if rate.shown]


def next_session_detail(board: Board, *, now: datetime | None = None) -> NextSession | None:
    """The next session's readiness, completion per module and who is outstanding (six
    queries: the session, then the sessions area's grid)."""
    now = now or timezone.now()
    session = next_session(board, now=now)
    if session is None:
        return None
    grid = session_grid(session, now=now)
    modules = []
    for index, assignment in enumerate(grid.assignments):
        cells = [row.cells[index] for row in grid.rows]
        modules.append(
            ModuleCompletion(
                title=assignment.module.title,
                complete=sum(1 for cell in cells if cell.complete),
                members=len(cells),
                overdue=sum(1 for cell in cells if cell.overdue),
            )
        )
    roles = dict(Role.choices)  # one lookup table, not a display call per member
    outstanding = [
        Outstanding(
            name=row.user.get_full_name() or row.user.email,
            role=str(roles[row.membership.role]),
            modules=[cell.assignment.module.title for cell in row.outstanding],
            overdue=any(cell.overdue for cell in row.outstanding),
        )
        for row in grid.not_ready
    ]
    readiness = Readiness(
        session=session, member_count=grid.member_count, ready_count=grid.ready_count
    )
    return NextSession(readiness, grid, modules, outstanding)


def knowledge_check_rates(board: Board, *, minimum: int) -> list[QuizRate]:
    """Pass rates for the live checks of modules set for the board's sessions or finished by
    any of its members (two queries).

    A member counts once per check: finished at least one attempt, passed at least once.
    """
    members = Membership.objects.board_members().filter(board=board).values("user_id")
    assigned = Assignment.objects.filter(session__board=board).values("module_id")
    taken = Attempt.objects.filter(user_id__in=members, finished_at__isnull=False).values("quiz_id")
    quizzes = list(
        Quiz.objects.filter(live=True, module__isnull=False)
        .filter(Q(module_id__in=assigned) | Q(pk__in=taken))
        .select_related("module")
        .only("title", "module__areas")  # all the dashboard shows of them
        .order_by("module__path", "pk")
    )
    if not quizzes:
        return []
    # Filtered by member only (the checks are picked out below): with the checks in the query
    # too, SQLite reads every attempt at each check by anyone, which grows with the service.
    counts = {
        row["quiz_id"]: row
        for row in Attempt.objects.filter(user_id__in=members, finished_at__isnull=False)
        .values("quiz_id")
        .annotate(
            finished=Count("user_id", distinct=True),
            passed=Count("user_id", filter=Q(passed=True), distinct=True),
        )
        .order_by()
    }
    rates = []
    for quiz in quizzes:
        row = counts.get(quiz.pk, {"finished": 0, "passed": 0})
        shown = group_is_shown(row["finished"], minimum=minimum)
        # below the minimum not even the count leaves the selector (the page says "fewer than")
        rates.append(
            QuizRate(quiz, row["finished"] if shown else 0, row["passed"] if shown else 0, shown),
        )
    return rates


def most_missed_questions(board: Board, rates: list[QuizRate]) -> list[MissedQuestion]:
    """The questions the board got wrong most often, from checks shown on the dashboard."""
    missed = []
    shown = [rate for rate in rates if rate.shown]
    analyses = question_analyses(board=board, quizzes=[rate.quiz for rate in shown])
    for rate in shown:
        analysis = analyses[rate.quiz.pk]
        if not analysis.enough:
            continue
        for row in analysis.rows:
            if row.shown and row.right < row.answered:
                missed.append(
                    MissedQuestion(
                        quiz_title=rate.quiz.title,
                        text=row.text,
                        percent_right=row.percent_right,
                        answered=row.answered,
                        common_wrong_answer=row.common_wrong_answer,
                    )
                )
    missed.sort(key=lambda question: (question.percent_right, -question.answered))
    return missed[:MOST_MISSED]


def latest_summaries(board: Board) -> dict[str, RoundSummary | None]:
    """The latest closed round of each kind of instrument ("profile", "position")."""
    latest: dict[str, RoundSummary | None] = dict.fromkeys(Instrument.Kind.values)
    for summary in board_latest_summaries(board):
        instrument = summary.round.version.instrument
        current = latest.get(instrument.kind)
        if current is None or summary.round.closes_on > current.round.closes_on:
            latest[instrument.kind] = summary
    return latest


def weakest_areas(follow: FollowThrough, rates: list[QuizRate]) -> list[GoodPracticeArea]:
    """The areas of good practice with the fewest shared commitments; among equals, the one
    whose knowledge checks the board passed least often comes first."""
    pass_rates: dict[int, list[int]] = {}
    for rate in rates:
        if rate.percent is not None:
            for area in rate.areas:
                pass_rates.setdefault(area, []).append(rate.percent)

    def weakness(area: GoodPracticeArea) -> tuple[int, float, int]:
        percents = pass_rates.get(area.value)
        mean = sum(percents) / len(percents) if percents else 100
        return (follow.by_area.get(area.value, 0), mean, area.value)

    return sorted(GoodPracticeArea, key=weakness)[:WEAKEST_AREAS]


def board_dashboard(
    board: Board,
    *,
    sees_commitments: bool,
    chair_seat: Membership | None = None,
    now: datetime | None = None,
    viewer: "User | None" = None,
    request: HttpRequest | None = None,
) -> BoardDashboard:
    """Every section of the dashboard for one board, suppressed for small groups. The chair's
    (`chair_seat`) list of overdue commitments holds only those that chair may see.

    With `viewer` (the chair reading the page, or a board paper with names), the overdue
    commitments it names are written to the audit log as read by them."""
    now = now or timezone.now()
    minimum = minimum_group()
    rates = knowledge_check_rates(board, minimum=minimum)
    summaries = latest_summaries(board)
    follow = follow_through(
        board, today=timezone.localdate(now), owners=sees_commitments, chair_seat=chair_seat
    )
    if viewer is not None and follow.overdue:
        commitments_read_by_chair(viewer, follow.overdue, request=request)
    areas = weakest_areas(follow, rates)
    return BoardDashboard(
        board=board,
        generated_at=now,
        minimum=minimum,
        sees_commitments=sees_commitments,
        next=next_session_detail(board, now=now),
        past=readiness_across_sessions(board),
        quizzes=rates,
        missed=most_missed_questions(board, rates),
        scores=summaries.get(Instrument.Kind.PROFILE),
        position=summaries.get(Instrument.Kind.POSITION),
        follow=follow,
        weakest_areas=areas,
        questions=assurance_questions_for_areas(
            [area.value for area in areas], limit=len(areas) * QUESTIONS_PER_AREA
        ),
        wres=latest_indicators_for_board(board),
    )
