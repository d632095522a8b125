import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from learning import env


def _load_production(monkeypatch, **environ):
    for name in ("SECRET_KEY", "ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("learning.settings.production", None)
    return importlib.import_module("learning.settings.production")


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        _load_production(monkeypatch, ALLOWED_HOSTS="boardready.example")


def test_production_refuses_to_start_without_allowed_hosts(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        _load_production(monkeypatch, SECRET_KEY="x" * 50)


def test_production_uses_postgres_from_database_url(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://br:pw@db.internal:5432/boardready")
    monkeypatch.setenv("BOARDREADY_JOURNAL_KEY", "k" * 44)  # production requires one
    sys.modules.pop("learning.settings.base", None)
    production = _load_production(
        monkeypatch, SECRET_KEY="x" * 50, ALLOWED_HOSTS="a.example,b.example"
    )
    assert production.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert production.ALLOWED_HOSTS == ["a.example", "b.example"]
    assert production.SESSION_COOKIE_SECURE and production.SECURE_SSL_REDIRECT
    sys.modules.pop("learning.settings.base", None)


def test_bool_helper_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        env.env_bool("SOME_FLAG")


def test_minimum_group_may_not_go_below_three(monkeypatch):
    monkeypatch.setenv("BOARDREADY_MIN_GROUP", "2")
    sys.modules.pop("learning.settings.base", None)
    with pytest.raises(ImproperlyConfigured):
        importlib.import_module("learning.settings.base")
    sys.modules.pop("learning.settings.base", None)
