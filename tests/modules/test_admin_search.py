"""Every listing in the Wagtail admin answers a search: each registered viewset's listing (the
snippets included), page search, images and documents, searched with ?q= by a superuser and,
for the content, by an editor. Lexicon search once failed on SQLite with "no such column:
term" because the listing named fields the search index does not hold as columns."""

import pytest
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from modules.models import LexiconTerm
from reflection.plans.models import SuggestedCommitment
from tests.conftest import sign_in
from tests.factories import UserFactory

CORE_LISTINGS = ["/admin/pages/search/", "/admin/images/", "/admin/documents/"]


def _listing_urls():
    viewsets.populate()
    urls = set(CORE_LISTINGS)
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        name = "list" if isinstance(viewset, SnippetViewSet) else "index"
        try:
            urls.add(reverse(viewset.get_url_name(name)))
        except NoReverseMatch:
            continue
    return sorted(urls)


def _snippet_urls():
    viewsets.populate()
    return sorted(
        reverse(viewset.get_url_name("list"))
        for viewset in viewsets.viewsets
        if isinstance(viewset, SnippetViewSet)
    )


def test_every_snippet_has_a_listing_in_the_search_test():
    from wagtail.snippets.models import get_snippet_models

    assert len(_snippet_urls()) == len(get_snippet_models()) >= 5


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.mark.parametrize("url", _listing_urls())
@pytest.mark.parametrize("query", ["BAME", "race equality", "a"])
def test_a_superuser_searches_every_admin_listing(world, client, superuser, url, query):
    LexiconTerm.objects.create(term="BAME", slug="bame", definition="An acronym.", live=True)
    response = sign_in(client, superuser).get(url, {"q": query})
    assert response.status_code == 200, url


@pytest.mark.parametrize("url", _snippet_urls())
def test_an_editor_searches_every_snippet_listing(world, client, url):
    response = sign_in(client, world.editor).get(url, {"q": "BAME"})
    assert response.status_code == 200, url


def test_searching_lexicon_terms_finds_the_term_and_words_of_its_definition(world, client):
    LexiconTerm.objects.create(
        term="BAME", slug="bame", definition="Black, Asian and minority ethnic.", live=True
    )
    LexiconTerm.objects.create(term="Allyship", slug="allyship", definition="Support.", live=True)
    signed = sign_in(client, world.editor)
    url = "/admin/snippets/modules/lexiconterm/"
    found = signed.get(url, {"q": "BAME"}).content.decode()
    assert "BAME" in found and "Allyship" not in found
    by_definition = signed.get(url, {"q": "minority"}).content.decode()
    assert "BAME" in by_definition and "Allyship" not in by_definition


def test_searching_suggested_commitments_finds_them_by_title(world, client):
    SuggestedCommitment.objects.create(area=1, title="Sponsor a reverse mentor", success_measure="")
    SuggestedCommitment.objects.create(area=2, title="Read the WRES report", success_measure="y")
    found = sign_in(client, world.editor).get(
        "/admin/snippets/plans/suggestedcommitment/", {"q": "mentor"}
    )
    assert response_has(found, "Sponsor a reverse mentor")
    assert not response_has(found, "Read the WRES report")


def response_has(response, text):
    assert response.status_code == 200
    return text in response.content.decode()


def _menu_labels(user):
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    labels = set()
    for item in admin_menu.menu_items_for_request(request):
        labels.add(str(item.label))
        submenu = getattr(item, "menu", None)
        for child in submenu.menu_items_for_request(request) if submenu else []:
            labels.add(str(child.label))
    return labels


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_every_area_the_readme_names_is_in_an_editors_admin_menu(world, group):
    from django.contrib.auth.models import Group

    person = UserFactory()
    person.groups.add(Group.objects.get(name=group))
    labels = _menu_labels(person)
    for label in [
        "Pages",
        "Content",
        "Lexicon",
        "Assurance questions",
        "Knowledge checks",
        "Self-assessments",
        "Suggested commitments",
    ]:
        assert label in labels, (label, sorted(labels))
