"""Views for signing in, switching boards and the member's home page."""

import math
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learning.audit.models import AuditEvent
from learning.audit.services import audit_record

from . import forms, fragments, mfa
from .extension_points import home_sections
from .models import Board, Membership, Organisation, User
from .permissions import access_membership
from .selectors import SESSION_BOARD_KEY, current_membership, memberships_for_request


def safe_next(request, default: str = "") -> str:
    """The `next` parameter if it points at this site, else `default` (or the home page)."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    # Only paths on this site: never another host, and never a bare word, which redirect()
    # would try to reverse as a URL name.
    if (
        isinstance(next_url, str)
        and next_url.startswith("/")
        and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure())
    ):
        return next_url
    return default or reverse("member_home")


class SignInView(auth_views.LoginView):
    """The password step. Where a second factor is set up or required, the next step asks
    for it (learning.middleware.SecondFactorMiddleware holds the session there until then)."""

    form_class = forms.SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        state = self.request.session.get(mfa.MFA_SESSION_KEY)
        if state in (mfa.STATE_VERIFY, mfa.STATE_ENROL):
            step = "account_verify" if state == mfa.STATE_VERIFY else "account_mfa_setup"
            return f"{reverse(step)}?{urlencode({'next': url})}"
        return url


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response: the page exactly as a wrong password leaves it, so a
    pause reveals nothing about whether the account exists."""
    if original_response is not None and original_response.status_code == 200:
        return original_response
    form = forms.SignInForm(request, data=request.POST or None)
    form.is_valid()
    return render(request, "registration/login.html", {"form": form})


def wait_in_words(seconds: int) -> str:
    """'45 seconds', or whole minutes (rounded up) from 90 seconds on."""
    if seconds < 90:
        return ngettext("%(n)s second", "%(n)s seconds", seconds) % {"n": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}


@login_required
def second_factor_verify(request):
    """The second sign-in step: a code from the authenticator app, or a recovery code."""
    if request.user.is_verified():
        return redirect(safe_next(request))
    if not mfa.user_has_mfa(request.user):
        return redirect("account_mfa_setup")
    form = forms.SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if wait := mfa.verification_wait(request.user):
            form.add_error(
                "token",
                _(
                    "Too many wrong codes. Wait %(wait)s, then try again. The wait doubles "
                    "with each wrong code."
                )
                % {"wait": wait_in_words(wait)},
            )
        elif mfa.mfa_verify(request=request, token=form.cleaned_data["token"]):
            return redirect(safe_next(request))
        elif (wait := mfa.verification_wait(request.user)) > 1:
            form.add_error(
                "token",
                _("The code is not right. Check it and try again in %(wait)s.")
                % {"wait": wait_in_words(wait)},
            )
        else:
            form.add_error("token", _("The code is not right. Check it and try again."))
    return render(
        request, "registration/second_factor.html", {"form": form, "next": safe_next(request)}
    )


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Sets a new password. It never signs the person in: they sign in afterwards with the new
    password and, where they have one, their second factor."""

    form_class = forms.SetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            actor=None,
            action=AuditEvent.Action.PASSWORD_RESET,
            subject_user=form.user,
            request=self.request,
        )
        return response


@login_required
def member_home(request):
    """'My board development': the person's boards, and whatever each area adds below."""
    membership = current_membership(request)
    # The sections are cached for the person under everything they read (learning/fragments.py);
    # the seat they are for was read before, so its tables count too.
    sections = fragments.rendered(
        request,
        "home",
        "learning/home_sections.html",
        lambda: {"sections": home_sections(request, membership)},
        key=[membership.pk if membership else None],
        reads=[Membership, Board, Organisation, User],
    )
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
    return redirect(safe_next(request))
