"""Registers sessions with the shared pages: home section, navigation, reminders, demo data."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from learning.audit.personal_data import covers, export_rows
from learning.models import Role
from learning.selectors import memberships_for_request
from modules.progress import progress_for_request

from . import demo
from .dates import JOINER_DAYS
from .models import Assignment, Attendance, DevelopmentSession, DigestOptOut, Notification
from .reminders import send_session_reminders
from .selectors import member_sessions


@hooks.register("boardready_home_sections")
def sessions_home_section(request, membership):
    if membership is None:
        return None
    sessions = member_sessions(request.user, membership, progress=progress_for_request(request))
    return {
        "template": "development/home_section.html",
        "order": 10,
        "membership": membership,
        "joiner_days": JOINER_DAYS,
        **sessions,
    }


@hooks.register("boardready_nav_links")
def sessions_nav_link(request):
    # From the seats the page has loaded already (one query a request, shared with the board
    # switcher and the home page), not a query of its own.
    if not any(m.role == Role.FACILITATOR for m in memberships_for_request(request)):
        return []
    return [{"url": reverse("development:session_list"), "label": _("Sessions"), "order": 20}]


@hooks.register("boardready_reminders")
def session_reminders(now):
    return send_session_reminders(now)


@hooks.register("boardready_seed_demo", order=50)
def seed_sessions(people):
    demo.seed_sessions(people)


@hooks.register("boardready_personal_data")
@covers(
    "development.DevelopmentSession",
    "development.Assignment",
    "development.Attendance",
    "development.DigestOptOut",
    "development.Notification",
)
def sessions_personal_data(user):
    """Sessions and reading the person set, their attendance, and the emails sent to them."""
    return {
        "Development sessions you planned": export_rows(
            DevelopmentSession.objects.filter(created_by=user).select_related("board")
        ),
        "Reading you set": export_rows(
            Assignment.objects.filter(assigned_by=user).select_related("session", "module")
        ),
        "Your attendance at sessions": export_rows(
            Attendance.objects.filter(user=user).select_related("session", "recorded_by")
        ),
        "Daily digest email turned off": export_rows(DigestOptOut.objects.filter(user=user)),
        "Emails sent to you about sessions": export_rows(
            Notification.objects.filter(recipient=user).select_related("session"),
            exclude=["key", "html_body", "assignment", "invitation", "recipient"],
        ),
    }


@hooks.register("boardready_erase_person")
def sessions_erase_person(user):
    """Keeps the readiness and attendance of every past session of the person's boards as
    shown now: readiness snapshots taken where missing, attendance rows kept without them."""
    from .services import attendance_detach_for_erasure, snapshots_take_before_erasure

    snapshots_take_before_erasure(user=user)
    attendance_detach_for_erasure(user=user)
