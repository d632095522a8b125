"""Settings for `make demo` and local development: embedded SQLite, console email."""

from learning.env import env_list, env_str

from .base import *  # noqa: F403

DEBUG = True
BOARDREADY_ENVIRONMENT = "development"
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-boardready")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
WHITENOISE_USE_FINDERS = True
BOARDREADY_FRAGMENTS = True  # runserver serves from one process
