"""Self-assessment pages: take one, see your results, share them, and the board's aggregate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learning.models import Role
from learning.permissions import access_membership
from learning.privacy import minimum_group
from learning.selectors import current_membership

from . import presentation, selectors
from .definitions import Definition
from .forms import FIELD_PREFIX, DimensionAnswersForm, RoundExtendForm, RoundForm
from .models import Instrument
from .permissions import (
    access_own_response,
    access_response_result,
    access_round,
    access_round_as_facilitator,
    access_round_to_answer,
    shared_responses_for_leader,
)
from .services import (
    ANSWERS_STARTED,
    AssessmentError,
    RoundError,
    missing_required,
    response_save_answers,
    response_set_shared,
    response_start,
    response_submit,
    round_create,
    round_update,
    saved_answers,
)
from .services import round_close as round_close_service
from .services import round_delete as round_delete_service
from .services import round_extend as round_extend_service
from .services import round_remind as round_remind_service


@login_required
def index(request):
    """The member's self-assessments: open rounds, instruments to take, and past results."""
    membership = current_membership(request)
    rounds = []
    if membership is not None and membership.role != Role.FACILITATOR:
        rounds = presentation.open_rounds_with_my_response(request.user, membership.board)
    return render(
        request,
        "assessment/index.html",
        {
            "membership": membership,
            "open_rounds": rounds,
            "instruments": selectors.live_instruments() if membership else [],
            "responses": selectors.member_responses(request.user),
        },
    )


@login_required
@require_POST
def start(request, instrument_id):
    """Starts (or resumes) the person's own assessment, outside any round."""
    membership = current_membership(request)
    if membership is None:
        raise Http404("Not on a board.")
    instrument = get_object_or_404(Instrument, pk=instrument_id, live=True)
    response = response_start(user=request.user, board=membership.board, instrument=instrument)
    return redirect("assessment:take", response.pk, 1)


@login_required
@require_POST
def round_start(request, round_id):
    """Starts (or resumes) the person's response to a round of their board."""
    round_, membership = access_round_to_answer(request.user, round_id)
    try:
        response = response_start(user=request.user, board=membership.board, round=round_)
    except AssessmentError as error:
        messages.error(request, error.message)
        return redirect("assessment:index")
    if response.is_submitted:
        return redirect("assessment:result", response.pk)
    return redirect("assessment:take", response.pk, 1)


def _unknown_fields(request, form) -> bool:
    return any(name.startswith(FIELD_PREFIX) and name not in form.fields for name in request.POST)


@login_required
def take(request, response_id, part):
    """One dimension's statements. Answers are saved on every submit; the last part submits."""
    response = access_own_response(request.user, response_id)
    if response.is_submitted:
        return redirect("assessment:result", response.pk)
    definition = Definition(response.version.definition)
    if not 1 <= part <= len(definition.dimensions):
        raise Http404("No such part.")
    dimension = definition.dimensions[part - 1]
    context = {"response": response, "definition": definition, "dimension": dimension}
    context.update(part=part, parts=len(definition.dimensions))
    context["percent"] = round(100 * (part - 1) / len(definition.dimensions))
    saved = {
        FIELD_PREFIX + k: v if v is not None else "na" for k, v in saved_answers(response).items()
    }
    if request.method != "POST":
        if request.GET.get("check"):
            form = DimensionAnswersForm(saved, definition=definition, dimension=dimension)
            form.is_valid()
        else:
            form = DimensionAnswersForm(initial=saved, definition=definition, dimension=dimension)
        return render(request, "assessment/take.html", {**context, "form": form})

    action = request.POST.get("action", "continue")
    lenient = DimensionAnswersForm(
        request.POST, definition=definition, dimension=dimension, require_all=False
    )
    if _unknown_fields(request, lenient):
        context["problem"] = _("A statement you sent is not part of this assessment.")
        context["form"] = lenient
        return render(request, "assessment/take.html", context, status=400)
    if not lenient.is_valid():
        return render(request, "assessment/take.html", {**context, "form": lenient})
    try:
        response_save_answers(response=response, answers=lenient.answers())
    except AssessmentError as error:
        context["problem"] = error.message
        return render(request, "assessment/take.html", {**context, "form": lenient}, status=400)
    if action == "save":
        messages.success(
            request, _("Your answers are saved. You can come back to them at any time.")
        )
        return redirect("assessment:index")
    strict = DimensionAnswersForm(request.POST, definition=definition, dimension=dimension)
    if not strict.is_valid():
        return render(request, "assessment/take.html", {**context, "form": strict})
    if part < len(definition.dimensions):
        return redirect("assessment:take", response.pk, part + 1)
    return _submit(request, response, definition)


