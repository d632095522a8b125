"""Settings for the test suite: fast hashing, in-memory email, immediate tasks."""

import os

from learning.cache import cache_settings
from learning.env import env_str

from .base import *  # noqa: F403

DEBUG = False
BOARDREADY_ENVIRONMENT = "test"
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
BOARDREADY_MIN_GROUP = 5
# With CACHE_URL (a Redis server, no database number) each pytest-xdist worker uses a Redis
# database of its own, so one worker's `cache.clear()` never empties another's; CI runs the
# PostgreSQL pass this way. Without it, local memory.
if _cache_url := env_str("CACHE_URL"):
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    CACHES = cache_settings(f"{_cache_url.rstrip('/')}/{_worker + 1}")
WAGTAILADMIN_BASE_URL = "http://testserver"
BOARDREADY_FRAGMENTS = True  # each pytest worker is one process with a cache of its own
WHITENOISE_USE_FINDERS = True
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405 (the benchmark baselines)
