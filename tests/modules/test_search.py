"""Search over published modules, lexicon terms and case studies."""

import pytest
from django.urls import reverse

from modules.models import LexiconTerm
from modules.selectors import word_forms
from tests.modules.factories import unpublished_module

pytestmark = pytest.mark.django_db
SEARCH = reverse("modules:search")


def _results(client, query):
    return client.get(SEARCH, {"q": query}).context["results"]


def test_it_finds_modules_terms_and_case_studies(client, content):
    assert [page.slug for page in _results(client, "alpha").modules] == ["alpha"]
    assert [term.slug for term in _results(client, "very different").terms] == ["bame"]
    assert [page.slug for page in _results(client, "open conversations").case_studies] == [
        "open-door"
    ]


def test_a_term_result_links_to_its_glossary_entry(client, content):
    html = client.get(SEARCH, {"q": "BAME"}).content.decode()
    assert 'href="/glossary/#bame"' in html


def test_unpublished_content_is_not_found(client, content):
    unpublished_module()
    LexiconTerm.objects.get(slug="bame").unpublish()
    assert _results(client, "beta").modules == []
    assert _results(client, "very different").terms == []


def test_an_empty_query_answers_normally(client, content):
    response = client.get(SEARCH, {"q": ""})
    assert response.status_code == 200
    assert b"Type a word or phrase" in response.content
    assert client.get(SEARCH).status_code == 200


def test_a_thousand_character_query_answers_normally(client, content):
    response = client.get(SEARCH, {"q": "microaggression " * 62 + "abcdefgh"})
    assert response.status_code == 200
    assert b"we searched for its first 200 characters" in response.content


@pytest.mark.parametrize(
    "query", ['"', "'", "AND OR NOT", "(*)", "%_\\", "<script>", "-", "a:b", "^", "NEAR(x y)"]
)
def test_odd_queries_answer_normally(client, content, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"<main")[1]


@pytest.mark.parametrize("query", ["microaggression", "microaggressions", "Microaggressions"])
def test_singular_and_plural_find_the_term_and_the_module(client, content, query):
    # The fixture says "microaggression" only; the plural must find it as well.
    results = _results(client, query)
    assert [term.slug for term in results.terms] == ["microaggression"]
    assert "alpha" in [page.slug for page in results.modules]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("microaggressions", ["microaggressions", "microaggression"]),
        ("microaggression", ["microaggression", "microaggressions"]),
        ("policies", ["policies", "policy"]),
        ("policy", ["policy", "policies"]),
        ("witness", ["witness", "witnesses"]),
        ("churches", ["churches", "churche", "church"]),
        ("biases", ["biases", "biase", "bias"]),
        ("of", ["of"]),
    ],
)
def test_a_word_is_widened_to_its_singular_and_plural(word, forms):
    assert word_forms(word) == forms
