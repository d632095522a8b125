"""Queues emails: each is rendered once, kept under a unique key and sent after commit."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from .models import Notification
from .tasks import deliver_notification


def absolute_url(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def module_url(page) -> str:
    return absolute_url(page.get_url() or "/")


def notification_queue(
    *, kind: str, key: str, to: str, subject: str, template: str, context: dict, **links
) -> Notification | None:
    """Makes the email for `key` unless it exists, and sends it once the transaction commits.

    `links` are the Notification's optional recipient, session, assignment and invitation.
    Returns None when an email with this key was made before.
    """
    context = {**context, "site_url": absolute_url("/")}
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            key=key,
            defaults={
                "kind": kind,
                "to": to,
                "subject": subject,
                "text_body": render_to_string(f"development/emails/{template}.txt", context),
                "html_body": render_to_string(f"development/emails/{template}.html", context),
                **links,
            },
        )
    if not created:
        return None
    transaction.on_commit(lambda: deliver_notification.enqueue(notification.pk))
    return notification
