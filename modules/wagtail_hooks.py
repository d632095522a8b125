"""Registers the content snippets, the home section, navigation links and demo content."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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


@hooks.register("boardready_home_sections")
def reading_section(request, membership):
    rows = module_rows(request.user, progress=progress_for_request(request))
    if not rows:
        return None
    return {
        "template": "modules/home_section.html",
        "order": 10,
        "rows": rows,
        "done": sum(1 for row in rows if row.complete),
        "index_url": content_urls(request).get(ModuleIndexPage),  # cached for the navigation
    }


@hooks.register("boardready_nav_links")
def content_links(request):
    urls = content_urls(request)
    links = [(ModuleIndexPage, _("Modules"), 10), (GlossaryPage, _("Glossary"), 11)]
    return [
        {"url": urls[model], "label": label, "order": order}
        for model, label, order in links
        if urls.get(model)
    ]


@hooks.register("boardready_seed_demo", order=10)
def seed_content(people):
    from .content_loader import load_content

    load_content()
