"""Registers the content snippets, the home section, navigation links and demo content."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from learning.demo import DemoPeople
from learning.extension_points import (
    HOME_SECTIONS,
    NAV_LINKS,
    SEED_DEMO,
    DemoStep,
    HomeSection,
    NavLink,
)
from learning.models import Membership

from .models import AssuranceQuestion, GlossaryPage, LexiconTerm, ModuleIndexPage
from .progress import progress_for_request
from .selectors import content_urls, module_rows


class LexiconTermViewSet(SnippetViewSet):
    model = LexiconTerm
    icon = "openquote"
    menu_label = gettext_lazy("Lexicon")
    list_display = ["term", "contested", "live"]
    list_filter = ["contested", "live"]
    # No search_fields here: the listing searches the model's index (LexiconTerm.search_fields).
    # Naming fields made the SQLite backend match them as columns of its full-text table, which
    # has none by those names ("no such column: term").


class AssuranceQuestionViewSet(SnippetViewSet):
    model = AssuranceQuestion
    icon = "help"
    menu_label = gettext_lazy("Assurance questions")
    list_display = ["text", "area"]
    list_filter = ["area"]


class ContentGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Content")
    menu_icon = "doc-full"
    menu_order = 150
    items = (LexiconTermViewSet, AssuranceQuestionViewSet)


register_snippet(ContentGroup)


@hooks.register(HOME_SECTIONS)
def reading_section(request: HttpRequest, membership: Membership | None) -> HomeSection | None:
    rows = module_rows(request.user, progress=progress_for_request(request))
    if not rows:
        return None
    return HomeSection(
        key="reading",
        template="modules/home_section.html",
        context={
            "rows": rows,
            "done": sum(1 for row in rows if row.complete),
            "index_url": content_urls(request).get(ModuleIndexPage),  # cached for the navigation
        },
    )


@hooks.register(NAV_LINKS)
def content_links(request: HttpRequest) -> list[NavLink]:
    urls = content_urls(request)
    links = [("modules", ModuleIndexPage, _("Modules")), ("glossary", GlossaryPage, _("Glossary"))]
    return [
        NavLink(key=key, url=urls[model], label=label)
        for key, model, label in links
        if urls.get(model)
    ]


def seed_content(people: DemoPeople) -> None:
    from .content_loader import load_content

    load_content()


@hooks.register(SEED_DEMO)
def content_demo_step() -> DemoStep:
    return DemoStep(key="content", seed=seed_content)
