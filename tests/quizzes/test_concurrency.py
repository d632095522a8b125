"""Two "finish" requests at the same moment give one finished attempt with one score."""

import threading

import pytest
from django.db import connection, connections

from modules.models import ModuleProgress
from modules.quizzes.models import Attempt
from modules.quizzes.services import attempt_finish
from tests.conftest import ensure_site_tree
from tests.factories import UserFactory
from tests.quizzes.factories import module_page, quiz_with_questions
from tests.quizzes.helpers import take

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="Row locks need PostgreSQL (CI runs it)."
    ),
]


def test_two_simultaneous_finishes_give_one_finished_attempt_with_one_score():
    ensure_site_tree()
    user = UserFactory()
    quiz = quiz_with_questions(module=module_page())
    attempt = take(user, quiz, finish=False)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def finish():
        try:
            barrier.wait(timeout=10)
            results.append(attempt_finish(attempt=Attempt.objects.get(pk=attempt.pk)))
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=finish) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert len(results) == 2
    assert {(r.finished_at, r.score, r.passed) for r in results} == {
        (results[0].finished_at, 100, True)
    }
    assert Attempt.objects.filter(user=user, finished_at__isnull=False).count() == 1
    assert ModuleProgress.objects.filter(user=user).count() == 1
