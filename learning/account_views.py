"""The person's own account pages: second factor, recovery codes, email address, and the
facilitator's list of paused sign-ins."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import accounts, email_choices, forms, mfa
from .models import SecondFactorReset
from .views import safe_next

NEW_CODES_KEY = "boardready_new_recovery_codes"


@login_required
def account_security(request):
    """'Your account': email address, second factor and recovery codes."""
    user = request.user
    on = email_choices.kinds_on(user)
    return render(
        request,
        "registration/account.html",
        {
            "has_mfa": mfa.user_has_mfa(user),
            "requires_mfa": mfa.user_requires_mfa(user),
            "codes_left": mfa.recovery_codes_left(user),
            "can_lift_pauses": accounts.user_can_lift_pauses(user),
            "can_reset_second_factors": mfa.user_can_reset_second_factors(user),
            "emails_on": [kind for kind in email_choices.KINDS if kind.key in on],
        },
    )


@login_required
def email_choices_edit(request):
    """The person chooses which automatic emails they get."""
    # Bound on every POST: unticking every box sends no field at all.
    form = forms.EmailChoicesForm(
        request.POST if request.method == "POST" else None,
        initial={"on": sorted(email_choices.kinds_on(request.user))},
    )
    if request.method == "POST" and form.is_valid():
        email_choices.email_choices_save(user=request.user, on=set(form.cleaned_data["on"]))
        messages.success(request, _("Your email choices are saved."))
        return redirect("account_security")
    return render(request, "registration/email_choices.html", {"form": form})


@login_required
def mfa_setup(request):
    """Sets up an authenticator app: scan the QR code (or type the key), then enter a code."""
    device = mfa.totp_device_for_setup(user=request.user)
    form = forms.AuthenticatorSetupForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        codes = mfa.mfa_totp_confirm(
            request=request, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            request.session[NEW_CODES_KEY] = codes
            messages.success(request, _("Your authenticator app is set up."))
            query = urlencode({"next": safe_next(request)})
            return redirect(f"{reverse('account_recovery_codes_new')}?{query}")
        form.add_error(
            "token", _("The code is not right. Check the time on your phone and try again.")
        )
    return render(
        request,
        "registration/mfa_setup.html",
        {
            "form": form,
            "qr_svg": mfa.totp_qr_svg(device),
            "secret": mfa.totp_secret_for_display(device),
            "requires_mfa": mfa.user_requires_mfa(request.user),
            "next": safe_next(request, reverse("account_security")),
        },
    )


@login_required
def recovery_codes(request):
    """Makes a new set of recovery codes, after the password; the old ones stop working."""
    if not mfa.user_has_mfa(request.user):
        raise Http404
    form = forms.PasswordCheckForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        request.session[NEW_CODES_KEY] = mfa.recovery_codes_generate(request=request)
        return redirect("account_recovery_codes_new")
    return render(request, "registration/recovery_codes_form.html", {"form": form})


@login_required
def recovery_codes_new(request):
    """Shows a new set of recovery codes once; afterwards only the count is shown."""
    codes = request.session.pop(NEW_CODES_KEY, None)
    if not codes:
        return redirect("account_security")
    return render(
        request,
        "registration/recovery_codes.html",
        {"codes": codes, "next": safe_next(request, reverse("account_security"))},
    )


@login_required
def mfa_remove(request):
    """Removes the authenticator app, after the password; not offered where one is required."""
    if not mfa.user_has_mfa(request.user) or mfa.user_requires_mfa(request.user):
        raise Http404
    form = forms.PasswordCheckForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        mfa.mfa_remove(request=request)
        messages.success(request, _("Your authenticator app has been removed."))
        return redirect("account_security")
    return render(request, "registration/mfa_remove.html", {"form": form})


@login_required
def email_change(request):
    """Changes the sign-in email address, after the password."""
    form = forms.ChangeEmailForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        accounts.account_email_change(request=request, email=form.cleaned_data["email"])
        messages.success(request, _("Your email address has been changed."))
        return redirect("account_security")
    return render(request, "registration/email_change.html", {"form": form})


@login_required
def password_change(request):
    """Changes the password, after the current one; other sessions are signed out."""
    form = forms.PasswordChangeForm(data=request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        accounts.account_password_change(request=request, form=form)
        messages.success(
            request,
            _(
                "Your password has been changed. Anywhere else you were signed in has been "
                "signed out, and we have sent you an email to say so."
            ),
        )
        return redirect("account_security")
    return render(request, "registration/password_change.html", {"form": form})


@login_required
def sign_in_pauses(request):
    """Accounts whose sign-in is paused after 5 wrong passwords, for a facilitator (their
    boards' members) or staff (everyone) to lift."""
    return render(
        request,
        "registration/sign_in_pauses.html",
        {"pauses": accounts.paused_sign_ins_for(request.user)},
    )


@login_required
@require_POST
def sign_in_pause_lift(request):
    form = forms.UnlockForm(request.POST)
    if not form.is_valid():
        raise Http404
    accounts.sign_in_pause_lift(request=request, email=form.cleaned_data["email"])
    messages.success(
        request,
        _("%(email)s can sign in again.") % {"email": form.cleaned_data["email"]},
    )
    return redirect("account_sign_in_pauses")


@login_required
def second_factor_reset(request):
    """Staff reset a person's second factor after checking who they are; others get 404."""
    if not mfa.user_can_reset_second_factors(request.user):
        raise Http404
    form = forms.SecondFactorResetForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        mfa.mfa_reset_by_staff(
            request=request,
            person=form.person,
            identity_check=form.cleaned_data["identity_check"],
        )
        messages.success(
            request,
            _(
                "The two-step sign-in for %(email)s is reset and they have been emailed. They "
                "set up a new authenticator app when they next sign in."
            )
            % {"email": form.person.email},
        )
        return redirect("account_second_factor_reset")
    resets = SecondFactorReset.objects.select_related("person", "reset_by")[:20]
    return render(
        request, "registration/second_factor_reset.html", {"form": form, "resets": resets}
    )


@login_required
@require_POST
def stay_signed_in(request):
    """The timeout warning's button: counts as using BoardReady, so the 30 minutes start again.
    JSON for the script (seconds until the idle limit); back to the page without it."""
    from learning.audit.receivers import LAST_SEEN_KEY

    request.session[LAST_SEEN_KEY] = int(timezone.now().timestamp())
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"idle_seconds": settings.BOARDREADY_SESSION_IDLE_SECONDS})
    return redirect(safe_next(request, reverse("member_home")))
