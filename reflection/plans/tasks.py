"""Background work for plans: the reminder emails. Safe to run twice."""

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

from .models import ActionMilestone, BoardAction, Commitment, Milestone, SentReminder


def _subject_of(reminder: SentReminder):
    """(what, title, link, still open) for the object a reminder is about, or None if gone."""
    kind, pk = reminder.kind, reminder.object_id
    if kind == "plans.commitment":
        item = Commitment.objects.filter(pk=pk).first()
        return item and (
            _("commitment"),
            item.title,
            reverse("plans:commitment_detail", args=[pk]),
            item.is_open,
        )
    if kind == "plans.milestone":
        item = Milestone.objects.select_related("commitment").filter(pk=pk).first()
        return item and (
            _("milestone"),
            item.title,
            reverse("plans:commitment_detail", args=[item.commitment_id]),
            not item.done and item.commitment.is_open,
        )
    if kind == "plans.action":
        item = BoardAction.objects.filter(pk=pk).first()
        return item and (
            _("board action"),
            item.title,
            reverse("plans:action_detail", args=[pk]),
            item.is_open,
        )
    if kind == "plans.action_milestone":
        item = ActionMilestone.objects.select_related("action").filter(pk=pk).first()
        return item and (
            _("board action milestone"),
            item.title,
            reverse("plans:action_detail", args=[item.action_id]),
            not item.done and item.action.is_open,
        )
    return None


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
        if not about or not about[3] or not reminder.recipient.is_active:
            return False
        what, title, path, _open = about
        overdue = reminder.due_date < timezone.localdate()
        choice = email_choices.OVERDUE if overdue else email_choices.DUE_SOON
        if choice not in email_choices.kinds_on(reminder.recipient):
            return False  # the person turned these emails off on "Your account"
        context = {
            "name": reminder.recipient.first_name or reminder.recipient.email,
            "what": what,
            "title": title,
            "due": date_format(reminder.due_date, "j F Y"),
            "overdue": overdue,
            "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
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
