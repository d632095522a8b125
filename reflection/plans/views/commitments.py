"""A member's commitment: writing it, its page, sharing it, progress updates and the chair's
review comments. Milestones are in `milestones`."""

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.permissions import SignedInRequest
from learning.selectors import current_membership

from .. import forms, permissions, services
from ..kinds import COMMITMENT
from ..models import Commitment
from ..prefill import commitment_start
from .saving import form_fields, submit


@login_required
def commitment_create(request: SignedInRequest) -> HttpResponse:
    membership = permissions.access_own_membership(current_membership(request))
    start = commitment_start(request.user, request.GET)
    form = forms.NewCommitmentForm(request.POST or None, initial=start.initial)
    done = submit(
        request,
        form,
        lambda: services.commitment_create(
            owner=membership,
            share=form.cleaned_data["share"] == "chair",
            origin=start.origin,
            module=start.module,
            **form_fields(form, forms.NewCommitmentForm.Meta.fields),
        ),
        message=_("Your commitment is saved. Now add its milestones."),
        to=COMMITMENT.detail_url,
    )
    return done or render(
        request,
        "plans/commitment_form.html",
        {"form": form, "start": start, "membership": membership},
    )


def commitment_page(
    request: SignedInRequest, commitment: Commitment, **bound_forms: django_forms.BaseForm
) -> HttpResponse:
    """The commitment's page; `bound_forms` are forms posted from it that had errors."""
    is_owner = commitment.owner.user_id == request.user.pk
    context: dict[str, Any] = {
        "commitment": commitment,
        "is_owner": is_owner,
        "milestones": list(commitment.milestones.all()),
        "updates": list(commitment.updates.all()),
        "reviews": list(commitment.reviews.select_related("author")),
        "today": timezone.localdate(),
    }
    if is_owner:
        context["milestone_form"] = bound_forms.get("milestone_form") or forms.MilestoneForm()
        context["update_form"] = bound_forms.get("update_form") or forms.CommitmentUpdateForm()
    else:
        context["review_form"] = bound_forms.get("review_form") or forms.ChairReviewForm()
    return render(request, "plans/commitment_detail.html", context)


@login_required
def commitment_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    commitment = permissions.access_commitment(request.user, pk, request=request)
    return commitment_page(request, commitment)


@login_required
def commitment_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    commitment = COMMITMENT.access_for_edit(request.user, pk)
    form = forms.CommitmentForm(request.POST or None, instance=commitment)
    done = submit(
        request,
        form,
        lambda: services.commitment_change(
            commitment=commitment, **form_fields(form, COMMITMENT.fields)
        ),
        message=_("Your commitment is updated."),
        to=COMMITMENT.detail_url,
        pk=commitment.pk,
    )
    return done or render(
        request, "plans/commitment_edit.html", {"form": form, "commitment": commitment}
    )


@login_required
@require_POST
def commitment_share(request: SignedInRequest, pk: int) -> HttpResponse:
    commitment = COMMITMENT.access_for_edit(request.user, pk)
    share = request.POST.get("share") == "1"
    services.commitment_share(commitment=commitment, share=share)
    if share:
        messages.success(request, _("The chair of your board can now see this commitment."))
    else:
        messages.success(request, _("This commitment is now a private draft. Only you see it."))
    return redirect(COMMITMENT.detail_url, pk=commitment.pk)


@login_required
@require_POST
def update_add(request: SignedInRequest, pk: int) -> HttpResponse:
    commitment = COMMITMENT.access_for_edit(request.user, pk)
    form = forms.CommitmentUpdateForm(request.POST)
    done = submit(
        request,
        form,
        lambda: services.commitment_update_add(
            commitment=commitment, **form_fields(form, forms.CommitmentUpdateForm.Meta.fields)
        ),
        message=_("Update added."),
        to=COMMITMENT.detail_url,
        pk=commitment.pk,
    )
    return done or commitment_page(request, commitment, update_form=form)


@login_required
@require_POST
def review_add(request: SignedInRequest, pk: int) -> HttpResponse:
    commitment = permissions.access_commitment_as_reviewer(request.user, pk, request=request)
    form = forms.ChairReviewForm(request.POST)
    done = submit(
        request,
        form,
        lambda: services.chair_review_add(
            commitment=commitment, author=request.user, text=form.cleaned_data["text"]
        ),
        message=_("Your review comment is saved. The member can see it."),
        to=COMMITMENT.detail_url,
        pk=commitment.pk,
    )
    return done or commitment_page(request, commitment, review_form=form)


@login_required
def review_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    review = permissions.access_review_as_author(request.user, pk)
    # Not bound to the instance: validating would write the new text onto it before the service.
    form = forms.ChairReviewForm(request.POST or None, initial={"text": review.text})
    if request.method == "POST" and form.is_valid():
        services.chair_review_change(review=review, text=form.cleaned_data["text"])
        messages.success(request, _("Your review comment is changed. The member can see it."))
        return redirect(COMMITMENT.detail_url, pk=review.commitment_id)
    return render(request, "plans/review_edit.html", {"form": form, "review": review})


@login_required
def review_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    review = permissions.access_review_as_author(request.user, pk)
    if request.method == "POST":
        services.chair_review_delete(review=review)
        messages.success(request, _("Your review comment is deleted."))
        return redirect(COMMITMENT.detail_url, pk=review.commitment_id)
    return render(request, "plans/review_delete.html", {"review": review})
