"""Health checks for a load balancer, answered before sessions, CSRF or sign-in are touched.

- `/healthz`: the process is alive and serving. No database, no cache.
- `/readyz`: this process can serve real pages: the database answers, every migration is
  applied and the shared cache answers. 200 with "ready", or 503 with the checks that failed.

Both are plain text, never cached, and set no cookie. They are answered by a middleware that comes
after the security headers are set and before sessions, so that nothing below it (sessions, the
audit log, axes) records a probe every few seconds.
"""

from __future__ import annotations

import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"


class _Migrations:
    """Whether every migration is applied: checked until it is true once, then remembered for the
    life of the process (migrations are applied before a release's processes start)."""

    applied = False

    @classmethod
    def check(cls) -> bool:
        if not cls.applied:
            connection = connections[DEFAULT_DB_ALIAS]
            executor = MigrationExecutor(connection)
            cls.applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
        return cls.applied


def _database() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache() -> bool:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    found = cache.get(key) == "1"
    cache.delete(key)
    return found


CHECKS = (("database", _database), ("migrations", _Migrations.check), ("cache", _cache))


def readiness() -> list[str]:
    """The names of the checks that fail (an empty list when the process is ready)."""
    failed = []
    for name, check in CHECKS:
        try:
            ok = check()
        except Exception:  # noqa: BLE001 (any failure means not ready; the log says which)
            logger.warning("Readiness check %s raised.", name, exc_info=True)
            ok = False
        if not ok:
            failed.append(name)
    return failed


def _plain(text: str, status: int) -> HttpResponse:
    response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8", status=status)
    add_never_cache_headers(response)
    response["X-Frame-Options"] = "DENY"  # XFrameOptionsMiddleware comes after this one
    return response


class HealthCheckMiddleware:
    """Answers the two probe paths; every other request passes through untouched."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path == HEALTH_PATH:
            return _plain("ok", 200)
        if path == READY_PATH:
            failed = readiness()
            if failed:
                return _plain("not ready: " + ", ".join(failed), 503)
            return _plain("ready", 200)
        return self.get_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: a clean 503 page, with Retry-After, when the database could not be reached
    (a restart or a fail-over), and the usual 500 page for every other error. Django calls this
    inside its exception handler, so the exception is still at hand."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        add_never_cache_headers(response)
        return response
    return default_server_error(request)
