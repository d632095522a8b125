"""Access rows for knowledge checks: a member's attempts are theirs alone; free-text answers and
question analysis are for the board's facilitator; the chair sees neither."""

from django.urls import reverse

from modules.quizzes.choices import QuestionType
from tests.access.table import Row, signed_in
from tests.quizzes.factories import quiz_with_questions
from tests.quizzes.helpers import take

TYPES = [QuestionType.SINGLE, QuestionType.FREE_TEXT]


def _quiz(world):
    return quiz_with_questions(types=TYPES)


def _open_attempt(world):
    return take(world.member, _quiz(world), finish=False)


def _finished_attempt(world):
    return take(world.member, _quiz(world))


def _question(world):
    return reverse("quizzes:question", args=[_open_attempt(world).pk, 1])


def _check(world):
    return reverse("quizzes:check", args=[_open_attempt(world).pk])


def _finish(world):
    return reverse("quizzes:finish", args=[_open_attempt(world).pk])


def _review(world):
    return reverse("quizzes:review", args=[_finished_attempt(world).pk])


def _extend(world):
    attempt = take(world.member, quiz_with_questions(types=TYPES, time_limit=10), finish=False)
    return reverse("quizzes:extend", args=[attempt.pk])


def _mark(world):
    row = _finished_attempt(world).answers.get(type=QuestionType.FREE_TEXT)
    return reverse("quizzes:mark", args=[row.pk])


def _analysis(world):
    return reverse("quizzes:analysis", args=[world.board_a.pk, _quiz(world).pk])


ROWS = [
    Row("quizzes: my knowledge checks", lambda w: reverse("quizzes:mine"), signed_in(200)),
    Row(
        "quizzes: knowledge check",
        lambda w: reverse("quizzes:quiz", args=[_quiz(w).pk]),
        signed_in(200),
    ),
    Row(
        "quizzes: start a knowledge check",
        lambda w: reverse("quizzes:start", args=[_quiz(w).pk]),
        signed_in(302),
        method="post",
    ),
    Row("quizzes: a member's question", _question, signed_in(404, member=200)),
    Row(
        "quizzes: answer a member's question",
        _question,
        signed_in(404, member=302),
        method="post",
        data=lambda w: {"flagged": "on", "action": "next"},
    ),
    Row("quizzes: check a member's answers", _check, signed_in(404, member=200)),
    Row("quizzes: finish a member's attempt", _finish, signed_in(404, member=302), method="post"),
    Row("quizzes: a member's result", _review, signed_in(404, member=200)),
    Row(
        "quizzes: more time on a member's timed attempt",
        _extend,
        signed_in(404, member=302),
        method="post",
    ),
    Row(
        "quizzes: marking queue",
        lambda w: reverse("quizzes:marking"),
        signed_in(404, facilitator=200),
    ),
    Row("quizzes: mark a member's written answer", _mark, signed_in(404, facilitator=200)),
    Row(
        "quizzes: save a mark",
        _mark,
        signed_in(404, facilitator=302),
        method="post",
        data=lambda w: {"result": "right"},
    ),
    Row("quizzes: question analysis for board A", _analysis, signed_in(404, facilitator=200)),
]
