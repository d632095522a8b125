"""Production settings: every secret and host-specific value comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from learning.env import env_bool, env_int, env_list, env_str
from learning.logs import json_logging

from .base import *  # noqa: F403

DEBUG = False
BOARDREADY_ENVIRONMENT = "production"
SECRET_KEY = env_str("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BOARDREADY_JOURNAL_KEY = env_str("BOARDREADY_JOURNAL_KEY", required=True)
BOARDREADY_JOURNAL_KEY_FILE = None

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "learning.storage.StaticStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

LOGGING = json_logging(env_str("LOG_LEVEL", "INFO"))

# Emails, reminders and round openings are queued in the database and sent by the worker
# (`manage.py db_worker`). BOARDREADY_TASKS=immediate runs them in the request instead, for a
# single-process installation with no worker.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks = env_str("BOARDREADY_TASKS", "database")
if _tasks not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"BOARDREADY_TASKS must be database or immediate, not {_tasks!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks]}}