def _submit(request, response, definition):
    try:
        response_submit(response=response)
    except AssessmentError as error:
        messages.error(request, error.message)
        missing = set(missing_required(definition, saved_answers(response)))
        for number, dimension in enumerate(definition.dimensions, start=1):
            if missing & {item["key"] for item in dimension["items"]}:
                return redirect(reverse("assessment:take", args=[response.pk, number]) + "?check=1")
        return redirect("assessment:index")
    messages.success(request, _("Your answers are submitted. These are your results."))
    return redirect("assessment:result", response.pk)


@login_required
@require_POST
def autosave(request, response_id):
    """Saves answers as they change (JavaScript). All or nothing; JSON says what happened."""
    response = access_own_response(request.user, response_id)
    answers = {
        name.removeprefix(FIELD_PREFIX): value
        for name, value in request.POST.items()
        if name.startswith(FIELD_PREFIX)
    }
    try:
        saved = response_save_answers(response=response, answers=answers)
    except AssessmentError as error:
        return JsonResponse(
            {"saved": 0, "error": error.message, "errors": error.errors}, status=400
        )
    return JsonResponse({"saved": saved})


@login_required
def result(request, response_id):
    """A submitted response's results: private to its author unless they share them."""
    response = access_response_result(request.user, response_id, request=request)
    if not response.is_submitted:
        return redirect("assessment:take", response.pk, 1)
    context = presentation.result_context(response, viewer=request.user)
    return render(request, "assessment/result.html", context)


@login_required
@require_POST
def share(request, response_id):
    """The author shares their results with the board's chair and facilitator, or withdraws."""
    response = access_own_response(request.user, response_id)
    shared = request.POST.get("shared") == "yes"
    try:
        response_set_shared(response=response, shared=shared)
    except AssessmentError as error:
        messages.error(request, error.message)
        return redirect("assessment:index")
    if shared:
        messages.success(request, _("Your chair and facilitator can now see these results."))
    else:
        messages.success(request, _("You have stopped sharing these results."))
    return redirect("assessment:result", response.pk)


@login_required
def board_rounds(request, board_id):
    """The board's rounds, for everyone on it; the facilitator can open a new one here."""
    membership = access_membership(request.user, board_id)
    return render(
        request,
        "assessment/board_rounds.html",
        {
            "board": membership.board,
            "membership": membership,
            "rounds": selectors.board_rounds(membership.board),
            "minimum": minimum_group(),
        },
    )


def _refused(form, error: RoundError) -> None:
    # A refusal found under the lock (a race the form could not see) goes by its field.
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def round_new(request, board_id):
    """A facilitator sets up a round; members are emailed on the day it opens."""
    membership = access_membership(request.user, board_id, roles=[Role.FACILITATOR])
    board = membership.board
    form = RoundForm(request.POST or None, board=board)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = round_create(board=board, opened_by=request.user, **form.cleaned_data)
        except RoundError as error:
            _refused(form, error)
        else:
            if round_.is_open:
                messages.success(
                    request, _("The round is open. We have emailed the board's members.")
                )
            else:
                messages.success(
                    request,
                    _("The round opens on %(date)s. We will email the board's members that day.")
                    % {"date": formats.date_format(round_.opens_on, "j F Y")},
                )
            return redirect("assessment:round_detail", round_.pk)
    return render(request, "assessment/round_new.html", {"board": board, "form": form})


