"""System checks for settings that would otherwise fail quietly at the first request."""

import ipaddress

from django.conf import settings
from django.core.checks import Error, register


@register()
def trusted_proxy_check(app_configs, **kwargs):
    """The proxy count and networks must make sense, or sign-in pauses key on the wrong address."""
    problems = []
    if settings.BOARDREADY_TRUSTED_PROXY_COUNT < 0:
        problems.append(
            Error("BOARDREADY_TRUSTED_PROXY_COUNT may not be negative.", id="learning.E001")
        )
    for network in settings.BOARDREADY_TRUSTED_PROXY_NETWORKS:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            problems.append(
                Error(
                    f"BOARDREADY_TRUSTED_PROXY_NETWORKS: {network!r} is not an address or "
                    "network (such as 10.0.0.0/8).",
                    id="learning.E002",
                )
            )
    return problems
