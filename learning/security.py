"""Small helpers the security settings point at: how django-axes names a person and a machine."""

from django.conf import settings


def axes_username(request, credentials) -> str:
    """The email address as typed, in lower case, so 'A@x' and 'a@x' share one failure count."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get(settings.AXES_USERNAME_FORM_FIELD, "")
    return (username or "").strip().lower()[:254]


def client_ip(request) -> str:
    """The client's address, trusting X-Forwarded-For only from the configured proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.BOARDREADY_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    # Each trusted proxy appends the address it saw; the client is the one before the last N.
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    return remote
