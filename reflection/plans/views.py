"""Pages for a member's development plan, the chair's review and the board's action plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record
from learning.models import Role
from learning.selectors import current_membership

from . import appraisal, forms, permissions, selectors, services
from .models import ActionMilestone, Milestone, SuggestedCommitment
from .pdf import plan_pdf_bytes
from .prefill import commitment_start


def _form_fields(form, names) -> dict:
    return {name: form.cleaned_data[name] for name in names}


def _save(form, write):
    """Runs a service with the form's data; a model error becomes a form error."""
    try:
        return write()
    except ValidationError as error:
        form.add_error(None, error)
        return None


# The member's own plan


@login_required
def my_plan(request):
    membership = permissions.access_own_membership(current_membership(request))
    plan = selectors.member_plan(membership)
    return render(request, "plans/my_plan.html", {"plan": plan, "membership": membership})


CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _include_drafts(request) -> bool:
    """Private drafts go into a printed plan only when the member ticks "include drafts"."""
    return request.GET.get("drafts") == "on"


def _own_download(request, body: bytes, *, extension: str, target: str, name: str):
    """A member's own document as an attachment named after them, with the download audited
    (`target` is the URL name without its extension)."""
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.PDF_DOWNLOADED
        if extension == "pdf"
        else AuditEvent.Action.EXPORT_DOWNLOADED,
        subject_user=request.user,
        target=f"plans:{target}_{extension}",
        request=request,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[extension])
    filename = slugify(f"{name} {request.user.get_full_name() or 'member'}")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


def _plan_download(request, *, extension: str) -> HttpResponse:
    """The member's own plan as a PDF or a Word document, with the download audited."""
    membership = permissions.access_own_membership(current_membership(request))
    plan = selectors.member_plan(membership)
    if extension == "docx":
        # python-docx is loaded only when a Word document is asked for.
        from .plan_docx import plan_docx_bytes as make
    else:
        make = plan_pdf_bytes
    body = make(plan, include_drafts=_include_drafts(request))
    return _own_download(request, body, extension=extension, target="plan", name="development plan")


@login_required
def plan_pdf(request):
    return _plan_download(request, extension="pdf")


@login_required
def plan_docx(request):
    return _plan_download(request, extension="docx")


@login_required
def appraisal_pack(request, membership_id):
    """What the member's appraisal pack holds, with its two downloads. Their own seat only."""
    membership = permissions.access_own_seat(request.user, membership_id)
    pack = selectors.appraisal_pack(membership)
    return render(
        request,
        "plans/appraisal_pack.html",
        {
            "membership": membership,
            "pack": pack,
            "summary": appraisal.summary_lines(pack),
        },
    )


def _pack_download(request, membership_id, *, extension: str) -> HttpResponse:
    membership = permissions.access_own_seat(request.user, membership_id)
    pack = selectors.appraisal_pack(membership)
    make = appraisal.appraisal_pack_docx if extension == "docx" else appraisal.appraisal_pack_pdf
    body = make(pack)
    return _own_download(
        request, body, extension=extension, target="appraisal_pack", name="appraisal pack"
    )


@login_required
def appraisal_pack_pdf(request, membership_id):
    return _pack_download(request, membership_id, extension="pdf")


@login_required
def appraisal_pack_docx(request, membership_id):
    return _pack_download(request, membership_id, extension="docx")


@login_required
def library(request):
    permissions.access_own_membership(current_membership(request))
    suggestions = list(SuggestedCommitment.objects.all())
    groups: dict = {}
    for suggestion in suggestions:
        groups.setdefault(suggestion.get_area_display(), []).append(suggestion)
    return render(request, "plans/library.html", {"groups": groups})


