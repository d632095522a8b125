"""Writes to commitments, milestones, updates, reviews, appraisal notes and board actions.

Each is atomic, validates with `full_clean()` and is safe to call twice: a double submit
returns what the first one made instead of making it again.
"""

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, cast

from django.db import transaction
from django.utils import timezone

from learning.models import Board, Membership, User
from modules.models import ModulePage

from .kinds import ACTION, ACTION_MILESTONE, COMMITMENT, MILESTONE, PlanItem, PlanItemKind
from .models import (
    ActionMilestone,
    AppraisalNote,
    BoardAction,
    ChairReview,
    Commitment,
    CommitmentUpdate,
    Milestone,
    MilestoneBase,
)

# A second identical submission within this window is treated as the same one.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=10)


def _check_fields(kind: PlanItemKind, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(kind.fields)
    if unknown:
        raise TypeError(f"Cannot change {sorted(unknown)}")


def _item_change(kind: PlanItemKind, item: PlanItem, changes: Mapping[str, Any]) -> Any:
    """Changes the fields a person may write on a commitment or a board action."""
    _check_fields(kind, changes)
    item = kind.model.objects.select_for_update().get(pk=item.pk)
    for name, value in changes.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def commitment_create(
    *,
    owner: Membership,
    share: bool = True,
    origin: str = Commitment.Origin.SCRATCH,
    module: "ModulePage | None" = None,
    **fields: Any,
) -> Commitment:
    """Makes a commitment for a board member, shared with the chair unless kept as a draft.
    `fields` are the commitment form's (`COMMITMENT.fields`); those left out take the model's
    defaults."""
    _check_fields(COMMITMENT, fields)
    recent = Commitment.objects.filter(
        owner=owner,
        title=fields.get("title"),
        description=fields.get("description", ""),
        created_at__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if recent is not None:
        return recent
    commitment = Commitment(
        owner=owner,
        origin=origin,
        module=module,
        shared_at=timezone.now() if share else None,
        **fields,
    )
    commitment.full_clean()
    commitment.save()
    return commitment


@transaction.atomic
def commitment_change(*, commitment: Commitment, **changes: Any) -> Commitment:
    """Changes the owner's own commitment; only the fields a member may edit."""
    return cast(Commitment, _item_change(COMMITMENT, commitment, changes))


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


@transaction.atomic
def plan_milestone_add(
    *, kind: PlanItemKind, parent: Commitment | BoardAction, title: str, due_date: date
) -> Any:
    """Adds a milestone of `kind` (a commitment's or an action's), due on or before its
    parent; the same one twice is one."""
    existing = kind.model.objects.filter(**{kind.parent_field: parent, "title": title}).first()
    if existing is not None and existing.due_date == due_date:
        return existing
    milestone = kind.model(**{kind.parent_field: parent}, title=title, due_date=due_date)
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def plan_milestone_set_done(*, milestone: MilestoneBase, done: bool) -> Any:
    """Marks a milestone of either kind done (keeping the first time it was marked) or not."""
    milestone = type(milestone)._default_manager.select_for_update().get(pk=milestone.pk)
    if done and milestone.completed_at is None:
        milestone.completed_at = timezone.now()
    elif not done:
        milestone.completed_at = None
    milestone.save(update_fields=["completed_at"])
    return milestone


@transaction.atomic
def milestone_add(*, commitment: Commitment, title: str, due_date: date) -> Milestone:
    """Adds a milestone, due on or before the commitment; the same one twice is one."""
    milestone = plan_milestone_add(
        kind=MILESTONE, parent=commitment, title=title, due_date=due_date
    )
    return cast(Milestone, milestone)


@transaction.atomic
def milestone_set_done(*, milestone: Milestone, done: bool) -> Milestone:
    """Marks a milestone done (keeping the first time it was marked) or not done."""
    return cast(Milestone, plan_milestone_set_done(milestone=milestone, done=done))


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
    return cast(BoardAction, _item_change(ACTION, action, changes))


@transaction.atomic
def action_milestone_add(*, action: BoardAction, title: str, due_date: date) -> ActionMilestone:
    """Adds a milestone to a board action, due on or before the action."""
    milestone = plan_milestone_add(
        kind=ACTION_MILESTONE, parent=action, title=title, due_date=due_date
    )
    return cast(ActionMilestone, milestone)


@transaction.atomic
def action_milestone_set_done(*, milestone: ActionMilestone, done: bool) -> ActionMilestone:
    """Marks a board action's milestone done or not done."""
    return cast(ActionMilestone, plan_milestone_set_done(milestone=milestone, done=done))
