"""Template context every page needs: the navigation and the person's boards."""

from dataclasses import replace

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .extension_points import NavLink, nav_links
from .selectors import current_membership, memberships_for_request


def _nav_links(request: HttpRequest) -> list[NavLink]:
    if not request.user.is_authenticated:
        return []
    return [
        replace(
            link,
            current=request.path == link.url
            or (link.url != "/" and request.path.startswith(link.url) and link.prefix),
        )
        for link in nav_links(request)
    ]


def boardready(request):
    return {
        "nav_links": SimpleLazyObject(lambda: _nav_links(request)),
        "my_memberships": SimpleLazyObject(lambda: memberships_for_request(request)),
        "current_membership": SimpleLazyObject(lambda: current_membership(request)),
    }


def session_timeout(request):
    """Seconds left before the idle and the 12-hour limits sign the person out, for the
    timeout warning (templates/includes/session_warning.html); nothing when signed out."""
    from django.conf import settings
    from django.utils import timezone

    from learning.audit.receivers import LAST_SEEN_KEY, SIGNED_IN_AT_KEY

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    now = int(timezone.now().timestamp())
    session = request.session
    idle_left = settings.BOARDREADY_SESSION_IDLE_SECONDS - (now - session.get(LAST_SEEN_KEY, now))
    absolute_left = settings.BOARDREADY_SESSION_ABSOLUTE_SECONDS - (
        now - session.get(SIGNED_IN_AT_KEY, now)
    )
    return {
        "session_timeout": {"idle_left": max(idle_left, 0), "absolute_left": max(absolute_left, 0)}
    }
