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
    assert report.edited == ["Edited by an editor"] and report.created == []
    quiz = Quiz.objects.get()
    assert quiz.title == "Edited by an editor" and quiz.questions.count() == 2


def test_a_file_for_a_missing_module_is_skipped(world):
    report = load_quizzes(FIXTURES / "quizzes")
    assert report.skipped == ["Knowledge check: a tiny module"]
    assert not Quiz.objects.exists()


def test_a_file_that_breaks_the_answer_rules_is_refused():
    with pytest.raises(ValidationError, match="only one correct answer"):
        read_quiz_file(FIXTURES / "broken.toml")


def _add_question_to_fixture(tmp_path):
    text = (FIXTURES / "quizzes" / "tiny-module.toml").read_text()
    text = text.replace("attempts_allowed = 2", "attempts_allowed = 3")
    text += (
        '\n[[question]]\ntype = "true_false"\ntext = "A new question for the pool."\n'
        'explanation = "True."\nanswers = [\n  { text = "True", correct = true },\n'
        '  { text = "False", correct = false },\n]\n'
    )
    (tmp_path / "tiny-module.toml").write_text(text)
    return tmp_path


def test_new_questions_reach_a_check_loaded_before_as_a_new_revision(tiny_module, tmp_path):
    load_quizzes(FIXTURES / "quizzes")
    report = load_quizzes(_add_question_to_fixture(tmp_path), create=False)
    assert report.updated == ["Knowledge check: a tiny module"]
    quiz = Quiz.objects.get()
    assert quiz.questions.count() == 4 and quiz.attempts_allowed == 3
    assert quiz.revisions.count() == 2 and quiz.live_revision == quiz.latest_revision
    assert quiz.questions.order_by("sort_order").last().text == "A new question for the pool."
    assert load_quizzes(tmp_path, create=False).kept == ["Knowledge check: a tiny module"]


def test_a_check_an_editor_revised_is_left_alone_and_listed(tiny_module, tmp_path, world):
    load_quizzes(FIXTURES / "quizzes")
    quiz = Quiz.objects.get()
    quiz.pass_mark = 80
    quiz.save()
    quiz.save_revision(user=world.editor).publish()
    report = load_quizzes(_add_question_to_fixture(tmp_path), create=False)
    assert report.edited == ["Knowledge check: a tiny module"] and report.updated == []
    quiz = Quiz.objects.get()
    assert quiz.questions.count() == 3 and quiz.pass_mark == 80


def test_migrate_brings_loaded_checks_up_to_date(tiny_module, tmp_path, monkeypatch):
    from modules.quizzes import apps, loader

    load_quizzes(FIXTURES / "quizzes")
    monkeypatch.setattr(loader, "QUIZ_DIR", _add_question_to_fixture(tmp_path))
    apps.update_loaded_checks(sender=None)
    assert Quiz.objects.get().questions.count() == 4
