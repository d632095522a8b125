"""Which knowledge checks the dashboard counts, and the weakest areas it picks."""

from django.urls import reverse
from django.utils import timezone

from learning.dashboard.selectors import board_dashboard, knowledge_check_rates
from modules.quizzes.choices import Feedback
from modules.quizzes.models import Attempt
from tests.quizzes.factories import module_page, quiz_with_questions


def _finished(user, quiz, *, passed=True):
    Attempt.objects.create(
        user=user,
        quiz=quiz,
        number=1,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        pass_mark=70,
        feedback=Feedback.END,
        score=100 if passed else 0,
        passed=passed,
    )


def test_a_check_members_took_without_it_being_set_counts_but_stays_hidden(world):
    quiz = quiz_with_questions(module=module_page())
    _finished(world.member, quiz)
    _finished(world.editor, quiz_with_questions(module=module_page(title="Other", slug="other")))
    rates = knowledge_check_rates(world.board_a, minimum=5)
    assert [(rate.quiz, rate.finished, rate.shown, rate.percent) for rate in rates] == [
        (quiz, 0, False, None)  # one finished, but below the minimum not even that is returned
    ]


def test_a_facilitators_own_attempt_is_not_counted(world):
    quiz = quiz_with_questions(module=module_page())
    _finished(world.facilitator, quiz)
    assert knowledge_check_rates(world.board_a, minimum=5) == []


def test_pass_rates_show_once_enough_members_have_finished(world, board, content):
    rates = knowledge_check_rates(board, minimum=5)
    shown = [rate for rate in rates if rate.shown]
    assert len(rates) == 10
    assert [(rate.finished, rate.passed, rate.percent) for rate in shown] == [(6, 4, 67)] * 5


def test_the_facilitators_dashboard_data_carries_no_owner_of_an_overdue_commitment(board):
    # the selector, not the template, keeps the owners out: nothing to leak into a new page
    facilitator = board_dashboard(board, sees_commitments=False).follow
    assert facilitator.overdue_count == 2
    assert facilitator.overdue == []
    chair = board_dashboard(board, sees_commitments=True).follow
    assert chair.overdue_count == 2
    assert {commitment.owner.user.email for commitment in chair.overdue}


def test_the_facilitators_plan_counts_carry_no_owner_either(signed_in, board):
    page = signed_in(board.facilitator).get(reverse("plans:board_plans", args=[board.pk]))
    assert page.status_code == 200
    assert page.context["figures"].overdue_count == 2
    assert page.context["figures"].overdue == []
