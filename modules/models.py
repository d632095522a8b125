"""Wagtail pages and snippets for BoardReady's content."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The front page: what BoardReady is, and a way in for members."""

    introduction = models.CharField(max_length=300, blank=True)
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ul", "ol"])

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
