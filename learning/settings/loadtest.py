"""Settings for `make loadtest`: production, served by gunicorn on 127.0.0.1, with only what a
run on this machine needs. Every secret still comes from the environment (the driver,
`bench/loadtest/run.py`, makes throwaway ones) and every security setting stays as production
has it: HTTPS redirect, secure cookies and HSTS included. Locust stands where the TLS-ending
proxy would and sends `X-Forwarded-Proto: https`, which production already trusts
(`SECURE_PROXY_SSL_HEADER`), so nothing here turns HTTPS off.
"""

from .production import *  # noqa: F403

BOARDREADY_ENVIRONMENT = "loadtest"

# The dataset (`bench.dataset`) includes the benchmark's plain-Wagtail reference page, whose
# table the `bench` app's migration makes. The app adds no URL and no middleware.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405

# The load test requests pages, never static files, so there is no `collectstatic` run to wait
# for: the templates' `{% static %}` names come from the plain storage and whitenoise finds the
# files in place (as in the test settings) instead of production's hashed manifest.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Each response names the worker process that served it (the publish step needs to know).
MIDDLEWARE = [*MIDDLEWARE, "bench.middleware.worker_header"]  # noqa: F405

# Emails are recorded, not sent (bench.mail): the worker-down step counts what went out.
EMAIL_BACKEND = "bench.mail.RecordingBackend"
