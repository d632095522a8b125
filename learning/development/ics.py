"""A calendar file (.ics) for a session, with its reading listed in the description."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .emails import absolute_url, module_url
from .selectors import session_assignments


def session_calendar_file(session) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//BoardReady//Board development sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"session-{session.pk}@boardready")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", session.title)
    where = ", ".join(part for part in (session.location, session.online_link) if part)
    if where:
        event.add("location", where)
    if session.online_link:
        event.add("url", session.online_link)
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
    event.add("description", "\n".join(lines))
    calendar.add_component(event)
    return calendar.to_ical()
