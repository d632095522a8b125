"""Registers knowledge checks: the admin snippet, the module page panel, the home section, the
demo data, the reminders and the personal data export."""

from datetime import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.demo import DemoPeople
from learning.extension_points import (
    HOME_SECTIONS,
    MODULE_PAGE_PANELS,
    PERSONAL_DATA,
    REMINDERS,
    SEED_DEMO,
    DemoStep,
    HomeSection,
    ModulePanel,
    Reminder,
)
from learning.models import Membership, Role
from learning.permissions import SignedInRequest
from modules.models import ModulePage

from . import selectors
from .models import Quiz
from .personal_data import quizzes_personal_data


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


@hooks.register(MODULE_PAGE_PANELS)
def knowledge_check_panel(request: SignedInRequest, page: ModulePage) -> ModulePanel | None:
    """'Knowledge check: take it / your result / try again' on a module page with a live check."""
    quiz = getattr(page, "knowledge_check", None)
    if quiz is None or not quiz.live:
        return None
    standing = None
    if request.user.is_authenticated:
        standing = selectors.standing_on(request.user, quiz)
    return ModulePanel(
        key="knowledge_check",
        template="quizzes/module_panel.html",
        anchor=("knowledge-check", _("Knowledge check")),
        context={"quiz": quiz, "standing": standing},
    )


@hooks.register(HOME_SECTIONS)
def my_knowledge_checks(request: SignedInRequest, membership: Membership | None) -> HomeSection:
    """'My knowledge checks' on the member's home, with the marking queue for facilitators."""
    facilitator = membership is not None and membership.role == Role.FACILITATOR
    return HomeSection(
        key="knowledge_checks",
        template="quizzes/home_section.html",
        context={
            "attempts": selectors.with_lapsed_finished(selectors.attempts_of(request.user)[:5]),
            "facilitator": facilitator,
            "awaiting": selectors.awaiting_count(request.user) if facilitator else 0,
        },
    )


def seed_knowledge_checks(people: DemoPeople) -> None:
    """Loads the knowledge checks from modules/content/quizzes and a few Northbridge attempts."""
    from .demo import seed_demo_attempts
    from .loader import load_quizzes

    load_quizzes()
    seed_demo_attempts(people)


@hooks.register(SEED_DEMO)
def knowledge_checks_demo_step() -> DemoStep:
    return DemoStep(key="knowledge_checks", seed=seed_knowledge_checks)


def finish_lapsed_knowledge_checks(now: datetime) -> int:
    """Submits timed attempts whose time ran out, at their deadline. Sends no email."""
    from .services import finish_lapsed_attempts

    finish_lapsed_attempts(now)
    return 0


@hooks.register(REMINDERS)
def knowledge_checks_reminder() -> Reminder:
    return Reminder(key="knowledge_checks", send=finish_lapsed_knowledge_checks)


hooks.register(PERSONAL_DATA, quizzes_personal_data)
