"""Reads of invitations."""

from learning.models import Board

from .models import Invitation


def board_invitations(board: Board) -> list[Invitation]:
    """The board's invitations, newest first, with who sent and who accepted each."""
    invitations = board.invitations.select_related("accepted_by", "invited_by")
    return list(invitations.order_by("-created_at"))
