"""A member reads a module, follows a term to the glossary, marks it read and sees progress.

The content pages pass axe: the module index, a module, the glossary, case studies and search.
"""

import re

import pytest
from playwright.sync_api import expect

from modules.content_loader import load_content
from modules.models import CaseStudyPage, ModulePage
from tests.browser.helpers import BROWSER_DB, assert_accessible, sign_in

pytestmark = BROWSER_DB


@pytest.fixture
def content(world):
    load_content()
    return ModulePage.objects.live().order_by("path").first()


def test_member_reads_a_module_follows_a_term_and_marks_it_read(page, live_server, world, content):
    sign_in(page, live_server, world.member)
    page.get_by_role("link", name="Modules", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pre-reading modules")
    assert_accessible(page)

    page.get_by_role("link", name=content.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(content.title)
    assert_accessible(page)

    term_link = page.locator("a.br-term-link").first
    term_text = term_link.inner_text()
    term_link.click()
    expect(page).to_have_url(re.compile(r"/glossary/#[a-z0-9-]+$"))
    target = page.locator(":target h3")
    expect(target).to_contain_text(term_text, ignore_case=True)
    assert_accessible(page)

    page.go_back()
    page.get_by_role("button", name="I have read this module").click()
    expect(page.get_by_text("You marked this module as read on")).to_be_visible()

    page.goto(f"{live_server.url}/my/")
    expect(page.get_by_role("heading", name="Your reading")).to_be_visible()
    total = ModulePage.objects.live().count()
    expect(page.get_by_text(f"You have completed 1 of {total} modules.")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    ["/case-studies/", "/case-studies/?area=9&organisation_type=nonsense", "/assurance-questions/"],
)
def test_content_listings_are_accessible(page, live_server, world, content, path):
    page.goto(f"{live_server.url}{path}")
    assert_accessible(page)


def test_a_case_study_is_accessible(page, live_server, world, content):
    page.goto(f"{live_server.url}{CaseStudyPage.objects.live().first().url}")
    assert_accessible(page)


def test_search_results_are_accessible(page, live_server, world, content):
    page.goto(f"{live_server.url}/glossary/")
    page.get_by_label("Search modules, terms and case studies").fill("board")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text("result")
    assert_accessible(page)


def test_every_module_page_is_accessible_to_a_signed_out_reader(page, live_server, world, content):
    for module in ModulePage.objects.live():
        page.goto(f"{live_server.url}{module.url}")
        assert_accessible(page)
