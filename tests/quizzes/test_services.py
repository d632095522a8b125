"""Starting, answering, finishing and marking attempts through the services."""

import pytest

from modules.models import ModuleProgress
from modules.progress import progress_record_read
from modules.quizzes.choices import Feedback, QuestionType
from modules.quizzes.models import Attempt, AttemptOption
from modules.quizzes.services import (
    AnswerInvalid,
    AnswerLocked,
    AttemptFinished,
    AttemptRefused,
    attempt_answer,
    attempt_finish,
    attempt_mark,
    attempt_start,
)
from tests.quizzes.factories import QuizFactory, module_page, quiz_with_questions
from tests.quizzes.helpers import answer_every_question


def test_it_copies_the_questions_and_answers_into_the_attempt(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    rows = list(attempt.answers.prefetch_related("options"))
    assert [row.position for row in rows] == [1, 2, 3]
    assert [row.type for row in rows] == ["single", "multiple", "true_false"]
    assert [o.text for o in rows[2].options.all()] == ["True", "False"]
    assert attempt.number == 1 and attempt.pass_mark == 70


def test_starting_twice_resumes_the_unfinished_attempt(world):
    quiz = quiz_with_questions()
    first = attempt_start(user=world.member, quiz=quiz)
    assert attempt_start(user=world.member, quiz=quiz) == first
    assert Attempt.objects.count() == 1


def test_a_start_that_loses_a_race_carries_on_with_the_winner(world, monkeypatch):
    """Two starts at once (PostgreSQL runs them side by side): the other one commits its
    attempt after this one looked for an open attempt and before it saves. This one must carry
    on with that attempt, not fail on the uniqueness check."""
    from modules.quizzes import services

    quiz = quiz_with_questions()
    draw = services.draw_questions
    winner = []

    def draw_then_lose_the_race(*args, **kwargs):
        if not winner:
            winner.append(None)  # the other start draws with the real function
            winner[0] = attempt_start(user=world.member, quiz=quiz)
        return draw(*args, **kwargs)

    monkeypatch.setattr(services, "draw_questions", draw_then_lose_the_race)
    assert attempt_start(user=world.member, quiz=quiz) == winner[0]
    assert Attempt.objects.count() == 1


def test_it_draws_the_number_of_questions_asked_for(world):
    quiz = quiz_with_questions(draw=2, random_order=True)
    attempt = attempt_start(user=world.member, quiz=quiz)
    assert attempt.answers.count() == 2


def test_all_right_scores_100_and_passes(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    answer_every_question(attempt)
    attempt = attempt_finish(attempt=attempt)
    assert (attempt.score, attempt.passed) == (100, True)


def test_multiple_response_is_all_or_nothing(world):
    quiz = quiz_with_questions(types=[QuestionType.MULTIPLE])
    attempt = attempt_start(user=world.member, quiz=quiz)
    row = attempt.answers.get()
    one_right = row.options.filter(correct=True).first()
    attempt_answer(attempt_answer=row, option_ids=[one_right.pk])
    attempt_finish(attempt=attempt)
    row.refresh_from_db()
    assert row.correct is False


def test_unanswered_questions_count_as_not_right(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    first = attempt.answers.get(position=1)
    attempt_answer(
        attempt_answer=first, option_ids=[first.options.get(correct=True).pk], flagged=False
    )
    attempt = attempt_finish(attempt=attempt)
    assert (attempt.score, attempt.passed) == (33, False)


def test_pass_mark_is_met_exactly(world):
    quiz = quiz_with_questions(
        types=[QuestionType.SINGLE] * 10, pass_mark=70, feedback=Feedback.END
    )
    attempt = attempt_start(user=world.member, quiz=quiz)
    for row in attempt.answers.all()[:7]:
        attempt_answer(attempt_answer=row, option_ids=[row.options.get(correct=True).pk])
    attempt = attempt_finish(attempt=attempt)
    assert (attempt.score, attempt.passed) == (70, True)


def test_posting_the_same_answer_twice_stores_one_answer(world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE], feedback=Feedback.EACH)
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    right = row.options.get(correct=True)
    attempt_answer(attempt_answer=row, option_ids=[right.pk])
    answered_at = type(row).objects.get(pk=row.pk).answered_at
    attempt_answer(attempt_answer=row, option_ids=[right.pk])
    row.refresh_from_db()
    assert row.answered_at == answered_at
    assert list(row.options.filter(chosen=True)) == [right]


def test_an_immediate_answer_stays_once_its_result_was_shown(world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE], feedback=Feedback.EACH)
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    right, wrong = row.options.get(correct=True), row.options.get(correct=False)
    attempt_answer(attempt_answer=row, option_ids=[wrong.pk])
    with pytest.raises(AnswerLocked):
        attempt_answer(attempt_answer=row, option_ids=[right.pk])
    assert row.options.get(chosen=True) == wrong


def test_deferred_answers_change_freely_and_are_marked_on_submit(world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE], feedback=Feedback.END)
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    right, wrong = row.options.get(correct=True), row.options.get(correct=False)
    attempt_answer(attempt_answer=row, option_ids=[wrong.pk])
    attempt_answer(attempt_answer=row, option_ids=[right.pk])
    row.refresh_from_db()
    assert row.correct is None, "nothing is marked before the member submits"
    assert row.options.get(chosen=True) == right
    attempt_finish(attempt=row.attempt)
    row.refresh_from_db()
    assert row.correct is True


