"""Reads about the signed-in person's boards."""

from django.http import HttpRequest

from .models import Membership
from .permissions import active_memberships

SESSION_BOARD_KEY = "boardready_board_id"


def memberships_for_request(request: HttpRequest) -> list[Membership]:
    """The signed-in user's active memberships, loaded once per request."""
    # Cached on the request object itself, which the stubs do not know to hold it.
    if not hasattr(request, "_boardready_memberships"):
        request._boardready_memberships = list(  # type: ignore[attr-defined]
            active_memberships(request.user)
        )
    memberships: list[Membership] = request._boardready_memberships  # type: ignore[attr-defined]
    return memberships


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership the person chose in the board switcher, else their first, else None."""
    memberships = memberships_for_request(request)
    if not memberships:
        return None
    chosen = request.session.get(SESSION_BOARD_KEY)
    for membership in memberships:
        if membership.board_id == chosen:
            return membership
    return memberships[0]
