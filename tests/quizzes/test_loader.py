"""Loading knowledge checks from TOML: once per module, never over an editor's changes."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from modules.quizzes.choices import Feedback
from modules.quizzes.loader import load_quizzes, read_quiz_file
from modules.quizzes.models import Quiz
from tests.quizzes.factories import module_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def tiny_module(world):
    return module_page(title="A tiny module", slug="tiny-module")


def test_it_creates_a_live_quiz_linked_to_the_module(tiny_module):
    report = load_quizzes(FIXTURES / "quizzes")
    assert report.created == ["Knowledge check: a tiny module"]
    quiz = Quiz.objects.get()
    assert quiz.module == tiny_module and quiz.live and quiz.live_revision is not None
    assert (quiz.pass_mark, quiz.draw, quiz.attempts_allowed, quiz.feedback) == (
        60,
        None,
        2,
        Feedback.END,
    )
    assert [q.type for q in quiz.questions.all()] == ["single", "true_false", "free_text"]
    assert list(quiz.questions.get(type="true_false").answers.values_list("text", "correct")) == [
        ("True", False),
        ("False", True),
    ]
    assert tiny_module.knowledge_check == quiz


def test_a_reload_never_overwrites_an_editors_changes(tiny_module):
    load_quizzes(FIXTURES / "quizzes")
    quiz = Quiz.objects.get()
    quiz.title = "Edited by an editor"
    quiz.save()
    quiz.questions.first().delete()
    report = load_quizzes(FIXTURES / "quizzes")
    assert report.kept == ["Knowledge check: a tiny module"] and report.created == []
    quiz = Quiz.objects.get()
    assert quiz.title == "Edited by an editor" and quiz.questions.count() == 2


def test_a_file_for_a_missing_module_is_skipped(world):
    report = load_quizzes(FIXTURES / "quizzes")
    assert report.skipped == ["Knowledge check: a tiny module"]
    assert not Quiz.objects.exists()


def test_a_file_that_breaks_the_answer_rules_is_refused():
    with pytest.raises(ValidationError, match="only one correct answer"):
        read_quiz_file(FIXTURES / "broken.toml")
