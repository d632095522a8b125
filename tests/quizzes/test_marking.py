"""The facilitator's marking queue: free text seen by the member and the facilitator only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.models import Role
from modules.quizzes.choices import QuestionType
from modules.quizzes.models import AttemptAnswer
from tests.factories import MembershipFactory
from tests.quizzes.factories import quiz_with_questions
from tests.quizzes.helpers import take

WRITTEN = "We would start with our own WRES figures."


@pytest.fixture
def written(world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    attempt = take(world.member, quiz, written=WRITTEN)
    return attempt.answers.get(type=QuestionType.FREE_TEXT)


def mark_url(row):
    return reverse("quizzes:mark", args=[row.pk])


def test_the_facilitator_sees_the_answer_in_the_queue(signed_in, world, written):
    content = signed_in(world.facilitator).get(reverse("quizzes:marking")).content.decode()
    assert str(world.member) in content
    assert mark_url(written) in content


def test_the_facilitator_reads_the_free_text_to_mark_it(signed_in, world, written):
    response = signed_in(world.facilitator).get(mark_url(written))
    assert WRITTEN in response.content.decode()


def test_marking_right_with_a_comment_shows_on_the_members_review(
    signed_in, client, world, written
):
    response = signed_in(world.facilitator).post(
        mark_url(written), {"result": "right", "comment": "Exactly the right start."}
    )
    assert response.url == reverse("quizzes:marking")
    written.refresh_from_db()
    assert written.correct is True and written.marked_by == world.facilitator
    client.logout()
    review = signed_in(world.member).get(reverse("quizzes:review", args=[written.attempt_id]))
    content = review.content.decode()
    assert "Exactly the right start." in content and "You scored 100%" in content
    assert WRITTEN in content


def test_marking_without_a_choice_says_what_to_do(signed_in, world, written):
    response = signed_in(world.facilitator).post(mark_url(written), {"comment": "Hmm"})
    assert "Select right or not right." in response.content.decode()
    assert AttemptAnswer.objects.get(pk=written.pk).correct is None


@pytest.mark.parametrize("persona", ["chair", "other_member", "other_chair", "editor"])
def test_nobody_else_sees_the_free_text(signed_in, world, written, persona):
    client = signed_in(world.persona(persona))
    assert client.get(mark_url(written)).status_code == 404
    assert client.get(reverse("quizzes:review", args=[written.attempt_id])).status_code == 404
    assert client.post(mark_url(written), {"result": "right"}).status_code == 404
    assert AttemptAnswer.objects.get(pk=written.pk).correct is None


def test_the_chair_has_no_marking_queue(signed_in, world, written):
    assert signed_in(world.chair).get(reverse("quizzes:marking")).status_code == 404


def test_another_boards_facilitator_cannot_mark(signed_in, world, written):
    outsider = MembershipFactory(board=world.board_b, role=Role.FACILITATOR).user
    client = signed_in(outsider)
    assert client.get(mark_url(written)).status_code == 404
    queue = client.get(reverse("quizzes:marking"))
    assert queue.status_code == 200  # their own queue, empty of this board's answers
    assert "Marking and question analysis" in queue.content.decode()
    assert WRITTEN not in queue.content.decode()


def test_the_marking_queue_runs_fixed_queries(signed_in, world, django_assert_max_num_queries):
    quiz = quiz_with_questions(types=[QuestionType.FREE_TEXT])
    client = signed_in(world.facilitator)
    take(world.member, quiz)
    client.get(reverse("quizzes:marking"))  # warm caches

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("quizzes:marking"))
    for _ in range(3):
        user = MembershipFactory(board=world.board_a).user
        take(user, quiz)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(reverse("quizzes:marking"))
