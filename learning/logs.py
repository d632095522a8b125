"""Production logs: one JSON object a line, each with the request's id, and no personal data.

`RequestIdMiddleware` takes the id from the `X-Request-ID` header a load balancer sets (when it is
a plain token of at most 64 characters) or makes one, keeps it for the request's log lines and
sends it back in the response, so a line in the log can be matched to a request a person reports.
The formatter writes only the time, level, logger, request id and the message; it never adds the
request's user, address, query string or body.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_TOKEN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
HEADER = "X-Request-ID"


def current_request_id() -> str:
    return _request_id.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        request_id = given if _TOKEN.match(given) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class JSONFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, request id, message, and the
    exception's type and traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, tz=UTC)
        entry = {
            "time": when.isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": current_request_id(),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def json_logging(level: str = "INFO") -> dict:
    """`LOGGING` for production."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "learning.logs.JSONFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "root": {"handlers": ["console"], "level": level},
        # Django logs every 4xx/5xx with the request's path; paths here carry no personal data
        # (ids only), and the request object itself is never formatted.
        "loggers": {"django.request": {"level": "ERROR"}},
    }
