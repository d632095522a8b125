"""Question analysis for a board: shown only from BOARDREADY_MIN_GROUP finished members."""

import pytest
from django.urls import reverse

from learning.models import Role
from learning.privacy import withheld
from modules.quizzes.analysis import question_analysis
from modules.quizzes.choices import QuestionType
from tests.factories import MembershipFactory
from tests.quizzes.factories import add_question, quiz_with_questions
from tests.quizzes.helpers import take


def members(board, count):
    return [
        MembershipFactory(board=board, role=Role.NON_EXECUTIVE_DIRECTOR).user for _ in range(count)
    ]


@pytest.fixture
def quiz(world):
    return quiz_with_questions(types=[QuestionType.SINGLE, QuestionType.MULTIPLE])


def test_it_hides_the_analysis_below_the_minimum_group(world, quiz):
    for user in members(world.board_a, 4):
        take(user, quiz)
    analysis = question_analysis(board=world.board_a, quiz=quiz)
    assert analysis.finished_members == 4
    assert not analysis.enough and analysis.rows == []


def test_it_shows_percent_right_and_the_most_chosen_wrong_answer(world, quiz):
    people = members(world.board_a, 5)
    for user in people[:3]:
        take(user, quiz)
    for user in people[3:]:
        take(user, quiz, right=False)
    analysis = question_analysis(board=world.board_a, quiz=quiz)
    assert analysis.enough
    first, second = analysis.rows
    assert (first.percent_right, first.common_wrong_answer, first.common_wrong_count) == (
        60,
        "Wrong answer",
        2,
    )
    assert second.common_wrong_answer == "Wrong"


def test_it_counts_each_members_latest_attempt_once(world, quiz):
    people = members(world.board_a, 5)
    for user in people:
        take(user, quiz, right=False)
        take(user, quiz)
    analysis = question_analysis(board=world.board_a, quiz=quiz)
    assert analysis.finished_members == 5
    assert analysis.rows[0].percent_right == 100


def test_it_leaves_out_people_from_other_boards_and_facilitators(world, quiz):
    for user in members(world.board_a, 4) + members(world.board_b, 3) + [world.facilitator]:
        take(user, quiz)
    assert question_analysis(board=world.board_a, quiz=quiz).finished_members == 4


def analysis_url(world, quiz):
    return reverse("quizzes:analysis", args=[world.board_a.pk, quiz.pk])


def test_the_page_says_when_there_are_not_enough_attempts(signed_in, world, quiz):
    for user in members(world.board_a, 4):
        take(user, quiz)
    content = signed_in(world.facilitator).get(analysis_url(world, quiz)).content.decode()
    assert "Not enough attempts to show without identifying people" in content


def test_the_page_shows_the_table_from_five_attempts(signed_in, world, quiz):
    for user in members(world.board_a, 5):
        take(user, quiz)
    content = signed_in(world.facilitator).get(analysis_url(world, quiz)).content.decode()
    assert "How the board answered each question" in content


@pytest.mark.parametrize("persona", ["member", "chair", "other_chair"])
def test_only_the_boards_facilitator_sees_the_analysis(signed_in, world, quiz, persona):
    response = signed_in(world.persona(persona)).get(analysis_url(world, quiz))
    assert response.status_code == 404


def test_it_runs_the_same_number_of_queries_for_5_and_50_attempts(
    world, quiz, django_assert_num_queries
):
    people = members(world.board_a, 50)
    for user in people[:5]:
        take(user, quiz)
    with django_assert_num_queries(4) as five:
        question_analysis(board=world.board_a, quiz=quiz)
    for user in people[5:]:
        take(user, quiz)
    with django_assert_num_queries(len(five.captured_queries)):
        analysis = question_analysis(board=world.board_a, quiz=quiz)
    assert analysis.finished_members == 50


def test_a_question_fewer_members_answered_is_withheld_on_its_own(world):
    # as with a question pool: the second question reaches only three members' latest attempts
    quiz = quiz_with_questions(types=[QuestionType.SINGLE])
    people = members(world.board_a, 5)
    for user in people:
        take(user, quiz, right=False)
    add_question(quiz, QuestionType.SINGLE, text="A question added later")
    for user in people[:3]:
        take(user, quiz, right=False)
    analysis = question_analysis(board=world.board_a, quiz=quiz)
    first, later = analysis.rows
    assert first.shown and first.percent_right == 0 and first.common_wrong_answer
    assert not later.shown
    assert later.percent_right is None
    assert (later.right, later.common_wrong_answer) == (0, "")


def test_the_page_withholds_a_question_too_few_answered(signed_in, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE])
    people = members(world.board_a, 5)
    for user in people:
        take(user, quiz)
    add_question(quiz, QuestionType.SINGLE, text="A question added later")
    for user in people[:3]:
        take(user, quiz)
    content = signed_in(world.facilitator).get(analysis_url(world, quiz)).content.decode()
    assert "How the board answered each question" in content
    assert "100%" in content  # the first question, answered by all five
    assert withheld(5) in content  # the later one, answered by three
