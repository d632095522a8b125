from wagtail.fields import RichTextField
from wagtail.models import Page


class ReferencePage(Page):
    """The plain-Wagtail baseline: one rich-text field holding a module's text, shown in the
    same base template as every BoardReady page. Only the benchmark makes these."""

    body = RichTextField(blank=True)

    is_creatable = False
    template = "bench/reference_page.html"
