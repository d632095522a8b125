"""Background work for self-assessment: telling members a round has opened."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from learning.models import Membership

from .models import Round


@task()
def round_notify(round_id: int) -> int:
    """Emails each board member that a round is open. Safe to run twice: it sends once."""
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
    emails = list(
        Membership.objects.board_members()
        .filter(board=round_.board)
        .values_list("user__email", flat=True)
    )
    context = {
        "round": round_,
        "url": settings.WAGTAILADMIN_BASE_URL + reverse("assessment:index"),
    }
    subject = render_to_string("assessment/email/round_opened_subject.txt", context).strip()
    body = render_to_string("assessment/email/round_opened.txt", context)
    messages = [(subject, body, None, [email]) for email in emails]
    return send_mass_mail(messages, fail_silently=False)
