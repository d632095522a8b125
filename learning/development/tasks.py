"""Background work: sending the emails queued in the Notification outbox."""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Notification

# Emails that carry the session's calendar file, so members' calendars are updated.
CALENDAR_KINDS = (Notification.Kind.SESSION_MOVED, Notification.Kind.SESSION_CANCELLED)


@task()
def deliver_notification(notification_id: int) -> bool:
    """Sends one queued email with plain-text and HTML parts. Running it twice sends it once."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .filter(pk=notification_id, sent_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        message = EmailMultiAlternatives(
            subject=notification.subject, body=notification.text_body, to=[notification.to]
        )
        message.attach_alternative(notification.html_body, "text/html")
        if notification.kind in CALENDAR_KINDS and notification.session_id:
            # The session as it is now: a later change has a higher SEQUENCE anyway.
            from .ics import session_calendar_file

            message.attach(
                f"boardready-session-{notification.session_id}.ics",
                session_calendar_file(notification.session),
                "text/calendar",
            )
        message.send()
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    return True
