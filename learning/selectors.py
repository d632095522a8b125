"""Reads about the signed-in person's boards."""

from .permissions import active_memberships

SESSION_BOARD_KEY = "boardready_board_id"


def memberships_for_request(request) -> list:
    """The signed-in user's active memberships, loaded once per request."""
    if not hasattr(request, "_boardready_memberships"):
        request._boardready_memberships = list(active_memberships(request.user))
    return request._boardready_memberships


def current_membership(request):
    """The membership the person chose in the board switcher, else their first, else None."""
    memberships = memberships_for_request(request)
    if not memberships:
        return None
    chosen = request.session.get(SESSION_BOARD_KEY)
    for membership in memberships:
        if membership.board_id == chosen:
            return membership
    return memberships[0]
