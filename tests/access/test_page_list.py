"""The browser page list (tests/browser/page_list.py) covers every URL name in the access
table and every Wagtail page type, so a new URL cannot go unchecked at 320 px."""

from wagtail.models import Page as WagtailPage
from wagtail.models import get_page_models

from tests.browser.page_list import NOT_PAGES, names_and_pages


def test_every_url_name_in_the_access_table_is_a_page_or_says_why_not(world):
    names, pages = names_and_pages(world)
    missing = names - {page.name for page in pages} - set(NOT_PAGES)
    assert not missing, (
        f"No page in the page list for {sorted(missing)}: give one persona a 200 GET row in "
        "the access table, or add the name to NOT_PAGES with the reason"
    )


def test_not_pages_names_only_url_names_of_the_access_table(world):
    names, _ = names_and_pages(world)
    stale = set(NOT_PAGES) - names
    assert not stale, f"NOT_PAGES names URLs the access table no longer has: {sorted(stale)}"


def test_the_page_list_opens_one_page_of_each_wagtail_page_type(world):
    types = {
        f"wagtail:{model.__name__}"
        for model in get_page_models()
        # bench's page type exists only for the benchmark (test and bench settings)
        if model is not WagtailPage and model._meta.app_label != "bench"
    }
    _, pages = names_and_pages(world)
    missing = types - {page.name for page in pages}
    assert not missing, f"No page of these Wagtail page types in the page list: {sorted(missing)}"
