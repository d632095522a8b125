"""Settings shared by every environment. Environment-specific files import from here."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from learning.cache import cache_settings
from learning.env import env_bool, env_int, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "learning",
    "learning.audit",
    "learning.development",
    "learning.wres",
    "learning.dashboard",
    "modules",
    "modules.quizzes",
    "reflection.assessment",
    "reflection.plans",
    "reflection.journal",
    "wagtailnhsukfrontend",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    "learning.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "learning.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "learning.middleware.AdminContentSecurityPolicyMiddleware",
    # Load balancer probes: answered here, with the security headers, before any session.
    "learning.health.HealthCheckMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "learning.middleware.KeepTypedTextMiddleware",
    "learning.middleware.SessionTimeoutMiddleware",
    "learning.middleware.SecondFactorMiddleware",
    "learning.middleware.AdminForEditorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "learning.middleware.NoStoreForSignedInMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "learning.urls"
WSGI_APPLICATION = "learning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "learning.context_processors.boardready",
                "learning.context_processors.session_timeout",
            ],
        },
    },
]

FORM_RENDERER = "learning.forms.NHSUKFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        # A kept connection is tested before a request uses it, so after a database restart the
        # first request of each process reconnects instead of failing on a dead connection.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. A transaction that starts by reading and then writes
    # cannot wait for the lock (SQLite answers "database is locked" at once), so every atomic
    # block takes the write lock when it begins, and waits up to 20 seconds for it, instead of
    # failing. Fine for one machine; production with several processes uses PostgreSQL.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "learning.User"
# django-axes sees every sign-in attempt first, so locked-out people never reach the password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "member_home"
LOGOUT_REDIRECT_URL = "account_login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# One cache for every process when CACHE_URL names a Redis server; local memory otherwise.
CACHES = cache_settings(env_str("CACHE_URL"))
# Personal parts of pages (home's sections, the session page, the dashboard) cached under the
# tables they read (learning/fragments.py). Safe only when every process sees the same cache:
# on with CACHE_URL, off without it unless one process serves everything (development, tests).
BOARDREADY_FRAGMENTS = env_bool("BOARDREADY_FRAGMENTS", bool(env_str("CACHE_URL")))

# Background work goes through django-tasks. Development and tests run each task at once, in the
# request; production queues them in the database for `manage.py db_worker` (django-tasks-db).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "BoardReady"
WAGTAILADMIN_BASE_URL = env_str("BOARDREADY_BASE_URL", "http://127.0.0.1:8000")
# On PostgreSQL the index uses the English configuration, which stems words, so
# "microaggression" also finds "microaggressions" (run `manage.py update_index` after changing
# it). SQLite's index has no stemmer: modules.selectors.search_query widens the words there.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_I18N_ENABLED = False

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "BoardReady <no-reply@boardready.example>")

# Aggregates of personal answers are shown only for groups at least this large (never below 3).
BOARDREADY_MIN_GROUP = env_int("BOARDREADY_MIN_GROUP", 5)
if BOARDREADY_MIN_GROUP < 3:
    raise ImproperlyConfigured("BOARDREADY_MIN_GROUP may not be below 3.")

BOARDREADY_INVITATION_DAYS = 7
# After a change of chair, members who shared commitments with the chair have this many days to
# withdraw them before the new chair can see them (learning.services.seat_appoint).
BOARDREADY_CHAIR_NOTICE_DAYS = 7

# Journal entries are encrypted with this key (README: Journal encryption). Without it,
# development and tests use a key file outside version control; production requires it.
BOARDREADY_JOURNAL_KEY = env_str("BOARDREADY_JOURNAL_KEY")
BOARDREADY_JOURNAL_KEY_FILE: Path | None = BASE_DIR / "var" / "journal.key"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
WAGTAILADMIN_LOGIN_URL = "/account/sign-in/"

# Multi-factor sign-in, lockout, sessions, CSP, upload limits: see learning/settings/security.py.
from .security import *  # noqa: E402, F403
