"""Two processes on one Redis see one publish: what one process drops from the shared cache (the
navigation's addresses, when a module index or glossary is published) is gone for the other at once.

Needs a Redis server on 127.0.0.1:6379 (`scripts/start-redis`); `.ci/run` starts one. Without it
the test is skipped, except under CI, where it fails.
"""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS = ("127.0.0.1", 6379)
CACHE_URL = "redis://127.0.0.1:6379/15"  # a database of its own, emptied by the test

pytestmark = pytest.mark.redis


def _redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


def _in_another_process(code: str) -> str:
    """Runs `code` in a fresh Django process on the shared cache; returns what it printed."""
    env = {**os.environ, "CACHE_URL": CACHE_URL, "DJANGO_SETTINGS_MODULE": "learning.settings.dev"}
    env.pop("DATABASE_URL", None)
    setup = "import django; django.setup(); from django.core.cache import cache\n"
    result = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-c", setup + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_two_processes_sharing_the_cache_see_one_publish():
    if not _redis_answers():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379 (scripts/start-redis).")
        pytest.skip("no Redis on 127.0.0.1:6379")

    _in_another_process("cache.clear()")
    # The first process serves a page: the navigation's addresses go into the shared cache.
    _in_another_process(
        "from modules.selectors import CONTENT_URLS_CACHE\n"
        "cache.set(CONTENT_URLS_CACHE, {'testserver': {'modules.ModuleIndexPage': '/reading/'}})"
    )
    # The second process finds them there, without computing its own.
    seen = _in_another_process(
        "from modules.selectors import CONTENT_URLS_CACHE\nprint(cache.get(CONTENT_URLS_CACHE))"
    )
    assert "/reading/" in seen

    # The second process publishes (the signal handler drops the addresses) ...
    _in_another_process("from modules.selectors import forget_content_urls\nforget_content_urls()")
    # ... and the first finds nothing, so its next page computes the new navigation.
    seen = _in_another_process(
        "from modules.selectors import CONTENT_URLS_CACHE\nprint(cache.get(CONTENT_URLS_CACHE))"
    )
    assert seen == "None"
    _in_another_process("cache.clear()")
