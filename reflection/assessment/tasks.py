"""Background work for self-assessment: telling members a round has opened, and the
facilitator's reminder to members who have not answered."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from learning import email_choices

from .models import Round, RoundReminder
from .selectors import members_not_answered, round_board_members


def _messages(round_: Round, users, template: str, extra: dict) -> list[tuple]:
    context = {
        "round": round_,
        "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("assessment:index"),
        "choices_url": email_choices.choices_url(),
        **extra,
    }
    subject = render_to_string(f"assessment/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"assessment/email/{template}.txt", context)
    return [(subject, body, None, [user.email]) for user in users]


@task()
def round_notify(round_id: int) -> int:
    """Emails each board member that a round is open, unless they have turned these emails
    off. Safe to run twice: the round is stamped before anything is sent, so it sends once."""
    with transaction.atomic():
        round_ = (
            Round.objects.select_for_update(of=("self",))
            .select_related("board__organisation", "version__instrument")
            .filter(pk=round_id, notified_at=None)
            .first()
        )
        if round_ is None:
            return 0
        round_.notified_at = timezone.now()
        round_.save(update_fields=["notified_at"])
    users = round_board_members(round_).exclude(
        pk__in=email_choices.opted_out(email_choices.ROUND_OPENED)
    )
    return send_mass_mail(_messages(round_, users, "round_opened", {}), fail_silently=False)


@task()
def round_remind_send(reminder_id: int) -> int:
    """Sends a facilitator's reminder to the board members who have still not answered (it
    always goes: their facilitator asked). Stamped before sending, so it sends once."""
    with transaction.atomic():
        reminder = (
            RoundReminder.objects.select_for_update(of=("self",))
            .select_related("round__board__organisation", "round__version__instrument", "sent_by")
            .filter(pk=reminder_id, delivered_at=None)
            .first()
        )
        if reminder is None:
            return 0
        reminder.delivered_at = timezone.now()
        reminder.save(update_fields=["delivered_at"])
    users = members_not_answered(reminder.round)
    context = {"sent_by": reminder.sent_by}
    return send_mass_mail(
        _messages(reminder.round, users, "round_reminder", context), fail_silently=False
    )
