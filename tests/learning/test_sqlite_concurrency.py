"""Simultaneous submits on SQLite: every request answered, nothing saved twice.

SQLite lets one connection write at a time. Without `transaction_mode: IMMEDIATE` a transaction
that reads first and writes later (starting a knowledge check reads the open attempt, then
saves one) is refused with "database is locked" when another writer holds the lock, and the
person gets a 500. The settings make every transaction take the lock when it begins and wait
for it (`timeout`), so the requests queue instead.

The test database is normally in memory, shared between threads through SQLite's shared cache,
which locks tables its own way and ignores the busy timeout. So the threads here use a copy of
it in a file, as a real installation does. On PostgreSQL they use the test database itself.
"""

import sqlite3
import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from modules.quizzes.models import Attempt
from tests.conftest import ensure_site_tree
from tests.factories import BoardFactory, MembershipFactory
from tests.quizzes.factories import module_page, quiz_with_questions

THREADS = 5


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """Yields a function that copies what the test has made so far to where the threads'
    connections will find it: a file for SQLite, nothing to do for PostgreSQL."""
    handler_settings = connections.settings
    original = handler_settings["default"]

    def publish():
        if connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return
        path = tmp_path / "concurrency.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        # New connections (one per thread) read this dict; the main thread's stays as it is.
        handler_settings["default"] = {**original, "NAME": str(path)}

    yield publish
    handler_settings["default"] = original


def in_threads(count, work):
    """Runs `work(index)` in `count` threads that start together; returns results and errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(index):
        try:
            results[index] = work(index, barrier)
        except Exception as error:  # noqa: BLE001 (reported by the assertions)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


def in_a_thread(query):
    """Reads through the threads' database (the file copy on SQLite)."""
    results, errors = in_threads(1, lambda index, barrier: query())
    assert errors == []
    return results[0]


def test_sqlite_waits_for_the_write_lock_in_every_settings_module():
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("The suite runs on PostgreSQL.")
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20


def _start_together(users, quiz):
    def post(index, barrier):
        client = Client(raise_request_exception=False)
        client.force_login(users[index])
        barrier.wait(timeout=30)
        return client.post(reverse("quizzes:start", args=[quiz.pk])).status_code

    return in_threads(len(users), post)


def test_five_simultaneous_starts_by_one_member_give_one_attempt_and_no_error(
    shared_database,
):
    ensure_site_tree()
    board = BoardFactory()
    user = MembershipFactory(board=board).user
    quiz = quiz_with_questions(module=module_page())
    shared_database()

    statuses, errors = _start_together([user] * THREADS, quiz)

    assert errors == []
    assert statuses == [302] * THREADS
    assert in_a_thread(lambda: Attempt.objects.filter(user_id=user.pk).count()) == 1


def test_five_members_starting_at_once_each_get_their_own_attempt(shared_database):
    ensure_site_tree()
    board = BoardFactory()
    users = [MembershipFactory(board=board).user for _ in range(THREADS)]
    quiz = quiz_with_questions(module=module_page())
    shared_database()

    statuses, errors = _start_together(users, quiz)

    assert errors == []
    assert statuses == [302] * THREADS
    counts = in_a_thread(
        lambda: sorted(Attempt.objects.filter(quiz_id=quiz.pk).values_list("user_id", flat=True))
    )
    assert counts == sorted(user.pk for user in users)
