"""Writes to commitments, milestones, updates, reviews, appraisal notes and board actions.

Each is atomic, validates with `full_clean()` and is safe to call twice: a double submit
returns what the first one made instead of making it again.
"""

from datetime import date, timedelta
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone

from learning.models import Board, Membership, User
from modules.models import ModulePage

from .models import (
    ActionMilestone,
    AppraisalNote,
    BoardAction,
    ChairReview,
    Commitment,
    CommitmentUpdate,
    CompetencyDomain,
    Milestone,
    MilestoneBase,
)

# A second identical submission within this window is treated as the same one.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)

COMMITMENT_FIELDS = (
    "title",
    "description",
    "area",
    "competency_domain",
    "success_measure",
    "due_date",
    "status",
    "explanation",
)


@transaction.atomic
def commitment_create(
    *,
    owner: Membership,
    title: str,
    area: int,
    success_measure: str,
    due_date: date,
    description: str = "",
    competency_domain: str = CompetencyDomain.EQUALITY,
    status: str = "planned",
    explanation: str = "",
    share: bool = True,
    origin: str = Commitment.Origin.SCRATCH,
    module: ModulePage | None = None,
) -> Commitment:
    """Makes a commitment for a board member, shared with the chair unless kept as a draft."""
    recent = Commitment.objects.filter(
        owner=owner,
        title=title,
        description=description,
        created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if recent is not None:
        return recent
    commitment = Commitment(
        owner=owner,
        title=title,
        description=description,
        area=area,
        competency_domain=competency_domain,
        success_measure=success_measure,
        due_date=due_date,
        status=status,
        explanation=explanation,
        origin=origin,
        module=module,
        shared_at=timezone.now() if share else None,
    )
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_change(*, commitment: Commitment, **changes: Any) -> Commitment:
    """Changes the owner's own commitment; only the fields a member may edit."""
    unknown = set(changes) - set(COMMITMENT_FIELDS)
    if unknown:
        raise TypeError(f"Cannot change {sorted(unknown)}")
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    for name, value in changes.items():
        setattr(commitment, name, value)
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_share(*, commitment: Commitment, share: bool) -> Commitment:
    """Shares the commitment with the board's chair, or takes it back to a private draft."""
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if share and commitment.shared_at is None:
        commitment.shared_at = timezone.now()
    elif not share:
        commitment.shared_at = None
    commitment.save(update_fields=["shared_at", "updated_at"])
    return commitment


M = TypeVar("M", bound=MilestoneBase)


# MilestoneBase is abstract, so the stubs give it no manager; Milestone and ActionMilestone,
# the models these are called with, have `objects`.
def _milestone_add(
    model: type[M],
    *,
    parent_field: str,
    parent: Commitment | BoardAction,
    title: str,
    due_date: date,
) -> M:
    manager = model.objects  # type: ignore[attr-defined]
    existing: M | None = manager.filter(**{parent_field: parent, "title": title}).first()
    if existing is not None and existing.due_date == due_date:
        return existing
    milestone = model(**{parent_field: parent}, title=title, due_date=due_date)
    milestone.full_clean()
    milestone.save()
    return milestone


def _milestone_set_done(milestone: M, done: bool) -> M:
    manager = type(milestone).objects  # type: ignore[attr-defined]
    milestone = manager.select_for_update().get(pk=milestone.pk)
    if done and milestone.completed_at is None:
        milestone.completed_at = timezone.now()
    elif not done:
        milestone.completed_at = None
    milestone.save(update_fields=["completed_at"])
    return milestone


@transaction.atomic
def milestone_add(*, commitment: Commitment, title: str, due_date: date) -> Milestone:
    """Adds a milestone, due on or before the commitment; the same one twice is one."""
    return _milestone_add(
        Milestone, parent_field="commitment", parent=commitment, title=title, due_date=due_date
    )


@transaction.atomic
def milestone_set_done(*, milestone: Milestone, done: bool) -> Milestone:
    """Marks a milestone done (keeping the first time it was marked) or not done."""
    return _milestone_set_done(milestone, done)


@transaction.atomic
def commitment_update_add(
    *, commitment: Commitment, text: str, evidence_url: str = "", on: date | None = None
) -> CommitmentUpdate:
    """Records progress on a commitment, with an optional link to evidence."""
    on = on or timezone.localdate()
    existing = CommitmentUpdate.objects.filter(commitment=commitment, date=on, text=text).first()
    if existing is not None:
        return existing
    update = CommitmentUpdate(commitment=commitment, date=on, text=text, evidence_url=evidence_url)
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def chair_review_add(*, commitment: Commitment, author: User, text: str) -> ChairReview:
    """Adds the chair's comment on a shared commitment; the commitment itself is untouched."""
    latest = ChairReview.objects.filter(commitment=commitment, author=author).first()
    if latest is not None and latest.text == text:
        return latest
    review = ChairReview(commitment=commitment, author=author, text=text)
    review.full_clean()
    review.save()
    return review


def chair_review_change(*, review: ChairReview, text: str) -> ChairReview:
    """Rewrites a review comment (its author only: see access_review_as_author)."""
    if review.text != text:
        review.text = text
        review.full_clean()
        review.save(update_fields=["text"])
    return review


def chair_review_delete(*, review: ChairReview) -> None:
    """Deletes a review comment; deleting one already gone does nothing."""
    ChairReview.objects.filter(pk=review.pk).delete()


@transaction.atomic
def appraisal_note_save(*, member: Membership, year: int, author: User, text: str) -> AppraisalNote:
    """Writes (or rewrites) the chair's appraisal note on a member for one year."""
    note = AppraisalNote.objects.select_for_update().filter(member=member, year=year).first()
    note = note or AppraisalNote(member=member, year=year)
    note.text = text
    note.author = author
    note.updated_at = timezone.now()
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def board_action_create(
    *,
    board: Board,
    title: str,
    owner: Membership,
    due_date: date,
    description: str = "",
    status: str = "planned",
    explanation: str = "",
) -> BoardAction:
    """Adds a collective action to the board's plan; the same title twice is one action."""
    existing = BoardAction.objects.filter(board=board, title=title).first()
    if existing is not None and existing.owner_id == owner.pk:
        return existing
    action = BoardAction(
        board=board,
        title=title,
        owner=owner,
        due_date=due_date,
        description=description,
        status=status,
        explanation=explanation,
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def board_action_change(*, action: BoardAction, **changes: Any) -> BoardAction:
    """Changes an action in the board's plan (the chair or its owner)."""
    allowed = {"title", "description", "owner", "due_date", "status", "explanation"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Cannot change {sorted(unknown)}")
    action = BoardAction.objects.select_for_update().get(pk=action.pk)
    for name, value in changes.items():
        setattr(action, name, value)
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_milestone_add(*, action: BoardAction, title: str, due_date: date) -> ActionMilestone:
    """Adds a milestone to a board action, due on or before the action."""
    return _milestone_add(
        ActionMilestone, parent_field="action", parent=action, title=title, due_date=due_date
    )


@transaction.atomic
def action_milestone_set_done(*, milestone: ActionMilestone, done: bool) -> ActionMilestone:
    """Marks a board action's milestone done or not done."""
    return _milestone_set_done(milestone, done)
