"""Small helpers the security settings point at: how django-axes names a person and a machine."""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def axes_username(request, credentials) -> str:
    """The email address as typed, in lower case, so 'A@x' and 'a@x' share one failure count."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get(settings.AXES_USERNAME_FORM_FIELD, "")
    return (username or "").strip().lower()[:254]


def _proxy_networks() -> tuple:
    return tuple(
        ipaddress.ip_network(network, strict=False)
        for network in settings.BOARDREADY_TRUSTED_PROXY_NETWORKS
    )


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _proxy_networks())


_warned: set[str] = set()


def _warn_once(reason: str, message: str) -> None:
    # Once per process and reason: the setting is wrong for every request, not for one.
    if reason not in _warned:
        _warned.add(reason)
        logger.warning(message)


def client_ip(request: HttpRequest) -> str:
    """The client's address, for sign-in pauses and the audit log.

    X-Forwarded-For is trusted only when BOARDREADY_TRUSTED_PROXY_COUNT is set and the
    request came from an address in BOARDREADY_TRUSTED_PROXY_NETWORKS (the proxy itself).
    Anyone who reaches the app directly is known by their own address, whatever header they
    send, so a made-up X-Forwarded-For cannot give each password guess a new address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.BOARDREADY_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    if not _is_trusted_proxy(remote):
        _warn_once(
            "direct",
            "BOARDREADY_TRUSTED_PROXY_COUNT is set but a request came from outside "
            "BOARDREADY_TRUSTED_PROXY_NETWORKS; its X-Forwarded-For was ignored. Is the app "
            "reachable without the proxy?",
        )
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    # Each trusted proxy appends the address it saw; the client is the one before the last N.
    if len(forwarded) >= proxies:
        return forwarded[-proxies]
    _warn_once(
        "missing",
        f"BOARDREADY_TRUSTED_PROXY_COUNT is {proxies} but a request arrived with "
        f"{len(forwarded)} X-Forwarded-For entries; the proxy's own address was used. Check "
        "the setting against the proxies in front of the app.",
    )
    return remote
