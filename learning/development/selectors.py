"""Reads for sessions: the facilitator's grid, the member's checklist and board readiness.

Every function here runs a fixed number of queries, however many members or modules there are.
For the chair's dashboard: `next_session_readiness(board)` and `readiness_across_sessions(board)`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from learning.models import Board, Membership, Role, User
from learning.permissions import boards_facilitated_by, user_can_facilitate_board
from modules.models import ModuleProgress, ProgressStatus
from modules.models.pages import without_module_bodies
from modules.quizzes.models import Attempt

from .dates import is_overdue, personal_due_date
from .models import (
    Assignment,
    Attendance,
    DevelopmentSession,
    Notification,
    ReadinessSnapshot,
)

# What a grid cell shows of a person's progress on a module (its status and last activity).
PROGRESS_FIELDS = ("user", "page", "read_at", "check_state", "completed_at", "last_activity_at")
_WITHOUT_BODIES = without_module_bodies("module")


def progress_grid(
    user_ids: Iterable[int], page_ids: Iterable[int]
) -> dict[tuple[int, int], ModuleProgress]:
    """{(user_id, page_id): ModuleProgress} for many people and many modules, in one query."""
    rows = ModuleProgress.objects.filter(user_id__in=list(user_ids), page_id__in=list(page_ids))
    rows = rows.only(*PROGRESS_FIELDS)
    return {(row.user_id, row.page_id): row for row in rows}


def best_scores(user_ids: Iterable[int], page_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """{(user_id, page_id): best finished knowledge-check score in percent}, in one query."""
    rows = (
        Attempt.objects.filter(
            user_id__in=list(user_ids),
            quiz__module_id__in=list(page_ids),
            finished_at__isnull=False,
            score__isnull=False,
        )
        .values("user_id", "quiz__module_id")
        .annotate(best=Max("score"))
    )
    return {(row["user_id"], row["quiz__module_id"]): row["best"] for row in rows}


def board_members(board: Board) -> list[Membership]:
    """The board's active members (not its facilitators), by name, with their accounts."""
    members = Membership.objects.board_members().filter(board=board).select_related("user")
    return list(members.order_by("user__last_name", "user__first_name", "user__email"))


def session_assignments(session: DevelopmentSession) -> list[Assignment]:
    assignments = session.assignments.select_related("module").defer(*_WITHOUT_BODIES)
    return list(assignments.order_by("due_date", "pk"))


@dataclass
class Cell:
    assignment: Assignment
    status: str
    last_activity_at: datetime | None
    score: int | None
    overdue: bool
    due_date: date | None = None  # this person's: later than the assignment's if they joined late

    def __post_init__(self) -> None:
        if self.due_date is None:
            self.due_date = self.assignment.due_date

    @property
    def joined_late(self) -> bool:
        """Due seven days after the person joined, not when the assignment said."""
        return self.due_date != self.assignment.due_date

    @property
    def complete(self) -> bool:
        return self.status == ProgressStatus.COMPLETE

    @property
    def status_label(self) -> str:
        return ProgressStatus(self.status).label


@dataclass
class MemberRow:
    membership: Membership
    cells: list[Cell]
    last_reminder_at: datetime | None = None
    attended: bool | None = None  # None: attendance not recorded for this person

    @property
    def user(self) -> User:
        return self.membership.user

    @property
    def ready(self) -> bool:
        return bool(self.cells) and all(cell.complete for cell in self.cells)

    @property
    def outstanding(self) -> list[Cell]:
        return [cell for cell in self.cells if not cell.complete]


@dataclass
class SessionGrid:
    session: DevelopmentSession
    assignments: list[Assignment]
    rows: list[MemberRow] = field(default_factory=list)
    # "N of M came", from every attendance row recorded, as the list, the dashboard and the
    # board paper count it: rows kept without a person after erasure still count.
    came_count: int = 0
    recorded_count: int = 0

    @property
    def member_count(self) -> int:
        return len(self.rows)

    @property
    def ready_count(self) -> int:
        return sum(1 for row in self.rows if row.ready)

    @property
    def not_ready(self) -> list[MemberRow]:
        return [row for row in self.rows if not row.ready]

    @property
    def attendance_recorded(self) -> bool:
        return self.recorded_count > 0


def _cells(
    user_id: int,
    assignments: Iterable[Assignment],
    progress: dict[tuple[int, int], ModuleProgress],
    scores: dict[tuple[int, int], int],
    now: datetime,
    joined_at: datetime | None = None,
) -> list[Cell]:
    cells = []
    for assignment in assignments:
        row = progress.get((user_id, assignment.module_id))
        status = row.status if row is not None else ProgressStatus.NOT_STARTED
        due_date = personal_due_date(assignment.due_date, joined_at)
        cells.append(
            Cell(
                assignment=assignment,
                status=status,
                last_activity_at=row.last_activity_at if row is not None else None,
                score=scores.get((user_id, assignment.module_id)),
                overdue=status != ProgressStatus.COMPLETE and is_overdue(due_date, now),
                due_date=due_date,
            )
        )
    return cells


