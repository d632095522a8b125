"""A module page: its blocks, lexicon links, sources, key terms, panels and query count."""

import re
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail import hooks

from learning.extension_points import MODULE_PAGE_PANELS, MODULE_PANEL_ORDER, ORDERS, ModulePanel
from modules.content_loader import _block_id
from modules.lexicon import lexicon_matcher
from modules.models import LexiconTerm, ModuleProgress
from tests.modules.factories import add_terms, module, warm_queries

pytestmark = pytest.mark.django_db
TEST_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_it_renders_the_module_with_every_kind_of_block(client, content):
    html = _main(client.get(module().url))
    assert "<h1>Alpha module</h1>" in html
    assert '<h2 id="section-first-section">First section</h2>' in html
    assert "nhsuk-inset-text" in html
    assert "nhsuk-card--warning" in html
    assert "nhsuk-details" in html and "Worked example" in html
    assert "nhsuk-list--tick" in html and "nhsuk-list--cross" in html
    assert "The exact words quoted." in html and "Someone, somewhere, 1999" in html
    assert "32%" in html
    assert 'href="/case-studies/open-door/"' in html
    assert "Read the transcript" in html and "Words spoken in the film." in html
    assert "explain a microaggression" in html


def test_the_first_use_of_each_term_links_to_its_glossary_entry_once(client, content):
    html = _main(client.get(module().url))
    body = html[html.index("First section") : html.index('id="key-terms"')]
    assert body.count('href="/glossary/#microaggression"') == 1  # the text only
    assert '<a class="br-term-link" href="/glossary/#microaggression">microaggression</a>' in body
    assert "Another microaggression is still" in body
    assert '<a class="br-term-link" href="/glossary/#bame">BAME</a>' in body
    assert '<a class="br-term-link" href="/glossary/#zero-tolerance">Zero tolerance</a>' in body


def test_it_leaves_words_inside_an_existing_link_alone(client, content):
    html = _main(client.get(module().url))
    assert '<a href="https://example.org/microaggression">microaggression guide</a>' in html


def test_an_unpublished_term_is_not_linked(client, content):
    LexiconTerm.objects.get(slug="bame").unpublish()
    html = _main(client.get(module().url))
    assert "#bame" not in html
    assert "<p>BAME is a contested term.</p>" in html


def test_the_matcher_is_built_once_and_rebuilt_only_when_a_term_changes(content):
    first = lexicon_matcher()
    assert lexicon_matcher() is first
    add_terms(1)
    second = lexicon_matcher()
    assert second is not first
    assert lexicon_matcher() is second
    term = LexiconTerm.objects.get(slug="bame")
    term.definition = "Changed."
    term.save_revision().publish()
    third = lexicon_matcher()
    assert third is not second
    term.unpublish()
    fourth = lexicon_matcher()
    assert fourth is not third and fourth.slug_for("BAME") is None
    LexiconTerm.objects.get(slug="zero-tolerance").delete()
    assert lexicon_matcher().slug_for("zero tolerance") is None


def test_saving_a_draft_of_a_term_does_not_change_the_links(content):
    first = lexicon_matcher()
    term = LexiconTerm.objects.get(slug="bame")
    term.term = "Changed in a draft"
    term.save_revision()
    assert lexicon_matcher() is first


def test_sources_are_listed_from_the_further_reading_blocks(client, content):
    html = _main(client.get(module().url))
    sources = html[html.index('id="sources"') :]
    assert sources.index("Race 2.0: time for real change") < sources.index("A second source")
    assert '<a href="https://example.org/race-2">' in sources and "NHS Providers (2022)" in sources


def test_the_key_terms_are_listed_once_after_the_body(client, content):
    html = _main(client.get(module().url))
    assert "br-key-terms" not in html  # no box inside the body as well
    key_terms = html[html.index('id="key-terms"') :]
    assert key_terms.count('href="/glossary/#microaggression"') == 1
    assert html.count('href="/glossary/#ethnic-minority"') == 2  # the text, and the list


def test_on_this_page_links_to_key_terms_sources_and_mark_as_read(client, content, world):
    from tests.conftest import sign_in

    sign_in(client, world.member)
    html = _main(client.get(module().url))
    nav = html[html.index('aria-labelledby="on-this-page"') : html.index("</nav>")]
    anchors = re.findall(r'href="#([\w-]+)"', nav)
    assert anchors[-1] == "reading-progress"
    assert "key-terms" in anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in html
    # It comes before the body, so "Mark as read" is a few tabs from the top.
    assert html.index("on-this-page") < html.index("First section")


def test_key_terms_in_this_module_lists_each_chosen_term_once(content):
    assert [term.slug for term in module().key_terms] == ["ethnic-minority", "microaggression"]


def test_reading_minutes_come_from_the_words_unless_the_editor_sets_them(content):
    alpha = module()
    assert alpha.reading_minutes_override is None
    assert 50 < alpha.word_count < 100
    assert alpha.reading_minutes == 1
    assert module("beta").reading_minutes == 12


def test_a_published_edit_changes_the_reading_time_and_the_page_at_once(client, content):
    from wagtail.rich_text import RichText

    alpha = module()
    client.get(alpha.url)  # the body is now cached
    words = " ".join(["equity"] * 900)
    alpha.body.append(("text", RichText(f"<p>Added section. {words}</p>")))
    alpha.save_revision().publish()
    alpha.refresh_from_db()
    assert alpha.word_count > 900 and alpha.reading_minutes == 5
    html = _main(client.get(alpha.url))
    assert "Added section." in html
    assert "About 5 minutes" in html


