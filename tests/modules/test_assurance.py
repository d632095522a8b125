"""Assurance questions: the page grouped by area, and the selector other apps use."""

import pytest

from modules.models import AssuranceQuestion
from modules.selectors import assurance_questions_for_areas

pytestmark = pytest.mark.django_db


def test_the_page_lists_questions_under_their_area(client, content):
    html = client.get("/assurance-questions/").content.decode()
    safe = html.index('id="area-3"')
    data = html.index('id="area-9"')
    assert safe < html.index("How do we know staff feel safe to speak?") < data
    assert data < html.index("How do we know our waiting lists are fair?")
    assert 'id="area-1"' not in html


def test_the_selector_takes_turns_between_areas_in_the_order_given(content):
    questions = assurance_questions_for_areas([9, 3])
    assert [q.area for q in questions] == [9, 3, 9]


def test_the_selector_stops_at_the_limit(content):
    questions = assurance_questions_for_areas([3, 9], limit=2)
    assert [q.area for q in questions] == [3, 9]


def test_the_selector_returns_nothing_for_areas_without_questions(content):
    assert assurance_questions_for_areas([1, 2]) == []


def test_the_selector_runs_one_query(content, django_assert_num_queries):
    with django_assert_num_queries(1):
        assurance_questions_for_areas([9, 3, 1], limit=5)


def test_a_question_is_unique_within_its_area(content):
    from django.core.exceptions import ValidationError

    duplicate = AssuranceQuestion(area=9, text="How do we know our waiting lists are fair?")
    with pytest.raises(ValidationError):
        duplicate.full_clean()
