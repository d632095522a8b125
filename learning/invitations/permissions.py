"""Who may see and change invitations.

- A board's chair and facilitator see its invitations, invite people (one at a time or from a
  CSV file), send an invitation again and withdraw it; only the chair (or staff) invites a chair
  or chief executive (learning.permissions.user_can_appoint). Everyone else gets 404.
- Accepting needs no seat: the link's token is the permission, and a used, withdrawn or expired
  one is refused (410); a token nobody was sent is a 404.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from learning.models import User
from learning.permissions import boards_led_by, int_or_404

from .models import Invitation


def access_invitation_as_leader(user: User | AnonymousUser, invitation_id: object) -> Invitation:
    """An invitation to a board the user chairs or facilitates, else 404."""
    invitation = (
        Invitation.objects.filter(pk=int_or_404(invitation_id), board__in=boards_led_by(user))
        .select_related("board__organisation")
        .first()
    )
    if invitation is None:
        raise Http404("No such invitation.")
    return invitation
