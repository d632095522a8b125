"""Editors write knowledge checks in the Wagtail admin; the form refuses broken answer rules."""

import pytest
from django.urls import reverse

from modules.quizzes.models import Quiz
from modules.quizzes.rules import answer_problems
from tests.conftest import sign_in
from tests.quizzes.factories import quiz_with_questions
from tests.quizzes.helpers import take

ADD_URL = "wagtailsnippets_quizzes_quiz:add"


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-DELETE"] = ""
        data[f"{prefix}-{index}-id"] = ""
        for key, value in row.items():
            if key == "answers":
                data.update(formset(f"{prefix}-{index}-answers", value))
            elif value is True:
                data[f"{prefix}-{index}-{key}"] = "on"
            elif value is not False:
                data[f"{prefix}-{index}-{key}"] = value
    return data


def quiz_post(questions):
    return {
        "title": "Knowledge check: data at board",
        "description": "Eight questions on the module.",
        "pass_mark": "70",
        "feedback": "each",
        "reveal": "final",
        "success_text": "Well done.",
        "fail_text": "Read the module again.",
        **formset("questions", questions),
    }


def question(question_type, answers):
    return {
        "type": question_type,
        "text": "What does the module say?",
        "explanation": "See the first section.",
        "topic": "Data",
        "answers": [{"text": text, "correct": correct} for text, correct in answers],
    }


@pytest.fixture
def editor_client(client, world):
    return sign_in(client, world.editor)


def test_an_editor_saves_a_quiz_with_nested_questions_and_answers(editor_client):
    data = quiz_post(
        [
            question("single", [("Yes", True), ("No", False)]),
            question("true_false", [("True", False), ("False", True)]),
            question("free_text", []),
        ]
    )
    response = editor_client.post(reverse(ADD_URL), data)
    assert response.status_code == 302, response.context["form"].errors
    quiz = Quiz.objects.get()
    assert quiz.questions.count() == 3
    assert list(quiz.questions.first().answers.values_list("text", "correct")) == [
        ("Yes", True),
        ("No", False),
    ]
    assert quiz.latest_revision is not None and not quiz.live


@pytest.mark.parametrize(
    ("question_type", "answers", "message"),
    [
        ("single", [("Only one", True)], "at least two answers"),
        ("multiple", [("A", False), ("B", False)], "at least one answer as correct"),
        ("single", [("A", True), ("B", True)], "only one correct answer"),
        ("true_false", [("Yes", True), ("No", False)], "exactly two answers"),
        ("true_false", [("True", True), ("False", False), ("Maybe", False)], "exactly two"),
        ("free_text", [("A", True)], "has no answers"),
    ],
)
def test_the_admin_refuses_broken_answer_rules(editor_client, question_type, answers, message):
    data = quiz_post([question(question_type, answers)])
    response = editor_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Quiz.objects.exists()


def test_deleted_answers_do_not_count(editor_client):
    data = quiz_post([question("single", [("A", True), ("B", False), ("C", True)])])
    data["questions-0-answers-2-DELETE"] = "on"
    response = editor_client.post(reverse(ADD_URL), data)
    assert response.status_code == 302
    assert Quiz.objects.get().questions.get().answers.count() == 2


def test_true_false_needs_one_correct_answer():
    assert answer_problems("true_false", [("True", True), ("False", True)])
    assert not answer_problems("true_false", [("False", True), ("True", False)])


def test_an_editor_opens_the_list_and_a_quiz_with_its_nested_answers(editor_client):
    quiz = quiz_with_questions()
    listing = editor_client.get(reverse("wagtailsnippets_quizzes_quiz:list"))
    assert quiz.title in listing.content.decode()
    edit = editor_client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk]))
    assert edit.status_code == 200
    assert 'name="questions-1-answers-2-text"' in edit.content.decode()


def test_a_quiz_with_attempts_cannot_be_deleted_from_under_them(editor_client, world):
    quiz = quiz_with_questions()
    take(world.member, quiz)
    delete_url = reverse("wagtailsnippets_quizzes_quiz:delete", args=[quiz.pk])
    response = editor_client.post(delete_url, follow=True)
    assert "cannot be deleted because members have attempted it" in response.content.decode()
    assert Quiz.objects.filter(pk=quiz.pk).exists()


def test_a_quiz_nobody_has_attempted_can_be_deleted(editor_client):
    quiz = quiz_with_questions()
    editor_client.post(reverse("wagtailsnippets_quizzes_quiz:delete", args=[quiz.pk]))
    assert not Quiz.objects.filter(pk=quiz.pk).exists()