def test_an_answer_from_another_question_is_refused(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    first, second = attempt.answers.all()[:2]
    with pytest.raises(AnswerInvalid):
        attempt_answer(attempt_answer=first, option_ids=[second.options.first().pk])
    assert not AttemptOption.objects.filter(chosen=True).exists()


def test_answering_after_finishing_changes_nothing(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    attempt_finish(attempt=attempt)
    row = attempt.answers.get(position=1)
    with pytest.raises(AttemptFinished):
        attempt_answer(attempt_answer=row, option_ids=[row.options.first().pk])
    assert not AttemptOption.objects.filter(chosen=True).exists()


def test_finishing_twice_keeps_the_first_result(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    first = attempt_finish(attempt=attempt)
    answer = attempt.answers.get(position=1)
    type(answer).objects.filter(pk=answer.pk).update(correct=True)
    second = attempt_finish(attempt=attempt)
    assert (second.finished_at, second.score) == (first.finished_at, first.score)


def test_attempts_beyond_the_allowed_number_are_refused(world):
    quiz = quiz_with_questions(attempts_allowed=1)
    attempt_finish(attempt=attempt_start(user=world.member, quiz=quiz))
    with pytest.raises(AttemptRefused, match="used all 1 attempts"):
        attempt_start(user=world.member, quiz=quiz)
    assert Attempt.objects.count() == 1


def test_a_draft_quiz_cannot_be_started(world):
    quiz = quiz_with_questions(live=False)
    with pytest.raises(AttemptRefused):
        attempt_start(user=world.member, quiz=quiz)


def test_editing_or_deleting_questions_never_changes_past_attempts(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    answer_every_question(attempt)
    attempt = attempt_finish(attempt=attempt)
    first = quiz.questions.get(sort_order=0)
    first.text = "Rewritten question"
    first.save()
    first.answers.filter(correct=True).update(correct=False, text="Now wrong")
    quiz.questions.get(sort_order=1).delete()

    attempt.refresh_from_db()
    rows = list(attempt.answers.prefetch_related("options"))
    assert len(rows) == 3
    assert rows[0].text == "Question 1: what does the module say?"
    assert [(o.text, o.correct) for o in rows[0].options.all()] == [
        ("Right answer", True),
        ("Wrong answer", False),
    ]
    assert rows[1].question is None and rows[1].correct is True
    assert (attempt.score, attempt.passed) == (100, True)


def test_a_free_text_answer_waits_for_marking_and_the_module_says_so(world):
    page = module_page()
    quiz = quiz_with_questions(module=page, types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    progress_record_read(user=world.member, page=page)
    attempt = attempt_start(user=world.member, quiz=quiz)
    answer_every_question(attempt)
    attempt = attempt_finish(attempt=attempt)
    assert attempt.awaiting_marking and attempt.score is None
    progress = ModuleProgress.objects.get(user=world.member, page=page)
    assert progress.check_state == ModuleProgress.CheckState.AWAITING_MARKING
    assert progress.completed_at is None


def test_marking_recomputes_the_score_and_completes_the_module(world):
    page = module_page()
    quiz = quiz_with_questions(module=page, types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    progress_record_read(user=world.member, page=page)
    attempt = attempt_start(user=world.member, quiz=quiz)
    answer_every_question(attempt)
    attempt_finish(attempt=attempt)
    written = attempt.answers.get(type=QuestionType.FREE_TEXT)
    attempt_mark(attempt_answer=written, marker=world.facilitator, correct=True, comment="Good.")
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (100, True)
    progress = ModuleProgress.objects.get(user=world.member, page=page)
    assert progress.check_state == ModuleProgress.CheckState.PASSED
    assert progress.completed_at is not None


def test_marking_wrong_fails_an_attempt_that_needed_the_mark(world):
    page = module_page()
    quiz = quiz_with_questions(module=page, types=[QuestionType.SINGLE, QuestionType.FREE_TEXT])
    attempt = attempt_start(user=world.member, quiz=quiz)
    answer_every_question(attempt)
    attempt_finish(attempt=attempt)
    written = attempt.answers.get(type=QuestionType.FREE_TEXT)
    attempt_mark(attempt_answer=written, marker=world.facilitator, correct=False)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (50, False)
    progress = ModuleProgress.objects.get(user=world.member, page=page)
    assert progress.check_state == ModuleProgress.CheckState.FAILED


def test_a_failed_check_leaves_the_module_incomplete_until_a_pass(world):
    page = module_page()
    quiz = quiz_with_questions(module=page)
    progress_record_read(user=world.member, page=page)
    attempt = attempt_start(user=world.member, quiz=quiz)
    answer_every_question(attempt, right=False)
    attempt_finish(attempt=attempt)
    assert ModuleProgress.objects.get(user=world.member, page=page).completed_at is None
    retry = attempt_start(user=world.member, quiz=quiz)
    assert retry.number == 2
    answer_every_question(retry)
    attempt_finish(attempt=retry)
    assert ModuleProgress.objects.get(user=world.member, page=page).completed_at is not None


def test_a_quiz_without_questions_cannot_be_started(world):
    with pytest.raises(AttemptRefused):
        attempt_start(user=world.member, quiz=QuizFactory())


def test_single_choice_refuses_two_answers(world):
    quiz = quiz_with_questions(types=[QuestionType.SINGLE])
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    with pytest.raises(AnswerInvalid):
        attempt_answer(attempt_answer=row, option_ids=[o.pk for o in row.options.all()])


def test_a_deferred_written_answer_changes_in_place_until_submit(world):
    quiz = quiz_with_questions(types=[QuestionType.FREE_TEXT])
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    attempt_answer(attempt_answer=row, option_ids=[], free_text="First thoughts.")
    attempt_answer(attempt_answer=row, option_ids=[], free_text="Second thoughts.", flagged=True)
    row = type(row).objects.get(attempt=row.attempt)
    assert (row.free_text, row.flagged, row.correct) == ("Second thoughts.", True, None)


def test_a_deferred_multiple_response_can_be_cleared(world):
    quiz = quiz_with_questions(types=[QuestionType.MULTIPLE])
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    attempt_answer(attempt_answer=row, option_ids=[row.options.first().pk])
    attempt_answer(attempt_answer=row, option_ids=[])
    row.refresh_from_db()
    assert not row.is_answered and not row.options.filter(chosen=True).exists()


def test_changing_answers_many_times_keeps_one_row_per_question_and_option(world):
    quiz = quiz_with_questions()
    attempt = attempt_start(user=world.member, quiz=quiz)
    first = attempt.answers.get(position=1)
    right, wrong = first.options.get(correct=True), first.options.get(correct=False)
    for option in [wrong, right, wrong, right]:
        attempt_answer(attempt_answer=first, option_ids=[option.pk])
    assert attempt.answers.count() == 3
    assert AttemptOption.objects.filter(attempt_answer=first).count() == 2
    attempt = attempt_finish(attempt=attempt)
    assert attempt.answers.get(position=1).correct is True


def test_immediate_marks_on_save_and_refuses_a_change(world):
    quiz = quiz_with_questions(types=[QuestionType.MULTIPLE], feedback=Feedback.EACH)
    row = attempt_start(user=world.member, quiz=quiz).answers.get()
    first = row.options.first()
    attempt_answer(attempt_answer=row, option_ids=[first.pk])
    row.refresh_from_db()
    assert row.correct is False
    with pytest.raises(AnswerLocked):
        attempt_answer(attempt_answer=row, option_ids=[])
    assert row.options.get(chosen=True) == first


def test_a_retry_draws_unseen_questions_first_and_always_the_written_one(world):
    quiz = quiz_with_questions(
        types=[QuestionType.SINGLE] * 11 + [QuestionType.FREE_TEXT],
        draw=8,
        random_order=True,
        attempts_allowed=3,
    )
    pool = set(quiz.questions.values_list("pk", flat=True))
    written = quiz.questions.get(type=QuestionType.FREE_TEXT).pk

    def drawn(attempt):
        return set(attempt.answers.values_list("question_id", flat=True))

    first = attempt_start(user=world.member, quiz=quiz)
    first_set = drawn(first)
    attempt_finish(attempt=first)
    second = attempt_start(user=world.member, quiz=quiz)
    second_set = drawn(second)
    assert len(first_set) == len(second_set) == 8
    assert written in first_set and written in second_set
    assert pool - first_set <= second_set, "every question not seen the first time is asked"


def test_a_fixed_seed_repeats_the_draw_and_answers_shuffle_only_where_ticked(world, settings):
    settings.BOARDREADY_QUIZ_SEED = 7
    quiz = quiz_with_questions(
        types=[QuestionType.MULTIPLE] * 6, draw=4, random_order=True, attempts_allowed=3
    )
    quiz.questions.filter(sort_order__lt=3).update(shuffle_answers=True)

    def shown(attempt):
        return [
            (row.question.sort_order, [o.text for o in row.options.all()])
            for row in attempt.answers.prefetch_related("options").select_related("question")
        ]

    first = shown(attempt_start(user=world.member, quiz=quiz))
    Attempt.objects.all().delete()
    again = shown(attempt_start(user=world.member, quiz=quiz))
    assert first == again
    for sort_order, texts in first:
        if sort_order >= 3:
            assert texts == ["Right one", "Right two", "Wrong"]
