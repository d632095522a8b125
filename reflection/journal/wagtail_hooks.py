"""Registers the journal's navigation, demo entries and personal data export. Never an admin
screen: not even staff may read a journal."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .demo import seed_journal
from .personal_data import journal_personal_data


@hooks.register("boardready_nav_links")
def journal_nav_links(request):
    return [{"url": reverse("journal:list"), "label": _("Journal"), "order": 45}]


@hooks.register("boardready_seed_demo", order=40)
def journal_seed_demo(people):
    seed_journal(people)


hooks.register("boardready_personal_data", journal_personal_data)
