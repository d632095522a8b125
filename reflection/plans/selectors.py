"""Reads for plan pages and the chair's dashboard. Each runs a fixed number of queries,
however many members or commitments a board has.

Outside its owner, only shared commitments are ever counted or listed: a draft is private,
and even its existence is not revealed to the chair or the facilitator.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from learning.models import Board, Membership
from modules.areas import GoodPracticeArea

from .models import (
    OPEN_STATUSES,
    AppraisalNote,
    BoardAction,
    ChairReview,
    Commitment,
    CommitmentUpdate,
    Status,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Rows annotated with milestone counts and decorated with `overdue` and `progress`: the
# attributes are added at run time, so such rows are typed Any.
Row = TypeVar("Row", bound=QuerySet[Any])


def _with_milestone_counts(commitments: Row) -> Row:
    return commitments.annotate(
        milestones_total=Count("milestones", distinct=True),
        milestones_done=Count(
            "milestones", filter=Q(milestones__completed_at__isnull=False), distinct=True
        ),
    )


def progress_percent(done: int, total: int) -> int:
    return round(100 * done / total) if total else 0


@dataclass
class StatusGroup:
    status: str
    label: "StrOrPromise"
    commitments: list[Any]


def _group_by_status(commitments: Iterable[Any]) -> list[StatusGroup]:
    groups = [StatusGroup(value, label, []) for value, label in Status.choices]
    by_value = {group.status: group for group in groups}
    for commitment in commitments:
        by_value[commitment.status].commitments.append(commitment)
    return [group for group in groups if group.commitments]


def decorate(commitment: Any, today: date) -> Any:
    """Adds `overdue` and `progress` (percent of milestones done) to an annotated row."""
    commitment.overdue = commitment.is_overdue(today)
    commitment.progress = progress_percent(commitment.milestones_done, commitment.milestones_total)
    return commitment


def own_commitments(membership: Membership) -> QuerySet[Commitment]:
    """The member's own commitments with milestones, updates and the chair's reviews."""
    return _with_milestone_counts(
        Commitment.objects.filter(owner=membership).prefetch_related(
            "milestones",
            Prefetch("updates", queryset=CommitmentUpdate.objects.order_by("-date", "-pk")),
            Prefetch("reviews", queryset=ChairReview.objects.select_related("author")),
        )
    ).order_by("due_date", "title")


@dataclass
class MemberPlan:
    membership: Membership
    groups: list[StatusGroup]
    commitments: list[Any]
    appraisal_notes: list[AppraisalNote]
    overdue: int


def member_plan(membership: Membership, today: date | None = None) -> MemberPlan:
    """Everything on the member's own plan page and in their PDF."""
    today = today or timezone.localdate()
    commitments = [decorate(c, today) for c in own_commitments(membership)]
    notes = list(AppraisalNote.objects.filter(member=membership).select_related("author"))
    return MemberPlan(
        membership=membership,
        groups=_group_by_status(commitments),
        commitments=commitments,
        appraisal_notes=notes,
        overdue=sum(1 for c in commitments if c.overdue),
    )


def _shared_on_board(board: Board, chair_seat: Membership | None = None) -> QuerySet[Commitment]:
    """Commitments shared on the board; with `chair_seat`, only those that chair may see."""
    shared = Commitment.objects.all()
    shared = shared.seen_by_chair(chair_seat) if chair_seat is not None else shared.shared()
    return shared.filter(owner__board=board, owner__is_active=True, owner__user__is_active=True)


@dataclass
class MemberRow:
    membership: Membership
    commitments: list[Any] = field(default_factory=list)
    appraisal_note: AppraisalNote | None = None


@dataclass
class BoardPlans:
    board: Board
    rows: list[MemberRow]
    members_total: int
    members_with_commitment: int


def board_plans(
    board: Board, *, year: int, chair_seat: Membership, today: date | None = None
) -> BoardPlans:
    """The chair's view: every board member with the shared commitments the chair holding
    `chair_seat` may see (three queries)."""
    today = today or timezone.localdate()
    members = list(Membership.objects.board_members().filter(board=board).select_related("user"))
    rows = {member.pk: MemberRow(member) for member in members}
    commitments = _with_milestone_counts(_shared_on_board(board, chair_seat)).annotate(
        review_count=Count("reviews", distinct=True)
    )
    for commitment in commitments.order_by("due_date", "title"):
        if commitment.owner_id in rows:
            rows[commitment.owner_id].commitments.append(decorate(commitment, today))
    for note in AppraisalNote.objects.filter(member__in=list(rows), year=year):
        rows[note.member_id].appraisal_note = note
    return BoardPlans(
        board=board,
        rows=list(rows.values()),
        members_total=len(rows),
        members_with_commitment=sum(1 for row in rows.values() if row.commitments),
    )


@dataclass
class FollowThrough:
    """The board's follow-through on commitments, for the chair's and facilitator's pages."""

    members_total: int
    members_with_commitment: int
    shared_total: int
    by_status: dict[str, int]
    by_area: dict[int, int]
    overdue_count: int
    # The overdue commitments with their owners: only for the chair (`owners=True`); for
    # anyone else the selector never loads them, so no page can show whose they are.
    overdue: list[Any]
    actions_by_status: dict[str, int]
    actions_total: int

    @property
    def members_percent(self) -> int:
        return progress_percent(self.members_with_commitment, self.members_total)

    @property
    def status_rows(self) -> "list[tuple[StrOrPromise, int]]":
        return [(label, self.by_status.get(value, 0)) for value, label in Status.choices]

    @property
    def area_rows(self) -> "list[tuple[StrOrPromise, int]]":
        return [(label, self.by_area.get(value, 0)) for value, label in GoodPracticeArea.choices]

    @property
    def action_rows(self) -> "list[tuple[StrOrPromise, int]]":
        return [(label, self.actions_by_status.get(value, 0)) for value, label in Status.choices]