def session_grid(session: DevelopmentSession, *, now: datetime | None = None) -> SessionGrid:
    """Members × assigned modules with status, last activity, best score and last reminder."""
    now = now or timezone.now()
    assignments = session_assignments(session)
    members = board_members(session.board)
    user_ids = [membership.user_id for membership in members]
    page_ids = [assignment.module_id for assignment in assignments]
    progress = progress_grid(user_ids, page_ids) if page_ids else {}
    scores = best_scores(user_ids, page_ids) if page_ids else {}
    reminders = dict(
        Notification.objects.filter(session=session, kind=Notification.Kind.MANUAL)
        .values_list("recipient_id")
        .annotate(last=Max("created_at"))
    )
    recorded = attendance_for(session)
    attended = {user_id: came for user_id, came in recorded if user_id is not None}
    grid = SessionGrid(
        session=session,
        assignments=assignments,
        came_count=sum(1 for _user_id, came in recorded if came),
        recorded_count=len(recorded),
    )
    for membership in members:
        grid.rows.append(
            MemberRow(
                membership=membership,
                cells=_cells(
                    membership.user_id,
                    assignments,
                    progress,
                    scores,
                    now,
                    membership.joined_at,
                ),
                last_reminder_at=reminders.get(membership.user_id),
                attended=attended.get(membership.user_id),
            )
        )
    return grid


@dataclass
class Readiness:
    """How many of a board's members had finished a session's pre-reading."""

    session: DevelopmentSession
    member_count: int
    ready_count: int
    taken_at: datetime | None = None
    attended_count: int = 0
    attendance_recorded: int = 0  # members whose attendance was recorded (0: not recorded)

    @property
    def percent(self) -> int | None:
        if not self.member_count:
            return None
        return round(100 * self.ready_count / self.member_count)


def ready_count(session: DevelopmentSession, *, as_of: datetime | None = None) -> tuple[int, int]:
    """(ready, members) for a session; with `as_of`, counting only what was done by then."""
    members = board_members(session.board)
    page_ids = list(session.assignments.values_list("module_id", flat=True))
    if not members or not page_ids:
        return 0, len(members)
    done = ModuleProgress.objects.filter(
        user_id__in=[membership.user_id for membership in members],
        page_id__in=page_ids,
        completed_at__isnull=False,
    )
    if as_of is not None:
        done = done.filter(completed_at__lte=as_of)
    per_person = done.values("user_id").annotate(modules=Count("page_id", distinct=True))
    ready = sum(1 for row in per_person if row["modules"] == len(set(page_ids)))
    return ready, len(members)


def readiness_at_start(session: DevelopmentSession) -> Readiness | None:
    """For a session that has started: the snapshot kept when it started (two queries at most).

    If the snapshot has not been taken yet (the hourly job runs after the start), the same
    figure is counted from completion times, without saving it on a page view.
    """
    if not session.has_started():
        return None
    snapshot = ReadinessSnapshot.objects.filter(session=session).first()
    if snapshot is not None:
        return Readiness(
            session=session,
            member_count=snapshot.member_count,
            ready_count=snapshot.ready_count,
            taken_at=snapshot.taken_at,
        )
    ready, members = ready_count(session, as_of=session.starts_at)
    return Readiness(session=session, member_count=members, ready_count=ready)


def next_session(board: Board, *, now: datetime | None = None) -> DevelopmentSession | None:
    return (
        DevelopmentSession.objects.filter(
            board=board, starts_at__gte=now or timezone.now(), cancelled_at__isnull=True
        )
        .select_related("board")
        .order_by("starts_at", "pk")
        .first()
    )


def next_session_readiness(board: Board, *, now: datetime | None = None) -> Readiness | None:
    """Readiness for the board's next session (four queries), or None if none is planned."""
    session = next_session(board, now=now)
    if session is None:
        return None
    ready, members = ready_count(session)
    return Readiness(session=session, member_count=members, ready_count=ready)


def readiness_across_sessions(board: Board) -> list[Readiness]:
    """The readiness kept at the start of each past session, oldest first, with its
    attendance counts, in one query."""
    snapshots = (
        ReadinessSnapshot.objects.filter(session__board=board)
        .annotate(
            attendance_recorded=_count(Attendance.objects.all(), "session_id"),
            attended_count=_count(Attendance.objects.filter(attended=True), "session_id"),
        )
        .select_related("session")
        .order_by("session__starts_at", "session__pk")
    )
    return [
        Readiness(
            session=snapshot.session,
            member_count=snapshot.member_count,
            ready_count=snapshot.ready_count,
            taken_at=snapshot.taken_at,
            attended_count=snapshot.attended_count,
            attendance_recorded=snapshot.attendance_recorded,
        )
        for snapshot in snapshots
    ]


