"""Running as in production: health checks, the shared cache's settings and failures, the task
worker, JSON logs with request ids, and the page shown while the database is unreachable."""

import json
import logging

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import OperationalError
from django.test import RequestFactory

from learning import health
from learning.cache import ResilientRedisCache, cache_settings
from learning.development.emails import notification_queue
from learning.development.models import Notification
from learning.logs import HEADER, JSONFormatter


@pytest.mark.django_db
def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_database_migrations_and_cache_answer(client):
    health._Migrations.applied = False
    response = client.get("/readyz")
    assert (response.status_code, response.content) == (200, b"ready\n")
    assert not response.cookies


@pytest.mark.django_db
def test_readyz_names_the_cache_when_it_does_not_answer(client, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda *args, **kwargs: None)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"not ready: cache\n"


@pytest.mark.django_db
def test_readyz_names_unapplied_migrations(client, monkeypatch):
    monkeypatch.setattr(health._Migrations, "applied", False)
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("app", False)]
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert b"migrations" in response.content


@pytest.mark.django_db
def test_readyz_names_the_database_when_it_fails(client, monkeypatch):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "CHECKS", (("database", broken), *health.CHECKS[1:]))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content.startswith(b"not ready: database")


def test_a_database_outage_gets_a_clean_503_page_and_other_errors_the_500_page():
    request = RequestFactory().get("/my/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = health.server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in response.content.decode()

    try:
        raise ValueError("something else")
    except ValueError:
        response = health.server_error(request)
    assert response.status_code == 500


def test_cache_url_chooses_redis_and_no_cache_url_local_memory():
    assert cache_settings("")["default"]["BACKEND"].endswith("LocMemCache")
    shared = cache_settings("redis://127.0.0.1:6379/1")["default"]
    assert shared["BACKEND"] == "learning.cache.ResilientRedisCache"
    assert shared["LOCATION"] == "redis://127.0.0.1:6379/1"
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_settings("memcached://127.0.0.1:11211")


def test_an_unreachable_redis_is_a_miss_and_warns_once_a_minute(caplog, monkeypatch):
    # Port 9 (discard) has no Redis on it: every call fails to connect.
    params = cache_settings("redis://127.0.0.1:9/0")["default"]
    down = ResilientRedisCache(params["LOCATION"], {"OPTIONS": params["OPTIONS"]})
    monkeypatch.setattr(ResilientRedisCache, "_last_warning", 0.0)
    with caplog.at_level(logging.WARNING, logger="learning.cache"):
        assert down.get("anything", "default") == "default"
        down.set("anything", "value")
        assert down.delete("anything") is False
        assert down.get_many(["a", "b"]) == {}
    warnings = [r for r in caplog.records if r.name == "learning.cache"]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()


def test_logs_are_one_json_object_a_line_with_the_request_id(client, db):
    response = client.get("/accessibility/", headers={HEADER: "lb-1234"})
    assert response[HEADER] == "lb-1234"
    response = client.get("/accessibility/", headers={HEADER: "not a token; drop table"})
    assert response[HEADER] != "not a token; drop table"
    assert len(response[HEADER]) == 32

    record = logging.LogRecord("learning", logging.WARNING, __file__, 1, "Hello %s", ("x",), None)
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Hello x"
    assert set(entry) == {"time", "level", "logger", "request_id", "message"}


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_a_queued_email_once_however_often_it_runs(settings, world):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    notification_queue(
        kind="reminder",
        key="operations-test",
        to=world.member.email,
        subject="Reading due",
        template="manual_reminder",
        context={"user": world.member, "items": [], "session": None},
    )
    assert mail.outbox == []  # queued, not sent in the request
    assert Notification.objects.get(key="operations-test").sent_at is None

    call_command("db_worker", batch=True, startup_delay=False, reload=False)
    call_command("db_worker", batch=True, startup_delay=False, reload=False)

    assert len(mail.outbox) == 1
    assert Notification.objects.get(key="operations-test").sent_at is not None
