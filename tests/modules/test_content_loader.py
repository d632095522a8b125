"""The content loader: creates what is missing, keyed on slugs, and never overwrites."""

import pytest

from modules.content_loader import load_content
from modules.models import (
    AssuranceQuestion,
    CaseStudyPage,
    GlossaryPage,
    LexiconTerm,
    ModuleIndexPage,
    ModulePage,
)
from tests.modules.factories import FIXTURES, module

pytestmark = pytest.mark.django_db


def test_it_creates_the_index_pages_under_the_home_page(content):
    assert ModuleIndexPage.objects.get().url == "/modules/"
    assert GlossaryPage.objects.get().url == "/glossary/"
    assert CaseStudyPage.objects.get(slug="open-door").url == "/case-studies/open-door/"


def test_it_creates_and_publishes_the_content(content):
    assert content.created["ModulePage"] == 2
    assert LexiconTerm.objects.filter(live=True).count() == 4
    assert CaseStudyPage.objects.live().count() == 2
    assert AssuranceQuestion.objects.count() == 3
    assert module().live and module().live_revision is not None


def test_it_links_related_terms(content):
    term = LexiconTerm.objects.get(slug="bame")
    assert [other.slug for other in term.related.all()] == ["ethnic-minority"]


def test_it_reports_names_it_cannot_find_and_carries_on(content):
    assert content.problems == [
        "term 'Ethnic minority': related term 'No such term' not found",
        "module 'alpha': key term 'Not a term' not found",
        "module 'alpha': case study 'missing-case' not found",
    ]


def test_loading_again_creates_nothing(content):
    again = load_content(FIXTURES)
    assert sum(again.created.values()) == 0
    assert ModulePage.objects.count() == 2
    assert LexiconTerm.objects.count() == 4


def test_loading_again_keeps_the_editors_changes(content):
    page = module()
    page.title = "Edited by an editor"
    page.save_revision().publish()
    term = LexiconTerm.objects.get(slug="bame")
    term.definition = "Edited definition."
    term.save_revision().publish()
    load_content(FIXTURES)
    assert module().title == "Edited by an editor"
    assert LexiconTerm.objects.get(slug="bame").definition == "Edited definition."


def test_a_deleted_index_page_is_made_again_without_duplicating_others(content):
    GlossaryPage.objects.get().delete()
    report = load_content(FIXTURES)
    assert report.created == {"GlossaryPage": 1}


def test_it_is_registered_as_demo_content_first_after_the_people():
    from learning.extension_points import DemoStep, demo_steps
    from modules.wagtail_hooks import seed_content

    assert demo_steps()[0] == DemoStep(key="content", seed=seed_content)
