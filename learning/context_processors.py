"""Template context every page needs: the navigation and the person's boards."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from wagtail import hooks

from .selectors import current_membership, memberships_for_request


def _nav_links(request):
    if not request.user.is_authenticated:
        return []
    links = [{"url": reverse("member_home"), "label": _("My board development"), "order": 0}]
    for hook in hooks.get_hooks("boardready_nav_links"):
        links.extend(hook(request))
    links.sort(key=lambda link: link.get("order", 50))
    for link in links:
        link["current"] = request.path == link["url"] or (
            link["url"] != "/" and request.path.startswith(link["url"]) and link.get("prefix", True)
        )
    return links


def boardready(request):
    return {
        "nav_links": SimpleLazyObject(lambda: _nav_links(request)),
        "my_memberships": SimpleLazyObject(lambda: memberships_for_request(request)),
        "current_membership": SimpleLazyObject(lambda: current_membership(request)),
    }
