"""Personal-data exporters for the account, boards, sign-in security and module progress."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from learning.models import (
    EmailOptOut,
    Invitation,
    Membership,
    RecoveryCode,
    SecondFactorReset,
    User,
)

from .models import AuditEvent, UserSession
from .personal_data import Sections, covers, export_rows


@covers("learning.User", "learning.Membership", "learning.Invitation", "learning.EmailOptOut")
def account_personal_data(user: User) -> Sections:
    memberships = Membership.objects.filter(user=user).select_related("board__organisation")
    return {
        "Account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": user.date_joined,
            "last_signed_in": user.last_login,
            "active": user.is_active,
        },
        "Boards": [
            {
                "organisation": m.board.organisation.name,
                "board": m.board.name,
                "role": m.get_role_display(),
                "active": m.is_active,
                "joined_at": m.joined_at,
            }
            for m in memberships
        ],
        "Invitations you accepted": [
            {
                "board": str(invitation.board),
                "role": invitation.get_role_display(),
                "sent_at": invitation.created_at,
                "accepted_at": invitation.accepted_at,
            }
            for invitation in Invitation.objects.filter(accepted_by=user).select_related(
                "board__organisation"
            )
        ],
        "Invitations you sent": [
            {
                "board": str(invitation.board),
                "role": invitation.get_role_display(),
                "sent_at": invitation.created_at,
            }
            for invitation in Invitation.objects.filter(invited_by=user).select_related(
                "board__organisation"
            )
        ],
        "Automatic emails you turned off": sorted(
            EmailOptOut.objects.filter(user=user).values_list("kind", flat=True)
        ),
    }


@covers(
    "audit.AuditEvent",
    "audit.UserSession",
    "otp_totp.TOTPDevice",
    "otp_static.StaticDevice",
    "learning.SecondFactorReset",
)
def security_personal_data(user: User) -> Sections:
    # Device secrets and recovery codes are never exported: only whether they exist.
    return {
        "Sign-in security": {
            "authenticator_app": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            "recovery_codes_left": RecoveryCode.objects.filter(device__user=user).count(),
            "open_sessions_started": list(
                UserSession.objects.filter(user=user).values_list("created_at", flat=True)
            ),
            # Who reset it stays out: staff names are not the person's data.
            "second_factor_resets": [
                {"at": reset.at, "how_identity_was_checked": reset.identity_check}
                for reset in SecondFactorReset.objects.filter(person=user)
            ],
        },
        "Security events about you": [
            {"at": event.at, "event": event.get_action_display(), "ip_address": event.ip_address}
            for event in AuditEvent.objects.filter(subject_user=user)
        ],
        "Security events by you": [
            {"at": event.at, "event": event.get_action_display(), "record": event.target}
            for event in AuditEvent.objects.filter(actor=user).exclude(subject_user=user)
        ],
    }


@covers("modules.ModuleProgress")
def module_progress_personal_data(user: User) -> Sections:
    from modules.models import ModuleProgress

    progress = ModuleProgress.objects.filter(user=user).select_related("page")
    return {"Module progress": export_rows(progress, exclude=("id", "user"))}
