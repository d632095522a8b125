"""What the sessions area holds about a person, for their export, and what it keeps when they
are erased."""

from learning.audit.personal_data import covers, export_rows
from learning.extension_points import PersonalData
from learning.models import User

from .models import Assignment, Attendance, DevelopmentSession, DigestOptOut, Notification


@covers(
    "development.DevelopmentSession",
    "development.Assignment",
    "development.Attendance",
    "development.DigestOptOut",
    "development.Notification",
)
def sessions_personal_data(user: User) -> PersonalData:
    """Sessions and reading the person set, their attendance, and the emails sent to them."""
    return PersonalData(
        key="sessions",
        sections={
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
        },
    )


def sessions_erase_person(user: User) -> None:
    """Keeps the readiness and attendance of every past session of the person's boards as
    shown now: readiness snapshots taken where missing, attendance rows kept without them."""
    from .services import attendance_detach_for_erasure, snapshots_take_before_erasure

    snapshots_take_before_erasure(user=user)
    attendance_detach_for_erasure(user=user)