@login_required
def commitment_create(request):
    membership = permissions.access_own_membership(current_membership(request))
    start = commitment_start(request.user, request.GET)
    form = forms.NewCommitmentForm(request.POST or None, initial=start.initial)
    if request.method == "POST" and form.is_valid():
        commitment = _save(
            form,
            lambda: services.commitment_create(
                owner=membership,
                share=form.cleaned_data["share"] == "chair",
                origin=start.origin,
                module=start.module,
                **_form_fields(form, forms.NewCommitmentForm.Meta.fields),
            ),
        )
        if commitment is not None:
            messages.success(request, _("Your commitment is saved. Now add its milestones."))
            return redirect("plans:commitment_detail", pk=commitment.pk)
    return render(
        request,
        "plans/commitment_form.html",
        {"form": form, "start": start, "membership": membership},
    )


def _detail(request, commitment, **bound_forms):
    is_owner = commitment.owner.user_id == request.user.pk
    context = {
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
def commitment_detail(request, pk):
    commitment = permissions.access_commitment(request.user, pk, request=request)
    return _detail(request, commitment)


@login_required
def commitment_edit(request, pk):
    commitment = permissions.access_commitment_as_owner(request.user, pk)
    form = forms.CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        changed = _save(
            form,
            lambda: services.commitment_change(
                commitment=commitment, **_form_fields(form, forms.CommitmentForm.Meta.fields)
            ),
        )
        if changed is not None:
            messages.success(request, _("Your commitment is updated."))
            return redirect("plans:commitment_detail", pk=commitment.pk)
    return render(request, "plans/commitment_edit.html", {"form": form, "commitment": commitment})


@login_required
@require_POST
def commitment_share(request, pk):
    commitment = permissions.access_commitment_as_owner(request.user, pk)
    share = request.POST.get("share") == "1"
    services.commitment_share(commitment=commitment, share=share)
    if share:
        messages.success(request, _("The chair of your board can now see this commitment."))
    else:
        messages.success(request, _("This commitment is now a private draft. Only you see it."))
    return redirect("plans:commitment_detail", pk=commitment.pk)


@login_required
@require_POST
def milestone_add(request, pk):
    commitment = permissions.access_commitment_as_owner(request.user, pk)
    form = forms.MilestoneForm(request.POST, instance=Milestone(commitment=commitment))
    if form.is_valid() and _save(
        form,
        lambda: services.milestone_add(
            commitment=commitment, **_form_fields(form, ["title", "due_date"])
        ),
    ):
        messages.success(request, _("Milestone added."))
        return redirect("plans:commitment_detail", pk=commitment.pk)
    return _detail(request, commitment, milestone_form=form)


@login_required
@require_POST
def milestone_done(request, pk):
    milestone = permissions.access_milestone_as_owner(request.user, pk)
    services.milestone_set_done(milestone=milestone, done=request.POST.get("done") == "1")
    return redirect("plans:commitment_detail", pk=milestone.commitment_id)


@login_required
@require_POST
def update_add(request, pk):
    commitment = permissions.access_commitment_as_owner(request.user, pk)
    form = forms.CommitmentUpdateForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda: services.commitment_update_add(
            commitment=commitment, **_form_fields(form, ["text", "evidence_url"])
        ),
    ):
        messages.success(request, _("Update added."))
        return redirect("plans:commitment_detail", pk=commitment.pk)
    return _detail(request, commitment, update_form=form)


@login_required
@require_POST
def review_add(request, pk):
    commitment = permissions.access_commitment_as_reviewer(request.user, pk, request=request)
    form = forms.ChairReviewForm(request.POST)
    if form.is_valid() and _save(
        form,
        lambda: services.chair_review_add(
            commitment=commitment, author=request.user, text=form.cleaned_data["text"]
        ),
    ):
        messages.success(request, _("Your review comment is saved. The member can see it."))
        return redirect("plans:commitment_detail", pk=commitment.pk)
    return _detail(request, commitment, review_form=form)


