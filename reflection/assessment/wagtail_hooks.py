"""Registers the instrument editor, the member's links and section, and the demo data.

Responses, answers and scores get no admin screen: editors and staff never see them.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.audit.personal_data import covers, export_rows
from learning.models import Role

from .models import Instrument


class InstrumentViewSet(SnippetViewSet):
    model = Instrument
    icon = "list-ol"
    menu_label = gettext_lazy("Self-assessments")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["name", "kind", "live"]
    list_filter = ["kind", "live"]
    search_fields = ["name", "purpose"]


register_snippet(InstrumentViewSet)


@hooks.register("boardready_nav_links")
def assessment_link(request):
    return [{"url": reverse("assessment:index"), "label": _("Self-assessment"), "order": 30}]


@hooks.register("boardready_home_sections")
def assessment_section(request, membership):
    if membership is None or membership.role == Role.FACILITATOR:
        return None
    from .presentation import open_rounds_with_my_response

    rounds = [
        row
        for row in open_rounds_with_my_response(request.user, membership.board)
        if row["response"] is None or not row["response"].is_submitted
    ]
    if not rounds:
        return None
    return {"template": "assessment/home_section.html", "order": 30, "rounds": rounds}


@hooks.register("boardready_reminders")
def round_openings(now):
    """Emails each board whose round opened today (once: the round is stamped)."""
    from .services import round_openings_send

    return round_openings_send(now)


@hooks.register("boardready_seed_demo", order=30)
def seed_assessment(people):
    from .demo import seed_demo

    seed_demo(people)


@hooks.register("boardready_personal_data")
@covers("assessment.Response", "assessment.Round", "assessment.RoundReminder")
def assessment_personal_data(user):
    """The person's self-assessment responses with answers and scores, and rounds they opened."""
    from .models import Response, Round, RoundReminder

    responses = (
        Response.objects.filter(user=user)
        .select_related("board", "version__instrument", "round")
        .prefetch_related("answers", "scores")
        .order_by("started_at")
    )
    return {
        "Your self-assessments": [
            {
                **export_rows([response], exclude=["user"])[0],
                "instrument": str(response.version.instrument),
                "answers": export_rows(response.answers.all(), exclude=["response"]),
                "scores": export_rows(response.scores.all(), exclude=["response"]),
            }
            for response in responses
        ],
        "Self-assessment rounds you opened": export_rows(
            Round.objects.filter(opened_by=user).select_related("board", "version")
        ),
        "Reminders you sent for rounds": export_rows(
            RoundReminder.objects.filter(sent_by=user).select_related("round"),
            exclude=["sent_by"],
        ),
    }


@hooks.register("boardready_erase_person")
def assessment_erase_person(user):
    """Keeps the person's answers behind closed rounds' figures, without the link to them."""
    from .erasure import responses_detach_for_erasure

    responses_detach_for_erasure(user=user)
