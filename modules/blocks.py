"""StreamField blocks for modules, lexicon terms and case studies.

Rich text in a module passes through the page's lexicon linker (`modules.lexicon`), found in the
render context as `lexicon`, so the first use of each term links to the glossary. The NHS.UK
components come from wagtail-nhsuk-frontend; subclasses only add that linking.
"""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtailnhsukfrontend import blocks as nhsuk

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def _linked(value, context) -> str:
    """The HTML of a RichText value, with lexicon links when the context carries a linker."""
    html = expand_db_html(value.source) if value else ""
    linker = (context or {}).get("lexicon")
    return linker.link_html(html) if linker else mark_safe(html)  # noqa: S308 - editor HTML


class LexiconRichTextBlock(blocks.RichTextBlock):
    """Rich text whose first mention of each lexicon term links to the glossary."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def render_basic(self, value, context=None):
        return _linked(value, context)

    class Meta:
        icon = "pilcrow"
        label = _("Text")


class _LinkedBodyMixin:
    """Replaces the flattened `body` rich text with its lexicon-linked HTML."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["body"] = _linked(value["body"], parent_context)
        return context


class InsetBlock(_LinkedBodyMixin, nhsuk.InsetTextBlock):
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Inset text")
        template = "wagtailnhsukfrontend/inset_text.html"


class WarningBlock(_LinkedBodyMixin, nhsuk.WarningCalloutBlock):
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Warning callout")
        template = "wagtailnhsukfrontend/warning_callout.html"


class DetailsBlock(nhsuk.DetailsBlock):
    class BodyStreamBlock(blocks.StreamBlock):
        richtext = LexiconRichTextBlock()
        inset_text = InsetBlock()

    body = BodyStreamBlock(required=True)

    class Meta:
        icon = "collapse-down"
        label = _("Details (expander)")
        template = "wagtailnhsukfrontend/details.html"


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2) within the module."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "modules/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(help_text=_("Who said or wrote it, where and when."))

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "modules/blocks/quote.html"


class StatisticBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text=_("For example 32% or 1.6 times."))
    description = blocks.CharBlock(help_text=_("What the figure counts, completing a sentence."))
    source = blocks.CharBlock(help_text=_("Publisher, title and year."))
    source_url = blocks.URLBlock(required=False, label=_("Source link"))

    class Meta:
        icon = "table"
        label = _("Statistic")
        template = "modules/blocks/statistic.html"


class KeyTermsBlock(blocks.StructBlock):
    terms = blocks.ListBlock(SnippetChooserBlock("modules.LexiconTerm"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Key terms")
        template = "modules/blocks/key_terms.html"


class ReflectionBlock(blocks.StructBlock):
    """A question members may answer privately; its block id is what other apps point at."""

    prompt = blocks.TextBlock()

    class Meta:
        icon = "help"
        label = _("Reflection prompt")
        template = "modules/blocks/reflection.html"


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Video link"))
    title = blocks.CharBlock()
    transcript = blocks.TextBlock(required=True)

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        template = "modules/blocks/video.html"


class SourceBlock(blocks.StructBlock):
    """A publication: shown in a module's "Sources" list and a lexicon term's sources."""

    title = blocks.CharBlock()
    publisher = blocks.CharBlock()
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100)
    url = blocks.URLBlock(required=False, label=_("Link"))

    class Meta:
        icon = "link"
        label = _("Further reading")
        template = "modules/blocks/further_reading.html"


class ModuleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = LexiconRichTextBlock()
    inset = InsetBlock()
    warning = WarningBlock()
    details = DetailsBlock()
    do = nhsuk.DoBlock()
    dont = nhsuk.DontBlock()
    quote = QuoteBlock()
    statistic = StatisticBlock()
    key_terms = KeyTermsBlock()
    case_study = blocks.PageChooserBlock(
        page_type="modules.CaseStudyPage",
        icon="doc-full-inverse",
        label=_("Case study"),
        template="modules/blocks/case_study.html",
    )
    reflection = ReflectionBlock()
    video = VideoBlock()
    further_reading = SourceBlock()