@login_required
def review_edit(request, pk):
    review = permissions.access_review_as_author(request.user, pk)
    # Not bound to the instance: validating would write the new text onto it before the service.
    form = forms.ChairReviewForm(request.POST or None, initial={"text": review.text})
    if request.method == "POST" and form.is_valid():
        services.chair_review_change(review=review, text=form.cleaned_data["text"])
        messages.success(request, _("Your review comment is changed. The member can see it."))
        return redirect("plans:commitment_detail", pk=review.commitment_id)
    return render(request, "plans/review_edit.html", {"form": form, "review": review})


@login_required
def review_delete(request, pk):
    review = permissions.access_review_as_author(request.user, pk)
    if request.method == "POST":
        services.chair_review_delete(review=review)
        messages.success(request, _("Your review comment is deleted."))
        return redirect("plans:commitment_detail", pk=review.commitment_id)
    return render(request, "plans/review_delete.html", {"review": review})


# The chair's and facilitator's view of the board


@login_required
def board_plans(request, board_id):
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
def member_review(request, board_id, membership_id):
    member = permissions.access_member_as_chair(
        request.user, board_id, membership_id, request=request
    )
    year = timezone.localdate().year
    note = member.appraisal_notes.filter(year=year).first()
    form = forms.AppraisalNoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid():
        saved = _save(
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
        for commitment in selectors.own_commitments(member).seen_by_chair(
            permissions.chair_seat(request.user, member.board_id)
        )
    ]
    return render(
        request,
        "plans/member_review.html",
        {"member": member, "commitments": commitments, "form": form, "year": year},
    )


# The board's action plan


@login_required
def action_plan(request, board_id):
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
def action_create(request, board_id):
    seat = permissions.access_action_plan_as_chair(request.user, board_id)
    form = forms.BoardActionForm(request.POST or None, board=seat.board)
    if request.method == "POST" and form.is_valid():
        action = _save(
            form,
            lambda: services.board_action_create(
                board=seat.board,
                **_form_fields(
                    form, ["title", "description", "owner", "due_date", "status", "explanation"]
                ),
            ),
        )
        if action is not None:
            messages.success(request, _("Action added to the board's plan."))
            return redirect("plans:action_detail", pk=action.pk)
    return render(request, "plans/action_form.html", {"form": form, "board": seat.board})


def _action_detail(request, action, milestone_form=None):
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
def action_detail(request, pk):
    return _action_detail(request, permissions.access_action(request.user, pk))


@login_required
def action_edit(request, pk):
    action = permissions.access_action_for_edit(request.user, pk)
    form = forms.BoardActionForm(request.POST or None, instance=action, board=action.board)
    if request.method == "POST" and form.is_valid():
        changed = _save(
            form,
            lambda: services.board_action_change(
                action=action,
                **_form_fields(
                    form, ["title", "description", "owner", "due_date", "status", "explanation"]
                ),
            ),
        )
        if changed is not None:
            messages.success(request, _("The action is updated."))
            return redirect("plans:action_detail", pk=action.pk)
    return render(
        request, "plans/action_form.html", {"form": form, "board": action.board, "action": action}
    )


@login_required
@require_POST
def action_milestone_add(request, pk):
    action = permissions.access_action_for_edit(request.user, pk)
    form = forms.ActionMilestoneForm(request.POST, instance=ActionMilestone(action=action))
    if form.is_valid() and _save(
        form,
        lambda: services.action_milestone_add(
            action=action, **_form_fields(form, ["title", "due_date"])
        ),
    ):
        messages.success(request, _("Milestone added."))
        return redirect("plans:action_detail", pk=action.pk)
    return _action_detail(request, action, milestone_form=form)


@login_required
@require_POST
def action_milestone_done(request, pk):
    milestone = permissions.access_action_milestone_for_edit(request.user, pk)
    services.action_milestone_set_done(milestone=milestone, done=request.POST.get("done") == "1")
    return redirect("plans:action_detail", pk=milestone.action_id)
