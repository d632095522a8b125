"""Adding a milestone to a commitment or a board action, and ticking one off: one pair of
views, made for each kind of milestone in `kinds`."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.permissions import SignedInRequest

from .. import services
from ..kinds import ACTION, ACTION_MILESTONE, COMMITMENT, MILESTONE, PlanItemKind
from .actions import action_page
from .commitments import commitment_page
from .saving import form_fields, submit

View = Callable[[SignedInRequest, int], HttpResponse]

# The page a milestone form is shown on again when it has errors, by the parent's kind.
PAGES: dict[str, Callable[..., HttpResponse]] = {
    COMMITMENT.key: commitment_page,
    ACTION.key: action_page,
}


def _parent_kind(kind: PlanItemKind) -> PlanItemKind:
    if kind.parent is None:
        raise ValueError(f"{kind.key} is not a kind of milestone.")
    return kind.parent


def milestone_add_view(kind: PlanItemKind) -> View:
    """The view that adds a milestone of `kind` to its commitment or action."""
    parent_kind = _parent_kind(kind)

    @login_required
    @require_POST
    def milestone_add(request: SignedInRequest, pk: int) -> HttpResponse:
        parent: Any = parent_kind.access_for_edit(request.user, pk)
        form = kind.form(request.POST, instance=kind.model(**{kind.parent_field: parent}))
        done = submit(
            request,
            form,
            lambda: services.plan_milestone_add(
                kind=kind, parent=parent, **form_fields(form, kind.fields)
            ),
            message=_("Milestone added."),
            to=kind.detail_url,
            pk=parent.pk,
        )
        return done or PAGES[parent_kind.key](request, parent, milestone_form=form)

    return milestone_add


def milestone_done_view(kind: PlanItemKind) -> View:
    """The view that marks a milestone of `kind` done (or not done again)."""
    _parent_kind(kind)

    @login_required
    @require_POST
    def milestone_done(request: SignedInRequest, pk: int) -> HttpResponse:
        milestone = kind.access_for_edit(request.user, pk)
        services.plan_milestone_set_done(milestone=milestone, done=request.POST.get("done") == "1")
        return redirect(kind.detail_url, pk=kind.page_pk(milestone))

    return milestone_done


milestone_add = milestone_add_view(MILESTONE)
milestone_done = milestone_done_view(MILESTONE)
action_milestone_add = milestone_add_view(ACTION_MILESTONE)
action_milestone_done = milestone_done_view(ACTION_MILESTONE)
