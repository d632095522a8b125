"""The glossary: every published term A to Z, each with an anchor."""

import pytest

from modules.models import LexiconTerm
from tests.modules.factories import add_terms, warm_queries

pytestmark = pytest.mark.django_db


def test_it_lists_terms_a_to_z_with_an_anchor_each(client, content):
    html = client.get("/glossary/").content.decode()
    assert 'id="bame"' in html and 'id="microaggression"' in html
    assert (
        html.index('id="bame"')
        < html.index('id="ethnic-minority"')
        < html.index('id="zero-tolerance"')
    )
    assert 'href="#letter-b"' in html and 'id="letter-b"' in html
    assert '<span class="br-a-to-z__empty">Q</span>' in html


def test_a_contested_term_is_marked_with_its_usage_note_and_alternatives(client, content):
    html = client.get("/glossary/").content.decode()
    entry = html[html.index('id="bame"') : html.index('id="ethnic-minority"')]
    assert "Contested" in entry
    assert "groups very different people" in entry
    assert "Alternatives: Ethnic minority, Global majority" in entry
    assert 'href="#ethnic-minority">Ethnic minority</a>' in entry


def test_term_sources_are_listed(client, content):
    html = client.get("/glossary/").content.decode()
    assert '<a href="https://example.org/source">Test source</a>, Test publisher (2020)' in html


def test_an_unpublished_term_is_left_out(client, content):
    LexiconTerm.objects.get(slug="bame").unpublish()
    html = client.get("/glossary/").content.decode()
    assert 'id="bame"' not in html
    assert 'href="#bame"' not in html


def test_the_glossary_runs_the_same_queries_with_35_or_300_terms(client, content):
    def count():
        return len(warm_queries(client, "/glossary/"))

    add_terms(31)
    with_35 = count()
    add_terms(265, start=31)
    assert with_35 == count()


def test_terms_are_indexed_for_search_and_have_revisions(content):
    term = LexiconTerm.objects.get(slug="bame")
    assert term.revisions.count() == 1
    assert term.live_revision is not None
