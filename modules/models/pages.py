"""The home page, the module index and the pre-reading modules."""

from functools import cache
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from learning import fragments
from learning.extension_points import ModulePanel, module_page_panels
from modules.areas import GoodPracticeAreasField, area_labels
from modules.blocks import ModuleBodyBlock
from modules.reading import minutes_for, words_in_body

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class HomePage(Page):
    """The front page: what BoardReady is, and a way in for members."""

    introduction = models.CharField(max_length=300, blank=True)
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"])

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]


class SectionPage(Page):
    """A page of one kind under the home page (modules, glossary…): a title and introduction."""

    introduction = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["modules.HomePage"]
    subpage_types: list = []
    max_count = 1

    class Meta:
        abstract = True


class ModuleIndexPage(SectionPage):
    """Lists the pre-reading modules, with a signed-in reader's status for each."""

    subpage_types = ["modules.ModulePage"]

    def route(self, request, path_components):
        """Finds a child module in one query (the default takes two), with whatever other apps
        attach one to one (the knowledge check), so panels reading them cost nothing."""
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]

        def find() -> "tuple[ModulePage | None, list[PageViewRestriction]]":
            child = (
                ModulePage.objects.child_of(self)
                .filter(slug=slug)
                .select_related(*ModulePage.one_to_one_accessors())
                .first()
            )
            return child, list(child.get_view_restrictions()) if child else []

        # The same for every reader until a page, a restriction or a knowledge check changes:
        # cached under those tables (learning/fragments.py).
        child, restrictions = fragments.shared(
            "module-route",
            find,
            key=[self.pk, self.path, slug],
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        child.restrictions_when_routed = restrictions
        return child.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        from modules.selectors import module_rows

        context = super().get_context(request, *args, **kwargs)
        context["rows"] = module_rows(request.user, ModulePage.objects.child_of(self))
        context["done"] = sum(1 for row in context["rows"] if row.complete)
        return context


# A module's long fields: listings, grids and panels never show them, so they leave them out
# (`.defer(*MODULE_BODY_FIELDS)`, or with the relation's prefix through a select_related).
MODULE_BODY_FIELDS = ("body", "learning_outcomes")


def without_module_bodies(relation: str) -> list[str]:
    """MODULE_BODY_FIELDS through a relation, for `.defer()` after a select_related."""
    return [f"{relation}__{name}" for name in MODULE_BODY_FIELDS]


class ModulePage(Page):
    """A short pre-reading module a board reads before a facilitated session."""

    summary = models.TextField(help_text=_("One or two sentences shown in listings."))
    topic = models.CharField(max_length=100, blank=True, help_text=_("Shown in listings."))
    areas = GoodPracticeAreasField(verbose_name=_("good-practice areas"))
    learning_outcomes = StreamField(
        [("outcome", wagtail_blocks.CharBlock(label=_("Learning outcome")))],
        blank=True,
        help_text=_('Each completes "After reading you can…".'),
    )
    reading_minutes_override = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("reading minutes"),
        help_text=_("Leave empty to work it out from the words, at 200 a minute."),
    )
    body = StreamField(ModuleBodyBlock(), blank=True)
    # Counted whenever the page is saved (publishing saves it), so listings and the page need
    # not walk every block of every body on each view.
    word_total = models.PositiveIntegerField(default=0, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("areas"), FieldPanel("reading_minutes_override")],
            heading=_("Listing"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("topic"),
        index.SearchField("body"),
    ]

    parent_page_types = ["modules.ModuleIndexPage"]
    subpage_types: list = []

    @classmethod
    def _one_to_ones(cls) -> list:
        """The one-to-one relations other apps hang on a module (`knowledge_check`); not those
        Wagtail hangs on every page (`workflowpage`), which no module page reads."""
        return [
            rel
            for rel in cls._meta.related_objects
            if rel.one_to_one and not rel.parent_link and rel.model is cls
        ]

    @classmethod
    def one_to_one_accessors(cls) -> list[str]:
        """Their names, which routing loads with the page."""
        return [rel.get_accessor_name() for rel in cls._one_to_ones()]

    @classmethod
    def one_to_one_models(cls) -> list[type[models.Model]]:
        """Their models, whose tables the module's cached content counts as read."""
        return [rel.related_model for rel in cls._one_to_ones()]

    @property
    def word_count(self) -> int:
        return self.word_total

    def count_words(self) -> None:
        self.word_total = words_in_body(self.body.raw_data)

    def save(self, *args, **kwargs):
        self.count_words()
        if kwargs.get("update_fields") is not None and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "word_total"}
        return super().save(*args, **kwargs)

    def serve_preview(self, request, mode_name):
        self.count_words()  # a preview shows unsaved words
        return super().serve_preview(request, mode_name)

    @property
    def reading_minutes(self) -> int:
        """The editor's figure if set, otherwise worked out from the words."""
        return self.reading_minutes_override or minutes_for(self.word_count)

    @property
    def area_labels(self) -> "list[StrOrPromise]":
        return area_labels(self.areas)

    @cached_property
    def sources(self) -> list:
        """The further-reading blocks, in order: the module's "Sources" list."""
        return [block.value for block in self.body if block.block_type == "further_reading"]

    @cached_property
    def key_terms(self) -> list:
        """Every live term chosen in a key-terms block, once each, A to Z."""
        terms = {
            term.pk: term
            for block in self.body
            if block.block_type == "key_terms"
            for term in block.value["terms"]
            if term is not None and term.live
        }
        return sorted(terms.values(), key=lambda term: term.term.lower())

    # Set by ModuleIndexPage.route, which finds them with the page, for serving it.
    restrictions_when_routed: "list[PageViewRestriction] | None" = None

    def get_view_restrictions(self):
        """Wagtail's own rule in one query instead of two: restrictions on this page or any
        ancestor, where an alias takes its source page's restrictions. When serving a page
        routed here, the ones found with it."""
        if self.restrictions_when_routed is not None:
            return self.restrictions_when_routed
        lineage = Page.objects.ancestor_of(self, inclusive=True)
        return PageViewRestriction.objects.filter(
            Q(page__in=lineage.filter(alias_of__isnull=True).values("pk"))
            | Q(page__in=lineage.filter(alias_of__isnull=False).values("alias_of"))
        )

    def serve(self, request, *args, **kwargs):
        from modules.progress import progress_record_opened

        if request.user.is_authenticated:
            request.module_progress = progress_record_opened(user=request.user, page=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from modules.lexicon import lexicon_linker
        from modules.models.lexicon import GlossaryPage
        from modules.selectors import remember_content_urls

        context = super().get_context(request, *args, **kwargs)
        linker = lexicon_linker(request)
        context["lexicon"] = linker
        context["glossary_url"] = linker.glossary_url
        index = self.get_parent()
        remember_content_urls(
            request,
            {ModuleIndexPage: index.get_url(request) if index.live else None},
            {GlossaryPage: linker.glossary_url or None},
        )
        progress = context["progress"] = getattr(request, "module_progress", None)
        # The panels are gathered, and the content rendered, only when the reader's content is
        # not in the cache (the template calls these).
        panels = cache(lambda: module_page_panels(request, self))
        context["panels"] = panels
        context["on_this_page"] = lambda: self.on_this_page(panels())
        context["content"] = lambda: self._content(request, context, progress, linker)
        return context

    def _content(self, request, context, progress, linker) -> str:
        """Everything below the heading for this reader: cached per person under what it reads
        and what the page read before it (the page, its revision, the reader's progress, the
        lexicon), never in a preview."""

        def render() -> str:
            return render_to_string("modules/includes/module_content.html", context, request)

        if getattr(request, "is_preview", False):
            return render()
        return fragments.html(
            request,
            "module",
            render,
            key=[
                self.pk,
                self.live_revision_id,
                self.last_published_at,
                linker.stamp,
                linker.glossary_url,
                *fragments.field_values(progress),
            ],
            reads=[ModulePage, *self.one_to_one_models()],
        )

    def on_this_page(self, panels: list[ModulePanel]) -> "list[tuple[str, StrOrPromise]]":
        """(anchor, label) for the short "On this page" list at the top: the key terms and
        sources where the module has them, each panel that names an anchor, and the place to
        mark the module as read. Read from the body's raw blocks, so it costs no query."""
        kinds = {block["type"] for block in self.body.raw_data}
        links: list[tuple[str, StrOrPromise]] = []
        if "key_terms" in kinds:
            links.append(("key-terms", _("Key terms")))
        if "further_reading" in kinds:
            links.append(("sources", _("Sources")))
        links.extend((anchor, label) for anchor, label in (p.anchor for p in panels if p.anchor))
        links.append(("reading-progress", _("Mark as read")))
        return links
