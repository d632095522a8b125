"""Editors write modules, case studies, terms and questions in the Wagtail admin."""

import pytest
from django.urls import reverse

from modules.models import AssuranceQuestion, CaseStudyPage, LexiconTerm
from tests.conftest import sign_in
from tests.modules.factories import module

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["alpha", "beta"])
def test_an_editor_can_open_a_module_in_the_editor(client, world, content, slug):
    sign_in(client, world.editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module(slug).pk]))
    assert response.status_code == 200
    assert b"Learning outcome" in response.content


def test_an_editor_can_open_a_case_study_in_the_editor(client, world, content):
    sign_in(client, world.editor)
    page = CaseStudyPage.objects.first()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_an_editor_can_list_and_edit_lexicon_terms(client, world, content):
    sign_in(client, world.editor)
    term = LexiconTerm.objects.get(slug="bame")
    assert client.get(reverse("wagtailsnippets_modules_lexiconterm:list")).status_code == 200
    edit = reverse("wagtailsnippets_modules_lexiconterm:edit", args=[term.pk])
    assert client.get(edit).status_code == 200
    history = reverse("wagtailsnippets_modules_lexiconterm:history", args=[term.pk])
    assert client.get(history).status_code == 200


def test_an_editor_can_list_assurance_questions(client, world, content):
    sign_in(client, world.editor)
    assert AssuranceQuestion.objects.exists()
    response = client.get(reverse("wagtailsnippets_modules_assurancequestion:list"))
    assert response.status_code == 200


def test_a_board_member_cannot_reach_the_lexicon_admin(client, world, content):
    sign_in(client, world.member)
    response = client.get(reverse("wagtailsnippets_modules_lexiconterm:list"))
    assert response.status_code == 403
    assert "for content editors" in response.content.decode()
