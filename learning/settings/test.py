"""Settings for the test suite: fast hashing, in-memory email, immediate tasks."""

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
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_USE_FINDERS = True
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405 (the benchmark baselines)
