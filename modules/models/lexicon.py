"""The race lexicon: terms with plain definitions, and the A to Z glossary page."""

from itertools import groupby
from string import ascii_uppercase

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from modules.blocks import SourceBlock
from modules.models.pages import SectionPage


class LexiconTerm(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A word or phrase about race, defined in plain language, with when to use or avoid it.

    Contested terms (such as "BAME") say why in the usage note. Only published terms appear in
    the glossary, in search and as links from modules.
    """

    term = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text=_("The term's anchor on the glossary page.")
    )
    definition = models.TextField(help_text=_("One to three plain sentences."))
    usage_note = models.TextField(blank=True, help_text=_("When to use it or avoid it, and why."))
    contested = models.BooleanField(
        default=False, help_text=_("People disagree about this term; say why in the usage note.")
    )
    alternatives = models.CharField(
        max_length=300, blank=True, help_text=_("Terms to use instead, separated by commas.")
    )
    related = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="+", verbose_name=_("related terms")
    )
    sources = StreamField([("source", SourceBlock())], blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="lexicon_term")

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        MultiFieldPanel(
            [FieldPanel("usage_note"), FieldPanel("contested"), FieldPanel("alternatives")],
            heading=_("Usage"),
        ),
        FieldPanel("related"),
        FieldPanel("sources"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.AutocompleteField("definition"),
        index.SearchField("usage_note"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("lexicon term")

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions

    @property
    def alternative_list(self) -> list[str]:
        return [item.strip() for item in self.alternatives.split(",") if item.strip()]

    @property
    def letter(self) -> str:
        first = self.term[:1].upper()
        return first if first in ascii_uppercase else "#"


class GlossaryPage(SectionPage):
    """Every published lexicon term, A to Z, with an anchor (the term's slug) for each."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = list(
            LexiconTerm.objects.filter(live=True)
            .order_by(Lower("term"))
            .prefetch_related(models.Prefetch("related", LexiconTerm.objects.filter(live=True)))
        )
        groups = [(letter, list(items)) for letter, items in groupby(terms, lambda t: t.letter)]
        present = {letter for letter, _ in groups}
        context["groups"] = groups
        context["letters"] = [(letter, letter in present) for letter in ascii_uppercase]
        return context
