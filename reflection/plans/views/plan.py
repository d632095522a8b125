"""The member's own plan, the suggestions library, and the chair's view of the board's plans."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.models import Role
from learning.permissions import SignedInRequest
from learning.selectors import current_membership

from .. import forms, permissions, selectors, services
from ..models import SuggestedCommitment
from .saving import save


@login_required
def my_plan(request: SignedInRequest) -> HttpResponse:
    membership = permissions.access_own_membership(current_membership(request))
    plan = selectors.member_plan(membership)
    return render(request, "plans/my_plan.html", {"plan": plan, "membership": membership})


@login_required
def library(request: SignedInRequest) -> HttpResponse:
    permissions.access_own_membership(current_membership(request))
    suggestions = list(SuggestedCommitment.objects.all())
    groups: dict[str, list[SuggestedCommitment]] = {}
    for suggestion in suggestions:
        groups.setdefault(suggestion.get_area_display(), []).append(suggestion)
    return render(request, "plans/library.html", {"groups": groups})


# The chair's and facilitator's view of the board


@login_required
def board_plans(request: SignedInRequest, board_id: int) -> HttpResponse:
    seat = permissions.access_board_plans(request.user, board_id)
    chair = seat.role == Role.CHAIR
    figures = selectors.follow_through(seat.board, owners=chair, chair_seat=seat if chair else None)
    context = {"board": seat.board, "figures": figures}
    if seat.role == Role.FACILITATOR:
        return render(request, "plans/board_counts.html", context)
    context["plans"] = permissions.board_plans_for_chair(
        request.user, seat, year=timezone.localdate().year, request=request
    )
    return render(request, "plans/board_plans.html", context)


@login_required
def member_review(request: SignedInRequest, board_id: int, membership_id: int) -> HttpResponse:
    member = permissions.access_member_as_chair(
        request.user, board_id, membership_id, request=request
    )
    year = timezone.localdate().year
    note = member.appraisal_notes.filter(year=year).first()
    form = forms.AppraisalNoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.appraisal_note_save(
                member=member, year=year, author=request.user, text=form.cleaned_data["text"]
            ),
        )
        if saved is not None:
            messages.success(request, _("The appraisal note is saved. The member can see it."))
            return redirect(
                "plans:member_review", board_id=member.board_id, membership_id=member.pk
            )
    today = timezone.localdate()
    commitments = [
        selectors.decorate(commitment, today)
        for commitment in selectors.own_commitments(member).seen_by_chair(  # type: ignore[attr-defined]  # a CommitmentQuerySet
            permissions.chair_seat(request.user, member.board_id)
        )
    ]
    return render(
        request,
        "plans/member_review.html",
        {"member": member, "commitments": commitments, "form": form, "year": year},
    )