@login_required
def round_edit(request, round_id):
    """The facilitator changes a round's name and dates until it opens."""
    round_ = access_round_as_facilitator(request.user, round_id)
    if not round_.is_upcoming:
        messages.info(request, _("This round has opened, so only its closing date can change."))
        return redirect("assessment:round_detail", round_.pk)
    form = RoundForm(request.POST or None, board=round_.board, round_=round_)
    if request.method == "POST" and form.is_valid():
        try:
            round_update(round_=round_, **form.cleaned_data)
        except RoundError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The round is changed."))
            return redirect("assessment:round_detail", round_.pk)
    return render(request, "assessment/round_edit.html", {"round": round_, "form": form})


@login_required
def round_extend(request, round_id):
    """The facilitator gives an open round a later closing date."""
    round_ = access_round_as_facilitator(request.user, round_id)
    if not round_.is_open:
        return redirect("assessment:round_detail", round_.pk)
    form = RoundExtendForm(request.POST or None, round_=round_)
    if request.method == "POST" and form.is_valid():
        try:
            round_extend_service(round_=round_, closes_on=form.cleaned_data["closes_on"])
        except RoundError as error:
            _refused(form, error)
        else:
            messages.success(
                request,
                _("The round now closes on %(date)s.")
                % {"date": formats.date_format(form.cleaned_data["closes_on"], "j F Y")},
            )
            return redirect("assessment:round_detail", round_.pk)
    return render(request, "assessment/round_extend.html", {"round": round_, "form": form})


@login_required
def round_close(request, round_id):
    """Asks, then closes an open round today."""
    round_ = access_round_as_facilitator(request.user, round_id)
    if request.method == "POST":
        try:
            round_close_service(round_=round_)
        except RoundError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The round is closed. No more answers can be given."))
        return redirect("assessment:round_detail", round_.pk)
    if not round_.is_open:
        return redirect("assessment:round_detail", round_.pk)
    context = {"round": round_, "count": selectors.round_answer_count(round_)}
    context["minimum"] = minimum_group()
    return render(request, "assessment/round_close.html", context)


@login_required
def round_delete(request, round_id):
    """Asks, then deletes a round nobody has started to answer."""
    round_ = access_round_as_facilitator(request.user, round_id)
    board_id = round_.board_id
    if request.method == "POST":
        try:
            round_delete_service(round_=round_)
        except RoundError as error:
            messages.error(request, error.message)
            return redirect("assessment:round_detail", round_.pk)
        messages.success(request, _("The round is deleted."))
        return redirect("assessment:board_rounds", board_id)
    if round_.responses.exists():
        messages.info(
            request,
            ANSWERS_STARTED,
        )
        return redirect("assessment:round_detail", round_.pk)
    return render(request, "assessment/round_delete.html", {"round": round_})


@login_required
@require_POST
def round_remind(request, round_id):
    """Reminds every member who has not answered, without saying who they are."""
    round_ = access_round_as_facilitator(request.user, round_id)
    try:
        sent = round_remind_service(round_=round_, sent_by=request.user)
    except RoundError as error:
        messages.error(request, error.message)
    else:
        if sent:
            messages.success(
                request,
                ngettext(
                    "Reminder sent to the %(n)s member who has not answered.",
                    "Reminder sent to the %(n)s members who have not answered.",
                    sent,
                )
                % {"n": sent},
            )
        else:
            messages.info(request, _("Every member has answered. No reminder was needed."))
    return redirect("assessment:round_detail", round_.pk)


@login_required
def round_detail(request, round_id):
    """The board's aggregate for a round: only once closed and with enough respondents. The
    facilitator also manages the round here and, while it is open, sees how many answered."""
    round_, membership = access_round(request.user, round_id)
    context = presentation.round_context(round_)
    context["membership"] = membership
    if membership.role == Role.FACILITATOR:
        context["count"] = selectors.round_answer_count(round_)
        context["can_delete"] = not round_.responses.exists()
        context["last_reminder"] = round_.reminders.order_by("-created_at").first()
    return render(request, "assessment/round_detail.html", context)


@login_required
def shared_results(request, board_id):
    """Results the board's members have chosen to share with its chair and facilitator."""
    board, responses = shared_responses_for_leader(request.user, board_id, request=request)
    return render(request, "assessment/shared.html", {"board": board, "responses": responses})
