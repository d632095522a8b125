"""Case studies: what other boards did, what changed, and what the data showed."""

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from learning.models import Organisation
from modules.areas import GoodPracticeAreasField, area_labels
from modules.blocks import RICH_TEXT_FEATURES
from modules.models.pages import SectionPage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class CaseStudyIndexPage(SectionPage):
    """Lists case studies, filtered by good-practice area and organisation type."""

    subpage_types = ["modules.CaseStudyPage"]

    def get_context(self, request, *args, **kwargs):
        from modules.forms import CaseStudyFilterForm
        from modules.selectors import case_studies_filtered

        context = super().get_context(request, *args, **kwargs)
        filters = CaseStudyFilterForm.cleaned_or_cleared(request.GET)
        context["form"] = CaseStudyFilterForm(initial=filters)
        context["filtered"] = any(filters.values())
        context["case_studies"] = case_studies_filtered(self, **filters)
        return context


class CaseStudyPage(Page):
    """One board's example, told in our own words from its published source."""

    organisation_type = models.CharField(max_length=20, choices=Organisation.Type.choices)
    areas = GoodPracticeAreasField(verbose_name=_("good-practice areas"))
    summary = models.TextField(help_text=_("One sentence shown in listings."))
    what_they_did = RichTextField(features=RICH_TEXT_FEATURES)
    what_changed = RichTextField(features=RICH_TEXT_FEATURES)
    what_the_data_showed = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    source = models.CharField(max_length=300, help_text=_("Publisher, title and date."))
    source_url = models.URLField(blank=True, verbose_name=_("source link"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("organisation_type"), FieldPanel("areas")], heading=_("Listing")
        ),
        FieldPanel("what_they_did"),
        FieldPanel("what_changed"),
        FieldPanel("what_the_data_showed"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url")], heading=_("Source")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_they_did"),
        index.SearchField("what_changed"),
        index.SearchField("what_the_data_showed"),
        index.FilterField("organisation_type"),
    ]

    parent_page_types = ["modules.CaseStudyIndexPage"]
    subpage_types: list = []

    @property
    def area_labels(self) -> "list[StrOrPromise]":
        return area_labels(self.areas)