def test_a_new_lexicon_term_links_in_a_module_already_cached(client, content):
    alpha = module()
    assert "#harm" not in _main(client.get(alpha.url))  # the body is now cached
    term = LexiconTerm(term="Harm", slug="harm", definition="Damage done.", live=False)
    term.save()
    term.save_revision().publish()
    assert "#harm" in _main(client.get(alpha.url))


def test_opening_a_module_signed_in_records_that_the_member_started_it(client, world, content):
    from tests.conftest import sign_in

    sign_in(client, world.member)
    client.get(module().url)
    client.get(module().url)
    progress = ModuleProgress.objects.get(user=world.member)
    assert progress.page_id == module().pk and progress.read_at is None


def test_opening_a_module_anonymously_records_nothing(client, content):
    assert client.get(module().url).status_code == 200
    assert not ModuleProgress.objects.exists()


def test_a_reflection_prompt_links_to_the_journal_and_a_commitment_with_its_ids(client, content):
    html = _main(client.get(module().url))
    page = module()
    prompts = [block for block in page.body if block.block_type == "reflection"]
    assert len(prompts) == 2
    query = f"?module={page.pk}&amp;prompt={prompts[0].id}"
    assert re.search(r'href="[^"]+' + re.escape(query) + '">Write about this in your journal', html)
    assert re.search(r'href="[^"]+' + re.escape(query) + '">Make a commitment from this', html)


def test_block_ids_are_the_same_in_every_fresh_database(content):
    ids = [block.id for block in module().body]
    assert ids == [_block_id("alpha", n) for n in range(len(ids))]


def test_panels_from_other_apps_appear_after_the_body_in_order(
    client, content, settings, monkeypatch
):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEST_TEMPLATES]}
    ]
    monkeypatch.setitem(ORDERS, MODULE_PAGE_PANELS, ["early", *MODULE_PANEL_ORDER, "late"])

    def late(request, page):
        return ModulePanel("late", "tests/panel.html", context={"text": "Second panel"})

    def early(request, page):
        return ModulePanel("early", "tests/panel.html", context={"text": f"Panel {page.slug}"})

    with (
        hooks.register_temporarily(MODULE_PAGE_PANELS, late),
        hooks.register_temporarily(MODULE_PAGE_PANELS, early),
        hooks.register_temporarily(MODULE_PAGE_PANELS, lambda r, p: None),
    ):
        html = _main(client.get(module().url))
    assert html.index('id="sources"') < html.index("Panel alpha") < html.index("Second panel")


def test_modules_go_through_the_moderators_approval_workflow(content):
    assert module().get_workflow().name == "Moderators approval"


def test_editors_can_preview_a_module(content):
    page = module()
    response = page.make_preview_request(preview_mode=page.default_preview_mode)
    assert response.status_code == 200
    assert b"Alpha module" in response.content


# Counted as computed, with the page-fragment cache off: a repeat visit served from it
# runs fewer (tests/performance/test_query_counts.py pins both).
@override_settings(BOARDREADY_FRAGMENTS=False)
def test_a_module_page_runs_the_same_few_queries_with_35_or_300_terms(client, world, content):
    from tests.conftest import sign_in

    sign_in(client, world.member)
    url = module().url
    add_terms(31)
    assert LexiconTerm.objects.filter(live=True).count() == 35
    with_35 = warm_queries(client, url)
    add_terms(265, start=31)
    with_300 = warm_queries(client, url)
    assert len(with_35) == len(with_300)
    assert len(with_300) <= 15, "\n".join(sql[:150] for sql in with_300)


def test_a_sign_in_restriction_on_the_module_index_still_applies(client, world, content):
    from wagtail.models import PageViewRestriction

    from modules.models import ModuleIndexPage
    from tests.conftest import sign_in

    PageViewRestriction.objects.create(
        page=ModuleIndexPage.objects.get(), restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(module().url)
    assert response.status_code == 302 and "login" in response.url
    sign_in(client, world.member)
    assert client.get(module().url).status_code == 200


def test_a_module_that_does_not_exist_is_not_found(client, content):
    assert client.get("/modules/no-such-module/").status_code == 404
    assert client.get("/modules/alpha/extra/").status_code == 404


def test_an_unpublished_term_stops_linking_in_a_module_already_cached(client, content):
    alpha = module()
    assert "#bame" in _main(client.get(alpha.url))  # the stamp and the body are now cached
    LexiconTerm.objects.get(slug="bame").unpublish()
    assert "#bame" not in _main(client.get(alpha.url))


def test_an_unpublished_glossary_stops_the_links_in_a_module_already_cached(client, content):
    from modules.models import GlossaryPage

    alpha = module()
    assert 'href="/glossary/#' in _main(client.get(alpha.url))
    GlossaryPage.objects.get().unpublish()
    assert 'href="/glossary/#' not in _main(client.get(alpha.url))


def test_a_published_new_title_shows_at_once_on_a_module_already_cached(client, content):
    alpha = module()
    client.get(alpha.url)  # the heading is now cached
    alpha.title = "Alpha module, revised"
    alpha.save_revision().publish()
    assert "<h1>Alpha module, revised</h1>" in _main(client.get(alpha.url))
