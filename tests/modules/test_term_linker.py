"""The automatic term links: whole phrases, longest first, and never inside headings,
quotations, citations, titles or links."""

import pytest

from modules.lexicon import LexiconLinker, matcher_for_terms

TERMS = [
    ("Race", "race"),
    ("Equality", "equality"),
    ("Privilege", "privilege"),
    ("White privilege", "white-privilege"),
    ("Microaggression", "microaggression"),
]


def _link(html: str, terms=TERMS) -> str:
    linker = LexiconLinker(matcher=matcher_for_terms(terms), glossary_url="/glossary/")
    return str(linker.link_html(html))


def _link_to(slug: str, text: str) -> str:
    return f'<a class="br-term-link" href="/glossary/#{slug}">{text}</a>'


def test_a_longer_term_wins_over_a_term_inside_it():
    html = _link("<p>White privilege is not the same as privilege in general.</p>")
    assert _link_to("white-privilege", "White privilege") in html
    assert _link_to("privilege", "privilege") in html


def test_a_phrase_that_is_a_term_is_linked_whole():
    terms = [*TERMS, ("Race equality", "race-equality")]
    html = _link("<p>Put race equality on the agenda.</p>", terms)
    assert html == f"<p>Put {_link_to('race-equality', 'race equality')} on the agenda.</p>"


def test_two_terms_running_together_are_not_split_into_two_links():
    html = _link("<p>Put race equality on the agenda. Race matters.</p>")
    assert html.startswith("<p>Put race equality on the agenda. ")
    # The first use that stands alone is the one that links.
    assert _link_to("race", "Race") + " matters" in html


@pytest.mark.parametrize(
    "html",
    [
        "<h2>Race</h2>",
        "<h3 id='x'>Why race matters</h3>",
        "<blockquote><p>Race is a social idea.</p></blockquote>",
        "<p>She said <q>race is hard to talk about</q>.</p>",
        "<p>See <cite>Race and health</cite>.</p>",
        "<p>NHS Providers' <em>Race 2.0</em> survey.</p>",
        "<p>NHS Providers' <i>Race</i> report.</p>",
        '<p><a href="https://example.org">race</a></p>',
    ],
)
def test_terms_inside_headings_quotations_titles_and_links_are_left_alone(html):
    assert _link(html) == html


def test_a_term_followed_by_a_number_is_a_title_and_left_alone():
    html = _link("<p>The Race 2.0 survey asked about race.</p>")
    assert html == f"<p>The Race 2.0 survey asked about {_link_to('race', 'race')}.</p>"


def test_words_after_a_skipped_element_are_linked_again():
    html = _link("<p><em>Race 2.0</em> found that race equality lags; race is rarely named.</p>")
    assert html.endswith(f"lags; {_link_to('race', 'race')} is rarely named.</p>")


def test_a_plural_links_to_the_singular_entry():
    html = _link("<p>Microaggressions add up.</p>")
    assert _link_to("microaggression", "Microaggressions") in html


def test_each_term_links_once():
    html = _link("<p>Race, and race again.</p>")
    assert html.count("br-term-link") == 1
