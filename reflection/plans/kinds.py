"""The kinds of item a development plan holds, in one table.

A member's commitments and the board's actions are plan items, and each has milestones. The
reminder query, the reminder email, the services that change an item and the views that add
and tick off milestones all read `PLAN_ITEM_KINDS`, so a kind's model, form, page, owner and
wording are written once here rather than in four parallel stacks.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms as django_forms
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import forms, permissions
from .models import OPEN_STATUSES, ActionMilestone, BoardAction, Commitment, Milestone

PlanItem = Commitment | BoardAction | Milestone | ActionMilestone

# Reminders go only to owners whose seat and account are both still active.
ACTIVE_OWNER = {"is_active": True, "user__is_active": True}


@dataclass(frozen=True)
class PlanItemKind:
    """One kind of plan item: what it is stored as, how it is written and where it is shown."""

    key: str  # `SentReminder.kind` for this kind's reminders
    model: type[PlanItem]
    noun: Promise  # what a reminder email calls it ("your commitment “…”")
    detail_url: str  # the URL name of the page that shows it (a milestone: its parent's page)
    form: type[django_forms.ModelForm]  # the form its owner writes it with
    access_for_edit: Callable[[Any, Any], Any]  # (user, pk) -> the item, or 403/404
    parent: "PlanItemKind | None" = None  # a milestone's commitment or action
    parent_field: str = ""  # the milestone's field that holds its parent

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields a person may write: the form's, so the two never disagree."""
        return tuple(self.form.Meta.fields)  # type: ignore[attr-defined]  # a ModelForm's Meta

    @property
    def owner_path(self) -> str:
        """The lookup from an item to the membership that owns it."""
        return f"{self.parent_field}__owner" if self.parent else "owner"

    def open_filter(self) -> dict[str, Any]:
        """Query conditions for items still to be done (a milestone: of an open parent)."""
        if self.parent is None:
            return {"status__in": OPEN_STATUSES}
        return {"completed_at__isnull": True, f"{self.parent_field}__status__in": OPEN_STATUSES}

    def is_open(self, item: Any) -> bool:
        """Whether the item is still to be done (a milestone: and its parent too)."""
        if self.parent is None:
            return item.is_open
        return not item.done and getattr(item, self.parent_field).is_open

    def page_pk(self, item: Any) -> int:
        """The id in the URL of the page that shows the item."""
        return getattr(item, f"{self.parent_field}_id") if self.parent else item.pk

    def due_by(self, horizon: date) -> QuerySet:
        """(pk, due date, owner's user id) of each open item due by `horizon` (one query)."""
        owner = {f"{self.owner_path}__{name}": value for name, value in ACTIVE_OWNER.items()}
        return self.model.objects.filter(
            due_date__lte=horizon, **self.open_filter(), **owner
        ).values_list("pk", "due_date", f"{self.owner_path}__user_id")


COMMITMENT = PlanItemKind(
    key="plans.commitment",
    model=Commitment,
    noun=_("commitment"),
    detail_url="plans:commitment_detail",
    form=forms.CommitmentForm,
    access_for_edit=permissions.access_commitment_as_owner,
)
MILESTONE = PlanItemKind(
    key="plans.milestone",
    model=Milestone,
    noun=_("milestone"),
    detail_url=COMMITMENT.detail_url,
    form=forms.MilestoneForm,
    access_for_edit=permissions.access_milestone_as_owner,
    parent=COMMITMENT,
    parent_field="commitment",
)
ACTION = PlanItemKind(
    key="plans.action",
    model=BoardAction,
    noun=_("board action"),
    detail_url="plans:action_detail",
    form=forms.BoardActionForm,
    access_for_edit=permissions.access_action_for_edit,
)
ACTION_MILESTONE = PlanItemKind(
    key="plans.action_milestone",
    model=ActionMilestone,
    noun=_("board action milestone"),
    detail_url=ACTION.detail_url,
    form=forms.ActionMilestoneForm,
    access_for_edit=permissions.access_action_milestone_for_edit,
    parent=ACTION,
    parent_field="action",
)

# In the order reminders are gathered and sent.
PLAN_ITEM_KINDS: dict[str, PlanItemKind] = {
    kind.key: kind for kind in (COMMITMENT, MILESTONE, ACTION, ACTION_MILESTONE)
}
