"""Registers the dashboard in the navigation, for the chair and facilitator of the chosen board."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from learning.permissions import LEADER_ROLES
from learning.selectors import current_membership

from .demo import seed_eastmoor


@hooks.register("boardready_nav_links")
def dashboard_nav_link(request):
    membership = current_membership(request)
    if membership is None or membership.role not in LEADER_ROLES:
        return []
    url = reverse("dashboard:board_dashboard", args=[membership.board_id])
    return [{"url": url, "label": _("Board readiness"), "order": 15}]


@hooks.register("boardready_seed_demo", order=60)
def seed_dashboard_demo(people):
    seed_eastmoor(people)
