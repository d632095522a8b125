"""Taking a knowledge check through the web pages, one question at a time."""

import pytest
from django.urls import reverse

from modules.quizzes.choices import Feedback, QuestionType
from modules.quizzes.models import Attempt, AttemptOption
from modules.quizzes.services import attempt_answer, attempt_finish, attempt_start
from tests.quizzes.factories import quiz_with_questions


def question_url(attempt, position):
    return reverse("quizzes:question", args=[attempt.pk, position])


@pytest.fixture
def member(signed_in, world):
    return signed_in(world.member)


@pytest.fixture
def quiz(world):
    return quiz_with_questions(types=[QuestionType.SINGLE] * 3 + [QuestionType.FREE_TEXT])


def test_starting_goes_to_the_first_question(member, world, quiz):
    response = member.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = Attempt.objects.get(user=world.member)
    assert response.url == question_url(attempt, 1)


def test_the_question_page_says_where_you_are(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    response = member.get(question_url(attempt, 2))
    content = response.content.decode()
    assert "Question 2 of 4" in content
    assert '<progress id="quiz-progress"' in content


def test_an_unfinished_attempt_resumes_at_the_first_unanswered_question(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    row = attempt.answers.get(position=1)
    attempt_answer(attempt_answer=row, option_ids=[row.options.first().pk])
    member.logout()
    member.force_login(world.member)
    response = member.post(reverse("quizzes:start", args=[quiz.pk]))
    assert response.url == question_url(attempt, 2)


def test_answering_saves_and_moves_on(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    option = attempt.answers.get(position=1).options.get(correct=True)
    response = member.post(question_url(attempt, 1), {"answer": option.pk, "action": "next"})
    assert response.url == question_url(attempt, 2)
    assert AttemptOption.objects.get(pk=option.pk).chosen


def test_going_back_keeps_the_answer_given(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    option = attempt.answers.get(position=2).options.first()
    response = member.post(question_url(attempt, 2), {"answer": option.pk, "action": "previous"})
    assert response.url == question_url(attempt, 1)
    assert AttemptOption.objects.get(pk=option.pk).chosen


def test_moving_on_without_an_answer_or_a_flag_asks_for_one(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    response = member.post(question_url(attempt, 1), {"action": "next"})
    assert response.status_code == 200
    assert "Select an answer, or flag the question" in response.content.decode()


def test_a_flagged_question_shows_on_the_check_page(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    response = member.post(question_url(attempt, 1), {"flagged": "on", "action": "next"})
    assert response.url == question_url(attempt, 2)
    content = member.get(reverse("quizzes:check", args=[attempt.pk])).content.decode()
    assert "Flagged to come back to" in content
    assert "You have not answered 4 questions" in content


def test_an_answer_id_from_another_question_is_a_400(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    other = attempt.answers.get(position=2).options.first()
    response = member.post(question_url(attempt, 1), {"answer": other.pk, "action": "next"})
    assert response.status_code == 400
    assert "That answer does not belong to this question" in response.content.decode()
    assert not AttemptOption.objects.filter(chosen=True).exists()


def test_posting_the_same_answer_twice_stores_one_answer(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    option = attempt.answers.get(position=1).options.get(correct=True)
    for _ in range(2):
        member.post(question_url(attempt, 1), {"answer": option.pk, "action": "next"})
    assert AttemptOption.objects.filter(chosen=True).count() == 1


def test_answering_after_finishing_changes_nothing_and_says_so(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    attempt_finish(attempt=attempt)
    option = attempt.answers.get(position=1).options.first()
    response = member.post(question_url(attempt, 1), {"answer": option.pk}, follow=True)
    assert "your answers did not change" in response.content.decode()
    assert not AttemptOption.objects.filter(chosen=True).exists()


def test_another_members_attempt_is_a_404(signed_in, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    client = signed_in(world.other_member)
    assert client.get(question_url(attempt, 1)).status_code == 404
    assert client.get(reverse("quizzes:review", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("quizzes:finish", args=[attempt.pk])).status_code == 404
    assert not Attempt.objects.get().is_finished


def test_finishing_shows_the_review_with_score_and_explanations(member, world):
    quiz = quiz_with_questions(fail_text="Read the module again.")
    attempt = attempt_start(user=world.member, quiz=quiz)
    response = member.post(reverse("quizzes:finish", args=[attempt.pk]), follow=True)
    content = response.content.decode()
    assert "You scored 0%" in content
    assert "Read the module again." in content
    assert "The module&#x27;s second section covers this." in content
    assert "Try again" in content


def test_score_only_feedback_hides_the_correct_answers(member, world):
    quiz = quiz_with_questions(feedback=Feedback.SCORE_ONLY)
    attempt = attempt_start(user=world.member, quiz=quiz)
    response = member.post(reverse("quizzes:finish", args=[attempt.pk]), follow=True)
    content = response.content.decode()
    assert "You scored 0%" in content
    assert "Correct answer" not in content and "second section" not in content


def test_feedback_after_each_question_shows_the_result_then_locks(member, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE] * 2, feedback=Feedback.EACH)
    attempt = attempt_start(user=world.member, quiz=quiz)
    wrong = attempt.answers.get(position=1).options.get(correct=False)
    response = member.post(question_url(attempt, 1), {"answer": wrong.pk, "action": "next"})
    assert response.url == question_url(attempt, 1)
    content = member.get(question_url(attempt, 1)).content.decode()
    assert "Not right" in content and "second section" in content
    assert "Next question" in content


def test_try_again_is_refused_when_no_attempts_remain(member, world):
    quiz = quiz_with_questions(attempts_allowed=1)
    attempt_finish(attempt=attempt_start(user=world.member, quiz=quiz))
    response = member.post(reverse("quizzes:start", args=[quiz.pk]), follow=True)
    assert "You have used all 1 attempts" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_a_draft_quiz_is_a_404(member, world):
    quiz = quiz_with_questions(live=False)
    assert member.get(reverse("quizzes:quiz", args=[quiz.pk])).status_code == 404


def test_my_knowledge_checks_lists_every_attempt(member, world, quiz):
    attempt_finish(attempt=attempt_start(user=world.member, quiz=quiz))
    attempt_start(user=world.member, quiz=quiz)
    content = member.get(reverse("quizzes:mine")).content.decode()
    assert content.count(quiz.title) == 2
    assert "In progress" in content and "Not passed" in content


def test_showing_a_question_runs_at_most_ten_queries(
    member, world, quiz, django_assert_max_num_queries
):
    attempt = attempt_start(user=world.member, quiz=quiz)
    member.get(question_url(attempt, 2))  # warms the content type and site caches
    with django_assert_max_num_queries(10):
        response = member.get(question_url(attempt, 1))
    assert response.status_code == 200


def test_answering_a_question_runs_at_most_ten_queries(
    member, world, quiz, django_assert_max_num_queries
):
    attempt = attempt_start(user=world.member, quiz=quiz)
    option = attempt.answers.get(position=1).options.get(correct=True)
    member.get(question_url(attempt, 1))  # warms the content type and site caches
    with django_assert_max_num_queries(10):
        response = member.post(question_url(attempt, 1), {"answer": option.pk, "action": "next"})
    assert response.status_code == 302


def test_showing_a_free_text_question_with_feedback_shown_runs_at_most_ten_queries(
    member, world, django_assert_max_num_queries
):
    quiz = quiz_with_questions(types=[QuestionType.FREE_TEXT], feedback=Feedback.EACH)
    attempt = attempt_start(user=world.member, quiz=quiz)
    attempt_answer(attempt_answer=attempt.answers.get(), option_ids=[], free_text="Mine.")
    member.get(reverse("quizzes:mine"))  # warms the content type and site caches
    with django_assert_max_num_queries(10):
        response = member.get(question_url(attempt, 1))
    assert "Awaiting marking" in response.content.decode()
