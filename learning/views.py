"""Views for signing in, invitations, switching boards and the member's home page."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from . import forms
from .models import Invitation
from .permissions import access_membership
from .selectors import SESSION_BOARD_KEY, current_membership, memberships_for_request
from .services import (
    InvitationError,
    invitation_accept_existing_account,
    invitation_accept_new_account,
)


class SignInView(auth_views.LoginView):
    form_class = forms.SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


@login_required
def member_home(request):
    """'My board development': the person's boards, and whatever each area adds below."""
    membership = current_membership(request)
    sections = []
    for hook in hooks.get_hooks("boardready_home_sections"):
        section = hook(request, membership)
        if section:
            sections.append(section)
    sections.sort(key=lambda section: section.get("order", 50))
    return render(
        request,
        "learning/member_home.html",
        {"memberships": memberships_for_request(request), "sections": sections},
    )


@login_required
@require_POST
def board_switch(request):
    """Chooses which of the person's boards the pages show; a board they are not on is a 404."""
    membership = access_membership(request.user, request.POST.get("board"))
    request.session[SESSION_BOARD_KEY] = membership.board_id
    messages.success(request, _("You are now looking at %(board)s.") % {"board": membership.board})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("member_home")
    return redirect(next_url)


_INVITATION_PROBLEMS = {
    "accepted": _("This invitation has already been used."),
    "revoked": _("This invitation has been withdrawn."),
    "expired": _("This invitation has expired."),
}


def invitation_accept(request, token):
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

    has_account = get_user_model().objects.filter(email__iexact=invitation.email).exists()
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
    form = forms.AcceptInvitationForm(
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


def _invitation_problem(request, state):
    if state not in _INVITATION_PROBLEMS:
        raise Http404
    return render(
        request,
        "learning/invitation_invalid.html",
        {"problem": state, "message": _INVITATION_PROBLEMS[state]},
        status=410,
    )