def follow_through(
    board: Board,
    today: date | None = None,
    *,
    owners: bool = False,
    chair_seat: Membership | None = None,
) -> FollowThrough:
    """Counts of shared commitments by status and area, how many are overdue (and, with
    `owners`, for the chair only, which and whose: those the chair holding `chair_seat` may
    see), and the action plan's status. Four queries, whatever the size of the board."""
    today = today or timezone.localdate()
    members = Membership.objects.board_members().filter(board=board)
    shared = _shared_on_board(board).filter(owner__in=members)
    members_total = members.count()
    by_status = dict.fromkeys(Status.values, 0)
    by_area: dict[int, int] = {}
    owner_ids = set()
    counts = shared.values_list("status", "area", "owner_id").annotate(n=Count("pk")).order_by()
    for status, area, owner_id, count in counts:
        by_status[status] = by_status.get(status, 0) + count
        by_area[area] = by_area.get(area, 0) + count
        owner_ids.add(owner_id)
    by_area = dict(sorted(by_area.items()))
    late = shared.filter(status__in=OPEN_STATUSES, due_date__lt=today)
    if owners and chair_seat is not None:
        late = late.filter(pk__in=_shared_on_board(board, chair_seat).values("pk"))
    overdue = list(late.select_related("owner__user").order_by("due_date")) if owners else []
    overdue_count = len(overdue) if owners else late.count()
    actions = dict.fromkeys(Status.values, 0)
    actions.update(
        dict(
            BoardAction.objects.filter(board=board)
            .values_list("status")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    return FollowThrough(
        members_total=members_total,
        members_with_commitment=len(owner_ids),
        shared_total=sum(by_status.values()),
        by_status=by_status,
        by_area=by_area,
        overdue_count=overdue_count,
        overdue=overdue,
        actions_by_status=actions,
        actions_total=sum(actions.values()),
    )


def action_plan(board: Board, today: date | None = None) -> list[BoardAction]:
    """The board's collective actions with owners and milestones (two queries)."""
    today = today or timezone.localdate()
    actions = list(
        _with_milestone_counts(BoardAction.objects.filter(board=board))
        .select_related("owner__user")
        .prefetch_related("milestones")
        .order_by("due_date", "title")
    )
    for action in actions:
        decorate(action, today)
    return actions


def home_summary(membership: Membership) -> dict[str, int]:
    """Counts for the plan section of "My board development" (one query)."""
    today = timezone.localdate()
    return Commitment.objects.filter(owner=membership).aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today)),
        drafts=Count("pk", filter=Q(shared_at__isnull=True)),
    )


@dataclass
class AppraisalPack:
    """What one member did on one board, as evidence for their annual appraisal and the fit
    and proper person assessment: only their own records, only shared commitments."""

    membership: Membership
    modules: list[Any]  # ModuleProgress rows with completed_at, oldest first
    checks: list[Any]  # passed Attempts, the best passed attempt per knowledge check
    sessions: list[Any]  # Attendance rows where they attended, with the session
    commitments: list[Any]  # shared commitments with their reviews, decorated
    appraisal_notes: list[AppraisalNote]
    by_domain: dict[str, int] = field(default_factory=dict)  # domain label -> number of commitments


def appraisal_pack(membership: Membership, today: date | None = None) -> AppraisalPack:
    """The member's own pack, in a fixed number of queries (five)."""
    from learning.development.models import Attendance
    from modules.models.progress import ModuleProgress
    from modules.quizzes.models import Attempt

    from .models import CompetencyDomain

    today = today or timezone.localdate()
    user = membership.user
    modules = list(
        ModuleProgress.objects.filter(user=user, completed_at__isnull=False)
        .select_related("page")
        .order_by("completed_at")
    )
    best: dict[int, Any] = {}
    for attempt in (
        Attempt.objects.filter(user=user, passed=True)
        .select_related("quiz")
        .order_by("finished_at")
    ):
        if attempt.quiz_id not in best or (attempt.score or 0) > (best[attempt.quiz_id].score or 0):
            best[attempt.quiz_id] = attempt
    sessions = list(
        Attendance.objects.filter(user=user, attended=True, session__board=membership.board)
        .select_related("session")
        .order_by("session__starts_at")
    )
    commitments = [
        decorate(c, today) for c in own_commitments(membership).filter(shared_at__isnull=False)
    ]
    by_domain = {}
    for value, label in CompetencyDomain.choices:
        count = sum(1 for c in commitments if c.competency_domain == value)
        if count:
            by_domain[str(label)] = count
    return AppraisalPack(
        membership=membership,
        modules=modules,
        checks=sorted(best.values(), key=lambda attempt: attempt.finished_at),
        sessions=sessions,
        commitments=commitments,
        appraisal_notes=list(
            AppraisalNote.objects.filter(member=membership).select_related("author")
        ),
        by_domain=by_domain,
    )
