"""The audit log in the Wagtail admin: superusers may read it; nobody may change it there."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from learning.extension_points import PERSONAL_DATA

from .exporters import (
    account_personal_data,
    module_progress_personal_data,
    security_personal_data,
)
from .models import AuditEvent


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Only active superusers, and only to view: the log is written by code, never by hand."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action == "view")

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


register_permission_policy(AuditEvent, SuperuserReadOnlyPolicy(AuditEvent))


class AuditEventViewSet(ModelViewSet):
    model = AuditEvent
    icon = "history"
    menu_label = "Audit log"
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["at", "action", "actor", "subject_user", "target", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor__email", "subject_user__email", "target"]
    inspect_view_fields = ["at", "action", "actor", "subject_user", "target", "ip_address"]

    def get_urlpatterns(self):
        # Only the list and the detail page: no add, edit, delete or copy views exist.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


@hooks.register("register_admin_viewset")
def register_audit_log():
    return AuditEventViewSet("audit_log")


hooks.register(PERSONAL_DATA, account_personal_data)
hooks.register(PERSONAL_DATA, security_personal_data)
hooks.register(PERSONAL_DATA, module_progress_personal_data)