@dataclass
class MemberSession:
    session: DevelopmentSession
    items: list[Cell]
    attended: bool | None = None

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.items if item.complete)


def member_sessions(
    user: User,
    membership: Membership,
    *,
    now: datetime | None = None,
    past_limit: int = 5,
    progress: dict[int, ModuleProgress] | None = None,
) -> dict[str, list[MemberSession]]:
    """The person's upcoming sessions on a board with their checklist, and recent past ones.

    A facilitator sets the reading and has none of their own: their sessions come without a
    checklist, so nothing of theirs is ever overdue. Reading due before a member joined is due
    seven days after they joined (`personal_due_date`)."""
    now = now or timezone.now()
    sessions = DevelopmentSession.objects.filter(board=membership.board_id)
    # One query for both lists: the upcoming ones, and the most recent past ones by id. A
    # cancelled session leaves the checklist; its members were emailed when it was cancelled.
    recent = sessions.filter(starts_at__lt=now).order_by("-starts_at", "-pk")[:past_limit]
    attended = Attendance.objects.filter(session=OuterRef("pk"), user=user).values("attended")
    both = list(
        sessions.filter(
            Q(starts_at__gte=now, cancelled_at__isnull=True) | Q(pk__in=recent.values("pk"))
        )
        .annotate(you_attended=Subquery(attended[:1]))
        .order_by("starts_at", "pk")
    )
    upcoming = [session for session in both if session.starts_at >= now]
    past = [session for session in reversed(both) if session.starts_at < now]
    assignments = (
        []
        if membership.role == Role.FACILITATOR
        else list(
            Assignment.objects.filter(session__in=upcoming)
            .select_related("module")
            .defer(*_WITHOUT_BODIES)
            .order_by("due_date", "pk")
        )
    )
    if progress is None:  # the person's own, {page_id: ModuleProgress}, when the page has it
        grid = progress_grid([user.pk], [assignment.module_id for assignment in assignments])
    else:
        grid = {(user.pk, page_id): row for page_id, row in progress.items()}
    by_session: dict[int, list[Assignment]] = {session.pk: [] for session in upcoming}
    for assignment in assignments:
        by_session[assignment.session_id].append(assignment)
    return {
        "upcoming": [
            MemberSession(
                session,
                _cells(user.pk, by_session[session.pk], grid, {}, now, membership.joined_at),
            )
            for session in upcoming
        ],
        "past": [MemberSession(session, [], session.you_attended) for session in past],
    }


def _count(rows: QuerySet[Any], session: str = "pk") -> Coalesce:
    """A per-session count as a subquery, so several counts do not multiply each other;
    `session` names the outer query's session id."""
    counted = rows.filter(session=OuterRef(session)).order_by().values("session")
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)


def facilitator_boards(user: User) -> list[Board]:
    return list(boards_facilitated_by(user).select_related("organisation").order_by("pk"))


def sessions_for_facilitator(user: User, *, now: datetime | None = None) -> list[dict[str, Any]]:
    """Each board the person facilitates, with its upcoming and past sessions (two queries)."""
    now = now or timezone.now()
    boards = facilitator_boards(user)
    sessions = (
        DevelopmentSession.objects.filter(board__in=boards)
        .annotate(
            assignment_count=_count(Assignment.objects.all()),
            attendance_recorded=_count(Attendance.objects.all()),
            attended_count=_count(Attendance.objects.filter(attended=True)),
        )
        .select_related("readiness_snapshot")
        .order_by("starts_at", "pk")
    )
    grouped: dict[int, dict[str, Any]] = {
        board.pk: {"board": board, "upcoming": [], "past": []} for board in boards
    }
    for session in sessions:
        bucket = "upcoming" if session.starts_at >= now else "past"
        grouped[session.board_id][bucket].append(session)
    for entry in grouped.values():
        entry["past"].reverse()
    return list(grouped.values())


def attendance_for(session: DevelopmentSession) -> list[tuple[int | None, bool]]:
    """(user_id, attended) for each attendance row of a session, in one query; user_id is
    None for a row kept after its person was erased."""
    return list(session.attendance.values_list("user_id", "attended"))


def board_seats(board: Board) -> list[Membership]:
    """Everyone who sits on or facilitates the board now, by role then name (one query)."""
    order = {value: position for position, value in enumerate(Role.values)}
    seats = Membership.objects.active().filter(board=board).select_related("user")
    return sorted(seats, key=lambda seat: (order.get(seat.role, 99), seat.user.last_name))


def leader_home_url(user: User, board: Board) -> str:
    """Where a chair's or facilitator's board pages lead back to: the sessions page for the
    board's facilitator, the board dashboard for its chair."""
    if user_can_facilitate_board(user, board):
        return reverse("development:session_list")
    return reverse("dashboard:board_dashboard", args=[board.pk])
