"""Inviting people to a board (the chair's and facilitator's pages under /sessions/) and
accepting an invitation (the link in its email)."""

import csv

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learning.csvfiles import CSVFileError, ProblemList, problem_list
from learning.development.selectors import leader_home_url
from learning.forms import add_service_errors
from learning.models import Role, User
from learning.permissions import SignedInRequest, access_board_as_leader
from learning.selectors import SESSION_BOARD_KEY

from . import services
from .forms import AcceptInvitationForm, InvitationForm, InvitationUploadForm
from .models import Invitation
from .permissions import access_invitation_as_leader
from .selectors import board_invitations
from .services import (
    InvitationError,
    invitation_accept_existing_account,
    invitation_accept_new_account,
)
from .upload import COLUMNS, InvitationProblem, parse_invitations_csv


def _email(invitation: Invitation) -> dict[str, str]:
    return {"email": invitation.email}


@login_required
def invitation_list(request: SignedInRequest, board_id: int) -> HttpResponse:
    """Who has been invited to the board, and a form to invite one more person."""
    board = access_board_as_leader(request.user, board_id)
    form = InvitationForm(request.POST or None, board=board, by=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                board=board,
                invited_by=request.user,
                confirmed=form.confirmed(),
                **form.invitation_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % _email(invitation))
            return redirect("development:invitation_list", board.pk)
    context = {
        "board": board,
        "form": form,
        "invitations": board_invitations(board),
        "back_url": leader_home_url(request.user, board),
    }
    return render(request, "development/invitation_list.html", context)


@login_required
def invitation_template(request: SignedInRequest, board_id: int) -> HttpResponse:
    """A CSV file with the columns the upload expects and one example row to replace."""
    access_board_as_leader(request.user, board_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="boardready-invitations.csv"'
    response.write("\ufeff")  # so spreadsheet programs read it as UTF-8
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    writer.writerow(["a.person@example.nhs.uk", "Alex", "Person", Role.NON_EXECUTIVE_DIRECTOR])
    return response


@login_required
def invitation_upload(request: SignedInRequest, board_id: int) -> HttpResponse:
    """Invites everyone in a CSV file, or nobody if any row has a problem."""
    board = access_board_as_leader(request.user, board_id)
    form = InvitationUploadForm(request.POST or None, request.FILES or None)
    problems: ProblemList[InvitationProblem] = problem_list([])
    if request.method == "POST" and form.is_valid():
        try:
            rows, found = parse_invitations_csv(form.cleaned_data["file"], board)
            problems = problem_list(found)
            if not problems:
                invitations = services.invitations_import(
                    board=board, rows=rows, invited_by=request.user
                )
        except CSVFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if not problems:
                messages.success(
                    request,
                    ngettext("%(n)s invitation sent.", "%(n)s invitations sent.", len(invitations))
                    % {"n": len(invitations)},
                )
                return redirect("development:invitation_list", board.pk)
    context = {"board": board, "form": form, "problems": problems, "roles": Role.choices}
    return render(request, "development/invitation_upload.html", context)


@login_required
@require_POST
def invitation_resend(request: SignedInRequest, invitation_id: int) -> HttpResponse:
    invitation = access_invitation_as_leader(request.user, invitation_id)
    try:
        sent = services.invitation_resend(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if sent:
            messages.success(request, _("Invitation sent again to %(email)s.") % _email(invitation))
        else:
            messages.info(request, _("We sent that invitation a few minutes ago."))
    return redirect("development:invitation_list", invitation.board_id)


@login_required
@require_POST
def invitation_revoke(request: SignedInRequest, invitation_id: int) -> HttpResponse:
    invitation = access_invitation_as_leader(request.user, invitation_id)
    try:
        services.invitation_revoke(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Invitation to %(email)s withdrawn.") % _email(invitation))
    return redirect("development:invitation_list", invitation.board_id)


_INVITATION_PROBLEMS = {
    "accepted": _("This invitation has already been used."),
    "revoked": _("This invitation has been withdrawn."),
    "expired": _("This invitation has expired."),
}


def invitation_accept(request: SignedInRequest, token: str) -> HttpResponse:
    """Turns a valid invitation into a seat on the board; explains an invalid one."""
    invitation = (
        Invitation.objects.select_related("board__organisation").filter(token=token).first()
    )
    if invitation is None:
        return render(
            request, "learning/invitation_invalid.html", {"problem": "forged"}, status=404
        )
    if invitation.state != "pending":
        return _invitation_problem(request, invitation.state)

    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    context = {"invitation": invitation, "has_account": has_account}
    if has_account:
        if not request.user.is_authenticated:
            return render(request, "learning/invitation_sign_in.html", context)
        if request.user.email.lower() != invitation.email.lower():
            return render(request, "learning/invitation_wrong_account.html", context, status=403)
        if request.method == "POST":
            try:
                invitation_accept_existing_account(invitation=invitation, user=request.user)
            except InvitationError as error:
                return _invitation_problem(request, error.state)
            request.session[SESSION_BOARD_KEY] = invitation.board_id
            messages.success(request, _("You have joined %(board)s.") % {"board": invitation.board})
            return redirect("member_home")
        return render(request, "learning/invitation_join.html", context)

    if request.user.is_authenticated:
        return render(request, "learning/invitation_wrong_account.html", context, status=403)
    form = AcceptInvitationForm(
        request.POST or None,
        email=invitation.email,
        initial={"first_name": invitation.first_name, "last_name": invitation.last_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = invitation_accept_new_account(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except InvitationError as error:
            return _invitation_problem(request, error.state)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        request.session[SESSION_BOARD_KEY] = invitation.board_id
        messages.success(
            request,
            _("Welcome to BoardReady. You have joined %(board)s.") % {"board": invitation.board},
        )
        return redirect("member_home")
    context["form"] = form
    return render(request, "learning/invitation_accept.html", context)


def _invitation_problem(request: SignedInRequest, state: str) -> HttpResponse:
    if state not in _INVITATION_PROBLEMS:
        raise Http404
    return render(
        request,
        "learning/invitation_invalid.html",
        {"problem": state, "message": _INVITATION_PROBLEMS[state]},
        status=410,
    )
