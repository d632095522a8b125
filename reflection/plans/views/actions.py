"""The board's action plan: the list, adding and changing an action, and an action's page.
Milestones are in `milestones`."""

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.models import Role
from learning.permissions import SignedInRequest

from .. import forms, permissions, selectors, services
from ..kinds import ACTION
from ..models import BoardAction
from .saving import form_fields, submit


@login_required
def action_plan(request: SignedInRequest, board_id: int) -> HttpResponse:
    seat = permissions.access_action_plan(request.user, board_id)
    return render(
        request,
        "plans/action_plan.html",
        {
            "board": seat.board,
            "actions": selectors.action_plan(seat.board),
            "can_add": seat.role == Role.CHAIR,
        },
    )


@login_required
def action_create(request: SignedInRequest, board_id: int) -> HttpResponse:
    seat = permissions.access_action_plan_as_chair(request.user, board_id)
    form = forms.BoardActionForm(request.POST or None, board=seat.board)
    done = submit(
        request,
        form,
        lambda: services.board_action_create(board=seat.board, **form_fields(form, ACTION.fields)),
        message=_("Action added to the board's plan."),
        to=ACTION.detail_url,
    )
    return done or render(request, "plans/action_form.html", {"form": form, "board": seat.board})


def action_page(
    request: SignedInRequest,
    action: BoardAction,
    milestone_form: django_forms.BaseForm | None = None,
) -> HttpResponse:
    """The action's page; `milestone_form` is a milestone posted from it that had errors."""
    can_edit = permissions.user_can_edit_action(request.user, action)
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "board": action.board,
            "milestones": list(action.milestones.all()),
            "can_edit": can_edit,
            "milestone_form": (milestone_form or forms.ActionMilestoneForm()) if can_edit else None,
            "today": timezone.localdate(),
        },
    )


@login_required
def action_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    return action_page(request, permissions.access_action(request.user, pk))


@login_required
def action_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    action = ACTION.access_for_edit(request.user, pk)
    form = forms.BoardActionForm(request.POST or None, instance=action, board=action.board)
    done = submit(
        request,
        form,
        lambda: services.board_action_change(action=action, **form_fields(form, ACTION.fields)),
        message=_("The action is updated."),
        to=ACTION.detail_url,
        pk=action.pk,
    )
    return done or render(
        request, "plans/action_form.html", {"form": form, "board": action.board, "action": action}
    )
