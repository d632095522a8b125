"""Background work for plans: the reminder emails. Safe to run twice."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tasks import task

from learning import email_choices

from .kinds import PLAN_ITEM_KINDS
from .models import SentReminder


@dataclass(frozen=True)
class ReminderSubject:
    """What a reminder email says about its item, and whether it is still worth sending."""

    what: str
    title: str
    path: str
    still_open: bool


def _subject_of(reminder: SentReminder) -> ReminderSubject | None:
    """The item a reminder is about, as its email describes it, or None if it is gone."""
    kind = PLAN_ITEM_KINDS.get(reminder.kind)
    if kind is None:
        return None
    related = [kind.parent_field] if kind.parent else []
    item = kind.model.objects.select_related(*related).filter(pk=reminder.object_id).first()
    if item is None:
        return None
    return ReminderSubject(
        what=str(kind.noun),
        title=item.title,
        path=reverse(kind.detail_url, args=[kind.page_pk(item)]),
        still_open=kind.is_open(item),
    )


@task()
def send_plan_reminder(reminder_id: int) -> bool:
    """Emails one reminder (plain text and HTML). A reminder already emailed is not resent,
    nor is one whose commitment, milestone or action has since been finished or deleted, nor
    one of a kind (due soon, overdue) the person has turned off."""
    with transaction.atomic():
        reminder = (
            SentReminder.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=reminder_id, emailed_at__isnull=True)
            .first()
        )
        if reminder is None:
            return False
        reminder.emailed_at = timezone.now()
        reminder.save(update_fields=["emailed_at"])
        about = _subject_of(reminder)
        if about is None or not about.still_open or not reminder.recipient.is_active:
            return False
        overdue = reminder.due_date < timezone.localdate()
        choice = email_choices.OVERDUE if overdue else email_choices.DUE_SOON
        if choice not in email_choices.kinds_on(reminder.recipient):
            return False  # the person turned these emails off on "Your account"
        context = {
            "name": reminder.recipient.first_name or reminder.recipient.email,
            "what": about.what,
            "title": about.title,
            "due": date_format(reminder.due_date, "j F Y"),
            "overdue": overdue,
            "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + about.path,
            "choices_url": email_choices.choices_url(),
        }
        if overdue:
            subject = _("Overdue: your %(what)s “%(title)s”") % context
        else:
            subject = _("Due on %(due)s: your %(what)s “%(title)s”") % context
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("plans/emails/reminder.txt", context),
            to=[reminder.recipient.email],
        )
        message.attach_alternative(
            render_to_string("plans/emails/reminder.html", context), "text/html"
        )
        message.send()
    return True
