"""Registers the board domain's admin screens in the Wagtail admin (staff only)."""

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Board, Invitation, Membership, Organisation


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    list_display = ["name", "type", "region"]
    list_filter = ["type"]
    search_fields = ["name", "region"]
    form_fields = ["name", "type", "region"]


class BoardViewSet(ModelViewSet):
    model = Board
    icon = "group"
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    form_fields = ["organisation", "name"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    list_display = ["user", "board", "role", "is_active"]
    list_filter = ["role", "is_active", "board"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    form_fields = ["user", "board", "role", "is_active"]


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    list_display = ["email", "board", "role", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role", "board"]
    search_fields = ["email"]
    form_fields = ["email", "first_name", "last_name", "board", "role", "expires_at"]


class BoardsGroup(ViewSetGroup):
    menu_label = "Boards"
    menu_icon = "group"
    menu_order = 200
    items = (OrganisationViewSet, BoardViewSet, MembershipViewSet, InvitationViewSet)


@hooks.register("register_admin_viewset")
def register_boards_group():
    return BoardsGroup()
