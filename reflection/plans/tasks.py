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
        commitment = Commitment.objects.filter(pk=pk).first()
        return commitment and (
            _("commitment"),
            commitment.title,
            reverse("plans:commitment_detail", args=[pk]),
            commitment.is_open,
        )
    if kind == "plans.milestone":
        milestone = Milestone.objects.select_related("commitment").filter(pk=pk).first()
        return milestone and (
            _("milestone"),
            milestone.title,
            reverse("plans:commitment_detail", args=[milestone.commitment_id]),
            not milestone.done and milestone.commitment.is_open,
        )
    if kind == "plans.action":
        action = BoardAction.objects.filter(pk=pk).first()
        return action and (
            _("board action"),
            action.title,
            reverse("plans:action_detail", args=[pk]),
            action.is_open,
        )
    if kind == "plans.action_milestone":
        action_milestone = ActionMilestone.objects.select_related("action").filter(pk=pk).first()
        return action_milestone and (
            _("board action milestone"),
            action_milestone.title,
            reverse("plans:action_detail", args=[action_milestone.action_id]),
            not action_milestone.done and action_milestone.action.is_open,
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
