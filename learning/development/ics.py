"""A calendar file (.ics) for a session, with its reading listed in the description.

The UID never changes; SEQUENCE is the session's `sequence`, raised by every reschedule and by
cancelling, so calendars replace the copy they saved. A cancelled session's file says METHOD:CANCEL.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from .emails import absolute_url, module_url
from .selectors import session_assignments

REMINDER_BEFORE = timedelta(days=1)


def session_uid(session) -> str:
    return f"session-{session.pk}@boardready"


def _description(session) -> str:
    lines = [session.agenda.strip()] if session.agenda.strip() else []
    assignments = session_assignments(session)
    if assignments:
        lines.append(_("Reading before the session:"))
        for assignment in assignments:
            lines.append(
                _("- %(module)s, due %(due)s: %(url)s")
                % {
                    "module": assignment.module.title,
                    "due": assignment.due_date.strftime("%-d %B %Y"),
                    "url": module_url(assignment.module),
                }
            )
    lines.append(_("Your reading list: %(url)s") % {"url": absolute_url(reverse("member_home"))})
    return "\n".join(lines)


def session_calendar_file(session) -> bytes:
    cancelled = session.is_cancelled
    calendar = Calendar()
    calendar.add("prodid", "-//BoardReady//Board development sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", session.title)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    where = ", ".join(part for part in (session.location, session.online_link) if part)
    if where:
        event.add("location", where)
    if session.online_link:
        event.add("url", session.online_link)
    if cancelled:
        event.add("description", _("This session has been cancelled."))
    else:
        event.add("description", _description(session))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Tomorrow: %(title)s") % {"title": session.title})
        alarm.add("trigger", -REMINDER_BEFORE)
        event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
