"""Factories for knowledge checks, and a module page to hang them on."""

import factory
from django.utils.text import slugify

from modules.models import HomePage, ModuleIndexPage, ModulePage
from modules.quizzes.choices import Feedback, QuestionType, Reveal
from modules.quizzes.models import Answer, Question, Quiz


def module_page(*, title="Structural racism in the NHS", slug=None) -> ModulePage:
    """A live module page under the module index (made under the home page if missing)."""
    home = HomePage.objects.first()
    index = ModuleIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=ModuleIndexPage(title="Modules", slug="modules"))
    page = ModulePage(
        title=title,
        slug=slug or slugify(title),
        summary="What structural racism is and how a board sees it.",
    )
    return index.add_child(instance=page)


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    title = factory.Sequence(lambda n: f"Knowledge check {n}")
    pass_mark = 70
    feedback = Feedback.END
    reveal = Reveal.AFTER_ATTEMPT
    live = True


def add_question(quiz, question_type=QuestionType.SINGLE, *, text=None, answers=None):
    """Adds a question; `answers` is a list of (text, correct). Defaults suit each type."""
    if answers is None:
        answers = {
            QuestionType.SINGLE: [("Right answer", True), ("Wrong answer", False)],
            QuestionType.MULTIPLE: [("Right one", True), ("Right two", True), ("Wrong", False)],
            QuestionType.TRUE_FALSE: [("True", True), ("False", False)],
            QuestionType.FREE_TEXT: [],
        }[question_type]
    position = quiz.questions.count()
    question = Question.objects.create(
        quiz=quiz,
        sort_order=position,
        type=question_type,
        text=text or f"Question {position + 1}: what does the module say?",
        explanation="The module's second section covers this.",
        topic="Basics",
    )
    for index, (answer_text, correct) in enumerate(answers):
        Answer.objects.create(
            question=question, sort_order=index, text=answer_text, correct=correct
        )
    return question


def quiz_with_questions(*, module=None, types=None, **kwargs) -> Quiz:
    """A live quiz with a question of each type given (single, multiple and true/false)."""
    quiz = QuizFactory(module=module, **kwargs)
    for question_type in types or [
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.TRUE_FALSE,
    ]:
        add_question(quiz, question_type)
    return quiz
