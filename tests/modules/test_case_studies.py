"""Case studies: the filterable listing and a case study page."""

import pytest

from modules.models import CaseStudyIndexPage, CaseStudyPage
from tests.modules.factories import warm_queries

pytestmark = pytest.mark.django_db


def _titles(response):
    return [case.title for case in response.context["case_studies"]]


def test_it_lists_every_published_case_study(client, content):
    response = client.get("/case-studies/")
    assert _titles(response) == ["A data day", "An open-door chair"]


def test_it_filters_by_area(client, content):
    assert _titles(client.get("/case-studies/?area=9")) == ["A data day"]


def test_it_filters_by_organisation_type(client, content):
    response = client.get("/case-studies/?organisation_type=acute")
    assert _titles(response) == ["An open-door chair"]


def test_it_filters_by_both(client, content):
    assert _titles(client.get("/case-studies/?area=9&organisation_type=acute")) == []


@pytest.mark.parametrize(
    "query",
    [
        "area=99",
        "area=banana",
        "organisation_type=spaceship",
        "area=&organisation_type=",
        "area=1e9",
    ],
)
def test_unknown_filter_values_are_ignored_and_shown_as_cleared(client, content, query):
    response = client.get(f"/case-studies/?{query}")
    assert response.status_code == 200
    assert len(_titles(response)) == 2
    html = response.content.decode()
    assert "There is a problem" not in html
    assert '<option value="" selected>All areas</option>' in html
    assert '<option value="" selected>All types</option>' in html


def test_a_valid_filter_stays_selected(client, content):
    html = client.get("/case-studies/?area=9&organisation_type=nope").content.decode()
    assert '<option value="9" selected>' in html
    assert '<option value="" selected>All types</option>' in html


def test_a_case_study_page_shows_each_part_and_its_source(client, content):
    html = client.get("/case-studies/open-door/").content.decode()
    for text in ["What they did", "What changed", "What the data showed", "Test report (2022)"]:
        assert text in html
    assert "Foster safe spaces, Personal values and behaviours" in html


def test_the_listing_runs_the_same_queries_for_2_or_20_case_studies(client, content):
    def count():
        return len(warm_queries(client, "/case-studies/?area=3"))

    few = count()
    index = CaseStudyIndexPage.objects.get()
    for n in range(18):
        index.add_child(
            instance=CaseStudyPage(
                title=f"Extra {n}",
                slug=f"extra-{n}",
                organisation_type="acute",
                areas=[3],
                summary="More.",
                what_they_did="<p>Did.</p>",
                what_changed="<p>Changed.</p>",
                source="Test",
            )
        )
    assert few == count()


def test_case_studies_go_through_the_moderators_approval_workflow(content):
    assert CaseStudyPage.objects.first().get_workflow().name == "Moderators approval"
