"""Registers knowledge checks: the admin snippet, the module page panel, the home section and
the demo data."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.audit.personal_data import covers, export_rows
from learning.models import Role

from . import selectors
from .models import Quiz


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Knowledge checks")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "module", "pass_mark", "live"]
    list_filter = ["live"]
    search_fields = ["title"]


register_snippet(QuizViewSet)


@hooks.register("before_delete_snippet")
def keep_quizzes_with_attempts(request, instances):
    """Members' attempts are records: a quiz with any is unpublished, never deleted."""
    taken = [item for item in instances if isinstance(item, Quiz) and item.attempts.exists()]
    if not taken:
        return None
    messages.error(
        request,
        gettext_now(
            "%(titles)s cannot be deleted because members have attempted it. Unpublish it instead."
        )
        % {"titles": ", ".join(str(quiz) for quiz in taken)},
    )
    return redirect("wagtailsnippets_quizzes_quiz:list")


@hooks.register("boardready_module_page_panels")
def knowledge_check_panel(request, page):
    """'Knowledge check: take it / your result / try again' on a module page with a live check."""
    quiz = getattr(page, "knowledge_check", None)
    if quiz is None or not quiz.live:
        return None
    standing = None
    if request.user.is_authenticated:
        standing = selectors.standing_on(request.user, quiz)
    return {
        "template": "quizzes/module_panel.html",
        "order": 50,
        "anchor": ("knowledge-check", _("Knowledge check")),
        "quiz": quiz,
        "standing": standing,
    }


@hooks.register("boardready_home_sections")
def my_knowledge_checks(request, membership):
    """'My knowledge checks' on the member's home, with the marking queue for facilitators."""
    facilitator = membership is not None and membership.role == Role.FACILITATOR
    return {
        "template": "quizzes/home_section.html",
        "order": 30,
        "attempts": selectors.with_lapsed_finished(selectors.attempts_of(request.user)[:5]),
        "facilitator": facilitator,
        "awaiting": selectors.awaiting_count(request.user) if facilitator else 0,
    }


@hooks.register("boardready_seed_demo", order=20)
def seed_knowledge_checks(people):
    """Loads the knowledge checks from modules/content/quizzes and a few Northbridge attempts."""
    from .demo import seed_demo_attempts
    from .loader import load_quizzes

    load_quizzes()
    seed_demo_attempts(people)


@hooks.register("boardready_reminders")
def finish_lapsed_knowledge_checks(now):
    """Submits timed attempts whose time ran out, at their deadline. Sends no email."""
    from .services import finish_lapsed_attempts

    finish_lapsed_attempts(now)
    return 0


@hooks.register("boardready_personal_data")
@covers("quizzes.Attempt", "quizzes.AttemptAnswer")
def quizzes_personal_data(user):
    """The person's knowledge-check attempts with every answer, and the marks they gave."""
    from .models import Attempt, AttemptAnswer

    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related("answers__options")
        .order_by("started_at")
    )
    return {
        "Your knowledge-check attempts": [
            {
                **export_rows([attempt], exclude=["user"])[0],
                "answers": [
                    {
                        **export_rows([answer], exclude=["attempt", "question", "marked_by"])[0],
                        "options": export_rows(
                            answer.options.all(), exclude=["attempt_answer", "answer"]
                        ),
                    }
                    for answer in attempt.answers.all()
                ],
            }
            for attempt in attempts
        ],
        # As a marker, only what the person wrote: never the member's own answer text.
        "Free-text answers you marked": export_rows(
            AttemptAnswer.objects.filter(marked_by=user).select_related("attempt__quiz"),
            exclude=["free_text", "text", "explanation", "question", "marked_by", "flagged"],
        ),
    }
