"""Data rights: a member downloads everything BoardReady holds about them, as JSON, or erases
their account; everyone can read the privacy notice."""

import json

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext

from learning.privacy import minimum_group

from .forms import AccountEraseForm
from .models import AuditEvent
from .personal_data import person_erase, personal_data_for
from .services import audit_record


@login_required
def my_data(request):
    return render(request, "audit/my_data.html")


@login_required
def my_data_download(request):
    data = personal_data_for(request.user)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.OWN_DATA_DOWNLOADED,
        subject_user=request.user,
        request=request,
    )
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"boardready-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _period(days: int) -> str:
    """A retention period in words: whole years as years, anything else in days."""
    if days and days % 365 == 0:
        years = days // 365
        return ngettext("%(n)s year", "%(n)s years", years) % {"n": years}
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


def privacy_notice(request):
    """The privacy notice (UK GDPR articles 13 and 14), for everyone, signed in or not. The
    controller, the contact and the periods come from settings, so the notice stays true."""
    return render(
        request,
        "audit/privacy_notice.html",
        {
            "controller": settings.BOARDREADY_PRIVACY_CONTROLLER,
            "contact": settings.BOARDREADY_PRIVACY_CONTACT,
            "audit_period": _period(settings.BOARDREADY_AUDIT_RETENTION_DAYS),
            "seatless_period": _period(settings.BOARDREADY_SEATLESS_ACCOUNT_DAYS),
            "minimum": minimum_group(),
        },
    )


def _erased_by_an_administrator(user) -> bool:
    """Staff and content editors' accounts hold editorial work: another administrator
    removes them, so they cannot delete themselves here."""
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@login_required
def account_erase(request):
    """Says what erasure deletes and what the board keeps, then, after the password, erases
    the person's account at once and signs them out. A repeated post finds them signed out."""
    if _erased_by_an_administrator(request.user):
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "audit/account_erase.html", {"form": None})
    form = AccountEraseForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        person_erase(user=user, request=request)
        return redirect("account_erased")
    return render(request, "audit/account_erase.html", {"form": form})


def account_erased(request):
    return render(request, "audit/account_erased.html")
