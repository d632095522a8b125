"""Taking a knowledge check through the web pages, one question at a time."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from modules.quizzes.choices import Feedback, QuestionType, Reveal
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


def test_moving_on_from_a_written_question_without_words_asks_for_them_beside_the_box(
    member, world, quiz
):
    attempt = attempt_start(user=world.member, quiz=quiz)
    written = attempt.answers.get(type=QuestionType.FREE_TEXT)
    response = member.post(question_url(attempt, written.position), {"action": "next"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Write an answer, or flag the question to come back to it." in html
    assert "Select an answer" not in html
    # Beside the text box as well as in the summary, which links to it.
    assert html.count("Write an answer, or flag the question") == 2
    assert 'href="#id_text"' in html


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
    quiz = quiz_with_questions(reveal=Reveal.NEVER)
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
    every_attempt = content.split("Every attempt you have made")[1]
    assert every_attempt.count(quiz.title) == 2
    assert "In progress" in every_attempt and "Not passed" in every_attempt


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


def test_the_progress_bar_is_empty_before_any_answer(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    content = member.get(question_url(attempt, 3)).content.decode()
    assert 'max="4" value="0"' in content and "0 questions answered" in content


def test_deferred_back_keeps_a_changed_written_answer(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    for text in ["First draft.", "Second draft."]:
        response = member.post(question_url(attempt, 4), {"text": text, "action": "previous"})
        assert response.url == question_url(attempt, 3)
    assert attempt.answers.get(position=4).free_text == "Second draft."
    assert "Second draft." in member.get(question_url(attempt, 4)).content.decode()


def test_check_answers_lists_flagged_and_unanswered_first_and_promises_the_truth(
    member, world, quiz
):
    attempt = attempt_start(user=world.member, quiz=quiz)
    row = attempt.answers.get(position=2)
    attempt_answer(attempt_answer=row, option_ids=[row.options.first().pk], flagged=True)
    content = member.get(reverse("quizzes:check", args=[attempt.pk])).content.decode()
    to_do = content.split("Questions to come back to")[1].split("All questions")[0]
    assert "Question 2</a>: flagged" in to_do and "Question 1</a>: not answered" in to_do
    assert "Once you submit, your answers cannot change" not in content
    assert "You can change any answer until you submit" in content
    assert content.count("Change<span") == 1


def test_immediate_mode_warns_first_and_offers_no_change_for_locked_questions(member, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE] * 2, feedback=Feedback.EACH)
    attempt = attempt_start(user=world.member, quiz=quiz)
    content = member.get(question_url(attempt, 1)).content.decode()
    assert "You will see whether you are right when you save this answer" in content
    row = attempt.answers.get(position=1)
    attempt_answer(attempt_answer=row, option_ids=[row.options.first().pk])
    content = member.get(reverse("quizzes:check", args=[attempt.pk])).content.decode()
    assert "Change<span" not in content and "Answered and marked" in content
    assert f'href="{question_url(attempt, 1)}' not in content
    assert "Answer<span" in content


def test_a_question_not_in_the_attempt_says_so_and_changes_nothing(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    response = member.post(question_url(attempt, 9), {"text": "Sneaky."}, follow=True)
    assert "That question is not part of this attempt" in response.content.decode()
    assert not attempt.answers.filter(answered_at__isnull=False).exists()


def test_a_flag_on_someone_elses_attempt_is_a_404(signed_in, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    client = signed_in(world.other_member)
    response = client.post(question_url(attempt, 1), {"flagged": "on", "action": "next"})
    assert response.status_code == 404
    assert not attempt.answers.filter(flagged=True).exists()


def test_the_result_shows_the_marked_part_while_a_written_answer_waits(member, world, quiz):
    from tests.quizzes.helpers import take

    attempt = take(world.member, quiz)
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "3 of 3 marked questions right; your written answer is waiting" in content
    assert "You scored" not in content
    written = attempt.answers.get(type=QuestionType.FREE_TEXT)
    from modules.quizzes.services import attempt_mark

    attempt_mark(attempt_answer=written, marker=world.facilitator, correct=False)
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "You scored 75%" in content and "marked questions right" not in content


def test_answers_after_the_last_attempt_only_when_the_check_says_so(member, world):
    quiz = quiz_with_questions(attempts_allowed=2, reveal=Reveal.AFTER_LAST)
    first = attempt_finish(attempt=attempt_start(user=world.member, quiz=quiz))
    content = member.get(reverse("quizzes:review", args=[first.pk])).content.decode()
    assert "Correct answer" not in content and "once you pass, or after your last" in content
    second = attempt_finish(attempt=attempt_start(user=world.member, quiz=quiz))
    content = member.get(reverse("quizzes:review", args=[second.pk])).content.decode()
    assert "Correct answer" in content


def test_my_knowledge_checks_shows_the_best_score_and_attempts_left(member, world):
    from tests.quizzes.helpers import take

    quiz = quiz_with_questions(attempts_allowed=3)
    take(world.member, quiz, right=True)
    take(world.member, quiz, right=False)
    content = member.get(reverse("quizzes:mine")).content.decode()
    summary = content.split("Every attempt")[0]
    assert "100%" in summary and "1 of 3" in summary


def test_a_see_section_pointer_links_to_the_modules_section(member, world):
    from modules.quizzes.models import Question
    from tests.quizzes.factories import module_page

    page = module_page()
    quiz = quiz_with_questions(module=page, types=[QuestionType.SINGLE])
    Question.objects.filter(quiz=quiz).update(
        explanation="Because of history. See 'How it shows up in processes'."
    )
    attempt = attempt_finish(attempt=attempt_start(user=world.member, quiz=quiz))
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert f'See \'<a href="{page.url}#section-how-it-shows-up-in-processes">' in content


@pytest.fixture
def timed(world):
    return quiz_with_questions(types=[QuestionType.SINGLE] * 2, time_limit=10)


def test_a_timed_attempt_says_how_long_is_left_and_gives_more_time_once(member, world, timed):
    attempt = attempt_start(user=world.member, quiz=timed)
    content = member.get(question_url(attempt, 1)).content.decode()
    assert "You have 9\xa0minutes left" in content or "You have 10\xa0minutes left" in content
    assert "I need more time: add 5 minutes" in content
    deadline = attempt.deadline
    option = attempt.answers.get(position=1).options.get(correct=True)
    response = member.post(question_url(attempt, 1), {"answer": option.pk, "action": "extend"})
    assert response.url == question_url(attempt, 1)
    attempt.refresh_from_db()
    assert attempt.deadline - deadline == timedelta(minutes=5) and attempt.extended
    assert AttemptOption.objects.get(pk=option.pk).chosen, "asking for time saved the answer"
    response = member.post(reverse("quizzes:extend", args=[attempt.pk]), follow=True)
    assert "already had your extra time" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.deadline - deadline == timedelta(minutes=5)
    assert "I need more time" not in member.get(question_url(attempt, 1)).content.decode()


def test_a_post_after_the_time_limit_changes_nothing_and_submits_at_the_deadline(
    member, world, timed
):
    attempt = attempt_start(user=world.member, quiz=timed)
    first = attempt.answers.get(position=1)
    attempt_answer(attempt_answer=first, option_ids=[first.options.get(correct=True).pk])
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    second = attempt.answers.get(position=2)
    late = second.options.get(correct=True)
    response = member.post(question_url(attempt, 2), {"answer": late.pk}, follow=True)
    assert "Your time ran out" in response.content.decode()
    assert not AttemptOption.objects.get(pk=late.pk).chosen
    attempt.refresh_from_db()
    assert attempt.finished_at == attempt.deadline and attempt.score == 50


def test_send_reminders_submits_lapsed_attempts_at_their_deadline(world, timed):
    from django.core.management import call_command

    attempt = attempt_start(user=world.member, quiz=timed)
    still_open = attempt_start(user=world.other_member, quiz=timed)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    call_command("send_reminders", stdout=io.StringIO())
    attempt.refresh_from_db()
    still_open.refresh_from_db()
    assert attempt.finished_at == attempt.deadline and attempt.score == 0
    assert not still_open.is_finished


def test_no_time_limit_by_default(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    assert quiz.time_limit is None and attempt.deadline is None
    assert "minutes left" not in member.get(question_url(attempt, 1)).content.decode()


def test_check_your_answers_shows_the_answers_it_asks_the_member_to_check(member, world, quiz):
    attempt = attempt_start(user=world.member, quiz=quiz)
    first = attempt.answers.get(position=1)
    attempt_answer(attempt_answer=first, option_ids=[first.options.get(correct=False).pk])
    written = attempt.answers.get(type=QuestionType.FREE_TEXT)
    attempt_answer(attempt_answer=written, option_ids=[], free_text="Ask the staff network.")
    content = member.get(reverse("quizzes:check", args=[attempt.pk])).content.decode()
    assert "Your answer:</span> Wrong answer" in content
    assert "Your answer:</span> Ask the staff network." in content
    assert content.count("Your answer:") == 2, "unanswered questions show no answer"


def test_an_immediate_answer_saved_on_the_way_back_shows_its_result_first(member, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE] * 2, feedback=Feedback.EACH)
    attempt = attempt_start(user=world.member, quiz=quiz)
    right = attempt.answers.get(position=2).options.get(correct=True)
    response = member.post(question_url(attempt, 2), {"answer": right.pk, "action": "previous"})
    assert response.url == question_url(attempt, 2)
    content = member.get(response.url).content.decode()
    assert "Right</strong>" in content and "Previous question" in content


def test_the_facilitators_comment_shows_while_the_correct_answers_stay_hidden(member, world):
    from modules.quizzes.services import attempt_mark
    from tests.quizzes.helpers import take

    quiz = quiz_with_questions(
        types=[QuestionType.SINGLE, QuestionType.FREE_TEXT],
        attempts_allowed=3,
        reveal=Reveal.AFTER_LAST,
    )
    attempt = take(world.member, quiz, right=False)
    written = attempt.answers.get(type=QuestionType.FREE_TEXT)
    attempt_mark(
        attempt_answer=written, marker=world.facilitator, correct=False, comment="Name a date."
    )
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "Correct answer" not in content, "the answers stay hidden until the last attempt"
    assert "Name a date." in content, "the marking page promises the member sees the comment"


def test_while_a_written_answer_waits_try_again_is_not_the_first_thing_offered(member, world):
    from tests.quizzes.helpers import take

    quiz = quiz_with_questions(types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    attempt = take(world.member, quiz)
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "1 of 1 marked questions right" in content
    assert 'nhsuk-button nhsuk-button--secondary" type="submit">Try again' in content


def test_a_lapsed_attempt_is_submitted_when_my_knowledge_checks_lists_it(member, world, timed):
    attempt = attempt_start(user=world.member, quiz=timed)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    content = member.get(reverse("quizzes:mine")).content.decode()
    assert "In progress" not in content and "Not passed" in content
    attempt.refresh_from_db()
    assert attempt.finished_at == attempt.deadline and attempt.score == 0


def test_a_lapsed_attempt_is_submitted_when_the_home_page_lists_it(member, world, timed):
    attempt = attempt_start(user=world.member, quiz=timed)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    content = member.get(reverse("member_home")).content.decode()
    assert reverse("quizzes:review", args=[attempt.pk]) in content
    attempt.refresh_from_db()
    assert attempt.finished_at == attempt.deadline
    # The result says why, though the home page submitted it without a word.
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    deadline = timezone.localtime(attempt.deadline).strftime("%H:%M")
    assert f"Your time ran out at {deadline}, so this attempt was submitted then" in content


def test_a_result_submitted_by_the_member_in_time_says_nothing_of_time(member, world, timed):
    from tests.quizzes.helpers import take

    attempt = take(world.member, timed)
    content = member.get(reverse("quizzes:review", args=[attempt.pk])).content.decode()
    assert "Your time ran out" not in content


def test_an_immediate_flag_is_for_leaving_a_question_unanswered(member, world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE] * 2, feedback=Feedback.EACH)
    attempt = attempt_start(user=world.member, quiz=quiz)
    content = member.get(question_url(attempt, 1)).content.decode()
    assert "Leave the answer empty if you want to come back to it" in content
    wrong = attempt.answers.get(position=1).options.get(correct=False)
    member.post(question_url(attempt, 1), {"answer": wrong.pk, "flagged": "on"})
    assert not attempt.answers.get(position=1).flagged, "a locked answer keeps no flag"
    member.post(question_url(attempt, 2), {"flagged": "on", "action": "next"})
    assert attempt.answers.get(position=2).flagged


def test_select_all_that_apply_is_said_once(member, world):
    from tests.quizzes.factories import QuizFactory, add_question

    quiz = QuizFactory()
    add_question(quiz, QuestionType.MULTIPLE, text="Which are signs? Select all that apply.")
    add_question(quiz, QuestionType.MULTIPLE, text="Which are causes?")
    attempt = attempt_start(user=world.member, quiz=quiz)
    for position in (1, 2):
        content = member.get(question_url(attempt, position)).content.decode()
        assert content.count("Select all that apply.") == 1
