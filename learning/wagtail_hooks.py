"""Registers the board domain's admin screens in the Wagtail admin (staff only), and the home
link at the head of the navigation."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .extension_points import NAV_LINKS, NavLink
from .models import Board, Invitation, Membership, Organisation
from .services import appointment_check, seat_appoint, seat_end


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


class MembershipAdminForm(WagtailAdminModelForm):
    """A seat in the admin, checked like the board's own members page: who may appoint, and
    a second chair or chief executive only with the box ticked (learning.services)."""

    confirm = forms.BooleanField(
        label=_("Confirm a second chair or chief executive"),
        required=False,
        help_text=_("Needed only when someone already holds that seat on the board."),
    )

    class Meta:
        model = Membership
        fields = ["user", "board", "role", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # a seat is one person on one board; end it and give another
            self.fields["user"].disabled = True
            self.fields["board"].disabled = True

    def clean(self):
        cleaned = super().clean()
        board, role = cleaned.get("board"), cleaned.get("role")
        if board is None or not role or not cleaned.get("is_active"):
            return cleaned
        current = self.instance if self.instance.pk and self.instance.is_active else None
        try:
            appointment_check(
                board=board,
                role=role,
                by=self.for_user,
                membership=current,
                confirmed=cleaned.get("confirm", False),
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                self.add_error(field if field in self.fields else None, problems)
        return cleaned


def _save_seat(view) -> Membership:
    """Every seat saved in the admin goes through the same services as the members page."""
    data, request = view.form.cleaned_data, view.request
    if data["is_active"]:
        return seat_appoint(
            user=data["user"],
            board=data["board"],
            role=data["role"],
            by=request.user,
            confirmed=data.get("confirm", False),
            request=request,
        )
    seat = Membership.objects.filter(user=data["user"], board=data["board"]).first()
    if seat is None:  # made ended: give the seat, then end it, both audited
        seat = seat_appoint(
            user=data["user"],
            board=data["board"],
            role=data["role"],
            by=request.user,
            confirmed=True,
            request=request,
        )
    return seat_end(membership=seat, by=request.user, request=request)


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        return _save_seat(self)


class MembershipEditView(generic.EditView):
    def save_instance(self):
        return _save_seat(self)


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        seat_end(membership=self.object, by=self.request.user, request=self.request)
        super().delete_action()


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    list_display = ["user", "board", "role", "is_active"]
    list_filter = ["role", "is_active", "board"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    form_fields = ["user", "board", "role", "is_active"]
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView

    def get_form_class(self, for_update=False):
        return MembershipAdminForm


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


@hooks.register(NAV_LINKS)
def home_nav_link(request: HttpRequest) -> list[NavLink]:
    """The person's home, first in the header for everyone signed in."""
    return [NavLink(key="home", url=reverse("member_home"), label=gettext("My board development"))]
