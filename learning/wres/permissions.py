"""Who may see and change an organisation's WRES figures.

The figures are organisational, not personal, but only people on one of the organisation's
boards (members, chairs and facilitators) see them; everyone else gets 404. Only the chair or
facilitator enters or uploads figures; other members get 404 too, so the pages reveal nothing.
"""

from learning.models import Board, Membership
from learning.permissions import LEADER_ROLES, Visitor, access_board_as_leader, access_membership


def access_wres_membership(user: Visitor, board_id: int | str) -> Membership:
    """The user's seat on the board, if they may see its organisation's figures, else 404."""
    return access_membership(user, board_id)


def access_wres_board_to_edit(user: Visitor, board_id: int | str) -> Board:
    """The board, if the user is its chair or facilitator, else 404."""
    return access_board_as_leader(user, board_id)


def membership_can_edit_wres(membership: Membership) -> bool:
    return membership.role in LEADER_ROLES
