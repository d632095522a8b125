"""The cache every process shares, chosen by `CACHE_URL`, and a Redis backend that never takes a
page down with it.

Without `CACHE_URL` each process keeps its own local-memory cache, as a single process needs.
With `CACHE_URL=redis://host:6379/1` every process uses Django's built-in Redis backend, so what
one process invalidates (the navigation's addresses when a module is published, above all) is gone
for every process at once. If Redis stops answering, a read is a miss and a write is dropped:
pages are computed afresh, more slowly, and one warning a minute says why. `/readyz` reports it.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import redis
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

WARN_EVERY_SECONDS = 60
# Short timeouts: a Redis that does not answer must cost a page milliseconds, not seconds.
SOCKET_TIMEOUT_SECONDS = 0.25


def cache_settings(url: str) -> dict[str, dict[str, Any]]:
    """`CACHES` for a `CACHE_URL`: Redis when it names one, local memory when it is empty."""
    if not url:
        # Room for the page fragments' stamps beside everything else (Django's default is 300).
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS": {"MAX_ENTRIES": 10000},
            }
        }
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"CACHE_URL must be a redis://, rediss:// or unix:// address, not {url!r}."
        )
    return {
        "default": {
            "BACKEND": "learning.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "boardready",
            "OPTIONS": {
                "socket_connect_timeout": SOCKET_TIMEOUT_SECONDS,
                "socket_timeout": SOCKET_TIMEOUT_SECONDS,
            },
        }
    }


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, where an unreachable Redis is a miss rather than an error."""

    _last_warning = 0.0

    def _failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning >= WARN_EVERY_SECONDS:
            ResilientRedisCache._last_warning = now
            logger.warning(
                "The shared cache is unreachable (%s failed: %s); serving without it.",
                operation,
                type(error).__name__,
            )

    def _guarded(self, operation: str, default: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except (redis.exceptions.RedisError, OSError) as error:
            self._failed(operation, error)
            return default

    def get(self, key, default=None, version=None):
        return self._guarded("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, keys, version)

    def set(self, key, value, timeout=None, version=None):  # noqa: A003 (Django's name)
        self._guarded("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._guarded("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=None, version=None):
        return self._guarded("add", False, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._guarded("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guarded("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded("incr", None, key, delta, version)

    def clear(self):
        return self._guarded("clear", False)
