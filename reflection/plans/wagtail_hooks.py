"""Registers plans with Wagtail: the suggestions snippet, reminders, navigation, home and demo."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.models import Role
from learning.selectors import current_membership

from .demo import seed_plans
from .models import SuggestedCommitment
from .personal_data import plans_personal_data
from .reminders import plan_reminders_send
from .selectors import home_summary


class SuggestedCommitmentViewSet(SnippetViewSet):
    model = SuggestedCommitment
    icon = "tick-inverse"
    menu_label = gettext_lazy("Suggested commitments")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["title", "area"]
    list_filter = ["area"]
    # The listing searches the model's index; see modules/wagtail_hooks.py for why no fields.


register_snippet(SuggestedCommitmentViewSet)


@hooks.register("boardready_reminders")
def plans_reminders(now):
    return plan_reminders_send(now)


@hooks.register("boardready_nav_links")
def plans_nav_links(request):
    membership = current_membership(request)
    if membership is None:
        return []
    if membership.role == Role.FACILITATOR:
        url = reverse("plans:board_plans", args=[membership.board_id])
        return [{"url": url, "label": _("Commitments"), "order": 40}]
    return [{"url": reverse("plans:my_plan"), "label": _("My plan"), "order": 40}]


@hooks.register("boardready_home_sections")
def plans_home_section(request, membership):
    if membership is None:
        return None
    return {
        "template": "plans/includes/home_section.html",
        "order": 40,
        "membership": membership,
        "is_facilitator": membership.role == Role.FACILITATOR,
        "summary": None if membership.role == Role.FACILITATOR else home_summary(membership),
    }


@hooks.register("boardready_seed_demo", order=40)
def plans_seed_demo(people):
    seed_plans(people)


hooks.register("boardready_personal_data", plans_personal_data)
