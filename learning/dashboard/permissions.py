"""Who may see a board's dashboard, board paper and exports: its chair and its facilitator.

Everyone else, including the chair of another board, gets 404. Shared commitments are the
chair's to see (the facilitator sees counts only, as on the plans pages).
"""

from learning.models import Membership, Role
from learning.permissions import LEADER_ROLES, Visitor, access_membership


def access_dashboard(user: Visitor, board_id: int | str) -> Membership:
    """The user's seat as chair or facilitator of the board, or 404."""
    return access_membership(user, board_id, roles=LEADER_ROLES)


def access_dashboard_as_chair(user: Visitor, board_id: int | str) -> Membership:
    """The user's seat as chair of the board, or 404 (for lists of shared commitments)."""
    return access_membership(user, board_id, roles=[Role.CHAIR])


def user_sees_commitments(membership: Membership) -> bool:
    return membership.role == Role.CHAIR
